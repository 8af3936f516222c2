"""The rules of text an editor writes: Markdown fields allow Markdown only (no raw HTML, links to
https, mailto and tel alone, links.py), plain-text fields allow no markup at all, no field may carry
an HTML entity that decodes to markup, and no text may hold a character that is invisible or turns
the text around it (named by its Unicode name). Which fields are which is declared per kind of file;
the hand-written pages of content/ follow the Markdown rules too (`check_page_text`)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..load import JsonPath, Kind, SourceFile
from ..markdown_shape import plainly_in_shape, shape_problem
from .checker import Checker
from .links import check_https, check_link, check_link_text

_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,999}\]\(\s*<?([^)\s>]*)")
# A '[' not after '!' or a backslash: written '[' first, then a look back at the character before
# it, so that the search skips to each '['. Written the other way round (the look back first) it
# tried every character of a text, 49 microseconds for a 2 KB description, a tenth of the text rules.
_MD_TEXT_LINK = re.compile(r"\[(?<![!\\]\[)([^\[\]\n]{1,999})\]\(\s*<?([^)\s>]*)")
# Labels are bounded (CommonMark allows 999 characters): an unbounded one made this quadratic.
_MD_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\[\]]{1,999}\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}")
_ATTR_ALLOWED = re.compile(r"(?:[#.][\w-]+\s*)+")
_MAYBE_INVISIBLE = re.compile(r"[^\x20-\x7e\n]")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n"
"""What `_MAYBE_INVISIBLE` lets by: deleting these from an ASCII file's bytes leaves nothing when
it has none of the others (a tenth of the time of the search)."""
_INVISIBLE_CATEGORIES = {"Cc": "a control character", "Cf": None, "Zl": None, "Zp": None,
                         "Cs": "a surrogate", "Co": "a private-use character", "Cn": "an unassigned code point"}
_PASTED_HINT = "delete it: it is invisible, and often comes with text pasted from another program"

ANY = "*"
"""In a field pattern: every item of a list."""

MARKDOWN_FIELDS: dict[Kind, tuple[JsonPath, ...]] = {
    "agency": (("description",),),
    "service": (("description",), ("eligibility", ANY), ("documents", ANY)),
    "journey": (("description",), ("steps", ANY, "description")),
    "question": (),
}
"""Where each kind of file has Markdown (a question has none: its text, hint and labels are plain)."""

URL_FIELDS: dict[Kind, tuple[JsonPath, ...]] = {
    "agency": (("website",),),
    "service": (("channels", ANY, "url"), ("legal_basis", ANY, "url")),
}
"""Where each kind of file has web addresses (the schema checks their form; the rules here, entities)."""


def _texts_at(value: Any, pattern: JsonPath, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """The text values at `pattern` (ANY matching every list item) in `value`."""
    if not pattern:
        if isinstance(value, str):
            yield path, value
        return
    step, rest = pattern[0], pattern[1:]
    if step == ANY:
        for i, item in enumerate(value if isinstance(value, list) else []):
            yield from _texts_at(item, rest, (*path, i))
    elif isinstance(value, dict) and step in value:
        yield from _texts_at(value[step], rest, (*path, step))


def _fields(source: SourceFile, table: dict[Kind, tuple[JsonPath, ...]]) -> list[tuple[JsonPath, str]]:
    return [found for pattern in table.get(source.kind, ()) for found in _texts_at(source.data, pattern)]


Texts = list[tuple[JsonPath, str]]


def _every_text(value: Any, path: JsonPath, skip: set[JsonPath], out: Texts) -> None:
    """Every text value under `value` but those at `skip`, in document order. A plain recursion that
    appends, into mappings and lists only: a chain of generators resumed once per level per value
    was a tenth of `onestop check`."""
    if isinstance(value, str):
        if path not in skip:
            out.append((path, value))
        return
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(item, str):
            if (item_path := (*path, key)) not in skip:
                out.append((item_path, item))
        elif isinstance(item, (dict, list)):
            _every_text(item, (*path, key), skip, out)


@dataclass(frozen=True)
class TextFields:
    """One file's text values, sorted by the rules that apply to them (found once, for the text
    rules and the slips alike)."""

    markdown: Texts
    """Markdown (MARKDOWN_FIELDS)."""
    urls: Texts
    """Web addresses (URL_FIELDS)."""
    plain: Texts
    """Every other text value: titles, summaries, notes, addresses, keywords, and so on."""


def text_fields(source: SourceFile) -> TextFields:
    """The file's text values sorted by rule. A file the parser read has them listed already, with
    their paths (`Positions.strings`): sorting that list is a third of the cost of walking the data
    (`walked_text_fields`, which tests hold it equal to)."""
    strings = source.positions.strings
    if strings is None:
        return walked_text_fields(source)
    patterns = _FIELD_PATTERNS.get(source.kind, {})
    markdown: list[Texts] = [[] for _ in MARKDOWN_FIELDS.get(source.kind, ())]
    urls: list[Texts] = [[] for _ in URL_FIELDS.get(source.kind, ())]
    plain: Texts = []
    for found in strings:
        path = found[0]
        for pattern, is_markdown, index in patterns.get(path[0], ()) if path else ():
            if _matches(path, pattern):
                (markdown if is_markdown else urls)[index].append(found)
                break
        else:
            plain.append(found)
    return TextFields([f for group in markdown for f in group], [f for group in urls for f in group], plain)


def _matches(path: JsonPath, pattern: JsonPath) -> bool:
    """Whether `path` is one `_texts_at` finds for `pattern` (ANY: a list's item, whose key is a number)."""
    return len(path) == len(pattern) and all(
        type(key) is int if step == ANY else key == step for key, step in zip(path, pattern))


def _patterns_by_first_key() -> dict[Kind, dict[str | int, list[tuple[JsonPath, bool, int]]]]:
    table: dict[Kind, dict[str | int, list[tuple[JsonPath, bool, int]]]] = {}
    for fields, is_markdown in ((MARKDOWN_FIELDS, True), (URL_FIELDS, False)):
        for kind, patterns in fields.items():
            for index, pattern in enumerate(patterns):
                table.setdefault(kind, {}).setdefault(pattern[0], []).append((pattern, is_markdown, index))
    return table


_FIELD_PATTERNS = _patterns_by_first_key()
"""Each kind's Markdown and address patterns by their first key: most text values (a title, a
summary) have a first key no pattern has, and are plain text on one dictionary lookup."""


def walked_text_fields(source: SourceFile) -> TextFields:
    """`text_fields` found by walking the file's data."""
    markdown, urls = _fields(source, MARKDOWN_FIELDS), _fields(source, URL_FIELDS)
    plain: Texts = []
    _every_text(source.data, (), {path for path, _ in markdown} | {path for path, _ in urls}, plain)
    return TextFields(markdown, urls, plain)


def markdown_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    return iter(_fields(source, MARKDOWN_FIELDS))


def url_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    return iter(_fields(source, URL_FIELDS))


def plain_text_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    """Every other text value: titles, summaries, notes, addresses, keywords, and so on."""
    return iter(text_fields(source).plain)


def check_entities(check: Checker, path: JsonPath, value: str) -> bool:
    """An HTML entity that decodes to markup ('&lt;script') is refused: it is an attack, not text."""
    decoded = html.unescape(value)
    if decoded == value or not _RAW_HTML.search(decoded):
        return False
    entities = (m.group(0) for m in re.finditer(r"&#?\w+;?", value) if html.unescape(m.group(0)) != m.group(0))
    snippet = next(entities, value[:20])
    check.add(path, f"HTML entity that decodes to markup is not allowed: '{snippet}'",
              "write the character itself, or describe it in words", at=check.positions.locate(path, snippet))
    return True


def invisible_character(value: str) -> tuple[int, str] | None:
    """The first character of `value` that is invisible or changes the direction of the text
    around it (a control, format, separator, private-use or unassigned character; a tab is
    fine): its index and how a message names it. One regular expression pass for ASCII text."""
    for match in _MAYBE_INVISIBLE.finditer(value):
        ch = match.group()
        category = unicodedata.category(ch)
        if ch != "\t" and category in _INVISIBLE_CATEGORIES:
            name = unicodedata.name(ch, _INVISIBLE_CATEGORIES[category] or "a format character")
            return match.start(), f"U+{ord(ch):04X} {name}"
    return None


def check_characters(check: Checker, path: JsonPath, value: str) -> bool:
    """A character no reader sees, or that turns the text after it around (U+202E RIGHT-TO-LEFT
    OVERRIDE mirrors what follows it, on the page and in a pull request), is refused by name."""
    found = invisible_character(value)
    if found is None:
        return False
    index, name = found
    before = value[max(0, index - 20):index].split("\n")[-1]
    at = check.positions.locate(path, before) if before else None
    if at is not None and before:
        at = (at[0], at[1] + len(before))
    check.add(path, f"contains {name}, which is invisible or turns the text around it", _PASTED_HINT, at=at)
    return True


def check_plain_text(check: Checker, path: JsonPath, value: str) -> None:
    """Plain text is shown as text, but themes put titles and summaries into <title>, <meta> and
    navigation without escaping: markup there is refused, as in Markdown ('<' before a space is fine)."""
    tag = _RAW_HTML.search(value)
    if tag:
        snippet = value[tag.start(): tag.start() + 20].split("\n")[0]
        check.add(path, f"HTML is not allowed in plain text: '{snippet}'", "write the words without HTML tags",
                  at=check.positions.locate(path, snippet))
    else:
        check_entities(check, path, value)


_AGENCY_HINT = "agency text is Markdown only: write **bold**, lists and [link text](https://...)"
_PAGE_HINT = "pages are Markdown only: write **bold**, lists, headings and [link text](https://...)"


def check_shape(check: Checker, path: JsonPath, value: str) -> None:
    """Nesting, block length and markup within the bounds that keep rendering linear (markdown_shape.py)."""
    problem = shape_problem(value)
    if problem is not None:
        snippet = value[problem.index:problem.index + 20].split("\n")[0]
        earlier, found = 0, value.find(snippet) if snippet else -1
        while 0 <= found < problem.index:  # repetitive text: which occurrence of the snippet it is
            earlier, found = earlier + 1, value.find(snippet, found + 1)
        at = check.positions.locate(path, snippet, earlier) if snippet else None
        check.add(path, problem.message, problem.hint, at=at)


@dataclass(frozen=True)
class MarkdownScreen:
    """What the Markdown of a file may hold, found by searching its values joined by blank lines
    (`markdown_screen`): a rule runs on each value only where the whole may hold what it refuses."""

    shape: bool = True
    markup: bool = True
    """'<' (raw HTML) or '&' (an entity)."""


EVERY_RULE = MarkdownScreen()


def markdown_screen(values: list[str]) -> MarkdownScreen:
    joined = "\n\n".join(values)  # a blank line ends a block: each value's blocks stay its own
    return MarkdownScreen(shape=not plainly_in_shape(joined), markup="<" in joined or "&" in joined)


def check_markdown(check: Checker, path: JsonPath, value: str, pages: bool = False,
                   screen: MarkdownScreen = EVERY_RULE) -> None:
    """Markdown: within its shape's bounds, no raw HTML or entities that decode to it, and every
    link where links.py lets it go."""
    if screen.shape:
        check_shape(check, path, value)
    positions = check.positions
    tag = _RAW_HTML.search(value) if screen.markup else None
    if tag:
        snippet = value[tag.start(): tag.start() + 20].split("\n")[0]
        check.add(path, f"raw HTML is not allowed: '{snippet}'", _PAGE_HINT if pages else _AGENCY_HINT,
                  at=positions.locate(path, snippet))
    elif screen.markup:
        check_entities(check, path, value)
    # Every link pattern holds '](' (inline links) or ']:' (reference definitions): most list
    # items and many descriptions have neither, and are not searched four times more.
    inline, defined = "](" in value, "]:" in value
    if not inline and not defined:
        return
    images = set(_MD_IMAGE.findall(value)) if pages and inline else set()
    for url in [*(_MD_LINK.findall(value) if inline else ()), *(_MD_REF_DEF.findall(value) if defined else ())]:
        if not url:
            continue
        at = partial(positions.locate, path, url[:30])
        if url in images and (_has_scheme(url) or url.startswith("//")):
            check.add(path, f"image '{url[:60]}' must be a file of this site", "put the image in content/ and "
                      "link to it by its path", at=at)
        else:
            check_link(check, path, url, at, pages)
    for text, url in _MD_TEXT_LINK.findall(value) if inline else ():
        check_link_text(check, path, text, url, partial(positions.locate, path, "[" + text[:30]))


def _has_scheme(url: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", html.unescape(url).strip()))


def check_page_text(check: Checker, text: str) -> None:
    """A hand-written page of content/: Markdown by the agencies' rules (links may also be paths on
    the site, images must be), attribute lists with ids and classes only, no invisible characters."""
    check_characters(check, (), text)
    check_markdown(check, (), text, pages=True)
    for match in _ATTR_LIST.finditer(text):
        if not _ATTR_ALLOWED.fullmatch(match.group(1).strip()):
            check.add((), f"attribute list '{match.group(0)[:40]}' may set only an #id and .classes",
                      "remove the other attributes (to write a brace, write \\{)",
                      at=check.positions.locate((), match.group(0)[:20]))


def _may_hold_invisible(source: SourceFile, fields: TextFields) -> bool:
    """Whether any text value of the file may hold a character `invisible_character` looks at. A
    file the parser read (`Positions.strings`) is first searched whole: YAML makes its values of the
    file's own characters, folding lines into spaces and newlines, and only a backslash escape in
    double quotes writes another (a file in printable ASCII with no backslash has no such value)."""
    text = source.positions.text
    if (source.positions.strings is not None and text.isascii() and "\\" not in text
            and not text.encode("ascii").translate(None, _PRINTABLE_ASCII)):
        return False
    every = [*fields.markdown, *fields.urls, *fields.plain]
    return _MAYBE_INVISIBLE.search("\n".join([value for _, value in every])) is not None


def check_text(source: SourceFile, check: Checker, fields: TextFields | None = None, *, screen: bool = True) -> None:
    """Every text rule of one file. With `screen`, the file's text values are first searched all at
    once (joined by newlines, which no rule looks for) for what could start a problem: a character
    outside printable ASCII, in plain text a '<' or '&', and in Markdown (joined by blank lines)
    markup and a shape out of bounds; a rule is run value by value only where that search finds
    something. Most files have none, and twenty Python calls become one C-speed
    search. Tests turn `screen` off to hold the two equal (tests/hostile/test_text_screens.py)."""
    fields = fields or text_fields(source)
    characters = not screen or _may_hold_invisible(source, fields)
    plain_text = "\n".join([value for _, value in fields.plain])
    markup = not screen or "<" in plain_text or "&" in plain_text
    markdown = markdown_screen([value for _, value in fields.markdown]) if screen else EVERY_RULE
    for path, value in fields.markdown:
        if characters:
            check_characters(check, path, value)
        check_markdown(check, path, value, screen=markdown)
    for path, value in fields.urls:
        if not (characters and check_characters(check, path, value)) and not check_entities(check, path, value):
            check_https(check, path, value)
    for path, value in fields.plain:
        if characters:
            check_characters(check, path, value)
        if markup:
            check_plain_text(check, path, value)
    for i, basis in enumerate(source.data.get("legal_basis") or [] if source.kind == "service" else []):
        if isinstance(basis, dict) and isinstance(basis.get("title"), str) and isinstance(basis.get("url"), str):
            check_link_text(check, ("legal_basis", i, "title"), basis["title"], basis["url"])
