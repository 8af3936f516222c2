"""Every page type renders the content it promises (titles, links, fees, channels, or-steps, conditions)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RIVERTON, TODAY, copy_site, site_options
from generator.model import ServiceRef
from generator.page_types import BY_KIND
from generator.pipeline import check
from generator.render import Renderer


@pytest.fixture(scope="module")
def pages(riverton):
    renderer = Renderer(site_options(site_url="https://hub.example.gov/"))
    return {p.url: p for p in renderer.pages(riverton.site)}


def soup(page) -> BeautifulSoup:
    return BeautifulSoup(page.html, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_every_page_is_generated(pages):
    assert sorted(pages) == sorted([
        "", "journeys/", "journeys/open-a-shop/", "journeys/hire-staff/", "agencies/",
        "agencies/state-registry/", "agencies/riverton-clerk/", "agencies/federal-revenue/", "services/",
        "services/state-registry/form-company/", "services/state-registry/register-trade-name/",
        "services/federal-revenue/get-tax-number/", "services/federal-revenue/register-as-employer/",
        "services/riverton-clerk/get-business-license/", "services/riverton-clerk/get-sign-permit/", "search/",
        "calendar/",
    ])


def test_home_lists_journeys_first_then_agencies_and_the_a_to_z(pages):
    page = soup(pages[""])
    headings = [text(h) for h in page.find_all("h2")]
    assert headings == ["Step-by-step guides", "Find a service", "Deadlines after you start", "Browse by agency"]
    guides = [text(a) for a in page.select(".os-cards--journeys .os-card__title")]
    assert guides == ["Hire your first worker", "Open a shop in Riverton"]
    assert page.select_one(".os-cards--journeys a")["href"] == "journeys/hire-staff/"
    assert [text(h) for h in page.find_all("h3")] == ["Federal", "State", "City and local"]
    assert [text(li) for li in page.select(".os-cards--compact li")] == [
        "Federal Revenue Office (FRO) 2 services", "State Business Registry (SBR) 2 services",
        "Riverton City Clerk 2 services"]
    assert [text(a) for a in page.select(".os-letters a")] == ["F", "G", "R"]
    assert page.select_one(".os-letters a")["href"] == "services/#letter-f"


def test_journey_page_is_a_numbered_step_by_step(pages):
    page = soup(pages["journeys/open-a-shop/"])
    assert text(page.h1) == "Open a shop in Riverton"
    steps = page.select("ol.os-steps__list > li.os-step")
    assert [s["id"] for s in steps] == ["step-1", "step-2", "step-3", "step-4"]
    assert " ".join(steps[1].h2.get_text("").split()) == "Step 2: Get your tax number"
    # "or" step: says to do one of them, and the second service reads "or".
    assert "Do one of these 2" in text(steps[0])
    cards = steps[0].select("li.os-card")
    assert text(cards[1]).startswith("or Register a trade name")
    assert cards[0].a["href"] == "../../services/state-registry/form-company/"
    assert "State Business Registry" in text(cards[0]) and "Cost: $125.50" in text(cards[0])
    assert "Time: 5 to 10 business days" in text(cards[0])
    # Conditional step: its condition, and that it is optional.
    assert "Only if it applies to you: If you will put up a sign. You can skip this step otherwise." in text(steps[3])
    assert "Cost: Contact the agency" in text(steps[3])
    assert "You need it for the city license." in text(steps[1])


def test_journey_totals_and_related(pages):
    page = soup(pages["journeys/open-a-shop/"])
    totals = text(page.select_one(".os-totals"))
    assert ("At least $125 to $200.50, depending on your choices and which optional steps apply to you, plus the "
            "fees below that cannot be added up.") in totals
    assert "Not counted, because the fee is not listed here: Get a sign permit" in totals
    assert "About 24 days of processing" in totals
    assert [text(a) for a in page.select("#related-journeys ~ ul a")] == ["Hire your first worker"]
    assert page.select_one("#related-journeys ~ ul a")["href"] == "../hire-staff/"
    # The facts in one short line, the agencies on demand (a disclosure that works without JavaScript).
    assert text(page.select_one(".os-journey__facts > p")) == "4 steps, 3 agencies"
    agencies = page.select_one(".os-journey__facts details.os-journey__agencies")
    assert text(agencies.summary) == "Which agencies" and agencies.get("open") is None
    assert [text(li) for li in agencies.select("li")] == [
        "Federal Revenue Office", "Riverton City Clerk", "State Business Registry"]


def test_service_page_content(pages):
    page = soup(pages["services/state-registry/form-company/"])
    assert text(page.h1) == "Form a company"
    assert text(page.select_one(".os-lead")) == "Register a company so your business is separate from you."
    glance = text(page.select_one(".os-glance"))
    assert glance == "Cost $125.50 Time 5 to 10 business days Who it is for Business From State Business Registry"
    assert [text(li) for li in page.select("#who-can-use ~ ul li")] == ["You must be 18 or older ."]
    assert [text(li) for li in page.select(".os-checklist li")] == ["A name for the company", "The address of the company"]
    rows = [[text(c) for c in tr.find_all(["td", "th"])] for tr in page.select("table.os-fees tr")]
    assert rows == [["What it is for", "Amount"], ["Filing fee", "$100"], ["Name check", "$25.50"], ["Total", "$125.50"]]
    channels = page.select(".os-channel")
    assert [text(c.h3) for c in channels] == ["Online", "By mail"]
    # The channel list words the online channel as what it is, a link to its address; the page's one
    # button is at the top (test_service_page_way_in_comes_first).
    assert channels[0].select_one("a.os-button") is None
    online = channels[0].select_one(".os-channel__url a")
    assert online["href"] == "https://registry.example.gov/file" and text(online) == "registry.example.gov/file"
    assert "You need an account." in text(channels[0])
    assert "Write to: State Business Registry PO Box 1 Statetown, ST 10001" in text(channels[1])
    assert page.select_one(".os-offline") is None  # it has a mail channel
    assert [a["href"] for a in page.select("#legal-basis ~ ul a")] == ["https://law.example.gov/companies/12"]
    assert text(page.select_one("#related ~ ul a")) == "Register a trade name"
    assert "Page last reviewed by SBR on October 1, 2026 ." in text(page)
    assert page.select_one("#about-service ~ p a")["href"] == "https://registry.example.gov/guide"


def test_service_page_way_in_comes_first(pages):
    """One primary action, right under the summary: the first online channel, labelled by where it
    goes, then a link to the other ways, before the facts and every section."""
    page = soup(pages["services/state-registry/form-company/"])
    way_in = page.select_one(".os-way-in")
    after_lead = page.select_one(".os-lead").find_next_sibling()
    assert after_lead is way_in
    buttons = page.select("a.os-button:not(.os-button--secondary)")  # the calendar file's is grey
    assert len(buttons) == 1 and buttons[0].find_parent(class_="os-way-in") is way_in
    assert text(buttons[0]) == "Start at registry.example.gov" and buttons[0]["href"] == "https://registry.example.gov/file"
    assert text(way_in.select_one(".os-way-in__note")) == "You need an account."
    other = way_in.select_one(".os-way-in__others a")
    assert text(other) == "Other ways to get it: by mail" and other["href"] == "#how-to-apply"
    assert page.select_one("#how-to-apply") is not None


def test_way_in_without_other_ways_points_at_the_agency_and_without_online_names_the_ways(pages):
    online_only = soup(pages["services/federal-revenue/register-as-employer/"]).select_one(".os-way-in")
    assert text(online_only.select_one(".os-button")) == "Start at revenue.example.gov"
    assert text(online_only.select_one(".os-way-in__others a")) == "No internet? Other ways to get it"
    offline = soup(pages["services/riverton-clerk/get-business-license/"])
    assert offline.select("a.os-button") == []
    assert text(offline.select_one(".os-way-in__others a")) == "How to get it: in person or by email"
    tax = soup(pages["services/federal-revenue/get-tax-number/"]).select_one(".os-way-in__others a")
    assert text(tax) == "Other ways to get it: by phone"


def test_the_first_online_channel_is_the_one_button_the_others_are_links(tmp_path):
    """A service with two online channels: the first is the page's button, the second a link to its
    address in the channel list, never a second button."""
    root = copy_site(RIVERTON, tmp_path / "repo")
    service = root / "agencies/state-registry/services/register-trade-name.yml"
    service.write_text(service.read_text().replace(
        "  - type: online\n    url: https://registry.example.gov/trade-name\n",
        "  - type: online\n    url: https://registry.example.gov/trade-name\n"
        "  - type: online\n    url: https://names.example.gov/search?q=1\n    note: Check the name is free.\n"))
    result = check(root, TODAY)
    assert result.site is not None, result.problems
    renderer = Renderer(site_options(root=root))
    page = soup(renderer.page(renderer.views(result.site), BY_KIND["service"],
                              ServiceRef("state-registry", "register-trade-name")))
    assert [text(b) for b in page.select("a.os-button")] == ["Start at registry.example.gov"]
    links = [(text(a), a["href"]) for a in page.select(".os-channel__url a")]
    assert links == [("registry.example.gov/trade-name", "https://registry.example.gov/trade-name"),
                     ("names.example.gov/search?q=1", "https://names.example.gov/search?q=1")]


def test_service_page_contents_name_every_section_in_order(pages):
    """"On this page" lists exactly the page's sections (its h2 headings), each linking to it."""
    for url, page in pages.items():
        if not url.startswith("services/") or url.count("/") != 3:
            continue
        html = soup(page)
        contents = [(text(a), a["href"]) for a in html.select(".os-toc a")]
        sections = [(text(h2), "#" + h2["id"]) for h2 in html.select(".os-page h2")]
        assert contents == sections, url
    assert len([u for u in pages if u.startswith("services/") and u.count("/") == 3]) == 6


def test_service_page_part_of_is_one_line_at_the_top_and_in_full_below(pages):
    page = soup(pages["services/federal-revenue/get-tax-number/"])
    line = page.select_one(".os-part-of-line")
    assert line.find_next_sibling("h1") is not None  # above the title, as GOV.UK's step-by-step header
    assert text(line) == "Part of Hire your first worker , step 1 of 3 , and 1 more step-by-step guide"
    assert [a["href"] for a in line.select("a")] == ["../../../journeys/hire-staff/", "#part-of"]
    assert page.select_one("#part-of").find_parent("section").select("nav.os-part-of")
    assert page.select_one(".os-way-in").find_all_previous(class_="os-part-of") == []  # the boxes come after
    one = soup(pages["services/state-registry/register-trade-name/"]).select_one(".os-part-of-line")
    assert text(one) == "Part of Open a shop in Riverton , step 1 of 4"


def test_a_service_in_many_guides_shows_some_in_full_and_links_to_the_rest(riverton):
    renderer = Renderer(site_options(part_of_boxes=1))
    views = renderer.views(riverton.site)
    page = soup(renderer.page(views, BY_KIND["service"], ServiceRef("federal-revenue", "get-tax-number")))
    assert [b["aria-label"] for b in page.select("nav.os-part-of")] == ["Part of Hire your first worker"]
    more = page.select(".os-part-of__more a")
    assert [(text(a), a["href"]) for a in more] == [
        ("Open a shop in Riverton: step 2 of 4", "../../../journeys/open-a-shop/#step-2")]
    assert "Also part of this guide:" in text(page.select_one("#part-of").parent)


def test_related_services_leave_out_what_the_page_already_lists(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    service = root / "agencies/federal-revenue/services/get-tax-number.yml"
    service.write_text(service.read_text().replace(
        "last_reviewed:", "related: [federal-revenue/register-as-employer, state-registry/form-company]\nlast_reviewed:"))
    result = check(root, TODAY)
    assert result.site is not None, result.problems
    renderer = Renderer(site_options(root=root))
    page = soup(renderer.page(renderer.views(result.site), BY_KIND["service"],
                              ServiceRef("federal-revenue", "get-tax-number")))
    assert "Register as an employer" in [text(a) for a in page.select("#needed-for ~ ul .os-card__title")]
    assert [text(a) for a in page.select("#related ~ ul .os-card__title")] == ["Form a company"]


def test_service_page_part_of_names_the_step_and_its_neighbours(pages):
    page = soup(pages["services/federal-revenue/get-tax-number/"])
    boxes = page.select("nav.os-part-of")
    assert [b["aria-label"] for b in boxes] == ["Part of Hire your first worker", "Part of Open a shop in Riverton"]
    shop = text(boxes[1])
    assert "Step 2 of 4: Get your tax number" in shop
    assert "Previous step: Step 1: Choose how to set up your business Form a company Register a trade name" in shop
    assert "Next step: Step 3: Get your city license Get a city business license" in shop
    assert boxes[1].select_one(".os-part-of__step a")["href"] == "../../../journeys/open-a-shop/#step-2"
    hire = text(boxes[0])
    assert "Step 1 of 3" in hire and "Previous step" not in hire


def test_service_fees_free_and_unknown(pages):
    free = soup(pages["services/federal-revenue/get-tax-number/"])
    assert text(free.select_one(".os-glance dd")) == "Free"
    assert "Free. There is no fee for this service." in text(free.select_one("#fees").parent)
    unknown = soup(pages["services/riverton-clerk/get-sign-permit/"])
    assert text(unknown.select_one(".os-glance dd")) == "Contact the agency"
    assert "The fee is not listed here. Contact the agency to ask what it costs." in text(unknown)


def test_online_only_service_shows_the_agency_as_the_offline_way_in(pages):
    page = soup(pages["services/federal-revenue/register-as-employer/"])
    offline = page.select_one(".os-offline")
    assert "No internet or no computer? Contact Federal Revenue Office" in text(offline)
    assert offline.select_one('a[href^="tel:"]')["href"] == "tel:+18005550100"
    assert "Monday to Friday, 7 a.m. to 7 p.m." in text(offline)


def test_service_page_before_you_start_and_what_it_unlocks(pages):
    license_page = soup(pages["services/riverton-clerk/get-business-license/"])
    assert [text(a) for a in license_page.select("#before-you-start ~ ul .os-card__title")] == ["Get a federal tax number"]
    tax = soup(pages["services/federal-revenue/get-tax-number/"])
    assert [text(a) for a in tax.select("#needed-for ~ ul .os-card__title")] == [
        "Get a city business license", "Register as an employer"]
    channels = license_page.select(".os-channel")
    assert "Visit: City Hall, Room 100 Riverton, ST 10002 Hours: Monday to Friday, 9 a.m. to 4 p.m." in text(channels[0])
    assert channels[1].select_one("a")["href"] == "mailto:licenses@riverton.example.gov"


def test_service_json_ld(pages):
    page = soup(pages["services/federal-revenue/get-tax-number/"])
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Get a federal tax number"
    assert data["url"] == "https://hub.example.gov/services/federal-revenue/get-tax-number/"
    assert data["provider"] == {"@type": "GovernmentOrganization", "name": "Federal Revenue Office",
                                "url": "https://revenue.example.gov/"}
    assert data["serviceOperator"] == data["provider"]
    assert [c["name"] for c in data["availableChannel"]] == ["Online", "By phone"]
    assert data["availableChannel"][1]["servicePhone"]["telephone"] == "1-800-555-0101"
    assert [a["audienceType"] for a in data["audience"]] == ["business", "nonprofit"]


def test_agency_page(pages):
    page = soup(pages["agencies/riverton-clerk/"])
    assert text(page.h1) == "Riverton City Clerk"
    assert "City and local agency" in text(page)
    assert "Issues the city's business licenses and permits." in text(page)
    assert [text(a) for a in page.select("#services ~ ul .os-card__title")] == [
        "Get a city business license", "Get a sign permit"]
    assert text(page.select_one("#services")) == "Services (2)"
    assert [text(a) for a in page.select("#journeys ~ ul .os-card__title")] == ["Open a shop in Riverton"]
    assert "Address City Hall, Room 100 Riverton, ST 10002" in text(page.select_one(".os-contact"))


def test_a_to_z(pages):
    page = soup(pages["services/"])
    assert [text(h) for h in page.find_all("h2")] == ["F", "G", "R"]
    g = page.select_one("#letter-g").find_next("ul")
    assert [text(a) for a in g.select(".os-card__title")] == [
        "Get a city business license", "Get a federal tax number", "Get a sign permit"]
    assert "Riverton City Clerk" in text(g.li) and "Every business in Riverton needs a city license." in text(g.li)


def test_a_large_a_to_z_is_a_page_per_letter(riverton):
    """From az_letter_pages_from services (300 unless set), the A to Z page lists the letters and
    each letter has its own page (one page would be over 5 MB at 10,000 services)."""
    renderer = Renderer(site_options(az_letter_pages_from=6))
    pages = {p.url: p for p in renderer.pages(riverton.site)}
    assert {url for url, p in pages.items() if p.kind == "az-letter"} == {"a-z/f/", "a-z/g/", "a-z/r/"}
    assert pages["a-z/g/"].title == "Services starting with G"
    landing = soup(pages["services/"])
    assert text(landing.h1) == "Services A to Z" and landing.find("h2") is None and not landing.select(".os-card")
    tiles = landing.select(".os-letter-pages a")
    assert [(text(a), a["href"]) for a in tiles] == [
        ("F 1 service", "../a-z/f/"), ("G 3 services", "../a-z/g/"), ("R 2 services", "../a-z/r/")]
    letter = soup(pages["a-z/g/"])
    assert text(letter.h1) == "Services starting with G" and "3 services, from every agency" in text(letter)
    assert [(text(a), a["href"]) for a in letter.select(".os-breadcrumbs a")] == [
        ("Home", "../../"), ("Services A to Z", "../../services/")]
    assert [(text(a), a["href"], a.get("aria-current")) for a in letter.select(".os-letters a")] == [
        ("F", "../f/", None), ("G", "./", "page"), ("R", "../r/", None)]
    assert [(text(a), a["href"]) for a in letter.select(".os-card__title")] == [
        ("Get a city business license", "../../services/riverton-clerk/get-business-license/"),
        ("Get a federal tax number", "../../services/federal-revenue/get-tax-number/"),
        ("Get a sign permit", "../../services/riverton-clerk/get-sign-permit/")]
    home = soup(pages[""])
    assert [a["href"] for a in home.select(".os-letters a")] == ["a-z/f/", "a-z/g/", "a-z/r/"]
    one_page = Renderer(site_options(az_letter_pages_from=7))
    assert not [p for p in one_page.pages(riverton.site) if p.kind == "az-letter"]


def test_agencies_and_journeys_indexes(pages):
    agencies = soup(pages["agencies/"])
    assert [text(h) for h in agencies.find_all("h2")] == ["Federal", "State", "City and local"]
    journeys = soup(pages["journeys/"])
    assert [text(a) for a in journeys.select(".os-card__title")] == ["Hire your first worker", "Open a shop in Riverton"]


def test_content_can_never_inject_markup(riverton):
    """Even if validation were bypassed, agency Markdown cannot add script or unsafe links."""
    from generator.markup import MarkdownRenderer
    html = MarkdownRenderer().block("<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=y>")
    assert "<script" not in html and "<img" not in html and "javascript:" not in html


_SEGMENT = st.sampled_from(["services", "journeys", "agencies", "a", "b", "pa-dos", "start-a-business", ".", ".."])
_URL = st.lists(_SEGMENT, max_size=4).map(lambda parts: "".join(p + "/" for p in parts))


@settings(max_examples=1500, deadline=None)
@given(_URL, _URL, st.sampled_from(["", "#step-2"]))
def test_relative_links_are_those_of_posixpath(from_url, to_url, fragment):
    """urls.relative splits URLs itself (for speed); it must give posixpath.relpath's answer."""
    import posixpath

    from generator.urls import relative

    expected = posixpath.relpath("/" + to_url, "/" + from_url)
    expected = ("./" if expected == "." else expected + "/")
    if fragment and to_url == from_url:
        expected = ""
    assert relative(from_url, to_url + fragment) == expected + fragment
    assert relative("", "") == "./"
    assert relative("services/a/b/", "services/a/c/#x") == "../c/#x"


def test_a_letter_with_many_services_has_numbered_pages(riverton):
    """Titles often start with the same verb: a letter's services are split into pages of
    az_page_size (200 unless set), each saying which it shows and linking to the others."""
    renderer = Renderer(site_options(az_letter_pages_from=1, az_page_size=2))
    pages = {p.url: p for p in renderer.pages(riverton.site)}
    assert sorted(url for url, p in pages.items() if p.kind == "az-letter") == [
        "a-z/f/", "a-z/g/", "a-z/g/2/", "a-z/r/"]
    assert [pages[u].title for u in ("a-z/f/", "a-z/g/", "a-z/g/2/")] == [
        "Services starting with F", "Services starting with G, page 1 of 2", "Services starting with G, page 2 of 2"]
    first, second = soup(pages["a-z/g/"]), soup(pages["a-z/g/2/"])
    assert "3 services, from every agency, by name. This page shows 1 to 2." in text(first)
    assert [text(a) for a in first.select(".os-card__title")] == ["Get a city business license", "Get a federal tax number"]
    assert [text(a) for a in second.select(".os-card__title")] == ["Get a sign permit"]
    assert [(text(a), a["href"], a.get("aria-current"), a.get("rel")) for a in first.select(".os-pagination a")] == [
        ("1", "./", "page", None), ("2", "2/", None, None), ("Next page", "2/", None, ["next"])]
    assert [(text(a), a["href"], a.get("aria-current"), a.get("rel")) for a in second.select(".os-pagination a")] == [
        ("Previous page", "../", None, ["prev"]), ("1", "../", None, None), ("2", "./", "page", None)]
    assert [a["href"] for a in second.select(".os-letters a")] == ["../../f/", "../", "../../r/"]
    assert second.select_one(".os-breadcrumbs a")["href"] == "../../../"
    assert not soup(pages["a-z/f/"]).select(".os-pagination")  # one page: no page links


def test_fees_of_different_kinds_are_never_added_together(tmp_path):
    """A yearly fee, a fee per item and an optional fee show as what they are, on the service page,
    in the cards and in the journey's totals, which say "at least" and name what they leave out."""
    from conftest import RIVERTON, TODAY, copy_site
    from generator.pipeline import check

    root = copy_site(RIVERTON, tmp_path / "repo")
    company = root / "agencies/state-registry/services/form-company.yml"
    company.write_text(company.read_text().replace(
        "  - amount: 25.5\n    description: Name check\n",
        "  - amount: 25.5\n    per: year\n    description: Yearly report\n"
        "  - amount: 40\n    optional: true\n    description: Same-day filing\n"))
    site = check(root, TODAY).site
    assert site is not None
    rendered = {p.url: p for p in Renderer(site_options(root=root)).pages(site)}
    service = soup(rendered["services/state-registry/form-company/"])
    rows = [[text(td) for td in tr.find_all(["td", "th"])] for tr in service.select("table.os-fees tr")]
    assert rows == [["What it is for", "Amount"], ["Filing fee", "$100"], ["Yearly report", "$25.50 a year"],
                    ["Same-day filing (only some people pay this)", "$40"]]
    assert not service.select("table.os-fees tfoot")
    assert "In short: $100, then $25.50 a year, plus optional fees." in text(service)
    assert "Cost $100, then $25.50 a year, plus optional fees" in text(service.select_one(".os-glance"))
    journey = soup(rendered["journeys/open-a-shop/"])
    totals = text(journey.select_one(".os-totals"))
    assert ("At least $125 to $175, depending on your choices and which optional steps apply to you, plus the "
            "fees below that cannot be added up. Then $0 to $25.50 a year.") in totals
    assert "Not counted, because the fee is for each item, or only some people pay it: Form a company" in totals
    assert "Cost: $100, then $25.50 a year, plus optional fees" in text(journey.select_one("#step-1"))


def test_a_guided_journey_asks_its_questions_as_a_form(pages):
    page = soup(pages["journeys/open-a-shop/"])
    guide = page.select_one("section.os-guide")
    assert guide["aria-labelledby"] == "os-guide-title" and text(guide.h2) == "Find the steps for you"
    assert text(guide.select_one(".os-guide__nojs")) == (
        "This guide can ask you 2 questions and show only the steps for your answers. That needs JavaScript, which is "
        "off or not working in this browser, so every step is shown below with when it applies.")
    form = guide.select_one("form.os-guide__form")
    assert form.has_attr("hidden")  # the script shows it: without JavaScript it could do nothing
    fieldsets = form.select("fieldset.os-guide__question")
    assert [text(f.legend) for f in fieldsets] == ["How will you set up your business?", "Will you put up a sign?"]
    assert fieldsets[0]["aria-describedby"] == "os-q-setup-hint"
    assert text(page.select_one("#os-q-setup-hint")) == (
        "A company keeps the business apart from you. Trading on your own under another name needs a trade name.")
    assert not fieldsets[1].has_attr("aria-describedby")  # no hint
    radios = [(i["name"], i["value"], text(page.select_one(f'label[for="{i["id"]}"]')))
              for i in form.select("input[type=radio]")]
    assert radios == [("setup", "company", "As a company"), ("setup", "trade-name", "On my own, under a trade name"),
                      ("sign", "yes", "Yes"), ("sign", "no", "No")]
    assert [text(b) for b in form.select("button")] == ["Show my steps", "Start again"]
    assert text(guide.select_one(".os-guide__summary h3")) == "Your answers"
    assert text(guide.select_one('label[for="os-guide-remember"]')) == "Remember my answers on this device"
    assert text(guide.select_one(".os-guide__forget")) == "Forget my answers"
    assert guide.select_one(".os-guide__status")["role"] == "status"
    assert [s["src"] for s in guide.select("script[src]")] == ["../../assets/guide-plan.js", "../../assets/guide.js"]
    assert all(s.has_attr("defer") for s in guide.select("script[src]"))  # in this order, after the page


def test_a_guided_journey_gives_its_script_the_conditions_fees_and_words(pages):
    data = json.loads(soup(pages["journeys/open-a-shop/"]).select_one('script#os-guide-data[type="application/json"]')
                      .string)
    assert data["journey"] == "open-a-shop" and data["language"] == "en"
    assert data["questions"] == [{"id": "setup", "options": ["company", "trade-name"]},
                                 {"id": "sign", "options": ["yes", "no"]}]
    assert data["steps"][0]["ifs"] == [{"setup": ["company"]}, {"setup": ["trade-name"]}]
    assert data["steps"][0]["whys"][1] == ("If your answer to “How will you set up your business?” is “On my own, "
                                           "under a trade name”")
    assert data["steps"][3] == {"if": {"sign": ["yes"]}, "when": 1, "one": 0, "why": "If you will put up a sign",
                                "services": ["riverton-clerk/get-sign-permit"], "ifs": [None], "whys": [None]}
    assert data["services"]["state-registry/form-company"] == {"fees": [[100.0, "USD", None, 0],
                                                                        [25.5, "USD", None, 0]], "days": 10}
    assert data["services"]["riverton-clerk/get-sign-permit"] == {"fees": None, "days": None}
    words = data["words"]
    assert words["planTotal"] == "%(fees)s for your plan." and words["then"] == "Then %(amount)s."
    assert words["showing"] == {"one": "Showing %(shown)s of %(num)s step for your answers.",
                                "other": "Showing %(shown)s of %(num)s steps for your answers."}


def test_a_guided_journey_words_its_conditions_for_everyone_without_javascript(pages):
    page = soup(pages["journeys/open-a-shop/"])
    first = page.select_one("#step-1")
    cards = first.select("li.os-card")
    assert [c["data-os-option"] for c in cards] == ["0", "1"]
    assert text(cards[0].select_one(".os-card__when")) == (
        "Only if it applies to you: If your answer to “How will you set up your business?” is “As a company”.")
    assert text(first.select_one(".os-step__choose")) == "Do one of these 2 , whichever fits you:"
    assert text(first.select_one(".os-step__count")) == "2"
    do_this = first.select_one(".os-step__choose--one")
    assert do_this.has_attr("hidden") and text(do_this) == "Do this:"
    assert [text(n) for n in page.select(".os-step__n")] == ["1", "2", "3", "4"]
    assert page.select_one("#step-2 .os-step__choose--one") is None  # nothing to choose
    unknown = page.select_one(".os-totals__unknown li")
    assert unknown["data-os-ref"] == "riverton-clerk/get-sign-permit" and text(unknown) == "Get a sign permit"


def test_a_journey_that_asks_nothing_has_no_guide(pages):
    page = soup(pages["journeys/hire-staff/"])
    assert page.select_one(".os-guide") is None
    assert [s["src"] for s in page.select("script[src]")] == ["../../assets/calendar.js"]  # its deadlines' only
    assert page.select_one("script#os-guide-data") is None


def test_conditions_in_words_name_every_question_and_answer(riverton):
    from generator.i18n import Words
    from generator.model import Condition
    from generator.views.guide import condition_words

    questions = riverton.site.questions
    both = Condition((("setup", ("company", "trade-name")), ("sign", ("yes",))))
    assert condition_words(both, questions, Words()) == (
        "If your answer to “How will you set up your business?” is “As a company” or “On my own, under a trade name” "
        "and your answer to “Will you put up a sign?” is “Yes”")


def test_a_channel_that_is_the_agency_s_own_line_shows_the_agency_s_hours(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    service = root / "agencies/federal-revenue/services/get-tax-number.yml"
    service.write_text(service.read_text().replace(
        "    phone: 1-800-555-0101\n    hours: Monday to Friday, 7 a.m. to 7 p.m.\n", "    phone: 800 555 0100\n"))
    result = check(root, TODAY)
    assert result.site is not None and result.problems == []  # the agency's hours count for its own line
    renderer = Renderer(site_options(root=root))
    page = soup(renderer.page(renderer.views(result.site), BY_KIND["service"],
                              ServiceRef("federal-revenue", "get-tax-number")))
    phone = page.select_one(".os-channel--phone")
    assert text(phone.select_one(".os-channel__hours")) == "Hours: Monday to Friday, 7 a.m. to 7 p.m."


def test_a_short_name_in_brackets_only_where_it_says_more_than_the_name(riverton):
    """'Pennsylvania Department of Revenue (Revenue)' read as a stutter; '(SBR)' helps."""
    import dataclasses

    registry = riverton.site.agencies["state-registry"]
    assert registry.name_aside == "SBR"
    assert dataclasses.replace(registry, name="Department of Revenue", short_name="Revenue").name_aside is None
    assert dataclasses.replace(registry, short_name=None).name_aside is None


def test_a_cards_fee_summary_is_its_services_and_follows_a_new_version_of_it(riverton):
    """Service cards take a service's fee summary from the view builder's cache: the same as
    labels.fee_summary for each service, and made again for a new version of the service."""
    import dataclasses

    from generator.views.labels import fee_summary

    site = dataclasses.replace(riverton.site, services=dict(riverton.site.services))
    views = Renderer(site_options()).views(site)
    for ref, service in site.services.items():
        assert views.service_card(ref, "journeys/x/").fee == fee_summary(service, views.words)
    ref = next(r for r, s in site.services.items() if s.fees)
    site.services[ref] = dataclasses.replace(site.services[ref], fees=[])
    assert views.service_card(ref, "journeys/x/").fee == fee_summary(site.services[ref], views.words) \
        == views.words.gettext("Free")
