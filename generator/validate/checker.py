"""How a problem is said: located in its file, the key path first, what was expected, what was
found, then a hint (`Checker`); and the small helpers every rule words its messages with."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..load import JsonPath, Positions
from ..problems import Problem, Severity

Where = tuple[int, int] | Callable[[], tuple[int, int]] | None
"""Where a problem is: a line and column, or how to find them (called only if there is a problem:
looking a snippet up in the file's lines for every link of every file, problem or not, was most of
the cost of locating), or None for the value's own position."""


def format_path(path: Iterable[str | int]) -> str:
    """('channels', 0, 'type') -> 'channels[0].type'"""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe(value: Any) -> str:
    """A value as a message shows what was found: 'the number 3', "'fax'", 'a list'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return ".nan (not a number)"
    if isinstance(value, (int, float)):
        text = str(value)
        return f"the number {text if len(text) <= 20 else text[:17] + '...'}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest of `choices` to `word`, for a "did you mean" hint."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


@dataclass
class Checker:
    """Collects the problems of one file, each located from the file's positions."""

    path: str
    """The file, relative to the site root."""
    positions: Positions
    problems: list[Problem]

    def add(self, path: JsonPath, message: str, hint: str | None = None, *, key: bool = False,
            severity: Severity = Severity.ERROR, at: Where = None) -> None:
        """A problem with the value at `path` (or its key, or at `at`), named by `path`."""
        positions = self.positions
        if callable(at):
            at = at()
        line, col = at or (positions.of_key(path) if key else positions.of_value(path))
        where = format_path(path)
        self.problems.append(Problem(self.path, line, col, severity,
                                     f"{where}: {message}" if where else message, hint))

    def warn(self, path: JsonPath, message: str, hint: str | None = None, **kw: Any) -> None:
        self.add(path, message, hint, severity=Severity.WARNING, **kw)
