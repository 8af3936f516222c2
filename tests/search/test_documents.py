"""The search documents: which pages are documents, in which order, with which fields and boosts."""

from __future__ import annotations

import pytest

from conftest import REPO
from generator.search import ContentPage, documents, page_document


def by_url(docs):
    return {d.url: d for d in docs}


def test_every_service_guide_agency_and_page_is_a_document_in_order(docs):
    assert [(d.kind, d.url) for d in docs] == [
        ("journey", "journeys/hire-staff/"), ("journey", "journeys/open-a-shop/"),
        ("agency", "agencies/federal-revenue/"), ("agency", "agencies/riverton-clerk/"),
        ("agency", "agencies/state-registry/"),
        ("service", "services/federal-revenue/get-tax-number/"),
        ("service", "services/federal-revenue/register-as-employer/"),
        ("service", "services/riverton-clerk/get-business-license/"),
        ("service", "services/riverton-clerk/get-sign-permit/"),
        ("service", "services/state-registry/form-company/"),
        ("service", "services/state-registry/register-trade-name/"),
        ("page", "about/"),
    ]


def test_service_document_has_title_keywords_summary_and_agency(docs, riverton):
    doc = by_url(docs)["services/state-registry/form-company/"]
    service = next(s for r, s in riverton.site.services.items() if str(r) == "state-registry/form-company")
    assert doc.title == "Form a company" and doc.summary == service.summary
    assert doc.keywords == service.keywords and doc.body == ""
    assert doc.agency == "State Business Registry (SBR)"
    assert by_url(docs)["services/riverton-clerk/get-sign-permit/"].agency == "Riverton City Clerk"  # no short name


def test_guides_rank_first_and_services_that_guides_use_rank_higher(docs, riverton):
    d = by_url(docs)
    # An agency's page counts as much as a service's: a service about a word comes before the agency whose
    # description mentions it (tests/search/test_parity.py, every keyword of the example site).
    assert d["journeys/open-a-shop/"].boost == 4.0 and d["agencies/state-registry/"].boost == 1.0
    uses = {str(r): len(u) for r, u in riverton.site.uses.items()}
    for doc in docs:
        if doc.kind == "service":
            ref = doc.url.removeprefix("services/").rstrip("/")
            assert doc.boost == pytest.approx(1 + 0.2 * min(uses[ref], 3)), ref
    assert d["about/"].boost == 1.0


def test_guide_has_its_step_titles_as_keywords_and_its_conditions_and_step_texts_in_its_body(docs, riverton):
    """A guide's step titles are the words it is about ("Register for payroll taxes"): its keywords, as
    a service's are; what the steps say and when they apply are its body."""
    journey = riverton.site.journeys["hire-staff"]
    doc = by_url(docs)["journeys/hire-staff/"]
    assert doc.keywords == tuple(step.title for step in journey.steps)
    for step in journey.steps:
        assert step.title not in doc.body
        if step.when:
            assert step.when in doc.body
    shop = riverton.site.journeys["open-a-shop"]
    described = [s for s in shop.steps if s.description]
    assert described and all(s.description.split(".")[0] in by_url(docs)["journeys/open-a-shop/"].body for s in described)


def test_content_page_title_summary_and_body():
    doc = page_document(ContentPage("about/", "# About *this* site\n\nWe [help](https://x.gov) you.\n\n## More\n\nText.\n"))
    assert (doc.kind, doc.url, doc.title, doc.summary) == ("page", "about/", "About this site", "We help you.")
    assert doc.body == "We help you. More Text."
    front = page_document(ContentPage("a/", '---\ntitle: "Front title"\ndescription: Said here.\n---\n\nBody.\n'))
    assert (front.title, front.summary, front.body) == ("Front title", "Said here.", "Body.")
    untitled = page_document(ContentPage("help/opening-hours/", "No heading at all.\n"))
    assert (untitled.title, untitled.summary) == ("Opening hours", "No heading at all.")


def test_content_pages_of_the_example_are_searchable(example):
    pages = [ContentPage(p.stem + "/", p.read_text(encoding="utf-8")) for p in (REPO / "content").glob("*.md")
             if p.name != "index.md"]
    titles = {d.title for d in documents(example.site, pages) if d.kind == "page"}
    assert titles == {"About this site", "Accessibility statement"} or {"About this site"} <= titles

