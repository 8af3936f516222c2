"""Calendar files (RFC 5545, by the `icalendar` package): one all-day event per deadline, repeating
by its RRULE, with a reminder (VALARM) when the deadline asks for one.

A feed is many events, and the site-wide feed, the agencies' feeds, the services' and the journeys'
files share them: each event is written once (`event_text`) and feeds are put together from those
texts (`feed`), which tests/deadlines/test_ics.py holds equal to icalendar writing the whole
calendar (`calendar`). icalendar takes half a millisecond an event (most of it folding lines), a
second and a half at 10,000 services: `event_text` writes the event's few lines itself, byte for
byte as icalendar writes them (`component(...).to_ical()`), which a property test holds it to.
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


def _escape(text: str) -> str:
    """A TEXT value, escaped as icalendar escapes it (RFC 5545 3.3.11)."""
    return (text.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets as icalendar folds it: never inside a character, and never
    between a backslash and what it escapes."""
    if line.isascii():
        if len(line) < 75:
            return line + "\r\n"
        parts, rest = [], line
        while len(rest) > 74:
            cut = 74 if rest[73] not in "\\^" else 73
            parts.append(rest[:cut])
            rest = rest[cut:]
        return "\r\n ".join([*parts, rest]) + "\r\n"
    parts = []
    current: list[str] = []
    count = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if current and count + size >= 75:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                parts.append("".join(current))
                current, count = [carried], len(carried.encode("utf-8"))
            else:
                parts.append("".join(current))
                current, count = [], 0
        current.append(char)
        count += size
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def event_text(event: CalendarEvent, stamp: dt.datetime) -> bytes:
    """The event as `component(event, stamp).to_ical()` writes it, written directly (see the module)."""
    rule = ";".join(f"{name}={value}" for name, value in event.rule.items())
    end = event.start + dt.timedelta(days=1)
    lines = [f"SUMMARY:{_escape(event.summary)}", f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
             f"DTEND;VALUE=DATE:{end:%Y%m%d}", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}", f"UID:{_escape(event.uid)}",
             f"RRULE:{rule}", f"DESCRIPTION:{_escape(event.description)}", "TRANSP:TRANSPARENT"]
    if event.url:
        lines.append(f"URL:{event.url}")
    text = "BEGIN:VEVENT\r\n" + "".join(_fold(line) for line in lines)
    if event.remind_days is not None:
        trigger = f"-P{event.remind_days}D" if event.remind_days else "P0D"
        text += ("BEGIN:VALARM\r\nACTION:DISPLAY\r\n" + _fold(f"DESCRIPTION:{_escape(event.summary)}")
                 + f"TRIGGER:{trigger}\r\nEND:VALARM\r\n")
    return (text + "END:VEVENT\r\n").encode("utf-8")


def calendar_name(name: str) -> str:
    """A calendar's name on one line (icalendar refuses a line break in it)."""
    return " ".join(name.split())


def _header(name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", calendar_name(name))
    cal.add("x-wr-calname", calendar_name(name))
    # Subscribed calendars look again once a day.
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    return cal


def _header_text(name: str) -> bytes:
    """`_header(name).to_ical()` without its END line, written directly (as `event_text`)."""
    name = calendar_name(name)
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
            + _fold(f"NAME:{name}") + _fold(f"X-WR-CALNAME:{name}")
            + "REFRESH-INTERVAL;VALUE=DURATION:P1D\r\nX-PUBLISHED-TTL:P1D\r\n").encode("utf-8")


def calendar(name: str, events: Iterable[CalendarEvent], stamp: dt.datetime) -> bytes:
    """A calendar file, written by icalendar as a whole (the plain way; see `feed`)."""
    cal = _header(name)
    for event in events:
        cal.add_component(component(event, stamp))
    return cal.to_ical()


def feed(name: str, event_texts: Iterable[bytes]) -> bytes:
    """A calendar file put together from events written once each (`event_text`)."""
    return _header_text(name) + b"".join(event_texts) + END
