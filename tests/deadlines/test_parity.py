"""The browser's builder (content/assets/calendar.js, run by node) and the build's (icalendar) make
the same events from the same inputs: fixed-date events as the journey page hands them to a
guided plan's script, and from-start events for every start day of a leap year and more."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest

from conftest import TODAY
from generator.deadlines import Events, deadlines_of
from generator.deadlines.ics import CalendarEvent, calendar, stamp_of
from generator.i18n import Words
from generator.model import Deadline, ServiceRef

from .conftest import BASE

SCRIPT = Path(__file__).with_name("parity.js")
STAMP = stamp_of(TODAY)
PERIODS = [("month", 1), ("month", 2), ("quarter", 1), ("quarter", 2), ("year", 1), ("year", 2), ("year", 5),
           ("year", 10)]


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is missing: the parity test needs node 20 (see README)")
    return found


def run(node: str, fixed: list[dict], from_start: list[dict]) -> dict:
    job = {"stamp": STAMP.strftime("%Y%m%dT%H%M%SZ"), "name": "Parity", "fixed": fixed, "fromStart": from_start}
    done = subprocess.run([node, str(SCRIPT)], input=json.dumps(job), capture_output=True, text=True, timeout=120,
                          check=True)
    return json.loads(done.stdout)


def comparable(text: str) -> list[dict]:
    """Each event as icalendar reads it: every property and every alarm's, decoded."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    found = []
    for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        props = {name: event.decoded(name) if name not in ("RRULE",) else dict(event[name])
                 for name in event if name not in ("RRULE",)} | {"RRULE": dict(event["RRULE"])}
        props["VALARM"] = [{name: alarm.decoded(name) for name in alarm} for alarm in event.walk("VALARM")]
        found.append(props)
    return found


def test_fixed_events_are_the_same(node, deadline_site):
    events = Events(deadline_site, Words(), BASE, TODAY)
    made = [events.fixed(i) for i in deadlines_of(deadline_site.services[ServiceRef("acme", "get-license")])
            if not i.deadline.from_start]
    odd = CalendarEvent("odd@example.gov", "Café, naïve; back\\slash — “quotes” 🗓 " * 4, "Line one\nline two, "
                        "with; marks\\ and é" * 5, None, dt.date(2028, 2, 29), {"FREQ": "MONTHLY", "INTERVAL": 3}, 0)
    made.append(odd)
    out = run(node, [e.as_json() for e in made], [])
    browser = comparable(out["fixed"])
    assert len(browser) == 7 and browser == comparable(calendar("Parity", made, STAMP).decode())
    assert browser[-1]["SUMMARY"].startswith("Café, naïve; back\\slash") and browser[-1]["VALARM"][0]["TRIGGER"] \
        == dt.timedelta(0)


def test_from_start_events_are_the_same_for_every_start_day(node, deadline_site):
    events = Events(deadline_site, Words(), BASE, TODAY)
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(366)]
    days += [dt.date(1999, 12, 31), dt.date(1995, 1, 31), dt.date(2000, 2, 29), dt.date(2100, 12, 31)]
    service = deadline_site.services[ServiceRef("acme", "get-license")]
    item = next(i for i in deadlines_of(service) if i.deadline.from_start)
    inputs, expected = [], []
    for every, interval in PERIODS:
        kind = type(item)(item.ref, item.number, Deadline("Renew", every, interval, from_start=True, remind_days=14))
        template = events.template(kind)
        for day in days:
            inputs.append({"template": template, "day": day.isoformat()})
            expected.append(events.from_start(kind, day))
    out = run(node, [], inputs)
    assert [e["start"] for e in out["made"]] == [e.start.isoformat() for e in expected]
    browser = comparable(out["fromStart"])
    assert len(browser) == len(days) * len(PERIODS) == len(expected)
    assert browser == comparable(calendar("Parity", expected, STAMP).decode())


@pytest.mark.parametrize("day", ["", "2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "yesterday"])
def test_the_browser_refuses_a_date_that_is_not_real(node, deadline_site, day):
    events = Events(deadline_site, Words(), BASE, TODAY)
    item = next(i for i in deadlines_of(deadline_site.services[ServiceRef("acme", "get-license")])
                if i.deadline.from_start)
    assert run(node, [], [{"template": events.template(item), "day": day}])["made"] == [None]
