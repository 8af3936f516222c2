"""Keyboard only: a journey page and a service page, tabbed through from the top as a citizen would.

The first Tab reaches "Skip to main content"; Tab reaches every interactive element, in the order of
the page, each with a visible focus indicator and none hidden under the sticky header; steps show,
hide and are marked as done with Enter and Space, and say so (aria-expanded, a labelled checkbox).
"""

from __future__ import annotations

import itertools

import pytest

JOURNEY = "journeys/start-a-business/"
SERVICE = "services/pa-dos/register-llc/"
PLAN = JOURNEY + "#location=allegheny&structure=llc"
"""The journey as a plan: 'Your answers' with their Change buttons, steps and options left out."""

# Every element Tab should reach: visible, enabled, not taken out of the tab order. Of a guide's group of
# radio buttons Tab reaches one (the one chosen, or else the first); the arrow keys move within the group.
FOCUSABLE = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[hidden], [inert]'))
  .filter(el => { const d = el.closest('details'); return !d || d.open || el.closest('summary'); })  // collapsed
  .filter(el => {
    if (el.type !== 'radio' || !el.closest('.os-guide')) return true;
    const group = [...el.form.querySelectorAll('input[type=radio]')].filter(r => r.name === el.name);
    return el === (group.find(r => r.checked) || group[0]);
  })
  .filter(el => {
    const box = (el.matches('.md-option') ? el.nextElementSibling : el).getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
  })
  .map(el => { el.dataset.osKey ??= Math.random().toString(36).slice(2); return el.dataset.osKey; })"""

# What has focus now, where it sits in the page, and whether a person can see that it has focus.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  el.dataset.osKey ??= Math.random().toString(36).slice(2);
  // A visually hidden radio button (the colour scheme switch) shows its focus on its label.
  const shown = el.matches('.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
    || (style.boxShadow !== 'none' && style.boxShadow !== '');
  // Seen: on screen, and on top at its centre (not under the sticky header or anything else).
  const box = shown.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const onTop = !!top && (shown.contains(top) || top.contains(shown) || top.control === el);
  const all = [...document.querySelectorAll('*')];
  return {key: el.dataset.osKey, index: all.indexOf(el), tag: el.tagName.toLowerCase(),
          text: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
          ring, visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && onTop};
}"""


def tab_through(page, limit: int = 400) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the page; every stop on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if now is None or (stops and now["key"] == stops[0]["key"]):
            return stops
        if not now["visible"]:  # the drawer sliding in, or the search closing: look again once it has moved
            page.wait_for_timeout(500)
            now = page.evaluate(FOCUSED)
        stops.append(now)
    raise AssertionError(f"Tab did not leave the page after {limit} presses")


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("path", [JOURNEY, PLAN, SERVICE])
def test_tab_reaches_everything_in_order_with_visible_focus(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    expected = page.evaluate(FOCUSABLE)
    stops = tab_through(page)
    context.close()

    assert stops[0]["tag"] == "a" and stops[0]["text"] == "Skip to main content"
    reached = [s["key"] for s in stops]
    missed = set(expected) - set(reached)
    assert not missed, f"{len(missed)} elements Tab never reaches"
    assert len(reached) == len(set(reached)), "Tab reached an element twice"
    assert len(stops) >= 30  # the page's own links, not only the header
    out_of_order = [(a["text"], b["text"]) for a, b in itertools.pairwise(stops) if b["index"] < a["index"]]
    assert out_of_order == [], "Tab goes back up the page"
    assert [s["text"] for s in stops if not s["ring"]] == [], "no visible focus indicator"
    assert [s["text"] for s in stops if not s["visible"]] == [], "focus on something that cannot be seen"


def test_skip_link_jumps_to_the_main_content(page, site_url):
    page.goto(site_url + SERVICE)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 50  # on screen once it has focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Home"  # the breadcrumbs come first
    assert page.evaluate("document.activeElement.closest('nav').getAttribute('aria-label')") == "Breadcrumb"


def focus_by_tab(page, selector: str, limit: int = 300) -> None:
    """Tab (never click) until the element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_steps_show_hide_and_done_by_keyboard(page, site_url):
    page.goto(site_url + JOURNEY)
    focus_by_tab(page, ".os-steps__all")
    hide_all = page.locator(":focus")
    assert hide_all.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")
    assert hide_all.get_attribute("aria-expanded") == "false" and hide_all.inner_text() == "Show all steps"
    assert page.locator(".os-step__panel:visible").count() == 0

    page.keyboard.press("Tab")  # the first step's own button
    toggle = page.locator(":focus")
    assert toggle.get_attribute("aria-controls") == "step-1-panel"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("button", name="Get free help to plan your business Show").count() == 1
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#step-1-panel").is_visible()

    focus_by_tab(page, "#step-1-done")
    done = page.locator(":focus")
    assert page.get_by_label("I have done step 1", exact=True).count() == 1
    page.keyboard.press("Space")
    assert done.is_checked()
    assert "os-step--done" in page.locator("#step-1").get_attribute("class").split()
    page.keyboard.press("Space")
    assert not done.is_checked()


def test_colour_scheme_switch_works_by_keyboard(page, site_url):
    page.goto(site_url + SERVICE)
    focus_by_tab(page, ".md-option")
    before = page.evaluate("document.body.dataset.mdColorScheme")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert name in ("Switch to dark mode", "Switch to light mode")
    page.keyboard.press("Enter")
    after = page.evaluate("document.body.dataset.mdColorScheme")
    assert {before, after} == {"default", "slate"}
