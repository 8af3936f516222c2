"""Slips: files that are valid but show something other than what their editor meant (warnings).

- Text after ` #` is a YAML comment: `note: Send form #2530-FM` publishes "Send form".
- Markdown (`**bold**`, `[a link](https://...)`) in a plain-text field shows its stars and
  brackets as typed.
- Two services with the same title: usually a copied file (every file of a copy is valid, and
  its id is its file name), and a citizen cannot tell the two pages apart.

Which values are free text comes from the schema (`schemas.is_free_text`): a comment after a word
from a list, an id or a date (`jurisdiction: state  # or county`) is a note, and fine.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..load import JsonPath, SourceFile
from ..schemas import is_free_text
from ..yaml_messages import quote_text
from .checker import Checker, format_path
from .text import ANY, MARKDOWN_FIELDS, TextFields, text_fields

if TYPE_CHECKING:
    from . import Content

_MARKDOWN = (
    (re.compile(r"\*\*[^*\s][^*]*\*\*|__[^_\s][^_]*__"), "is Markdown for bold", "stars and all"),
    (re.compile(r"\[[^\]\n]+\]\([^)\n]*\)"), "is a Markdown link", "brackets and all"),
)
_SAME_TITLE_SHOWN = 3
"""How many other files a duplicate title's warning names."""


def _shape(path: JsonPath) -> tuple[str, ...]:
    return tuple("*" if isinstance(part, int) else part for part in path)


def comments_in_text(source: SourceFile, check: Checker) -> None:
    """Free text followed by ` #` on its line: the rest of the line is dropped as a comment."""
    for path, (line, col, comment) in source.positions.comments.items():
        if not is_free_text(source.kind, _shape(path)):
            continue
        value = _value_at(source.data, path)
        if not isinstance(value, str):
            continue
        check.warn(path, f"the text from ' #' on is a YAML comment, so the page leaves out '{comment[:40]}'",
                   f"to keep it, put the whole text in quotes: {quote_text(value + ' ' + comment)}; a note for "
                   "editors goes on a line of its own", at=(line, col))


def _value_at(data: object, path: JsonPath) -> object:
    for part in path:
        found = (isinstance(part, int) and isinstance(data, list) and part < len(data)) or (
            isinstance(part, str) and isinstance(data, dict) and part in data)
        if not found:
            return None
        data = data[part]  # type: ignore[index]
    return data


def markdown_in_plain_text(source: SourceFile, check: Checker, fields: TextFields | None = None) -> None:
    """`**bold**` or `[text](https://...)` where the page shows text as typed."""
    fields = fields or text_fields(source)
    names = [format_path([part for part in p if part != ANY]) for p in MARKDOWN_FIELDS.get(source.kind, ())]
    where = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    for path, value in fields.plain:
        # The cheap test first: most text has no '**', '__' or '](' at all.
        if ("**" not in value and "__" not in value and "](" not in value) \
                or not is_free_text(source.kind, _shape(path)):
            continue
        for pattern, what, shown in _MARKDOWN:
            found = pattern.search(value)
            if found:
                snippet = found.group(0)[:60]
                check.warn(path, f"'{snippet}' {what}, which this text shows as typed, {shown}",
                           f"write the words alone; Markdown works in {where}" if where else "write the words alone",
                           at=check.positions.locate(path, snippet))
                break


def check_slips(source: SourceFile, check: Checker, fields: TextFields | None = None) -> None:
    """The slips one file shows by itself (`fields`: its text values, when the text rules found them already)."""
    comments_in_text(source, check)
    markdown_in_plain_text(source, check, fields)


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split()).rstrip(".")


def same_titles(content: Content) -> None:
    """Two services with one title (a warning on each, naming the others)."""
    by_title: dict[str, list[SourceFile]] = {}
    for source in content.valid_of("service"):
        by_title.setdefault(_title_key(source.data["title"]), []).append(source)
    for sources in by_title.values():
        if len(sources) < 2:
            continue
        for source in sources:
            others = [s.path for s in sources if s is not source]
            named = ", ".join(others[:_SAME_TITLE_SHOWN]) + (
                f" and {len(others) - _SAME_TITLE_SHOWN} more" if len(others) > _SAME_TITLE_SHOWN else "")
            content.checkers[source.path].warn(
                ("title",), f"another service has the same title: {named}",
                "is one file a copy of the other? Give each service its own title (a citizen cannot tell two "
                "pages with one title apart), or delete the copy")
