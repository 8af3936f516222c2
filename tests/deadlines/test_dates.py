"""When deadlines fall (generator/deadlines/dates.py): first dates, cycles, start days some months lack."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.deadlines.dates import first_due, first_from_start, months_due, recurrence, year_order
from generator.model import Deadline

D = dt.date


@pytest.mark.parametrize("deadline, on, expected", [
    (Deadline("a", "year", due=(9, 30)), D(2026, 11, 28), D(2027, 9, 30)),
    (Deadline("a", "year", due=(9, 30)), D(2026, 9, 30), D(2026, 9, 30)),  # due today: today
    (Deadline("a", "year", due=(12, 31)), D(2026, 11, 28), D(2026, 12, 31)),
    (Deadline("a", "year", due=(1, 31)), D(2026, 11, 28), D(2027, 1, 31)),
    (Deadline("a", "year", interval=2, due=(4, 30)), D(2026, 11, 28), D(2028, 4, 30)),  # even years
    (Deadline("a", "year", interval=2, due=(4, 30)), D(2026, 1, 1), D(2026, 4, 30)),
    (Deadline("a", "year", interval=5, due=(6, 30)), D(2026, 11, 28), D(2030, 6, 30)),
    (Deadline("a", "quarter", due_day=20), D(2026, 11, 28), D(2027, 1, 20)),
    (Deadline("a", "quarter", due_day=20), D(2026, 10, 20), D(2026, 10, 20)),
    (Deadline("a", "quarter", due_day=20), D(2026, 10, 21), D(2027, 1, 20)),
    (Deadline("a", "quarter", interval=2, due_day=15), D(2026, 2, 1), D(2026, 7, 15)),
    (Deadline("a", "month", due_day=28), D(2027, 1, 29), D(2027, 2, 28)),
    (Deadline("a", "month", interval=2, due_day=1), D(2026, 11, 28), D(2027, 1, 1)),
])
def test_first_due(deadline, on, expected):
    assert first_due(deadline, on) == expected


def test_later_builds_keep_the_same_dates():
    """A feed built on any later day has the same future dates: its start moves by whole cycles only."""
    for deadline in (Deadline("a", "year", interval=2, due=(4, 30)), Deadline("a", "quarter", interval=2, due_day=15),
                     Deadline("a", "month", interval=3, due_day=5), Deadline("a", "year", interval=3, due=(2, 28))):
        first = first_due(deadline, D(2026, 1, 1))
        for offset in range(0, 1500, 7):
            later = D(2026, 1, 1) + dt.timedelta(days=offset)
            start = first_due(deadline, later)
            assert start >= later and (start.year - first.year) * 12 + start.month - first.month \
                in range(0, 10_000, deadline.months), (deadline, later)


@pytest.mark.parametrize("deadline, start, expected", [
    (Deadline("a", "year", from_start=True), D(2026, 3, 15), D(2027, 3, 15)),
    (Deadline("a", "year", interval=5, from_start=True), D(2026, 3, 15), D(2031, 3, 15)),
    (Deadline("a", "year", from_start=True), D(2024, 2, 29), D(2025, 2, 28)),  # not March 1: never late
    (Deadline("a", "year", interval=4, from_start=True), D(2024, 2, 29), D(2028, 2, 28)),
    (Deadline("a", "year", from_start=True), D(2026, 1, 31), D(2027, 1, 31)),
    (Deadline("a", "month", from_start=True), D(2026, 1, 31), D(2026, 2, 28)),
    (Deadline("a", "quarter", from_start=True), D(2026, 11, 30), D(2027, 2, 28)),
    (Deadline("a", "month", from_start=True), D(1999, 12, 15), D(2000, 1, 15)),
    (Deadline("a", "month", from_start=True), D(1995, 6, 10), D(1995, 7, 10)),  # before the cycles' epoch
])
def test_first_from_start(deadline, start, expected):
    assert first_from_start(deadline, start) == expected


def test_recurrence():
    assert recurrence(Deadline("a", "year", due=(9, 30))) == {"FREQ": "YEARLY"}
    assert recurrence(Deadline("a", "year", interval=5, from_start=True)) == {"FREQ": "YEARLY", "INTERVAL": 5}
    assert recurrence(Deadline("a", "quarter", due_day=20)) == {"FREQ": "MONTHLY", "INTERVAL": 3}
    assert recurrence(Deadline("a", "quarter", interval=4, due_day=20)) == {"FREQ": "YEARLY"}
    assert recurrence(Deadline("a", "month", due_day=20)) == {"FREQ": "MONTHLY"}


def test_months_and_order_in_a_year():
    assert months_due(Deadline("a", "quarter", due_day=20)) == [1, 4, 7, 10]
    assert months_due(Deadline("a", "quarter", interval=2, due_day=20)) == [1, 7]
    assert months_due(Deadline("a", "year", due=(9, 30))) == [9]
    assert months_due(Deadline("a", "year", interval=2, due=(9, 30))) == [9]
    assert months_due(Deadline("a", "month", due_day=1)) == list(range(1, 13))
    kinds = [Deadline("y", "year", due=(9, 30)), Deadline("s", "year", from_start=True),
             Deadline("q", "quarter", due_day=20), Deadline("m", "month", due_day=20), Deadline("j", "year", due=(1, 5))]
    assert [d.title for d in sorted(kinds, key=year_order)] == ["j", "m", "q", "y", "s"]
