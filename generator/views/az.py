"""The A to Z: which letter a service is under, in which order letters come, how letters are paged."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ..i18n import Words

_OWN_LETTERS = frozenset("ñÑ")
"""Letters with a mark that an alphabet lists as letters of their own (Spanish ñ, after n)."""


def az_letter(title: str) -> str:
    """The A to Z group of a title: its first letter in capitals without accents, one character, or
    '0-9'. Some letters have no one-character capital ('ŉ' is an apostrophe and 'N', 'ǰ' is 'J' and a
    combining caron, 'ΐ' three characters): they go under the capital letter their capital starts with."""
    first = title[:1]
    if not first.isalpha():
        return "0-9"
    if first not in _OWN_LETTERS:  # "Área" is under A, "éclair" under E: the letter without its accent
        base = unicodedata.normalize("NFD", first)[0]
        first = base if base.isalpha() else first
    upper = first.upper()
    if len(upper) == 1:
        return upper
    return next((ch for ch in upper if unicodedata.category(ch) in ("Lu", "Lt")), first)


def az_letters(titles: Iterable[str]) -> list[str]:
    """The A to Z groups that have services, in the order the A to Z shows them."""
    # Digits first; a letter of its own ("Ñ") after the letter it is made from.
    return sorted({az_letter(t) for t in titles},
                  key=lambda g: (g != "0-9", unicodedata.normalize("NFD", g)[0], g))


def az_page_count(services: int, page_size: int) -> int:
    """How many pages a letter with this many services has."""
    return max(1, -(-services // page_size))


def az_letter_heading(letter: str, words: Words) -> str:
    """The title of a letter's A to Z page."""
    if letter == "0-9":
        return words.gettext("Services starting with a number")
    return words.gettext("Services starting with %(letter)s", letter=letter)


def az_letter_title(letter: str, number: int, count: int, words: Words) -> str:
    """The title of page `number` of `count` of a letter."""
    heading = az_letter_heading(letter, words)
    if count == 1:
        return heading
    return words.gettext("%(heading)s, page %(number)s of %(count)s", heading=heading, number=number, count=count)
