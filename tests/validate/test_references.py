"""Links between files: refs resolve, choose-one has choices, no cycles, prerequisites first, no orphans (validate/references.py)."""

from __future__ import annotations

from conftest import JOURNEY, SERVICE

OTHER = SERVICE.replace("title: Get a license", "title: Get another license")

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
JRN = "journeys/start-trading.yml"


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
    assert check_files({JRN: bad}) == [f"{JRN}:7:20: error: related_journeys[0]: unknown journey 'hire-staff' "
                                       "(hint: write the journey's file name, without .yml)"]


def test_cycle_in_requires_is_named(check_files):
    a = SERVICE + "requires: [acme/b]\n"
    b = OTHER + "requires: [acme/get-license]\n"
    journey = JOURNEY + "  - title: Then\n    services: [acme/b]\n"
    problems = check_files({SVC: a, "agencies/acme/services/b.yml": b, JRN: journey})
    assert problems == [
        "agencies/acme/services/b.yml:8:12: error: requires[0]: requires forms a cycle: "
        "acme/b -> acme/get-license -> acme/b (hint: a service cannot need itself, even through others; "
        "remove one link)",
        f"{JRN}:6:16: warning: steps[0].services[0]: step 1 lists 'acme/get-license' before its prerequisite "
        "'acme/b' (step 2) (hint: move 'acme/b' to an earlier step)",
    ]


def test_choose_one_needs_alternatives(check_files):
    bad = JOURNEY + "    choose: one\n"
    assert check_files({JRN: bad}) == [
        f"{JRN}:7:13: error: steps[0].choose: choose: one needs at least two services to choose from "
        "(hint: list the alternatives under services, or remove choose)",
    ]


def test_orphan_service(check_files):
    assert check_files({"agencies/acme/services/extra.yml": OTHER}) == [
        "agencies/acme/services/extra.yml:1:1: warning: service 'acme/extra' is not part of any journey "
        "(hint: add it to a step in journeys/, so citizens find it on their way)",
    ]


def test_prerequisite_listed_later_in_the_journey(check_files):
    needs = SERVICE + "requires: [acme/register]\n"
    journey = JOURNEY + "  - title: Register\n    services: [acme/register]\n"
    assert check_files({SVC: needs, "agencies/acme/services/register.yml": OTHER, JRN: journey}) == [
        f"{JRN}:6:16: warning: steps[0].services[0]: step 1 lists 'acme/get-license' before its prerequisite "
        "'acme/register' (step 2) (hint: move 'acme/register' to an earlier step)",
    ]
