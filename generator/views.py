"""View data: what each template shows, computed from the site graph.

Templates only lay these out; every decision (what a fee reads as, which way in an offline
citizen is shown, which step comes before) is made here, where it can be tested.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .formatting import address_lines, days, long_date, money, money_range, tel_href
from .graph import Site, StepUse
from .markup import MarkdownRenderer
from .model import Agency, Channel, Journey, Service, ServiceRef, Step
from .urls import (
    agencies_url,
    agency_url,
    asset_url,
    az_anchor,
    az_letter_url,
    az_url,
    home_url,
    journey_url,
    journeys_url,
    relative,
    search_url,
    service_url,
    step_anchor,
)

JURISDICTION_LABELS = {"federal": "Federal", "state": "State", "county": "County", "municipal": "City and local"}
CHANNEL_LABELS = {"online": "Online", "in_person": "In person", "phone": "By phone", "mail": "By mail",
                  "email": "By email"}
UNKNOWN_FEE = "Contact the agency"


AZ_LETTER_PAGES_FROM = 300
"""From this many services, the A to Z is a page per letter (at 10,000 services one page would
be over 5 MB); below, one page with a link to each letter's section."""


AZ_PAGE_SIZE = 200
"""Services on one page of a letter: titles often start with the same few verbs ("Apply",
"Register"), so one letter can have thousands; its pages stay under about 120 KB."""


def az_page_count(services: int, page_size: int = AZ_PAGE_SIZE) -> int:
    """How many pages a letter with this many services has."""
    return max(1, -(-services // page_size))


def item_page_urls(site: Site) -> list[str]:
    """Every journey, agency and service page."""
    return ([journey_url(j) for j in site.journeys] + [agency_url(a) for a in site.agencies]
            + [service_url(r) for r in site.services])


def fee_summary(service: Service) -> str:
    if service.fees is None:
        return UNKNOWN_FEE
    if not service.fees:
        return "Free"
    currencies = {f.currency for f in service.fees}
    if len(currencies) > 1:
        return " + ".join(money(f.amount, f.currency) for f in service.fees)
    return money(sum(f.amount for f in service.fees), currencies.pop())


def time_summary(service: Service) -> str | None:
    return service.processing_time.text if service.processing_time else None


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class ServiceCard:
    """A service as it appears in lists: in steps, on agency pages, in the A-Z."""

    title: str
    url: str
    summary: str
    agency: str
    agency_url: str
    fee: str
    time: str | None


@dataclass(frozen=True)
class ContactView:
    phone: str | None
    tel: str | None
    email: str | None
    address: list[str]
    hours: str | None


@dataclass(frozen=True)
class ChannelView:
    type: str
    label: str
    url: str | None
    phone: str | None
    tel: str | None
    email: str | None
    address: list[str]
    hours: str | None
    note: str | None


@dataclass(frozen=True)
class FeeRow:
    description: str
    amount: str


@dataclass(frozen=True)
class NeighbourStep:
    number: int
    title: str
    url: str
    services: list[ServiceCard]


@dataclass(frozen=True)
class PartOf:
    journey: Link
    step_number: int
    step_count: int
    step_title: str
    step_url: str
    previous: NeighbourStep | None
    next: NeighbourStep | None


@dataclass(frozen=True)
class StepView:
    number: int
    anchor: str
    title: str
    description: Markup
    services: list[ServiceCard]
    choose_one: bool
    when: str | None


@dataclass(frozen=True)
class TotalsView:
    fees: str
    fees_vary: bool
    unknown_fees: list[Link]
    days: str | None
    untimed: list[Link]


@dataclass(frozen=True)
class JourneyCard:
    title: str
    url: str
    summary: str
    step_count: int


@dataclass(frozen=True)
class AgencyCard:
    name: str
    url: str
    short_name: str | None
    jurisdiction: str
    service_count: int


@dataclass(frozen=True)
class Group:
    """A heading with items under it (A-Z letters, levels of government)."""

    label: str
    anchor: str
    items: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class LetterCount:
    """A letter of the A to Z, where its services are, and how many there are."""

    letter: str
    url: str
    count: int
    current: bool = False


class ViewBuilder:
    """Makes view data for pages, linking relative to the page being built."""

    def __init__(self, site: Site, base_url: str | None = None, markdown: MarkdownRenderer | None = None,
                 az_letter_pages_from: int = AZ_LETTER_PAGES_FROM, az_page_size: int = AZ_PAGE_SIZE):
        self.site = site
        self.az_letter_pages = len(site.services) >= az_letter_pages_from
        """Whether the A to Z is a page per letter (see AZ_LETTER_PAGES_FROM)."""
        self.az_page_size = max(1, az_page_size)
        self._az_groups: dict[str, list[ServiceRef]] | None = None
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        """The site's public address, for machine-readable absolute links (JSON-LD)."""
        self.md = markdown or MarkdownRenderer()
        self.touched: set[str] = set()
        """Every journey, agency and service whose data the views built since `touched` was last
        cleared: what a page shows. Incremental rebuilds re-render a page when one of these changes."""

    # Every lookup of another entity goes through these, so that `touched` is complete.

    def _service(self, ref: ServiceRef) -> Service:
        self.touched.add(entity_key("service", ref))
        return self.site.services[ref]

    def _agency(self, agency_id: str) -> Agency:
        self.touched.add(entity_key("agency", agency_id))
        return self.site.agencies[agency_id]

    def _journey(self, journey_id: str) -> Journey:
        self.touched.add(entity_key("journey", journey_id))
        return self.site.journeys[journey_id]

    # -- pieces

    def contact(self, agency: Agency) -> ContactView:
        c = self._agency(agency.id).contact
        return ContactView(c.phone, tel_href(c.phone) if c.phone else None, c.email,
                           address_lines(c.address) if c.address else [], c.hours)

    def service_card(self, ref: ServiceRef, page: str) -> ServiceCard:
        service, agency = self._service(ref), self._agency(ref.agency)
        return ServiceCard(service.title, relative(page, service_url(ref)), service.summary, agency.name,
                           relative(page, agency_url(agency.id)), fee_summary(service), time_summary(service))

    def channel(self, channel: Channel) -> ChannelView:
        return ChannelView(channel.type, CHANNEL_LABELS[channel.type], channel.url, channel.phone,
                           tel_href(channel.phone) if channel.phone else None, channel.email,
                           address_lines(channel.address) if channel.address else [], channel.hours, channel.note)

    def journey_card(self, journey: Journey, page: str) -> JourneyCard:
        self._journey(journey.id)
        return JourneyCard(journey.title, relative(page, journey_url(journey.id)), journey.summary,
                           len(journey.steps))

    def agency_card(self, agency: Agency, page: str) -> AgencyCard:
        self._agency(agency.id)
        return AgencyCard(agency.name, relative(page, agency_url(agency.id)), agency.short_name,
                          JURISDICTION_LABELS[agency.jurisdiction], len(self.site.services_of_agency[agency.id]))

    def step_view(self, step: Step, page: str) -> StepView:
        return StepView(step.number, step_anchor(step.number), step.title, self.md.block(step.description),
                        [self.service_card(r, page) for r in step.services], step.choose == "one", step.when)

    def part_of(self, use: StepUse, page: str) -> PartOf:
        journey = self._journey(use.journey_id)

        def neighbour(number: int) -> NeighbourStep | None:
            if not 1 <= number <= len(journey.steps):
                return None
            step = journey.steps[number - 1]
            return NeighbourStep(number, step.title,
                                 relative(page, journey_url(journey.id) + "#" + step_anchor(number)),
                                 [self.service_card(r, page) for r in step.services])

        step = journey.steps[use.step_number - 1]
        return PartOf(Link(journey.title, relative(page, journey_url(journey.id))), use.step_number,
                      use.step_count, step.title,
                      relative(page, journey_url(journey.id) + "#" + step_anchor(use.step_number)),
                      neighbour(use.step_number - 1), neighbour(use.step_number + 1))

    def totals(self, journey: Journey, page: str) -> TotalsView:
        t = self.site.totals[journey.id]

        def links(refs: tuple[ServiceRef, ...]) -> list[Link]:
            return [Link(self._service(r).title, relative(page, service_url(r))) for r in refs]

        timed = any(s.services for s in journey.steps) and len(t.untimed) < sum(len(s.services) for s in journey.steps)
        return TotalsView(money_range(t.fees.low, t.fees.high), t.fees.low != t.fees.high, links(t.unknown_fees),
                          days(t.max_days) if timed else None, links(t.untimed))

    # -- pages

    def service_page(self, ref: ServiceRef) -> dict[str, Any]:
        page = service_url(ref)
        service, agency = self._service(ref), self._agency(ref.agency)
        self.touched.add(reverse_key("service", ref))  # lists what requires it and the journeys using it
        fees = None if service.fees is None else [FeeRow(f.description, money(f.amount, f.currency))
                                                   for f in service.fees]
        return {
            "service": service,
            "description": self.md.block(service.description),
            "eligibility": [self.md.inline(e) for e in service.eligibility],
            "documents": [self.md.inline(d) for d in service.documents],
            "fee_summary": fee_summary(service),
            "fee_rows": fees,
            "channels": [self.channel(c) for c in service.channels],
            "offline": None if service.has_offline_channel else self.contact(agency),
            "before_you_start": [self.service_card(r, page) for r in service.requires],
            "needed_for": [self.service_card(r, page) for r in self.site.required_by[ref]],
            "part_of": [self.part_of(u, page) for u in self.site.uses[ref]],
            "related": [self.service_card(r, page) for r in service.related],
            "agency": agency,
            "agency_url": relative(page, agency_url(agency.id)),
            "agency_description": self.md.block(agency.description),
            "agency_contact": self.contact(agency),
            "last_reviewed": long_date(service.last_reviewed),
            "last_reviewed_iso": service.last_reviewed.isoformat(),
            "jsonld": json_ld(service, agency, (self.base_url or "/") + page),
            "breadcrumbs": [Link("Home", relative(page, home_url())), Link("Services A to Z", relative(page, az_url())),
                            Link(agency.name, relative(page, agency_url(agency.id)))],
        }

    def journey_page(self, journey_id: str) -> dict[str, Any]:
        page = journey_url(journey_id)
        journey = self._journey(journey_id)
        return {
            "journey": journey,
            "description": self.md.block(journey.description),
            "steps": [self.step_view(s, page) for s in journey.steps],
            "totals": self.totals(journey, page),
            "related": [self.journey_card(self._journey(j), page) for j in journey.related_journeys],
            "agencies": sorted({self._agency(r.agency).name for s in journey.steps for r in s.services}),
            "breadcrumbs": [Link("Home", relative(page, home_url())),
                            Link("Step by step", relative(page, journeys_url()))],
        }

    def agency_page(self, agency_id: str) -> dict[str, Any]:
        page = agency_url(agency_id)
        agency = self._agency(agency_id)
        self.touched.add(reverse_key("agency", agency_id))  # lists its services and their journeys
        return {
            "agency": agency,
            "jurisdiction": JURISDICTION_LABELS[agency.jurisdiction],
            "description": self.md.block(agency.description),
            "contact": self.contact(agency),
            "services": [self.service_card(r, page) for r in self.site.services_of_agency[agency_id]],
            "journeys": [self.journey_card(self._journey(j), page) for j in self.site.journeys_of_agency[agency_id]],
            "breadcrumbs": [Link("Home", relative(page, home_url())), Link("Agencies", relative(page, agencies_url()))],
        }

    def az_groups(self) -> dict[str, list[ServiceRef]]:
        """Every service by the letter its title starts with, letters and titles in A to Z order."""
        if self._az_groups is None:
            groups: dict[str, list[ServiceRef]] = {letter: [] for letter in az_letters(
                s.title for s in self.site.services.values())}
            for ref, service in sorted(self.site.services.items(), key=lambda kv: kv[1].title.lower()):
                groups[az_letter(service.title)].append(ref)
            self._az_groups = groups
        return self._az_groups

    def az_link(self, page: str, letter: str) -> str:
        """Where a letter's services are: its own page, or its section of the one-page A to Z."""
        if self.az_letter_pages:
            return relative(page, az_letter_url(letter))
        return relative(page, az_url()) + "#" + az_anchor(letter)

    def az_page(self) -> dict[str, Any]:
        page = az_url()
        context: dict[str, Any] = {"count": len(self.site.services),
                                   "breadcrumbs": [Link("Home", relative(page, home_url()))]}
        if self.az_letter_pages:
            context["letter_pages"] = [LetterCount(letter, self.az_link(page, letter), len(refs))
                                       for letter, refs in self.az_groups().items()]
            return context
        context["groups"] = [Group(letter, az_anchor(letter), [self.service_card(ref, page) for ref in refs])
                             for letter, refs in self.az_groups().items()]
        return context

    def az_letter_page(self, letter: str, number: int = 1) -> dict[str, Any]:
        """Page `number` of one letter's services, when the A to Z has a page per letter."""
        page = az_letter_url(letter, number)
        refs = self.az_groups()[letter]
        size = self.az_page_size
        count = az_page_count(len(refs), size)
        first = (number - 1) * size
        return {
            "letter": letter,
            "heading": az_letter_heading(letter),
            "count": len(refs),
            "services": [self.service_card(ref, page) for ref in refs[first:first + size]],
            "first": first + 1,
            "last": min(first + size, len(refs)),
            "number": number,
            "pages": [Link(str(n), relative(page, az_letter_url(letter, n))) for n in range(1, count + 1)]
            if count > 1 else [],
            "letters": [LetterCount(other, self.az_link(page, other), len(others), current=other == letter)
                        for other, others in self.az_groups().items()],
            "breadcrumbs": [Link("Home", relative(page, home_url())),
                            Link("Services A to Z", relative(page, az_url()))],
        }

    def agencies_page(self) -> dict[str, Any]:
        page = agencies_url()
        return {"groups": self._agency_groups(page), "breadcrumbs": [Link("Home", relative(page, home_url()))]}

    def journeys_page(self) -> dict[str, Any]:
        page = journeys_url()
        return {"journeys": [self.journey_card(j, page) for j in self.site.journeys.values()],
                "breadcrumbs": [Link("Home", relative(page, home_url()))]}

    def search_page(self) -> dict[str, Any]:
        page = search_url()
        return {
            "root": relative(page, home_url()),
            "index_url": asset_url(page, "search/index.json"),
            "worker_url": asset_url(page, "assets/search-worker.js"),
            "scripts": [asset_url(page, "assets/lunr.min.js"), asset_url(page, "assets/search.js")],
            "az_url": relative(page, az_url()),
            "journeys_url": relative(page, journeys_url()),
            "agencies_url": relative(page, agencies_url()),
            "journeys": [self.journey_card(j, page) for j in self.site.journeys.values()],
            "service_count": len(self.site.services),
            "breadcrumbs": [Link("Home", relative(page, home_url()))],
        }

    def home_page(self) -> dict[str, Any]:
        page = home_url()
        return {
            "journeys": [self.journey_card(j, page) for j in self.site.journeys.values()],
            "journeys_url": relative(page, journeys_url()),
            "agency_groups": self._agency_groups(page),
            "agencies_url": relative(page, agencies_url()),
            "az_url": relative(page, az_url()),
            "service_count": len(self.site.services),
            "letters": [Link(letter, self.az_link(page, letter)) for letter in self.az_groups()],
        }

    def _agency_groups(self, page: str) -> list[Group]:
        groups = {level: Group(label, "level-" + level) for level, label in JURISDICTION_LABELS.items()}
        for agency in self.site.agencies.values():
            groups[agency.jurisdiction].items.append(self.agency_card(agency, page))
        return [g for g in groups.values() if g.items]


def az_letter(title: str) -> str:
    """The A to Z group of a title: its first letter, or '0-9'."""
    return title[:1].upper() if title[:1].isalpha() else "0-9"


def az_letter_heading(letter: str) -> str:
    """The title of a letter's A to Z page."""
    return "Services starting with a number" if letter == "0-9" else f"Services starting with {letter}"


def az_letters(titles: Iterable[str]) -> list[str]:
    """The A to Z groups that have services, in the order the A to Z shows them."""
    return sorted({az_letter(t) for t in titles}, key=lambda g: (g != "0-9", g))  # digits sort first


def entity_key(kind: str, key: object) -> str:
    """'service:agency/service', 'agency:id' or 'journey:id'."""
    return f"{kind}:{key}"


def reverse_key(kind: str, key: object) -> str:
    """What a page lists through other files' links: a service's prerequisite-of and part-of
    lists, an agency's services and journeys."""
    return f"{kind}-links:{key}"


def json_ld(service: Service, agency: Agency, url: str) -> Markup:
    """schema.org GovernmentService, embedded safely: '<' can never close the script element."""
    organization = {"@type": "GovernmentOrganization", "name": agency.name, "url": agency.website}
    channels: list[dict[str, Any]] = []
    for c in service.channels:
        channel: dict[str, Any] = {"@type": "ServiceChannel", "name": CHANNEL_LABELS[c.type]}
        if c.url:
            channel["serviceUrl"] = c.url
        if c.phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": c.phone}
        if c.address:
            key = "serviceLocation" if c.type == "in_person" else "servicePostalAddress"
            channel[key] = ({"@type": "Place", "address": " ".join(address_lines(c.address))}
                            if c.type == "in_person" else
                            {"@type": "PostalAddress", "streetAddress": " ".join(address_lines(c.address))})
        if c.email:
            channel["providesService"] = {"@type": "Service", "email": c.email}
        channels.append(channel)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": service.title,
        "description": service.summary,
        "url": url,
        "provider": organization,
        "serviceOperator": organization,
        "availableChannel": channels,
        "audience": [{"@type": "Audience", "audienceType": a} for a in service.audience],
    }
    text = json.dumps(data, ensure_ascii=False, indent=None)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
