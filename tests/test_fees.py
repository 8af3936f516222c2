"""Fees say what kind they are, and totals add up only like with like (generator/fees.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.fees import Money, journey_fees
from generator.i18n import Words
from generator.model import Fee, Service, ServiceRef, Step
from generator.views.labels import fee_amount, fee_summary, fee_total

WORDS = Words()


def service(name: str, fees: list[Fee] | None) -> Service:
    return Service(ServiceRef("a", name), name, "", None, ("business",), (), (), (), None if fees is None else tuple(fees),
                   None, (), (), (), (), dt.date(2026, 1, 1), f"agencies/a/services/{name}.yml")


def fee(amount: float, per: str | None = None, optional: bool = False, currency: str = "USD") -> Fee:
    return Fee(amount, currency, "a fee", per, optional)  # type: ignore[arg-type]


def test_a_service_says_what_it_costs_without_adding_unlike_amounts():
    summaries = {
        "once": [fee(125)],
        "once and yearly": [fee(1700), fee(375, "year")],
        "yearly only": [fee(375, "year")],
        "two ways per tank": [fee(50, "item"), fee(100, "item")],
        "one per item": [fee(100, "item")],
        "once and per item": [fee(40), fee(100, "item")],
        "with an optional fee": [fee(125), fee(50, optional=True)],
        "optional only": [fee(50, optional=True)],
        "monthly and quarterly": [fee(10, "month"), fee(30, "quarter")],
        "two currencies": [fee(10), fee(5, "year", currency="EUR")],
    }
    assert {name: fee_summary(service(name, fees), WORDS) for name, fees in summaries.items()} == {
        "once": "$125",
        "once and yearly": "$1,700, then $375 a year",
        "yearly only": "$375 a year",
        "two ways per tank": "$50 to $100 each",
        "one per item": "$100 each",
        "once and per item": "$40, plus $100 each",
        "with an optional fee": "$125, plus optional fees",
        "optional only": "Free, plus optional fees",
        "monthly and quarterly": "$30 a quarter and $10 a month",
        "two currencies": "$10 + 5 EUR a year",
    }
    assert fee_summary(service("unknown", None), WORDS) == "Contact the agency"
    assert fee_summary(service("free", []), WORDS) == "Free"
    assert [fee_amount(f, WORDS) for f in (fee(125), fee(375, "year"), fee(100, "item"), fee(9.5, "month"))] == [
        "$125", "$375 a year", "$100 each", "$9.50 a month"]


def test_a_fee_table_has_a_total_only_when_adding_up_is_true():
    assert fee_total(service("s", [fee(100), fee(25.5)])) == "$125.50"
    assert fee_total(service("s", [fee(100)])) is None  # one fee: nothing to add
    assert fee_total(service("s", [fee(1700), fee(375, "year")])) is None
    assert fee_total(service("s", [fee(100), fee(50, optional=True)])) is None
    assert fee_total(service("s", [fee(100), fee(50, "item")])) is None


def test_journey_totals_add_like_with_like_and_name_what_they_leave_out():
    services = {s.ref: s for s in [
        service("form", [fee(1700), fee(375, "year")]), service("license", [fee(100), fee(50, optional=True)]),
        service("tank", [fee(100, "item")]), service("unknown", None), service("free", []),
        service("cheap", [fee(20), fee(10, "year")]),
    ]}
    ref = {s.service: s for s in services}
    steps = [Step(1, "Form", None, (ref["form"], ref["cheap"]), "one", None),
             Step(2, "License", None, (ref["license"], ref["tank"], ref["free"]), "all", None),
             Step(3, "Maybe", None, (ref["unknown"],), "all", "If you sell food")]
    totals = journey_fees(steps, services)
    assert totals.currency == "USD"
    assert totals.by_period == (("once", Money(20 + 100, 1700 + 100)), ("year", Money(10, 375)))
    assert totals.unknown == (ref["unknown"],)
    assert totals.uncounted == (ref["license"], ref["tank"])
    # Guided plans: only what applies counts.
    only_cheap = journey_fees(steps, services, lambda step, option: option != ref["form"] and step.number != 3)
    assert only_cheap.by_period == (("once", Money(120, 120)), ("year", Money(10, 10)))
    assert only_cheap.unknown == ()


_FEE = st.builds(fee, st.integers(0, 5000), st.sampled_from([None, "year", "month", "item"]), st.booleans())
_SERVICE = st.one_of(st.none(), st.lists(_FEE, max_size=3))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(_SERVICE, min_size=1, max_size=3), st.booleans(), st.booleans()), max_size=5))
def test_journey_totals_are_ranges_of_exactly_the_fees_that_add_up(shape):
    """Low <= high in every period; each period's high end is the sum of the dearest option of each step."""
    services: dict[ServiceRef, Service] = {}
    steps = []
    for number, (options, choose_one, optional) in enumerate(shape, start=1):
        refs = []
        for i, fees in enumerate(options):
            s = service(f"s{number}-{i}", fees)
            services[s.ref] = s
            refs.append(s.ref)
        steps.append(Step(number, "", None, tuple(refs), "one" if choose_one and len(refs) > 1 else "all",
                          "if" if optional else None))
    totals = journey_fees(steps, services)
    for name, money in totals.by_period:
        assert money.low <= money.high
        expected = 0.0
        for step in steps:
            sums = [sum(f.amount for f in services[r].fees or () if not f.optional and f.per != "item"
                        and (f.per or "once") == name) for r in step.services]
            expected += max(sums) if step.choose == "one" else sum(sums)
        assert money.high == expected
