"""The shape of a Markdown text, measured in one linear pass: how deep its lists and quotes nest, how
long its blocks run, how much inline markup one block holds, how long it is. Python-Markdown
recurses once per level of nesting ('- ' a thousand times on one line was a RecursionError) and
does work in proportion to a block's lines, or its inline elements, for each of them (a paragraph
of 20,000 '*a*' took seconds, a list of thousands of lines without a blank line too). Within these
bounds every Markdown field renders in time linear in its length; `check` refuses a text outside
them, located (validate/text.py), and the renderer never renders one (markup.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_NESTING = 6
"""Lists and quotes inside each other: agency text nests two or three levels."""
MAX_BLOCK_LINES = 100
"""Lines of one paragraph or list with no blank line between them."""
MAX_BLOCK_MARKS = 200
"""Inline marks (* _ ` [ <) in one paragraph or list: each is a possible element of it."""
MAX_MARKDOWN_CHARS = 65_536
"""A Markdown field's length: a description this long is some 10,000 words."""

_CONTAINER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]?")
_MARKS = re.compile(r"[*_`\[<]")
_MARK_CHARS = "*_`[<"
_NESTED_START = r"(?:[ \t]{4}|[ \t]{0,3}(?:[-*+]|\d{1,9}[.)]|>)[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]|$))"
"""The start of a line that may be nested two levels or more: indented 4 columns, or two markers in a row."""
_NESTED_FIRST_LINE = re.compile(_NESTED_START, re.MULTILINE)
_NESTED_LATER_LINE = re.compile("\n" + _NESTED_START, re.MULTILINE)
# Two patterns, not one '^' with re.MULTILINE: that tried every character of a text (13
# microseconds for 2 KB); after a newline the search skips from newline to newline (3.6).


def _maybe_nested(text: str) -> bool:
    return _NESTED_FIRST_LINE.match(text) is not None or _NESTED_LATER_LINE.search(text) is not None


@dataclass(frozen=True)
class ShapeProblem:
    """Why a text is outside the bounds, and where (an index into the text)."""

    index: int
    message: str
    hint: str


def _indent(line: str) -> tuple[int, int]:
    """A line's leading spaces and tabs as columns (a tab is 4, as Python-Markdown reads it), and where they end."""
    columns = 0
    for i, ch in enumerate(line):
        if ch == " ":
            columns += 1
        elif ch == "\t":
            columns += 4 - columns % 4
        else:
            return columns, i
    return columns, len(line)


def _depth(line: str) -> tuple[int, int]:
    """How many levels of list or quote a line opens or continues (indentation counts a level per
    4 columns), and where its marker one level past MAX_NESTING is."""
    columns, pos = _indent(line)
    depth, at = columns // 4, pos
    while (marker := _CONTAINER.match(line, pos)) is not None:
        depth += 1
        if depth <= MAX_NESTING + 1:
            at = pos  # the marker one level too deep, where a message points
        pos = _indent(line[marker.end():])[1] + marker.end()
    return depth, at


def plainly_in_shape(text: str) -> bool:
    """Whether `text` is within the bounds on sight: short, flat, with few lines and marks in all.
    Texts joined by blank lines are plainly in shape only if each of them is (a blank line ends a
    block, and each count is of the whole)."""
    return (len(text) <= MAX_MARKDOWN_CHARS and text.count("\n") < MAX_BLOCK_LINES
            and sum(map(text.count, _MARK_CHARS)) <= MAX_BLOCK_MARKS and not _maybe_nested(text))


def shape_problem(text: str) -> ShapeProblem | None:
    """The first way `text` is outside the bounds above; None when it is within them. Most texts
    are short and flat: a few C-speed counts tell, and only the others are read line by line."""
    if plainly_in_shape(text):
        return None
    offset = 0
    block_start, block_lines, block_marks = 0, 0, 0
    for line in text.split("\n"):
        if not line.strip():
            block_lines = block_marks = 0
        else:
            if block_lines == 0:
                block_start = offset
            block_lines += 1
            block_marks += len(_MARKS.findall(line))
            depth, at = _depth(line)
            if depth > MAX_NESTING:
                return ShapeProblem(offset + at, f"lists or quotes are nested {depth} levels deep; at most "
                                    f"{MAX_NESTING} are allowed", "nest lists two or three levels at most")
            if block_lines > MAX_BLOCK_LINES:
                return ShapeProblem(block_start, f"a paragraph or list runs over {MAX_BLOCK_LINES} lines with no "
                                    "blank line", "put a blank line between paragraphs, or split the list")
            if block_marks > MAX_BLOCK_MARKS:
                return ShapeProblem(block_start, f"a paragraph or list holds over {MAX_BLOCK_MARKS} formatting "
                                    "marks (* _ ` [ <)", "split it into paragraphs, with less bold, italics and links")
        offset += len(line) + 1
    if len(text) > MAX_MARKDOWN_CHARS:
        return ShapeProblem(0, f"is {len(text):,} characters long; at most {MAX_MARKDOWN_CHARS:,} are allowed",
                            "a page this long is hard to read: keep the essentials, and link to the agency's "
                            "own pages for the rest")
    return None
