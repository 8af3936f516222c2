"""The evaluator of conditions (generator/conditions.py): three values, plans, their totals, and the
combination check held equal to trying every combination one by one."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.conditions import Plan, check_combinations, holds, plan, plan_totals, step_state
from generator.model import Condition, Journey, Option, Question, ServiceCondition, ServiceRef, Step

LOCATION = Condition((("location", ("philadelphia", "allegheny")),))
BOTH = Condition((("location", ("philadelphia",)), ("alcohol", ("yes",))))


def test_a_condition_holds_fails_or_is_not_known_yet():
    assert holds(None, {}) is True
    assert holds(LOCATION, {}) is None
    assert holds(LOCATION, {"location": "allegheny"}) is True
    assert holds(LOCATION, {"location": "elsewhere"}) is False
    assert holds(BOTH, {"location": "philadelphia"}) is None  # alcohol not answered yet
    assert holds(BOTH, {"location": "elsewhere"}) is False  # whatever the other answer is
    assert holds(BOTH, {"location": "philadelphia", "alcohol": "no"}) is False
    assert holds(BOTH, {"location": "philadelphia", "alcohol": "yes", "other": "x"}) is True


def _step(number: int, condition: Condition | None = None, when: str | None = None, choose: str = "all",
          services: tuple[str, ...] = ("a/x",), conditions: dict[str, Condition] | None = None) -> Step:
    refs = tuple(ServiceRef.parse(s) for s in services)
    return Step(number, f"Step {number}", None, refs, choose, when, condition,  # type: ignore[arg-type]
                tuple(ServiceCondition(ServiceRef.parse(r), c) for r, c in (conditions or {}).items()))


def test_a_step_with_only_words_is_never_known_and_one_with_neither_always_applies():
    assert step_state(_step(1), {}) is True
    assert step_state(_step(1, when="If you sell food"), {"location": "allegheny"}) is None
    assert step_state(_step(1, LOCATION, when="If you are in the city"), {"location": "elsewhere"}) is False


def test_a_plan_says_what_applies_and_what_is_optional():
    food = _step(2, choose="one", services=("a/city", "a/county", "a/state"),
                 conditions={"a/city": Condition((("location", ("philadelphia",)),)),
                             "a/county": Condition((("location", ("allegheny",)),))})
    journey = Journey("j", "J", "", ("business",), None, (_step(1, LOCATION), food), (), "", ("location",))
    planned = plan(journey, {"location": "allegheny"})
    assert isinstance(planned, Plan)
    assert [s.state for s in planned.steps] == [True, True]
    assert planned.steps[1].options == (False, True, True)
    assert planned.steps[1].shown == (ServiceRef("a", "county"), ServiceRef("a", "state"))
    assert not planned.applies(food, ServiceRef("a", "city")) and planned.applies(food, ServiceRef("a", "state"))
    assert not planned.optional(journey.steps[0], None)
    unanswered = plan(journey, {})
    assert unanswered.optional(journey.steps[0], None) and unanswered.optional(food, ServiceRef("a", "city"))
    assert not unanswered.optional(food, ServiceRef("a", "state"))
    assert plan(journey, {"location": "elsewhere"}).service_applies(ServiceRef("a", "x")) is False


def test_with_no_answers_a_plan_adds_up_to_the_journeys_own_totals(example, riverton):
    """The totals the page is served with (graph.journey_totals, every step and option counted) are a
    plan's with nothing answered: the fast path and the plan agree on every journey."""
    for site in (example.site, riverton.site):
        for journey in site.journeys.values():
            assert plan_totals(plan(journey, {}), site.services) == site.totals[journey.id], journey.id


def test_a_plan_counts_only_what_applies(riverton):
    site = riverton.site
    shop = site.journeys["open-a-shop"]
    company = plan_totals(plan(shop, {"setup": "company", "sign": "no"}), site.services)
    assert company.fees.of("once").low == company.fees.of("once").high == 200.5  # $125.50 + $75, no sign
    assert company.fees.unknown == () and company.max_days == 24
    trade_name = plan_totals(plan(shop, {"setup": "trade-name"}), site.services)
    assert (trade_name.fees.of("once").low, trade_name.fees.of("once").high) == (125.0, 125.0)
    assert [str(r) for r in trade_name.fees.unknown] == ["riverton-clerk/get-sign-permit"]  # the sign: not answered


# -- the combination check, held equal to trying every combination of every answer

ANSWERS = ("a", "b", "c", "d")


@st.composite
def journeys(draw):
    count = draw(st.integers(1, 3))
    questions = {f"q{i}": Question(f"q{i}", "?", None, "one",
                                   tuple(Option(a, a) for a in ANSWERS[:draw(st.integers(2, 4))]), "")
                 for i in range(count)}

    def condition():
        names = draw(st.lists(st.sampled_from(sorted(questions)), min_size=1, max_size=count, unique=True))
        return Condition(tuple((q, tuple(draw(st.lists(st.sampled_from(questions[q].option_ids), min_size=1,
                                                        unique=True)))) for q in names))

    steps = []
    for n in range(1, draw(st.integers(1, 4)) + 1):
        one = draw(st.booleans())
        refs = tuple(f"a/s{n}-{k}" for k in range(draw(st.integers(2, 3)) if one else 1))
        conditions = {r: condition() for r in refs if draw(st.booleans())}
        steps.append(_step(n, condition() if draw(st.booleans()) else None, choose="one" if one else "all",
                           services=refs, conditions=conditions))
    return Journey("j", "J", "", ("business",), None, tuple(steps), (), "", tuple(questions)), questions


def _brute_force(journey: Journey, questions: dict[str, Question]) -> tuple[bool, set[int]]:
    """Whether some answers leave no step, and which "choose one" steps some answers leave with no option."""
    no_step, no_option = False, set()
    for combination in itertools.product(*(questions[q].option_ids for q in journey.questions)):
        answers = dict(zip(journey.questions, combination))
        if all(step_state(s, answers) is False for s in journey.steps):
            no_step = True
        for s in journey.steps:
            if s.choose == "one" and step_state(s, answers) is not False and all(
                    holds(s.condition_of(r), answers) is False for r in s.services):
                no_option.add(s.number)
    return no_step, no_option


@settings(max_examples=300, deadline=None)
@given(journeys())
def test_the_combination_check_finds_what_trying_every_combination_finds(case):
    journey, questions = case
    result = check_combinations(journey, questions)
    assert result.too_many is None
    no_step, no_option = _brute_force(journey, questions)
    assert any(g.step is None for g in result.gaps) == no_step
    assert {g.step.number for g in result.gaps if g.step is not None} == no_option
    for gap in result.gaps:  # and the answers it names do leave the gap
        answers = dict(gap.answers)
        if gap.step is None:
            assert all(step_state(s, answers) is False for s in journey.steps)
        else:
            assert all(holds(gap.step.condition_of(r), answers) is False for r in gap.step.services)


@settings(max_examples=200, deadline=None)
@given(journeys(), st.data())
def test_an_answer_never_turns_a_known_result_around(case, data):
    """Answering more questions keeps what was known (true or false) and only decides what was not."""
    journey, questions = case
    partial = {q: data.draw(st.sampled_from(questions[q].option_ids))
               for q in journey.questions if data.draw(st.booleans())}
    full = {q: partial.get(q) or data.draw(st.sampled_from(questions[q].option_ids)) for q in journey.questions}
    for step in journey.steps:
        before, after = step_state(step, partial), step_state(step, full)
        assert before is None or before == after
