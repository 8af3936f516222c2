"""Load -> validate -> link, for the CLI and the site-engine adapters alike."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from . import codeowners
from .graph import Site, link
from .load import LoadCache, SourceFile, discover, load_candidates, load_result, load_tree
from .problems import Problem, Severity
from .readability import GradeWorker
from .settings import Settings, load_settings
from .validate import FileCheck, check_file, validate

GRADE_WORKER_FROM = 1000
"""From this many files, reading grades are computed in a second process (see readability.py)."""


@dataclass
class CheckCache:
    """What live preview keeps between checks, so that a save re-reads and re-checks one file.

    Each file's parse (keyed by its size, modification time and inode), then its own rules and its
    entity, keyed by path and reused only while the parsed file is the very same object. The rules
    that span files (references, cycles, orphans, review dates) always run again.
    """

    files: LoadCache = field(default_factory=LoadCache)
    file_checks: dict[str, FileCheck] = field(default_factory=dict)
    entities: dict[str, tuple[SourceFile, Any]] = field(default_factory=dict)

    def forget_all_but(self, paths: set[str]) -> None:
        """Drop what was kept of files that are gone."""
        for kept in (self.file_checks, self.entities):
            for path in kept.keys() - paths:
                del kept[path]


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]
    site: Site | None
    """The linked site, when there are no errors."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


READ_HELPER_FROM = 2000
"""From this many files, a one-off check reads and checks some of them in a forked helper."""

_Read = list[tuple[SourceFile | None, Problem | None, FileCheck | None]]


def _read(root: Path, candidates: list[Any]) -> _Read:
    """Parse each file and run the rules that read it alone."""
    return [(source, problem, check_file(source) if source else None)
            for source, problem in load_candidates(root, candidates)]


def _read_helper(conn: Connection, root: Path, candidates: list[Any]) -> None:
    try:
        conn.send(_read(root, candidates))  # one pickle: each FileCheck keeps its very SourceFile
    except BaseException:  # noqa: BLE001 - the parent reads the share itself
        pass
    finally:
        conn.close()


def _read_in_two(root: Path, candidates: list[Any]) -> _Read:
    """_read on both cores: parsing and the one-file rules are most of a check. A forked helper
    reads the last files while this process reads the first; should it fail, its share is read
    here. The helper's share is the smaller, as it also pickles what it read (a quarter of the
    time reading takes) and this process unpickles it."""
    split = len(candidates) * 14 // 25
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe(duplex=False)
    helper = context.Process(target=_read_helper, args=(child_end, root, candidates[split:]), daemon=True,
                             name="onestop-read")
    helper.start()
    child_end.close()
    mine = _read(root, candidates[:split])
    try:
        theirs = parent_end.recv()
    except (EOFError, OSError):
        theirs = _read(root, candidates[split:])
    finally:
        parent_end.close()
        helper.join()
    return mine + theirs


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))


def check(root: Path, today: dt.date | None = None, cache: CheckCache | None = None, *,
          repository: bool = False) -> CheckResult:
    """Load and validate the content under `root`; link it when there is no error.

    A `cache` (live preview) reuses what an earlier check made of files that have not changed since.
    `repository` adds the checks of the repository around the content (onestop.yml and
    .github/CODEOWNERS), as `onestop check` does; a site build leaves them out.
    """
    today = today or dt.date.today()
    found = discover(root)
    # Large one-off checks grade summaries in a second process, which loads its dictionary while
    # the files are parsed; small sites and live preview grade here (grades are cached across checks).
    grader = GradeWorker() if len(found.candidates) >= GRADE_WORKER_FROM and cache is None else None
    try:
        if cache is None and len(found.candidates) >= READ_HELPER_FROM and (os.cpu_count() or 1) > 1 \
                and "fork" in multiprocessing.get_all_start_methods():
            read = _read_in_two(root, found.candidates)
            loaded = load_result(found, [(source, problem) for source, problem, _ in read])
            file_checks: dict[str, FileCheck] | None = {c.source.path: c for _, _, c in read if c is not None}
        else:
            loaded = load_tree(root, cache.files if cache else None, found)
            file_checks = cache.file_checks if cache else None
        grades = grader.submit([f.data["summary"] for f in loaded.files if f.kind in ("service", "journey")
                                and isinstance(f.data.get("summary"), str)]) if grader else None
        validated = validate(loaded.files, today, loaded.discovered, grades, file_checks)
    finally:
        if grader:
            grader.close()
    problems = loaded.problems + validated.problems
    settings, settings_problems = load_settings(root) if repository else (Settings(), [])
    problems += settings_problems
    if any(p.severity is Severity.ERROR for p in problems):
        return CheckResult(_sorted(problems), None)
    if cache:
        cache.forget_all_but({f.path for f in loaded.files})
    site = link(validated.valid, cache.entities if cache else None)
    if repository:  # whom CODEOWNERS should name is only known once all content is valid
        problems += codeowners.problems(root, site, settings)
    return CheckResult(_sorted(problems), site)
