"""Graph walks are iterative (D8: a `requires` chain of thousands), and "did you mean" is indexed and
capped (D7: thousands of unknown refs on a site of a thousand services), each under a time bound."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AGENCY, SERVICE, TODAY, write_tree
from generator.graph import find_cycles
from generator.pipeline import check
from generator.validate.references import SUGGESTIONS_AT_MOST


def _services(root: Path, count: int, extra: dict[int, str]) -> Path:
    files: dict[str, str | bytes] = {"agencies/acme/agency.yml": AGENCY}
    for i in range(count):
        text = SERVICE.replace("title: Get a license", f"title: Get license {i}") + extra.get(i, "")
        files[f"agencies/acme/services/license-{i}.yml"] = text
    files["journeys/all.yml"] = ("title: All\nsummary: Everything.\naudience: [business]\nsteps:\n"
                                 "  - title: First\n    services: [acme/license-0]\n")
    return write_tree(root, files)


def _errors(root: Path) -> list[str]:
    return [p.format_text() for p in check(root, TODAY).problems if p.severity.value == "error"]


def test_a_requires_chain_of_thousands_is_walked(tmp_path):
    count = 3000
    root = _services(tmp_path, count, {i: f"requires: [acme/license-{i + 1}]\n" for i in range(count - 1)})
    started = time.perf_counter()
    assert _errors(root) == []
    assert time.perf_counter() - started < 60


def test_a_cycle_thousands_long_is_named_once(tmp_path):
    count = 1500
    root = _services(tmp_path, count, {i: f"requires: [acme/license-{(i + 1) % count}]\n" for i in range(count)})
    (error,) = _errors(root)
    assert error == ("agencies/acme/services/license-0.yml:8:12: error: requires[0]: requires forms a cycle of "
                     "1,500 services: acme/license-0 -> acme/license-1 -> acme/license-2 -> acme/license-3 -> "
                     "acme/license-4 -> ... -> acme/license-1496 -> acme/license-1497 -> acme/license-1498 -> "
                     "acme/license-1499 -> acme/license-0 (hint: a service cannot need itself, even through others; "
                     "remove one link)")


def _cycles_by_recursion(edges):
    """The recursive walk find_cycles replaced: the reference it is held equal to."""
    state, stack, found = {}, [], {}

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):]
                first = cycle.index(min(cycle))
                found.setdefault(frozenset(cycle), cycle[first:] + cycle[:first])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return sorted(found.values())


NODES = st.sampled_from("abcdefgh")


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(NODES, st.lists(NODES, max_size=4), max_size=8))
def test_the_iterative_walk_finds_what_the_recursive_one_found(edges):
    assert find_cycles(edges) == _cycles_by_recursion(edges)


def test_thousands_of_unknown_refs_on_a_large_site_are_checked_quickly(tmp_path):
    count, unknown = 1000, 2000
    related = "related: [" + ", ".join(f"acme/licence-{i}" for i in range(unknown)) + "]\n"
    root = _services(tmp_path, count, {0: related})
    started = time.perf_counter()
    errors = _errors(root)
    assert time.perf_counter() - started < 30  # comparing each with every known ref took 45 s
    assert len(errors) == unknown
    assert errors[0].endswith("related[0]: unknown service 'acme/licence-0' (hint: did you mean 'acme/license-0'?)")
    hinted = [e for e in errors if "did you mean" in e]
    assert len(hinted) == SUGGESTIONS_AT_MOST


def test_a_typo_in_the_agency_is_suggested_from_the_nearest_agency(check_files):
    from conftest import JOURNEY

    problems = check_files({"journeys/start-trading.yml": JOURNEY.replace("acme/get-license", "acne/get-licence")})
    assert "journeys/start-trading.yml:6:16: error: steps[0].services[0]: unknown service 'acne/get-licence' " \
           "(hint: did you mean 'acme/get-license'?)" in problems


def test_folders_nested_past_the_recursion_limit_are_walked(make_site):
    """The content folders are walked without recursion too (load._tree): here 300 folders deep
    under a recursion limit of 150."""
    import sys

    from generator.load import _tree

    root = make_site()
    folder = root / "agencies" / "acme" / "notes"
    for _ in range(300):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "stray.yml").write_text("x: 1\n")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(150)
    try:
        found = _tree(root / "agencies")
    finally:
        sys.setrecursionlimit(limit)
    assert found[-1][1] == folder / "stray.yml" or any(path == folder / "stray.yml" for _, path, _, _ in found)
    problems = [p.format_text() for p in check(root, TODAY).problems]
    assert len(problems) == 1 and problems[0].endswith(
        "/stray.yml:1:1: error: YAML file outside the expected layout (hint: content files go in "
        "agencies/<agency>/agency.yml, agencies/<agency>/services/<service>.yml, journeys/<journey>.yml or "
            "questions/<question>.yml)")
