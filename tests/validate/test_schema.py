"""Each file against its JSON Schema: located, worded problems (validate/schema.py)."""

from __future__ import annotations

from conftest import SERVICE

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


def test_missing_required_key(check_files):
    bad = SERVICE.replace("summary: Get the license you need to trade.\n", "")
    assert check_files({SVC: bad}) == [f"{SVC}:1:1: error: missing required key 'summary'"]


def test_unknown_key_with_suggestion(check_files):
    bad = SERVICE.replace("summary:", "sumary:")
    assert check_files({SVC: bad}) == [
        f"{SVC}:1:1: error: missing required key 'summary'",
        f"{SVC}:2:1: error: unknown key 'sumary' (did you mean 'summary'?)",
    ]


def test_unknown_key_without_suggestion_lists_allowed_keys(check_files):
    bad = AGENCY_WITH("colour: blue\n")
    assert check_files({AGY: bad}) == [
        f"{AGY}:11:1: error: unknown key 'colour' (hint: allowed keys: id, name, short_name, jurisdiction, "
        "description, website, contact, owners)",
    ]


def AGENCY_WITH(extra: str) -> str:  # noqa: N802 - reads as a constant builder
    from conftest import AGENCY
    return AGENCY + extra


def test_wrong_type(check_files):
    bad = SERVICE.replace("audience: [business]", "audience: business")
    assert check_files({SVC: bad}) == [f"{SVC}:3:11: error: audience: expected a list; got 'business'"]


def test_value_outside_allowed_values(check_files):
    bad = SERVICE.replace("type: online", "type: fax")
    assert check_files({SVC: bad}) == [
        f"{SVC}:5:11: error: channels[0].type: expected one of online, in_person, phone, mail, email; got 'fax'",
    ]


def test_channel_missing_its_required_key(check_files):
    bad = SERVICE.replace("type: online\n    url: https://acme.example.gov/apply", "type: phone\n    hours: 9 to 5")
    assert check_files({SVC: bad}) == [f"{SVC}:5:5: error: channels[0]: missing required key 'phone'"]


def test_channel_key_misspelled(check_files):
    bad = SERVICE.replace("type: online\n    url: https://acme.example.gov/apply", "type: in_person\n    adress: 1 Main St")
    assert check_files({SVC: bad}) == [
        f"{SVC}:5:5: error: channels[0]: missing required key 'address'",
        f"{SVC}:6:5: error: channels[0]: unknown key 'adress' (did you mean 'address'?)",
    ]


def test_channel_key_of_another_channel_type(check_files):
    bad = SERVICE.replace("    url: https://acme.example.gov/apply", "    url: https://acme.example.gov/apply\n    phone: 555-010-1000")
    assert check_files({SVC: bad}) == [
        f"{SVC}:7:5: error: channels[0]: unknown key 'phone' (hint: allowed keys: type, url, note)",
    ]


def test_empty_list_where_one_item_is_needed(check_files):
    bad = SERVICE.replace("channels:\n  - type: online\n    url: https://acme.example.gov/apply", "channels: []")
    assert check_files({SVC: bad}) == [
        f"{SVC}:4:11: error: channels: must not be empty (hint: add an item, or remove the key)",
    ]


def test_negative_fee(check_files):
    bad = SERVICE + "fees:\n  - amount: -5\n    description: Filing fee\n"
    assert check_files({SVC: bad}) == [f"{SVC}:9:13: error: fees[0].amount: must be 0 or more; got the number -5"]


def test_yaml_1_1_number_where_text_is_expected(check_files):
    bad = SERVICE + "keywords: [1.10, on, no]\n"
    # YAML 1.2 rules: 'on' and 'no' stay text; 1.10 is a number, and the hint quotes it as written.
    assert check_files({SVC: bad}) == [
        f"{SVC}:8:12: error: keywords[0]: expected text; got the number 1.1 (hint: quote it: '1.10')",
    ]


def test_url_scheme_must_be_https(check_files):
    bad = SERVICE.replace("url: https://acme.example.gov/apply", "url: javascript:alert(1)")
    assert check_files({SVC: bad}) == [
        f"{SVC}:6:10: error: channels[0].url: expected a web address starting with https:// (with no spaces, quotes or angle brackets); "
        "got 'javascript:alert(1)'",
    ]


def test_plain_http_is_refused(check_files):
    bad = AGENCY_WITH("").replace("https://acme.example.gov/", "http://acme.example.gov/")
    assert check_files({AGY: bad}) == [
        f"{AGY}:4:10: error: website: expected a web address starting with https:// (with no spaces, quotes or angle brackets); got 'http://acme.example.gov/'",
    ]


def test_contact_needs_one_way_in(check_files):
    bad = AGENCY_WITH("").split("contact:")[0] + "contact:\n  hours: 9 to 5\n"
    assert check_files({AGY: bad}) == [
        f"{AGY}:6:3: error: contact: contact needs at least one of phone, email, address",
    ]


def test_a_fee_says_how_often_it_is_paid_in_the_words_the_contract_knows(check_files):
    bad = SERVICE + "fees:\n  - amount: 375\n    per: yearly\n    description: Renewal\n  - amount: 50\n    optional: yes\n    description: Late fee\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:10: error: fees[0].per: expected one of year, quarter, month, item; got 'yearly' (hint: did you mean 'year'?)",
        f"{SVC}:13:15: error: fees[1].optional: expected true or false; got 'yes'",
    ]
