"""Fees: what a service costs by how often it is paid, and what adds up in a journey.

Only like amounts are added: one-off fees with one-off fees, yearly fees with yearly fees, in one
currency. A fee per item (per tank, per vehicle) or one that only some people pay (`optional`) is
never added into a total: it is named beside it, as a service whose fee is not listed is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .model import Fee, Service, ServiceRef, Step

PERIODS = ("once", "year", "quarter", "month")
"""How often a fee that adds up is paid: 'once' is a fee without `per`."""


def period(fee: Fee) -> str:
    return fee.per or "once"


def adds_up(fee: Fee) -> bool:
    """Whether a fee counts in a total: paid by everyone, once or per period (not per item)."""
    return not fee.optional and fee.per != "item"


@dataclass(frozen=True)
class Money:
    """An amount that depends on the citizen's choices: from `low` to `high`."""

    low: float
    high: float


@dataclass(frozen=True)
class FeeTotals:
    """A journey's fees as far as they add up, and the services whose fees do not."""

    currency: str
    by_period: tuple[tuple[str, Money], ...]
    """Each period that has fees, in PERIODS order ('once' first, when there is any fee at all)."""
    unknown: tuple[ServiceRef, ...]
    """Services whose fee is not listed."""
    uncounted: tuple[ServiceRef, ...]
    """Services with a fee that does not add up: per item, only for some people, or in another currency."""

    def of(self, name: str) -> Money | None:
        return dict(self.by_period).get(name)


def service_amounts(service: Service, currency: str) -> dict[str, float]:
    """What a service's fees add up to in `currency`, by period."""
    amounts: dict[str, float] = {}
    for fee in service.fees or ():
        if adds_up(fee) and fee.currency == currency:
            amounts[period(fee)] = amounts.get(period(fee), 0.0) + fee.amount
    return amounts


def _uncounted(service: Service, currency: str) -> bool:
    return any(not adds_up(f) or f.currency != currency for f in service.fees or ())


def main_currency(services: Iterable[Service]) -> str:
    """The currency most fees are in (USD when there are none, or a tie with it)."""
    counts: dict[str, int] = {}
    for service in services:
        for fee in service.fees or ():
            counts[fee.currency] = counts.get(fee.currency, 0) + 1
    return max(sorted(counts), key=lambda c: (counts[c], c == "USD"), default="USD")


Applies = Callable[[Step, ServiceRef | None], bool]
"""Whether a step (service None) or one service of a step applies to the citizen."""


def unanswered(step: Step, ref: ServiceRef | None) -> bool:
    """Whether a step (service None), or a service of an "all" step, is optional when nothing is
    answered: it has a condition, in words or as `if:`."""
    return step.optional if ref is None else step.condition_of(ref) is not None


def journey_fees(steps: Iterable[Step], services: Mapping[ServiceRef, Service],
                 applies: Applies | None = None, optional: Applies = unanswered) -> FeeTotals:
    """The fees of the steps (and services) that apply, added up like with like.

    The low end leaves out optional steps (and optional services of "all" steps) and takes the
    cheapest option of a "choose one" step; the high end takes every step and the dearest option.
    `applies` (guided plans) drops the steps and options that do not apply, and `optional` says
    which of the others may not (conditions.py); without them every step and option counts, and
    what has a condition is optional."""
    steps = [s for s in steps if applies is None or applies(s, None)]
    chosen = [(s, [services[r] for r in s.services if applies is None or applies(s, r)]) for s in steps]
    currency = main_currency(svc for _, options in chosen for svc in options)
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    unknown: list[ServiceRef] = []
    uncounted: list[ServiceRef] = []
    for step, options in chosen:
        known = [s for s in options if s.fees is not None]
        counted = [service_amounts(s, currency) for s in known]
        unknown += [s.ref for s in options if s.fees is None and s.ref not in unknown]
        uncounted += [s.ref for s in options if _uncounted(s, currency) and s.ref not in uncounted]
        for name in PERIODS:
            values = [amounts.get(name, 0.0) for amounts in counted]
            if not any(name in amounts for amounts in counted):
                continue
            if step.choose == "one":
                step_low, step_high = min(values), max(values)
            else:
                step_low = sum(v for s, v in zip(known, values) if not optional(step, s.ref))
                step_high = sum(values)
            low[name] = low.get(name, 0.0) + (0.0 if optional(step, None) else step_low)
            high[name] = high.get(name, 0.0) + step_high
    low.setdefault("once", 0.0)
    high.setdefault("once", 0.0)
    by_period = tuple((name, Money(low[name], high[name])) for name in PERIODS if name in high)
    return FeeTotals(currency, by_period, tuple(unknown), tuple(uncounted))
