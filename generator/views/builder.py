"""The view builder: each page's view data, computed from the site graph.

Templates only lay these out; every decision (what a fee reads as, which way in an offline citizen
is shown, which step comes before) is made here, where it can be tested. Links are relative to the
page being built, so the site works wherever it is hosted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..fees import Money
from ..formatting import address_lines, days, long_date, money_range, tel_href, url_host, url_text
from ..graph import JourneyTotals, Site, StepUse, entity_key, reverse_key
from ..i18n import Words
from ..markup import MarkdownRenderer
from ..model import Agency, Channel, Journey, Question, Service, ServiceRef, Step
from ..offline import channel_hours
from ..options import SiteOptions
from ..search.pipelines import pipeline_for
from ..urls import (
    agencies_url,
    agency_url,
    asset_url,
    az_url,
    calendar_url,
    home_url,
    journey_url,
    journeys_url,
    relative,
    search_url,
    service_url,
    step_anchor,
)
from .az_views import AzViews
from .deadlines import DeadlineViews
from .guide import guide_view, option_when, step_when
from .jsonld import json_ld
from .labels import (
    JURISDICTION_LABELS,
    PERIOD_WORDS,
    audience_labels,
    channel_label,
    fee_amount,
    fee_summary,
    fee_total,
    jurisdiction_label,
    other_ways,
    service_contents,
    time_summary,
    untranslated_notice,
)
from .pages import (
    AgenciesPage,
    AgencyPage,
    AzLetterPage,
    AzPage,
    CalendarPage,
    HomePage,
    JourneyPage,
    JourneysPage,
    SearchPage,
    ServicePage,
)
from .parts import (
    AgencyCard,
    ChannelView,
    ContactView,
    FeeRow,
    Group,
    JourneyCard,
    Link,
    NeighbourStep,
    PartOf,
    ServiceCard,
    StepView,
    TotalsView,
    WayIn,
)


class ViewBuilder:
    """Makes view data for pages, linking relative to the page being built."""

    def __init__(self, site: Site, options: SiteOptions, words: Words, markdown: MarkdownRenderer | None = None):
        self.site, self.options, self.words = site, options, words
        self.base_url = options.base_url
        """The site's public address, for machine-readable absolute links (JSON-LD)."""
        self.md = markdown or MarkdownRenderer()
        self.deadlines = DeadlineViews(self)
        self.az = AzViews(self)
        self._fee_summaries: dict[ServiceRef, tuple[Service, str]] = {}
        """Each service's fee summary as its cards show it (a service page shows a dozen cards of
        its journeys' steps, each summing the same fees again), with the service it was made of."""
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

    def _crumbs(self, page: str, *links: tuple[str, str]) -> list[Link]:
        """Breadcrumbs from the home page down to the page's parent: (words, address) pairs."""
        home = Link(self.words.gettext("Home"), relative(page, home_url()))
        return [home, *(Link(text, relative(page, url)) for text, url in links)]

    # -- pieces

    def contact(self, agency: Agency) -> ContactView:
        c = self._agency(agency.id).contact
        return ContactView(c.phone, tel_href(c.phone) if c.phone else None, c.email,
                           address_lines(c.address) if c.address else [], c.hours)

    def fee_summary(self, ref: ServiceRef) -> str:
        """`labels.fee_summary` of a service, made once per version of the service."""
        service = self._service(ref)
        made = self._fee_summaries.get(ref)
        if made is None or made[0] is not service:
            made = self._fee_summaries[ref] = service, fee_summary(service, self.words)
        return made[1]

    def service_card(self, ref: ServiceRef, page: str) -> ServiceCard:
        service, agency = self._service(ref), self._agency(ref.agency)
        return ServiceCard(service.title, relative(page, service_url(ref)), service.summary, agency.name,
                           relative(page, agency_url(agency.id)), self.fee_summary(ref), time_summary(service))

    def channel(self, channel: Channel, agency: Agency) -> ChannelView:
        """One way in; a phone line or office that is the agency's own keeps the agency's hours."""
        online = channel.type == "online" and channel.url
        hours = channel_hours(vars(channel), vars(agency.contact))
        return ChannelView(channel.type, channel_label(channel.type, self.words), channel.url, channel.phone,
                           tel_href(channel.phone) if channel.phone else None, channel.email,
                           address_lines(channel.address) if channel.address else [], hours, channel.note,
                           url_host(channel.url) if online else None, url_text(channel.url) if online else None)

    def way_in(self, service: Service, channels: list[ChannelView]) -> WayIn:
        """One primary action, the first online channel; the other ways, named, for a link to them.
        Other online channels are not a second button: the channel list words them as what they are."""
        online = next((c for c in channels if c.type == "online"), None)
        others = [c.type for c in channels if c.type != "online"]
        return WayIn(online, other_ways(others, self.words), not service.has_offline_channel)

    def journey_card(self, journey: Journey, page: str) -> JourneyCard:
        self._journey(journey.id)
        return JourneyCard(journey.title, relative(page, journey_url(journey.id)), journey.summary,
                           len(journey.steps))

    def agency_card(self, agency: Agency, page: str) -> AgencyCard:
        self._agency(agency.id)
        return AgencyCard(agency.name, relative(page, agency_url(agency.id)), agency.name_aside,
                          jurisdiction_label(agency.jurisdiction, self.words),
                          len(self.site.services_of_agency[agency.id]))

    def _questions(self, journey: Journey) -> dict[str, Question]:
        """The questions a journey asks (its page shows them and words its conditions with them)."""
        self.touched.update(entity_key("question", q) for q in journey.questions)
        return {q: self.site.questions[q] for q in journey.questions}

    def step_view(self, step: Step, page: str, questions: Mapping[str, Question] | None = None) -> StepView:
        questions = questions or {}
        when = option_when(step, questions, self.words)
        return StepView(step.number, step_anchor(step.number), step.title, self.md.block(step.description),
                        [self.service_card(r, page) for r in step.services], step.choose == "one",
                        step_when(step, questions, self.words), when, any(w is not None for w in when))

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

    def part_of_link(self, use: StepUse, page: str) -> PartOf:
        """A journey step a service is part of, beyond those shown in full: named and linked, without
        the steps around it (a service used in hundreds of steps builds no boxes for them)."""
        journey = self._journey(use.journey_id)
        return PartOf(Link(journey.title, relative(page, journey_url(journey.id))), use.step_number,
                      use.step_count, journey.steps[use.step_number - 1].title,
                      relative(page, journey_url(journey.id) + "#" + step_anchor(use.step_number)), None, None)

    def totals(self, journey: Journey, page: str) -> TotalsView:
        return self.totals_view(self.site.totals[journey.id], page)

    def totals_view(self, t: JourneyTotals, page: str, for_plan: bool = False) -> TotalsView:
        """Totals in words: a journey's, or (conditions.plan_totals) a plan's."""

        def links(refs: tuple[ServiceRef, ...]) -> list[Link]:
            return [Link(self._service(r).title, relative(page, service_url(r)), str(r)) for r in refs]

        fees = t.fees
        once = fees.of("once") or Money(0.0, 0.0)
        recurring = [self.words.gettext(PERIOD_WORDS[name], amount=money_range(m.low, m.high, self.words,
                                                                                fees.currency))
                     for name, m in fees.by_period if name != "once"]
        timed = t.time_adds_up and t.max_days > 0
        return TotalsView(money_range(once.low, once.high, self.words, fees.currency),
                          any(m.low != m.high for _, m in fees.by_period), bool(fees.unknown or fees.uncounted),
                          any(m.high > 0 for _, m in fees.by_period), recurring, links(fees.unknown),
                          links(fees.uncounted), days(t.max_days, self.words) if timed else None,
                          t.time_adds_up and t.max_days == 0 and not t.untimed, links(t.untimed), for_plan)

    # -- pages

    def service_page(self, ref: ServiceRef) -> ServicePage:
        page = service_url(ref)
        service, agency = self._service(ref), self._agency(ref.agency)
        self.touched.add(reverse_key("service", ref))  # lists what requires it and the journeys using it
        fees = None if service.fees is None else [FeeRow(f.description, fee_amount(f, self.words), f.optional)
                                                   for f in service.fees]
        channels = [self.channel(c, agency) for c in service.channels]
        boxes = max(0, self.options.part_of_boxes)
        uses = self.site.uses[ref]
        part_of = [self.part_of(u, page) for u in uses[:boxes]] + [self.part_of_link(u, page) for u in uses[boxes:]]
        shown_above = {*service.requires, *self.site.required_by[ref]}
        view = ServicePage(
            service=service,
            way_in=self.way_in(service, channels),
            audience=audience_labels(service.audience, self.words),
            description=self.md.block(service.description),
            eligibility=[self.md.inline(e) for e in service.eligibility],
            documents=[self.md.inline(d) for d in service.documents],
            fee_summary=fee_summary(service, self.words),
            fee_rows=fees,
            fee_total=fee_total(service),
            channels=channels,
            offline=None if service.has_offline_channel else self.contact(agency),
            before_you_start=[self.service_card(r, page) for r in service.requires],
            needed_for=[self.service_card(r, page) for r in self.site.required_by[ref]],
            part_of=part_of[:boxes],
            part_of_links=part_of[boxes:],
            related=[self.service_card(r, page) for r in service.related if r not in shown_above],
            agency=agency,
            agency_url=relative(page, agency_url(agency.id)),
            agency_description=self.md.block(agency.description),
            agency_contact=self.contact(agency),
            last_reviewed=long_date(service.last_reviewed, self.words),
            last_reviewed_iso=service.last_reviewed.isoformat(),
            jsonld=json_ld(service, agency, (self.base_url or "/") + page, self.words),
            breadcrumbs=self._crumbs(page, (self.words.gettext("Services A to Z"), az_url()),
                                     (agency.name, agency_url(agency.id))),
            deadlines=self.deadlines.service_box(service, page),
            contents=[],
            untranslated=untranslated_notice(self.site, "service", ref, self.words),
        )
        return replace(view, contents=service_contents(view, self.words))

    def journey_page(self, journey_id: str) -> JourneyPage:
        page = journey_url(journey_id)
        journey = self._journey(journey_id)
        questions = self._questions(journey)
        return JourneyPage(
            journey=journey,
            description=self.md.block(journey.description),
            guide=guide_view(journey, questions, self.site.services, self.words,
                             [asset_url(page, "assets/guide-plan.js"), asset_url(page, "assets/guide.js")]),
            steps=[self.step_view(s, page, questions) for s in journey.steps],
            totals=self.totals(journey, page),
            related=[self.journey_card(self._journey(j), page) for j in journey.related_journeys],
            agencies=sorted({self._agency(r.agency).name for s in journey.steps for r in s.services}),
            breadcrumbs=self._crumbs(page, (self.words.gettext("Step by step"), journeys_url())),
            deadlines=self.deadlines.journey_box(journey, page),
            untranslated=untranslated_notice(self.site, "journey", journey_id, self.words),
        )

    def agency_page(self, agency_id: str) -> AgencyPage:
        page = agency_url(agency_id)
        agency = self._agency(agency_id)
        self.touched.add(reverse_key("agency", agency_id))  # lists its services and their journeys
        return AgencyPage(
            agency=agency,
            jurisdiction=jurisdiction_label(agency.jurisdiction, self.words),
            description=self.md.block(agency.description),
            contact=self.contact(agency),
            services=[self.service_card(r, page) for r in self.site.services_of_agency[agency_id]],
            journeys=[self.journey_card(self._journey(j), page) for j in self.site.journeys_of_agency[agency_id]],
            breadcrumbs=self._crumbs(page, (self.words.gettext("Agencies"), agencies_url())),
            calendar_url=relative(page, calendar_url()),
            deadline_feed=self.deadlines.agency_feed(agency_id, page),
            deadlines=self.deadlines.agency_items(agency_id, page),
            untranslated=untranslated_notice(self.site, "agency", agency_id, self.words),
        )

    def agencies_page(self) -> AgenciesPage:
        page = agencies_url()
        return AgenciesPage(self._agency_groups(page), self._crumbs(page))

    def journeys_page(self) -> JourneysPage:
        page = journeys_url()
        return JourneysPage([self.journey_card(j, page) for j in self.site.journeys.values()], self._crumbs(page))

    def search_page(self) -> SearchPage:
        page = search_url()
        return SearchPage(
            root=relative(page, home_url()),
            index_url=asset_url(page, "search/index.json"),
            worker_url=asset_url(page, "assets/search-worker.js"),
            # The language's pipeline, where it is not lunr.js's own (English): English pages never load one.
            scripts=[asset_url(page, script) for script in (
                "assets/lunr.min.js", pipeline_for(self.words.language).script, "assets/search.js") if script],
            az_url=relative(page, az_url()),
            journeys_url=relative(page, journeys_url()),
            agencies_url=relative(page, agencies_url()),
            journeys=[self.journey_card(j, page) for j in self.site.journeys.values()],
            service_count=len(self.site.services),
            breadcrumbs=self._crumbs(page),
        )

    def home_page(self) -> HomePage:
        page = home_url()
        return HomePage(
            journeys=[self.journey_card(j, page) for j in self.site.journeys.values()],
            journeys_url=relative(page, journeys_url()),
            agency_groups=self._agency_groups(page),
            agencies_url=relative(page, agencies_url()),
            az_url=relative(page, az_url()),
            service_count=len(self.site.services),
            letters=[Link(letter, self.az.link(page, letter)) for letter in self.az.groups()],
            calendar_url=relative(page, calendar_url()),
        )

    def calendar_page(self) -> CalendarPage:
        return self.deadlines.calendar_page()

    def az_page(self) -> AzPage:
        return self.az.page()

    def az_letter_page(self, letter: str, number: int = 1) -> AzLetterPage:
        return self.az.letter_page(letter, number)

    def _agency_groups(self, page: str) -> list[Group]:
        groups = {level: Group(jurisdiction_label(level, self.words), "level-" + level)
                  for level in JURISDICTION_LABELS}
        for agency in self.site.agencies.values():
            groups[agency.jurisdiction].items.append(self.agency_card(agency, page))
        return [g for g in groups.values() if g.items]
