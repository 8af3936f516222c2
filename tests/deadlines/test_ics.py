"""The calendar files (generator/deadlines/ics.py, feeds.py): valid RFC 5545 as icalendar reads it,
each rule's dates over a year as python-dateutil expands them, reminders, stable UIDs, and the
files put together from events written once equal to icalendar writing the whole calendar."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TODAY
from generator.deadlines import Events, calendar_files, deadlines_of, fixed_deadlines
from generator.deadlines.ics import CalendarEvent, calendar, component, event_text, feed, stamp_of
from generator.i18n import Words
from generator.model import ServiceRef

from .conftest import BASE, year

REF = ServiceRef("acme", "get-license")
STAMP = stamp_of(TODAY)


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events_by_title(text: str) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]).split(" (")[0]: e for e in parse(text).walk("VEVENT")}


def dates_in(event: icalendar.Event, first_year: int, years: int = 1) -> list[dt.date]:
    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
    low, _ = year(first_year)
    _, high = year(first_year + years - 1)
    return [d.date() for d in rule.between(low, high, inc=True)]


def test_the_files_the_site_publishes(deadline_files):
    assert sorted(deadline_files) == ["calendar/agencies/acme.ics", "calendar/deadlines.ics",
                                      "calendar/journeys/start-trading.ics", "calendar/journeys/start-trading.json",
                                      "calendar/services/acme/get-license.ics"]


def valid(text: str) -> list[icalendar.Event]:
    """Every property RFC 5545 requires, and what the issue asks of each event."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), "lines are folded at 75 octets"
    cal = parse(text)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]) == "-//onestop//Deadlines//EN"
    events = list(cal.walk("VEVENT"))
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "RRULE", "SUMMARY", "DESCRIPTION"):
            assert name in event, name
        assert event["DTSTART"].params.get("VALUE") == "DATE" and type(event.decoded("DTSTART")) is dt.date
        assert event.decoded("DTSTAMP").tzinfo is not None
    return events


def test_every_file_is_valid_and_holds_the_service_deadlines(deadline_files):
    for path, text in deadline_files.items():
        if path.endswith(".json"):
            continue
        events = valid(text)
        assert len(events) == 6, path  # the fixed-date deadlines: from-start ones are made in the browser
        assert len({str(e["UID"]) for e in events}) == 6


def test_each_rule_over_a_year(deadline_files):
    events = events_by_title(deadline_files["calendar/services/acme/get-license.ics"])
    assert dates_in(events["File your annual report"], 2027) == [dt.date(2027, 9, 30)]
    assert dates_in(events["File your year-end return"], 2026) == [dt.date(2026, 12, 31)]
    assert dates_in(events["File your year-end return"], 2027) == [dt.date(2027, 12, 31)]
    assert dates_in(events["File your sales tax return"], 2027) == [
        dt.date(2027, 1, 20), dt.date(2027, 4, 20), dt.date(2027, 7, 20), dt.date(2027, 10, 20)]
    assert dates_in(events["File your half-year report"], 2027) == [dt.date(2027, 1, 15), dt.date(2027, 7, 15)]
    assert dates_in(events["Pay the tax you withheld"], 2027) == [dt.date(2027, m, 28) for m in range(1, 13)]
    assert dates_in(events["Renew your permit"], 2027, years=4) == [dt.date(2028, 4, 30), dt.date(2030, 4, 30)]
    # None before the day the file was made.
    assert all(d >= TODAY for e in events.values() for d in dates_in(e, 2026))


def test_reminders_and_words(deadline_files):
    events = events_by_title(deadline_files["calendar/services/acme/get-license.ics"])
    annual = events["File your annual report"]
    [alarm] = annual.walk("VALARM")
    assert alarm.to_ical().decode() == ("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:File your annual report (Get a "
                                        "license)\r\nTRIGGER:-P30D\r\nEND:VALARM\r\n")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=30)
    assert [a.decoded("TRIGGER") for a in events["File your sales tax return"].walk("VALARM")] == [-dt.timedelta(7)]
    assert events["Pay the tax you withheld"].walk("VALARM") == []
    assert str(annual["DESCRIPTION"]) == ("Every year by September 30.\nLate reports cost $50.\nAcme Licensing Office\n"
                                          "More: https://example.gov/services/acme/get-license/")
    assert str(annual["URL"]) == "https://example.gov/services/acme/get-license/"
    assert str(annual["UID"]) == "deadline-1.get-license.acme@example.gov"
    assert annual.decoded("DTSTAMP") == dt.datetime(2026, 11, 28, tzinfo=dt.UTC)
    assert annual.decoded("DTEND") == dt.date(2027, 10, 1)
    assert str(annual["TRANSP"]) == "TRANSPARENT"


def test_a_feed_is_named_and_subscribable(deadline_files):
    cal = parse(deadline_files["calendar/deadlines.ics"])
    assert str(cal["X-WR-CALNAME"]) == "Acme: deadlines" and str(cal["NAME"]) == "Acme: deadlines"
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert str(parse(deadline_files["calendar/agencies/acme.ics"])["NAME"]) == "Acme Licensing Office: deadlines"


def test_uids_are_stable_from_build_to_build(deadline_site):
    later = calendar_files(deadline_site, Words(), "Acme", BASE, TODAY + dt.timedelta(days=400))
    now = calendar_files(deadline_site, Words(), "Acme", BASE, TODAY)
    for path in (p for p in now if p.endswith(".ics")):
        before, after = events_by_title(now[path]), events_by_title(later[path])
        assert {str(e["UID"]) for e in before.values()} == {str(e["UID"]) for e in after.values()}
        for title, event in after.items():  # the same dates, from a later start
            first = event.decoded("DTSTART").year
            assert dates_in(before[title], first, 3) == dates_in(event, first, 3), title


def test_a_feed_of_events_written_once_equals_icalendar_writing_it_whole(deadline_site):
    events = Events(deadline_site, Words(), BASE, TODAY)
    service = deadline_site.services[REF]
    made = [events.fixed(item) for item in fixed_deadlines(service)]
    stamp = stamp_of(TODAY)
    assert feed("A name, with; marks", [event_text(e, stamp) for e in made]) == calendar("A name, with; marks", made,
                                                                                          stamp)
    assert feed("Nothing", []) == calendar("Nothing", [], stamp)


def test_without_the_site_address_events_have_no_url(deadline_site):
    files = calendar_files(deadline_site, Words(), "Acme", None, TODAY)
    event = events_by_title(files["calendar/deadlines.ics"])["File your annual report"]
    assert "URL" not in event and str(event["UID"]).endswith("@onestop.invalid")
    assert "More:" not in str(event["DESCRIPTION"])


def test_from_start_events(deadline_site):
    events = Events(deadline_site, Words(), BASE, TODAY)
    items = [i for i in deadlines_of(deadline_site.services[REF]) if i.deadline.from_start]
    text = calendar("x", [events.from_start(i, dt.date(2024, 2, 29)) for i in items], stamp_of(TODAY)).decode()
    made = events_by_title(text)
    assert dates_in(made["Renew your license"], 2024, 15) == [dt.date(2029, 2, 28), dt.date(2034, 2, 28)]
    assert dates_in(made["Check your tank"], 2024)[:3] == [dt.date(2024, 3, 28), dt.date(2024, 4, 28),
                                                           dt.date(2024, 5, 28)]
    assert str(made["Renew your license"]["UID"]) == "deadline-7.get-license.acme.20240229@example.gov"
    assert [a.decoded("TRIGGER") for a in made["Renew your license"].walk("VALARM")] == [-dt.timedelta(60)]


def test_every_calendar_file_of_the_example_site_round_trips(built_site):
    files = sorted(built_site.glob("calendar/**/*.ics"))
    assert len(files) >= 10 and (built_site / "calendar" / "deadlines.ics") in files
    for path in files:
        data = path.read_bytes()
        assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), f"{path}: lines end with CRLF"
        events = valid(data.decode("utf-8"))
        assert events, path
        again = parse(data.decode()).to_ical()
        assert parse(again.decode()).to_ical() == again, path
        for event in events:
            assert "More: https://onestop.example.gov/services/" in str(event["DESCRIPTION"])


@pytest.mark.parametrize("path, count", [("calendar/services/pa-dos/register-llc.ics", 1),
                                         ("calendar/services/pa-dor/register-employer-withholding.ics", 5)])
def test_the_example_site_files(built_site, path, count):
    events = valid((built_site / path).read_bytes().decode("utf-8"))
    assert len(events) == count


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300) | st.text(
    "ab \\;,^\nN", max_size=400) | st.sampled_from([
    "a,b;c\\d", "line\nline\r\nline\rend", "x" * 73 + "\\n", "é" * 80, "🗓" * 40, "\\N and \\n", ";" * 76])


@settings(max_examples=400, deadline=None)
@given(summary=TEXT, description=TEXT, url=st.none() | st.just("https://example.gov/services/a/" + "b" * 90 + "/"),
       start=st.dates(dt.date(1990, 1, 1), dt.date(2200, 12, 31)), months=st.sampled_from([1, 2, 3, 6, 12, 24, 120]),
       remind=st.none() | st.integers(0, 90))
def test_an_event_written_directly_is_what_icalendar_writes(summary, description, url, start, months, remind):
    rule = {"FREQ": "YEARLY", "INTERVAL": months // 12} if months % 12 == 0 and months > 12 else \
        {"FREQ": "YEARLY"} if months == 12 else {"FREQ": "MONTHLY", **({"INTERVAL": months} if months > 1 else {})}
    event = CalendarEvent("deadline-1.b.a@example.gov", summary, description, url, start, rule, remind)
    assert event_text(event, STAMP) == component(event, STAMP).to_ical()


@settings(max_examples=200, deadline=None)
@given(name=TEXT)
def test_a_feed_put_together_is_what_icalendar_writes(name):
    assert feed(name, []) == calendar(name, [], STAMP)
    assert "\n" not in str(parse(feed(name, []).decode())["NAME"])


def test_every_event_of_the_example_site_is_written_as_icalendar_writes_it(example):
    events = Events(example.site, Words(), "https://onestop.example.gov/", TODAY)
    made = [events.fixed(i) for s in example.site.services.values() for i in fixed_deadlines(s)]
    assert len(made) >= 15
    assert [event_text(e, STAMP) for e in made] == [component(e, STAMP).to_ical() for e in made]
