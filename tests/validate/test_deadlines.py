"""A service's deadlines (validate/deadlines.py and the schema): each mistake, its exact message and place."""

from __future__ import annotations

import pytest

from conftest import SERVICE

SVC = "agencies/acme/services/get-license.yml"


def with_deadline(*lines: str) -> str:
    """SERVICE with one deadline; its first key is on line 8."""
    body = "\n".join(("  - " if i == 0 else "    ") + line for i, line in enumerate(lines))
    return SERVICE.replace("last_reviewed:", "deadlines:\n" + body + "\nlast_reviewed:")


@pytest.mark.parametrize("lines", [
    ("title: File your return", "every: year", "due: 09-30", "remind_days: 30", "note: Late returns cost $50."),
    ("title: File your return", "every: quarter", "due_day: 20"),
    ("title: Pay the tax", "every: month", "due_day: 15", "interval: 2"),
    ("title: Renew it", "every: year", "interval: 5", "from: start", "remind_days: 0"),
    ("title: Renew it", "every: month", "from: start"),
    ("title: File your return", "every: year", "due: 12-31"),
    ("title: File your return", "every: year", "due: 02-28"),
])
def test_good_deadlines(check_files, lines):
    assert check_files({SVC: with_deadline(*lines)}) == []


@pytest.mark.parametrize("due, message", [
    ("02-30", "'02-30' is not a real date: February has 28 days (hint: write a day from 01 to 28)"),
    ("04-31", "'04-31' is not a real date: April has 30 days (hint: write a day from 01 to 30)"),
    ("09-00", "'09-00' is not a real date: September has 30 days (hint: write a day from 01 to 30)"),
    ("13-01", "'13-01' is not a real date: the month comes first, 01 to 12 (hint: write it as MM-DD, e.g. 09-30 for September 30)"),
    ("30-09", "'30-09' is not a real date: the month comes first, 01 to 12 (hint: write it as MM-DD, e.g. 09-30 for September 30)"),
    ("02-29", "'02-29' comes only in leap years, so a yearly deadline on it would be missed three years in four (hint: use 02-28 or 03-01, whichever the agency counts as on time)"),
])
def test_a_date_that_does_not_come_every_year(check_files, due, message):
    bad = with_deadline("title: File your return", "every: year", f"due: {due}")
    assert check_files({SVC: bad}) == [f"{SVC}:10:10: error: deadlines[0].due: {message}"]


@pytest.mark.parametrize("due", ["9-30", "09/30", "2026-09-30", "September 30"])
def test_a_date_not_written_mm_dd(check_files, due):
    bad = with_deadline("title: File your return", "every: year", f"due: {due}")
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:10: error: deadlines[0].due: expected a month and day written MM-DD, like 09-30; got '{due}' (hint: write it like '09-30')"]


def test_due_and_due_day(check_files):
    bad = with_deadline("title: File your return", "every: year", "due: 09-30", "due_day: 20")
    assert check_files({SVC: bad}) == [
        f"{SVC}:11:5: error: deadlines[0].due_day: a deadline has due (a date every year) or due_day (a day after each "
        "quarter or month), not both (hint: keep due for every: year, due_day for every: quarter or month)"]


def test_due_day_every_year(check_files):
    bad = with_deadline("title: File your return", "every: year", "due_day: 20")
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:5: error: deadlines[0].due_day: due_day is for every: quarter or month; a yearly deadline has a "
        "date (hint: write due: MM-DD instead, e.g. due: 09-30 for September 30)"]


@pytest.mark.parametrize("every", ["quarter", "month"])
def test_due_every_quarter_or_month(check_files, every):
    bad = with_deadline("title: File your return", f"every: {every}", "due: 09-30")
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:5: error: deadlines[0].due: due is a date every year; a deadline every {every} has a due_day "
        f"(hint: write due_day: 20 for the 20th of the month after each {every} ends)"]


@pytest.mark.parametrize("key, value", [("due", "09-30"), ("due_day", "20")])
def test_from_start_with_a_date(check_files, key, value):
    bad = with_deadline("title: Renew it", "every: year", "from: start", f"{key}: {value}")
    assert check_files({SVC: bad}) == [
        f"{SVC}:11:5: error: deadlines[0].{key}: from: start counts from the day the citizen got the service, so the "
        f"deadline has no {key} of its own (hint: remove {key}, or remove from: start)"]


def test_no_rule_at_all(check_files):
    bad = with_deadline("title: File your return", "every: year")
    assert check_files({SVC: bad}) == [
        f"{SVC}:8:5: error: deadlines[0]: a deadline needs to say when it is due: due (every year), due_day (every "
        "quarter or month) or from: start (counted from the day the citizen got the service) (hint: add one, e.g. "
        "due: 09-30 for every year by September 30)"]


def test_an_unknown_period(check_files):
    bad = with_deadline("title: File your return", "every: yearly", "due: 09-30")
    assert check_files({SVC: bad}) == [
        f"{SVC}:9:12: error: deadlines[0].every: expected one of year, quarter, month; got 'yearly' "
        "(hint: did you mean 'year'?)"]


@pytest.mark.parametrize("line, message", [
    ("due_day: 31", "deadlines[0].due_day: must be 28 or less; got the number 31 (hint: write a number of at most 28)"),
    ("due_day: 0", "deadlines[0].due_day: must be 1 or more; got the number 0 (hint: write a number of 1 or more)"),
    ("from: begin", "deadlines[0].from: expected one of start; got 'begin' (hint: write one of these words, exactly as written)"),
])
def test_out_of_range(check_files, line, message):
    bad = with_deadline("title: File your return", "every: quarter", line)
    col = line.index(":") + 7
    assert check_files({SVC: bad}) == [f"{SVC}:10:{col}: error: {message}"]


def test_interval_and_reminder_bounds(check_files):
    bad = with_deadline("title: Renew it", "every: year", "from: start", "interval: 11", "remind_days: 91")
    assert check_files({SVC: bad}) == [
        f"{SVC}:11:15: error: deadlines[0].interval: must be 10 or less; got the number 11 (hint: write a number of at most 10)",
        f"{SVC}:12:18: error: deadlines[0].remind_days: must be 90 or less; got the number 91 (hint: write a number of at most 90)",
    ]


def test_every_deadline_is_checked_and_a_missing_every(check_files):
    bad = SERVICE.replace("last_reviewed:", "deadlines:\n  - title: A\n    every: year\n    due: 02-29\n"
                          "  - title: B\n    due: 09-30\nlast_reviewed:")
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:10: error: deadlines[0].due: '02-29' comes only in leap years, so a yearly deadline on it would be "
        "missed three years in four (hint: use 02-28 or 03-01, whichever the agency counts as on time)",
        f"{SVC}:11:5: error: deadlines[1]: missing required key 'every' (hint: add a line 'every: year')",
    ]


def test_markup_in_a_note_is_refused(check_files):
    bad = with_deadline("title: File your return", "every: year", "due: 09-30", "note: <b>Late</b> costs $50.")
    assert check_files({SVC: bad}) == [
        f"{SVC}:11:11: error: deadlines[0].note: HTML is not allowed in plain text: '<b>Late</b> costs $5' "
        "(hint: write the words without HTML tags)"]
