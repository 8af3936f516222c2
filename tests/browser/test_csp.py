"""The Content-Security-Policy in a real browser: the site's own scripts run, nothing else does."""

from __future__ import annotations

import pytest

PAGES = ["", "journeys/", "journeys/start-a-business/", "services/", "services/pa-dos/register-llc/", "agencies/",
         "agencies/pa-dos/", "about/", "accessibility/"]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)  # runs through the DevTools protocol, outside the page's policy
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.console_messages = console  # type: ignore[attr-defined]
    yield page
    context.close()


def _violations(page) -> list[str]:
    reported = page.evaluate("window.__violations")
    in_console = [m for m in page.console_messages if "Content Security Policy" in m]
    return reported + in_console


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_with_no_policy_violation(watched, site_url, path):
    watched.goto(site_url + path)
    watched.wait_for_load_state("networkidle")
    policy = watched.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy.startswith("default-src 'none'; script-src 'self' 'sha256-")
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert _violations(watched) == []


def test_the_sites_own_scripts_still_work(watched, site_url):
    watched.goto(site_url + "journeys/start-a-business/")
    # onestop.js: the step-by-step controls are built by the site's script.
    watched.get_by_role("button", name="Hide all steps").click()
    assert watched.locator(".os-step__panel:visible").count() == 0
    # The theme's inline scripts (hashed): the colour scheme switch stores and applies the choice.
    scheme = watched.locator("body").get_attribute("data-md-color-scheme")
    watched.locator("label[title='Switch to dark mode'], label[aria-label='Switch to dark mode']").first.click()
    assert watched.locator("body").get_attribute("data-md-color-scheme") != scheme
    watched.reload()
    assert watched.locator("body").get_attribute("data-md-color-scheme") != scheme
    # The site's search runs in a worker from the site's assets and fetches the index.
    watched.get_by_role("searchbox", name="Search services and guides").fill("limited liability")
    watched.get_by_role("button", name="Search", exact=True).click()
    first = watched.locator(".os-result").first
    first.wait_for(timeout=15_000)
    assert "limited liability" in watched.locator(".os-results").inner_text().lower()
    assert _violations(watched) == []


def test_injected_script_is_blocked_and_reported(watched, site_url):
    """The control: the policy is really enforced, so the checks above could fail."""
    watched.goto(site_url + "services/pa-dos/register-llc/")
    watched.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = 1";
        document.body.appendChild(script);
        document.body.insertAdjacentHTML("beforeend", '<img src="x.png" onerror="window.__pwned = 1">');
    }""")
    watched.wait_for_timeout(500)
    assert watched.evaluate("typeof window.__injected") == "undefined"
    assert watched.evaluate("typeof window.__pwned") == "undefined"
    reported = watched.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in reported), reported
