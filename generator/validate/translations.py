"""The rules of translation files (the content model's "Translations"): a translation has a source
and a language of the site, holds only its source's text in its source's shape, says when it was
last checked, and is as safe as any content (the text rules of its source's kind run on it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..load import JsonPath, SourceFile
from ..problems import Problem
from ..translations.fields import ANY, OWN_LISTS, TEXT_FIELDS
from ..translations.files import TranslationFile
from .checker import Checker, describe, format_path, suggest
from .slips import check_slips
from .text import check_text, text_fields

LEAF = "text"
"""In a kind's shape: a text the translation may hold."""
REVIEWED = "last_reviewed"


@cache
def shape_of(kind: str) -> dict[str, Any]:
    """What a translation of `kind` may hold, as nested keys: LEAF for a text, {ANY: ...} for a
    list matched by position, OWN_LISTS' keys as lists of the translation's own."""
    shape: dict[str, Any] = {}
    for pattern in TEXT_FIELDS[kind]:  # type: ignore[index]
        node = shape
        for step, following in zip(pattern, (*pattern[1:], None)):
            if following is None:
                node[step] = LEAF
            else:
                node = node.setdefault(step, {})
    return shape


def review_day(value: Any) -> dt.date | None:
    """A last_reviewed value as a date; None when it is not one."""
    try:
        return dt.date.fromisoformat(str(value)) if isinstance(value, (str, dt.date)) else None
    except ValueError:
        return None


class _Walk:
    """Compares one translation with its source, key by key."""

    def __init__(self, translation: TranslationFile, check: Checker):
        self.file, self.check = translation, check

    def mapping(self, data: Any, source: Any, shape: dict[str, Any], path: JsonPath) -> None:
        if not isinstance(data, dict):
            self.check.add(path, f"expected a mapping of keys to values, as in {self.file.source}; got "
                           f"{describe(data)}", "write the keys of the text it translates, each on its own line")
            return
        source = source if isinstance(source, dict) else {}
        for key, value in data.items():
            where = (*path, key)
            if key == REVIEWED and not path:
                continue
            if key not in shape:
                self.unknown(key, where, shape, source)
            elif shape[key] == LEAF and key in OWN_LISTS:
                self.own_list(value, where)
            elif shape[key] == LEAF:
                self.text(value, source.get(key), where)
            else:
                self.items(value, source.get(key), shape[key], where)

    def unknown(self, key: str, where: JsonPath, shape: dict[str, Any], source: Mapping[str, Any]) -> None:
        allowed = ", ".join(k for k in shape) + (f", {REVIEWED}" if len(where) == 1 else "")
        if key in source:
            self.check.add(where, f"is set only in the source ({self.file.source}): a translation holds only "
                           "its text", "remove this line: the page takes it from the source", key=True)
            return
        guess = suggest(str(key), list(shape))
        self.check.add(where, f"unknown key '{key}' for a translation",
                       f"did you mean '{guess}'?" if guess else f"a translation here may hold: {allowed}", key=True)

    def text(self, value: Any, source: Any, where: JsonPath) -> None:
        if source is None:
            self.check.add(where, f"{self.file.source} has no {format_path(where)}: there is nothing to translate",
                           "remove this line, or add the text to the source first")
        elif not isinstance(value, str) or not value.strip():
            self.check.add(where, f"expected text; got {describe(value)}",
                           "write the translation after the colon, or remove the line to keep the source's text")

    def own_list(self, value: Any, where: JsonPath) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.check.add(where, f"expected a list of words; got {describe(value)}",
                           "write the words people search for in this language, like [licencia, permiso]")

    def items(self, value: Any, source: Any, shape: dict[str, Any], where: JsonPath) -> None:
        if ANY not in shape:
            self.mapping(value, source, shape, where)
            return
        if not isinstance(source, list):
            self.check.add(where, f"{self.file.source} has no {format_path(where)}: there is nothing to translate",
                           "remove these lines, or add them to the source first")
            return
        if not isinstance(value, list) or len(value) != len(source):
            got = f"{len(value)} items" if isinstance(value, list) else describe(value)
            self.check.add(where, f"expected a list of {len(source)} items, one for each in {self.file.source} "
                           f"and in its order; got {got}",
                           "translate each item in the source's order; write {} for an item whose text stays as it is")
            return
        for i, (item, original) in enumerate(zip(value, source)):
            if shape[ANY] == LEAF:
                self.text(item, original, (*where, i))
            elif item != {}:
                self.mapping(item, original, shape[ANY], (*where, i))


def _reviewed(translation: TranslationFile, source: SourceFile | None, check: Checker) -> None:
    if REVIEWED not in translation.data:
        check.add((), f"missing required key '{REVIEWED}'",
                  f"add a line '{REVIEWED}: {dt.date.today().isoformat()}': the day you last checked it against "
                  f"{translation.source}")
        return
    reviewed = review_day(translation.data[REVIEWED])
    if reviewed is None:
        check.add((REVIEWED,), f"expected a date written YYYY-MM-DD; got {describe(translation.data[REVIEWED])}",
                  "write the day you last checked the translation, like 2026-12-01")
        return
    source_day = review_day(source.data.get(REVIEWED)) if source else None
    if source_day and source_day > reviewed:
        check.warn((REVIEWED,), f"out of date: {translation.source} was reviewed on {source_day}, after this "
                   f"translation ({reviewed})", "compare it with the source, bring it up to date, and set "
                   f"{REVIEWED} to the day you did")


def check_translation(translation: TranslationFile, sources: Mapping[str, SourceFile], found: set[str],
                      languages: tuple[str, ...]) -> list[Problem]:
    """Every rule of one translation file, given the site's sources (by path), every content file
    found (those that could not be read too) and the site's languages."""
    problems: list[Problem] = []
    check = Checker(translation.path, translation.positions, problems)
    if translation.source not in found:
        check.add((), f"there is no {translation.source} for this file to translate",
                  "name it after the file it translates, with the language before .yml, or remove it")
        return problems
    if translation.lang not in languages[1:]:
        others = ", ".join(languages[1:]) or "none"
        check.add((), f"'{translation.lang}' is not one of the languages this site is translated into ({others})",
                  "add it to languages: in onestop.yml, or rename the file" if translation.lang != languages[0]
                  else f"the source is already in '{languages[0]}': remove this file")
        return problems
    source = sources.get(translation.source)
    _Walk(translation, check).mapping(translation.data, source.data if source else None,
                                      shape_of(translation.kind), ())
    _reviewed(translation, source, check)
    if source is not None and isinstance(translation.data, dict):
        # The text rules of the source's kind, on the translation's text (raw HTML, links, characters).
        copy = SourceFile(translation.path, translation.kind, source.id, source.agency_id, translation.data,
                          translation.positions)
        fields = text_fields(copy)
        check_text(copy, check, fields)
        check_slips(copy, check, fields)
    return problems


def check_translations(translations: list[TranslationFile], sources: Mapping[str, SourceFile], found: set[str],
                       languages: tuple[str, ...]) -> list[Problem]:
    """The problems of every translation file."""
    return [p for t in translations for p in check_translation(t, sources, found, languages)]
