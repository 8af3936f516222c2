"""The link stage: reverse edges, step positions, totals and cycles, on the Riverton fixture."""

from __future__ import annotations

from generator.fees import Money
from generator.graph import StepUse, find_cycles
from generator.model import ServiceRef

FORM = ServiceRef("state-registry", "form-company")
TRADE_NAME = ServiceRef("state-registry", "register-trade-name")
TAX = ServiceRef("federal-revenue", "get-tax-number")
LICENSE = ServiceRef("riverton-clerk", "get-business-license")
SIGN = ServiceRef("riverton-clerk", "get-sign-permit")
EMPLOYER = ServiceRef("federal-revenue", "register-as-employer")


def test_services_know_every_step_that_uses_them(riverton):
    site = riverton.site
    assert site.uses[TAX] == (StepUse("hire-staff", 1, 3), StepUse("open-a-shop", 2, 4))
    assert site.uses[SIGN] == (StepUse("open-a-shop", 4, 4),)


def test_services_know_what_requires_them(riverton):
    assert set(riverton.site.required_by[TAX]) == {LICENSE, EMPLOYER}
    assert riverton.site.required_by[LICENSE] == ()


def test_agencies_know_their_services_and_journeys(riverton):
    site = riverton.site
    assert site.services_of_agency["riverton-clerk"] == (LICENSE, SIGN)  # by title
    assert site.journeys_of_agency["state-registry"] == ("open-a-shop",)
    assert set(site.journeys_of_agency["federal-revenue"]) == {"open-a-shop", "hire-staff"}


def test_steps_are_numbered_in_order(riverton):
    journey = riverton.site.journeys["open-a-shop"]
    assert [(s.number, s.title) for s in journey.steps] == [
        (1, "Choose how to set up your business"), (2, "Get your tax number"), (3, "Get your city license"),
        (4, "Put up a sign")]
    assert journey.steps[0].choose == "one" and journey.steps[3].optional


def test_totals_count_or_steps_as_a_range_and_optional_steps_only_at_the_top(riverton):
    totals = riverton.site.totals["open-a-shop"]
    # Step 1 is one of $125.50 (company: $100 + $25.50) or $50; step 2 free; step 3 $75; step 4 unknown.
    assert totals.fees.by_period == (("once", Money(50 + 0 + 75, 125.5 + 0 + 75)),)
    assert totals.fees.unknown == (SIGN,) and totals.fees.uncounted == ()
    # Longest time per step: 10 (company) + 0 + 14 (+ the sign permit has no time).
    assert totals.max_days == 24
    assert totals.untimed == (SIGN,)
    # Three of the four steps say how long every one of their services takes: a total means something.
    assert (totals.timed_steps, totals.steps_with_services, totals.time_adds_up) == (3, 4, True)


def test_totals_of_a_journey_with_a_step_without_services(riverton):
    totals = riverton.site.totals["hire-staff"]
    assert totals.fees.by_period == (("once", Money(0, 0)),)
    assert totals.fees.unknown == ()
    assert totals.untimed == (EMPLOYER,)


def test_find_cycles_names_each_cycle_once():
    edges = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"], "e": ["a"]}
    assert find_cycles(edges) == [["a", "b", "c"], ["d"]]


def test_find_cycles_without_cycles():
    assert find_cycles({"a": ["b"], "b": [], "c": ["a", "b"]}) == []
