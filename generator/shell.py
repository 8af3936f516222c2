"""Page shells: the site engine's page chrome, rendered once per page type, filled per page.

Rendering every generated page through the site engine (Markdown, then the theme's templates)
costs milliseconds a page and dominated the build at a few thousand services. The chrome of a
journey, agency or service page (header, navigation, footer, asset links) is the same for every
page of that type, so the engine renders one placeholder page per type (at the type's
`shell_url`, page_types.py), and each real page is that shell with its title, description,
address and body put in. Tokens are plain lowercase words so that no Markdown, Jinja or HTML
step changes them; everything put in is escaped here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .page_types import BY_KIND

TITLE = "onestopshelltitletoken"
DESCRIPTION = "onestopshelldescriptiontoken"
BODY = "onestopshellbodytoken"
EDIT = "onestopshelledittoken"


def shell_urls() -> dict[str, str]:
    """Each item page type's shell address, by kind."""
    return {kind: page_type.shell_url for kind, page_type in BY_KIND.items() if page_type.shell_url}


@dataclass(frozen=True)
class Shell:
    kind: str
    html: str
    """The engine's rendering of the placeholder page, tokens included (and no heading of its own:
    the bodies bring their h1)."""

    def fill(self, url: str, title: str, description: str, body: str, edit_path: str = "") -> str:
        shell_url = BY_KIND[self.kind].shell_url
        assert shell_url is not None
        text = self.html.replace(shell_url, url)  # canonical link, and any other self-reference
        text = text.replace(TITLE, html.escape(title, quote=True))
        text = text.replace(DESCRIPTION, html.escape(description, quote=True))
        text = text.replace(EDIT, edit_path)
        before, found, after = text.partition(BODY)
        if not found:
            raise ValueError(f"the {self.kind} page shell has no body placeholder")
        return before + body + after  # the body is trusted HTML from our templates: not escaped
