"""The accessibility gate over the example site: every page, every view, zero problems.

The report is saved in reports/a11y/ (report.txt to read, report.json for tools, and each view's
pa11y-ci configuration and raw result, to rerun one by hand with
`.venv/bin/node node_modules/pa11y-ci/bin/pa11y-ci.js --config reports/a11y/pa11y-320px-dark.config.json`
while the site is served at the address it names).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO, example_repo, serve

from .gate import GateResult, View, run_gate

REPORTS = REPO / "reports" / "a11y"


@pytest.fixture(scope="session")
def gate(built_site: Path, site_url: str) -> GateResult:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium (make test does)")
    return run_gate(built_site, site_url, REPORTS, CHROMIUM, CHROMIUM_ARGS)


def test_every_page_of_the_sitemap_is_checked_in_every_view(gate, built_site):
    locs = re.findall(r"<loc>https://onestop\.example\.gov(/[^<]*)</loc>", (built_site / "sitemap.xml").read_text())
    assert len(locs) >= 70
    answered = [p for p in gate.pages if "#" in p]  # each guide that asks questions, answered too
    guides = sorted(p for p in locs if p.startswith("/journeys/") and p != "/journeys/")
    assert sorted(p.split("#")[0] for p in answered) == guides
    assert ("/journeys/open-a-restaurant/#alcohol=no&employees=no&food-truck=no&location=elsewhere"
            "&structure=sole-or-partnership") in answered
    assert set(gate.pages) == set(locs) | {"/404.html"} | set(answered) and len(gate.pages) == len(locs) + 1 + 5
    assert gate.views == (View(1280, "light"), View(1280, "dark"), View(320, "light"), View(320, "dark"))
    assert gate.tested == {(view.name, page) for view in gate.views for page in gate.pages}
    assert gate.html_checked == gate.pages


def test_no_accessibility_or_html_problem(gate):
    assert gate.passed, "\n" + gate.summary()


def test_the_report_is_saved(gate):
    report = (REPORTS / "report.txt").read_text()
    assert report.startswith(f"Accessibility gate\nChecked: {len(gate.pages)} pages x 4 views (1280 px wide, light; "
                             "1280 px wide, dark; 320 px wide, light; 320 px wide, dark)")
    assert "Result: PASSED, no problem found" in report
    for view in gate.views:
        assert (REPORTS / f"pa11y-{view.name}.json").is_file() and (REPORTS / f"pa11y-{view.name}.config.json").is_file()


def test_a_large_sites_a_to_z_pages_pass_the_gate(tmp_path):
    """The example site is small enough for a one-page A to Z; a site with a page per letter
    (az_letter_pages_from, see options.py) has two more page types: the letters, and a letter's page,
    numbered when the letter has more than az_page_size services.
    The example site is built that way here, and those pages (and the home page that links to
    them) go through the gate in every view."""
    root = example_repo(tmp_path / "repo")
    config = (root / "mkdocs.yml").read_text()
    assert "\n  - onestop\n" in config
    (root / "mkdocs.yml").write_text(config.replace(
        "\n  - onestop\n", "\n  - onestop:\n      az_letter_pages_from: 1\n      az_page_size: 3\n"))
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    pages = ("/", "/services/", "/a-z/r/", "/a-z/r/2/")
    with serve(root / "site") as url:
        result = run_gate(root / "site", url, tmp_path / "report", CHROMIUM, CHROMIUM_ARGS, pages=pages)
    assert result.pages == pages and len(result.tested) == 4 * 4
    assert result.passed, "\n" + result.summary()
