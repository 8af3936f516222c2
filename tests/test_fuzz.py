"""Property-based: random YAML documents and random mutations of valid files thrown at `onestop check`.

Whatever an editor (or an attacker) writes, the check never raises, never hangs, and every problem
names a real file of the site, on a line that exists, in one line of text.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, RIVERTON, TODAY, write_tree
from generator.pipeline import check
from generator.schemas import validator

FUZZ = settings(max_examples=120, deadline=10_000, suppress_health_check=[HealthCheck.too_slow],
                print_blob=True)
"""10 s per example is far above the ~20 ms a check takes: a hang or a slow pattern shows up as a failure."""

TARGETS = sorted(MINIMAL)
"""The file each example replaces, one of each kind."""


@pytest.fixture(scope="module")
def tree() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="onestop-fuzz-"))
    write_tree(root, dict(MINIMAL))
    yield root
    shutil.rmtree(root, ignore_errors=True)


def _keys() -> list[str]:
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(k for k in node.get("properties", {}) if isinstance(k, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for kind in ("agency", "service", "journey"):
        walk(validator(kind).schema)
    return sorted(names)


KEYS = st.sampled_from(_keys()) | st.text(min_size=1, max_size=12)
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=40) | st.sampled_from(["acme/get-license", "start-trading", "online", "one",
                                                     "https://acme.example.gov/", "2026-10-01", "business",
                                                     "<script>", "[x](javascript:1)", "&lt;b&gt;", "on", "1.10"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
                      max_leaves=25)
YAMLISH = st.lists(st.sampled_from([*list("abc :-[]{}#&*!|>'\"\n\t%@`,?~.0123456789\\"), "  ", "\ufeff", "é", "\x00", "title: ", "  - ", "&a ", "*a", "!!str ", "---\n"]),
                   max_size=80).map("".join)


def _check_and_assert(root: Path, target: str, content: str | bytes) -> None:
    path = root / target
    original = path.read_bytes()
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(content)
    try:
        result = check(root, TODAY)  # must not raise
    finally:
        path.write_bytes(original)
    written = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    line_count = {name: len(Path(root / name).read_bytes().splitlines()) for name in MINIMAL}
    line_count[target] = len(written.splitlines())
    for problem in result.problems:
        assert problem.path in line_count, problem
        assert 1 <= problem.line <= line_count[problem.path] + 1, problem
        assert problem.col >= 1, problem
        assert problem.hint, problem  # every message says how to fix it (tests/test_hints.py)
        for text in (problem.format_text(), problem.format_github()):
            assert "\n" not in text and "\r" not in text, problem
        assert problem.format_text().startswith(f"{problem.path}:{problem.line}:{problem.col}: ")
    # Every error is about the file that changed: one bad file never blames another.
    assert {p.path for p in result.errors} <= {target}, result.errors


def _dump(data: Any, flow: bool) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)


@FUZZ
@given(target=st.sampled_from(TARGETS), data=VALUES, flow=st.booleans())
def test_random_yaml_documents(tree, target, data, flow):
    _check_and_assert(tree, target, _dump(data, flow))


@FUZZ
@given(target=st.sampled_from(TARGETS), text=YAMLISH)
def test_random_yaml_like_text(tree, target, text):
    _check_and_assert(tree, target, text)


@FUZZ
@given(target=st.sampled_from(TARGETS), raw=st.binary(max_size=300))
def test_random_bytes(tree, target, raw):
    _check_and_assert(tree, target, raw)


VALID_FILES = [(name, text) for name, text in MINIMAL.items()] + [
    (kind, path.read_text(encoding="utf-8")) for kind, path in (
        ("agencies/acme/agency.yml", RIVERTON / "agencies/riverton-clerk/agency.yml"),
        ("agencies/acme/services/get-license.yml", RIVERTON / "agencies/riverton-clerk/services/get-sign-permit.yml"),
        ("journeys/start-trading.yml", RIVERTON / "journeys/open-a-shop.yml"),
    )]


@st.composite
def text_mutations(draw: st.DrawFn) -> tuple[str, str]:
    """A valid file with a few random edits: cut, insert, duplicate or re-indent lines, change characters."""
    target, text = draw(st.sampled_from(VALID_FILES))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True) or [""]
        i = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["cut", "insert", "duplicate", "indent", "dedent", "char", "swap"]))
        if edit == "cut":
            del lines[i]
        elif edit == "insert":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(YAMLISH) + lines[i][pos:]
        elif edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "indent":
            lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
        elif edit == "dedent":
            lines[i] = lines[i].lstrip(" ")
        elif edit == "char" and lines[i]:
            pos = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:pos] + draw(st.characters()) + lines[i][pos + 1:]
        elif edit == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        text = "".join(lines)
    return target, text


@FUZZ
@given(mutation=text_mutations())
def test_random_edits_of_valid_files(tree, mutation):
    target, text = mutation
    _check_and_assert(tree, target, text)


def _paths(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*at, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*at, i))
    return found


@st.composite
def data_mutations(draw: st.DrawFn) -> tuple[str, str]:
    """A valid file's data with values replaced, keys removed or added, then written back as YAML."""
    target, text = draw(st.sampled_from(VALID_FILES))
    data = yaml.safe_load(text)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(KEYS)] = draw(VALUES)
        else:
            parent.append(draw(VALUES))
    return target, _dump(data, draw(st.booleans()))


@FUZZ
@given(mutation=data_mutations())
def test_random_changes_to_valid_data(tree, mutation):
    target, text = mutation
    _check_and_assert(tree, target, text)


def test_the_property_holds_for_known_nasty_cases(tree):
    """Cases the random search found once, or that are easy to miss, kept as plain examples."""
    for target, content in [
        ("journeys/start-trading.yml", "title: a\nsummary: b\naudience: [business]\nsteps:\n  - title: x\n"
                                       "    services: [{a: 1}]\n"),
        ("agencies/acme/services/get-license.yml", "title: " + "[" * 990 + "]" * 990 + "\n"),
        ("agencies/acme/services/get-license.yml", "fees:\n  - amount: 1" + "0" * 400 + "\n"),
        ("agencies/acme/services/get-license.yml", "? [a, b]\n: c\n"),
        ("agencies/acme/agency.yml", b"\xef\xbb\xbf"),
        ("agencies/acme/agency.yml", "\x85name: a\n"),
        ("agencies/acme/agency.yml", f"owners: [{math.pi}]\n"),
    ]:
        _check_and_assert(tree, target, content)
