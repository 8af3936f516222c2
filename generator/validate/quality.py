"""Whether a citizen can rely on and read the text: review dates within a year and not in the
future, titles and summaries of a readable length, summaries at a US grade 9 reading level."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from ..readability import reading_grade

if TYPE_CHECKING:
    from . import Content

MAX_TITLE = 80
MAX_SUMMARY = 200
MAX_GRADE = 9.0
REVIEW_MONTHS = 12


def months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def review_dates(content: Content) -> None:
    """A service's last_reviewed: a real date, not in the future, within REVIEW_MONTHS."""
    today = content.today
    for source in content.valid_of("service"):
        check = content.checkers[source.path]
        reviewed = _parse_date(source.data["last_reviewed"])
        if reviewed is None:
            check.add(("last_reviewed",), f"'{source.data['last_reviewed']}' is not a real date",
                      "write it as YYYY-MM-DD, e.g. 2026-01-31")
        elif reviewed > today:
            check.warn(("last_reviewed",), f"last_reviewed {reviewed} is in the future",
                       f"use the date the page was checked, on or before {today}")
        elif reviewed < months_before(today, REVIEW_MONTHS):
            check.warn(("last_reviewed",), f"last reviewed {reviewed}, over {REVIEW_MONTHS} months ago",
                       "check the page with the agency and update last_reviewed")


def text_quality(content: Content) -> None:
    """Titles and summaries of services and journeys: length and reading grade."""
    for source in content.valid_of("service", "journey"):
        check, data = content.checkers[source.path], source.data
        title, summary = data.get("title"), data.get("summary")
        if isinstance(title, str) and len(title) > MAX_TITLE:
            check.warn(("title",), f"title is {len(title)} characters; keep it to {MAX_TITLE}",
                       "say what the citizen does, starting with a verb")
        if isinstance(summary, str):
            if len(summary) > MAX_SUMMARY:
                check.warn(("summary",), f"summary is {len(summary)} characters; keep it to {MAX_SUMMARY}",
                           "one sentence; put detail in description")
            grade = content.grades[summary]
            if grade > MAX_GRADE:
                check.warn(("summary",), f"summary reads at US grade {grade:.1f}; aim for grade {MAX_GRADE:.0f} "
                           "or below", "use shorter sentences and everyday words")


class GradeOnDemand(Mapping[str, float]):
    """Grades computed here, one by one, when the caller has none ready."""

    def __getitem__(self, text: str) -> float:
        return _cached_grade(text)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@functools.cache  # pure; live preview re-checks the same summaries on every save
def _cached_grade(text: str) -> float:
    return reading_grade(text)
