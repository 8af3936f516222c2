"""The pieces pages are made of (cards, channels, steps, totals...), as ready-made view data:
every decision is taken when they are built (views/builder.py), templates only lay them out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup


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
