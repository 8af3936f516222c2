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
    assert d["journeys/open-a-shop/"].boost == 4.0 and d["agencies/state-registry/"].boost == 1.5
    uses = {str(r): len(u) for r, u in riverton.site.uses.items()}
    for doc in docs:
        if doc.kind == "service":
            ref = doc.url.removeprefix("services/").rstrip("/")
            assert doc.boost == pytest.approx(1 + 0.2 * min(uses[ref], 3)), ref
    assert d["about/"].boost == 1.0


def test_guide_body_has_its_step_titles_and_conditions(docs, riverton):
    journey = riverton.site.journeys["hire-staff"]
    body = by_url(docs)["journeys/hire-staff/"].body
    for step in journey.steps:
        assert step.title in body
        if step.when:
            assert step.when in body


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

