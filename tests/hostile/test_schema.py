"""The schema check says each problem once (D20), and its two validators (jsonschema-rs to pass
valid files fast, jsonschema to word the others) agree on every value (D21): ECMA-262 patterns,
NaN is not a number; should they ever disagree, the problem is still located and worded."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AGENCY, JOURNEY, SERVICE
from generator.load import parse_yaml
from generator.schemas import _ECMA_SPACE as _SPACE
from generator.schemas import ecma_pattern, fast_validator, validator

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"


def test_each_missing_key_is_named_once(check_files):
    assert check_files({SVC: "foo: bar\n"}) == [
        f"{SVC}:1:1: error: missing required key 'audience' (hint: add a line 'audience: [business, nonprofit]')",
        f"{SVC}:1:1: error: missing required key 'channels' (hint: add a line 'channels: [{{type: online, url: "
        "https://www.business.pa.gov/}]')",
        f"{SVC}:1:1: error: missing required key 'last_reviewed' (hint: add a line 'last_reviewed: 2026-11-01')",
        f"{SVC}:1:1: error: missing required key 'summary' (hint: add a line 'summary: Register an LLC to keep your "
        "business apart from your own money.')",
        f"{SVC}:1:1: error: missing required key 'title' (hint: add a line 'title: Register a limited liability "
        "company (LLC)')",
        f"{SVC}:1:1: error: unknown key 'foo' (hint: allowed keys: id, title, summary, description, audience, "
        "keywords, eligibility, documents, fees, processing_time, channels, requires, related, legal_basis, "
        "deadlines, last_reviewed)"]


def test_not_a_number_is_located_and_worded(check_files):
    bad = SERVICE + "fees:\n  - amount: .nan\n    description: Filing fee\n"
    assert check_files({SVC: bad}) == [f"{SVC}:9:13: error: fees[0].amount: expected a number; got .nan (not a number) "
                                          "(hint: write a number without $ or commas, e.g. 125)"]


def test_a_handle_with_a_line_break_is_located_and_worded(check_files):
    bad = AGENCY + 'owners: ["@x\\n"]\n'
    assert check_files({AGY: bad}) == [
        f"{AGY}:11:10: error: owners[0]: expected a GitHub handle like @org/team or @user, or an email address; "
        "got '@x\\n' (hint: write it like '@pa-gov/dos-web-team')"]


@pytest.mark.parametrize(("pattern", "expected"), [
    ("^a$", "^a\\Z"), ("^a$|^b$", "^a\\Z|^b\\Z"), ("[$]", "[$]"), ("\\$", "\\$"), ("[\\]$]$", "[\\]$]\\Z"),
    ("\\d+", "[0-9]+"), ("[\\w-]", "[A-Za-z0-9_-]"), ("\\S", "[^" + _SPACE + "]"), ("[^\\s/]", "[^" + _SPACE + "/]")])
def test_patterns_are_read_as_ecma_reads_them(pattern, expected):
    assert ecma_pattern(pattern) == expected


def _leaves(value: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [path] + [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [path] + [leaf for i, item in enumerate(value) for leaf in _leaves(item, (*path, i))]
    return [path]


def _put(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    data = copy.deepcopy(data)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


FULL_SERVICE = (SERVICE + """\
description: More.
fees:
  - {amount: 10, description: Fee, per: year, optional: true}
processing_time: {text: Ten days, max_days: 10}
channels:
  - {type: email, email: help@acme.example.gov}
  - {type: phone, phone: 555-010-1000, hours: Always}
legal_basis:
  - {title: The Act, url: "https://acme.example.gov/act"}
""").replace("channels:\n  - type: online\n    url: https://acme.example.gov/apply\n", "", 1)
SAMPLES = {"service": parse_yaml(FULL_SERVICE.encode())[0],
           "agency": parse_yaml((AGENCY + "owners: ['@acme/team', a@b.gov]\n").encode())[0],
           "journey": parse_yaml((JOURNEY + "    choose: one\n    when: If so\n").encode())[0]}
VALUES = st.one_of(
    st.text(max_size=12), st.sampled_from(["@x\n", "a@b.gov\n", "USD\n", "2026-01-01\n", "https://a.gov/\n",
                                          "x\u2028", "\n", "help@a.gov?x=1", "717-787-1057\n", "a-b\n"]),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10**12), st.booleans(), st.none(),
    st.lists(st.text(max_size=5), max_size=2))


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(sorted(SAMPLES)), data=st.data())
def test_the_two_validators_agree_on_every_value(kind, data):
    sample = SAMPLES[kind]
    path = data.draw(st.sampled_from(_leaves(sample)))
    mutated = _put(sample, path, data.draw(VALUES))
    assert fast_validator(kind).is_valid(mutated) == validator(kind).is_valid(mutated), (path, mutated)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=6))
def test_every_pattern_of_the_schemas_reads_every_text_alike(text):
    """The class behind D21: each pattern, in both validators, over any text."""
    for pattern in _patterns():
        fast = fast_validator_for_pattern(pattern)
        assert fast.is_valid(text) == (_python(pattern).search(text) is not None), (pattern, text)


def _patterns() -> list[str]:
    import json

    from generator.schemas import ALL_SCHEMA_FILES, schema_text

    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.append(node["pattern"])
            for item in node.values():
                walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in ALL_SCHEMA_FILES:
        walk(json.loads(schema_text(name)))
    return sorted(set(found))


def fast_validator_for_pattern(pattern: str):
    import jsonschema_rs

    return _cached(pattern, lambda: jsonschema_rs.validator_for({"pattern": pattern}))


def _python(pattern: str):
    import re

    return _cached("py" + pattern, lambda: re.compile(ecma_pattern(pattern)))


_CACHE: dict[str, Any] = {}


def _cached(key: str, make):
    if key not in _CACHE:
        _CACHE[key] = make()
    return _CACHE[key]
