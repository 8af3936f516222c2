"""The typed model every stage after validation works on. Frozen: built once, then only read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Jurisdiction = Literal["federal", "state", "county", "municipal"]
ChannelType = Literal["online", "in_person", "phone", "mail", "email"]
OFFLINE_CHANNELS: frozenset[str] = frozenset({"in_person", "phone", "mail"})
"""Channels a citizen without internet or a smartphone can use."""


@dataclass(frozen=True, order=True)
class ServiceRef:
    """A service as referred to from anywhere: `<agency-id>/<service-id>`."""

    agency: str
    service: str

    @classmethod
    def parse(cls, text: str) -> ServiceRef:
        agency, service = text.split("/")
        return cls(agency, service)

    def __str__(self) -> str:
        return f"{self.agency}/{self.service}"


@dataclass(frozen=True)
class Contact:
    """How to reach an agency: at least one of phone, email and address."""

    phone: str | None = None
    email: str | None = None
    address: str | None = None
    """A postal address, one line per line."""
    hours: str | None = None
    """When the phone is answered or the office open, in the agency's words."""


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    short_name: str | None
    jurisdiction: Jurisdiction
    description: str
    """Markdown."""
    website: str
    contact: Contact
    owners: tuple[str, ...]
    source_path: str
    """The YAML file this came from, relative to the site root."""

    @property
    def name_aside(self) -> str | None:
        """The short name to give in brackets after the name: None where the name already holds it
        ("Revenue" in "Pennsylvania Department of Revenue" would read as a stutter)."""
        short = self.short_name
        return short if short and short.casefold() not in self.name.casefold() else None


@dataclass(frozen=True)
class Fee:
    """One fee of a service."""

    amount: float
    currency: str
    """An ISO 4217 code; USD unless the file says otherwise."""
    description: str
    """What the fee is for."""
    per: Literal["year", "quarter", "month", "item"] | None = None
    """Paid again every year, quarter or month, or once per item (a tank, a vehicle); None: once."""
    optional: bool = False
    """Only some people pay it (a late fee, an expedited service)."""


@dataclass(frozen=True)
class ProcessingTime:
    """How long a service takes."""

    text: str
    """In the agency's words: "7 to 10 business days"."""
    max_days: int | None
    """The longest it takes, in days, for adding up a journey's time; None when not given."""


@dataclass(frozen=True)
class Channel:
    """One way to get a service; which keys it has depends on its type (the schema says which)."""

    type: ChannelType
    url: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class LegalBasis:
    """The law or rule behind a service."""

    title: str
    url: str


Period = Literal["year", "quarter", "month"]


@dataclass(frozen=True)
class Deadline:
    """Something a service asks of the citizen again later (an annual report, a tax return, a
    renewal), and when it is due: exactly one of `due`, `due_day` and `from_start`."""

    title: str
    """What to do: "File your annual report"."""
    every: Period
    interval: int = 1
    """Every this many periods: every: year with interval 5 is every five years."""
    due: tuple[int, int] | None = None
    """(month, day) each year, for every: year; never February 29."""
    due_day: int | None = None
    """For every: quarter or month: the day (1 to 28) of the month after each period ends."""
    from_start: bool = False
    """Counted from the day the citizen got the service: the dates are theirs alone."""
    remind_days: int | None = None
    """A calendar reminder this many days before; None: no reminder."""
    note: str | None = None

    @property
    def months(self) -> int:
        """How many months from one time it is due to the next."""
        return self.interval * {"year": 12, "quarter": 3, "month": 1}[self.every]


@dataclass(frozen=True)
class Service:
    ref: ServiceRef
    title: str
    summary: str
    description: str | None
    """Markdown."""
    audience: tuple[str, ...]
    keywords: tuple[str, ...]
    eligibility: tuple[str, ...]
    """Markdown items."""
    documents: tuple[str, ...]
    """Markdown items."""
    fees: tuple[Fee, ...] | None
    """None: unknown. Empty: free."""
    processing_time: ProcessingTime | None
    channels: tuple[Channel, ...]
    requires: tuple[ServiceRef, ...]
    related: tuple[ServiceRef, ...]
    legal_basis: tuple[LegalBasis, ...]
    last_reviewed: dt.date
    source_path: str
    deadlines: tuple[Deadline, ...] = ()
    """What the citizen must do again after getting it, in the file's order."""

    @property
    def has_offline_channel(self) -> bool:
        return any(c.type in OFFLINE_CHANNELS for c in self.channels)


@dataclass(frozen=True)
class Option:
    """One answer to a question."""

    id: str
    label: str | None
    """As the citizen reads it; None for the answers of a yes/no question, which the catalogue words
    ("Yes", "No")."""


@dataclass(frozen=True)
class Question:
    """A question a journey may ask to tailor itself (questions/<id>.yml)."""

    id: str
    text: str
    """The question, plain text: "Where will your business be?"."""
    hint: str | None
    """Help under the question."""
    type: Literal["one", "yes_no"]
    options: tuple[Option, ...]
    """The answers, in the order shown (yes and no for a yes/no question)."""
    source_path: str

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)


@dataclass(frozen=True)
class Condition:
    """When a step or option applies: every question named has one of its listed answers."""

    terms: tuple[tuple[str, tuple[str, ...]], ...]
    """(question id, the answers for which the condition holds), in the order the file writes them."""

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(question for question, _ in self.terms)


@dataclass(frozen=True)
class ServiceCondition:
    """The condition on one service of a step (`{service: ref, if: ...}`): that option, or that
    service of an "all" step, applies only when it holds."""

    ref: ServiceRef
    condition: Condition


@dataclass(frozen=True)
class Step:
    number: int
    """1-based position in its journey."""
    title: str
    description: str | None
    services: tuple[ServiceRef, ...]
    choose: Literal["all", "one"]
    when: str | None
    """The condition in the editor's words (beside `if:`, or alone: then the step is for everyone
    to read and decide)."""
    condition: Condition | None = None
    """`if:`: the step applies only when it holds."""
    service_conditions: tuple[ServiceCondition, ...] = ()
    """The services of the step that have an `if:` of their own."""

    @property
    def optional(self) -> bool:
        """Only some people take it: it has a condition, in words or as `if:`."""
        return self.when is not None or self.condition is not None

    def condition_of(self, ref: ServiceRef) -> Condition | None:
        """The `if:` of one of the step's services, or None."""
        for entry in self.service_conditions:
            if entry.ref == ref:
                return entry.condition
        return None


@dataclass(frozen=True)
class Journey:
    id: str
    title: str
    summary: str
    audience: tuple[str, ...]
    description: str | None
    steps: tuple[Step, ...]
    related_journeys: tuple[str, ...]
    source_path: str
    questions: tuple[str, ...] = ()
    """The ids of the questions asked at the top of the guide, in order."""
