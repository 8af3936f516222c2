"""Each file against its JSON Schema: located, worded problems (validate/schema.py)."""

from __future__ import annotations

from conftest import SERVICE

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


def test_missing_required_key(check_files):
    bad = SERVICE.replace("summary: Get the license you need to trade.\n", "")
    assert check_files({SVC: bad}) == [f"{SVC}:1:1: error: missing required key 'summary' (hint: add a line 'summary: Register an LLC to keep your business apart from your own money.')"]


def test_unknown_key_with_suggestion(check_files):
    bad = SERVICE.replace("summary:", "sumary:")
    assert check_files({SVC: bad}) == [
        f"{SVC}:1:1: error: missing required key 'summary' (hint: add a line 'summary: Register an LLC to keep your business apart from your own money.')",
        f"{SVC}:2:1: error: unknown key 'sumary' (hint: did you mean 'summary'?)",
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
    assert check_files({SVC: bad}) == [f"{SVC}:3:11: error: audience: expected a list; got 'business' "
                                         "(hint: write it as a list: [business])"]


def test_value_outside_allowed_values(check_files):
    bad = SERVICE.replace("type: online", "type: fax")
    assert check_files({SVC: bad}) == [
        f"{SVC}:5:11: error: channels[0].type: expected one of online, in_person, phone, mail, email; got 'fax'"
        " (hint: write one of these words, exactly as written)",
    ]


def test_channel_missing_its_required_key(check_files):
    bad = SERVICE.replace("type: online\n    url: https://acme.example.gov/apply", "type: phone\n    hours: 9 to 5")
    assert check_files({SVC: bad}) == [f"{SVC}:5:5: error: channels[0]: missing required key 'phone' "
                                         "(hint: add a line 'phone: 717-787-1057')"]


def test_channel_key_misspelled(check_files):
    bad = SERVICE.replace("type: online\n    url: https://acme.example.gov/apply", "type: in_person\n    adress: 1 Main St")
    assert check_files({SVC: bad}) == [
        f"{SVC}:5:5: error: channels[0]: missing required key 'address' (hint: add a line 'address: |' and, "
        "under it, indented, each line of the address)",
        f"{SVC}:6:5: error: channels[0]: unknown key 'adress' (hint: did you mean 'address'?)",
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
    assert check_files({SVC: bad}) == [f"{SVC}:9:13: error: fees[0].amount: must be 0 or more; got the number -5 "
                                         "(hint: write a number of 0 or more)"]


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
        "got 'javascript:alert(1)' (hint: write the full address, like https://www.dos.pa.gov/)",
    ]


def test_plain_http_is_refused(check_files):
    bad = AGENCY_WITH("").replace("https://acme.example.gov/", "http://acme.example.gov/")
    assert check_files({AGY: bad}) == [
        f"{AGY}:4:10: error: website: expected a web address starting with https:// (with no spaces, quotes or angle brackets); got 'http://acme.example.gov/' "
        "(hint: write https:// instead of http://: https://acme.example.gov/)",
    ]


def test_contact_needs_one_way_in(check_files):
    bad = AGENCY_WITH("").split("contact:")[0] + "contact:\n  hours: 9 to 5\n"
    assert check_files({AGY: bad}) == [
        f"{AGY}:6:3: error: contact: contact needs at least one of phone, email, address "
        "(hint: add one of them as a key under this one)",
    ]


def test_a_fee_says_how_often_it_is_paid_in_the_words_the_contract_knows(check_files):
    bad = SERVICE + "fees:\n  - amount: 375\n    per: yearly\n    description: Renewal\n  - amount: 50\n    optional: yes\n    description: Late fee\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:10: error: fees[0].per: expected one of year, quarter, month, item; got 'yearly' (hint: did you mean 'year'?)",
        f"{SVC}:13:15: error: fees[1].optional: expected true or false; got 'yes' (hint: write true or false)",
    ]


# -- hints that say the fix in the editor's own words (issue 16)

def test_a_fee_written_with_a_dollar_sign_or_commas(check_files):
    bad = SERVICE + "fees:\n  - amount: $1700\n    description: Filing fee\n  - amount: 1,700\n    description: Copy\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:9:13: error: fees[0].amount: expected a number; got '$1700' "
        "(hint: write 1700: a number without $ or commas)",
        f"{SVC}:11:13: error: fees[1].amount: expected a number; got '1,700' "
        "(hint: write 1700: a number without $ or commas)",
    ]


def test_a_date_written_another_way_is_rewritten(check_files):
    for written, hint in [("9/14/2026", "write 2026-09-14"), ("September 14, 2026", "write 2026-09-14"),
                          ("2026-9-14", "write 2026-09-14"), ("last week", "write it as YYYY-MM-DD, e.g. 2026-01-31")]:
        bad = SERVICE.replace("last_reviewed: 2026-10-01", f"last_reviewed: {written}")
        assert check_files({SVC: bad}) == [
            f"{SVC}:7:16: error: last_reviewed: expected a date written YYYY-MM-DD; got '{written}' (hint: {hint})"]


def test_a_word_where_a_list_is_expected(check_files):
    bad = SERVICE.replace("audience: [business]", "audience: business, nonprofit")
    assert check_files({SVC: bad}) == [
        f"{SVC}:3:11: error: audience: expected a list; got 'business, nonprofit' "
        "(hint: write it as a list: [business, nonprofit])"]


def test_a_processing_time_in_words_shows_the_mapping_form(check_files):
    bad = SERVICE + "processing_time: About 30 days\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:8:18: error: processing_time: expected a mapping of keys to values; got 'About 30 days' "
        "(hint: write it as keys: processing_time: {text: About 30 days, max_days: 30})"]


def test_digits_in_a_web_address_say_what_an_address_is_not_to_quote_it(check_files):
    bad = AGENCY_WITH("").replace("website: https://acme.example.gov/", "website: 5550101000")
    assert check_files({AGY: bad}) == [
        f"{AGY}:4:10: error: website: expected a web address starting with https:// (with no spaces, quotes or "
        "angle brackets); got the number 5550101000 (hint: write the full address, like https://www.dos.pa.gov/)"]
    assert check_files({AGY: bad.replace("5550101000", "www.acme.example.gov")}) == [
        f"{AGY}:4:10: error: website: expected a web address starting with https:// (with no spaces, quotes or "
        "angle brackets); got 'www.acme.example.gov' (hint: add https:// in front: https://www.acme.example.gov)"]


def test_a_known_key_at_the_wrong_level_says_where_it_belongs(check_files):
    bad = SERVICE + "processing_time:\n  text: About 30 days\nmax_days: 30\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:1: error: key 'max_days' is not allowed here: it belongs under processing_time "
        "(hint: move it under processing_time:, lined up with the other keys there)"]
    nested = SERVICE.replace("last_reviewed: 2026-10-01\n", "") + "fees:\n  - amount: 5\n    description: Fee\n" \
        "    last_reviewed: 2026-10-01\n"
    assert check_files({SVC: nested})[1] == (
        f"{SVC}:10:5: error: fees[0]: key 'last_reviewed' is not allowed here: it belongs at the top level of the "
        "file (hint: start it at the beginning of the line, with no spaces before it)")
    url = SERVICE + "url: https://acme.example.gov/\n"
    assert check_files({SVC: url}) == [
        f"{SVC}:8:1: error: key 'url' is not allowed here: it belongs under channels or under legal_basis "
        "(hint: move it under channels:, lined up with the other keys there)"]
