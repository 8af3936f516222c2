"""YAML syntax errors say which mistake it is and how to fix it (generator/yaml_messages.py): the
parser's one sentence "mapping values are not allowed" is text with ': ' in it, or a key indented too
far; text starting with a character YAML reads as its own must be quoted; a list or quote left open."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SERVICE
from generator.yamlfile import YamlProblem, parse_yaml

SVC = "agencies/acme/services/get-license.yml"
NOTE = "    url: https://acme.example.gov/apply"


def _service(old: str, new: str) -> str:
    assert old in SERVICE
    return SERVICE.replace(old, new)


CASES = [
    (_service(NOTE, NOTE + "\n    note: Attach: the signed form"),
     "7:17: error: malformed YAML: text with ': ' in it must be in quotes "
     "(hint: put the text in quotes: note: \"Attach: the signed form\")"),
    (_service("last_reviewed", "processing_time:\n  text: About 30 days\n   max_days: 30\nlast_reviewed"),
     "9:4: error: malformed YAML: this line is indented more than the line above "
     "(hint: start 'max_days:' 2 spaces in, lined up with 'text:' on line 8)"),
    (_service(NOTE, " url: https://acme.example.gov/apply"),
     "6:2: error: malformed YAML: this line is not lined up with the keys above it "
     "(hint: line it up with the keys of its group, like 'type:' on line 5)"),
    (_service("last_reviewed", "documents:\n  - **Signed** form\nlast_reviewed"),
     "8:5: error: malformed YAML: text that starts with '*' must be in quotes "
     "(hint: put the text in quotes: - \"**Signed** form\")"),
    (_service("Get the license you need to trade.", "&co pays the fee."),
     "2:10: error: malformed YAML: text that starts with '&' must be in quotes "
     "(hint: put the text in quotes: summary: \"&co pays the fee.\")"),
    (_service("Get the license you need to trade.", "@home businesses need it too."),
     "2:10: error: malformed YAML: text that starts with '@' must be in quotes "
     "(hint: put the text in quotes: summary: \"@home businesses need it too.\")"),
    (_service("Get the license you need to trade.", "| pipes and all"),
     "2:10: error: malformed YAML: text that starts with '|' must be in quotes "
     "(hint: put the text in quotes: summary: \"| pipes and all\")"),
    (_service("Get the license you need to trade.", '"Trade" means selling things.'),
     "2:10: error: malformed YAML: text that starts with '\"' must be in quotes as a whole "
     "(hint: put the whole text in quotes: summary: '\"Trade\" means selling things.')"),
    (_service("audience: [business]", "audience: [business"),
     "3:11: error: malformed YAML: the '[' is not closed with ']' (hint: close it with ']' on the same line, "
     "or put text that starts with '[' in quotes: audience: \"[business\")"),
    (_service("Get the license you need to trade.", '"Get the license'),
     "2:10: error: malformed YAML: a quote is not closed (hint: end the text with the quote it starts with, "
     "on the same line)"),
    (_service("audience: [business]", "audience:\n  - business\n  type: x"),
     "5:3: error: malformed YAML: a key where a list item was expected (hint: start the item with '- ', or "
     "line the key up with the key the list belongs to)"),
    (_service("last_reviewed", "- stray item\nlast_reviewed"),
     "7:1: error: malformed YAML: a list item where a key was expected (hint: put the list on the lines after "
     "its key, each item indented under it)"),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[e.split(": ", 3)[-1][:50] for _, e in CASES])
def test_each_syntax_mistake_is_named_with_its_fix(check_files, text, expected):
    assert check_files({SVC: text}) == [f"{SVC}:{expected}"]


def test_a_colon_in_text_and_a_key_indented_too_far_read_differently(check_files):
    """The parser says "mapping values are not allowed in this context" for both."""
    colon = check_files({SVC: _service(NOTE, NOTE + "\n    note: Attach: the signed form")})
    indent = check_files({SVC: _service(NOTE, NOTE + "\n      note: the signed form")})
    assert "must be in quotes" in colon[0] and "indented more than the line above" in indent[0]
    assert indent == [f"{SVC}:7:7: error: malformed YAML: this line is indented more than the line above "
                      "(hint: start 'note:' 4 spaces in, lined up with 'url:' on line 6)"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" -:#*&@`%|>!'\"[]{}\nab1")), max_size=60))
def test_every_syntax_error_is_said_with_a_hint_and_a_place_in_the_file(text):
    try:
        parse_yaml(f"title: x\n{text}\n".encode())
    except YamlProblem as problem:
        lines = f"title: x\n{text}\n".split("\n")
        assert problem.hint and 1 <= problem.line <= len(lines) and problem.col >= 1
