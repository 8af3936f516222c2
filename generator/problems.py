"""Problems found in content: what, where, how bad, and how to fix it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import Enum

_SHOWN_AS_ESCAPES = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co")


def one_line(text: str) -> str:
    """Control characters, line breaks and invisible or direction-changing characters (from a key
    or value an editor wrote) shown as escapes, so that a problem is always exactly one line and
    reads as written (a U+202E in a key would turn the rest of the line around)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch if unicodedata.category(ch) not in _SHOWN_AS_ESCAPES else
                   (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") for ch in text)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located in an editor's file."""

    path: str
    """File path relative to the site root, with forward slashes."""
    line: int
    """1-based line number (1 when the problem concerns the whole file)."""
    col: int
    """1-based column number."""
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    hint: str | None = field(default=None, compare=False)
    """How to fix it, where a hint helps."""

    def format_text(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return one_line(text)

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown inline on the pull request."""
        kind = "error" if self.severity is Severity.ERROR else "warning"
        text = one_line(self.message + (f" (hint: {self.hint})" if self.hint else ""))
        # Workflow commands end at a newline; percent-encode as GitHub documents.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = one_line(self.path).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{kind} file={path},line={self.line},col={self.col}::{text}"


class BuildFailure(Exception):
    """The build cannot go on (a broken template, a folder it cannot write): the message says why,
    in one line, for the person running it."""
