"""The accessibility statement says what standard the site meets, how it is tested (what the gate
really runs) and how to report a problem by phone, email and post."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from .gate import AXE_RUNNER, View, site_views


@pytest.fixture(scope="module")
def statement(built_site) -> str:
    page = BeautifulSoup((built_site / "accessibility" / "index.html").read_text(), "html.parser")
    return " ".join(page.select_one("article").get_text(" ").split())


def test_it_names_the_standard(statement):
    assert "Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA" in statement
    assert "wcag22aa" in AXE_RUNNER.read_text()  # what the gate's axe runner adds to pa11y's WCAG 2.1 rules


def test_it_says_how_the_site_is_tested_as_the_gate_does(statement, built_site):
    for tool in ("axe and HTML CodeSniffer (run by pa11y)", "Nu HTML Checker", "keyboard alone"):
        assert tool in statement
    views = site_views(built_site)
    assert {v.width for v in views} == {1280, 320} and {v.scheme for v in views} == {"light", "dark"}
    # What the gate's plan does (plan.py): every page in the first view, the rest by representatives.
    assert views[0] == View(1280, "light")
    assert "check every page against WCAG 2.2 level AA on a wide screen in the light colour scheme" in statement
    assert ("a page of every kind in every language, and every part of a page that the site uses, on a 320 "
            "pixel wide screen and in the dark colour scheme too") in statement
    assert "every page of the site, not a sample" in statement


def test_it_says_how_to_report_a_problem_by_phone_email_and_post(statement, built_site):
    assert re.search(r"Phone: \d+", statement)
    assert re.search(r"Email: \S+@\S+", statement)
    assert re.search(r"Post: .+ PA \d{5}", statement)
    page = BeautifulSoup((built_site / "accessibility" / "index.html").read_text(), "html.parser")
    assert page.select_one('article a[href^="mailto:"]').get_text() in statement
