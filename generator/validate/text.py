"""The rules of text an editor writes: Markdown fields allow Markdown only (no raw HTML, links to
https, mailto and tel alone), plain-text fields allow no markup at all, and no field may carry an
HTML entity that decodes to markup. Which fields are which is declared per kind of file."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from ..load import JsonPath, Kind, SourceFile
from .checker import Checker

_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
# Labels are bounded (CommonMark allows 999 characters): an unbounded one made this quadratic.
_MD_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\[\]]{1,999}\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ALLOWED_LINK = re.compile(r"^(?:https://|mailto:|tel:)", re.IGNORECASE)

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


def _fields(source: SourceFile, table: dict[Kind, tuple[JsonPath, ...]]) -> Iterator[tuple[JsonPath, str]]:
    for pattern in table.get(source.kind, ()):
        yield from _texts_at(source.data, pattern)


def markdown_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    return _fields(source, MARKDOWN_FIELDS)


def url_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    return _fields(source, URL_FIELDS)


def plain_text_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    """Every other text value: titles, summaries, notes, addresses, keywords, and so on."""
    skip = {path for path, _ in markdown_fields(source)} | {path for path, _ in url_fields(source)}

    def walk(path: JsonPath, value: Any) -> Iterator[tuple[JsonPath, str]]:
        if isinstance(value, str) and path not in skip:
            yield path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk((*path, key), item)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk((*path, i), item)

    yield from walk((), source.data)


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


def check_markdown(check: Checker, path: JsonPath, value: str) -> None:
    positions = check.positions
    tag = _RAW_HTML.search(value)
    if tag:
        snippet = value[tag.start(): tag.start() + 20].split("\n")[0]
        check.add(path, f"raw HTML is not allowed: '{snippet}'",
                  "agency text is Markdown only: write **bold**, lists and [link text](https://...)",
                  at=positions.locate(path, snippet))
    else:
        check_entities(check, path, value)
    for url in [*_MD_LINK.findall(value), *_MD_REF_DEF.findall(value)]:
        if url and not _ALLOWED_LINK.match(html.unescape(url).strip()):
            check.add(path, f"link '{url[:60]}' must start with https://, mailto: or tel:",
                      "use the full https:// address of the page", at=positions.locate(path, url[:30]))


def check_text(source: SourceFile, check: Checker) -> None:
    """Every text rule of one file."""
    for path, value in markdown_fields(source):
        check_markdown(check, path, value)
    for path, value in url_fields(source):
        check_entities(check, path, value)
    for path, value in plain_text_fields(source):
        check_plain_text(check, path, value)
