"""Stage 2, validate: each file's own rules (ids, its JSON Schema, its text), then the contract's
rules across files, each a function of `Content` listed in `CROSS_FILE_RULES`.

Every problem in every file is collected; nothing stops at the first. Messages follow one pattern:
the key path, what was expected, what was found; then a hint where one helps (checker.py). A new
rule is a function in the module of its subject, added to the list below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..load import FileId, Positions, SourceFile
from ..problems import Problem
from .checker import Checker
from .conditions import journey_conditions, question_options, unasked_questions
from .deadlines import check_deadlines
from .ids import check_ids, duplicate_ids, id_problem
from .offline import offline_ways
from .quality import MAX_GRADE, REVIEW_MONTHS, GradeOnDemand, months_before, review_dates, text_quality
from .references import Suggester, journey_links, journey_order, orphans, requires_cycles, service_links
from .schema import content_schema_check, schema_check
from .slips import check_slips, same_titles
from .text import check_text, markdown_fields, plain_text_fields, text_fields, url_fields

__all__ = ["MAX_GRADE", "REVIEW_MONTHS", "FileCheck", "ValidationResult", "check_file", "id_problem",
           "markdown_fields", "months_before", "plain_text_fields", "schema_problems", "url_fields", "validate"]


@dataclass(frozen=True)
class FileCheck:
    """The rules that read one file alone: its ids, its schema, its Markdown, addresses and text, its
    deadlines, its slips."""

    source: SourceFile
    problems: list[Problem]
    schema_valid: bool


def check_file(source: SourceFile) -> FileCheck:
    problems: list[Problem] = []
    check = Checker(source.path, source.positions, problems)
    check_ids(source, check)
    schema_valid = content_schema_check(source, check)
    fields = text_fields(source)
    check_text(source, check, fields)
    check_deadlines(source, check)
    check_slips(source, check, fields)
    return FileCheck(source, problems, schema_valid)


def schema_problems(path: str, data: object, positions: Positions, schema: object) -> list[Problem]:
    """Problems of a file that is not content (e.g. onestop.yml) against its own schema."""
    check = Checker(path, positions, [])
    schema_check(check, data, schema)  # type: ignore[arg-type]
    return check.problems


@dataclass(frozen=True)
class Content:
    """What the rules across files read: the files, those that passed their schema, every file
    found (refs may point at a file that could not be read: it is reported once, not again at
    every reference to it), and where each file's problems go."""

    files: list[SourceFile]
    valid: list[SourceFile]
    found: list[FileId]
    checkers: dict[str, Checker]
    today: dt.date
    grades: Mapping[str, float]
    _suggesters: dict[str, Suggester] = field(default_factory=dict)

    def valid_of(self, *kinds: str) -> list[SourceFile]:
        return [f for f in self.valid if f.kind in kinds]

    @cached_property
    def agency_ids(self) -> set[str]:
        return {f.id for f in self.found if f.kind == "agency"}

    @cached_property
    def service_refs(self) -> set[str]:
        return {f.ref for f in self.found if f.kind == "service"}

    @cached_property
    def journey_ids(self) -> set[str]:
        return {f.id for f in self.found if f.kind == "journey"}

    def suggester(self, what: str) -> Suggester:
        """The "did you mean" index of service refs or journey ids (references.Suggester), made once."""
        if what not in self._suggesters:
            self._suggesters[what] = Suggester(self.service_refs if what == "service" else self.journey_ids)
        return self._suggesters[what]

    @cached_property
    def question_ids(self) -> set[str]:
        return {f.id for f in self.found if f.kind == "question"}

    @cached_property
    def questions(self) -> dict[str, SourceFile]:
        """Every question that passed its schema, by id."""
        return {f.id: f for f in self.valid if f.kind == "question"}

    @cached_property
    def services(self) -> dict[str, SourceFile]:
        """Every service that loaded, by ref."""
        return {f"{f.agency_id}/{f.id}": f for f in self.files if f.kind == "service"}


CROSS_FILE_RULES: tuple[Callable[[Content], None], ...] = (
    duplicate_ids, service_links, journey_links, review_dates, requires_cycles, journey_order, orphans, text_quality,
    question_options, journey_conditions, unasked_questions, offline_ways, same_titles,
)


@dataclass(frozen=True)
class ValidationResult:
    problems: list[Problem]
    valid: list[SourceFile]
    """Files that passed their schema (cross-file rules ran on them)."""


def validate(files: list[SourceFile], today: dt.date, discovered: list[FileId] | None = None,
             grades: Mapping[str, float] | None = None,
             file_checks: dict[str, FileCheck] | None = None) -> ValidationResult:
    """Check `files`; refs may point at any of `discovered` (files found but maybe unreadable).
    `grades` maps summaries to reading grades (see readability.GradeWorker); read last, so that
    they can be computed meanwhile. `file_checks` (live preview) keeps each file's own results
    between checks, reused while the file is the same parsed object (see preview.py)."""
    problems: list[Problem] = []
    valid: list[SourceFile] = []
    for source in files:
        remembered = file_checks.get(source.path) if file_checks is not None else None
        if remembered is not None and remembered.source is source:
            own = remembered
        else:
            own = check_file(source)
            if file_checks is not None:
                file_checks[source.path] = own
        problems += own.problems
        if own.schema_valid:
            valid.append(source)
    found = discovered if discovered is not None else [FileId(f.kind, f.id, f.agency_id) for f in files]
    checkers = {f.path: Checker(f.path, f.positions, problems) for f in files}
    content = Content(files, valid, found, checkers, today, GradeOnDemand() if grades is None else grades)
    for rule in CROSS_FILE_RULES:
        rule(content)
    return ValidationResult(sorted(problems), valid)
