"""A guided journey's page parts: its questions as a form, its conditions in words (for everyone
without JavaScript, and for the steps a plan leaves out), and the data block its scripts read.

The scripts tailor the page in the browser (content/assets/guide.js, with the plan of
guide-plan.js); they evaluate conditions and add up fees exactly as conditions.py and fees.py do,
from what this data block gives them: each step's and option's condition, each service's fees and
days, and every word they say, from the catalogue (tests/guide/ holds the two equal over every
combination of answers).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..i18n import N_, Words
from ..model import Condition, Journey, Question, Service, ServiceRef, Step
from .labels import PERIOD_WORDS
from .parts import AnswerView, GuideView, QuestionView

YES_NO_LABELS = {"yes": N_("Yes"), "no": N_("No")}

TOTAL_WORDS = {
    "total": N_("%(fees)s in total."),
    "totalVary": N_("%(fees)s in total, depending on your choices and which optional steps apply to you."),
    "atLeast": N_("At least %(fees)s, plus the fees below that cannot be added up."),
    "atLeastVary": N_("At least %(fees)s, depending on your choices and which optional steps apply to you, plus the "
                      "fees below that cannot be added up."),
    "noneCounted": N_("Every step that lists a fee is free; the fees below cannot be added up."),
    "planTotal": N_("%(fees)s for your plan."),
    "planTotalVary": N_("%(fees)s for your plan, depending on your choices and which optional steps apply to you."),
    "planAtLeast": N_("At least %(fees)s for your plan, plus the fees below that cannot be added up."),
    "planAtLeastVary": N_("At least %(fees)s for your plan, depending on your choices and which optional steps apply "
                          "to you, plus the fees below that cannot be added up."),
    "then": N_("Then %(amount)s."),
    "timeAbout": N_("About %(days)s of processing if you take the steps one after another (the longest wait in each "
                    "step, added up). This is an estimate."),
    "timeRightAway": N_("Every step is done right away."),
    "timeUnknown": N_("Most steps do not say how long they take, so there is no estimate of the time in all."),
    "range": N_("%(low)s to %(high)s"),
    "rightAway": N_("right away"),
    "year": PERIOD_WORDS["year"],
    "quarter": PERIOD_WORDS["quarter"],
    "month": PERIOD_WORDS["month"],
}
"""What the totals box says (the same messages as totals.html and labels.py), for the script."""

PAGE_WORDS = {
    "change": N_("Change"),
    "notAnswered": N_("Not answered"),
    "remembered": N_("Your answers are kept on this device, for every guide that asks the same questions."),
    "forgotten": N_("Your answers are no longer kept on this device."),
    "planCalendar": N_("Add the dates for your answers to your calendar"),
}
"""The other words the script says."""

def script_words(words: Words) -> dict[str, Any]:
    """Every word guide.js says, in the page's language; placeholders stay in for it to fill. A word
    with a count comes in each plural category of the language, for the script to pick with
    Intl.PluralRules (plural_forms: `make messages` extracts each as a plural message)."""
    said: dict[str, Any] = {key: words.gettext(message) for key, message in {**TOTAL_WORDS, **PAGE_WORDS}.items()}
    keep = {"shown": "%(shown)s"}
    said["days"] = words.plural_forms("%(num)s day", "%(num)s days")
    said["showing"] = words.plural_forms("Showing %(shown)s of %(num)s step for your answers.",
                                         "Showing %(shown)s of %(num)s steps for your answers.", **keep)
    said["showingAll"] = words.plural_forms("Showing the %(num)s step.", "Showing all %(num)s steps.")
    said["skippedSteps"] = words.plural_forms("Step that does not apply to you (%(num)s)",
                                              "Steps that do not apply to you (%(num)s)")
    said["skippedOptions"] = words.plural_forms("Option that does not apply to you (%(num)s)",
                                                "Options that do not apply to you (%(num)s)")
    return said


def answer_label(question: Question, answer: str, words: Words) -> str:
    label = next(o.label for o in question.options if o.id == answer)
    return label if label is not None else words.gettext(YES_NO_LABELS[answer])


def _either(items: list[str], words: Words, joiner: str) -> str:
    if len(items) == 1:
        return items[0]
    return words.gettext(joiner, first=", ".join(items[:-1]), second=items[-1])


def condition_words(condition: Condition, questions: Mapping[str, Question], words: Words) -> str:
    """A condition in words, from the questions and their answers' labels:
    'If your answer to “Where will you trade?” is “In a shop” or “At a market”'."""
    terms = []
    for question_id, answers in condition.terms:
        question = questions[question_id]
        # Translators: an answer's label, quoted, in a condition: “In Philadelphia”.
        labels = [words.gettext("“%(answer)s”", answer=answer_label(question, a, words)) for a in answers]
        # Translators: one question of a condition; %(answers)s is one quoted answer, or several joined by "or".
        terms.append(words.gettext("your answer to “%(question)s” is %(answers)s", question=question.text,
                                   answers=_either(labels, words, N_("%(first)s or %(second)s"))))
    # Translators: when a step applies, worded from its questions: "If your answer to “...” is “...”".
    return words.gettext("If %(condition)s", condition=_either(terms, words, N_("%(first)s and %(second)s")))


def step_when(step: Step, questions: Mapping[str, Question], words: Words) -> str | None:
    """When a step applies, in words: the editor's `when:`, else its `if:` worded."""
    if step.when is not None or step.condition is None:
        return step.when
    return condition_words(step.condition, questions, words)


def option_when(step: Step, questions: Mapping[str, Question], words: Words) -> list[str | None]:
    """When each service of a step applies, in words (None for those without an `if:`)."""
    conditions = [step.condition_of(ref) for ref in step.services]
    return [None if c is None else condition_words(c, questions, words) for c in conditions]


def _condition(condition: Condition | None) -> dict[str, list[str]] | None:
    return None if condition is None else {q: list(a) for q, a in condition.terms}


def _service_data(service: Service) -> dict[str, Any]:
    fees = None if service.fees is None else [[f.amount, f.currency, f.per, int(f.optional)] for f in service.fees]
    time = service.processing_time
    return {"fees": fees, "days": time.max_days if time else None}


def guide_data(journey: Journey, questions: Mapping[str, Question], services: Mapping[ServiceRef, Service],
               words: Words) -> dict[str, Any]:
    """What guide.js needs: the questions, every step's and option's condition (and its words), each
    service's fees and days, and the words."""
    steps = []
    for step in journey.steps:
        steps.append({
            "if": _condition(step.condition), "when": int(step.when is not None), "one": int(step.choose == "one"),
            "why": step_when(step, questions, words), "services": [str(r) for r in step.services],
            "ifs": [_condition(step.condition_of(r)) for r in step.services],
            "whys": option_when(step, questions, words)})
    return {
        "journey": journey.id, "language": words.language,
        "questions": [{"id": q, "options": list(questions[q].option_ids)} for q in journey.questions],
        "steps": steps,
        "services": {str(r): _service_data(services[r]) for r in dict.fromkeys(r for s in journey.steps
                                                                               for r in s.services)},
        "words": script_words(words),
    }


def question_view(question: Question, words: Words) -> QuestionView:
    base = f"os-q-{question.id}"
    return QuestionView(question.id, question.text, question.hint, base, f"{base}-hint",
                        [AnswerView(o.id, answer_label(question, o.id, words), f"{base}-{o.id}")
                         for o in question.options], inline=question.type == "yes_no")


def guide_view(journey: Journey, questions: Mapping[str, Question], services: Mapping[ServiceRef, Service],
               words: Words, scripts: list[str]) -> GuideView | None:
    """The guide at the top of a journey that asks questions; None for one that asks none."""
    if not journey.questions:
        return None
    data = guide_data(journey, questions, services, words)
    return GuideView([question_view(questions[q], words) for q in journey.questions],
                     Markup(htmlsafe_json_dumps(data, separators=(",", ":"), ensure_ascii=False)), scripts)
