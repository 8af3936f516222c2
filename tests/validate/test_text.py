"""Markdown and plain text: no raw HTML, only https/mailto/tel links, no entities that decode to markup (validate/text.py)."""

from __future__ import annotations

from conftest import SERVICE

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


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
