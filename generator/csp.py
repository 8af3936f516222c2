"""A Content-Security-Policy `<meta>` for every page: only the site's own scripts and styles run.

The theme writes a few small inline scripts into each page (mkdocs-material's storage helpers,
its colour palette switch, tab restoring). Rather than allow inline script at all, each one gets
its SHA-256 hash in the page's policy, computed from the theme's templates (`template_inlines`:
the scripts and styles written in them, rendered by the engine adapter for the page's place in
the site), never from the page as written: a theme upgrade that changes them keeps working, and
anything else (a `<script>` in a hand-written page, an `onerror=` attribute, a `javascript:` link)
is refused by the browser. Data blocks (`application/json`, `application/ld+json`) are not run,
so they need no hash.

A `<meta>` policy cannot set `frame-ancestors` or reporting; a server that can send headers should
send this same policy as a header and add `frame-ancestors 'none'`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

POLICY: dict[str, str] = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",  # the theme's CSS draws its icons with data: SVG masks
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index
    "worker-src": "'self'",  # the search runs in a worker from the site's assets
    "manifest-src": "'self'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
"""Nothing from another host, no plugins, no inline code but the hashed theme scripts."""

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<style\b[^>]*>(?P<body>.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_EXISTING = re.compile(r"<meta\s+http-equiv=[\"']?Content-Security-Policy", re.IGNORECASE)
_RUNNABLE_TYPES = {"text/javascript", "application/javascript", "module"}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script the browser would run."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _RUNNABLE_TYPES):
            continue
        found.append(match.group("body"))
    return found


def inline_styles(html: str) -> list[str]:
    return [m.group("body") for m in _STYLE.finditer(html)]


@dataclass(frozen=True)
class Inlines:
    """The inline scripts and styles a page may run: those the theme's templates write."""

    scripts: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()


def template_inlines(sources: Iterable[str]) -> Inlines:
    """The inline scripts and styles written in templates' sources, as template source still (the
    adapter renders each for the page's place: a script may say where the site's root is)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for source in sources:
        scripts.update(inline_scripts(source))
        styles.update(inline_styles(source))
    return Inlines(frozenset(scripts), frozenset(styles))


NO_INLINES = Inlines()


def policy(allowed: Inlines = NO_INLINES) -> str:
    """The policy of a page that may run `allowed` (rendered theme scripts and styles) inline."""
    directives = dict(POLICY)
    scripts = sorted({sha256(body) for body in allowed.scripts})
    styles = sorted({sha256(body) for body in allowed.styles})
    if scripts:
        directives["script-src"] += " " + " ".join(scripts)
    if styles:
        directives["style-src"] += " " + " ".join(styles)
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_csp(html: str, allowed: Inlines = NO_INLINES) -> str:
    """`html` with its policy as the first thing the browser reads after the character set. Only
    the `allowed` inline scripts and styles that the page holds are listed."""
    if _EXISTING.search(html):
        return html
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    present = Inlines(allowed.scripts & set(inline_scripts(html)), allowed.styles & set(inline_styles(html)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(present)}">'
    return html[: anchor.end()] + "\n    " + meta + html[anchor.end():]
