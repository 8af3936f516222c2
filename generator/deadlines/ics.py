"""Calendar files (RFC 5545, by the `icalendar` package): one all-day event per deadline, repeating
by its RRULE, with a reminder (VALARM) when the deadline asks for one.

A feed is many events, and the site-wide feed, the agencies' feeds, the services' and the journeys'
files share them: each event is written once (`event_text`) and feeds are put together from those
texts (`feed`), which tests/deadlines/test_ics.py holds equal to icalendar writing the whole
calendar (`calendar`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import icalendar

PRODID = "-//onestop//Deadlines//EN"
END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class CalendarEvent:
    """One deadline as a calendar event."""

    uid: str
    """Stable: the same deadline has the same UID in every file and every build, so that a
    subscription updates the event instead of adding it again."""
    summary: str
    description: str
    url: str | None
    """The service's page (absolute), when the site's address is known."""
    start: dt.date
    """The first day it is due."""
    rule: dict[str, Any] = field(hash=False)
    """The RRULE: {"FREQ": "YEARLY"} or {"FREQ": "MONTHLY", "INTERVAL": 3}."""
    remind_days: int | None = None
    service: str = ""
    """The service's ref (agency/service), for a page's script to choose events by."""

    def as_json(self) -> dict[str, Any]:
        """What the browser's builder takes (content/assets/calendar.js)."""
        return {"uid": self.uid, "summary": self.summary, "description": self.description, "url": self.url,
                "start": self.start.isoformat(), "freq": self.rule["FREQ"], "interval": self.rule.get("INTERVAL", 1),
                "remindDays": self.remind_days, "service": self.service}


def stamp_of(day: dt.date) -> dt.datetime:
    """DTSTAMP: midnight UTC of the day the file was made (the build's day), so a build is repeatable."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def component(event: CalendarEvent, stamp: dt.datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.start + dt.timedelta(days=1))
    vevent.add("rrule", event.rule)
    vevent.add("summary", event.summary)
    vevent.add("description", event.description)
    if event.url:
        vevent.add("url", event.url)
    vevent.add("transp", "TRANSPARENT")
    if event.remind_days is not None:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event.summary)
        alarm.add("trigger", -dt.timedelta(days=event.remind_days))
        vevent.add_component(alarm)
    return vevent


def event_text(event: CalendarEvent, stamp: dt.datetime) -> bytes:
    return component(event, stamp).to_ical()


def _header(name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    # Subscribed calendars look again once a day.
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    return cal


def calendar(name: str, events: Iterable[CalendarEvent], stamp: dt.datetime) -> bytes:
    """A calendar file, written by icalendar as a whole (the plain way; see `feed`)."""
    cal = _header(name)
    for event in events:
        cal.add_component(component(event, stamp))
    return cal.to_ical()


def feed(name: str, event_texts: Iterable[bytes]) -> bytes:
    """A calendar file put together from events written once each (`event_text`)."""
    header = _header(name).to_ical()
    assert header.endswith(END)
    return header[: -len(END)] + b"".join(event_texts) + END
