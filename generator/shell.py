"""Page shells: the site engine's page chrome, rendered once per page type, filled per page.

Rendering every generated page through the site engine (Markdown, then the theme's templates)
costs milliseconds a page and dominated the build at a few thousand services. The chrome of a
journey, agency or service page (header, navigation, footer, asset links) is the same for every
page of that type, so the engine renders one placeholder page per type (at the type's
`shell_url`, page_types.py), and each real page is that shell with its title, description,
address and body put in. Tokens are plain lowercase words so that no Markdown, Jinja or HTML
step changes them, with a random part no content can contain; everything put in is escaped
here. A shell is filled by position: where each token and self-reference sits is found once, in
the shell as the engine rendered it, so a title or body that holds a token's word (or the shell's
address) is put in as text and moves nothing.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass, field

from markupsafe import escape as markup_escape

from .page_types import BY_KIND

_NONCE = secrets.token_hex(8)
"""New in every process (forked page writers share their parent's): no content can know the tokens."""
TITLE = f"onestopshelltitletoken{_NONCE}"
DESCRIPTION = f"onestopshelldescriptiontoken{_NONCE}"
BODY = f"onestopshellbodytoken{_NONCE}"
EDIT = f"onestopshelledittoken{_NONCE}"


def _in_text(page: str, at: int) -> bool:
    """Whether position `at` of the page is text of an element that may hold markup: not inside a
    tag (an attribute), nor in <title> or a script, which hold text only."""
    before = page[:at]
    if before.rfind("<") > before.rfind(">"):
        return False
    return all(before.rfind(f"<{name}") <= before.rfind(f"</{name}>") for name in ("title", "script"))


def shell_urls() -> dict[str, str]:
    """Each item page type's shell address, by kind."""
    return {kind: page_type.shell_url for kind, page_type in BY_KIND.items() if page_type.shell_url}


@dataclass(frozen=True)
class Shell:
    kind: str
    html: str
    """The engine's rendering of the placeholder page, tokens included (and no heading of its own:
    the bodies bring their h1)."""

    _parts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """The shell split at each slot: text, slot name, text, slot name, ..., text."""

    def __post_init__(self) -> None:
        shell_url = BY_KIND[self.kind].shell_url
        assert shell_url is not None
        slots = {shell_url: "url", TITLE: "title", DESCRIPTION: "description", EDIT: "edit", BODY: "body"}
        pattern = re.compile("|".join(re.escape(token) for token in sorted(slots, key=len, reverse=True)))
        parts: list[str] = []
        start = 0
        for match in pattern.finditer(self.html):
            slot = slots[match.group()]
            if slot == "title" and _in_text(self.html, match.start()):
                slot = "title_text"
            parts += [self.html[start:match.start()], slot]
            start = match.end()
        parts.append(self.html[start:])
        if parts[1::2].count("body") != 1:
            raise ValueError(f"the {self.kind} page shell has no body placeholder, or more than one")
        object.__setattr__(self, "_parts", tuple(parts))

    def fill(self, url: str, title: str, description: str, body: str, edit_path: str = "") -> str:
        """The page: each slot of the shell filled by position (canonical link and other
        self-references with `url`, the escaped title and description, the edit path, the body,
        which is trusted HTML from our templates and not escaped)."""
        escaped = html.escape(title, quote=True)
        # A title a translation left in the source language (overlay.Foreign) prints itself, marked,
        # where the shell has it as text.
        values = {"url": url, "title": escaped,
                  "title_text": str(markup_escape(title)) if getattr(title, "lang", None) else escaped,
                  "description": html.escape(description, quote=True), "edit": edit_path, "body": body}
        parts = self._parts
        return "".join(part if i % 2 == 0 else values[part] for i, part in enumerate(parts))
