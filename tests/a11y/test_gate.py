"""The accessibility gate over the example site: every page, every view, zero problems.

Every page is checked in the first view, and the pages that stand for the others (tests/a11y/plan.py)
in every view; the first test proves that this covers every address of the sitemap, every page
type in every language, and every kind of element, in every view.

The report is saved in reports/a11y/ (report.txt to read, report.json for tools, and the browser
plan and its raw result, to rerun by hand with
`.venv/bin/node tests/a11y/run-plan.js reports/a11y/browser-plan.json`
while the site is served at the address it names).
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO, example_repo, serve

from .gate import AXE_RUNNER, GateResult, View, run_browser, run_gate
from .plan import Plan, page_kind

REPORTS = REPO / "reports" / "a11y"


@pytest.fixture(scope="session")
def gate(built_site: Path, site_url: str) -> GateResult:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium (make test does)")
    return run_gate(built_site, site_url, REPORTS, CHROMIUM, CHROMIUM_ARGS)


PAGE_TYPES = {"home", "journeys", "journey", "journey answered", "service", "agencies", "agency", "az", "search",
              "calendar", "markdown", "404"}
"""Every kind of page of the example site: a template's os-page--<type>, a Markdown page, the 404
page, a guide answered. A new template must be added here, so that its pages are planned as a type."""


def test_every_page_of_the_sitemap_is_checked_in_every_view(gate, built_site):
    """Every page in the first view; every page type, language and kind of element in every view."""
    locs = re.findall(r"<loc>https://onestop\.example\.gov(/[^<]*)</loc>", (built_site / "sitemap.xml").read_text())
    assert len(locs) >= 70
    answered = [p for p in gate.pages if "#" in p]  # each guide that asks questions, answered too
    guides = sorted(p for p in locs if re.fullmatch(r"(/es)?/journeys/[^/]+/", p))  # in each language
    assert sorted(p.split("#")[0] for p in answered) == guides and len(guides) == 2 * 5
    for root in ("/", "/es/"):
        assert (root + "journeys/open-a-restaurant/#alcohol=no&employees=no&food-truck=no&location=elsewhere"
                "&structure=sole-or-partnership") in answered
    errors = {"/404.html", "/es/404.html"}  # each language's 404 page
    assert set(gate.pages) == set(locs) | errors | set(answered) and len(gate.pages) == len(locs) + 2 + 10
    assert gate.views == (View(1280, "light"), View(1280, "dark"), View(320, "light"), View(320, "dark"))
    assert gate.tested == set((view.name, page) for page, view in gate.plan.checks)
    assert gate.plan.pages_in(gate.views[0]) == gate.pages
    plan = json.loads((REPORTS / "browser-plan.json").read_text())
    assert plan["options"]["runners"] == [str(AXE_RUNNER), "htmlcs"]
    assert all("runners" not in job and "options" not in job for job in plan["jobs"])  # both runners, every job
    kinds = [page_kind(built_site, page) for page in gate.pages]
    assert {kind.page_type for kind in kinds} == PAGE_TYPES
    for view in gate.views[1:]:
        seen = [kind for kind in kinds if (view.name, kind.page) in gate.tested]
        assert {(k.page_type, k.lang) for k in seen} == {(k.page_type, k.lang) for k in kinds}, view
        assert set().union(*(k.elements for k in seen)) == set().union(*(k.elements for k in kinds)), view
        assert len(seen) < len(kinds) / 2  # the point of the plan: a part of the pages stands for them all
    assert gate.html_checked == gate.pages


def test_no_accessibility_or_html_problem(gate):
    assert gate.passed, "\n" + gate.summary()


def test_the_report_is_saved(gate):
    report = (REPORTS / "report.txt").read_text()
    standing = sorted(gate.plan.why)
    assert report.startswith(
        f"Accessibility gate\nChecked: {len(gate.pages)} pages with pa11y (axe-core and HTML_CodeSniffer, WCAG 2.2 AA) "
        f"1280 px wide, light,\n{len(standing)} of them in every other view (1280 px wide, dark; 320 px wide, light; "
        "320 px wide, dark),\nand every page with the Nu HTML Checker.\n")
    assert "Result: PASSED, no problem found" in report
    assert "  /services/: the az page with the most kinds of element, lang en\n" in report
    assert (REPORTS / "browser-plan.json").is_file() and (REPORTS / "browser-result.json").is_file()


def test_a_large_sites_a_to_z_pages_pass_the_gate(tmp_path):
    """The example site is small enough for a one-page A to Z; a site with a page per letter
    (az_letter_pages_from, see options.py) has two more page types: the letters, and a letter's page,
    numbered when the letter has more than az_page_size services.
    The example site is built that way here, and those pages (and the home page that links to
    them) go through the gate in every view."""
    root = example_repo(tmp_path / "repo")
    config = (root / "mkdocs.yml").read_text()
    assert "\n  - onestop:\n" in config
    (root / "mkdocs.yml").write_text(config.replace(
        "\n  - onestop:\n", "\n  - onestop:\n      az_letter_pages_from: 1\n      az_page_size: 3\n"))
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    pages = ("/", "/services/", "/a-z/r/", "/a-z/r/2/")
    with serve(root / "site") as url:
        result = run_gate(root / "site", url, tmp_path / "report", CHROMIUM, CHROMIUM_ARGS, pages=pages)
    assert result.pages == pages and len(result.tested) == 4 * 4  # asked for: every view
    assert result.passed, "\n" + result.summary()


def test_a_page_that_cannot_be_loaded_fails_the_gate(tmp_path):
    """A page the browser cannot open is a problem in the report, never a page quietly not checked."""
    with socket.socket() as closed:  # a port nothing listens on once it is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    plan = Plan(("/", "/#a=b"), (View(1280, "light"),), (("/", View(1280, "light")),), {})
    snapshot = tmp_path / "answered-0.html"
    tested, issues = run_browser(f"http://127.0.0.1:{port}/", plan, {"/#a=b": snapshot}, tmp_path, CHROMIUM, CHROMIUM_ARGS)
    assert tested == frozenset() and not snapshot.exists()
    assert [(i.page, i.checker, i.rule, i.views) for i in issues] == [
        ("/", "pa11y", "could-not-test", ("1280px-light",)), ("/#a=b", "pa11y", "could-not-snapshot", ("1280px-light",))]
    assert all("ERR_CONNECTION_REFUSED" in issue.message for issue in issues)
