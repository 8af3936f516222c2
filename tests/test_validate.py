"""Every rule of the content contract: a bad fixture, and the exact problem (file, line, column, message)."""

from __future__ import annotations

from conftest import JOURNEY, SERVICE

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


def test_minimal_site_is_clean(check_files):
    assert check_files() == []


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
        f"{AGY}:7:1: error: unknown key 'colour' (hint: allowed keys: id, name, short_name, jurisdiction, "
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


def test_id_breaks_the_slug_rule(check_files):
    assert check_files({SVC: None, "agencies/acme/services/Get_License.yml": SERVICE,
                        JRN: JOURNEY.replace("acme/get-license", "acme/Get_License")}) == [
        "agencies/acme/services/Get_License.yml:1:1: error: file name 'Get_License' is not a valid id: use lowercase "
        "letters, digits and single hyphens, at most 64 characters (hint: rename it to 'get-license')",
        f"{JRN}:6:16: error: steps[0].services[0]: expected a service reference 'agency-id/service-id'; "
        "got 'acme/Get_License'",
    ]


def test_id_key_disagrees_with_file_name(check_files):
    bad = "id: get-permit\n" + SERVICE
    assert check_files({SVC: bad}) == [
        f"{SVC}:1:5: error: id: id 'get-permit' does not match the file name 'get-license' "
        "(hint: make them equal, or remove the id line)",
    ]


def test_two_files_with_one_id(check_files):
    assert check_files({"agencies/acme/services/other.yml": "id: get-license\n" + SERVICE}) == [
        "agencies/acme/services/other.yml:1:1: warning: service 'acme/other' is not part of any journey "
        "(hint: add it to a step in journeys/, so citizens find it on their way)",
        "agencies/acme/services/other.yml:1:5: error: id: id 'get-license' does not match the file name 'other' "
        "(hint: make them equal, or remove the id line)",
        "agencies/acme/services/other.yml:1:5: error: id: two files have the id 'get-license': this one and "
        f"{SVC} (hint: give each file its own id)",
    ]


def test_unknown_service_ref_with_suggestion(check_files):
    bad = JOURNEY.replace("acme/get-license", "acme/get-licence")
    assert check_files({JRN: bad}) == [
        f"{JRN}:6:16: error: steps[0].services[0]: unknown service 'acme/get-licence' "
        "(hint: did you mean 'acme/get-license'?)",
        f"{SVC}:1:1: warning: service 'acme/get-license' is not part of any journey "
        "(hint: add it to a step in journeys/, so citizens find it on their way)",
    ][::-1]


def test_unknown_agency_in_ref(check_files):
    bad = SERVICE + "requires: [nowhere/some-service]\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:8:12: error: requires[0]: unknown service 'nowhere/some-service' (hint: there is no agency 'nowhere')",
    ]


def test_unknown_journey_id(check_files):
    bad = JOURNEY + "related_journeys: [hire-staff]\n"
    assert check_files({JRN: bad}) == [f"{JRN}:7:20: error: related_journeys[0]: unknown journey 'hire-staff'"]


def test_cycle_in_requires_is_named(check_files):
    a = SERVICE + "requires: [acme/b]\n"
    b = SERVICE + "requires: [acme/get-license]\n"
    journey = JOURNEY + "  - title: Then\n    services: [acme/b]\n"
    problems = check_files({SVC: a, "agencies/acme/services/b.yml": b, JRN: journey})
    assert problems == [
        "agencies/acme/services/b.yml:8:12: error: requires[0]: requires forms a cycle: "
        "acme/b -> acme/get-license -> acme/b (hint: a service cannot need itself, even through others; "
        "remove one link)",
        f"{JRN}:6:16: warning: steps[0].services[0]: step 1 lists 'acme/get-license' before its prerequisite "
        "'acme/b' (step 2) (hint: move 'acme/b' to an earlier step)",
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


def test_link_scheme_inside_markdown(check_files):
    bad = SERVICE + "description: |\n  Read the [rules](javascript:alert(1)) first.\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:9:20: error: description: link 'javascript:alert(1' must start with https://, mailto: or tel: "
        "(hint: use the full https:// address of the page)",
    ]


def test_raw_html_in_markdown(check_files):
    bad = SERVICE + "documents:\n  - Your ID\n  - Proof of address <script>alert(1)</script>\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:10:22: error: documents[1]: raw HTML is not allowed: '<script>alert(1)</sc' (hint: agency text "
        "is Markdown only: write **bold**, lists and [link text](https://...))",
    ]


def test_html_entity_that_decodes_to_markup(check_files):
    bad = SERVICE + "description: Fill in &lt;img src=x onerror=alert(1)&gt; here.\n"
    assert check_files({SVC: bad}) == [
        f"{SVC}:8:22: error: description: HTML entity that decodes to markup is not allowed: '&lt;' "
        "(hint: write the character itself, or describe it in words)",
    ]


def test_contact_needs_one_way_in(check_files):
    bad = AGENCY_WITH("").replace("  phone: 555-010-1000\n", "  hours: 9 to 5\n")
    assert check_files({AGY: bad}) == [
        f"{AGY}:6:3: error: contact: contact needs at least one of phone, email, address",
    ]


def test_choose_one_needs_alternatives(check_files):
    bad = JOURNEY + "    choose: one\n"
    assert check_files({JRN: bad}) == [
        f"{JRN}:7:13: error: steps[0].choose: choose: one needs at least two services to choose from "
        "(hint: list the alternatives under services, or remove choose)",
    ]


def test_not_a_real_date(check_files):
    bad = SERVICE.replace("2026-10-01", "2026-02-30")
    assert check_files({SVC: bad}) == [
        f"{SVC}:7:16: error: last_reviewed: '2026-02-30' is not a real date (hint: write it as YYYY-MM-DD, e.g. 2026-01-31)",
    ]


# -- warnings

def test_orphan_service(check_files):
    assert check_files({"agencies/acme/services/extra.yml": SERVICE}) == [
        "agencies/acme/services/extra.yml:1:1: warning: service 'acme/extra' is not part of any journey "
        "(hint: add it to a step in journeys/, so citizens find it on their way)",
    ]


def test_prerequisite_listed_later_in_the_journey(check_files):
    needs = SERVICE + "requires: [acme/register]\n"
    journey = JOURNEY + "  - title: Register\n    services: [acme/register]\n"
    assert check_files({SVC: needs, "agencies/acme/services/register.yml": SERVICE, JRN: journey}) == [
        f"{JRN}:6:16: warning: steps[0].services[0]: step 1 lists 'acme/get-license' before its prerequisite "
        "'acme/register' (step 2) (hint: move 'acme/register' to an earlier step)",
    ]


def test_review_date_over_twelve_months_old(check_files):
    bad = SERVICE.replace("2026-10-01", "2025-11-27")
    assert check_files({SVC: bad}) == [
        f"{SVC}:7:16: warning: last_reviewed: last reviewed 2025-11-27, over 12 months ago "
        "(hint: check the page with the agency and update last_reviewed)",
    ]


def test_review_date_exactly_twelve_months_old_is_fine(check_files):
    assert check_files({SVC: SERVICE.replace("2026-10-01", "2025-11-28")}) == []


def test_review_date_in_the_future(check_files):
    bad = SERVICE.replace("2026-10-01", "2026-12-01")
    assert check_files({SVC: bad}) == [
        f"{SVC}:7:16: warning: last_reviewed: last_reviewed 2026-12-01 is in the future "
        "(hint: use the date the page was checked, on or before 2026-11-28)",
    ]


def test_title_too_long(check_files):
    bad = SERVICE.replace("title: Get a license", "title: " + "Get a license " * 6 + "now")
    assert check_files({SVC: bad}) == [
        f"{SVC}:1:8: warning: title: title is 87 characters; keep it to 80 "
        "(hint: say what the citizen does, starting with a verb)",
    ]


def test_summary_too_long_and_too_hard(check_files):
    summary = ("Organizations contemplating incorporation must demonstrate comprehensive understanding of "
               "administrative obligations, notwithstanding jurisdictional idiosyncrasies, "
               "before submitting documentation electronically.")
    bad = SERVICE.replace("Get the license you need to trade.", summary)
    assert check_files({SVC: bad}) == [
        f"{SVC}:2:10: warning: summary: summary is 212 characters; keep it to 200 "
        "(hint: one sentence; put detail in description)",
        f"{SVC}:2:10: warning: summary: summary reads at US grade 37.5; aim for grade 9 or below "
        "(hint: use shorter sentences and everyday words)",
    ]


def test_every_problem_in_every_file_in_one_run(check_files):
    problems = check_files({
        SVC: SERVICE.replace("type: online", "type: fax"),
        AGY: AGENCY_WITH("").replace("jurisdiction: state", "jurisdiction: country"),
        JRN: JOURNEY.replace("steps:", "stepz:"),
    })
    assert [p.split(": error: ")[0] for p in problems] == [f"{AGY}:2:15", f"{SVC}:5:11", f"{JRN}:1:1", f"{JRN}:4:1"]
    assert problems[0].endswith("jurisdiction: expected one of federal, state, county, municipal; got 'country' "
                                "(hint: did you mean 'county'?)")
