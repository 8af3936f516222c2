"""A service's deadlines say when they are due in one way only, on a date that comes every time.

The schema checks each key's type; these rules read a deadline as a whole: `due` is a month and day
that exists every year (February 29 does not), and exactly one of `due` (every year), `due_day`
(every quarter or month) and `from: start` says when it is due. One file's own rules: they run
in `check_file`, on every deadline that is a mapping, whether or not the rest of the file is valid.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from ..load import SourceFile
from .checker import Checker

_MM_DD = re.compile(r"^([0-9]{2})-([0-9]{2})$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_DAYS_IN = {month: calendar.monthrange(2001, month)[1] for month in range(1, 13)}
"""Days in each month of a year that is not a leap year: a yearly date must come every year."""


def _due_date(check: Checker, path: tuple[Any, ...], due: str) -> None:
    """`due` (already of the form MM-DD) is a month and day that comes every year."""
    match = _MM_DD.match(due)
    if not match:
        return  # the schema words it
    month, day = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        check.add(path, f"'{due}' is not a real date: the month comes first, 01 to 12",
                  "write it as MM-DD, e.g. 09-30 for September 30")
    elif month == 2 and day == 29:
        check.add(path, f"'{due}' comes only in leap years, so a yearly deadline on it would be missed three "
                        "years in four", "use 02-28 or 03-01, whichever the agency counts as on time")
    elif not 1 <= day <= _DAYS_IN[month]:
        check.add(path, f"'{due}' is not a real date: {_MONTHS[month - 1]} has {_DAYS_IN[month]} days",
                  f"write a day from 01 to {_DAYS_IN[month]:02d}")


def _one_rule(check: Checker, path: tuple[Any, ...], deadline: dict[str, Any]) -> None:
    """Exactly one of due (with every: year), due_day (with quarter or month) and from: start."""
    every = deadline.get("every")
    has_due, has_day, from_start = "due" in deadline, "due_day" in deadline, deadline.get("from") == "start"
    if from_start and (has_due or has_day):
        key = "due" if has_due else "due_day"
        check.add((*path, key), "from: start counts from the day the citizen got the service, so the deadline "
                                f"has no {key} of its own", f"remove {key}, or remove from: start", key=True)
    elif has_due and has_day:
        check.add((*path, "due_day"), "a deadline has due (a date every year) or due_day (a day after each "
                                      "quarter or month), not both",
                  "keep due for every: year, due_day for every: quarter or month", key=True)
    elif has_day and every == "year":
        check.add((*path, "due_day"), "due_day is for every: quarter or month; a yearly deadline has a date",
                  "write due: MM-DD instead, e.g. due: 09-30 for September 30", key=True)
    elif has_due and every in ("quarter", "month"):
        check.add((*path, "due"), f"due is a date every year; a deadline every {every} has a due_day",
                  f"write due_day: 20 for the 20th of the month after each {every} ends", key=True)
    elif not (has_due or has_day or "from" in deadline) and "every" in deadline:
        example = "due: 09-30 for every year by September 30" if every == "year" else \
            "due_day: 20 for the 20th of the month after each period ends"
        check.add(path, "a deadline needs to say when it is due: due (every year), due_day (every quarter or "
                        "month) or from: start (counted from the day the citizen got the service)",
                  f"add one, e.g. {example}")


def check_deadlines(source: SourceFile, check: Checker) -> None:
    """Every deadline of a service: its date is real, and it says when it is due in one way."""
    deadlines = source.data.get("deadlines") if source.kind == "service" else None
    for i, deadline in enumerate(deadlines if isinstance(deadlines, list) else []):
        if not isinstance(deadline, dict):
            continue
        path = ("deadlines", i)
        if isinstance(deadline.get("due"), str):
            _due_date(check, (*path, "due"), deadline["due"])
        _one_rule(check, path, deadline)
