"""A plan is the same in Python (conditions.py, at build time) and in the browser (guide-plan.js): for every
journey that asks questions, of the example site, Riverton and a site made to mix every kind of fee,
and for every combination of answers (each question answered with each of its answers, or not
answered at all), node and Python find the same steps, the same options and the same totals, in
the same words. The answers in the address are read and written as the README says."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, TODAY, site_options, write_tree
from generator.conditions import plan, plan_totals
from generator.formatting import money
from generator.graph import Site
from generator.model import Journey
from generator.pipeline import check
from generator.render import Renderer
from generator.urls import journey_url
from generator.views.guide import guide_data

HERE = Path(__file__).resolve().parent

MIXED_SERVICE = """\
title: {title}
summary: A service with fees of every kind.
audience: [business]
{fees}channels:
  - type: phone
    phone: 555-010-1000
last_reviewed: 2026-10-01
"""
MIXED_FEES = {
    "yearly": ("fees:\n  - {amount: 100, description: Filing}\n  - {amount: 10, per: year, description: Renewal}\n"
               "processing_time: {text: 5 days, max_days: 5}\n"),
    "euro": "fees:\n  - {amount: 50, currency: EUR, description: Fee}\nprocessing_time: {text: 2 days, max_days: 2}\n",
    "per-item": ("fees:\n  - {amount: 25, per: item, description: Each tank}\n"
                 "  - {amount: 5, optional: true, description: Fast}\nprocessing_time: {text: 1 day, max_days: 1}\n"),
    "unknown": "",
    "free": "fees: []\nprocessing_time: {text: Right away, max_days: 0}\n",
    "periods": ("fees:\n  - {amount: 12.125, description: Exact half cent}\n  - {amount: 7.5, per: quarter, "
                "description: Quarterly}\n  - {amount: 3, per: month, description: Monthly}\n"
                "processing_time: {text: A month, max_days: 30}\n"),
    "cents": "fees:\n  - {amount: 0.1, description: Dime}\n  - {amount: 0.2, description: Two dimes}\n",
    "euros": ("fees:\n  - {amount: 20, currency: EUR, description: Fee}\n  - {amount: 30, currency: EUR, "
              "description: Other fee}\n  - {amount: 0.5, currency: EUR, description: Stamp}\nprocessing_time: {text: \"1,200 days\", max_days: 1200}\n"),
}
MIXED_JOURNEY = """\
title: Pay every kind of fee
summary: A guide whose answers change which fees add up.
audience: [business]
questions: [kind, extra]
steps:
  - title: Pick one
    choose: one
    services:
      - {service: fees/yearly, if: {kind: a}}
      - {service: fees/euro, if: {kind: b}}
      - {service: fees/euros, if: {kind: [b, c]}}
  - title: All of these
    if: {extra: yes}
    services: [fees/per-item, {service: fees/unknown, if: {kind: [a, c]}}]
  - title: Only without extras
    if: {extra: no, kind: [a, b]}
    services: [fees/free, fees/periods]
  - title: Only if you decide
    when: If you want to
    services: [fees/cents]
  - title: Pick another
    choose: one
    services: [fees/periods, {service: fees/euros, if: {kind: c}}]
  - title: Both answers
    if: {kind: [a, b], extra: yes}
    services: [fees/yearly]
"""
MIXED = {
    "agencies/fees/agency.yml": ("name: Fee Office\njurisdiction: state\ndescription: Charges fees.\n"
                                 "website: https://fees.example.gov/\ncontact:\n  phone: 555-010-1000\n"),
    **{f"agencies/fees/services/{name}.yml": MIXED_SERVICE.format(title=f"Pay the {name} fee", fees=fees)
       for name, fees in MIXED_FEES.items()},
    "journeys/pay-fees.yml": MIXED_JOURNEY,
    "questions/kind.yml": "text: Which kind?\noptions:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
                          "  - {id: c, label: C}\n",
    "questions/extra.yml": "text: Any extras?\ntype: yes_no\n",
}


@pytest.fixture(scope="module")
def node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the parity test needs node 20 (see README)")
    return node


def run_node(node: str, payload: dict[str, Any]) -> dict[str, Any]:
    run = subprocess.run([node, str(HERE / "plan.js")], input=json.dumps(payload), capture_output=True, text=True,
                         timeout=300, cwd=HERE)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def every_answer(journey: Journey, site: Site) -> list[dict[str, str]]:
    """Every combination of answers: each question answered with each of its answers, or not at all."""
    choices = [(None, *site.questions[q].option_ids) for q in journey.questions]
    return [{q: a for q, a in zip(journey.questions, combination) if a is not None}
            for combination in itertools.product(*choices)]


def python_plan(journey: Journey, site: Site, views: Any, answers: dict[str, str]) -> dict[str, Any]:
    planned = plan(journey, answers)
    t = views.totals_view(plan_totals(planned, site.services), journey_url(journey.id))
    return {"states": [s.state for s in planned.steps], "options": [list(s.options) for s in planned.steps],
            "totals": {"fees": t.fees, "feesVary": t.fees_vary, "atLeast": t.at_least, "countedAny": t.counted_any,
                       "recurring": t.recurring, "unknown": [link.ref for link in t.unknown_fees],
                       "uncounted": [link.ref for link in t.uncounted_fees], "days": t.days,
                       "rightAway": t.right_away, "untimed": [link.ref for link in t.untimed]}}


@pytest.fixture(scope="module")
def sites(example, riverton, tmp_path_factory) -> dict[str, Site]:
    mixed = check(write_tree(tmp_path_factory.mktemp("mixed"), MIXED), TODAY)
    assert mixed.site is not None and not mixed.errors, mixed.problems
    return {"example": example.site, "riverton": riverton.site, "mixed": mixed.site}


def test_every_combination_of_answers_gives_the_same_plan_in_python_and_in_the_browser(node, sites):
    cases, expected = [], []
    for site in sites.values():
        renderer = Renderer(site_options(root=REPO))
        views = renderer.views(site)
        for journey in (j for j in site.journeys.values() if j.questions):
            answers = every_answer(journey, site)
            data = guide_data(journey, site.questions, site.services, renderer.words)
            cases.append({"data": json.loads(json.dumps(data)), "answers": answers})
            expected.append([python_plan(journey, site, views, a) for a in answers])
    assert sum(len(c["answers"]) for c in cases) > 500  # the example's restaurant guide alone has 432
    assert len(cases) == 5 + 1 + 1
    got = run_node(node, {"cases": cases, "fragments": [], "answers": [], "money": []})["plans"]
    for case, python, browser in zip(cases, expected, got, strict=True):
        for answers, p, b in zip(case["answers"], python, browser, strict=True):
            assert b == p, (case["data"]["journey"], answers)


def test_the_mixed_site_reaches_every_kind_of_total(sites):
    """The mixed site is there for the totals' every branch: it must reach them."""
    site = sites["mixed"]
    views = Renderer(site_options(root=REPO)).views(site)
    journey = site.journeys["pay-fees"]
    seen = [python_plan(journey, site, views, a)["totals"] for a in every_answer(journey, site)]
    assert {t["atLeast"] for t in seen} == {True, False} and any(t["feesVary"] for t in seen)
    assert any("EUR" in t["fees"] for t in seen) and any("$" in t["fees"] for t in seen)
    assert any("a quarter" in r for t in seen for r in t["recurring"])
    assert any(t["days"] and "1,2" in t["days"] for t in seen) and any(t["untimed"] for t in seen)


def test_money_reads_the_same_in_the_browser(node):
    amounts = [0, 5, 0.125, 0.375, 2.675, 1.005, 12.125, 0.1 + 0.2, 1234567.5, 1_000_000_000, 200.5, 99.995]
    assert run_node(node, {"cases": [], "fragments": [], "answers": [], "money": amounts})["money"] == [
        money(a) for a in amounts]


def test_answers_in_the_address_are_sorted_and_unknown_ones_left_out(node):
    data = {"questions": [{"id": "place", "options": ["shop", "market"]}, {"id": "staff", "options": ["yes", "no"]}]}
    hashes = ["#staff=yes&place=shop", "#place=nowhere&colour=blue", "#step-4", "", "#main-content",
              "#place=shop&place=market", "#place=%73hop", "#place=%E0%A4%A"]
    got = run_node(node, {"cases": [], "fragments": [{"hash": h, "data": data} for h in hashes],
                          "answers": [{"staff": "yes", "place": "shop"}, {}], "money": []})
    assert got["fragments"] == [{"place": "shop", "staff": "yes"}, {}, None, None, None, {"place": "market"},
                                {"place": "shop"}, {}]
    assert got["written"] == ["place=shop&staff=yes", ""]
