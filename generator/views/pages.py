"""What each page type's template receives: one typed view per page type. The template sees each
field under its own name (see render.Renderer); the page's title and description come from the
table of page types (page_types.py)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model import Agency, Journey, Service
from . import parts


@dataclass(frozen=True)
class ServicePage:
    """A service: what it is, what it costs, every way in, where it fits in journeys."""

    service: Service
    way_in: parts.WayIn
    """What the page offers first, on the first screen of a phone: its one button, and the other ways."""
    audience: list[str]
    """Who it is for, in words."""
    description: Markup
    eligibility: list[Markup]
    documents: list[Markup]
    fee_summary: str
    fee_rows: list[parts.FeeRow] | None
    """None: the fee is not known."""
    fee_total: str | None
    """The fees added up, where that is true to them (all paid once, by everyone); None otherwise."""
    channels: list[parts.ChannelView]
    offline: parts.ContactView | None
    """The agency's way in, for a service with no offline channel of its own."""
    before_you_start: list[parts.ServiceCard]
    needed_for: list[parts.ServiceCard]
    part_of: list[parts.PartOf]
    """The journey steps the service is part of, shown in full with the steps around them (at most
    SiteOptions.part_of_boxes); the first is also named in one line at the top of the page."""
    part_of_links: list[parts.PartOf]
    """The journey steps beyond that cap, shown as links only."""
    related: list[parts.ServiceCard]
    """Related services, less those the page already lists as needed first or what it lets you do next."""
    agency: Agency
    agency_url: str
    agency_description: Markup
    agency_contact: parts.ContactView
    last_reviewed: str
    last_reviewed_iso: str
    jsonld: Markup
    breadcrumbs: list[parts.Link]
    contents: list[parts.Link]
    """The page's sections, for its "On this page" list (beside the text on a wide screen)."""
    deadlines: parts.DeadlinesBox | None = None
    """What the citizen must do again after getting it; None when nothing."""
    untranslated: str | None = None
    """In a translated site, the notice that some of the page's text is in the source language."""


@dataclass(frozen=True)
class JourneyPage:
    """A step-by-step guide: its numbered steps and their services, and the totals."""

    journey: Journey
    description: Markup
    guide: parts.GuideView | None
    """The questions at the top, for a journey that asks some."""
    steps: list[parts.StepView]
    totals: parts.TotalsView
    related: list[parts.JourneyCard]
    agencies: list[str]
    """The names of the agencies whose services the steps use, A to Z."""
    breadcrumbs: list[parts.Link]
    deadlines: parts.DeadlinesBox | None = None
    """The deadlines of the journey's services, in the order they fall in a year; None when none."""
    untranslated: str | None = None
    """In a translated site, the notice that some of the page's text is in the source language."""


@dataclass(frozen=True)
class AgencyPage:
    """An agency: what it does, how to reach it, its services and the guides it is part of."""

    agency: Agency
    jurisdiction: str
    description: Markup
    contact: parts.ContactView
    services: list[parts.ServiceCard]
    journeys: list[parts.JourneyCard]
    breadcrumbs: list[parts.Link]
    calendar_url: str = ""
    """The site's calendar of deadlines."""
    deadline_feed: parts.AgencyFeed | None = None
    """Its services' fixed-date deadlines as a feed; None when they have none."""
    deadlines: list[parts.DeadlineView] | None = None
    """Its services' deadlines, in the order they fall in a year."""
    untranslated: str | None = None
    """In a translated site, the notice that some of the page's text is in the source language."""


@dataclass(frozen=True)
class AzPage:
    """The A to Z of services: every service under its letter, or (large sites) the letters."""

    count: int
    letter_pages: list[parts.LetterCount] | None
    """The letters, each linking to its own page (large sites); None on a one-page A to Z."""
    groups: list[parts.Group] | None
    """Every service under its letter (a one-page A to Z); None when each letter has a page."""
    breadcrumbs: list[parts.Link]


@dataclass(frozen=True)
class AzLetterPage:
    """One page of one letter's services (large sites)."""

    letter: str
    heading: str
    count: int
    services: list[parts.ServiceCard]
    first: int
    """1-based position of this page's first service in the letter."""
    last: int
    number: int
    """This page's number among the letter's pages."""
    pages: list[parts.Link]
    """Each page of the letter; empty when the letter has one."""
    letters: list[parts.LetterCount]
    breadcrumbs: list[parts.Link]


@dataclass(frozen=True)
class AgenciesPage:
    """Every agency, by level of government."""

    groups: list[parts.Group]
    breadcrumbs: list[parts.Link]


@dataclass(frozen=True)
class JourneysPage:
    """Every step-by-step guide."""

    journeys: list[parts.JourneyCard]
    breadcrumbs: list[parts.Link]


@dataclass(frozen=True)
class SearchPage:
    """The search page: the form, where the index and scripts are, and the ways on when nothing is found."""

    root: str
    index_url: str
    worker_url: str
    scripts: list[str]
    az_url: str
    journeys_url: str
    agencies_url: str
    journeys: list[parts.JourneyCard]
    service_count: int
    breadcrumbs: list[parts.Link]


@dataclass(frozen=True)
class HomePage:
    """The home page: the guides first, then the A to Z and the agencies by level."""

    journeys: list[parts.JourneyCard]
    journeys_url: str
    agency_groups: list[parts.Group]
    agencies_url: str
    az_url: str
    service_count: int
    letters: list[parts.Link]
    calendar_url: str = ""
    """The site's calendar of deadlines."""


@dataclass(frozen=True)
class CalendarPage:
    """Every fixed-date deadline of the site, month by month, each agency's feed, and the deadlines
    counted from the day the citizen got the service."""

    count: int
    """How many fixed-date deadlines the site has."""
    listed: bool
    """The page lists every deadline; False on a large site: each agency's page lists its own."""
    monthly: list[parts.DeadlineView]
    """Deadlines due every month."""
    months: list[parts.Group]
    """The months (January first) with the deadlines due in them, each with the day ("By April 20")."""
    from_start: list[parts.DeadlineView]
    agencies: list[parts.AgencyFeed]
    feed_url: str
    """The site-wide feed, from this page."""
    feed_address: str | None
    """The feed's full address, to paste into a calendar app; None when the site's address is not set."""
    webcal_url: str | None
    """The feed as a webcal: link, which opens a calendar app to subscribe."""
    breadcrumbs: list[parts.Link]


PageView = ServicePage | JourneyPage | AgencyPage | AzPage | AzLetterPage | AgenciesPage | JourneysPage | SearchPage \
    | HomePage | CalendarPage
