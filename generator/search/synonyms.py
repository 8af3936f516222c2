"""Synonyms: words that mean the same to a citizen searching ("license", "permit", "licence"; "EIN",
"FEIN", "tax ID"), from the site-wide file `synonyms.yml`, which the site team owns; each other
language's search has its own, `synonyms.<language>.yml` (`synonyms.es.yml`), read and checked
with that language's pipeline.

Each group of words and phrases gets a term of its own, a *group term* (`_syn3_`): at build time a
document's field gets the group term of every phrase of the group found in it (`tags`), and in the
browser a query's words that make up a phrase of the group are looked up as that group term
(`content/assets/search.js`, `Searcher.prototype.parts`). A phrase is matched on its analysed terms
(the language's pipeline: "permits" is "permit" and "W-4" is "w 4"; in Spanish "camión" is
"camion"), the longest phrase first. A group term is a word no text can make (lunr's trimmer keeps
the underscores, its stemmer leaves it alone, it holds a digit; the Spanish pipeline too), so it
never matches anything but its group; tests/search/test_parity.py (test_parity_es.py in Spanish)
holds the browser's phrase matching equal to `query_parts` here.

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
from .pipelines import ENGLISH, PIPELINES, TextPipeline, pipeline_for

SYNONYMS_FILE = "synonyms.yml"
"""The English synonyms; another language's are in `synonyms.<language>.yml` (synonyms_file)."""

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


def terms_of(text: str, pipeline: TextPipeline = ENGLISH) -> tuple[str, ...]:
    """A text's terms, in order, as a query in the pipeline's language reads them."""
    return pipeline.terms(text)


def synonyms_file(language: str) -> str:
    """The file of a language's synonyms: English, the source language, keeps the plain name."""
    return SYNONYMS_FILE if language == ENGLISH.language else f"synonyms.{language}.yml"


def group_term(number: int) -> str:
    """The term that stands for group `number` (from 0) in the index and in queries."""
    return f"_syn{number}_"


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[str, ...], ...] = ()
    """Each group's words and phrases, as written in the file."""
    phrases: dict[tuple[str, ...], int] = field(default_factory=dict)
    """Each phrase's terms -> its group's number."""
    language: str = ENGLISH.language
    """The language of the phrases, whose pipeline made their terms: only an index of the same
    language can use them."""

    @classmethod
    def of(cls, groups: Iterable[Iterable[str]], language: str = ENGLISH.language) -> Synonyms:
        """Synonyms from groups of phrases; a phrase already in an earlier group stays there."""
        pipeline = pipeline_for(language)
        kept: list[tuple[str, ...]] = []
        phrases: dict[tuple[str, ...], int] = {}
        for group in groups:
            group = tuple(group)
            for phrase in group:
                terms = pipeline.terms(phrase)
                if terms and terms not in phrases:
                    phrases[terms] = len(kept)
            kept.append(group)
        return cls(tuple(kept), phrases, language)

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
        terms = pipeline_for(self.language).terms(text)
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


def load_synonyms(root: Path, language: str = ENGLISH.language) -> tuple[Synonyms, list[Problem]]:
    """The synonyms of `language` in `root` (synonyms_file; none when there is no file), and the
    file's problems, each at its line."""
    name = synonyms_file(language)
    path = root / name
    if not path.is_file():
        return Synonyms(language=language), []
    data, positions, problem = read_yaml_file(root, path)
    if problem or data is None or positions is None:
        return Synonyms(language=language), [problem] if problem else []
    problems = schema_problems(name, data, positions, Draft202012Validator(SYNONYMS_SCHEMA))
    if problems:
        return Synonyms(language=language), problems
    groups = data["synonyms"]
    check = Checker(name, positions, problems)
    pipeline = pipeline_for(language)
    seen: dict[tuple[str, ...], tuple[int, int]] = {}
    for i, group in enumerate(groups):
        for j, phrase in enumerate(group):
            _check_phrase(check, pipeline, seen, groups, (i, j), phrase)
    return Synonyms.of(groups, language), problems


def synonym_problems(root: Path) -> list[Problem]:
    """The problems of every language's synonyms file that `root` has."""
    return [problem for language in PIPELINES for problem in load_synonyms(root, language)[1]]


def _check_phrase(check: Checker, pipeline: TextPipeline, seen: dict[tuple[str, ...], tuple[int, int]],
                  groups: list[list[str]], at: tuple[int, int], phrase: str) -> None:
    i, j = at
    terms = pipeline.terms(phrase)
    where = ("synonyms", i, j)
    if not terms:
        check.add(where, f"'{phrase}' is only words the search leaves out (such as {pipeline.stop_word_examples}): "
                  "it can never match", "remove it, or write the words that matter")
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
