"""Guided plans in Debian's Chromium: a citizen answers a guide's questions and gets the steps, options
and totals for their answers; the plan lives in the address, is kept on the device only when asked,
never leaves it, and works by keyboard, with a screen reader, at 320 px, in the dark scheme, in print
and (as every step, with its conditions) without JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import REPO, site_options
from generator.conditions import plan, plan_totals
from generator.render import Renderer
from generator.urls import journey_url

from .test_keyboard import focus_by_tab
from .test_reflow_print_nojs import WIDEST

RESTAURANT = "journeys/open-a-restaurant/"
START = "journeys/start-a-business/"
CLOSE = "journeys/close-a-business/"
ALLEGHENY = {"location": "allegheny"}
PLAN = {"alcohol": "no", "employees": "yes", "food-truck": "yes", "location": "allegheny", "structure": "llc"}


def fragment(answers: dict[str, str]) -> str:
    return "#" + "&".join(f"{k}={v}" for k, v in sorted(answers.items()))


def shown_steps(page) -> list[str]:
    return page.locator(".os-step:visible .os-step__text").all_inner_texts()


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def python_totals(example):
    """The totals box as the template says it for a plan of `answers` (the page's words, in Python)."""
    renderer = Renderer(site_options(root=REPO))
    views = renderer.views(example.site)
    macro = renderer.env.get_template("partials/onestop/totals.html").module.totals  # type: ignore[attr-defined]

    def render(journey_id: str, answers: dict[str, str]) -> str:
        journey = example.site.journeys[journey_id]
        view = views.totals_view(plan_totals(plan(journey, answers), example.site.services), journey_url(journey_id),
                                 for_plan=bool(answers))
        soup = BeautifulSoup(str(macro(view)), "html.parser")
        for hidden in soup.select("[hidden]"):
            hidden.decompose()
        return words(soup.get_text(" "))

    return render


def test_answering_tailors_the_steps_options_and_total(page, site_url, python_totals):
    page.goto(site_url + RESTAURANT)
    assert page.locator(".os-guide__nojs").is_hidden() and page.locator(".os-guide__form").is_visible()
    assert len(shown_steps(page)) == 12
    assert words(page.locator(".os-totals").inner_text()) == python_totals("open-a-restaurant", {})

    page.get_by_label("In Allegheny County, including Pittsburgh").check()
    assert page.evaluate("location.hash") == "#location=allegheny"
    expect(page.get_by_role("status")).to_have_text("Showing 9 of 12 steps for your answers.")
    steps = shown_steps(page)
    assert len(steps) == 9 and "Get a Philadelphia tax account number" not in steps
    assert page.locator(".os-step:visible .os-step__n").all_inner_texts() == [str(n) for n in range(1, 10)]
    assert page.locator("#step-7 .os-step__n").inner_text() == "4"  # numbers close up
    assert page.get_by_role("checkbox", name="I have done step 4").get_attribute("id") == "step-7-done"
    skipped = page.locator(".os-guide__skipped")
    assert skipped.locator("summary").inner_text() == "Steps that do not apply to you (3)"
    first = skipped.locator("li").first
    assert first.locator(".os-guide__skipped-title").text_content() == "Get a Philadelphia tax account number"
    assert first.locator(".os-guide__why").text_content() == "If your restaurant is in Philadelphia"

    food = page.locator("#step-7")
    assert food.locator(".os-step__choose--one").inner_text() == "Do this:"
    assert food.locator(".os-step__choose:not(.os-step__choose--one)").is_hidden()
    assert food.locator(".os-card:visible .os-card__title").all_inner_texts() == [
        "Get a food facility permit in Allegheny County"]
    assert food.locator(".os-card:visible .os-or:visible").count() == 0 and food.locator(".os-card__when:visible").count() == 0
    assert food.locator(".os-guide__skipped-options summary").inner_text() == "Options that do not apply to you (2)"
    # A step with no answer yet for its question shows as it does to everyone.
    assert page.locator("#step-10 .os-step__when").is_visible()
    assert words(page.locator(".os-totals").inner_text()) == python_totals("open-a-restaurant", ALLEGHENY)

    for question, answer in [("alcohol", "no"), ("food-truck", "yes"), ("employees", "yes"), ("structure", "llc")]:
        page.locator(f"#os-q-{question}-{answer}").check()
    expect(page.get_by_role("status")).to_have_text("Showing 7 of 12 steps for your answers.")
    assert page.evaluate("location.hash") == fragment(PLAN)
    assert words(page.locator(".os-totals").inner_text()) == python_totals("open-a-restaurant", PLAN)
    assert "At least $125 for your plan" in page.locator(".os-totals").inner_text()
    # "Show my steps" gives the answers, each with a way to change it.
    page.get_by_role("button", name="Show my steps").click()
    assert page.locator(".os-guide__form").is_hidden()
    rows = page.locator(".os-guide__given-row")
    assert rows.count() == 5
    assert rows.first.inner_text().splitlines()[:2] == ["Where is your business based?",
                                                        "In Allegheny County, including Pittsburgh"]


@pytest.mark.parametrize("answers", [{}, {"location": "philadelphia"}, {"structure": "sole-or-partnership"},
                                     {"location": "elsewhere", "alcohol": "yes", "food-truck": "no"}, PLAN])
def test_the_totals_box_says_what_python_says_for_the_plan(page, site_url, python_totals, answers):
    page.goto(site_url + RESTAURANT + (fragment(answers) if answers else ""))
    assert words(page.locator(".os-totals").inner_text()) == python_totals("open-a-restaurant", answers)


def test_an_address_with_answers_opens_the_same_plan_in_a_fresh_browser(browser, site_url):
    first = browser.new_context()
    page = first.new_page()
    page.goto(site_url + RESTAURANT)
    for question, answer in PLAN.items():
        page.locator(f"#os-q-{question}-{answer}").check()
    address, steps, totals = page.url, shown_steps(page), page.locator(".os-totals").inner_text()
    first.close()

    fresh = browser.new_context()  # nothing stored, nothing shared
    page = fresh.new_page()
    page.goto(address)
    assert shown_steps(page) == steps and page.locator(".os-totals").inner_text() == totals
    assert page.locator(".os-guide__summary").is_visible() and page.locator(".os-guide__form").is_hidden()
    assert page.locator("#os-q-location-allegheny").is_checked()
    page.get_by_role("button", name="Start again").click()
    expect(page.get_by_role("status")).to_have_text("Showing all 12 steps.")
    assert page.evaluate("location.hash") == "" and len(shown_steps(page)) == 12
    assert page.evaluate("document.activeElement.id") == "os-q-location-philadelphia"
    fresh.close()


def test_the_answers_in_the_address_are_sorted_and_unknown_ones_left_out(page, site_url):
    page.goto(site_url + RESTAURANT + "#structure=llc&colour=blue&location=pittsburgh&alcohol=yes")
    assert page.evaluate("location.hash") == "#structure=llc&colour=blue&location=pittsburgh&alcohol=yes"
    assert page.locator(".os-guide__given-row dd:nth-of-type(1)").all_inner_texts() == [
        "Not answered", "As a limited liability company (LLC)", "Yes", "Not answered", "Not answered"]
    page.get_by_role("button", name="Change Will you have employees?").click()
    page.locator("#os-q-employees-no").check()
    assert page.evaluate("location.hash") == "#alcohol=yes&employees=no&structure=llc"


def test_keyboard_only(page, site_url):
    page.goto(site_url + RESTAURANT)
    focus_by_tab(page, "#os-q-location-philadelphia")
    page.keyboard.press("ArrowDown")  # the arrow keys choose within a question, and the plan follows
    assert page.locator("#os-q-location-allegheny").is_checked()
    expect(page.get_by_role("status")).to_have_text("Showing 9 of 12 steps for your answers.")
    focus_by_tab(page, ".os-guide__button")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "os-guide-summary"
    focus_by_tab(page, ".os-guide__change-button")
    assert page.evaluate("document.activeElement.textContent") == "Change Where is your business based?"
    page.keyboard.press("Enter")
    assert page.locator(".os-guide__form").is_visible()
    assert page.evaluate("document.activeElement.id") == "os-q-location-allegheny"
    focus_by_tab(page, ".os-guide__skipped summary")
    page.keyboard.press("Enter")
    assert page.locator(".os-guide__skipped").get_attribute("open") is not None


def test_what_a_screen_reader_says(page, site_url):
    page.goto(site_url + RESTAURANT)
    group = page.get_by_role("group", name="Where is your business based?")
    expect(group).to_have_accessible_description(
        "For a new business, where it will be. Choose where you or your workers work. Philadelphia and Allegheny "
        "County have their own licenses and taxes.")
    assert group.get_by_role("radio").count() == 3
    assert page.get_by_role("group", name="Will you sell or serve beer, wine or liquor?").get_by_role(
        "radio", name="Yes").count() == 1
    assert page.get_by_role("region", name="Find the steps for you").count() == 1
    assert page.get_by_role("checkbox", name="Remember my answers on this device").count() == 1
    status = page.get_by_role("status")
    assert status.get_attribute("role") == "status" and status.inner_text() == ""
    page.get_by_role("radio", name="In Philadelphia").check()
    expect(status).to_have_text("Showing 11 of 12 steps for your answers.")  # no food truck step in Philadelphia
    page.get_by_role("button", name="Show my steps").click()
    assert page.get_by_role("button", name="Change Where is your business based?").count() == 1
    assert page.get_by_role("heading", name="Your answers").count() == 1


def test_remember_and_forget_across_two_guides(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + RESTAURANT)
    page.locator("#os-q-location-allegheny").check()
    kept = "Object.keys(localStorage).filter(k => k.startsWith('onestop:'))"
    assert page.evaluate(kept) == []  # nothing kept unless asked
    page.get_by_label("Remember my answers on this device").check()
    expect(page.get_by_role("status")).to_have_text(
        "Your answers are kept on this device, for every guide that asks the same questions.")
    page.locator("#os-q-alcohol-yes").check()
    assert json.loads(page.evaluate("localStorage.getItem('onestop:answers')")) == {"alcohol": "yes",
                                                                                   "location": "allegheny"}
    page.goto(site_url + START)  # a guide that asks the same location question: it knows the answer
    assert page.evaluate("location.hash") == "#location=allegheny"
    assert page.locator("#os-q-location-allegheny").is_checked()
    assert page.get_by_label("Remember my answers on this device").is_checked()
    assert "Get a Philadelphia tax account number" not in shown_steps(page)
    page.get_by_role("button", name="Change How is your business set up?").click()
    page.locator("#os-q-structure-llc").check()
    assert json.loads(page.evaluate("localStorage.getItem('onestop:answers')")) == {
        "alcohol": "yes", "location": "allegheny", "structure": "llc"}
    page.get_by_role("button", name="Forget my answers").click()
    expect(page.get_by_role("status")).to_have_text("Your answers are no longer kept on this device.")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('answers'))") == []
    assert not page.get_by_label("Remember my answers on this device").is_checked()
    page.goto(site_url + CLOSE)
    assert page.evaluate("location.hash") == "" and page.locator("input[type=radio]:checked").count() == 0
    context.close()


def test_no_request_carries_an_answer_and_nothing_is_a_cookie(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    sent: list[str] = []
    page.on("request", lambda r: sent.append(" ".join([r.url, r.post_data or "", json.dumps(r.headers)])))
    page.goto(site_url + RESTAURANT)
    page.get_by_label("Remember my answers on this device").check()
    for question, answer in PLAN.items():
        page.locator(f"#os-q-{question}-{answer}").check()
    page.reload()
    page.locator("#step-7 .os-card__title:visible").first.click()  # on to a service page, from the plan
    page.wait_for_load_state("networkidle")
    page.goto(site_url + START)
    page.wait_for_load_state("networkidle")
    # (A service's address may name a place, "allegheny-health/...": what must not travel is an answer.)
    answers = {"location=", "structure=", "alcohol=", "employees=", "food-truck", "=allegheny", '"allegheny"', "=llc"}
    assert sent and [r for r in sent if any(a in r for a in answers)] == []
    assert {r.split("/")[2] for r in sent} == {site_url.split("/")[2]}  # and nothing to any other host
    assert context.cookies() == [] and page.evaluate("document.cookie") == ""
    context.close()


def test_without_javascript_every_step_shows_with_its_condition(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + RESTAURANT + fragment(PLAN))
    assert page.locator(".os-guide__nojs").is_visible() and page.locator(".os-guide__form").is_hidden()
    assert len(shown_steps(page)) == 12
    assert page.locator("#step-4 .os-step__when").inner_text() == (
        "Only if it applies to you: If your restaurant is in Philadelphia. You can skip this step otherwise.")
    assert page.locator("#step-7 .os-card__when").all_inner_texts()[1] == (
        "Only if it applies to you: If your answer to “Where is your business based?” is “In Allegheny County, "
        "including Pittsburgh”.")
    assert "Do one of these 3" in page.locator("#step-7").inner_text()
    context.close()


def test_a_broken_data_block_leaves_the_page_as_it_is_without_javascript(page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def broken(route):
        body = route.fetch().text()
        route.fulfill(body=re.sub(r'(<script type="application/json" id="os-guide-data">).*?(</script>)',
                                  r"\1{oops\2", body, flags=re.S), content_type="text/html")

    page.route("**/open-a-restaurant/", broken)
    page.goto(site_url + RESTAURANT + fragment(PLAN))
    assert page.locator(".os-guide__nojs").is_visible() and page.locator(".os-guide__form").is_hidden()
    assert len(shown_steps(page)) == 12 and errors == []


def test_entries_that_name_a_service_show_only_while_it_applies(page, site_url):
    """The deadlines section (another team's) marks each entry with data-os-service; until it is on the
    page, a small section of the same shape is put into the journey page here."""
    section = ('<section class="os-test-deadlines"><ul>'
               '<li data-os-service="pa-lcb/apply-liquor-license">Renew your liquor license</li>'
               '<li data-os-service="pa-dos/register-llc">File your LLC\'s annual report</li>'
               '<li data-os-service="uspto/register-trademark">Renew a trademark (not in this guide)</li>'
               '</ul></section>')

    def with_section(route):
        body = route.fetch().text()
        route.fulfill(body=body.replace('<div class="os-page os-page--journey">',
                                        '<div class="os-page os-page--journey">' + section, 1),
                      content_type="text/html")

    page.route("**/open-a-restaurant/", with_section)
    page.goto(site_url + RESTAURANT)
    entries = page.locator(".os-test-deadlines li")
    assert entries.count() == 3 and all(entries.nth(i).is_visible() for i in range(3))
    page.locator("#os-q-alcohol-no").check()
    page.locator("#os-q-structure-corporation").check()
    assert [entries.nth(i).is_visible() for i in range(3)] == [False, False, True]
    page.locator("#os-q-alcohol-yes").check()
    assert [entries.nth(i).is_visible() for i in range(3)] == [True, False, True]


def test_a_plan_at_320_px_does_not_scroll_sideways(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in (RESTAURANT + fragment(PLAN), START + fragment({"location": "philadelphia"}), RESTAURANT):
        page.goto(site_url + path)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        layout = page.evaluate(WIDEST)
        assert layout["scroll"] <= layout["client"], (path, layout)
    context.close()


CONTRAST = """(selectors) => selectors.map(sel => {
  const el = document.querySelector(sel);
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let bg = el, color = getComputedStyle(el).color;
  while (bg && ['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(bg).backgroundColor)) bg = bg.parentElement;
  const back = bg ? getComputedStyle(bg).backgroundColor : 'rgb(255, 255, 255)';
  const [a, b] = [lum(color), lum(back)].sort((x, y) => y - x);
  return [sel, Math.round((a + 0.05) / (b + 0.05) * 10) / 10];
})"""


def test_a_plan_in_the_dark_scheme_keeps_its_contrast(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + RESTAURANT + fragment(ALLEGHENY))
    page.get_by_role("button", name="Change Where is your business based?").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator(".os-guide__skipped summary").click()
    selectors = [".os-guide__legend", ".os-guide__hint", ".os-guide__answer label", ".os-guide__button",
                 ".os-guide__remember label", ".os-guide__skipped summary", ".os-guide__skipped .os-guide__why",
                 ".os-totals__fees", ".os-guide__status"]
    ratios = dict(page.evaluate(CONTRAST, selectors))
    assert all(ratio >= 4.5 for ratio in ratios.values()), ratios
    context.close()


def test_the_plan_prints_with_your_answers_at_the_top(page, site_url):
    page.goto(site_url + RESTAURANT + fragment(PLAN))
    page.get_by_role("button", name="Change Where is your business based?").click()  # even while changing them
    page.emulate_media(media="print")
    assert page.locator(".os-guide__summary").is_visible() and page.locator(".os-guide__form").is_hidden()
    assert page.locator(".os-guide__keep").is_hidden() and page.locator(".os-guide__change").first.is_hidden()
    assert page.locator(".os-guide__skipped").is_hidden() and page.locator("#step-4").is_hidden()
    assert len(shown_steps(page)) == 7
    assert page.locator(".os-guide__summary").bounding_box()["y"] < page.locator("#step-1").bounding_box()["y"]
    page.goto(site_url + RESTAURANT)  # nothing answered: the whole guide, as every step prints
    page.emulate_media(media="print")
    assert page.locator(".os-guide").is_hidden() and len(shown_steps(page)) == 12


def test_with_answers_the_guide_s_calendar_holds_only_the_services_that_apply(page, site_url, tmp_path):
    """Issue 12 with issue 11: a tailored plan's calendar file is made in the browser from the journey's
    events, with the deadlines of the services for the answers only (nothing sent but the request for
    the site's own events file, which carries no answer)."""
    import icalendar

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + START)
    link = page.locator("section.os-deadlines .os-deadlines__file a")
    whole = link.inner_text()
    assert whole == "Add this guide's dates to your calendar"
    page.goto(site_url + START + fragment({"employees": "no", "location": "allegheny", "structure": "llc"}))
    page.reload()
    expect(link).to_have_text("Add the dates for your answers to your calendar")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "start-a-business-your-deadlines.ics"
    saved = tmp_path / "plan.ics"
    download.value.save_as(saved)
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(saved.read_text()).walk("VEVENT")]
    assert any("(Register a limited liability company (LLC))" in s for s in summaries), summaries
    assert not any("corporation" in s.lower() or "Philadelphia" in s or "withholding" in s.lower() for s in summaries)
    assert all("llc" not in r and "allegheny" not in r for r in requests)  # no answer in any request
    page.get_by_role("button", name="Start again").click()
    expect(link).to_have_text(whole)  # no answers: the guide's own file again
