"""Page structure that assistive technology relies on, over every page of the built example site.

One h1, no skipped heading levels, the page's language, the four landmarks (none of them empty), link
text that tells links apart, tables with header cells, steps as ordered lists and the current step marked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import REPO
from generator.i18n import load_words

from .gate import sitemap_pages

Check = Callable[[BeautifulSoup], list[str]]


def accessible_name(element: Tag) -> str:
    """A link's or button's accessible name, as far as static HTML tells (aria-label, else its text and alt texts)."""
    if element.get("aria-label"):
        return " ".join(element["aria-label"].split())
    parts = [img.get("alt", "") for img in element.find_all("img")]
    return " ".join(" ".join([element.get_text(" "), *parts]).split())


def one_h1(page: BeautifulSoup) -> list[str]:
    h1s = page.find_all("h1")
    return [] if len(h1s) == 1 else [f"{len(h1s)} h1 elements: {[h.get_text(' ', strip=True) for h in h1s]}"]


def no_skipped_heading_level(page: BeautifulSoup) -> list[str]:
    problems, level = [], 0
    for heading in page.find_all(re.compile(r"^h[1-6]$")):
        new = int(heading.name[1])
        if new > level + 1:
            problems.append(f"h{new} '{heading.get_text(' ', strip=True)}' follows h{level}" if level else
                            f"the first heading is h{new} '{heading.get_text(' ', strip=True)}'")
        level = new
    return problems


def language(page: BeautifulSoup) -> list[str]:
    return [] if re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", page.html.get("lang", "")) else ["<html> has no lang"]


def landmarks(page: BeautifulSoup) -> list[str]:
    problems = []
    body = page.body
    if len(body.find_all("main")) != 1:
        problems.append(f"{len(body.find_all('main'))} <main> elements")
    # A header or footer is a page landmark when it is not inside article, aside, main, nav or section.
    for tag in ("header", "footer"):
        if not [el for el in body.find_all(tag) if not el.find_parent(["article", "aside", "main", "nav", "section"])]:
            problems.append(f"no page-level <{tag}>")
    navs = body.find_all("nav")
    if not navs:
        problems.append("no <nav>")
    names = [nav.get("aria-label") or nav.get("aria-labelledby") for nav in navs]
    if len(navs) > 1 and (None in names or "" in names):
        problems.append("with several <nav> landmarks, each needs a name (aria-label): "
                        + ", ".join(str(nav.get("class")) for nav, n in zip(navs, names) if not n))
    return problems


LANDMARKS = "header, footer, main, nav, aside, section[aria-label], section[aria-labelledby], form[aria-label], [role]"
LANDMARK_ROLES = {"banner", "contentinfo", "main", "navigation", "complementary", "region", "search", "form"}


def no_empty_landmarks(page: BeautifulSoup) -> list[str]:
    """A landmark a screen reader announces must hold something: Material's empty "Table of contents"
    navigation on every page was one."""
    problems = []
    for landmark in page.select(LANDMARKS):
        if landmark.has_attr("role") and landmark["role"] not in LANDMARK_ROLES:
            continue
        if landmark.find_parent(attrs={"hidden": True}) or landmark.has_attr("hidden"):
            continue
        if landmark.get_text(strip=True) or landmark.select_one("a[href], button, input, select, textarea, img[alt]"):
            continue
        name = landmark.get("aria-label") or landmark.get("aria-labelledby") or ""
        problems.append(f"an empty <{landmark.name}> landmark" + (f" '{name}'" if name else ""))
    return problems


def link_text_tells_links_apart(page: BeautifulSoup, url: str) -> list[str]:
    targets: dict[str, set[str]] = {}
    for link in page.find_all("a", href=True):
        if link.find_parent(attrs={"hidden": True}) or link.get("aria-hidden") == "true":
            continue
        name = accessible_name(link)
        if not name:
            targets.setdefault("(no name)", set()).add(link["href"])
            continue
        targets.setdefault(name.lower(), set()).add(urljoin(url, link["href"]))
    return [f"links named '{name}' go to {len(hrefs)} places: {sorted(hrefs)}" for name, hrefs in targets.items()
            if len(hrefs) > 1 or name == "(no name)"]


def tables_have_header_cells(page: BeautifulSoup) -> list[str]:
    return [f"a table without header cells: {table.get_text(' ', strip=True)[:60]}"
            for table in page.find_all("table") if not table.find("th")]


def steps_are_an_ordered_list(page: BeautifulSoup) -> list[str]:
    problems = []
    for steps in page.select("[data-os-steps]"):
        lists = steps.find_all(["ol", "ul"], class_="os-steps__list")
        if [el.name for el in lists] != ["ol"]:
            problems.append("the steps are not one <ol>")
            continue
        items = lists[0].find_all("li", recursive=False)
        if not items or any("os-step" not in (li.get("class") or []) for li in items):
            problems.append("each step must be an <li class='os-step'> of the list")
    return problems


@functools.cache
def _step_words(lang: str) -> re.Pattern[str]:
    """"Step 2 of 13: Register" in the page's language, as the catalogue says it."""
    said = load_words(REPO, lang).gettext("Step %(num)s of %(count)s: %(title)s")
    pattern = re.escape(said)
    for name, value in (("num", r"\d+"), ("count", r"\d+"), ("title", ".+")):
        pattern = pattern.replace(re.escape(f"%({name})s"), value)
    return re.compile(pattern)


def current_step_is_marked(page: BeautifulSoup) -> list[str]:
    problems = []
    words = _step_words(page.html.get("lang", "en") if page.html else "en")
    for box in page.select(".os-part-of"):
        current = box.select('[aria-current="step"]')
        if len(current) != 1 or not words.fullmatch(current[0].get_text(" ", strip=True)):
            problems.append(f"'{box.get('aria-label')}' must mark its one current step with aria-current=\"step\"")
    return problems


CHECKS: list[Check] = [one_h1, no_skipped_heading_level, language, landmarks, no_empty_landmarks,
                       tables_have_header_cells, steps_are_an_ordered_list, current_step_is_marked]


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, BeautifulSoup]:
    found = {}
    for path in sitemap_pages(built_site):
        file = built_site / path.lstrip("/") / ("index.html" if path.endswith("/") else "")
        found[path] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return found


def test_every_page_is_checked(pages, built_site):
    # Every page of the sitemap, and each language's 404.html.
    assert len(pages) == len(re.findall("<loc>", (built_site / "sitemap.xml").read_text())) + 2
    kinds = {"/", "/journeys/", "/services/", "/agencies/", "/accessibility/", "/calendar/", "/404.html"}
    assert kinds <= set(pages) and {"/es" + k for k in kinds} <= set(pages)
    assert sum(p.startswith("/services/") and p.count("/") == 4 for p in pages) >= 30


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_structure_of_every_page(pages, check):
    problems = [f"{path}: {problem}" for path, page in pages.items() for problem in check(page)]
    assert problems == []


def test_link_text_tells_links_apart_on_every_page(pages):
    problems = [f"{path}: {problem}" for path, page in pages.items()
                for problem in link_text_tells_links_apart(page, "https://site.test" + path)]
    assert problems == []


def test_pages_the_checks_rely_on_are_there(pages):
    """The ordered-list and current-step checks pass on pages that have steps, not on pages that have none."""
    journeys = [p for p in pages.values() if p.select("[data-os-steps]")]
    part_of = [p for p in pages.values() if p.select(".os-part-of")]
    tables = [p for p in pages.values() if p.find("table")]
    assert len(journeys) >= 4 and len(part_of) >= 30 and tables
    # The deadlines' sections (and the form of those counted from the start) are on the pages checked.
    deadlines = [p for p in pages.values() if p.select("section.os-deadlines")]
    assert len(deadlines) >= 10 and any(p.select("form[data-os-from-start]") for p in deadlines)


# Each check fails on a page that breaks its rule, with the exact message.

def soup(body: str, lang: str = "en") -> BeautifulSoup:
    return BeautifulSoup(f'<!doctype html><html lang="{lang}"><body>{body}</body></html>', "html.parser")


GOOD = '<header>H</header><nav aria-label="Site"><a href="/">Home</a></nav><main><h1>T</h1></main><footer>F</footer>'


@pytest.mark.parametrize("check, body, lang, expected", [
    (one_h1, "<h1>A</h1><h1>B</h1>", "en", ["2 h1 elements: ['A', 'B']"]),
    (one_h1, "<h2>A</h2>", "en", ["0 h1 elements: []"]),
    (no_skipped_heading_level, "<h1>A</h1><h3>B</h3>", "en", ["h3 'B' follows h1"]),
    (no_skipped_heading_level, "<h2>A</h2>", "en", ["the first heading is h2 'A'"]),
    (language, "<p>x</p>", "", ["<html> has no lang"]),
    (landmarks, "<main><header></header><h1>T</h1></main>", "en",
     ["no page-level <header>", "no page-level <footer>", "no <nav>"]),
    (landmarks, GOOD + '<nav></nav>', "en", ["with several <nav> landmarks, each needs a name (aria-label): None"]),
    (no_empty_landmarks, GOOD + '<nav class="md-nav" aria-label="Table of contents">\n  </nav><aside></aside>', "en",
     ["an empty <nav> landmark 'Table of contents'", "an empty <aside> landmark"]),
    (tables_have_header_cells, "<table><tr><td>1</td></tr></table>", "en", ["a table without header cells: 1"]),
    (steps_are_an_ordered_list, '<div data-os-steps="j"><ul class="os-steps__list"><li class="os-step">1</li></ul></div>',
     "en", ["the steps are not one <ol>"]),
    (current_step_is_marked, '<nav class="os-part-of" aria-label="Part of J"><a href="x">Step 1 of 2: A</a></nav>',
     "en", ["'Part of J' must mark its one current step with aria-current=\"step\""]),
])
def test_each_check_fails_on_a_bad_page(check, body, lang, expected):
    assert check(soup(body, lang)) == expected


def test_a_good_page_passes_every_check():
    page = soup(GOOD)
    assert [problem for check in CHECKS for problem in check(page)] == []


def test_link_text_check_fails_on_two_links_with_one_name():
    page = soup('<a href="/a/">Apply</a><a href="/b/">Apply</a><a href="/a/">Apply</a>'
                '<a href="/c/" aria-label="Apply for C">Apply</a><a href="/d/"><img src="x" alt=""></a>')
    assert link_text_tells_links_apart(page, "https://site.test/") == [
        "links named 'apply' go to 2 places: ['https://site.test/a/', 'https://site.test/b/']",
        "links named '(no name)' go to 1 places: ['/d/']",
    ]
