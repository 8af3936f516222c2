"""The calendar files the site publishes: every fixed-date deadline (`calendar/deadlines.ics`),
one feed per agency, one file per service and per journey (their addresses are in urls.py), and
each journey's events as JSON for the browser's builder (a guided plan builds the calendar of the
services that apply from it; on the page it would weigh as much as the rest of a large journey).

Each event is written once and shared by the files it is in (ics.feed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..graph import Site
from ..i18n import Words
from ..jsontext import compact_json
from ..model import Journey, Service, ServiceRef
from ..urls import agency_feed_url, journey_events_url, journey_feed_url, service_feed_url, site_feed_url
from .dates import year_order
from .events import DeadlineOf, Events, deadlines_of
from .ics import event_text, feed, stamp_of


def fixed_deadlines(service: Service) -> list[DeadlineOf]:
    """The deadlines of a service that fall on dates the same for everyone."""
    return [item for item in deadlines_of(service) if not item.deadline.from_start]


def journey_services(journey: Journey) -> list[ServiceRef]:
    """The services of a journey's steps, each once, in step order."""
    return list(dict.fromkeys(ref for step in journey.steps for ref in step.services))


def calendar_files(site: Site, words: Words, site_name: str, base_url: str | None,
                   today: dt.date) -> dict[str, str]:
    """Path from the site root -> the text of each calendar file."""
    events = Events(site, words, base_url, today)
    stamp = stamp_of(today)
    texts: dict[ServiceRef, list[bytes]] = {}
    fixed_events = {}
    for ref, service in site.services.items():
        fixed = fixed_deadlines(service)
        if fixed:
            fixed_events[ref] = {item.number: events.fixed(item) for item in fixed}
            texts[ref] = [event_text(event, stamp) for event in fixed_events[ref].values()]

    def of(refs: Iterable[ServiceRef]) -> list[bytes]:
        return [text for ref in refs for text in texts.get(ref, ())]

    files = {site_feed_url(): feed(words.gettext("%(site)s: deadlines", site=site_name), of(texts))}
    for agency_id, refs in site.services_of_agency.items():
        if any(ref in texts for ref in refs):
            name = words.gettext("%(site)s: deadlines", site=site.agencies[agency_id].name)
            files[agency_feed_url(agency_id)] = feed(name, of(refs))
    for ref in texts:
        name = words.gettext("%(site)s: deadlines", site=site.services[ref].title)
        files[service_feed_url(ref)] = feed(name, texts[ref])
    texts_of = {path: data.decode("utf-8") for path, data in files.items()}
    for journey in site.journeys.values():
        refs = journey_services(journey)
        if any(ref in texts for ref in refs):
            name = words.gettext("%(site)s: deadlines", site=journey.title)
            texts_of[journey_feed_url(journey.id)] = feed(name, of(refs)).decode("utf-8")
        items = sorted((i for ref in refs for i in deadlines_of(site.services[ref])), key=listing_order)
        if items:
            texts_of[journey_events_url(journey.id)] = compact_json({
                "fixed": [fixed_events[i.ref][i.number].as_json() for i in items if not i.deadline.from_start],
                "fromStart": [events.template(i) for i in items if i.deadline.from_start]}) + "\n"
    return texts_of


def listing_order(item: DeadlineOf) -> tuple[object, ...]:
    """The order deadlines are listed in: as they fall in a year (views/deadlines.py lists them so)."""
    return (year_order(item.deadline), item.deadline.title.lower(), str(item.ref), item.number)
