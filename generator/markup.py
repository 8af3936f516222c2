"""Agency Markdown to HTML, safely: no raw HTML, only https/mailto/tel links, headings nested.

Validation already rejects raw HTML and bad link schemes with a located error; this is the
second line of defence, so that nothing an editor writes can ever run script on a page.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import markdown
from markdown import inlinepatterns
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .markdown_shape import shape_problem

EMAIL = re.compile(r"[A-Za-z0-9._+'-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")
"""An email address and nothing more: no display name, no '?' headers, no percent-encoding."""
TEL = re.compile(r"\+?[0-9().-]{2,30}")
"""A phone number in a tel: link."""


def safe_href(href: str) -> bool:
    """Whether a link may go there: https, or mailto: an address alone, or tel: a number alone."""
    href = href.strip()
    lowered = href.lower()
    if lowered.startswith("mailto:"):
        return EMAIL.fullmatch(href[7:]) is not None
    if lowered.startswith("tel:"):
        return TEL.fullmatch(href[4:]) is not None
    return lowered.startswith("https://") and "@" not in href.split("/", 3)[2]
_HEADING = re.compile(r"^h([1-6])$")

# The plain subset (see plain_markdown_html): words and punctuation that no Markdown inline
# pattern reacts to, and links to https addresses made of characters that need no escaping.
_PLAIN_TEXT = r"[^\x00-\x1f\\`*_\[\]!<>&#~|{}()]"
_PLAIN_RUN = re.compile(rf"(?:{_PLAIN_TEXT}|\((?:{_PLAIN_TEXT})*\))*")
_PLAIN_LINK = re.compile(rf"\[({_PLAIN_TEXT}+)\]\((https://[A-Za-z0-9./:?=%+-]+)\)")
_PLAIN_INLINE = re.compile(rf"{_PLAIN_RUN.pattern}(?:{_PLAIN_LINK.pattern}{_PLAIN_RUN.pattern})*")
_BLOCK_START = re.compile(r"[\s#>=*+\-]|\d+[.)]|```|~~~")
_BULLET = "- "


def _plain_inline(line: str) -> bool:
    return (_PLAIN_INLINE.fullmatch(line) is not None and not line.endswith(" ")
            and not _BLOCK_START.match(line))


def plain_markdown_html(text: str) -> str | None:
    """The HTML Python-Markdown makes of `text`, when `text` is in the plain subset; else None.

    Most agency text is paragraphs, tight "- " bullet lists and https links. Python-Markdown takes
    about a millisecond for such a description, which was half the time of rendering a service
    page; this writes the same HTML directly. Anything outside the subset (emphasis, headings,
    numbered or nested lists, a list right after a paragraph line, escapes, entities, a trailing
    double space, an indented line...) returns None and goes through Python-Markdown.
    tests/test_markup.py checks that the two agree, on generated text and on every example field.
    """
    out: list[str] = []
    previous_list = False
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        if not block or any(not line for line in lines):  # three newlines in a row: leave it to Markdown
            return None
        if all(line.startswith(_BULLET) for line in lines):
            items = [line[len(_BULLET):] for line in lines]
            # Two lists a blank line apart are one loose list in Markdown: not in the subset.
            if previous_list or not all(item and _plain_inline(item) for item in items):
                return None
            out.append("<ul>\n" + "".join(f"<li>{_links(item)}</li>\n" for item in items) + "</ul>")
            previous_list = True
        else:
            if not all(_plain_inline(line) for line in lines):
                return None
            out.append(f"<p>{_links(block)}</p>")
            previous_list = False
    return "\n".join(out)


def _links(text: str) -> str:
    return _PLAIN_LINK.sub(r'<a href="\2">\1</a>', text)


class _Sanitize(Treeprocessor):
    def __init__(self, md: markdown.Markdown, heading_shift: int):
        super().__init__(md)
        self.heading_shift = heading_shift

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                if not safe_href(element.get("href", "")):
                    element.attrib.pop("href", None)
            elif element.tag == "img":  # images are not part of the contract
                element.tag = "span"
                element.text = element.get("alt", "")
                element.attrib.clear()
            heading = _HEADING.match(element.tag)
            if heading:
                element.tag = f"h{min(6, int(heading.group(1)) + self.heading_shift)}"


MAX_LINK_TEXT = 1000
"""A link's text ([...]) is looked for this far at most, as CommonMark bounds a label to 999."""
MAX_LINK_DESTINATION = 2000
"""A link's address ((...)) likewise."""
MAX_BRACKET_STEPS = 8
"""How many ']' (or ')') one look-up passes before it gives up: brackets nested deeper than that
are text. Python-Markdown looked from every '[' to the end of the text, one character at a time:
'[' * 20,000 took a minute. Bounded, each look-up is a few C-speed searches."""


def _closing(data: str, index: int, opening: str, closing: str, limit: int) -> int:
    """Where the bracket opened just before `index` closes (nested ones counted), or -1 when it
    does not within `limit` characters and MAX_BRACKET_STEPS closing brackets."""
    end = min(len(data), index + limit)
    depth, pos = 1, index
    for _ in range(MAX_BRACKET_STEPS):
        close = data.find(closing, pos, end)
        if close < 0:
            return -1
        depth += data.count(opening, pos, close) - 1
        if depth == 0:
            return close
        if depth > MAX_BRACKET_STEPS:
            return -1
        pos = close + 1
    return -1


class _BoundedBrackets(inlinepatterns.LinkInlineProcessor):
    """Python-Markdown's link processors with their bracket look-ups bounded (see MAX_BRACKET_STEPS):
    the same links as before, found in time linear in the text."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802 - Markdown's API
        close = _closing(data, index, "[", "]", MAX_LINK_TEXT)
        if close < 0:
            return "", index, False
        return data[index:close], close + 1, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:  # noqa: N802
        start = self.RE_LINK.match(data, pos=index)
        if start is None or start.group(1):
            return super().getLink(data, index)
        close = _closing(data, start.end(), "(", ")", MAX_LINK_DESTINATION)
        if close < 0:
            return "", None, index, False
        return super().getLink(data[:close + 1], index)


def _bounded(processor: type) -> type:
    return type("Bounded" + processor.__name__, (_BoundedBrackets, processor), {})


_LINK_PROCESSORS = {  # name in Python-Markdown's registry -> (class, pattern, its priority there)
    "reference": (inlinepatterns.ReferenceInlineProcessor, inlinepatterns.REFERENCE_RE, 170),
    "link": (inlinepatterns.LinkInlineProcessor, inlinepatterns.LINK_RE, 160),
    "image_link": (inlinepatterns.ImageInlineProcessor, inlinepatterns.IMAGE_LINK_RE, 150),
    "image_reference": (inlinepatterns.ImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE, 140),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, inlinepatterns.REFERENCE_RE, 130),
    "short_image_ref": (inlinepatterns.ShortImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE, 125),
}


class _SafeMarkdown(Extension):
    def __init__(self, heading_shift: int):
        super().__init__()
        self.heading_shift = heading_shift

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        for name, (processor, pattern, priority) in _LINK_PROCESSORS.items():
            md.inlinePatterns.register(_bounded(processor)(pattern, md), name, priority)
        md.treeprocessors.register(_Sanitize(md, self.heading_shift), "onestop_sanitize", 0)


def _as_text(text: str) -> Markup:
    """Text shown as it was written, paragraph by paragraph, escaped."""
    return Markup("\n".join(f"<p>{html.escape(block.strip())}</p>" for block in text.split("\n\n") if block.strip()))


def _in_language(html: Markup, text: str | None, element: str = "div") -> Markup:
    """`html`, inside an element that says its language when `text` is in another language than
    its page's (a translation left it out: overlay.Foreign knows its `lang`)."""
    lang = getattr(text, "lang", None)
    return Markup(f'<{element} lang="%s">%s</{element}>') % (lang, html) if lang and html else html


class MarkdownRenderer:
    """One Markdown converter, reused: building one per field would dominate build time."""

    def __init__(self, heading_shift: int = 2, plain_subset: bool = True):
        self._plain_subset = plain_subset
        """Write the plain subset directly (plain_markdown_html); tests turn it off to compare."""
        self._md = markdown.Markdown(extensions=["sane_lists", _SafeMarkdown(heading_shift)])

    def block(self, text: str | None) -> Markup:
        return _in_language(self._block(text), text)

    def _block(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        if self._plain_subset:
            plain = plain_markdown_html(text)
            if plain is not None:
                return Markup(plain)
        if shape_problem(text) is not None:  # check refuses it; were it bypassed, the words as text
            return _as_text(text)
        self._md.reset()
        try:
            return Markup(self._md.convert(text))
        except RecursionError:
            return _as_text(text)

    def inline(self, text: str | None) -> Markup:
        """For list items: one paragraph without the <p> wrapper."""
        rendered = self._block(text)
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            return _in_language(Markup(rendered[3:-4]), text, "span")
        return _in_language(rendered, text)
