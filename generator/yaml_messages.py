"""How a YAML syntax error is said to an editor. The parser's own words name what it could not
read ("mapping values are not allowed in this context"), and one such sentence stands for several
mistakes; this module tells them apart from the line itself and says the fix: put text with ': '
in quotes, quote text that starts with a character YAML reads as its own ('*', '&', '@', ...), line
a key up with the keys above it, close a list or a quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_LINE = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>[^\s:#'\"\[{][^:]*?):(?: +|$))?")
"""A line's indentation, its list dashes, and its key (when it starts with 'key: ')."""
GENERAL_HINT = "check the indentation, and put text with ': ' or ' #' in it in quotes"


def quote_text(text: str) -> str:
    """`text` as a quoted YAML scalar: in double quotes, or single ones when it has '"' or '\\'."""
    return f'"{text}"' if '"' not in text and "\\" not in text else "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class Said:
    """A syntax error as the editor reads it: where, what, and the fix."""

    message: str
    line: int
    """1-based."""
    col: int
    """1-based."""
    hint: str


@dataclass(frozen=True)
class _Line:
    number: int
    """1-based."""
    text: str

    @property
    def parts(self) -> re.Match[str]:
        match = _LINE.match(self.text)
        assert match is not None  # every group may be empty
        return match

    @property
    def key(self) -> str | None:
        return self.parts.group("key")

    @property
    def value_start(self) -> int:
        """0-based column where the line's value starts (after its indentation, dashes and key)."""
        return self.parts.end()

    @property
    def key_start(self) -> int:
        return len(self.parts.group("indent")) + len(self.parts.group("dashes"))

    def quoted(self, start: int | None = None) -> str:
        """The line with its value (from `start`, or after the key) in quotes."""
        start = self.value_start if start is None else start
        return (self.text[:start] + quote_text(self.text[start:].rstrip())).strip()


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _line(text: str, mark: yaml.Mark | None) -> _Line:
    lines = _lines(text)
    number = min(mark.line, len(lines) - 1) if mark else 0
    return _Line(number + 1, lines[number])


def _key_above(text: str, line: _Line) -> _Line | None:
    """The nearest line above `line` that starts with a key."""
    lines = _lines(text)
    for number in range(line.number - 2, -1, -1):
        above = _Line(number + 1, lines[number])
        if above.text.strip() and not above.text.lstrip().startswith("#") and above.key:
            return above
    return None


def _needs_quotes(line: _Line, col: int) -> Said:
    char = line.text[col] if col < len(line.text) else "?"
    return Said(f"malformed YAML: text that starts with '{char}' must be in quotes", line.number, col + 1,
                f"put the text in quotes: {line.quoted(col)}")


def anchor(text: str, line: int, col: int, scalar: bool) -> Said:
    """An anchor ('&name') at 0-based `line` and `col`: YAML drops the word from a text that starts with '&'."""
    if scalar:
        return _needs_quotes(_Line(line + 1, _lines(text)[line]), col)
    return Said("anchors and aliases (&name, *name) are not allowed", line + 1, col + 1,
                "write the value out in full where it is used")


def _colon(text: str, line: _Line, col: int) -> Said:
    """'mapping values are not allowed': a second ': ' in text, or a key indented too far."""
    if line.key is not None and line.value_start <= col:
        return Said("malformed YAML: text with ': ' in it must be in quotes", line.number, col + 1,
                    f"put the text in quotes: {line.quoted()}")
    above = _key_above(text, line)
    key = (line.text.strip().split(":")[0] or "the key").strip()
    where = "at the start of the line" if above is None or above.key_start == 0 else f"{above.key_start} spaces in"
    hint = (f"start '{key}:' {where}, lined up with '{above.key}:' on line {above.number}" if above
            else f"start '{key}:' at the start of the line")
    return Said("malformed YAML: this line is indented more than the line above", line.number,
                line.key_start + 1, hint)


def _no_key(text: str, line: _Line, col: int) -> Said:
    """'did not find expected key': text after a quoted or bracketed start, a list item or a line
    out of line where a key was expected."""
    value = line.text[line.value_start:]
    if value[:1] in ("'", '"', "[", "{") and line.key is not None:
        return Said(f"malformed YAML: text that starts with '{value[0]}' must be in quotes as a whole",
                    line.number, line.value_start + 1, f"put the whole text in quotes: {line.quoted()}")
    if line.text.lstrip().startswith("- "):
        return Said("malformed YAML: a list item where a key was expected", line.number, line.key_start - 1,
                    "put the list on the lines after its key, each item indented under it")
    above = _key_above(text, line)
    hint = (f"line it up with the keys of its group, like '{above.key}:' on line {above.number}" if above
            else "line it up with the keys of its group")
    return Said("malformed YAML: this line is not lined up with the keys above it", line.number,
                line.key_start + 1, hint)


def _unclosed(exc: yaml.MarkedYAMLError, text: str) -> Said | None:
    start = _line(text, exc.context_mark)
    col = exc.context_mark.column if exc.context_mark else 0
    problem, context = exc.problem or "", exc.context or ""
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        bracket = "[" if "]" in problem else "{"
        closing = "]" if bracket == "[" else "}"
        return Said(f"malformed YAML: the '{bracket}' is not closed with '{closing}'", start.number, col + 1,
                    f"close it with '{closing}' on the same line, or put text that starts with '{bracket}' in "
                    f"quotes: {start.quoted(col)}")
    if "quoted scalar" in context and "end of stream" in problem:
        return Said("malformed YAML: a quote is not closed", start.number, col + 1,
                    "end the text with the quote it starts with, on the same line")
    return None


def say(exc: yaml.MarkedYAMLError, text: str) -> Said:
    """The editor's words for a YAML syntax error found in `text`."""
    mark = exc.problem_mark or exc.context_mark
    line, col = _line(text, mark), mark.column if mark else 0
    problem, context = exc.problem or "", exc.context or ""
    if problem.startswith("mapping values are not allowed"):
        return _colon(text, line, col)
    if "alias" in context or "anchor" in context or problem.startswith("found undefined alias"):
        start = exc.context_mark if exc.context_mark and "alias" not in problem else mark
        return _needs_quotes(_line(text, start), start.column if start else 0)
    if problem.startswith("found character that cannot start any token"):
        return _needs_quotes(line, col)
    if "block scalar" in context and exc.context_mark:
        return _needs_quotes(_line(text, exc.context_mark), exc.context_mark.column)
    if problem.startswith("did not find expected key"):
        return _no_key(text, line, col)
    if problem.startswith("did not find expected '-' indicator"):
        return Said("malformed YAML: a key where a list item was expected", line.number, col + 1,
                    "start the item with '- ', or line the key up with the key the list belongs to")
    unclosed = _unclosed(exc, text)
    if unclosed:
        return unclosed
    return Said(f"malformed YAML: {problem or context or 'cannot read the file'}", line.number, col + 1,
                GENERAL_HINT)
