"""Stage 3, link: the typed model and its graph.

Forward edges come straight from the files (agency -> services, journey -> steps -> services,
service -> requires). The reverse edges (which journeys and steps use a service, which services
require it, which journeys an agency takes part in) and the journeys' totals are computed once
here, so that rendering a page never scans the whole site.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .fees import Applies, FeeTotals, journey_fees, unanswered
from .load import SourceFile
from .model import (
    Agency,
    Channel,
    Condition,
    Contact,
    Deadline,
    Fee,
    Journey,
    LegalBasis,
    Option,
    ProcessingTime,
    Question,
    Service,
    ServiceCondition,
    ServiceRef,
    Step,
)


def entity_key(kind: str, key: object) -> str:
    """An entity of the site as pages depend on it: 'service:agency/service', 'agency:id', 'journey:id'."""
    return f"{kind}:{key}"


def reverse_key(kind: str, key: object) -> str:
    """What a page lists through other files' links to an entity: a service's prerequisite-of and
    part-of lists, an agency's services and journeys."""
    return f"{kind}-links:{key}"


def find_cycles(edges: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Each distinct cycle once, as a list of nodes starting at its smallest (a -> b -> ... ).

    Iterative (an explicit stack of (node, next edge to follow)): a `requires` chain thousands of
    services long is walked like a short one, with no recursion to exhaust."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []
    on_path: dict[str, int] = {}  # node -> its index in path
    found: dict[frozenset[str], list[str]] = {}
    for start in sorted(edges):
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start], on_path[start] = 1, 0
        path.append(start)
        while stack:
            node, index = stack[-1]
            targets = edges.get(node, ())
            if index == len(targets):
                stack.pop()
                path.pop()
                del on_path[node]
                state[node] = 2
                continue
            stack[-1] = (node, index + 1)
            nxt = targets[index]
            if state.get(nxt) == 1:
                cycle = path[on_path[nxt]:]
                first = cycle.index(min(cycle))
                found.setdefault(frozenset(cycle), cycle[first:] + cycle[:first])
            elif nxt not in state:
                state[nxt], on_path[nxt] = 1, len(path)
                path.append(nxt)
                stack.append((nxt, 0))
    return sorted(found.values())


@dataclass(frozen=True)
class StepUse:
    """A place where a service is part of a journey."""

    journey_id: str
    step_number: int
    """1-based."""
    step_count: int
    """How many steps the journey has."""


@dataclass(frozen=True)
class JourneyTotals:
    """Estimates computed from the services' data."""

    fees: FeeTotals
    """The fees that add up, by period; low leaves out optional steps and takes the cheapest option
    of "choose one" steps, high takes every step and the dearest option (fees.py)."""
    max_days: int
    """The longest processing time of each step, added up."""
    untimed: tuple[ServiceRef, ...]
    """Services with no processing time in days (not counted in `max_days`)."""
    timed_steps: int
    """Steps with services whose every service has a time in days."""
    steps_with_services: int

    @property
    def time_adds_up(self) -> bool:
        """Whether enough steps say how long they take for a total to mean something: most of them."""
        return self.steps_with_services > 0 and 2 * self.timed_steps > self.steps_with_services


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, linked both ways."""

    agencies: dict[str, Agency]
    services: dict[ServiceRef, Service]
    journeys: dict[str, Journey]
    services_of_agency: dict[str, tuple[ServiceRef, ...]]
    """Agency id -> its services, by title."""
    journeys_of_agency: dict[str, tuple[str, ...]]
    """Agency id -> the journeys with a step that uses one of its services."""
    uses: dict[ServiceRef, tuple[StepUse, ...]]
    """Service -> every journey step it is part of."""
    required_by: dict[ServiceRef, tuple[ServiceRef, ...]]
    """Service -> the services that list it under `requires`."""
    totals: dict[str, JourneyTotals]
    """Journey id -> its totals (every step and option counted: no answers given)."""
    questions: dict[str, Question] = field(default_factory=dict)
    """Question id -> the question, for the journeys that ask it."""
    language: str = "en"
    """The language of its text (a translated site's: translations/site.py)."""
    untranslated: frozenset[str] = frozenset()
    """The entities (entity_key) a translated site shows some text of in the source language."""

    def agency_of(self, ref: ServiceRef) -> Agency:
        return self.agencies[ref.agency]


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value or ())


def _agency(source: SourceFile) -> Agency:
    d = source.data
    return Agency(
        id=source.id, name=d["name"], short_name=d.get("short_name"), jurisdiction=d["jurisdiction"],
        description=d["description"], website=d["website"], contact=Contact(**d["contact"]),
        owners=_tuple(d.get("owners")), source_path=source.path,
    )


def _service(source: SourceFile) -> Service:
    d = source.data
    assert source.agency_id is not None
    fees = None if "fees" not in d else tuple(
        Fee(float(f["amount"]), f.get("currency", "USD"), f["description"], f.get("per"), f.get("optional", False))
        for f in d["fees"])
    time = d.get("processing_time")
    return Service(
        ref=ServiceRef(source.agency_id, source.id), title=d["title"], summary=d["summary"],
        description=d.get("description"), audience=_tuple(d["audience"]), keywords=_tuple(d.get("keywords")),
        eligibility=_tuple(d.get("eligibility")), documents=_tuple(d.get("documents")), fees=fees,
        processing_time=ProcessingTime(time["text"], time.get("max_days")) if time else None,
        channels=tuple(Channel(**c) for c in d["channels"]),
        requires=tuple(ServiceRef.parse(r) for r in d.get("requires", ())),
        related=tuple(ServiceRef.parse(r) for r in d.get("related", ())),
        legal_basis=tuple(LegalBasis(**b) for b in d.get("legal_basis", ())),
        last_reviewed=dt.date.fromisoformat(d["last_reviewed"]), source_path=source.path,
        deadlines=tuple(_deadline(x) for x in d.get("deadlines", ())),
    )


def _deadline(d: dict[str, Any]) -> Deadline:
    due = tuple(int(part) for part in d["due"].split("-")) if "due" in d else None
    return Deadline(title=d["title"], every=d["every"], interval=d.get("interval", 1),
                    due=due,  # type: ignore[arg-type]
                    due_day=d.get("due_day"), from_start=d.get("from") == "start",
                    remind_days=d.get("remind_days"), note=d.get("note"))


def condition(data: Mapping[str, Any] | None) -> Condition | None:
    """An `if:` mapping as a Condition: each question with the answers for which it holds."""
    if data is None:
        return None
    return Condition(tuple((q, (a,) if isinstance(a, str) else tuple(a)) for q, a in data.items()))


def step_service(entry: str | Mapping[str, Any]) -> tuple[ServiceRef, Condition | None]:
    """One entry of a step's `services`: a ref, or `{service: ref, if: ...}`."""
    if isinstance(entry, str):
        return ServiceRef.parse(entry), None
    return ServiceRef.parse(entry["service"]), condition(entry["if"])


def _step(number: int, s: Mapping[str, Any]) -> Step:
    entries = [step_service(e) for e in s.get("services", ())]
    return Step(number=number, title=s["title"], description=s.get("description"),
                services=tuple(ref for ref, _ in entries), choose=s.get("choose", "all"), when=s.get("when"),
                condition=condition(s.get("if")),
                service_conditions=tuple(ServiceCondition(ref, c) for ref, c in entries if c is not None))


def journey_entity(source: SourceFile) -> Journey:
    d = source.data
    steps = tuple(_step(i, s) for i, s in enumerate(d["steps"], start=1))
    return Journey(id=source.id, title=d["title"], summary=d["summary"], audience=_tuple(d["audience"]),
                   description=d.get("description"), steps=steps,
                   related_journeys=_tuple(d.get("related_journeys")), source_path=source.path,
                   questions=_tuple(d.get("questions")))


YES_NO = (Option("yes", None), Option("no", None))
"""The answers of a yes/no question; the catalogue words their labels."""


def question_entity(source: SourceFile) -> Question:
    d = source.data
    kind = d.get("type", "one")
    options = YES_NO if kind == "yes_no" else tuple(Option(o["id"], o["label"]) for o in d["options"])
    return Question(id=source.id, text=d["text"], hint=d.get("hint"), type=kind, options=options,
                    source_path=source.path)


def _max_days(service: Service) -> int | None:
    return service.processing_time.max_days if service.processing_time else None


def journey_totals(journey: Journey, services: Mapping[ServiceRef, Service], applies: Applies | None = None,
                   optional: Applies = unanswered) -> JourneyTotals:
    """The totals of the steps and options that apply (every one, without `applies`); see journey_fees."""
    days = timed_steps = with_services = 0
    untimed: list[ServiceRef] = []
    for step in journey.steps:
        if applies is not None and not applies(step, None):
            continue
        step_services = [services[r] for r in step.services if applies is None or applies(step, r)]
        timed = [d for d in map(_max_days, step_services) if d is not None]
        untimed += [s.ref for s in step_services if _max_days(s) is None and s.ref not in untimed]
        days += max(timed, default=0)
        with_services += bool(step_services)
        timed_steps += bool(step_services) and len(timed) == len(step_services)
    return JourneyTotals(journey_fees(journey.steps, services, applies, optional), days, tuple(untimed), timed_steps,
                         with_services)


_ENTITY = {"agency": _agency, "service": _service, "journey": journey_entity, "question": question_entity}


def _entity(source: SourceFile, memo: dict[str, tuple[SourceFile, Any]] | None) -> Any:
    remembered = memo.get(source.path) if memo is not None else None
    if remembered is not None and remembered[0] is source:
        return remembered[1]
    entity = _ENTITY[source.kind](source)
    if memo is not None:
        memo[source.path] = (source, entity)
    return entity


def link(files: list[SourceFile], memo: dict[str, tuple[SourceFile, Any]] | None = None) -> Site:
    """Build the site graph from validated files (the caller has checked there are no errors).

    `memo` (live preview) keeps each file's Agency, Service or Journey between links, reused while
    the file is the same parsed object: unchanged entities stay the same objects from build to
    build, which is what lets later stages recognise them (write.OpenDataCache)."""
    return assemble((_entity(f, memo) for f in files if f.kind == "agency"),
                    (_entity(f, memo) for f in files if f.kind == "service"),
                    (_entity(f, memo) for f in files if f.kind == "journey"),
                    (_entity(f, memo) for f in files if f.kind == "question"))


def assemble(agency_list: Iterable[Agency], service_list: Iterable[Service], journey_list: Iterable[Journey],
             question_list: Iterable[Question], order: Callable[[str], str] | None = None) -> Site:
    """The site graph of these entities. Agencies are listed by name, services and journeys by
    title ignoring case; `order` (a translated site: its language's titles) sorts all three."""
    agencies = {a.id: a for a in sorted(agency_list, key=lambda a: order(a.name) if order else a.name)}
    title = order or str.lower
    services = {s.ref: s for s in sorted(service_list, key=lambda s: (title(s.title), str(s.ref)))}
    journeys = {j.id: j for j in sorted(journey_list, key=lambda j: title(j.title))}
    questions = {q.id: q for q in sorted(question_list, key=lambda q: q.id)}

    services_of_agency: dict[str, list[ServiceRef]] = defaultdict(list)
    for ref in services:
        services_of_agency[ref.agency].append(ref)
    uses: dict[ServiceRef, list[StepUse]] = defaultdict(list)
    journeys_of_agency: dict[str, list[str]] = defaultdict(list)
    for journey in journeys.values():
        for step in journey.steps:
            for ref in step.services:
                uses[ref].append(StepUse(journey.id, step.number, len(journey.steps)))
                if journey.id not in journeys_of_agency[ref.agency]:
                    journeys_of_agency[ref.agency].append(journey.id)
    required_by: dict[ServiceRef, list[ServiceRef]] = defaultdict(list)
    for service in services.values():
        for needed in service.requires:
            required_by[needed].append(service.ref)

    return Site(
        agencies=agencies, services=services, journeys=journeys,
        services_of_agency={a: tuple(services_of_agency.get(a, ())) for a in agencies},
        journeys_of_agency={a: tuple(journeys_of_agency.get(a, ())) for a in agencies},
        uses={r: tuple(uses.get(r, ())) for r in services},
        required_by={r: tuple(required_by.get(r, ())) for r in services},
        totals={j.id: journey_totals(j, services) for j in journeys.values()},
        questions=questions,
    )
