"""Zoom and small screens, no JavaScript, and print, in Debian's Chromium.

- 320 CSS px wide (WCAG 1.4.10 Reflow: the same as 1280 px at 400% zoom): no page scrolls sideways.
- Without JavaScript: every step is open and readable, and the search that cannot work gives way to a
  visible link to the A to Z of services.
- Print: journey and service pages print as a checklist: no navigation, search or footer, every step
  open, and each link's address printed after it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from a11y.gate import sitemap_pages

JOURNEY = "journeys/start-a-business/"
SERVICE = "services/pa-dos/register-llc/"

WIDEST = """() => {
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                  && getComputedStyle(el).position !== 'fixed' && el.getClientRects().length)
    .filter(el => !el.closest('.md-sidebar--primary, .os-visually-hidden'));
  return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
          wide: wide.slice(0, 3).map(el => el.tagName.toLowerCase() + '.' + el.className)};
}"""


def test_no_page_scrolls_sideways_at_320_px(browser, site_url, built_site: Path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    problems, checked = [], 0
    for path in sitemap_pages(built_site):
        page.goto(site_url.rstrip("/") + path)
        layout = page.evaluate(WIDEST)
        checked += 1
        if layout["scroll"] > layout["client"]:
            problems.append(f"{path}: {layout['scroll']} px wide at 320 px ({layout['wide']})")
    context.close()
    assert checked >= 71 and problems == []


def test_the_check_sees_a_page_that_scrolls_sideways(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + SERVICE)
    # The site's Content-Security-Policy refuses injected <style>; the CSSOM is the site's own script's.
    page.evaluate("document.querySelector('.os-lead').style.width = '600px'")
    layout = page.evaluate(WIDEST)
    context.close()
    assert layout["scroll"] > 320 and layout["wide"] == ["p.os-lead"]


@pytest.fixture
def no_js(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_without_javascript_search_gives_way_to_the_a_to_z(browser, site_url, width):
    """The header search is a plain form: without JavaScript it still goes to the search page,
    which then offers the A to Z list of services."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + JOURNEY)
    box = page.get_by_role("searchbox", name="Search services and guides")
    assert box.is_visible() and box.bounding_box()["y"] < 160  # under the header, where people look for it
    box.fill("food truck")
    page.get_by_role("button", name="Search", exact=True).click()
    assert page.url == site_url + "search/?q=food+truck"
    fallback = page.get_by_role("link", name="A to Z list of all 43 services")
    assert fallback.is_visible()
    fallback.click()
    assert page.url == site_url + "services/" and page.locator("h1").inner_text() == "Services A to Z"
    context.close()


def test_with_javascript_the_search_box_is_there_too(page, site_url):
    page.goto(site_url + JOURNEY)
    assert page.get_by_role("searchbox", name="Search services and guides").is_visible()


def test_without_javascript_every_step_is_open_and_readable(no_js, site_url):
    no_js.goto(site_url + JOURNEY)
    steps = no_js.locator(".os-step")
    assert steps.count() == 13
    for i in range(steps.count()):
        assert steps.nth(i).locator(".os-step__panel").is_visible()
        title = " ".join(steps.nth(i).locator(".os-step__title").text_content().split())
        assert title.startswith(f"Step {i + 1}: ")
    assert no_js.locator("#step-2-panel").inner_text().startswith("Pick one:")  # real content, not an empty box


def printed(page, url: str) -> None:
    page.goto(url)
    page.emulate_media(media="print")


@pytest.mark.parametrize("path", [JOURNEY, SERVICE])
def test_print_has_no_navigation_search_or_footer(page, site_url, path):
    printed(page, site_url + path)
    for selector in (".md-header", ".md-sidebar--primary", ".os-site-search", ".md-footer", ".os-breadcrumbs", ".os-skip"):
        assert page.locator(selector).evaluate("el => getComputedStyle(el).display") == "none", selector
    assert page.locator("h1").is_visible()


def test_print_opens_every_step_as_a_checklist(page, site_url):
    page.goto(site_url + JOURNEY)
    page.get_by_role("button", name="Hide all steps").click()
    assert page.locator(".os-step__panel:visible").count() == 0
    page.emulate_media(media="print")
    assert page.locator(".os-step__panel:visible").count() == 13
    assert not page.locator(".os-steps__controls").is_visible() and not page.locator(".os-step__toggle-state").first.is_visible()
    boxes = page.locator(".os-step__done input[type=checkbox]")
    assert boxes.count() == 13 and all(boxes.nth(i).is_visible() for i in range(13))


@pytest.mark.parametrize("path", [JOURNEY, SERVICE])
def test_print_shows_where_each_link_goes(page, site_url, path):
    printed(page, site_url + path)
    links = page.locator("article a[href^='http']")
    assert links.count() >= 1
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        after = links.nth(i).evaluate("el => getComputedStyle(el, '::after').content")
        assert after == '" (" attr(href) ")"' or after == f'" ({href})"', (href, after)
    internal = page.locator("article a.os-card__title").first
    full = urljoin(page.url, internal.get_attribute("href"))
    assert full.startswith(site_url + "services/")  # the full address, not ../../
    assert internal.get_attribute("data-os-href") == full
    assert internal.evaluate("el => getComputedStyle(el, '::after').content") == f'" ({full})"'
