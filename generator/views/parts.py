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
    """When it applies, in the editor's words; None for a step everyone takes."""


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
