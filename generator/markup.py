"""Agency Markdown to HTML, safely: no raw HTML, only https/mailto/tel links, headings nested.

Validation already rejects raw HTML and bad link schemes with a located error; this is the
second line of defence, so that nothing an editor writes can ever run script on a page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SAFE_HREF = re.compile(r"^(?:https://|mailto:|tel:)", re.IGNORECASE)
_HEADING = re.compile(r"^h([1-6])$")


class _Sanitize(Treeprocessor):
    def __init__(self, md: markdown.Markdown, heading_shift: int):
        super().__init__(md)
        self.heading_shift = heading_shift

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = element.get("href", "")
                if not _SAFE_HREF.match(href.strip()):
                    element.attrib.pop("href", None)
            elif element.tag == "img":  # images are not part of the contract
                element.tag = "span"
                element.text = element.get("alt", "")
                element.attrib.clear()
            heading = _HEADING.match(element.tag)
            if heading:
                element.tag = f"h{min(6, int(heading.group(1)) + self.heading_shift)}"


class _SafeMarkdown(Extension):
    def __init__(self, heading_shift: int):
        super().__init__()
        self.heading_shift = heading_shift

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Sanitize(md, self.heading_shift), "onestop_sanitize", 0)


class MarkdownRenderer:
    """One Markdown converter, reused: building one per field would dominate build time."""

    def __init__(self, heading_shift: int = 2):
        self._md = markdown.Markdown(extensions=["sane_lists", _SafeMarkdown(heading_shift)])

    def block(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        self._md.reset()
        return Markup(self._md.convert(text))

    def inline(self, text: str | None) -> Markup:
        """For list items: one paragraph without the <p> wrapper."""
        html = self.block(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return Markup(html[3:-4])
        return html
