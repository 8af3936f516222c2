"""Text that hides, turns or forges what it says: invisible and direction-changing characters, named
by their Unicode name (D12); links with a user name before the host, hosts that mix alphabets,
link texts that read as another address (D13); email addresses and mailto: links that carry more
than an address (D14). In every plain-text, Markdown and address field (validate/text.py, links.py)."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile_input import MARKDOWN_FIELDS, URL_FIELDS, _field

from conftest import AGENCY, JOURNEY, SERVICE, TODAY
from generator.markup import MarkdownRenderer, safe_href
from generator.pipeline import check
from generator.validate.text import invisible_character

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"
INVISIBLE = "which is invisible or turns the text around it (hint: delete it: it is invisible, and often comes " \
            "with text pasted from another program)"

PLAIN_FIELDS = [  # (path, file text with {v} for the value, the field's name in the message)
    (AGY, AGENCY.replace("name: Acme Licensing Office", "name: {v}"), "name"),
    (SVC, SERVICE.replace("title: Get a license", "title: {v}"), "title"),
    (SVC, SERVICE.replace("summary: Get the license you need to trade.", "summary: {v}"), "summary"),
    (SVC, SERVICE + "keywords: [{v}]\n", "keywords[0]"),
    (SVC, SERVICE.replace("    url: https://acme.example.gov/apply", "    url: https://acme.example.gov/apply\n"
                          "    note: {v}"), "channels[0].note"),
    (JRN, JOURNEY.replace("  - title: Get your license", "  - title: {v}"), "steps[0].title"),
    (JRN, JOURNEY + "    when: {v}\n", "steps[0].when"),
]


# -- D12: bidi and invisible characters, everywhere

@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200f",
                                  "\u061c", "\ufeff", "\u00ad", "\u2028", "\x1b", "\ue000"])
@pytest.mark.parametrize(("path", "text", "field"), PLAIN_FIELDS)
def test_invisible_characters_in_plain_text_are_named(check_files, char, path, text, field):
    value = json.dumps(f"Acme{char} Office")  # written as an escape: \u202e
    name = unicodedata.name(char, "a control character" if char == "\x1b" else "a private-use character")
    col = _col(text, value) + len('"Acme')  # at the escape itself
    assert [p for p in check_files({path: text.format(v=value)}) if p.startswith(path)] == [
        f"{path}:{_line(text, value)}:{col}: error: {field}: contains U+{ord(char):04X} {name}, {INVISIBLE}"]


def _line(text: str, value: str) -> int:
    return next(n for n, line in enumerate(text.format(v=value).splitlines(), 1) if value in line)


def _col(text: str, value: str) -> int:
    return text.format(v=value).splitlines()[_line(text, value) - 1].index(value) + 1


@pytest.mark.parametrize(("kind", "where"), MARKDOWN_FIELDS + URL_FIELDS)
def test_a_right_to_left_override_in_every_markdown_and_address_field(check_files, kind, where):
    value = "https://acme.example.gov/\u202elmth.exe" if "url" in where or where == "website" \
        else "Bring \u202eyour ID"
    path, text, line, field = _field(kind, where, value)
    problems = [p for p in check_files({path: text}) if p.startswith(path)]
    col = text.splitlines()[line - 1].index(json.dumps(value)) + 2 + len(value.split("\u202e")[0])
    assert problems == [f"{path}:{line}:{col}: error: {field}: contains U+202E RIGHT-TO-LEFT OVERRIDE, {INVISIBLE}"]


def test_a_raw_right_to_left_override_is_located_at_itself(check_files):
    text = SERVICE.replace("title: Get a license", "title: Get a \u202elicense")
    assert check_files({SVC: text}) == [
        f"{SVC}:1:14: error: title: contains U+202E RIGHT-TO-LEFT OVERRIDE, {INVISIBLE}"]


def test_letters_of_every_language_and_tabs_are_fine(check_files):
    text = SERVICE.replace("title: Get a license", 'title: "Obtén una licencia\tpara café, 日本語, ελληνικά"')
    assert check_files({SVC: text}) == []


_REFUSED = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_every_invisible_character_is_found_and_nothing_else(value):
    """The class: every control, format, separator, private-use and unassigned character but tab and
    newline, found by one pass (a regular expression in front of the Unicode categories)."""
    expected = next((i for i, ch in enumerate(value) if ch not in "\t\n" and unicodedata.category(ch) in _REFUSED),
                    None)
    found = invisible_character(value)
    assert (found[0] if found else None) == expected


# -- D13: links that go somewhere other than they say

USERINFO = "(hint: remove the part between https:// and @ (a web address for citizens never has a user name or " \
           "password in it))"


@pytest.mark.parametrize(("kind", "where"), URL_FIELDS)
@pytest.mark.parametrize(("url", "userinfo", "host"), [
    ("https://www.irs.gov@evil.example/login", "www.irs.gov", "evil.example"),
    ("https://user:pass@acme.example.gov/", "user:pass", "acme.example.gov"),
])
def test_a_user_name_before_the_host_in_every_address_field(check_files, kind, where, url, userinfo, host):
    path, text, line, field = _field(kind, where, url)
    col = text.splitlines()[line - 1].index(json.dumps(url)) + 1
    assert [p for p in check_files({path: text}) if p.startswith(path)] == [
        f"{path}:{line}:{col}: error: {field}: address '{url}' has '{userinfo}@' before its host: it goes to {host}, "
        f"not to {userinfo} {USERINFO}"]


@pytest.mark.parametrize(("kind", "where"), MARKDOWN_FIELDS)
def test_a_user_name_before_the_host_in_every_markdown_field(check_files, kind, where):
    value = "Pay at [the IRS](https://www.irs.gov@evil.example/login)."
    path, text, line, field = _field(kind, where, value)
    col = text.splitlines()[line - 1].index("https://www.irs.gov@") + 1
    assert [p for p in check_files({path: text}) if p.startswith(path)] == [
        f"{path}:{line}:{col}: error: {field}: address 'https://www.irs.gov@evil.example/login' has 'www.irs.gov@' "
        f"before its host: it goes to evil.example, not to www.irs.gov {USERINFO}"]


def test_a_host_that_mixes_alphabets_is_warned_about(check_files):
    text = SERVICE.replace("url: https://acme.example.gov/apply", "url: https://аррӏе.com/")
    assert check_files({SVC: text}) == [
        f"{SVC}:6:10: warning: channels[0].url: address 'https://аррӏе.com/' has a host that mixes alphabets "
        "(CYRILLIC, LATIN), as look-alike addresses do (hint: check the address with the agency, and type it again "
        "by hand)"]


def test_a_punycode_host_that_mixes_alphabets_is_warned_about_too(check_files):
    text = SERVICE + "description: See [the rules](https://xn--80ak6aa92e.com/).\n"
    assert check_files({SVC: text}) == [
        f"{SVC}:8:30: warning: description: address 'https://xn--80ak6aa92e.com/' has a host that mixes alphabets "
        "(CYRILLIC, LATIN), as look-alike addresses do (hint: check the address with the agency, and type it again "
        "by hand)"]


def test_hosts_of_one_alphabet_are_fine(check_files):
    text = SERVICE + "description: See [München](https://münchen.de/) and [Россия](https://пример.рф/).\n"
    assert check_files({SVC: text}) == []


def test_a_link_text_that_is_another_address(check_files):
    text = SERVICE + "description: Pay at [https://www.irs.gov/](https://irs-gov.evil.example/).\n"
    assert check_files({SVC: text}) == [
        f"{SVC}:8:21: warning: description: link text 'https://www.irs.gov/' reads as an address, but the link goes "
        "to irs-gov.evil.example (hint: make the words say where the link goes, or write the address it goes to)"]


def test_a_legal_basis_titled_with_another_address(check_files):
    text = SERVICE + "legal_basis:\n  - title: www.legis.state.pa.us\n    url: https://evil.example/\n"
    assert check_files({SVC: text}) == [
        f"{SVC}:9:12: warning: legal_basis[0].title: link text 'www.legis.state.pa.us' reads as an address, but the "
        "link goes to evil.example (hint: make the words say where the link goes, or write the address it goes to)"]


@pytest.mark.parametrize("text", ["[irs.gov](https://www.irs.gov/forms)", "[www.irs.gov](https://irs.gov/)",
                                  "[the IRS](https://evil.example/)", "[Form 1.2](https://acme.example.gov/)",
                                  "[help@acme.example.gov](mailto:help@acme.example.gov)"])
def test_link_texts_that_say_where_they_go_are_fine(check_files, text):
    assert check_files({SVC: SERVICE + f"description: {json.dumps(text)}\n"}) == []


def test_a_link_text_that_is_another_email_address(check_files):
    text = SERVICE + "description: Write to [help@irs.gov](mailto:help@evil.example).\n"
    assert check_files({SVC: text}) == [
        f"{SVC}:8:23: warning: description: link text 'help@irs.gov' reads as an email address, but the link "
        "writes to help@evil.example (hint: make the words the address the link writes to)"]


# -- D14: an email is an address, nothing more

EMAIL_SHAPE = "expected an email address like name@agency.gov, and nothing more (no ?subject=, ?bcc= or %-codes)"


@pytest.mark.parametrize("email", ["help@dos.pa.gov?bcc=harvest%40evil.example&subject=Hi&x=.com",
                                   "help@dos.pa.gov%0ABcc:harvest@evil.example", "help%0A@dos.pa.gov",
                                   "Help help@dos.pa.gov", "help@dos.pa.gov\n"])
def test_an_email_that_carries_more_than_an_address(check_files, email):
    text = AGENCY.replace("  phone: 555-010-1000", f"  email: {json.dumps(email)}")
    assert check_files({AGY: text}) == [
        f"{AGY}:6:10: error: contact.email: {EMAIL_SHAPE}; got {email!r} (hint: write it like 'help@example.gov')"]


@pytest.mark.parametrize(("kind", "where"), MARKDOWN_FIELDS)
@pytest.mark.parametrize("link", ["mailto:a@b.gov?bcc=harvest@evil.example", "mailto:a@b.gov%0ABcc:x@evil.example",
                                  "mailto:a@b.gov,x@evil.example"])
def test_a_mailto_link_that_carries_more_than_an_address(check_files, kind, where, link):
    path, text, line, field = _field(kind, where, f"Write [to us]({link}).")
    col = text.splitlines()[line - 1].index(link) + 1
    assert [p for p in check_files({path: text}) if p.startswith(path)] == [
        f"{path}:{line}:{col}: error: {field}: link '{link}' must be mailto: and an email address, nothing more "
        "(hint: write it as mailto:name@agency.gov, with no ?subject=, ?bcc= or %-codes after it)"]


def test_a_tel_link_is_a_number_alone(check_files):
    text = SERVICE + 'description: "Call [us](tel:+1-717-555-0100;phone-context=evil)."\n'
    assert check_files({SVC: text}) == [
        f"{SVC}:8:25: error: description: link 'tel:+1-717-555-0100;phone-context=evil' must be tel: and a phone "
        "number, nothing more (hint: write it as tel:+17177871057)"]


@pytest.mark.parametrize(("href", "safe"), [
    ("https://acme.example.gov/", True), ("mailto:help@acme.example.gov", True), ("tel:711", True),
    ("https://www.irs.gov@evil.example/", False), ("mailto:a@b.gov?bcc=x@evil.example", False),
    ("mailto:a@b.gov%0Abcc:x", False), ("tel:711;x", False), ("javascript:alert(1)", False)])
def test_the_renderer_drops_such_links_again(href, safe):
    assert safe_href(href) is safe
    html = MarkdownRenderer(plain_subset=False).block(f"[x]({href})")
    assert (f'href="{href}"' in html) is safe


def test_the_checked_site_builds_with_every_refusal_fixed(make_site):
    """The rules above refuse nothing the example content and fixtures write."""
    from conftest import EXAMPLE, RIVERTON

    for root in (EXAMPLE, RIVERTON):
        assert not check(root, TODAY).errors


def test_a_problem_line_never_carries_an_invisible_character(check_files):
    """A key the checker does not know is named in its message: its U+202E is shown as an escape."""
    problems = check_files({AGY: AGENCY + '"col\\u202eour": blue\n'})
    assert problems == [f"{AGY}:11:1: error: unknown key 'col\\u202eour' (hint: allowed keys: id, name, short_name, "
                        "jurisdiction, description, website, contact, owners)"]
