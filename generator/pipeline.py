"""Load -> validate -> link, for the CLI and the site-engine adapters alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .graph import Site, link
from .load import LoadCache, load_tree
from .problems import Problem, Severity
from .validate import validate


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


def check(root: Path, today: dt.date | None = None, cache: LoadCache | None = None) -> CheckResult:
    """Load and validate the content under `root`; link it when there is no error.
    A `cache` (live preview) reuses files parsed by an earlier check that have not changed since."""
    today = today or dt.date.today()
    loaded = load_tree(root, cache)
    validated = validate(loaded.files, today, loaded.discovered)
    problems = sorted(loaded.problems + validated.problems, key=lambda p: (p.path, p.line, p.col, p.message))
    if any(p.severity is Severity.ERROR for p in problems):
        return CheckResult(problems, None)
    return CheckResult(problems, link(validated.valid))
