"""Input that can never hurt the site: path tricks, look-alike letters, markup and scripts in every
Markdown and URL field, YAML 1.1 surprises, deep nesting, pathological sizes. Each gives a clear,
located one-line problem (or, where the text is harmless, none), and never a traceback or a hang."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import AGENCY, JOURNEY, SERVICE, TODAY
from generator.load import parse_yaml
from generator.markup import MarkdownRenderer
from generator.pipeline import check
from generator.problems import one_line

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


# -- ids: a file or folder name is an id, so path tricks and look-alike letters are refused by name

ID_RULE = "use lowercase letters, digits and single hyphens, at most 64 characters"


@pytest.mark.parametrize(("name", "why", "fixed"), [
    ("ℓlc", "it contains 'ℓ' (U+2113 SCRIPT SMALL L), which is not a plain letter or digit; ", "llc"),
    ("rеgister", "it contains 'е' (U+0435 CYRILLIC SMALL LETTER IE), which is not a plain letter or digit; ",
     "register"),
    ("ｒegister", "it contains 'ｒ' (U+FF52 FULLWIDTH LATIN SMALL LETTER R), which is not a plain letter or digit; ",
     "register"),
    ("reg\u200bister", "it contains '\u200b' (U+200B ZERO WIDTH SPACE), which is not a plain letter or digit; ",
     "register"),
    ("café-permit", "it contains 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE), which is not a plain letter or "
     "digit; ", "cafe-permit"),
    (".draft", "", "draft"),
    ("a..b", "", "a-b"),
    ("get license", "", "get-license"),
    ("-get-license", "", "get-license"),
])
def test_service_file_name_that_is_not_an_id(check_files, name, why, fixed):
    path = f"agencies/acme/services/{name}.yml"
    journey = JOURNEY.replace("[acme/get-license]", f"[acme/get-license, {json.dumps('acme/' + name)}]")
    problems = check_files({path: SERVICE, JRN: journey})
    # Shown as problems are printed: an invisible character as its escape.
    assert one_line(f"{path}:1:1: error: file name '{name}' is not a valid id: {why}{ID_RULE} "
                    f"(hint: rename it to '{fixed}')") in problems
    # The reference to it is refused by its form too, so no page or link is ever made from that name.
    assert any(p.startswith(f"{JRN}:6:") and "expected a service reference 'agency-id/service-id'" in p
               for p in problems)


def test_agency_folder_with_a_look_alike_letter(check_files):
    problems = check_files({"agencies/аcme/agency.yml": AGENCY})  # Cyrillic а
    assert problems[0] == ("agencies/аcme/agency.yml:1:1: error: agency folder 'аcme' is not a valid id: it contains "
                           "'а' (U+0430 CYRILLIC SMALL LETTER A), which is not a plain letter or digit; "
                           f"{ID_RULE} (hint: rename it to 'acme')")


def test_hidden_yaml_file_is_reported_not_skipped(check_files):
    assert check_files({"journeys/.start.yml": JOURNEY}) == [
        f"journeys/.start.yml:1:1: error: file name '.start' is not a valid id: {ID_RULE} (hint: rename it to 'start')"]


@pytest.mark.parametrize(("files", "expected"), [
    ({SVC: "id: ../../etc/passwd\n" + SERVICE}, [
        f"{SVC}:1:5: error: id: expected an id of lowercase letters, digits and single hyphens (at most 64 "
        "characters); got '../../etc/passwd' (hint: write it like 'register-llc')",
        f"{SVC}:1:5: error: id: id '../../etc/passwd' does not match the file name 'get-license' "
        "(hint: make them equal, or remove the id line)"]),
    ({SVC: SERVICE + "requires: [../../etc/passwd]\n"}, [
        f"{SVC}:8:12: error: requires[0]: expected a service reference 'agency-id/service-id'; got '../../etc/passwd' (hint: write it like 'pa-dos/register-llc')"]),
    ({SVC: SERVICE + "related: [acme/../acme/get-license]\n"}, [
        f"{SVC}:8:11: error: related[0]: expected a service reference 'agency-id/service-id'; "
        "got 'acme/../acme/get-license' (hint: write it like 'pa-dos/register-llc')"]),
    ({JRN: JOURNEY + "related_journeys: [../start-trading]\n"}, [
        f"{JRN}:7:20: error: related_journeys[0]: expected an id of lowercase letters, digits and single hyphens "
        "(at most 64 characters); got '../start-trading' (hint: write it like 'register-llc')"]),
    ({JRN: JOURNEY.replace("acme/get-license", "acme/get-license/../../x")}, [
        f"{JRN}:6:16: error: steps[0].services[0]: expected a service reference 'agency-id/service-id'; "
        "got 'acme/get-license/../../x' (hint: write it like 'pa-dos/register-llc')",
        f"{SVC}:1:1: warning: service 'acme/get-license' is not part of any journey "
        "(hint: add it to a step in journeys/, so citizens find it on their way)"][::-1]),
])
def test_ids_and_references_with_path_tricks(check_files, files, expected):
    assert check_files(files) == expected


# -- markup and scripts in every Markdown and URL field

def _field(kind: str, where: str, value: str) -> tuple[str, str, int, str]:
    """A file of `kind` with `value` in the field `where`: (path, text, line of the value, problem path)."""
    v = json.dumps(value)
    if kind == "agency":
        if where == "description":
            return AGY, AGENCY.replace("description: Issues licenses.", f"description: {v}"), 3, "description"
        return AGY, AGENCY.replace("website: https://acme.example.gov/", f"website: {v}"), 4, "website"
    if kind == "journey":
        if where == "description":
            return JRN, JOURNEY + f"description: {v}\n", 7, "description"
        return JRN, JOURNEY + f"    description: {v}\n", 7, "steps[0].description"
    body = {
        "description": (SERVICE + f"description: {v}\n", 8, "description"),
        "eligibility": (SERVICE + f"eligibility:\n  - {v}\n", 9, "eligibility[0]"),
        "documents": (SERVICE + f"documents:\n  - {v}\n", 9, "documents[0]"),
        "legal_basis.url": (SERVICE + f"legal_basis:\n  - title: The Licensing Act\n    url: {v}\n", 10,
                            "legal_basis[0].url"),
        "online.url": (SERVICE.replace("url: https://acme.example.gov/apply", f"url: {v}"), 6, "channels[0].url"),
        "in_person.url": (SERVICE.replace("type: online\n    url: https://acme.example.gov/apply",
                                          f"type: in_person\n    address: 1 Main Street\n    url: {v}\n    hours: Every day"), 7,
                          "channels[0].url"),
    }[where]
    return (SVC, *body)


MARKDOWN_FIELDS = [("agency", "description"), ("service", "description"), ("service", "eligibility"),
                   ("service", "documents"), ("journey", "description"), ("journey", "steps.description")]
URL_FIELDS = [("agency", "website"), ("service", "online.url"), ("service", "in_person.url"),
              ("service", "legal_basis.url")]

# Where the schemas use the Markdown and web address types: a new field of either type must be
# added to the lists above (and so get every attack below) before this test passes again.
SCHEMA_USES = {
    "agency.schema.json": {"properties.description": "markdown", "properties.website": "httpsUrl"},
    "service.schema.json": {
        "properties.description": "markdown", "properties.eligibility": "markdownList",
        "properties.documents": "markdownList", "properties.legal_basis.items.properties.url": "httpsUrl",
        "$defs.online.properties.url": "httpsUrl", "$defs.in_person.properties.url": "httpsUrl"},
    "journey.schema.json": {"properties.description": "markdown",
                            "properties.steps.items.properties.description": "markdown"},
}


def _refs(node: Any, at: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("common.schema.json#/$defs/") and ref.rsplit("/", 1)[1] in (
                "markdown", "markdownList", "httpsUrl"):
            found[at.lstrip(".")] = ref.rsplit("/", 1)[1]
        for key, value in node.items():
            found.update(_refs(value, f"{at}.{key}"))
    return found


def test_every_markdown_and_url_field_of_the_schemas_is_attacked_below():
    schemas = Path(__file__).resolve().parents[1] / "generator" / "schemas"
    for name, expected in SCHEMA_USES.items():
        assert _refs(json.loads((schemas / name).read_text())) == expected, name
    assert len(MARKDOWN_FIELDS) == sum(v.startswith("markdown") for u in SCHEMA_USES.values() for v in u.values())
    assert len(URL_FIELDS) == sum(v == "httpsUrl" for u in SCHEMA_USES.values() for v in u.values())


MARKDOWN_ATTACKS = [
    # (text, problem message after the field path, the snippet the column points at)
    ("Bring <script>alert(1)</script> ID", "raw HTML is not allowed: '<script>alert(1)</sc'", "<script>"),
    ("Bring <img src=x onerror=alert(1)> ID", "raw HTML is not allowed: '<img src=x onerror=a'", "<img"),
    ("See <javascript:alert(1)>", "raw HTML is not allowed: '<javascript:alert(1)'", "<javascript"),
    ("Read the [rules](javascript:alert(1))", "link 'javascript:alert(1' must start with https://, mailto: or tel:",
     "javascript:"),
    ("Read the [rules](JaVaScRiPt:alert(1))", "link 'JaVaScRiPt:alert(1' must start with https://, mailto: or tel:",
     "JaVaScRiPt:"),
    ("Read the [rules](data:text/html;base64,PHNjcmlwdD4=)",
     "link 'data:text/html;base64,PHNjcmlwdD4=' must start with https://, mailto: or tel:", "data:"),
    ("Read the [rules](&#106;avascript:alert(1))",
     "link '&#106;avascript:alert(1' must start with https://, mailto: or tel:", "&#106;"),
    ("See [rules][r]\n\n[r]: javascript:alert(1)",
     "link 'javascript:alert(1)' must start with https://, mailto: or tel:", "javascript:"),
    ("Fill in &lt;script&gt;alert(1)&lt;/script&gt; here", "HTML entity that decodes to markup is not allowed: '&lt;'",
     "&lt;"),
    ("Fill in &#60;img src=x onerror=alert(1)&#62; here",
     "HTML entity that decodes to markup is not allowed: '&#60;'", "&#60;"),
    ("Fill in &#x3C;svg onload=alert(1)&#x3E; here",
     "HTML entity that decodes to markup is not allowed: '&#x3C;'", "&#x3C;"),
]
URL_ATTACKS = ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>",
               "http://acme.example.gov/", "//evil.example/", "https://acme.example.gov/\"onmouseover=\"alert(1)",
               "https://acme.example.gov/<script>", "&#104;ttps://acme.example.gov/"]


@pytest.mark.parametrize(("kind", "where"), MARKDOWN_FIELDS)
@pytest.mark.parametrize(("attack", "message", "snippet"), MARKDOWN_ATTACKS)
def test_markup_and_scripts_in_every_markdown_field(check_files, kind, where, attack, message, snippet):
    path, text, line, field = _field(kind, where, attack)
    problems = check_files({path: text})
    lines = text.splitlines()
    target_line = next(n for n in range(line, len(lines) + 1) if snippet in lines[n - 1])
    col = lines[target_line - 1].index(snippet) + 1
    assert [p for p in problems if p.startswith(path)] == [f"{path}:{target_line}:{col}: error: {field}: {message}"
                                                           + _hint(message)]


def _hint(message: str) -> str:
    if message.startswith("raw HTML"):
        return " (hint: agency text is Markdown only: write **bold**, lists and [link text](https://...))"
    if message.startswith("link"):
        return " (hint: use the full https:// address of the page)"
    return " (hint: write the character itself, or describe it in words)"


@pytest.mark.parametrize(("kind", "where"), URL_FIELDS)
@pytest.mark.parametrize("attack", URL_ATTACKS)
def test_scripts_and_other_schemes_in_every_url_field(check_files, kind, where, attack):
    path, text, line, field = _field(kind, where, attack)
    col = text.splitlines()[line - 1].index(json.dumps(attack)) + 1
    assert [p for p in check_files({path: text}) if p.startswith(path)] == [
        f"{path}:{line}:{col}: error: {field}: expected a web address starting with https:// (with no spaces, "
        f"quotes or angle brackets); got {attack!r} (hint: {_https_hint(attack)})"]


def _https_hint(attack: str) -> str:
    if attack.startswith("http://"):
        return f"write https:// instead of http://: https://{attack[7:]}"
    return "write the full address, like https://www.dos.pa.gov/"


@pytest.mark.parametrize(("kind", "where"), URL_FIELDS)
def test_entity_that_decodes_to_markup_in_a_url_field(check_files, kind, where):
    attack = "https://acme.example.gov/?q=&lt;script&gt;"
    path, text, line, field = _field(kind, where, attack)
    col = text.splitlines()[line - 1].index("&lt;") + 1
    assert [p for p in check_files({path: text}) if p.startswith(path)] == [
        f"{path}:{line}:{col}: error: {field}: HTML entity that decodes to markup is not allowed: '&lt;' "
        "(hint: write the character itself, or describe it in words)"]


@pytest.mark.parametrize(("attack", "_message", "_snippet"), MARKDOWN_ATTACKS)
def test_the_renderer_is_a_second_line_of_defence(attack, _message, _snippet):
    """Were validation bypassed, the Markdown renderer still makes nothing that runs."""
    page = BeautifulSoup(MarkdownRenderer().block(attack), "html.parser")
    assert page.find_all(["script", "img", "svg", "iframe", "object", "embed"]) == []
    for element in page.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on")], element
        href = element.get("href")
        assert href is None or href.startswith(("https://", "mailto:", "tel:")), element


def test_markup_in_plain_text_is_refused(check_files):
    """Themes print titles and summaries into <title>, <meta> and navigation without escaping them."""
    text = SERVICE.replace("title: Get a license", "title: Get a <b>license</b>").replace(
        "Get the license you need to trade.", '"Sign &lt;/title&gt; here"')
    assert check_files({SVC: text}) == [
        f"{SVC}:1:14: error: title: HTML is not allowed in plain text: '<b>license</b>' "
        "(hint: write the words without HTML tags)",
        f"{SVC}:2:16: error: summary: HTML entity that decodes to markup is not allowed: '&lt;' "
        "(hint: write the character itself, or describe it in words)"]


def test_a_less_than_sign_in_plain_text_is_fine(check_files):
    text = SERVICE.replace("Get the license you need to trade.", "For shops with sales < $50,000 a year.")
    assert check_files({SVC: text}) == []


# -- YAML 1.1 surprises, where the contract expects text

def test_yes_no_on_off_stay_text_where_text_is_expected(check_files, make_site):
    service = (SERVICE.replace("title: Get a license", "title: no")
               + "keywords: [on, off, yes, no, y, n, ON, No]\n")
    service = service.replace("url: https://acme.example.gov/apply",
                              "url: https://acme.example.gov/apply\n    note: off")
    agency = AGENCY.replace("name: Acme Licensing Office", "name: Acme Licensing Office\nshort_name: NO")
    journey = JOURNEY + "    when: yes\n"
    files = {SVC: service, AGY: agency, JRN: journey}
    assert check_files(files) == []
    site = check(make_site(files), TODAY).site
    service_ = next(iter(site.services.values()))
    assert service_.title == "no" and service_.channels[0].note == "off"
    assert service_.keywords == ("on", "off", "yes", "no", "y", "n", "ON", "No")
    assert site.agencies["acme"].short_name == "NO"
    assert site.journeys["start-trading"].steps[0].when == "yes"


def test_yaml_1_1_would_have_changed_their_meaning():
    """Why the loader uses YAML 1.2 rules: PyYAML's default (YAML 1.1) reads the same text as booleans."""
    text = b"keywords: [on, off, yes, no]\nversion: 1.10\n"
    assert yaml.safe_load(text) == {"keywords": [True, False, True, False], "version": 1.1}
    assert parse_yaml(text)[0] == {"keywords": ["on", "off", "yes", "no"], "version": 1.1}


@pytest.mark.parametrize(("replace", "expected"), [
    (("title: Get a license", "title: 1.10"),
     "1:8: error: title: expected text; got the number 1.1 (hint: quote it: '1.10')"),
    (("title: Get a license", "title: 2.0"),
     "1:8: error: title: expected text; got the number 2.0 (hint: quote it: '2.0')"),
    (("title: Get a license", "title: true"), "1:8: error: title: expected text; got true (hint: quote it: 'true')"),
    (("title: Get a license", "title: 1e3"),
     "1:8: error: title: expected text; got the number 1000.0 (hint: quote it: '1e3')"),
    (("title: Get a license", "title: 0x1F"),
     "1:8: error: title: expected text; got the number 31 (hint: quote it: '0x1F')"),
    (("title: Get a license", "title:"),
     "1:7: error: title: expected text; got nothing (hint: write a value after the colon)"),
    (("title: Get a license", "title: ~"),
     "1:8: error: title: expected text; got nothing (hint: write a value after the colon)"),
    (("audience: [business]", "audience: [business]\nkeywords: [2024, 1.10]"),
     "4:12: error: keywords[0]: expected text; got the number 2024 (hint: quote it: '2024')"),
    (("audience: [business]", "audience: [business]\nprocessing_time: {text: 10, max_days: 10}"),
     "4:25: error: processing_time.text: expected text; got the number 10 (hint: quote it: '10')"),
])
def test_number_or_boolean_where_text_is_expected_says_quote_it(check_files, replace, expected):
    problems = check_files({SVC: SERVICE.replace(*replace)})
    assert problems[0] == f"{SVC}:{expected}"


def test_phone_number_written_as_a_number(check_files):
    assert check_files({AGY: AGENCY.replace("phone: 555-010-1000", "phone: 5550101000")}) == [
        f"{AGY}:6:10: error: contact.phone: expected text; got the number 5550101000 (hint: quote it: '5550101000')"]


# -- sizes and shapes that could hang or crash a naive checker

def test_values_nested_too_deeply(check_files):
    deep = "title: " + "[" * 30 + "]" * 30 + "\n"
    assert check_files({SVC: deep}) == [
        f"{SVC}:1:28: error: values are nested more than 20 levels deep (hint: check the indentation and the brackets)"]


def test_block_nesting_beyond_the_recursion_limit(check_files):
    deep = "title:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 995))
    problems = check_files({SVC: deep})
    assert len(problems) == 1 and problems[0].startswith(f"{SVC}:") and ": error: " in problems[0]


def test_a_megabyte_of_unclosed_link_labels_is_checked_quickly(check_files):
    bad = SERVICE + "description: |\n" + "  [aaaaaaaa\n" * 80_000
    started = time.perf_counter()
    # Refused now for its shape (tests/hostile/test_markdown.py), and still quickly.
    assert check_files({SVC: bad}) == [
        f"{SVC}:9:3: error: description: a paragraph or list runs over 100 lines with no blank line "
        "(hint: put a blank line between paragraphs, or split the list)"]
    assert time.perf_counter() - started < 10  # the old unbounded pattern took minutes


REF_HINT = "(hint: write it like 'pa-dos/register-llc')"


def test_references_of_the_wrong_shape_do_not_crash_the_cross_file_rules(check_files):
    journey = JOURNEY.replace("[acme/get-license]", "[acme/get-license, {a: 1}, [x]]")
    service = SERVICE + "requires: [{a: 1}]\n"
    problems = check_files({JRN: journey, SVC: service})
    assert problems == [
        f"{SVC}:8:12: error: requires[0]: expected a service reference 'agency-id/service-id'; got a mapping "
        f"{REF_HINT}",
        f"{JRN}:6:34: error: steps[0].services[1]: missing required key 'if' (hint: add a line "
        "'if: {location: philadelphia}')",
        f"{JRN}:6:34: error: steps[0].services[1]: missing required key 'service' (hint: add a line "
        "'service: pa-dos/register-llc')",
        f"{JRN}:6:35: error: steps[0].services[1]: unknown key 'a' (hint: allowed keys: service, if)",
        f"{JRN}:6:42: error: steps[0].services[2]: expected text or a mapping of keys to values; got a list "
        "(hint: remove the '- ' in front of its keys: it is one group of keys, not a list)",
    ]


@pytest.mark.parametrize(("amount", "expected"), [
    ("1" + "0" * 400, "must be 1,000,000,000 or less; got the number 1" + "0" * 16 + "..."),
    (".inf", "must be 1,000,000,000 or less; got the number inf"),
])
def test_absurd_fee_amounts(check_files, amount, expected):
    bad = SERVICE + f"fees:\n  - amount: {amount}\n    description: Filing fee\n"
    problems = check_files({SVC: bad})
    assert problems == [f"{SVC}:9:13: error: fees[0].amount: {expected} (hint: write a number of at most 1,000,000,000)"]


def test_control_character_pasted_into_a_file(check_files):
    assert check_files({SVC: SERVICE.replace("Get a license", "Get a\x01license")}) == [
        f"{SVC}:1:13: error: file contains the character U+0001, which YAML does not allow "
        "(hint: delete it: it is invisible, and often comes with text pasted from another program)"]


def test_a_key_with_a_line_break_is_reported_on_one_line(check_files):
    problems = check_files({AGY: AGENCY + "? \"col\\nour\"\n: blue\n"})
    assert problems == [f"{AGY}:11:3: error: unknown key 'col\\x0aour' (hint: allowed keys: id, name, short_name, "
                        "jurisdiction, description, website, contact, owners)"]


def test_empty_optional_key_may_also_be_removed(check_files):
    assert check_files({SVC: SERVICE + "description:\n"}) == [
        f"{SVC}:8:13: error: description: expected text; got nothing "
        "(hint: write a value after the colon, or remove the line)"]
