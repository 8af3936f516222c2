"""What each page type's template receives: one typed view per page type. The template sees each
field under its own name (see render.Renderer); the page's title and description come from the
table of page types (page_types.py)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model import Agency, Journey, Service
from .parts import (
    ChannelView,
    ContactView,
    FeeRow,
    Group,
    JourneyCard,
    LetterCount,
    Link,
    PartOf,
    ServiceCard,
    StepView,
    TotalsView,
)


@dataclass(frozen=True)
class ServicePage:
    service: Service
    description: Markup
    eligibility: list[Markup]
    documents: list[Markup]
    fee_summary: str
    fee_rows: list[FeeRow] | None
    """None: the fee is not known."""
    channels: list[ChannelView]
    offline: ContactView | None
    """The agency's way in, for a service with no offline channel of its own."""
    before_you_start: list[ServiceCard]
    needed_for: list[ServiceCard]
    part_of: list[PartOf]
    related: list[ServiceCard]
    agency: Agency
    agency_url: str
    agency_description: Markup
    agency_contact: ContactView
    last_reviewed: str
    last_reviewed_iso: str
    jsonld: Markup
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class JourneyPage:
    journey: Journey
    description: Markup
    steps: list[StepView]
    totals: TotalsView
    related: list[JourneyCard]
    agencies: list[str]
    """The names of the agencies whose services the steps use, A to Z."""
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class AgencyPage:
    agency: Agency
    jurisdiction: str
    description: Markup
    contact: ContactView
    services: list[ServiceCard]
    journeys: list[JourneyCard]
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class AzPage:
    count: int
    letter_pages: list[LetterCount] | None
    """The letters, each linking to its own page (large sites); None on a one-page A to Z."""
    groups: list[Group] | None
    """Every service under its letter (a one-page A to Z); None when each letter has a page."""
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class AzLetterPage:
    letter: str
    heading: str
    count: int
    services: list[ServiceCard]
    first: int
    """1-based position of this page's first service in the letter."""
    last: int
    number: int
    """This page's number among the letter's pages."""
    pages: list[Link]
    """Each page of the letter; empty when the letter has one."""
    letters: list[LetterCount]
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class AgenciesPage:
    groups: list[Group]
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class JourneysPage:
    journeys: list[JourneyCard]
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class SearchPage:
    root: str
    index_url: str
    worker_url: str
    scripts: list[str]
    az_url: str
    journeys_url: str
    agencies_url: str
    journeys: list[JourneyCard]
    service_count: int
    breadcrumbs: list[Link]


@dataclass(frozen=True)
class HomePage:
    journeys: list[JourneyCard]
    journeys_url: str
    agency_groups: list[Group]
    agencies_url: str
    az_url: str
    service_count: int
    letters: list[Link]


PageView = ServicePage | JourneyPage | AgencyPage | AzPage | AzLetterPage | AgenciesPage | JourneysPage | SearchPage \
    | HomePage
