"""Ids: slugs, equal to their file names, one file per id (validate/ids.py)."""

from __future__ import annotations

from conftest import JOURNEY, SERVICE

OTHER = SERVICE.replace("title: Get a license", "title: Get another license")

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


def test_id_breaks_the_slug_rule(check_files):
    assert check_files({SVC: None, "agencies/acme/services/Get_License.yml": SERVICE,
                        JRN: JOURNEY.replace("acme/get-license", "acme/Get_License")}) == [
        "agencies/acme/services/Get_License.yml:1:1: error: file name 'Get_License' is not a valid id: use lowercase "
        "letters, digits and single hyphens, at most 64 characters (hint: rename it to 'get-license')",
        f"{JRN}:6:16: error: steps[0].services[0]: expected a service reference 'agency-id/service-id'; "
        "got 'acme/Get_License' (hint: write it like 'pa-dos/register-llc')",
    ]


def test_id_key_disagrees_with_file_name(check_files):
    bad = "id: get-permit\n" + SERVICE
    assert check_files({SVC: bad}) == [
        f"{SVC}:1:5: error: id: id 'get-permit' does not match the file name 'get-license' "
        "(hint: make them equal, or remove the id line)",
    ]


def test_two_files_with_one_id(check_files):
    assert check_files({"agencies/acme/services/other.yml": "id: get-license\n" + OTHER}) == [
        "agencies/acme/services/other.yml:1:1: warning: service 'acme/other' is not part of any journey "
        "(hint: add it to a step in journeys/, so citizens find it on their way)",
        "agencies/acme/services/other.yml:1:5: error: id: id 'get-license' does not match the file name 'other' "
        "(hint: make them equal, or remove the id line)",
        "agencies/acme/services/other.yml:1:5: error: id: two files have the id 'get-license': this one and "
        f"{SVC} (hint: give each file its own id)",
    ]
