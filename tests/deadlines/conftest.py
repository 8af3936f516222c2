"""A site with one deadline of each kind, checked and linked, and its calendar files as of TODAY."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import AGENCY, JOURNEY, SERVICE, TODAY, write_tree
from generator.deadlines import calendar_files
from generator.i18n import Words
from generator.pipeline import check

DEADLINES = """\
deadlines:
  - title: File your annual report
    every: year
    due: 09-30
    remind_days: 30
    note: Late reports cost $50.
  - title: File your year-end return
    every: year
    due: 12-31
  - title: File your sales tax return
    every: quarter
    due_day: 20
    remind_days: 7
  - title: File your half-year report
    every: quarter
    interval: 2
    due_day: 15
  - title: Pay the tax you withheld
    every: month
    due_day: 28
  - title: Renew your permit
    every: year
    interval: 2
    due: 04-30
  - title: Renew your license
    every: year
    interval: 5
    from: start
    remind_days: 60
  - title: Check your tank
    every: month
    from: start
"""
"""Each kind of rule: yearly (a year's last day too), quarterly, every two quarters, monthly (the
28th, in February too), every two years, and counted from the start (years and months)."""

BASE = "https://example.gov/"
SERVICE_TEXT = SERVICE.replace("last_reviewed:", DEADLINES + "last_reviewed:")


@pytest.fixture(scope="session")
def deadline_site(tmp_path_factory):
    root = write_tree(tmp_path_factory.mktemp("deadlines"), {
        "agencies/acme/agency.yml": AGENCY, "agencies/acme/services/get-license.yml": SERVICE_TEXT,
        "journeys/start-trading.yml": JOURNEY})
    result = check(root, TODAY)
    assert not result.problems, result.problems
    return result.site


@pytest.fixture(scope="session")
def deadline_files(deadline_site):
    return calendar_files(deadline_site, Words(), "Acme", BASE, TODAY)


def year(first: int) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(first, 1, 1), dt.datetime(first, 12, 31, 23, 59)
