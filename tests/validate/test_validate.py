"""The whole check: a clean site is clean, and every problem in every file is reported in one run."""

from __future__ import annotations

from conftest import AGENCY, JOURNEY, SERVICE

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


def test_minimal_site_is_clean(check_files):
    assert check_files() == []


def test_every_problem_in_every_file_in_one_run(check_files):
    problems = check_files({
        SVC: SERVICE.replace("type: online", "type: fax"),
        AGY: AGENCY.replace("jurisdiction: state", "jurisdiction: country"),
        JRN: JOURNEY.replace("steps:", "stepz:"),
    })
    assert [p.split(": error: ")[0] for p in problems] == [f"{AGY}:2:15", f"{SVC}:5:11", f"{JRN}:1:1", f"{JRN}:4:1"]
    assert problems[0].endswith("jurisdiction: expected one of federal, state, county, municipal; got 'country' "
                                "(hint: did you mean 'county'?)")
