"""Review dates, lengths and reading grade (validate/quality.py)."""

from __future__ import annotations

from conftest import SERVICE

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


def test_not_a_real_date(check_files):
    bad = SERVICE.replace("2026-10-01", "2026-02-30")
    assert check_files({SVC: bad}) == [
        f"{SVC}:7:16: error: last_reviewed: '2026-02-30' is not a real date (hint: write it as YYYY-MM-DD, e.g. 2026-01-31)",
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
