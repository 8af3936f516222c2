"""Where a link may go, and what it may carry, in every web address and Markdown link an editor
writes: an https address with no user name or password in it ('https://www.irs.gov@evil.example/'
goes to evil.example), an email address and nothing after it (no '?bcc=' or '%0A' headers), a phone
number; on hand-written pages, a path on the site too. Hosts that mix alphabets (a Cyrillic
'apple.com') and link texts that read as another address are warned about."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from ..load import JsonPath
from ..markup import EMAIL
from ..markup import TEL as _TEL
from .checker import Checker, Where

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LOOKS_LIKE_ADDRESS = re.compile(r"\s*(?:https?://)?((?:[\w-]+\.)+[^\W\d_]{2,})\.?(?:[/:?#]\S*)?\s*", re.UNICODE)
_HTTPS_HINT = "use the full https:// address of the page"


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _same_site(a: str, b: str) -> bool:
    return a.removeprefix("www.") == b.removeprefix("www.")


@lru_cache(maxsize=4096)
def scripts_of(host: str) -> tuple[str, ...]:
    """The alphabets of a host's letters ('LATIN', 'CYRILLIC'...), its IDNA labels decoded. Cached:
    a site's thousands of links go to a few hundred hosts (a name per character each time cost a
    tenth of `onestop check` at 10,000 services)."""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                pass
        labels.append(label)
    found = {unicodedata.name(ch, "UNKNOWN").split()[0] for ch in ".".join(labels) if ch.isalpha()}
    return tuple(sorted(found))


def plainly_one_host(url: str) -> bool:
    """Whether `url` passes `check_https` on sight: ASCII with no '@' (so no user name before its
    host) and no 'xn--' (so every letter of its host is a Latin one). Most addresses are; splitting
    each one was a tenth of the text rules (tests/hostile/test_text_screens.py holds the two equal)."""
    return url.isascii() and "@" not in url and "xn--" not in url.lower()


def check_https(check: Checker, path: JsonPath, url: str, at: Where = None) -> None:
    """An https address goes where it says: no user name or password before the host (refused),
    no host that mixes alphabets (a warning)."""
    if plainly_one_host(url):
        return
    try:
        parts = urlsplit(url)
    except ValueError:
        return  # the schema's pattern, or the link rule, says what is wrong with its form
    if "@" in parts.netloc:
        userinfo, _, host = parts.netloc.rpartition("@")
        check.add(path, f"address '{url[:80]}' has '{userinfo[:40]}@' before its host: it goes to "
                  f"{host[:60]}, not to {userinfo[:40]}",
                  "remove the part between https:// and @ (a web address for citizens never has a user name "
                  "or password in it)", at=at)
        return
    scripts = scripts_of(parts.hostname or "")
    if len(scripts) > 1:
        check.warn(path, f"address '{url[:80]}' has a host that mixes alphabets ({', '.join(scripts)}), as "
                   "look-alike addresses do", "check the address with the agency, and type it again by hand", at=at)


def check_link(check: Checker, path: JsonPath, url: str, at: Where, pages: bool = False) -> None:
    """One Markdown link's destination. `pages`: a hand-written page, which may also link to a
    path on the site (no scheme, no '//')."""
    target = html.unescape(url).strip()
    lowered = target.lower()
    if lowered.startswith("https://"):
        check_https(check, path, target, at)
    elif lowered.startswith("mailto:"):
        if not EMAIL.fullmatch(target[len("mailto:"):]):
            check.add(path, f"link '{url[:60]}' must be mailto: and an email address, nothing more",
                      "write it as mailto:name@agency.gov, with no ?subject=, ?bcc= or %-codes after it", at=at)
    elif lowered.startswith("tel:"):
        if not _TEL.fullmatch(target[len("tel:"):]):
            check.add(path, f"link '{url[:60]}' must be tel: and a phone number, nothing more",
                      "write it as tel:+17177871057", at=at)
    elif not pages or _SCHEME.match(target) or target.startswith(("//", "\\", "/\\")):
        allowed = "https://, mailto: or tel:" + (", or be a path on this site" if pages else "")
        check.add(path, f"link '{url[:60]}' must start with {allowed}", _HTTPS_HINT, at=at)


def check_link_text(check: Checker, path: JsonPath, text: str, url: str, at: Where = None) -> None:
    """A link whose words read as an address (or an email address) that is not where it goes: a warning."""
    target = html.unescape(url).strip()
    if target.lower().startswith("mailto:"):
        shown = text.strip().removeprefix("mailto:")
        if EMAIL.fullmatch(shown) and shown.lower() != target[len("mailto:"):].lower():
            check.warn(path, f"link text '{text[:60]}' reads as an email address, but the link writes to "
                       f"{target[len('mailto:'):][:60]}", "make the words the address the link writes to", at=at)
        return
    looks = _LOOKS_LIKE_ADDRESS.fullmatch(text)
    host = _host(target) if looks else ""  # most link texts are words: no address to split
    if looks and host and not _same_site(looks.group(1).lower(), host):
        check.warn(path, f"link text '{text[:60]}' reads as an address, but the link goes to {host[:60]}",
                   "make the words say where the link goes, or write the address it goes to", at=at)
