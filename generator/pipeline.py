"""Check the content: load -> validate -> link, for the CLI and the site build alike."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .graph import Site, link
from .handwritten import check_pages
from .load import SourceFile, discover, load_candidates, load_result, load_tree
from .parallel import can_fork, cores, fork_helper
from .problems import Problem, Severity
from .readability import GradeWorker
from .search.synonyms import synonym_problems
from .tools.settings import load_settings
from .translations.files import TranslationFile, load_translations
from .validate import FileCheck, check_file, validate
from .validate.translations import check_translations

if TYPE_CHECKING:
    from .preview import CheckCache

GRADE_WORKER_FROM = 1000
"""From this many files, reading grades are computed in a second process (see readability.py)."""


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]
    site: Site | None
    """The linked site, when there are no errors."""
    translations: tuple[TranslationFile, ...] = ()
    """The translation files read (each checked: its problems are in `problems`)."""
    languages: tuple[str, ...] = ("en",)
    """The site's languages (onestop.yml), the content's own first."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def with_problems(self, more: list[Problem]) -> CheckResult:
        """The same check with `more` problems (e.g. of the repository around the content)."""
        return dataclasses.replace(self, problems=sorted(self.problems + more)) if more else self


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
    helper = fork_helper(_read_helper, root, candidates[split:], name="onestop-read")
    mine = _read(root, candidates[:split])
    try:
        theirs = helper.conn.recv()
    except (EOFError, OSError):
        theirs = _read(root, candidates[split:])
    finally:
        helper.stop()
    return mine + theirs


def check(root: Path, today: dt.date | None = None, cache: CheckCache | None = None,
          pages_dir: Path | None = None) -> CheckResult:
    """Load and validate the content under `root`, and the hand-written pages of `pages_dir`
    (default: root/content); link the content when there is no error.

    A `cache` (live preview) reuses what an earlier check made of files that have not changed since.
    """
    today = today or dt.date.today()
    found = discover(root)
    found.problems.extend(check_pages(root, pages_dir or root / "content"))
    # Large one-off checks grade summaries in a second process, which loads its dictionary while
    # the files are parsed; small sites and live preview grade here (grades are cached across checks).
    grader = GradeWorker() if len(found.candidates) >= GRADE_WORKER_FROM and cache is None else None
    try:
        if cache is None and len(found.candidates) >= READ_HELPER_FROM and can_fork(cores()):
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
    settings, setting_problems = load_settings(root)
    translations, translation_problems = load_translations(root, found.translations)
    translation_problems += check_translations(translations, {f.path: f for f in loaded.files},
                                               {c.path.relative_to(root).as_posix() for c in found.candidates},
                                               settings.languages)
    problems = (loaded.problems + validated.problems + synonym_problems(root) + setting_problems
                + translation_problems)
    kept = tuple(translations), settings.languages
    if any(p.severity is Severity.ERROR for p in problems):
        return CheckResult(sorted(problems), None, *kept)
    if cache:
        cache.forget_all_but({f.path for f in loaded.files})
    return CheckResult(sorted(problems), link(validated.valid, cache.entities if cache else None), *kept)
