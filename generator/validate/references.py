"""The links between files: every service ref and journey id resolves, "choose one" has something
to choose from, `requires` has no cycle, a journey takes prerequisites first, every service is in
some journey."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..graph import find_cycles
from ..load import JsonPath
from .checker import Checker, suggest
from .ids import SLUG, id_problem

if TYPE_CHECKING:
    from . import Content


SUGGESTIONS_AT_MOST = 200
"""How many unknown references a check looks up a "did you mean" for; the rest are named without one."""
CANDIDATES_AT_MOST = 300
"""How many known ids one look-up compares with: those nearest in length, of the nearest agency."""


class Suggester:
    """"Did you mean" for references, indexed: a service ref is looked up among the services of
    its own agency (or of the agency nearest its agency's name), a journey among journeys, each
    among at most CANDIDATES_AT_MOST ids; at most SUGGESTIONS_AT_MOST look-ups a check. (Comparing
    every unknown ref with every known one took 45 s for 2,000 typos on a 1,049-service site.)"""

    def __init__(self, known: Iterable[str]):
        self._groups: dict[str, list[str]] = defaultdict(list)
        for ref in sorted(known):
            if all(SLUG.match(part) for part in ref.split("/")):
                group, _, name = ref.rpartition("/")
                self._groups[group].append(name)
        self._left = SUGGESTIONS_AT_MOST

    def suggest(self, ref: str) -> str | None:
        if self._left <= 0:
            return None
        self._left -= 1
        group, _, name = ref.rpartition("/")
        if group not in self._groups:
            group = suggest(group, _nearest(group, list(self._groups))) or ""
            if group not in self._groups:
                return None
        guess = suggest(name, _nearest(name, self._groups[group]))
        return (f"{group}/{guess}" if group else guess) if guess else None


def _nearest(word: str, choices: list[str]) -> list[str]:
    if len(choices) <= CANDIDATES_AT_MOST:
        return choices
    return sorted(choices, key=lambda c: (abs(len(c) - len(word)), c[:1] != word[:1]))[:CANDIDATES_AT_MOST]


def _check_ref(content: Content, check: Checker, path: JsonPath, ref: Any, known: Iterable[str], what: str) -> None:
    if isinstance(ref, str) and ref not in known:
        guess = content.suggester(what).suggest(ref)
        hint = f"did you mean '{guess}'?" if guess else (
            "write it as agency-id/service-id, exactly as the agency's folder and the service's file are named"
            if what == "service" else f"write the {what}'s file name, without .yml")
        if what == "service" and not guess and "/" in ref and ref.split("/")[0] not in content.agency_ids:
            hint = f"there is no agency '{ref.split('/')[0]}'"
        check.add(path, f"unknown {what} '{ref}'", hint)


def service_links(content: Content) -> None:
    """A service's `requires` and `related` name services that exist (and not itself, for related)."""
    for source in content.valid_of("service"):
        check = content.checkers[source.path]
        for key in ("requires", "related"):
            for i, ref in enumerate(source.data.get(key, [])):
                _check_ref(content, check, (key, i), ref, content.service_refs, "service")
                if ref == f"{source.agency_id}/{source.id}" and key == "related":
                    check.warn((key, i), "a service is not related to itself", "remove this line")


def step_refs(step: Any) -> Iterator[tuple[JsonPath, Any]]:
    """The service refs of one step of a journey file, each with its path within the step: an entry
    of `services` is a ref, or `{service: ref, if: ...}`."""
    services = step.get("services") if isinstance(step, dict) else None
    for j, entry in enumerate(services if isinstance(services, list) else []):
        if isinstance(entry, dict):
            yield ("services", j, "service"), entry.get("service")
        else:
            yield ("services", j), entry


def journey_links(content: Content) -> None:
    """A journey's steps name services that exist (each once), "choose one" steps have two or more,
    related journeys exist (and are not itself)."""
    for source in content.valid_of("journey"):
        check, data = content.checkers[source.path], source.data
        for i, step in enumerate(data["steps"]):
            seen: set[str] = set()
            for path, ref in step_refs(step):
                _check_ref(content, check, ("steps", i, *path), ref, content.service_refs, "service")
                if ref in seen:
                    check.add(("steps", i, *path), f"'{ref}' is listed twice in this step", "remove one of them")
                seen.add(ref)
            if step.get("choose") == "one" and len(step.get("services", [])) < 2:
                check.add(("steps", i, "choose"), "choose: one needs at least two services to choose from",
                          "list the alternatives under services, or remove choose")
        for i, ref in enumerate(data.get("related_journeys", [])):
            _check_ref(content, check, ("related_journeys", i), ref, content.journey_ids, "journey")
            if ref == source.id:
                check.warn(("related_journeys", i), "a journey is not related to itself", "remove this line")


def requires_cycles(content: Content) -> None:
    known = content.services
    edges = {f"{f.agency_id}/{f.id}": [r for r in f.data.get("requires", []) if r in known]
             for f in content.valid_of("service")}
    for cycle in find_cycles(edges):
        source = known[cycle[0]]
        index = source.data["requires"].index(cycle[1] if len(cycle) > 1 else cycle[0])
        shown = [*cycle, cycle[0]] if len(cycle) <= 10 else [*cycle[:5], "...", *cycle[-4:], cycle[0]]
        size = "" if len(cycle) <= 10 else f" of {len(cycle):,} services"
        content.checkers[source.path].add(("requires", index),
                                          f"requires forms a cycle{size}: " + " -> ".join(shown),
                                          "a service cannot need itself, even through others; remove one link")


def journey_order(content: Content) -> None:
    """A step that lists a service before a prerequisite the journey also lists (a warning)."""
    known = content.services
    for journey in content.valid_of("journey"):
        step_of: dict[str, int] = {}
        for i, step in enumerate(journey.data["steps"]):
            for _, ref in step_refs(step):
                step_of.setdefault(ref, i)
        for i, step in enumerate(journey.data["steps"]):
            for path, ref in step_refs(step):
                requires = known[ref].data.get("requires") if ref in known else None
                for needed in requires if isinstance(requires, list) else []:
                    if isinstance(needed, str) and needed in step_of and step_of[needed] >= i:
                        content.checkers[journey.path].warn(
                            ("steps", i, *path),
                            f"step {i + 1} lists '{ref}' before its prerequisite '{needed}' "
                            f"(step {step_of[needed] + 1})",
                            f"move '{needed}' to an earlier step")


def _refs_in_steps(steps: Any) -> Iterator[Any]:
    for step in steps if isinstance(steps, list) else []:
        yield from (ref for _, ref in step_refs(step) if isinstance(ref, str))


def orphans(content: Content) -> None:
    """A service no journey uses (a warning). Uses count from every journey that loaded, even one
    with errors, so that a broken journey does not also make each of its services an orphan; a
    journey that could not be read at all may use any service, so then none is called an orphan."""
    used = {ref for f in content.files if f.kind == "journey" for ref in _refs_in_steps(f.data.get("steps"))}
    if len(content.journey_ids) > sum(1 for f in content.files if f.kind == "journey"):
        return
    valid_paths = {f.path for f in content.valid}
    for ref, source in content.services.items():
        named_badly = id_problem(source.id) or id_problem(source.agency_id or "")
        if source.path in valid_paths and ref not in used and not named_badly:
            content.checkers[source.path].warn((), f"service '{ref}' is not part of any journey",
                                               "add it to a step in journeys/, so citizens find it on their way")
