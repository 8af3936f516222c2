"""Guided plans: which steps and options of a journey apply to a citizen's answers, what they add
up to, and whether some answers would leave a journey with nothing to do.

A condition (`if:`) holds when every question it names has one of its listed answers. Answers may
be partial, so a condition is one of three things: it holds (True), it cannot hold whatever the
other answers are (False), or it is not known yet (None: some question it names is unanswered and
the others pass). A question not yet answered never hides anything: a step that is not known yet
shows as "only if ...", as it does to everyone without JavaScript.

This is the evaluator of the build (the checks below, and the totals of the page as it is served);
`content/assets/guide-plan.js` is the same evaluator in the browser, and `tests/guide/` holds the two
equal over every combination of answers of every journey.

The combination check tries every combination of answers that can change a result: options that
every condition of the check treats alike count once (a question with 12 places, of which the
conditions name only one, counts as 2). Past MAX_COMBINATIONS the journey is refused with a
located error instead of being tried (it would have too many questions for a citizen, too).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .graph import JourneyTotals, journey_totals
from .model import Condition, Journey, Question, Service, ServiceRef, Step

Answers = Mapping[str, str]
"""Question id -> the id of the option chosen; a question not in it is not answered."""

MAX_COMBINATIONS = 4096
"""The most combinations of answers one check tries (after options that the conditions treat
alike are counted once): four questions of eight answers that all matter, or twelve yes/no questions."""


def holds(condition: Condition | None, answers: Answers) -> bool | None:
    """Whether `condition` holds for `answers`: True, False, or None while it is not known yet."""
    if condition is None:
        return True
    known = True
    for question, allowed in condition.terms:
        answer = answers.get(question)
        if answer is None:
            known = False
        elif answer not in allowed:
            return False
    return True if known else None


def step_state(step: Step, answers: Answers) -> bool | None:
    """Whether a step applies. A step with only a `when:` in words is never known: the citizen
    reads it and decides."""
    if step.condition is None:
        return None if step.when is not None else True
    return holds(step.condition, answers)


@dataclass(frozen=True)
class StepPlan:
    """One step of a plan: whether it applies, and whether each of its services does."""

    step: Step
    state: bool | None
    options: tuple[bool | None, ...]
    """Each service's own `if:` (True for a service without one), in the order of `step.services`."""

    @property
    def shown(self) -> tuple[ServiceRef, ...]:
        """The services that may apply, in order."""
        return tuple(ref for ref, state in zip(self.step.services, self.options) if state is not False)


@dataclass(frozen=True)
class Plan:
    """A journey for some answers: the steps and options that apply, may apply, or do not."""

    journey: Journey
    steps: tuple[StepPlan, ...]

    def _of(self, step: Step) -> StepPlan:
        return self.steps[step.number - 1]

    def applies(self, step: Step, ref: ServiceRef | None) -> bool:
        """For the totals (fees.Applies): the step, or one of its services, may apply."""
        planned = self._of(step)
        if ref is None:
            return planned.state is not False
        return planned.options[step.services.index(ref)] is not False

    def optional(self, step: Step, ref: ServiceRef | None) -> bool:
        """For the totals: whether a step (or a service of an "all" step) that may apply is not
        known to apply yet, so that the low end leaves it out."""
        planned = self._of(step)
        if ref is None:
            return planned.state is None
        return planned.options[step.services.index(ref)] is None

    @property
    def shown(self) -> tuple[StepPlan, ...]:
        """The steps that may apply, in order."""
        return tuple(s for s in self.steps if s.state is not False)

    def service_applies(self, ref: ServiceRef) -> bool:
        """Whether a service is in some step of the plan that may apply."""
        return any(s.state is not False and state is not False
                   for s in self.steps for r, state in zip(s.step.services, s.options) if r == ref)


def plan(journey: Journey, answers: Answers) -> Plan:
    return Plan(journey, tuple(
        StepPlan(step, step_state(step, answers), tuple(holds(step.condition_of(r), answers) for r in step.services))
        for step in journey.steps))


def plan_totals(planned: Plan, services: Mapping[ServiceRef, Service]) -> JourneyTotals:
    """The totals of the steps and options of a plan (graph.journey_totals with its predicates)."""
    return journey_totals(planned.journey, services, planned.applies, planned.optional)


def conditions_of(journey: Journey) -> Iterator[Condition]:
    """Every `if:` of a journey: the steps' and their services'."""
    for step in journey.steps:
        if step.condition is not None:
            yield step.condition
        yield from (entry.condition for entry in step.service_conditions)


# -- Every combination of answers: no journey may leave a citizen with nothing to do.

@dataclass(frozen=True)
class Gap:
    """Answers that leave a journey with no step, or a "choose one" step with no option."""

    answers: tuple[tuple[str, str], ...]
    """(question, answer) pairs that lead to it, in the order the journey asks them."""
    step: Step | None
    """The "choose one" step left with no option; None: no step is left at all."""


@dataclass(frozen=True)
class CombinationCheck:
    gaps: tuple[Gap, ...]
    too_many: int | None = None
    """How many combinations a check would have had to try, when over MAX_COMBINATIONS (it tried none)."""


def answer_classes(question: Question, conditions: Iterable[Condition]) -> tuple[str, ...]:
    """The answers to `question` that `conditions` tell apart: the first of each set of answers
    that every condition treats alike."""
    allowed = [answers for c in conditions for q, answers in c.terms if q == question.id]
    first: dict[tuple[bool, ...], str] = {}
    for option in question.option_ids:
        first.setdefault(tuple(option in answers for answers in allowed), option)
    return tuple(first.values())


def _questions_of(journey: Journey, conditions: Sequence[Condition]) -> list[str]:
    named = {q for c in conditions for q in c.questions}
    return [q for q in journey.questions if q in named]


def _combinations(journey: Journey, questions: Mapping[str, Question], conditions: Sequence[Condition]
                  ) -> tuple[list[str], list[tuple[str, ...]], int]:
    names = _questions_of(journey, conditions)
    classes = [answer_classes(questions[q], conditions) for q in names]
    return names, classes, math.prod(len(c) for c in classes)


def _no_step_left(journey: Journey, questions: Mapping[str, Question]) -> tuple[Gap | None, int | None]:
    if any(step.condition is None for step in journey.steps):
        return None, None  # a step for everyone (or one that only its words decide) is always left
    conditions = [s.condition for s in journey.steps if s.condition is not None]
    names, classes, count = _combinations(journey, questions, conditions)
    if count > MAX_COMBINATIONS:
        return None, count
    for combination in itertools.product(*classes):
        answers = dict(zip(names, combination))
        if all(holds(c, answers) is False for c in conditions):
            return Gap(tuple(answers.items()), None), None
    return None, None


def _no_option_left(journey: Journey, step: Step, questions: Mapping[str, Question]
                    ) -> tuple[Gap | None, int | None]:
    options = [step.condition_of(ref) for ref in step.services]
    if step.choose != "one" or not options or any(c is None for c in options):
        return None, None
    conditions = [c for c in [step.condition, *options] if c is not None]
    names, classes, count = _combinations(journey, questions, conditions)
    if count > MAX_COMBINATIONS:
        return None, count
    for combination in itertools.product(*classes):
        answers = dict(zip(names, combination))
        if holds(step.condition, answers) is not False and all(holds(c, answers) is False for c in options):
            return Gap(tuple(answers.items()), step), None
    return None, None


def check_combinations(journey: Journey, questions: Mapping[str, Question]) -> CombinationCheck:
    """Every combination of answers that matters, tried: the gaps found (the first combination of
    each), or how many there would have been to try when that is more than MAX_COMBINATIONS.
    Full answers suffice: an unanswered question never hides anything."""
    gaps: list[Gap] = []
    too_many: list[int] = []
    for gap, count in [_no_step_left(journey, questions),
                       *(_no_option_left(journey, step, questions) for step in journey.steps)]:
        if count is not None:
            too_many.append(count)
        elif gap is not None:
            gaps.append(gap)
    return CombinationCheck(tuple(gaps), max(too_many) if too_many else None)
