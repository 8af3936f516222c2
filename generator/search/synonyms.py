"""Synonyms: words that mean the same to a citizen searching ("license", "permit", "licence"; "EIN",
"FEIN", "tax ID"), from the site-wide file `synonyms.yml`, which the site team owns.

Each group of words and phrases gets a term of its own, a *group term* (`_syn3_`): at build time a
document's field gets the group term of every phrase of the group found in it (`tags`), and in the
browser a query's words that make up a phrase of the group are looked up as that group term
(`content/assets/search.js`, `Searcher.prototype.parts`). A phrase is matched on its analysed terms
(lunr's pipeline, so "permits" is "permit" and "W-4" is "w 4"), the longest phrase first. A group
term is a word no text can make (lunr's trimmer keeps the underscores, its stemmer leaves it alone,
it holds a digit), so it never matches anything but its group; tests/search/test_parity.py holds the
browser's phrase matching equal to `query_parts` here.

The file is read by the same safe YAML rules as content and checked with located problems: its
shape (a schema), a phrase the search cannot index (only stop words), a phrase in two groups, a
phrase that says nothing its group does not already say.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from ..load import read_yaml_file
from ..problems import Problem, Severity
from ..validate import schema_problems
from ..validate.checker import Checker
from .lunr_pipeline import analyze, tokenize

SYNONYMS_FILE = "synonyms.yml"

SYNONYMS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["synonyms"],
    "properties": {
        "synonyms": {
            "type": "array",
            "description": "Groups of words and phrases that mean the same to someone searching the site.",
            "items": {
                "type": "array", "minItems": 2,
                "items": {"type": "string", "minLength": 1, "maxLength": 80},
            },
        },
    },
}


def terms_of(text: str) -> tuple[str, ...]:
    """A text's terms, in order, as a query reads them: lunr's pipeline, less what it leaves empty
    (a lone dash or bracket); search.js's `analyse` does the same."""
    return tuple(t for t in map(analyze, tokenize(text)) if t)


def group_term(number: int) -> str:
    """The term that stands for group `number` (from 0) in the index and in queries."""
    return f"_syn{number}_"


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[str, ...], ...] = ()
    """Each group's words and phrases, as written in the file."""
    phrases: dict[tuple[str, ...], int] = field(default_factory=dict)
    """Each phrase's terms -> its group's number."""

    @classmethod
    def of(cls, groups: Iterable[Iterable[str]]) -> Synonyms:
        """Synonyms from groups of phrases; a phrase already in an earlier group stays there."""
        kept: list[tuple[str, ...]] = []
        phrases: dict[tuple[str, ...], int] = {}
        for group in groups:
            group = tuple(group)
            for phrase in group:
                terms = terms_of(phrase)
                if terms and terms not in phrases:
                    phrases[terms] = len(kept)
            kept.append(group)
        return cls(tuple(kept), phrases)

    @property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    def _match(self, terms: Sequence[str], start: int) -> tuple[int, int] | None:
        """The longest phrase at `start`: (its length, its group)."""
        for length in range(min(self.longest, len(terms) - start), 0, -1):
            group = self.phrases.get(tuple(terms[start:start + length]))
            if group is not None:
                return length, group
        return None

    def tags(self, text: str) -> str:
        """The group terms of every phrase found anywhere in `text`, once each, space-separated: what
        a document's field gets, so that a search for any word of a group finds it."""
        if not self.phrases:
            return ""
        terms = terms_of(text)
        found = {m[1] for i in range(len(terms)) if (m := self._match(terms, i))}
        return " ".join(group_term(g) for g in sorted(found))

    def query_parts(self, terms: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
        """A query's terms, the longest phrases first from the left, each phrase as its group term:
        [(term or group term, the terms it stands for)]. search.js's `parts` does the same."""
        parts: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < len(terms):
            match = self._match(terms, i)
            if match:
                length, group = match
                parts.append((group_term(group), tuple(terms[i:i + length])))
                i += length
            else:
                parts.append((terms[i], (terms[i],)))
                i += 1
        return parts

    def for_index(self) -> list[list[Any]]:
        """The phrases as the browser reads them from the index: [[terms, group term], ...]."""
        return [[list(terms), group_term(g)] for terms, g in sorted(self.phrases.items())]


def load_synonyms(root: Path) -> tuple[Synonyms, list[Problem]]:
    """The synonyms in `root/synonyms.yml` (none when there is no file), and its problems."""
    path = root / SYNONYMS_FILE
    if not path.is_file():
        return Synonyms(), []
    data, positions, problem = read_yaml_file(root, path)
    if problem or data is None or positions is None:
        return Synonyms(), [problem] if problem else []
    problems = schema_problems(SYNONYMS_FILE, data, positions, Draft202012Validator(SYNONYMS_SCHEMA))
    if problems:
        return Synonyms(), problems
    groups = data["synonyms"]
    check = Checker(SYNONYMS_FILE, positions, problems)
    seen: dict[tuple[str, ...], tuple[int, int]] = {}
    for i, group in enumerate(groups):
        for j, phrase in enumerate(group):
            _check_phrase(check, seen, groups, (i, j), phrase)
    return Synonyms.of(groups), problems


def _check_phrase(check: Checker, seen: dict[tuple[str, ...], tuple[int, int]], groups: list[list[str]],
                  at: tuple[int, int], phrase: str) -> None:
    i, j = at
    terms = terms_of(phrase)
    where = ("synonyms", i, j)
    if not terms:
        check.add(where, f"'{phrase}' is only words the search leaves out (such as 'the', 'a', 'of'): it can "
                  "never match", "remove it, or write the words that matter")
        return
    if terms in seen:
        first_group, first = seen[terms]
        line = check.positions.of_value(("synonyms", first_group, first))[0]
        written = groups[first_group][first]
        if first_group != i:
            check.add(where, f"'{phrase}' is already in group {first_group + 1} (line {line}): a word or phrase "
                      "can be in one group only", "merge the two groups, or remove it from one")
        else:
            same = f"'{phrase}' is listed twice in this group" if written.lower() == phrase.lower() else \
                f"'{phrase}' reads as '{written}' to the search (it ignores word endings and punctuation), " \
                "which this group has already"
            check.add(where, same, "remove it", severity=Severity.WARNING)
        return
    seen[terms] = at
