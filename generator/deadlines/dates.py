"""When a deadline falls: its first date from a given day, and how it repeats (an RFC 5545 RRULE).

A fixed-date deadline repeats on a cycle that is the same for everyone: every `months` months
counted from January 2000, on its day (so `every: year, interval: 2` falls in even years, quarters
end in March, June, September and December, and a quarterly deadline is due in the month after:
January, April, July and October). A `from: start` deadline counts from the citizen's own day
instead; a start day that some months lack (the 29th to the 31st, February 29 for yearly ones)
counts from the 28th, so that the deadline falls in every period and never late.

The browser's builder (content/assets/calendar.js) counts `from: start` dates the same way;
tests/deadlines/test_parity.py holds them equal.
"""

from __future__ import annotations

import datetime as dt

from ..model import Deadline

EPOCH_YEAR = 2000
"""Fixed-date cycles count from January of this year."""


def _month_index(day: dt.date) -> int:
    return (day.year - EPOCH_YEAR) * 12 + day.month - 1


def _from_index(index: int, day: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(EPOCH_YEAR + year, month + 1, day)


def _offset_and_day(deadline: Deadline) -> tuple[int, int]:
    """The month (0 to 11, of the cycle) and day a fixed-date deadline falls on."""
    if deadline.due is not None:
        return deadline.due[0] - 1, deadline.due[1]
    assert deadline.due_day is not None, "a fixed-date deadline has due or due_day"
    return 0, deadline.due_day


def first_due(deadline: Deadline, on_or_after: dt.date) -> dt.date:
    """The first date a fixed-date deadline is due on or after `on_or_after`."""
    offset, day = _offset_and_day(deadline)
    months = deadline.months
    index = _month_index(on_or_after)
    index += (offset - index) % months
    if _from_index(index, day) < on_or_after:
        index += months
    return _from_index(index, day)


def start_day(deadline: Deadline, start: dt.date) -> int:
    """The day of the month a `from: start` deadline falls on (the start's, or the 28th)."""
    if deadline.months % 12 == 0:
        return 28 if (start.month, start.day) == (2, 29) else start.day
    return min(start.day, 28)


def first_from_start(deadline: Deadline, start: dt.date) -> dt.date:
    """The first date a `from: start` deadline is due: one cycle after the day the citizen got it."""
    index = _month_index(start) + deadline.months
    return _from_index(index, start_day(deadline, start))


def year_order(deadline: Deadline) -> tuple[int, int, int]:
    """Where a deadline first falls in a calendar year (month, day), more frequent ones first: the
    order deadlines are listed in (`from: start` ones last)."""
    if deadline.from_start:
        return (13, 0, deadline.months)
    offset, day = _offset_and_day(deadline)
    return (offset % deadline.months + 1, day, deadline.months)


def months_due(deadline: Deadline) -> list[int]:
    """The months (1 to 12) of a year that a fixed-date deadline can fall in: its month every year,
    every quarter's, or every month (in cycles longer than a year, the years it falls in)."""
    offset, _ = _offset_and_day(deadline)
    months = deadline.months
    return sorted({(offset + k * months) % 12 + 1 for k in range(12)}) if months < 12 else [offset % 12 + 1]


def recurrence(deadline: Deadline) -> dict[str, object]:
    """The RRULE: every year (or `interval` years), or every so many months."""
    months = deadline.months
    if months % 12 == 0:
        rule: dict[str, object] = {"FREQ": "YEARLY"}
        if months > 12:
            rule["INTERVAL"] = months // 12
    else:
        rule = {"FREQ": "MONTHLY"}
        if months > 1:
            rule["INTERVAL"] = months
    return rule
