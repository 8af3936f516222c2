"""The deadlines as pages show them: a service's ("After you get it"), a journey's ("After you
finish", in date order, with one calendar file), an agency's link to its feed, and the calendar page
(every fixed-date deadline month by month, and each agency's feed).

Every service and agency is looked up through the ViewBuilder, so that what a page shows is
recorded (`ViewBuilder.touched`)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..deadlines import DeadlineOf, Events, deadlines_of, fixed_deadlines, journey_services
from ..deadlines.dates import months_due
from ..deadlines.feeds import listing_order
from ..deadlines.words import how_to_count, month_day, month_name, reminder_words
from ..i18n import N_
from ..model import Deadline, Journey, Service
from ..urls import (
    agency_feed_url,
    agency_url,
    asset_url,
    calendar_url,
    journey_events_url,
    journey_feed_url,
    relative,
    service_feed_url,
    service_url,
    site_feed_url,
)
from .jsonld import json_block
from .pages import CalendarPage
from .parts import AgencyFeed, DeadlinesBox, DeadlineView, Group, Link

if TYPE_CHECKING:
    from .builder import ViewBuilder

SCRIPT = "assets/calendar.js"
LIST_AT_MOST = 400
"""The calendar page lists the site's deadlines month by month up to this many entries; a larger
site's page links each agency's list instead (agency pages), so that no page grows with the site."""
# Translators: the words of the form that makes a calendar file from the day the citizen got a
# service; %(file)s is the file's name.
SCRIPT_WORDS = {"needDate": N_("Enter the day you got it, as a full date."),
                "ready": N_("Your calendar file %(file)s is ready: open it to add the dates to your calendar.")}


class DeadlineViews:
    """Makes the deadlines' view data for one ViewBuilder."""

    def __init__(self, views: ViewBuilder):
        self.views = views
        self.words = views.words
        self.events = Events(views.site, views.words, views.base_url, views.options.today or dt.date.today())
        self._said: dict[Deadline, tuple[str, str | None, str | None]] = {}

    def item(self, item: DeadlineOf, page: str, away: bool = False, due: str | None = None) -> DeadlineView:
        """One deadline; `away` from its service's page, it names and links the service."""
        d = item.deadline
        said = self._said.get(d)
        if said is None:  # the same deadline is shown on its service's, journeys', agency's and calendar pages
            said = self._said[d] = (self.events.rule_words(d), reminder_words(d, self.words),
                                    how_to_count(d, self.words) if d.from_start else None)
        service = self.views._service(item.ref)
        link = Link(service.title, relative(page, service_url(item.ref))) if away else None
        agency = self.views._agency(item.ref.agency).name if away else None
        return DeadlineView(d.title, said[0], d.note, said[1], said[2], str(item.ref), link, agency, due)

    def _box(self, items: list[DeadlineOf], page: str, ics: str | None, form: bool, away: bool,
             name: str, events_url: str | None = None) -> DeadlinesBox:
        # A service page's script makes the from-start events; fixed-date ones are in its static file,
        # and a journey's events are a file of their own (feeds.py).
        templates = [self.events.template(i, with_service=False) for i in items if i.deadline.from_start] \
            if form else []
        return DeadlinesBox([self.item(i, page, away) for i in items], asset_url(page, ics) if ics else None, form,
                            json_block({"fixed": [], "fromStart": templates}, compact=True),
                            asset_url(page, events_url) if events_url else None, asset_url(page, SCRIPT),
                            relative(page, calendar_url()), f"{name}-deadlines.ics", self._script_words)

    @functools.cached_property
    def _script_words(self) -> Markup:
        """What calendar.js says, as a JSON block: the catalogue's words, "%(file)s" left for it to fill."""
        return json_block({key: self.words.gettext(message, file="%(file)s") if "%(file)s" in message
                           else self.words.gettext(message) for key, message in SCRIPT_WORDS.items()}, compact=True)

    def service_box(self, service: Service, page: str) -> DeadlinesBox | None:
        """A service's deadlines, in the file's order, with its calendar file and the form for the
        deadlines counted from the day the citizen got it; None without deadlines."""
        items = deadlines_of(service)
        if not items:
            return None
        ics = service_feed_url(service.ref) if fixed_deadlines(service) else None
        return self._box(items, page, ics, any(i.deadline.from_start for i in items), away=False,
                         name=service.ref.service)

    def journey_box(self, journey: Journey, page: str) -> DeadlinesBox | None:
        """The deadlines of every service of a journey, in the order they fall in a year."""
        items = [i for ref in journey_services(journey) for i in deadlines_of(self.views._service(ref))]
        if not items:
            return None
        items.sort(key=listing_order)
        fixed = any(not i.deadline.from_start for i in items)
        return self._box(items, page, journey_feed_url(journey.id) if fixed else None, False, away=True,
                         name=journey.id, events_url=journey_events_url(journey.id))

    def agency_feed(self, agency_id: str, page: str) -> AgencyFeed | None:
        """An agency's feed of fixed-date deadlines; None when its services have none."""
        agency = self.views._agency(agency_id)
        count = sum(len(fixed_deadlines(self.views._service(r))) for r in self.views.site.services_of_agency[agency_id])
        if not count:
            return None
        return AgencyFeed(agency.name, relative(page, agency_url(agency_id)) + "#deadlines",
                          asset_url(page, agency_feed_url(agency_id)), count)

    def agency_items(self, agency_id: str, page: str) -> list[DeadlineView]:
        """Every deadline of an agency's services, in the order they fall in a year."""
        items = [i for r in self.views.site.services_of_agency[agency_id] for i in deadlines_of(self.views._service(r))]
        return [self.item(i, page, away=True) for i in sorted(items, key=listing_order)]

    def calendar_page(self) -> CalendarPage:
        page = calendar_url()
        site = self.views.site
        every = [i for s in site.services.values() for i in deadlines_of(s)]
        fixed = [i for i in every if not i.deadline.from_start]
        monthly = sorted((i for i in fixed if i.deadline.months == 1), key=listing_order)
        months = [Group(month_name(m, self.words), f"month-{m}") for m in range(1, 13)]
        falls = sorted((m, (i.deadline.due or (0, i.deadline.due_day or 1))[1], listing_order(i), i)
                       for i in fixed if i.deadline.months > 1 for m in months_due(i.deadline))
        listed = len(falls) + len(every) - len(fixed) + len(monthly) <= LIST_AT_MOST
        for m, day, _, item in falls if listed else ():
            due = self.words.gettext("By %(date)s", date=month_day(m, day, self.words))
            months[m - 1].items.append(self.item(item, page, away=True, due=due))
        base = self.views.base_url
        address = base + site_feed_url() if base else None
        return CalendarPage(
            count=len(fixed),
            listed=listed,
            monthly=[self.item(i, page, away=True) for i in monthly] if listed else [],
            months=[g for g in months if g.items],
            from_start=[self.item(i, page, away=True) for i in sorted(
                (i for i in every if i.deadline.from_start), key=listing_order)] if listed else [],
            agencies=[f for f in (self.agency_feed(a, page) for a in site.agencies) if f],
            feed_url=asset_url(page, site_feed_url()),
            feed_address=address,
            webcal_url="webcal://" + address.split("://", 1)[1] if address else None,
            breadcrumbs=self.views._crumbs(page),
        )

