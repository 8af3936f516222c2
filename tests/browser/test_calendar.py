"""The browser's calendar builder on the example site, in Debian's Chromium: "When did you get it?"
makes a calendar file in the browser (Playwright's download event; nothing is requested), by mouse
and by keyboard; a day that is not given is said, on the field; without JavaScript the form stays
hidden and the words say how to count; a guided plan's script can build a journey's calendar from
the deadlines that apply."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

SERVICE = "services/pa-dor/register-sales-tax-license/"
JOURNEY = "journeys/start-a-business/"


def events_of(path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes().decode("utf-8"))
    return {str(e["SUMMARY"]).split(" (")[0]: e for e in cal.walk("VEVENT")}


@pytest.fixture
def requests(page):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_the_day_you_got_it_makes_a_calendar_file(page, site_url, requests, tmp_path):
    page.goto(site_url + SERVICE)
    form = page.locator("form[data-os-from-start]")
    assert form.is_visible()
    page.fill("#os-got-it", "2024-02-29")
    before = len(requests)
    with page.expect_download() as download:
        page.click("form[data-os-from-start] button")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert download.value.suggested_filename == "register-sales-tax-license-deadlines.ics"
    [renew] = events_of(saved).values()
    assert str(renew["SUMMARY"]) == "Renew your sales tax license (Get a Pennsylvania sales tax license)"
    assert renew.decoded("DTSTART") == dt.date(2029, 2, 28)
    assert renew["RRULE"].to_ical() == b"FREQ=YEARLY;INTERVAL=5"
    assert [a.decoded("TRIGGER") for a in renew.walk("VALARM")] == [-dt.timedelta(days=60)]
    assert str(renew["UID"]) == "deadline-2.register-sales-tax-license.pa-dor.20240229@onestop.example.gov"
    assert page.locator(".os-from-start__status").inner_text() == (
        "Your calendar file register-sales-tax-license-deadlines.ics is ready: open it to add the dates to your "
        "calendar.")
    assert requests[before:] == [] or all(u.startswith("blob:") for u in requests[before:])  # nothing is sent
    assert not any("2024" in url for url in requests)


def test_without_a_day_it_says_so_on_the_field(page, site_url):
    page.goto(site_url + SERVICE)
    page.click("form[data-os-from-start] button")
    assert page.locator(".os-from-start__status").inner_text() == "Enter the day you got it, as a full date."
    assert page.get_attribute("#os-got-it", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "os-got-it"


def test_by_keyboard(page, site_url, tmp_path):
    page.goto(site_url + SERVICE)
    page.focus("#os-got-it")
    page.keyboard.type("03152026")  # month, day, year, as the en-US date field takes them
    with page.expect_download() as download:
        page.keyboard.press("Enter")  # in the field: the form's own button
    download.value.save_as(tmp_path / "a.ics")
    assert events_of(tmp_path / "a.ics")["Renew your sales tax license"].decoded("DTSTART") == dt.date(2031, 3, 15)
    for _ in range(6):  # past the field's parts and its date picker, to the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('os-from-start__button')"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Add to your calendar"
    with page.expect_download() as again:
        page.keyboard.press("Space")
    again.value.save_as(tmp_path / "b.ics")
    assert (tmp_path / "b.ics").read_bytes().count(b"BEGIN:VEVENT") == 1


def test_without_javascript_the_words_say_how_to_count(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + SERVICE)
    assert not page.locator("form[data-os-from-start]").is_visible()
    section = page.locator("section.os-deadlines")
    assert "It is due 5 years after the day you got it, and every 5 years after that." in section.inner_text()
    assert page.locator("section.os-deadlines a.os-button").is_visible()  # the fixed-date file needs no script
    context.close()


def test_a_plan_builds_the_calendar_of_the_services_that_apply(page, site_url):
    """What a guided plan's script does: hide the entries of services that do not apply, and build the
    calendar of the rest with window.onestopCalendar."""
    page.goto(site_url + JOURNEY)
    result = page.evaluate("""async () => {
      const apply = new Set(["pa-dos/register-llc"]);
      const section = document.querySelector("[data-os-deadlines]");
      section.querySelectorAll("[data-os-service]").forEach(
        (li) => { li.hidden = !apply.has(li.getAttribute("data-os-service")); });
      const all = await window.onestopCalendar.loadEvents(section.getAttribute("data-os-events"));
      const events = all.fixed.filter((e) => apply.has(e.service));
      return {text: window.onestopCalendar.build(events, {name: "My plan"}), count: all.fixed.length,
              shown: [...section.querySelectorAll("li:not([hidden]) h3")].map((h) => h.textContent)};
    }""")
    assert result["count"] >= 4
    cal = icalendar.Calendar.from_ical(result["text"])
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == [
        "File your LLC's annual report (Register a limited liability company (LLC))"]
    assert result["shown"] == ["File your LLC's annual report"]
