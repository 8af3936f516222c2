"""Questions and conditions: a question's answers, the questions a journey asks and what its `if:`
names, every combination of answers tried (conditions.py), and the questions nobody asks or uses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..conditions import MAX_COMBINATIONS, Gap, check_combinations
from ..graph import journey_entity, question_entity
from ..load import JsonPath, SourceFile
from .checker import Checker, suggest

if TYPE_CHECKING:
    from . import Content


def question_options(content: Content) -> None:
    """A question's answers: no `options:` on a yes/no question, each option's id once."""
    for source in content.valid_of("question"):
        check, data = content.checkers[source.path], source.data
        if data.get("type") == "yes_no" and "options" in data:
            check.add(("options",), "a yes_no question has the answers yes and no, and no options",
                      "remove options, or remove type: yes_no to list the answers yourself", key=True)
            continue
        seen: set[str] = set()
        for i, option in enumerate(data.get("options", [])):
            if option["id"] in seen:
                check.add(("options", i, "id"), f"the answer '{option['id']}' is listed twice",
                          "give each answer its own id")
            seen.add(option["id"])


def _conditions(data: dict[str, Any]) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    """Every `if:` of a journey file, with where it is."""
    for i, step in enumerate(data["steps"]):
        if "if" in step:
            yield ("steps", i, "if"), step["if"]
        for j, entry in enumerate(step.get("services", [])):
            if isinstance(entry, dict):
                yield ("steps", i, "services", j, "if"), entry["if"]


def _answers_of(content: Content, question: str) -> tuple[str, ...] | None:
    """The answers of a question that passed its checks; None when it did not load or pass."""
    source = content.questions.get(question)
    return None if source is None else question_entity(source).option_ids


def _check_answers(content: Content, check: Checker, path: JsonPath, question: str, value: Any) -> bool:
    answers = _answers_of(content, question)
    if answers is None:
        return False
    ok = True
    for where, answer in ([(path, value)] if isinstance(value, str) else
                          [((*path, k), a) for k, a in enumerate(value)]):
        if answer not in answers:
            guess = suggest(answer, answers)
            check.add(where, f"'{answer}' is not an answer to '{question}'",
                      f"did you mean '{guess}'?" if guess else "its answers are " + ", ".join(answers))
            ok = False
    return ok


def _check_condition(content: Content, check: Checker, path: JsonPath, condition: dict[str, Any],
                     asked: list[str]) -> bool:
    """One `if:`: it names questions the journey asks, with their answers. Whether it is sound."""
    if not condition:
        check.add(path, "names no question", "write a question and its answer, e.g. if: {location: philadelphia}")
        return False
    ok = True
    for question, value in condition.items():
        if question not in asked:
            ok = False
            if question in content.question_ids:
                check.add((*path, question), f"question '{question}' is not asked by this journey",
                          "add it to questions: at the top of the file", key=True)
            else:
                guess = suggest(question, asked) or suggest(question, content.question_ids)
                check.add((*path, question), f"unknown question '{question}'",
                          f"did you mean '{guess}'?" if guess else "add it with: onestop new question " + question,
                          key=True)
        else:
            ok = _check_answers(content, check, (*path, question), question, value) and ok
    return ok


def _check_asked(content: Content, check: Checker, asked: list[str]) -> bool:
    ok = True
    for i, question in enumerate(asked):
        if question not in content.question_ids:
            guess = suggest(question, content.question_ids)
            check.add(("questions", i), f"there is no question '{question}' (no questions/{question}.yml)",
                      f"did you mean '{guess}'?" if guess else "add it with: onestop new question " + question)
            ok = False
        elif question not in content.questions:
            ok = False  # its file has problems of its own, reported there
    return ok


def journey_conditions(content: Content) -> None:
    """A journey's questions exist, its `if:` names them with their answers, each question it asks
    is used (a warning), and no combination of answers leaves a step or an option missing."""
    for source in content.valid_of("journey"):
        check, data = content.checkers[source.path], source.data
        asked = data.get("questions", [])
        sound = _check_asked(content, check, asked)
        used: set[str] = set()
        for path, condition in _conditions(data):
            sound = _check_condition(content, check, path, condition, asked) and sound
            used |= set(condition)
        for i, question in enumerate(asked):
            if sound and question not in used:  # (an unsound journey's errors say what to fix first)
                check.warn(("questions", i), f"question '{question}' is asked, but no if: of this journey uses it",
                           "use it in a step's if:, or remove it from questions")
        if sound and asked:
            _try_every_combination(content, source, check)


def _words(gap: Gap) -> str:
    return ", ".join(f"{question} = {answer}" for question, answer in gap.answers)


def _try_every_combination(content: Content, source: SourceFile, check: Checker) -> None:
    journey = journey_entity(source)
    questions = {q: question_entity(content.questions[q]) for q in journey.questions}
    result = check_combinations(journey, questions)
    if result.too_many is not None:
        check.add(("questions",), f"these questions can be answered in {result.too_many:,} ways that change the "
                  f"steps; at most {MAX_COMBINATIONS:,} can be checked",
                  "ask fewer questions, or split the guide in two", key=True)
        return
    for gap in result.gaps:
        if gap.step is None:
            check.add(("questions",), f"with {_words(gap)}, no step applies",
                      "give a step no if:, or widen an if: so that every answer leaves something to do", key=True)
        else:
            index = gap.step.number - 1
            check.add(("steps", index, "services"),
                      f"with {_words(gap)}, step {gap.step.number} '{gap.step.title}' has no option left",
                      "add a service for these answers, or an if: on the step that leaves it out for them", key=True)


def unasked_questions(content: Content) -> None:
    """A question no journey asks (a warning). Asks count from every journey that loaded; a journey
    that could not be read at all may ask any question, so then none is called unasked."""
    if len(content.journey_ids) > sum(1 for f in content.files if f.kind == "journey"):
        return
    asked = {q for f in content.files if f.kind == "journey"
             for q in (f.data.get("questions") if isinstance(f.data.get("questions"), list) else [])
             if isinstance(q, str)}
    for source in content.valid_of("question"):
        if source.id not in asked:
            content.checkers[source.path].warn((), f"question '{source.id}' is not asked by any journey",
                                               "add it to the questions: of a journey, or remove the file")
