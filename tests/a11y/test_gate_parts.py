"""The gate's parts without a browser: which pages, which views, what counts, what the report says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .gate import (
    GateError,
    GateResult,
    Issue,
    View,
    _counts,
    _merge_views,
    _technique_url,
    answered_states,
    browser_plan,
    site_views,
    sitemap_pages,
    write_report,
)
from .plan import Plan, make_plan

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{}
</urlset>"""


def make_site(tmp_path: Path, locs: list[str], pages: list[str], home: str = "<html></html>") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "sitemap.xml").write_text(SITEMAP.format("\n".join(f"<url><loc>{loc}</loc></url>" for loc in locs)))
    for page in pages:
        (tmp_path / page).mkdir(parents=True, exist_ok=True)
        (tmp_path / page / "index.html").write_text(home)
    return tmp_path


def test_pages_come_from_the_sitemap_relative_to_the_home_page(tmp_path):
    site = make_site(tmp_path, ["https://x.gov/onestop/", "https://x.gov/onestop/services/a/b/"], ["", "services/a/b"])
    (site / "404.html").write_text("")
    assert sitemap_pages(site) == ("/", "/services/a/b/", "/404.html")


@pytest.mark.parametrize("locs, pages, message", [
    (None, [], "sitemap.xml: missing; build the site first"),
    ([], [], "sitemap.xml: lists no page"),
    (["https://x.gov/", "https://y.gov/a/"], [""], "sitemap.xml: https://y.gov/a/ is not under the home page https://x.gov/"),
    (["https://x.gov/", "https://x.gov/gone/"], [""], "sitemap.xml: https://x.gov/gone/ has no page in "),
])
def test_a_sitemap_the_gate_cannot_use_is_a_clear_error(tmp_path, locs, pages, message):
    site = make_site(tmp_path, locs or [], pages)
    if locs is None:
        (site / "sitemap.xml").unlink()
    with pytest.raises(GateError) as error:
        sitemap_pages(site)
    assert str(error.value) == f"{site / 'sitemap.xml'}: {message.split(': ', 1)[1]}" + (
        str(site) if message.endswith(" in ") else "")


def test_views_include_dark_only_when_the_theme_offers_it(tmp_path):
    light = make_site(tmp_path / "a", ["https://x.gov/"], [""], '<input data-md-color-scheme="default">')
    dark = make_site(tmp_path / "b", ["https://x.gov/"], [""],
                     '<input data-md-color-scheme="default"><input data-md-color-scheme="slate">')
    assert [v.name for v in site_views(light)] == ["1280px-light", "320px-light"]
    assert [v.name for v in site_views(dark)] == ["1280px-light", "1280px-dark", "320px-light", "320px-dark"]


def every_view_plan(pages: list[str], views: tuple[View, ...]) -> Plan:
    return Plan(tuple(pages), views, tuple((p, v) for v in views for p in pages), {p: "asked for" for p in pages})


def test_browser_plan_for_a_dark_small_view(tmp_path):
    plan = every_view_plan(["/", "/a/"], (View(320, "dark"),))
    config = browser_plan("http://127.0.0.1:9/", plan, {}, "/usr/bin/chromium", ["--no-sandbox"], tmp_path / "out.json")
    assert [(job["url"], job["view"], job["scheme"]) for job in config["jobs"]] == [
        ("http://127.0.0.1:9/", "320px-dark", "dark"), ("http://127.0.0.1:9/a/", "320px-dark", "dark")]
    job = config["jobs"][0]
    assert job["viewport"] == {"width": 320, "height": 640}
    assert job["actions"] == ['wait for element body[data-md-color-scheme="slate"] to be added']
    options = config["options"]
    assert options["standard"] == "WCAG2AA" and options["runners"][1] == "htmlcs"
    assert options["runners"][0].endswith("tests/a11y/axe-wcag22.js")
    assert (options["includeWarnings"], options["includeNotices"]) == (True, False)
    assert config["launch"] == {"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}
    assert config["schemes"] == {"light": [], "dark": ["--force-dark-mode"]}
    assert config["result"] == str(tmp_path / "out.json")
    json.dumps(config)  # written as JSON for run-plan.js


def test_a_guides_answered_state_is_a_page_to_check_and_pa11y_waits_for_the_plan(tmp_path):
    site = make_site(tmp_path / "s", ["https://x.gov/", "https://x.gov/j/", "https://x.gov/k/"], ["", "j/", "k/"],
                     "<p>home</p>")
    data = {"questions": [{"id": "where", "options": ["here", "there"]}, {"id": "alcohol", "options": ["yes", "no"]}]}
    (site / "j" / "index.html").write_text('<script type="application/json" id="os-guide-data">'
                                           f"{json.dumps(data)}</script>")
    assert answered_states(site, sitemap_pages(site)) == ("/j/#alcohol=no&where=there",)
    plan = make_plan(site, ["/j/", "/j/#alcohol=no&where=there"], [View(1280, "light")])
    snapshot = tmp_path / "answered-0.html"
    config = browser_plan("http://127.0.0.1:9/", plan, {"/j/#alcohol=no&where=there": snapshot},
                          "/usr/bin/chromium", [], tmp_path / "out.json")
    pa11y_jobs = [(job["url"], job["actions"]) for job in config["jobs"] if "snapshot" not in job]
    assert pa11y_jobs == [
        ("http://127.0.0.1:9/j/", ['wait for element body[data-md-color-scheme="default"] to be added']),
        ("http://127.0.0.1:9/j/#alcohol=no&where=there",
         ['wait for element body[data-md-color-scheme="default"] to be added',
          "wait for element .os-guide[data-os-answered] to be added"])]
    (snapshot_job,) = (job for job in config["jobs"] if "snapshot" in job)
    assert (snapshot_job["url"], snapshot_job["waitFor"], snapshot_job["snapshot"]) == (
        "http://127.0.0.1:9/j/#alcohol=no&where=there", ".os-guide[data-os-answered]", str(snapshot))


AXE = "/repo/tests/a11y/axe-wcag22.js"


@pytest.mark.parametrize("raw, counts", [
    ({"runner": AXE, "type": "error", "runnerExtras": {"needsFurtherReview": False}}, True),
    ({"runner": AXE, "type": "error", "runnerExtras": {"needsFurtherReview": True}}, True),  # pa11y's default too
    ({"runner": AXE, "type": "warning", "runnerExtras": {"needsFurtherReview": False}}, True),  # moderate impact
    ({"runner": AXE, "type": "warning", "runnerExtras": {"needsFurtherReview": True}}, False),
    ({"runner": "htmlcs", "type": "error"}, True),
    ({"runner": "htmlcs", "type": "warning"}, False),  # "check this by hand"
])
def test_what_fails_the_gate(raw, counts):
    assert _counts(raw) is counts


@pytest.mark.parametrize("code, url", [
    ("WCAG2AA.Principle1.Guideline1_1.1_1_1.H37", "https://www.w3.org/WAI/WCAG22/Techniques/html/H37"),
    ("WCAG2AA.Principle2.Guideline2_4.2_4_1.G1,G123,G124.NoSuchID", "https://www.w3.org/WAI/WCAG22/Techniques/general/G1"),
    ("WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", "https://www.w3.org/WAI/WCAG22/Techniques/html/H91"),
    ("WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", "https://www.w3.org/WAI/WCAG22/Techniques/failures/F68"),
    ("WCAG2AA.Principle1.Guideline1_3.1_3_1.ARIA6", "https://www.w3.org/WAI/WCAG22/Techniques/aria/ARIA6"),
    ("something-else", ""),
])
def test_htmlcs_codes_link_to_the_w3c_technique(code, url):
    assert _technique_url(code) == url


def test_one_issue_per_element_lists_every_view():
    a = Issue("/", "axe", "image-alt", "img", "<img>", "m", "f", ("1280px-light",))
    b = Issue("/", "axe", "image-alt", "img", "<img>", "m", "f", ("320px-dark",))
    other = Issue("/x/", "axe", "image-alt", "img", "<img>", "m", "f", ("320px-dark",))
    assert _merge_views([a, b, other, a]) == (Issue("/", "axe", "image-alt", "img", "<img>", "m", "f",
                                                    ("1280px-light", "320px-dark")), other)


def test_report_of_a_pass_and_a_failure(tmp_path):
    views = (View(1280, "light"), View(320, "light"))
    passed = GateResult(every_view_plan(["/"], views), ("/",), views, frozenset(), ("/",), (), tmp_path, 12.3)
    write_report(passed)
    assert (tmp_path / "report.txt").read_text().splitlines()[1:5] == [
        "Checked: 1 pages with pa11y (axe-core and HTML_CodeSniffer, WCAG 2.2 AA) 1280 px wide, light,",
        "1 of them in every other view (320 px wide, light),", "and every page with the Nu HTML Checker.",
        "Result: PASSED, no problem found (0 problems on 0 pages, 12 s)"]
    issue = Issue("/a/", "vnu", "html-error", "line 3, column 5", "<img>", "No alt.", "make it valid")
    failed = GateResult(every_view_plan(["/", "/a/"], views), ("/", "/a/"), views, frozenset(), ("/", "/a/"),
                        (issue,), tmp_path, 1)
    write_report(failed)
    assert (tmp_path / "report.txt").read_text().splitlines()[4:] == [
        "Result: FAILED (1 problems on 1 pages, 1 s)", "", "/a/", "  [vnu html-error] No alt.",
        "    element: line 3, column 5", "    html:    <img>", "    fix:     make it valid", "",
        "Checked in every view, standing for the other pages (tests/a11y/plan.py says how they are chosen):",
        "  /: asked for", "  /a/: asked for"]
    assert json.loads((tmp_path / "report.json").read_text())["issues"][0]["element"] == "line 3, column 5"
