"""Content as text in a Markdown summary (a pull request's job summary): whatever an editor wrote
shows as the words they typed, never as Markdown or HTML. A title like `# No page changes.`, an
image `![x](https://tracker.example/p.png)`, a `|` that would open a table cell, a line break that
would start a new line of the summary, `$x$` (GitHub's maths) or `<img ...>` stay one run of
plain text."""

from __future__ import annotations

import unicodedata

_SPECIAL = frozenset("\\`*_[]!|<>&~#$")
"""What can start Markdown (or GitHub's) syntax inside a line: each is backslash-escaped, which
CommonMark and GitHub read as the character itself. Line-start syntax (`-`, `1.`, `>` quotes)
cannot start inside a line, and a line break never reaches the summary."""


def md_text(text: str) -> str:
    """`text` as literal Markdown text on one line: Markdown's characters escaped, line breaks and
    control characters as spaces, invisible formatting characters (bidi overrides, zero-width
    spaces) shown by their code, and web addresses kept from turning into links."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char in _SPECIAL:
            out.append("\\" + char)
        elif category in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif category == "Cf":
            out.append(f"\\[U+{ord(char):04X}\\]")
        else:
            out.append(char)
    return "".join(out).replace("://", ":\\/\\/").replace("www.", "www\\.")
