"""The deadlines on the pages (views/deadlines.py and its templates), on the Riverton site: a
service's section, a journey's (in date order, each entry naming its service), the calendar page,
the links from the home and agency pages; open data and JSON-LD."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import TODAY, site_options
from generator.deadlines import calendar_files
from generator.i18n import Words
from generator.opendata import open_data
from generator.render import Renderer


@pytest.fixture(scope="module")
def pages(riverton):
    renderer = Renderer(site_options(site_url="https://hub.example.gov/", today=TODAY))
    return {p.url: BeautifulSoup(p.html, "html.parser") for p in renderer.pages(riverton.site)}


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_a_service_with_a_fixed_date(pages):
    section = pages["services/state-registry/form-company/"].select_one("section.os-deadlines")
    assert text(section.h2) == "After you get it: what you must do next"
    [item] = section.select("li.os-deadline")
    assert not item.has_attr("data-os-service")  # only where it is listed away from its service
    assert text(item) == ("File your company's yearly return Every year by April 15. A late return costs $25. "
                          "The calendar file reminds you 30 days before.")
    link = section.select_one("a.os-button")
    assert link["href"] == "../../../calendar/services/state-registry/form-company.ics" and link.has_attr("download")
    assert text(link) == "Add these dates to your calendar"
    assert section.select_one("form") is None and section.select_one("script[src]") is None  # no script needed
    assert section.find("a", string="deadlines calendar")["href"] == "../../../calendar/"


def test_a_service_counted_from_the_start(pages):
    page = pages["services/riverton-clerk/get-business-license/"]
    section = page.select_one("section.os-deadlines")
    assert text(section.select_one("li.os-deadline")) == (
        "Renew your city license Every year from the day you got it. It is due a year after the day you got it, and "
        "on that day every year after that. The calendar file reminds you 30 days before.")
    assert section.select_one("a.os-button") is None  # no fixed date: the form makes the file
    form = section.select_one("form[data-os-from-start]")
    assert form.has_attr("hidden") and form["data-os-file"] == "get-business-license-deadlines.ics"
    assert text(form.select_one("label[for=os-got-it]")) == "When did you get it?"
    assert form.select_one("input#os-got-it")["type"] == "date"
    assert form.select_one("input#os-got-it")["aria-describedby"] == "os-got-it-hint"
    assert text(form.button) == "Add to your calendar"
    events = json.loads(section.select_one("script#os-calendar-events").string)
    assert events["fixed"] == [] and events["fromStart"] == [{
        "uid": "deadline-1.get-business-license.riverton-clerk@hub.example.gov",
        "summary": "Renew your city license (Get a city business license)",
        "description": "Every year from the day you got it.\nRiverton City Clerk\n"
                       "More: https://hub.example.gov/services/riverton-clerk/get-business-license/",
        "url": "https://hub.example.gov/services/riverton-clerk/get-business-license/", "months": 12,
        "remindDays": 30}]
    words = json.loads(section.select_one("script#os-calendar-words").string)
    assert words == {"needDate": "Enter the day you got it, as a full date.",
                     "ready": "Your calendar file %(file)s is ready: open it to add the dates to your calendar."}
    assert section.select_one("script[src]")["src"] == "../../../assets/calendar.js"


def test_a_service_without_deadlines_has_no_section(pages):
    assert pages["services/riverton-clerk/get-sign-permit/"].select_one(".os-deadlines") is None


def test_a_journey_gathers_its_services_deadlines_in_date_order(pages):
    section = pages["journeys/hire-staff/"].select_one("section.os-deadlines")
    assert text(section.h2) == "After you finish: what you must keep doing"
    items = section.select("li.os-deadline")
    assert [text(i.h3) for i in items] == ["Pay the tax you took from pay", "File your employer return"]
    assert [i["data-os-service"] for i in items] == ["federal-revenue/register-as-employer"] * 2
    assert text(items[1]) == ("File your employer return Every three months, by the 15th of the month after the quarter "
                              "ends. For Register as an employer , from the Federal Revenue Office. The calendar file "
                              "reminds you 7 days before.")
    assert items[1].a["href"] == "../../services/federal-revenue/register-as-employer/"
    assert section.select_one("a.os-button")["href"] == "../../calendar/journeys/hire-staff.ics"
    assert section["data-os-events"] == "../../calendar/journeys/hire-staff.json"
    assert section.select_one("script#os-calendar-events") is None  # in that file: the page stays light
    assert section.select_one("script[src]")["src"] == "../../assets/calendar.js"  # the plan's script builds with it
    order = [text(i.h3) for i in pages["journeys/open-a-shop/"].select("li.os-deadline")]
    assert order == ["File your company's yearly return", "Renew your city license"]  # from-start ones last


def test_a_journey_s_events_for_a_plan(riverton):
    files = calendar_files(riverton.site, Words(), "Riverton", "https://hub.example.gov/", TODAY)
    events = json.loads(files["calendar/journeys/hire-staff.json"])
    assert [(e["summary"], e["start"], e["freq"], e["interval"], e["service"]) for e in events["fixed"]] == [
        ("Pay the tax you took from pay (Register as an employer)", "2026-12-10", "MONTHLY", 1,
         "federal-revenue/register-as-employer"),
        ("File your employer return (Register as an employer)", "2027-01-15", "MONTHLY", 3,
         "federal-revenue/register-as-employer")]
    shop = json.loads(files["calendar/journeys/open-a-shop.json"])
    assert [e["summary"] for e in shop["fixed"]] == ["File your company's yearly return (Form a company)"]
    assert [(t["months"], t["service"]) for t in shop["fromStart"]] == [(12, "riverton-clerk/get-business-license")]


def test_the_calendar_page(pages):
    page = pages["calendar/"]
    assert text(page.h1) == "Deadlines calendar"
    assert [text(h) for h in page.find_all("h2")] == ["Add them to your calendar", "Every month", "Month by month",
                                                       "Counted from the day you got it", "By agency"]
    assert [text(h) for h in page.find_all("h3")] == ["January", "April", "July", "October"]
    april = page.select_one("#month-4").find_next_sibling("ul")
    assert [text(i.select_one(".os-deadline__title")) for i in april.select("li")] == [
        "By April 15: File your employer return", "By April 15: File your company's yearly return"]
    assert text(page.select_one("#every-month").find_next("li")).startswith(
        "Pay the tax you took from pay Every month, by the 10th of the next month. For Register as an employer")
    assert page.select_one("a.os-button")["href"] == "deadlines.ics"
    assert text(page.select_one(".os-subscribe__address")) == "https://hub.example.gov/calendar/deadlines.ics"
    assert page.find("a", string="Subscribe in your calendar app")["href"] == \
        "webcal://hub.example.gov/calendar/deadlines.ics"
    assert [(text(a), a["href"]) for a in page.select(".os-feeds a")] == [
        ("Federal Revenue Office", "../agencies/federal-revenue/#deadlines"),
        ("2 deadlines (.ics file) of the Federal Revenue Office", "agencies/federal-revenue.ics"),
        ("State Business Registry", "../agencies/state-registry/#deadlines"),
        ("1 deadline (.ics file) of the State Business Registry", "agencies/state-registry.ics")]
    assert "Renew your city license" in text(page.select_one("#from-start").parent)


def test_home_and_agency_pages_link_the_calendar(pages):
    assert pages[""].find("a", string="deadlines calendar")["href"] == "calendar/"
    agency = pages["agencies/federal-revenue/"].select_one("section[aria-labelledby=deadlines]")
    assert text(agency.p) == ("This agency's services have 2 deadlines on fixed dates, such as annual reports and "
                              "tax returns.")
    assert agency.select_one("a.os-button")["href"] == "../../calendar/agencies/federal-revenue.ics"
    assert agency.find("a", string="deadlines calendar")["href"] == "../../calendar/"
    assert [text(p) for p in agency.select(".os-deadline__title")] == ["Pay the tax you took from pay",
                                                                       "File your employer return"]
    clerk = pages["agencies/riverton-clerk/"].select_one("section[aria-labelledby=deadlines]")
    assert text(clerk.p) == "This agency's services list no deadlines on fixed dates."
    assert [text(p) for p in clerk.select(".os-deadline__title")] == ["Renew your city license"]


def test_a_large_site_s_calendar_page_links_each_agency_s_list(riverton, monkeypatch):
    """Past LIST_AT_MOST entries the page lists none (it would grow with the site): the agencies' pages do."""
    from generator.page_types import BY_KIND
    from generator.views import deadlines

    monkeypatch.setattr(deadlines, "LIST_AT_MOST", 6)
    renderer = Renderer(site_options(site_url="https://hub.example.gov/", today=TODAY))
    page = BeautifulSoup(renderer.page(renderer.views(riverton.site), BY_KIND["calendar"], None).html, "html.parser")
    assert [text(h) for h in page.find_all("h2")] == ["Add them to your calendar", "By agency"]
    assert page.select(".os-deadline") == []
    assert "This site has too many deadlines to list on one page" in text(page)
    monkeypatch.setattr(deadlines, "LIST_AT_MOST", 7)  # 1 monthly, 5 in months (4 + 1), 1 from the start
    page = BeautifulSoup(renderer.page(renderer.views(riverton.site), BY_KIND["calendar"], None).html, "html.parser")
    assert len(page.select(".os-deadline")) == 7


def test_open_data_and_json_ld(riverton, pages):
    records = {r["id"]: r for r in open_data(riverton.site)["services"]}
    assert records["federal-revenue/register-as-employer"]["deadlines"] == [
        {"title": "Pay the tax you took from pay", "every": "month", "interval": 1, "due": None, "due_day": 10,
         "from": None, "remind_days": None, "note": None},
        {"title": "File your employer return", "every": "quarter", "interval": 1, "due": None, "due_day": 15,
         "from": None, "remind_days": 7, "note": None}]
    assert records["state-registry/form-company"]["deadlines"][0]["due"] == "04-15"
    assert records["riverton-clerk/get-sign-permit"]["deadlines"] == []
    data = json.loads(pages["services/riverton-clerk/get-business-license/"].select_one(
        'script[type="application/ld+json"]').string)
    assert data["potentialAction"] == [{"@type": "Action", "name": "Renew your city license",
                                        "description": "Every year from the day you got it"}]
