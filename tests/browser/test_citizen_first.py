"""Citizen-first pages on a phone (390 x 844 CSS px), over every service page of the example site and
of the Riverton fixture, and every guide:

- the way in (the one button, or for a service that cannot be done online the link to its ways) is
  on the first screen, before any scrolling;
- the h1 is bold and near black (or near white, in the dark scheme): a contrast of at least 7:1;
- every checkbox and radio button is a target of at least 24 x 24 px (WCAG 2.2, 2.5.8);
- the first 20 Tab stops are each on screen and visible (the closed menu is out of the Tab order,
  and its button is a real button Tab reaches);
- no landmark is empty (Material's empty "Table of contents" is gone);
- a printout says the site's name, the page's address and the day it is printed.

Each check is shown to fail on a page that breaks it (the last tests).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import RIVERTON, copy_site, serve

from .test_keyboard import FOCUSED

PHONE = {"width": 390, "height": 844}
TAB_STOPS = 20
MIN_TARGET = 24
MIN_H1_CONTRAST = 7.0

# The way in: its first link or button, and where it is with the page at its top.
WAY_IN = """() => {
  const target = document.querySelector('.os-way-in a.os-button, .os-way-in a');
  if (!target) return null;
  const box = target.getBoundingClientRect();
  return {text: target.textContent.trim(), top: box.top, bottom: box.bottom, height: innerHeight,
          visible: box.width > 0 && box.height > 0 && getComputedStyle(target).visibility !== 'hidden'};
}"""

# The h1's weight, and its contrast with what is behind it (WCAG's relative luminance).
H1 = """() => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255]);
  };
  const luminance = rgb => {
    const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const h1 = document.querySelector('h1');
  const style = getComputedStyle(h1);
  const back = background(h1);
  const fore = over(parse(style.color), back);
  const [a, b] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
  return {weight: parseInt(style.fontWeight, 10), size: parseFloat(style.fontSize), contrast: (a + 0.05) / (b + 0.05)};
}"""

# Every checkbox and radio button a person can use, and the size of what they tap: the box itself,
# or, for a box drawn by its label (the theme's colour scheme switch), the label.
TARGETS = """() => {
  const shown = el => { const b = el.getBoundingClientRect();
    return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden], [inert]'); };
  const found = [];
  for (const input of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
    if (getComputedStyle(input).display === 'none' || input.closest('[hidden], [inert]')) continue;
    const box = input.getBoundingClientRect();
    const drawn = box.width > 2 && box.height > 2;
    const targets = drawn ? [input] : [...input.labels].filter(shown);
    for (const t of targets) {
      const b = t.getBoundingClientRect();
      found.push({id: input.id || input.name, by: t === input ? 'box' : 'label', width: b.width, height: b.height});
    }
  }
  return found;
}"""

# Landmarks as the browser shows them: each that is rendered must hold something to read or use.
EMPTY_LANDMARKS = """() => [...document.querySelectorAll(
    'header, footer, main, nav, aside, section[aria-label], section[aria-labelledby], form[aria-label], ' +
    '[role=banner], [role=contentinfo], [role=main], [role=navigation], [role=complementary], [role=region], [role=search]')]
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .filter(el => !el.innerText.trim() && !el.querySelector('a[href], button, input, select, textarea, img[alt]:not([alt=""])'))
  .map(el => el.tagName.toLowerCase() + (el.getAttribute('aria-label') ? '[' + el.getAttribute('aria-label') + ']' : ''))"""


def service_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("services/*/*/index.html"))


def journey_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("journeys/*/index.html"))


@pytest.fixture(scope="module")
def riverton_site(tmp_path_factory):
    """The Riverton fixture, built with this repository's theme, served on 127.0.0.1."""
    root = copy_site(RIVERTON, tmp_path_factory.mktemp("riverton-citizen") / "repo")
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28"],
                         cwd=root, capture_output=True, text=True, timeout=300,
                         env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stdout + run.stderr
    with serve(root / "site") as url:
        yield root / "site", url


@dataclass(frozen=True)
class Built:
    folder: Path
    url: str
    """Where it is served on 127.0.0.1."""
    name: str
    public: str
    """Its site_url."""
    services: int
    """How many service pages it has, at least."""


@pytest.fixture(params=["example", "riverton"])
def site(request, built_site, site_url) -> Built:
    """The example site, then the Riverton fixture."""
    if request.param == "example":
        return Built(built_site, site_url, "Pennsylvania Business One-Stop Shop (example)", "https://onestop.example.gov/",
                     40)
    folder, url = request.getfixturevalue("riverton_site")
    return Built(folder, url, "Riverton Business Hub", "https://hub.riverton.example.gov/", 6)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_the_way_in_is_on_the_first_screen_of_every_service_page(phone, site):
    folder, url = site.folder, site.url
    pages = service_pages(folder)
    late = []
    for path in pages:
        phone.goto(url + path)
        way_in = phone.evaluate(WAY_IN)
        if way_in is None or not way_in["visible"] or way_in["bottom"] > way_in["height"]:
            late.append(f"{path}: {way_in}")
    assert late == []
    assert len(pages) >= site.services


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_h1_is_bold_and_high_contrast(browser, site, scheme):
    folder, url = site.folder, site.url
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    weak = []
    for path in [*service_pages(folder), *journey_pages(folder), ""]:
        page.goto(url + path)
        h1 = page.evaluate(H1)
        if h1["weight"] < 700 or h1["contrast"] < MIN_H1_CONTRAST or h1["size"] < 28:
            weak.append(f"{path or '/'}: {h1}")
    context.close()
    assert weak == []


def test_every_checkbox_and_radio_is_a_big_enough_target(phone, site):
    folder, url = site.folder, site.url
    small, seen = [], 0
    for path in [*journey_pages(folder), *service_pages(folder)]:
        phone.goto(url + path)
        for target in phone.evaluate(TARGETS):
            seen += 1
            if target["width"] < MIN_TARGET or target["height"] < MIN_TARGET:
                small.append(f"{path}: {target}")
    assert small == []
    assert seen > len(journey_pages(folder)) * 3  # the guides' "done" boxes and the colour switch were measured


def tab_stops(page, count: int) -> list[dict]:
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if now is not None and not now["visible"]:  # smooth scrolling: look again once it has moved
            page.wait_for_timeout(300)
            now = page.evaluate(FOCUSED)
        stops.append(now or {"text": "(nothing)", "visible": False, "ring": False})
    return stops


def test_the_first_tab_stops_on_a_phone_are_each_on_screen(phone, site):
    folder, url = site.folder, site.url
    hidden = []
    for path in [*service_pages(folder), *journey_pages(folder)]:
        phone.goto(url + path)
        stops = tab_stops(phone, TAB_STOPS)
        hidden += [f"{path}: stop {n + 1} '{s['text']}'" for n, s in enumerate(stops) if not s["visible"] or not s["ring"]]
        assert [s["text"] for s in stops[:2]] == ["Skip to main content", "Menu"], path
    assert hidden == []


def test_the_menu_is_a_button_and_the_closed_menu_is_out_of_the_tab_order(phone, site_url):
    phone.goto(site_url + "services/pa-dos/register-llc/")
    menu = phone.get_by_role("button", name="Menu")
    drawer = phone.locator(".md-sidebar--primary")
    assert menu.get_attribute("aria-expanded") == "false" and drawer.get_attribute("inert") == ""
    assert phone.locator("label.md-header__button[for='__drawer']").count() == 0
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
    phone.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true" and drawer.get_attribute("inert") is None
    phone.wait_for_timeout(300)  # the drawer slides in
    assert phone.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    focused = phone.locator(":focus").bounding_box()
    assert focused and 0 <= focused["x"] < PHONE["width"]  # on screen, in the open drawer
    phone.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false" and drawer.get_attribute("inert") == ""
    assert phone.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"


def test_on_a_wide_screen_the_navigation_is_always_there_and_there_is_no_menu_button(page, site_url):
    page.goto(site_url + "services/pa-dos/register-llc/")
    assert page.locator(".md-sidebar--primary").get_attribute("inert") is None
    assert not page.locator(".os-menu-button").is_visible()
    assert page.locator(".md-sidebar--primary a", has_text="Services A to Z").first.is_visible()


def test_no_page_has_an_empty_landmark(phone, site):
    folder, url = site.folder, site.url
    empty = []
    for path in ["", "journeys/", "services/", "agencies/", "search/", *service_pages(folder)[:8], *journey_pages(folder)]:
        phone.goto(url + path)
        empty += [f"{path or '/'}: {landmark}" for landmark in phone.evaluate(EMPTY_LANDMARKS)]
    assert empty == []


def test_the_site_name_in_the_header_is_whole_at_320_px(browser, site):
    """The header's title wraps rather than being cut ("Pennsylvania Busi..."), and stays the site's name."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ["", service_pages(site.folder)[0], journey_pages(site.folder)[0]]:
        page.goto(site.url + path)
        page.mouse.wheel(0, 600)  # Material would swap in the page's title once the h1 scrolls away
        page.wait_for_timeout(300)
        title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
        assert " ".join(title.inner_text().split()) == site.name
        fits = title.evaluate("""el => { const box = el.getBoundingClientRect(), header = el.closest('.md-header');
            return el.scrollWidth <= el.clientWidth + 1 && box.right <= innerWidth && box.left >= 0
                && box.bottom <= header.getBoundingClientRect().bottom && getComputedStyle(el.closest('.md-header__topic')).opacity === '1'; }""")
        assert fits, path or "/"
    context.close()


def printed_on(day: dt.date) -> str:
    return f"Printed on {day:%B} {day.day}, {day.year}"


def test_a_printout_names_the_site_the_address_and_the_day(page, site):
    folder, url = site.folder, site.url
    today = dt.date.today()
    for path in [service_pages(folder)[0], journey_pages(folder)[0]]:
        page.goto(url + path)
        assert not page.locator(".os-print-header").is_visible()  # on paper only
        page.emulate_media(media="print")
        header = page.locator(".os-print-header")
        assert header.is_visible()
        assert page.locator(".os-print-header__site").inner_text() == site.name
        assert page.locator(".os-print-header__url").inner_text() == site.public + path
        assert page.locator(".os-print-header__date").inner_text() in (
            printed_on(today), printed_on(today - dt.timedelta(days=1)))
        page.emulate_media(media="screen")


# -- each check fails on a page that breaks it

def test_the_checks_see_a_buried_way_in_a_weak_h1_a_small_box_and_an_empty_landmark(phone, site_url):
    phone.goto(site_url + "journeys/start-a-business/")
    phone.evaluate("""() => {
        const h1 = document.querySelector('h1');
        h1.style.fontWeight = '300'; h1.style.color = 'rgba(0, 0, 0, 0.54)';
        document.querySelector('.os-step__done input').style.width = '16px';
        document.querySelector('.os-step__done input').style.height = '16px';
        const empty = document.createElement('nav'); empty.setAttribute('aria-label', 'Table of contents');
        empty.style.height = '10px'; document.querySelector('main').appendChild(empty);
    }""")
    h1 = phone.evaluate(H1)
    assert h1["weight"] == 300 and 4.4 < h1["contrast"] < 4.8
    small = [t for t in phone.evaluate(TARGETS) if t["width"] < MIN_TARGET]
    assert [(t["id"], t["width"]) for t in small] == [("step-1-done", 16)]
    assert phone.evaluate(EMPTY_LANDMARKS) == ["nav[Table of contents]"]

    phone.goto(site_url + "services/irs/get-ein/")
    phone.evaluate("document.querySelector('.os-way-in').style.marginTop = '900px'")
    way_in = phone.evaluate(WAY_IN)
    assert way_in["text"] == "Start at irs.gov" and way_in["bottom"] > way_in["height"]


def test_the_tab_check_sees_focus_going_off_screen(phone, site_url):
    phone.goto(site_url + "services/irs/get-ein/")
    # The breadcrumbs under the sticky header (property by property: the site's policy refuses a style attribute).
    phone.evaluate("() => { const s = document.querySelector('.os-breadcrumbs').style; s.position = 'fixed'; s.top = '0'; }")
    stops = tab_stops(phone, 9)  # skip link, menu, colours, the language switch, search box and button, crumbs
    assert [s["text"] for s in stops if not s["visible"]] == ["Home", "Services A to Z", "Internal Revenue Service"]
