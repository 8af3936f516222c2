"""Reading grades, computed beside the main work.

textstat (the maintained readability library the checks use) loads the CMU pronouncing
dictionary on first use, about a second, and grading ten thousand summaries takes about as long
again. `GradeWorker` does both in a second process, forked when a check starts: the dictionary
loads while the main process parses YAML, and the grades are computed while it validates.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Mapping
from multiprocessing.connection import Connection
from typing import Any


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade level, from textstat."""
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def _serve(conn: Connection) -> None:
    reading_grade("Warm up the dictionary.")
    texts = conn.recv()
    conn.send([reading_grade(t) for t in texts])
    conn.close()


class GradeWorker:
    """Grades texts in a forked process; falls back to this process where fork is unavailable."""

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._process: Any = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._conn, child = context.Pipe()
            self._process = context.Process(target=_serve, args=(child,), daemon=True)
            self._process.start()
            child.close()

    def submit(self, texts: list[str]) -> Mapping[str, float]:
        """Start grading `texts`; the returned mapping waits for the grades on first use."""
        return _PendingGrades(self, list(dict.fromkeys(texts)))

    def _collect(self, texts: list[str]) -> dict[str, float]:
        if self._conn is None:
            return {t: reading_grade(t) for t in texts}
        try:
            return dict(zip(texts, self._conn.recv(), strict=True))
        finally:
            self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._process.join(timeout=5)
            self._conn = None


class _PendingGrades(Mapping[str, float]):
    def __init__(self, worker: GradeWorker, texts: list[str]):
        self._worker, self._texts = worker, texts
        self._grades: dict[str, float] | None = None
        if worker._conn is not None:
            worker._conn.send(texts)

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
