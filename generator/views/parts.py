"""The pieces pages are made of (cards, channels, steps, totals...), as ready-made view data:
every decision is taken when they are built (views/builder.py), templates only lay them out.
Addresses are relative to the page the piece is shown on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup


@dataclass(frozen=True)
class Link:
    """Words that link somewhere."""

    text: str
    url: str
    ref: str | None = None
    """The service it links to ('agency/service'), where a script needs to tell links apart."""


@dataclass(frozen=True)
class ServiceCard:
    """A service as it appears in lists: in steps, on agency pages, in the A-Z."""

    title: str
    url: str
    summary: str
    agency: str
    """The agency's name."""
    agency_url: str
    fee: str
    """What it costs, in words ("$125", "Free", "Contact the agency")."""
    time: str | None
    """How long it takes, as the agency says it; None when not known."""


@dataclass(frozen=True)
class ContactView:
    """An agency's contact details, ready to show."""

    phone: str | None
    tel: str | None
    """The phone number as a tel: link."""
    email: str | None
    address: list[str]
    """The postal address, line by line (empty when there is none)."""
    hours: str | None


@dataclass(frozen=True)
class ChannelView:
    """One way to get a service: online, in person, by phone, mail or email."""

    type: str
    label: str
    """Its heading, in words ("By phone")."""
    url: str | None
    phone: str | None
    tel: str | None
    """The phone number as a tel: link."""
    email: str | None
    address: list[str]
    """Where to write or go, line by line."""
    hours: str | None
    note: str | None
    host: str | None = None
    """For an online channel: the site it goes to, as a citizen reads it ("file.dos.pa.gov")."""
    address_text: str | None = None
    """For an online channel: its address without the scheme, the words of its link."""


@dataclass(frozen=True)
class WayIn:
    """What a service page offers first: one primary action, and where the other ways are."""

    online: ChannelView | None
    """The first online channel, the page's one button ("Start at file.dos.pa.gov"); None: none."""
    others: str | None
    """The service's other ways in, in words ("by mail or by phone"); None when it has none."""
    fallback: bool
    """The service has no offline channel: the agency's contact is the way in without internet."""


@dataclass(frozen=True)
class FeeRow:
    """One fee of a service: what it is for, and the amount in words."""

    description: str
    amount: str
    """With how often it is paid: "$375 a year", "$100 each"."""
    optional: bool = False
    """Only some people pay it."""


@dataclass(frozen=True)
class NeighbourStep:
    """The step before or after, in a service page's "Part of" box."""

    number: int
    title: str
    url: str
    """The step on its journey's page."""
    services: list[ServiceCard]


@dataclass(frozen=True)
class PartOf:
    """A journey step a service is part of, with the steps around it."""

    journey: Link
    step_number: int
    step_count: int
    step_title: str
    step_url: str
    previous: NeighbourStep | None
    """None for the first step."""
    next: NeighbourStep | None
    """None for the last step."""


@dataclass(frozen=True)
class StepView:
    """A step of a journey page."""

    number: int
    anchor: str
    """Its id on the page (step-3)."""
    title: str
    description: Markup
    services: list[ServiceCard]
    choose_one: bool
    """The citizen does one of the services, not all."""
    when: str | None
    """When it applies, in the editor's words (or its `if:` in words); None for a step everyone takes."""
    option_when: list[str | None] = field(default_factory=list)
    """For each service, when it applies (its own `if:` in words); None for those without one."""
    guided: bool = False
    """Answers can leave some of its services out: the page has a "Do this:" for when one is left."""


@dataclass(frozen=True)
class TotalsView:
    """A journey's fees and time, added up like with like, with what could not be counted."""

    fees: str
    """The one-off fees: "$415", "$90 to $145"."""
    fees_vary: bool
    """The total depends on the citizen's choices and which optional steps apply."""
    at_least: bool
    """Some fees could not be counted (listed below): the total is a lower bound."""
    counted_any: bool
    """Some fee that adds up is more than nothing."""
    recurring: list[str]
    """Fees paid again, added up per period: "$375 a year"."""
    unknown_fees: list[Link]
    """Services whose fee is not listed."""
    uncounted_fees: list[Link]
    """Services with fees that do not add up: per item, or only for some people."""
    days: str | None
    """The time, in words; None when most steps do not say how long they take, or none takes any."""
    right_away: bool
    """Every step's time is known and nothing takes any time."""
    untimed: list[Link]
    for_plan: bool = False
    """The totals of a citizen's plan (some questions answered): "$415 for your plan"."""


@dataclass(frozen=True)
class JourneyCard:
    """A journey as it appears in lists."""

    title: str
    url: str
    summary: str
    step_count: int


@dataclass(frozen=True)
class AgencyCard:
    """An agency as it appears in lists."""

    name: str
    url: str
    short_name: str | None
    jurisdiction: str
    """Its level of government, in words."""
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
    """It is the letter of the page showing it."""


@dataclass(frozen=True)
class AnswerView:
    """One answer to a question, as a radio button."""

    id: str
    label: str
    input_id: str


@dataclass(frozen=True)
class QuestionView:
    """A question at the top of a guide: a fieldset, its legend, its hint and its radio buttons."""

    id: str
    text: str
    hint: str | None
    fieldset_id: str
    hint_id: str
    answers: list[AnswerView]
    inline: bool = False
    """Its answers are short enough to sit side by side (Yes and No)."""


@dataclass(frozen=True)
class GuideView:
    """A journey's questions, and what its scripts (guide-plan.js, guide.js) need to tailor the page."""

    questions: list[QuestionView]
    data: Markup
    """A JSON data block: the questions, each step's and option's condition and fees, the words."""
    scripts: list[str]
    """Where guide-plan.js and guide.js are, from the page, in the order they run."""


@dataclass(frozen=True)
class DeadlineView:
    """One deadline of a service: what to do and when, in words."""

    title: str
    when: str
    """When it is due, in words: "Every year by September 30"."""
    note: str | None
    reminder: str | None
    """What the calendar file's reminder does, in words; None without one."""
    how_to_count: str | None
    """For a deadline counted from the day the citizen got the service: how to count it by hand."""
    service_ref: str
    """The service's ref (agency/service): a page's script can show only the services that apply."""
    service: Link | None = None
    """The service's page, where the deadline is listed away from it (journeys, the calendar)."""
    agency: str | None = None
    """The agency's name, where the deadline is listed away from its service."""
    due: str | None = None
    """On the calendar's month list: the day it is due in that month ("By April 20")."""


@dataclass(frozen=True)
class DeadlinesBox:
    """The deadlines of a service page ("After you get it") or a journey page ("After you finish")."""

    items: list[DeadlineView]
    ics_url: str | None
    """The calendar file of the fixed-date deadlines; None when every deadline counts from the start."""
    from_start: bool
    """Some deadline counts from the day the citizen got the service: the page asks for that day."""
    events: Markup
    """The events the page's script makes, as JSON for the browser's builder: `fromStart` (the
    templates of the deadlines counted from the start) and `fixed` (empty: those are in the file)."""
    events_url: str | None
    """A journey's events as JSON (feeds.py), for a guided plan's script; None on a service page."""
    script_url: str
    """The browser's calendar builder (assets/calendar.js)."""
    calendar_url: str
    """The site's calendar page."""
    file_name: str
    """What the file built in the browser is called: 'register-llc-deadlines.ics'."""
    script_words: Markup
    """What the script says, from the catalogue, as JSON."""


@dataclass(frozen=True)
class AgencyFeed:
    """An agency's deadlines on the calendar page, and its feed."""

    name: str
    url: str
    """The agency's list of deadlines, on its page."""
    feed_url: str
    count: int
    """How many fixed-date deadlines its services have."""
