"""Questions and conditions: each rule with a bad file and its exact message, file, line and column,
and every combination of answers tried (validate/conditions.py, conditions.py)."""

from __future__ import annotations

import time

import pytest

from conftest import SERVICE, cpu_seconds

JRN = "journeys/start-trading.yml"
PLACE_FILE = "questions/place.yml"
STAFF_FILE = "questions/staff.yml"
PLACE = """\
text: Where will you trade?
options:
  - id: shop
    label: In a shop
  - id: market
    label: At a market
  - id: online
    label: Online
"""
STAFF = "text: Will you have staff?\ntype: yes_no\n"
GUIDED = """\
title: Start trading
summary: The steps to start trading.
audience: [business]
questions: [place, staff]
steps:
  - title: Get your license
    choose: one
    services:
      - service: acme/get-license
        if: {place: shop}
      - service: acme/get-permit
        if: {place: [market, online]}
  - title: Register your staff
    if: {staff: yes}
    services: [acme/register-staff]
"""
GUIDED_SITE = {
    JRN: GUIDED, PLACE_FILE: PLACE, STAFF_FILE: STAFF,
    "agencies/acme/services/get-permit.yml": SERVICE.replace("Get a license", "Get a permit"),
    "agencies/acme/services/register-staff.yml": SERVICE.replace("Get a license", "Register your staff"),
}


@pytest.fixture
def check_guided(check_files):
    """Check the guided site with some files replaced (None removes one)."""
    return lambda files=None: check_files({**GUIDED_SITE, **(files or {})})


def journey(old: str, new: str) -> dict[str, str]:
    assert old in GUIDED, old
    return {JRN: GUIDED.replace(old, new)}


def test_a_guided_journey_with_its_questions_passes(check_guided):
    assert check_guided() == []


def test_an_unknown_question_with_a_suggestion(check_guided):
    assert check_guided(journey("if: {staff: yes}", "if: {staf: yes}")) == [
        f"{JRN}:14:10: error: steps[1].if.staf: unknown question 'staf' (hint: did you mean 'staff'?)"]


def test_an_unknown_question_without_a_likely_one_says_how_to_add_it(check_guided):
    assert check_guided(journey("if: {staff: yes}", "if: {premises: yes}")) == [
        f"{JRN}:14:10: error: steps[1].if.premises: unknown question 'premises' "
        "(hint: add it with: onestop new question premises)"]


def test_an_unknown_answer_is_located_at_the_answer(check_guided):
    assert check_guided(journey("if: {place: [market, online]}", "if: {place: [market, onlne]}")) == [
        f"{JRN}:12:30: error: steps[0].services[1].if.place[1]: 'onlne' is not an answer to 'place' "
        "(hint: did you mean 'online'?)"]


def test_an_unknown_answer_with_nothing_like_it_lists_the_answers(check_guided):
    assert check_guided(journey("if: {staff: yes}", "if: {staff: maybe}")) == [
        f"{JRN}:14:17: error: steps[1].if.staff: 'maybe' is not an answer to 'staff' (hint: its answers are yes, no)"]


def test_a_question_the_journey_does_not_ask(check_guided):
    assert check_guided(journey("questions: [place, staff]", "questions: [place]")) == [
        f"{JRN}:14:10: error: steps[1].if.staff: question 'staff' is not asked by this journey "
        "(hint: add it to questions: at the top of the file)",
        f"{STAFF_FILE}:1:1: warning: question 'staff' is not asked by any journey "
        "(hint: add it to the questions: of a journey, or remove the file)"]


def test_a_question_file_that_is_missing(check_guided):
    assert check_guided(journey("questions: [place, staff]", "questions: [place, staff, sign]")) == [
        f"{JRN}:4:27: error: questions[2]: there is no question 'sign' (no questions/sign.yml) "
        "(hint: add it with: onestop new question sign)"]


def test_a_question_file_that_is_missing_with_a_suggestion(check_guided):
    assert check_guided({**journey("questions: [place, staff]", "questions: [places, staff]"),
                         JRN: GUIDED.replace("questions: [place, staff]", "questions: [places, staff]")
                         .replace("{place: shop}", "{places: shop}").replace("{place: [market, online]}",
                                                                            "{places: [market, online]}")}) == [
        f"{JRN}:4:13: error: questions[0]: there is no question 'places' (no questions/places.yml) "
        "(hint: did you mean 'place'?)",
        f"{PLACE_FILE}:1:1: warning: question 'place' is not asked by any journey "
        "(hint: add it to the questions: of a journey, or remove the file)"]


def test_a_question_without_options(check_guided):
    assert check_guided({PLACE_FILE: "text: Where will you trade?\n"}) == [
        f"{PLACE_FILE}:1:1: error: missing required key 'options' (hint: add a line 'options: ...' (see the key's "
        "description in your editor or CONTRIBUTING.md))"]


def test_a_question_with_one_option(check_guided):
    assert check_guided({PLACE_FILE: "text: Where will you trade?\noptions:\n  - id: shop\n    label: In a shop\n"}) == [
        f"{PLACE_FILE}:3:3: error: options: must have at least 2 items (hint: add an item, or remove the key)"]


def test_a_yes_no_question_with_options(check_guided):
    bad = STAFF + "options:\n  - id: a\n    label: A\n  - id: b\n    label: B\n"
    assert check_guided({STAFF_FILE: bad}) == [
        f"{STAFF_FILE}:3:1: error: options: a yes_no question has the answers yes and no, and no options "
        "(hint: remove options, or remove type: yes_no to list the answers yourself)"]


def test_an_answer_listed_twice(check_guided):
    bad = PLACE + "  - id: shop\n    label: In a second shop\n"
    assert check_guided({PLACE_FILE: bad}) == [
        f"{PLACE_FILE}:9:9: error: options[3].id: the answer 'shop' is listed twice (hint: give each answer its own id)"]


def test_an_unknown_type_of_question(check_guided):
    assert check_guided({STAFF_FILE: STAFF.replace("yes_no", "yesno")}) == [
        f"{STAFF_FILE}:2:7: error: type: expected one of one, yes_no; got 'yesno' (hint: did you mean 'yes_no'?)"]


def test_an_empty_condition(check_guided):
    assert check_guided(journey("if: {staff: yes}", "if: {}")) == [
        f"{JRN}:14:9: error: steps[1].if: names no question "
        "(hint: write a question and its answer, e.g. if: {location: philadelphia})"]


def test_an_answer_that_is_not_an_id(check_guided):
    assert check_guided(journey("if: {staff: yes}", "if: {staff: true}")) == [
        f"{JRN}:14:17: error: steps[1].if.staff: expected an answer's id, or a list of answers' ids (hint: write "
        "one answer's id, like yes, or several in brackets, like [city, county])"]


def test_a_service_listed_twice_in_a_step(check_guided):
    bad = journey("[acme/register-staff]", "[acme/register-staff, {service: acme/register-staff, if: {staff: yes}}]")
    assert check_guided(bad) == [
        f"{JRN}:15:47: error: steps[1].services[1].service: 'acme/register-staff' is listed twice in this step "
        "(hint: remove one of them)"]


def test_a_conditional_service_that_does_not_exist(check_guided):
    assert check_guided(journey("service: acme/get-permit", "service: acme/get-permitt")) == [
        "agencies/acme/services/get-permit.yml:1:1: warning: service 'acme/get-permit' is not part of any journey "
        "(hint: add it to a step in journeys/, so citizens find it on their way)",
        f"{JRN}:11:18: error: steps[0].services[1].service: unknown service 'acme/get-permitt' "
        "(hint: did you mean 'acme/get-permit'?)"]


# -- every combination of answers

def test_answers_that_leave_a_choose_one_step_with_no_option(check_guided):
    assert check_guided(journey("if: {place: [market, online]}", "if: {place: market}")) == [
        f"{JRN}:8:5: error: steps[0].services: with place = online, step 1 'Get your license' has no option left "
        "(hint: add a service for these answers, or an if: on the step that leaves it out for them)"]


def test_a_step_that_leaves_itself_out_has_no_option_to_miss_but_may_leave_no_step(check_guided):
    bad = journey("if: {place: [market, online]}\n", "if: {place: market}\n")[JRN]
    bad = bad.replace("    choose: one\n", "    choose: one\n    if: {place: [shop, market]}\n")
    assert check_guided({JRN: bad}) == [
        f"{JRN}:4:1: error: questions: with place = online, staff = no, no step applies "
        "(hint: give a step no if:, or widen an if: so that every answer leaves something to do)"]


def test_answers_that_leave_no_step(check_guided):
    bad = journey("  - title: Get your license\n", "  - title: Get your license\n    if: {staff: no, place: shop}\n")
    assert check_guided(bad) == [
        f"{JRN}:4:1: error: questions: with place = market, staff = no, no step applies "
        "(hint: give a step no if:, or widen an if: so that every answer leaves something to do)"]


def test_a_question_asked_but_never_used(check_guided):
    bad = journey("    if: {staff: yes}\n", "")
    assert check_guided(bad) == [
        f"{JRN}:4:20: warning: questions[1]: question 'staff' is asked, but no if: of this journey uses it "
        "(hint: use it in a step's if:, or remove it from questions)"]


def test_a_question_no_journey_asks(check_guided):
    assert check_guided({"questions/sign.yml": "text: Will you put up a sign?\ntype: yes_no\n"}) == [
        "questions/sign.yml:1:1: warning: question 'sign' is not asked by any journey "
        "(hint: add it to the questions: of a journey, or remove the file)"]


def _many_questions(count: int, options: int) -> dict[str, str]:
    """A journey whose every step depends on `count` questions of `options` answers each, all of which matter."""
    files = {}
    for q in range(count):
        files[f"questions/q{q}.yml"] = "text: Which one?\noptions:\n" + "".join(
            f"  - id: a{a}\n    label: Answer {a}\n" for a in range(options))
    steps = "".join(f"  - title: Step {q}.{a}\n    if: {{q{q}: a{a}}}\n    services: [acme/get-license]\n"
                    for q in range(count) for a in range(options))
    files[JRN] = ("title: Start trading\nsummary: The steps to start trading.\naudience: [business]\n"
                  f"questions: [{', '.join(f'q{q}' for q in range(count))}]\nsteps:\n{steps}")
    return files


def test_four_questions_of_three_answers_are_checked_in_milliseconds():
    import itertools

    from generator.conditions import check_combinations
    from generator.model import Condition, Journey, Option, Question, ServiceCondition, ServiceRef, Step

    questions = {f"q{q}": Question(f"q{q}", "Which one?", None, "one", tuple(Option(f"a{a}", "A") for a in range(3)),
                                   "") for q in range(4)}
    # A "choose one" step with an option for each combination of the four answers but the last: all 81
    # combinations matter, and the last one tried leaves no option.
    combinations = list(itertools.product(*(("a0", "a1", "a2"),) * 4))[:-1]
    refs = tuple(ServiceRef("acme", f"x{i}") for i in range(len(combinations)))
    conditions = tuple(ServiceCondition(ref, Condition(tuple((f"q{q}", (a,)) for q, a in enumerate(answers))))
                       for ref, answers in zip(refs, combinations))
    step = Step(1, "Pick one", None, refs, "one", None, None, conditions)
    journey = Journey("j", "J", "", ("business",), None, (step,), (), "", tuple(questions))
    result, elapsed = cpu_seconds(check_combinations, journey, questions)
    assert [(g.answers, g.step) for g in result.gaps] == [
        ((("q0", "a2"), ("q1", "a2"), ("q2", "a2"), ("q3", "a2")), step)]
    assert result.too_many is None and elapsed < 0.1, elapsed


def test_answers_no_condition_tells_apart_count_once(check_files):
    """Six questions of 12 answers (2,985,984 combinations) whose conditions each name one answer: each
    question counts as two (the answer named, and any other), so 64 combinations are tried."""
    files = {f"questions/q{q}.yml": "text: Which one?\noptions:\n" + "".join(
        f"  - id: a{a}\n    label: Answer {a}\n" for a in range(12)) for q in range(6)}
    steps = "".join(f"  - title: Step {q}\n    if: {{q{q}: a0}}\n    services: [acme/get-license]\n" for q in range(6))
    files[JRN] = ("title: Start trading\nsummary: The steps to start trading.\naudience: [business]\n"
                  f"questions: [{', '.join(f'q{q}' for q in range(6))}]\nsteps:\n{steps}")
    assert check_files(files) == [
        f"{JRN}:4:1: error: questions: with q0 = a1, q1 = a1, q2 = a1, q3 = a1, q4 = a1, q5 = a1, no step applies "
        "(hint: give a step no if:, or widen an if: so that every answer leaves something to do)"]


def test_past_the_bound_the_journey_is_refused_with_a_located_error_not_tried(check_files):
    files = _many_questions(4, 9)  # 9^4 = 6,561 combinations that each change the steps
    started = time.perf_counter()
    problems = check_files(files)
    assert problems == [
        f"{JRN}:4:1: error: questions: these questions can be answered in 6,561 ways that change the steps; "
        "at most 4,096 can be checked (hint: ask fewer questions, or split the guide in two)"]
    assert time.perf_counter() - started < 10


def test_at_the_bound_every_combination_is_tried(check_files):
    files = _many_questions(4, 8)  # 8^4 = 4,096 combinations, each with a step (the one for its first answer)
    started = time.perf_counter()
    assert check_files(files) == []
    assert time.perf_counter() - started < 10
