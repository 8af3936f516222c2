"""The gate can fail: a copy of the Riverton site whose service pages carry deliberately broken markup
(tests/fixtures/a11y-broken/) fails it, on exactly those pages, with each problem found by the
checker and in the view that should find it, and a report that says what and how to fix it.

The gate checks every page in the first view and, in the others, the pages its plan chose to stand
for the rest (tests/a11y/plan.py): a problem is expected in every view the page was checked in,
and at least one broken service page is checked in every view.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, FIXTURES, RIVERTON, copy_site, serve

from .gate import GateResult, Issue, View, run_gate

BROKEN = FIXTURES / "a11y-broken"
ALL_VIEWS = {"1280px-light", "1280px-dark", "320px-light", "320px-dark"}
VNU_NO_ALT = ("An “img” element must have an “alt” attribute, except under certain conditions. For details, "
              "consult guidance on providing text alternatives for images.")


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory) -> Path:
    root = copy_site(RIVERTON, tmp_path_factory.mktemp("broken") / "repo")
    (root / "overrides" / "broken.html").write_text((BROKEN / "broken.html").read_text())
    service = root / "overrides" / "onestop" / "service.html"
    html = service.read_text()
    assert html.count("<h1>") == 1
    service.write_text(html.replace("<h1>{{ service.title }}</h1>", '<h1>{{ service.title }}</h1>\n{% include "broken.html" %}'))
    css = root / "content" / "assets" / "onestop.css"
    css.write_text(css.read_text() + "\n" + (BROKEN / "broken.css").read_text())
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false\n", "  font: false\n" + (BROKEN / "palette.yml").read_text()))
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    return root / "site"


@pytest.fixture(scope="module")
def failed(broken_site: Path, tmp_path_factory) -> GateResult:
    with serve(broken_site) as url:
        return run_gate(broken_site, url, tmp_path_factory.mktemp("reports"), CHROMIUM, CHROMIUM_ARGS)


def service_pages(result: GateResult) -> list[str]:
    return [p for p in result.pages if re.fullmatch(r"/services/[\w-]+/[\w-]+/", p)]


def views_of(result: GateResult, page: str) -> set[str]:
    """The views the plan checked a page in."""
    return {view.name for checked, view in result.plan.checks if checked == page}


def found(result: GateResult, page: str, checker: str, rule: str, element: str = "") -> list[Issue]:
    return [i for i in result.issues if (i.page, i.checker) == (page, checker) and i.rule.endswith(rule)
            and element in i.element + " " + i.html]


def test_the_gate_fails_on_the_broken_pages_only(failed):
    assert not failed.passed
    assert len(service_pages(failed)) == 6
    assert {i.page for i in failed.issues} == set(service_pages(failed))
    assert failed.views == tuple(View(w, s) for w in (1280, 320) for s in ("light", "dark"))
    assert failed.tested == {(v.name, p) for p, v in failed.plan.checks}
    assert all(views_of(failed, page) >= {"1280px-light"} for page in failed.pages)
    assert [page for page in service_pages(failed) if views_of(failed, page) == ALL_VIEWS]


def test_both_runners_find_the_image_without_alt_text_in_every_view_the_page_is_checked_in(failed):
    for page in service_pages(failed):
        (axe,) = found(failed, page, "axe", "image-alt")
        assert set(axe.views) == views_of(failed, page) and axe.html == '<img src="nowhere.png" width="40" height="40">'
        assert axe.message == "Images must have alternative text"
        assert axe.fix.startswith("Ensure <img> elements have alternative text or a role of none or presentation "
                                  "(critical impact): https://dequeuniversity.com/rules/axe/4.11/image-alt")
        (htmlcs,) = found(failed, page, "htmlcs", "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37")
        assert set(htmlcs.views) == views_of(failed, page)
        assert htmlcs.message == ("Img element missing an alt attribute. Use the alt attribute to specify a short "
                                  "text alternative.")
        assert htmlcs.fix == "https://www.w3.org/WAI/WCAG22/Techniques/html/H37"


def test_the_html_checker_names_the_line(failed, broken_site):
    for page in service_pages(failed):
        lines = (broken_site / page.lstrip("/") / "index.html").read_text().splitlines()
        line = next(n for n, text in enumerate(lines, 1) if '<img src="nowhere.png"' in text)
        column = lines[line - 1].index("<img") + 1
        vnu = [(i.message, i.element) for i in found(failed, page, "vnu", "html-error")]
        assert vnu == [(VNU_NO_ALT, f"line {line}, column {column}"),
                       ("The heading “h4” (with computed level 4) follows the heading “h1” (with computed level 1), "
                        "skipping 2 heading levels.", f"line {line + 1}, column {column}")]


def test_moderate_axe_violations_count(failed):
    for page in service_pages(failed):
        (heading,) = found(failed, page, "axe", "heading-order")
        assert heading.message == "Heading levels should only increase by one"
        assert set(heading.views) == views_of(failed, page)


def test_dark_scheme_problems_are_found_in_the_dark_views_only(failed):
    for page in service_pages(failed):
        dark = views_of(failed, page) & {"1280px-dark", "320px-dark"}
        for checker, rule in (("axe", "color-contrast"), ("htmlcs", "G18.Fail")):
            issues = found(failed, page, checker, rule, "os-broken-dark")
            assert [set(issue.views) for issue in issues] == ([dark] if dark else []), issues


def test_small_screen_problems_are_found_at_320_px_only(failed):
    for page in service_pages(failed):
        narrow = views_of(failed, page) & {"320px-light"}
        for checker, rule in (("axe", "color-contrast"), ("htmlcs", "G18.Fail")):
            issues = found(failed, page, checker, rule, "os-broken-narrow")
            assert [set(issue.views) for issue in issues] == ([narrow] if narrow else []), issues


def test_wcag_22_target_size_is_checked(failed):
    for page in service_pages(failed):
        issues = found(failed, page, "axe", "target-size", "os-broken-tiny")
        assert issues and set(issues[0].views) == views_of(failed, page)
        assert issues[0].message == "All touch targets must be 24px large, or leave sufficient space"


def test_the_report_says_page_rule_element_and_fix(failed):
    report = (failed.report_dir / "report.txt").read_text()
    assert "\nResult: FAILED (" in report
    page = next(page for page in service_pages(failed) if views_of(failed, page) == ALL_VIEWS)
    block = report.split(f"\n{page}\n", 1)[1].split("\n\n", 1)[0]
    assert "  [axe image-alt] Images must have alternative text\n" in block
    assert "    element: " in block and '    html:    <img src="nowhere.png" width="40" height="40">' in block
    assert "    fix:     Ensure <img> elements have alternative text" in block
    assert "    seen:    1280 px wide, light; 1280 px wide, dark; 320 px wide, light; 320 px wide, dark" in block
    assert f"  [vnu html-error] {VNU_NO_ALT}\n" in block
    assert failed.summary(limit=5).endswith(f"more lines in {failed.report_dir / 'report.txt'}")
