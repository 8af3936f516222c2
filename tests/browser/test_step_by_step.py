"""The journey page works in a real browser: steps show and hide, and "done" marks stay in this browser."""

from __future__ import annotations


def test_steps_are_all_open_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "journeys/start-a-business/")
    panels = page.locator(".os-step__panel")
    assert panels.count() == 13
    assert all(panels.nth(i).is_visible() for i in range(panels.count()))
    assert page.locator(".os-step__toggle").count() == 0
    context.close()


def test_show_hide_and_mark_as_done(page, site_url):
    page.goto(site_url + "journeys/start-a-business/")
    toggle = page.locator("#step-2 .os-step__toggle")
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#step-2-panel").is_visible()
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"

    done = page.get_by_label("I have done step 3")
    done.check()
    assert page.locator("#step-3").get_attribute("class").split().count("os-step--done") == 1
    page.reload()
    assert page.get_by_label("I have done step 3").is_checked()
    assert page.evaluate("localStorage.getItem('onestop:done:start-a-business')") == "[3]"

    hide_all = page.get_by_role("button", name="Hide all steps")
    hide_all.click()
    assert page.locator(".os-step__panel:visible").count() == 0
    page.get_by_role("button", name="Show all steps").click()
    assert page.locator(".os-step__panel:visible").count() == 13


def test_link_to_a_step_opens_it(page, site_url):
    page.goto(site_url + "journeys/start-a-business/")
    page.get_by_role("button", name="Hide all steps").click()
    page.goto(site_url + "journeys/start-a-business/#step-4")
    assert page.locator("#step-4-panel").is_visible()


def test_no_request_leaves_the_site(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    for path in ["", "journeys/start-a-business/", "services/pa-dos/register-llc/", "services/", "agencies/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert hosts == {site_url.split("/")[2]}
    context.close()
