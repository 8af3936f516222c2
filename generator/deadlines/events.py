"""Each deadline of the site as a calendar event: its UID, words, first date and recurrence.

Fixed-date deadlines start on their first date on or after the build's day (later builds move
the start by whole cycles only, so a subscription keeps the same dates). `from: start` deadlines
have no date until the citizen gives theirs: the page carries their `template`, and the browser's
builder (content/assets/calendar.js) makes the event as `from_start` does here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..graph import Site
from ..i18n import Words
from ..model import Deadline, Service, ServiceRef
from ..urls import service_url
from .dates import first_due, first_from_start, recurrence
from .ics import CalendarEvent
from .words import rule_words


@dataclass(frozen=True)
class DeadlineOf:
    """A deadline with the service it belongs to."""

    ref: ServiceRef
    number: int
    """1-based position among the service's deadlines."""
    deadline: Deadline


def deadlines_of(service: Service) -> list[DeadlineOf]:
    return [DeadlineOf(service.ref, n, d) for n, d in enumerate(service.deadlines, start=1)]


class Events:
    """Makes the events of one site's deadlines, in one language, as of one day."""

    def __init__(self, site: Site, words: Words, base_url: str | None, today: dt.date):
        self.site = site
        self.words = words
        self.base_url = base_url
        self.today = today
        self.host = urlsplit(base_url).hostname if base_url else None
        self.host = self.host or "onestop.invalid"
        self._rules: dict[Deadline, str] = {}

    def rule_words(self, deadline: Deadline) -> str:
        """`words.rule_words`, worked out once per deadline (pages and files say it again and again)."""
        said = self._rules.get(deadline)
        if said is None:
            said = self._rules[deadline] = rule_words(deadline, self.words)
        return said

    def uid(self, item: DeadlineOf) -> str:
        return f"deadline-{item.number}.{item.ref.service}.{item.ref.agency}@{self.host}"

    def _words(self, item: DeadlineOf) -> tuple[str, str, str | None]:
        service = self.site.services[item.ref]
        d = item.deadline
        url = self.base_url + service_url(item.ref) if self.base_url else None
        summary = self.words.gettext("%(deadline)s (%(service)s)", deadline=d.title, service=service.title)
        lines = [self.rule_words(d) + ".", *([d.note] if d.note else []),
                 self.site.agency_of(item.ref).name]
        if url:
            lines.append(self.words.gettext("More: %(url)s", url=url))
        return summary, "\n".join(lines), url

    def fixed(self, item: DeadlineOf) -> CalendarEvent:
        """A fixed-date deadline's event."""
        summary, description, url = self._words(item)
        d = item.deadline
        return CalendarEvent(self.uid(item), summary, description, url, first_due(d, self.today), recurrence(d),
                             d.remind_days, str(item.ref))

    def template(self, item: DeadlineOf, with_service: bool = True) -> dict[str, Any]:
        """A `from: start` deadline as the browser's builder takes it, without its dates (and, on its
        own service's page, without the service's ref)."""
        summary, description, url = self._words(item)
        d = item.deadline
        made = {"uid": self.uid(item), "summary": summary, "description": description, "url": url,
                "months": d.months, "remindDays": d.remind_days}
        return {**made, "service": str(item.ref)} if with_service else made

    def from_start(self, item: DeadlineOf, start: dt.date) -> CalendarEvent:
        """A `from: start` deadline's event for a citizen who got the service on `start`."""
        summary, description, url = self._words(item)
        d = item.deadline
        uid = self.uid(item).replace("@", f".{start:%Y%m%d}@", 1)
        return CalendarEvent(uid, summary, description, url, first_from_start(d, start), recurrence(d),
                             d.remind_days, str(item.ref))
