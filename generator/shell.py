"""Page shells: the site engine's page chrome, rendered once per page type, filled per page.

Rendering every generated page through the site engine (Markdown, then the theme's templates)
costs milliseconds a page and dominated the build at a few thousand services. The chrome of a
journey, agency or service page (header, navigation, footer, asset links) is the same for every
page of that type, so the engine renders one placeholder page per type, and each real page is
that shell with its title, description, address and body put in. Tokens are plain lowercase
words so that no Markdown, Jinja or HTML step changes them; everything put in is escaped here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

TITLE = "onestopshelltitletoken"
DESCRIPTION = "onestopshelldescriptiontoken"
BODY = "onestopshellbodytoken"
EDIT = "onestopshelledittoken"

SHELL_URLS = {
    "journey": "journeys/onestopshellpage/",
    "agency": "agencies/onestopshellpage/",
    "service": "services/onestopshellagency/onestopshellpage/",
}
"""Where each page type's shell is rendered: at the same depth as the pages it stands for,
so that its relative links to assets and other pages are right for them too."""


@dataclass(frozen=True)
class Shell:
    kind: str
    html: str
    """The engine's rendering of the placeholder page, tokens included."""

    def fill(self, url: str, title: str, description: str, body: str, edit_path: str = "") -> str:
        shell_url = SHELL_URLS[self.kind]
        # The theme adds an h1 to a page whose content has none (the placeholder has none);
        # our bodies bring their own.
        text = self.html.replace(f"<h1>{TITLE}</h1>", "", 1)
        text = text.replace(shell_url, url)  # canonical link, and any other self-reference
        text = text.replace(TITLE, html.escape(title, quote=True))
        text = text.replace(DESCRIPTION, html.escape(description, quote=True))
        text = text.replace(EDIT, edit_path)
        before, found, after = text.partition(BODY)
        if not found:
            raise ValueError(f"the {self.kind} page shell has no body placeholder")
        return before + body + after  # the body is trusted HTML from our templates: not escaped
