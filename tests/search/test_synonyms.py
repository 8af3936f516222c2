"""The site's synonyms (synonyms.yml, generator/search/synonyms.py): checked like content with located
problems, tagged onto the documents' fields, written into the index for the browser's queries."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLE, TODAY, write_tree
from generator.pipeline import check
from generator.search import SYNONYMS_FILE, Synonyms, build_search, compact_index, documents, load_synonyms
from generator.search.synonyms import group_term, terms_of

GOOD = """\
synonyms:
  - [license, permit, licence]
  - [unemployment insurance, unemployment compensation, UC]
  - [W-4, withholding certificate]
"""


def problems_of(tmp_path, text: str) -> list[str]:
    (tmp_path / SYNONYMS_FILE).write_text(text, encoding="utf-8")
    return [p.format_text() for p in load_synonyms(tmp_path)[1]]


def test_the_example_site_s_synonyms_are_clean_and_cover_the_issue_s_words():
    synonyms, problems = load_synonyms(EXAMPLE)
    assert problems == []
    groups = [set(g) for g in synonyms.groups]
    for words in ({"license", "permit", "licence"}, {"EIN", "FEIN", "tax ID"}, {"payroll", "withholding"},
                  {"unemployment insurance", "unemployment compensation", "UC"},
                  {"DBA", "trade name", "fictitious name"}, {"charity", "nonprofit"}, {"staff", "employee"}):
        assert any(words <= g for g in groups), words


def test_no_file_no_synonyms(tmp_path):
    assert load_synonyms(tmp_path) == (Synonyms(), [])


def test_a_good_file(tmp_path):
    assert problems_of(tmp_path, GOOD) == []
    synonyms = load_synonyms(tmp_path)[0]
    assert synonyms.groups == (("license", "permit", "licence"),
                               ("unemployment insurance", "unemployment compensation", "UC"),
                               ("W-4", "withholding certificate"))
    assert synonyms.phrases[("permit",)] == 0 and synonyms.phrases[("w", "4")] == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("synonym:\n  - [a, b]\n", [
        "synonyms.yml:1:1: error: unknown key 'synonym' (hint: did you mean 'synonyms'?)",
        "synonyms.yml:1:1: error: missing required key 'synonyms' (hint: add a line 'synonyms: ...' (see the key's "
        "description in your editor or CONTRIBUTING.md))"]),
    ("synonyms:\n  - [license]\n", [
        "synonyms.yml:2:5: error: synonyms[0]: must have at least 2 items (hint: add an item, or remove the key)"]),
    ("synonyms:\n  - [license, 12]\n", [
        "synonyms.yml:2:15: error: synonyms[0][1]: expected text; got the number 12 (hint: quote it: '12')"]),
    ("synonyms:\n  - [license, permit]\n  - [permits, allowance]\n", [
        "synonyms.yml:3:6: error: synonyms[1][0]: 'permits' is already in group 1 (line 2): a word or phrase can be "
        "in one group only (hint: merge the two groups, or remove it from one)"]),
    ("synonyms:\n  - [license, the, permit]\n", [
        "synonyms.yml:2:15: error: synonyms[0][1]: 'the' is only words the search leaves out (such as 'the', 'a', "
        "'of'): it can never match (hint: remove it, or write the words that matter)"]),
    ("synonyms:\n  - [license, permit, License]\n", [
        "synonyms.yml:2:23: warning: synonyms[0][2]: 'License' is listed twice in this group (hint: remove it)"]),
    ("synonyms:\n  - [workers comp, \"workers' comp\"]\n", [
        "synonyms.yml:2:20: warning: synonyms[0][1]: 'workers' comp' reads as 'workers comp' to the search (it "
        "ignores word endings and punctuation), which this group has already (hint: remove it)"]),
    ("synonyms: [a, b\n", [
        "synonyms.yml:1:11: error: malformed YAML: the '[' is not closed with ']' (hint: close it with ']' on the "
        "same line, or put text that starts with '[' in quotes: synonyms: \"[a, b\")"]),
])
def test_each_problem_is_located_and_says_how_to_fix_it(tmp_path, text, expected):
    assert problems_of(tmp_path, text) == expected


def test_check_reports_the_file_s_problems_and_a_build_is_refused(tmp_path):
    from conftest import MINIMAL
    root = write_tree(tmp_path / "site", {**MINIMAL, SYNONYMS_FILE: "synonyms:\n  - [license]\n"})
    result = check(root, TODAY)
    assert [p.format_text() for p in result.problems] == [
        "synonyms.yml:2:5: error: synonyms[0]: must have at least 2 items (hint: add an item, or remove the key)"]
    assert result.failed() and result.site is None


def test_a_phrase_is_matched_on_its_terms_the_longest_first():
    synonyms = Synonyms.of([["license", "permit"], ["food truck", "mobile food"], ["food", "meal"],
                            ["unemployment insurance", "UC"]])
    assert terms_of("Mobile-food permits!") == ("mobil", "food", "permit")
    # The index: every phrase anywhere in the text, each group once ("food" in "mobile food" too, so that a
    # search for "meal" finds it).
    assert synonyms.tags("Get a mobile food permit") == f"{group_term(0)} {group_term(1)} {group_term(2)}"
    assert synonyms.tags("Food for a food truck") == f"{group_term(1)} {group_term(2)}"
    assert synonyms.tags("nothing here") == "" and Synonyms().tags("permit") == ""
    # A query: the longest phrase from the left, as its group term, with the terms it stands for.
    assert synonyms.query_parts(terms_of("food truck licence permit")) == [
        (group_term(1), ("food", "truck")), ("licenc", ("licenc",)), (group_term(0), ("permit",))]
    assert synonyms.query_parts(terms_of("unemployment")) == [("unemploy", ("unemploy",))]


def test_a_group_term_is_a_word_no_text_makes_and_the_pipeline_keeps():
    assert terms_of(group_term(12)) == (group_term(12),)
    assert not group_term(1).isalpha() and not group_term(1).startswith(tuple("abcdefghijklmnopqrstuvwxyz"))
    assert not group_term(12).startswith(group_term(1))  # no group term is the start of another


def test_documents_carry_their_synonyms_and_the_index_the_phrases(riverton):
    synonyms = Synonyms.of([["tax number", "EIN", "tax ID"], ["company", "LLC"]])
    docs = documents(riverton.site, synonyms=synonyms)
    tax = next(d for d in docs if d.url == "services/federal-revenue/get-tax-number/")
    assert tax.field("title") == f"Get a federal tax number {group_term(0)}"
    assert tax.field("keywords") == f"EIN tax ID {group_term(0)}"
    assert tax.field("agency") == "Federal Revenue Office (FRO)"  # no phrase of a group: no tag
    plain = documents(riverton.site)
    assert [d.field("title") for d in plain if d.url == tax.url] == ["Get a federal tax number"]
    index = compact_index(docs)
    assert group_term(0) in index["terms"] and group_term(1) in index["terms"]
    bundle = json.loads(build_search(docs, synonyms=synonyms).files["search/index.json"])
    assert [group_term(0)] == [g for terms, g in bundle["synonyms"] if terms == ["tax", "id"]]
    assert json.loads(build_search(plain).files["search/index.json"])["synonyms"] == []


def test_the_built_example_site_has_the_synonyms_in_its_index(built_site):
    index = json.loads((built_site / "search" / "index.json").read_text(encoding="utf-8"))
    synonyms = load_synonyms(EXAMPLE)[0]
    assert index["synonyms"] == synonyms.for_index()
    assert [terms for terms, group in index["synonyms"] if group == group_term(0)] == [["licenc"], ["licens"], ["permit"]]
