"""The site's two languages in Debian's Chromium: the switch keeps a guide's answers (the same ids in
both languages), a Spanish page shows an agency's untranslated text in English inside lang="en",
the twins' links make no request of their own, and the switch is a plain link without JavaScript."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .test_guide import PLAN, RESTAURANT, fragment


def _visible_steps(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.os-step')].filter(s => s.offsetParent).map(s => s.id)")


def test_switching_language_on_a_guide_with_answers_keeps_the_plan(page, site_url):
    page.goto(site_url + RESTAURANT + fragment(PLAN))
    english_steps = _visible_steps(page)
    assert 0 < len(english_steps) < 12
    switch = page.locator(".os-languages a")
    expect(switch).to_have_text("Español")
    assert switch.get_attribute("lang") == "es" and switch.get_attribute("hreflang") == "es"
    switch.click()
    page.wait_for_load_state("networkidle")
    assert page.url == site_url + "es/" + RESTAURANT + fragment(PLAN)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert _visible_steps(page) == english_steps  # the same plan, in Spanish words
    assert page.locator("#os-q-location-allegheny").is_checked()
    assert "Mostrando" in page.get_by_role("status").inner_text() or page.locator(".os-guide__summary").is_visible()
    # And back: the answers come along again.
    page.locator(".os-languages a").click()
    page.wait_for_load_state("networkidle")
    assert page.url == site_url + RESTAURANT + fragment(PLAN) and _visible_steps(page) == english_steps


def test_an_untranslated_service_page_in_spanish(page, site_url):
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url))
    page.goto(site_url + "es/services/irs/apply-tax-exemption/")
    page.wait_for_load_state("networkidle")
    notice = page.locator(".os-untranslated")
    expect(notice).to_have_text("Esta información aún no está disponible en español. Lo que falta se muestra en inglés.")
    assert page.locator("h1 [lang=en]").count() == 1
    # The title's text is the span's: a screen reader reads it in English.
    assert page.evaluate("(h => h.textContent.trim() === h.firstElementChild.textContent.trim() && "
                         "h.firstElementChild.lang)(document.querySelector('h1'))") == "en"
    assert page.evaluate("document.documentElement.lang") == "es"
    # The twins are alternates to a browser (rel's tokens) and cost no request: nothing but the
    # page's own files, and no sitemap.xml fetched beside each twin's address.
    rels = page.evaluate("[...document.querySelectorAll('link[hreflang]')].map(l => l.relList.contains('alternate'))")
    assert rels == [True, True, True]
    assert [u for u in sent if "sitemap" in u] == []
    assert {u.split("/")[2] for u in sent} == {site_url.split("/")[2]}


def test_without_javascript_the_switch_is_a_link_to_the_twin(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "es/" + RESTAURANT)
    assert page.locator(".os-step").count() == 12 and page.locator(".os-guide__nojs").is_visible()
    page.locator(".os-languages a").click()
    assert page.url == site_url + RESTAURANT
    assert page.evaluate("document.documentElement.lang") == "en"
    context.close()


def _results(page, url: str) -> list[str]:
    page.goto(url)
    expect(page.locator("[role=status]")).to_have_text(re.compile(r"\d+ resultados? para"))
    page.wait_for_load_state("networkidle")  # every result's record fetched and shown
    return [a.get_attribute("href") for a in page.locator(".os-result__title").all()]


def test_a_spanish_search_finds_the_same_with_and_without_accents(page, site_url):
    with_accents = _results(page, site_url + "es/search/?q=cami%C3%B3n+de+comida")
    assert page.evaluate("document.documentElement.lang") == "es"
    without = _results(page, site_url + "es/search/?q=camion+de+comida")
    assert with_accents == without and len(without) >= 2
    assert any("mobile-food" in href for href in without)  # "camión de comida": the food truck's licence
    titles = page.locator(".os-result__title").all_inner_texts()
    assert any("móvil" in t.lower() or "camión" in t.lower() for t in titles), titles
    page.locator(".os-result__title").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(site_url + "es/") and page.evaluate("document.documentElement.lang") == "es"
    licence = _results(page, site_url + "es/search/?q=licencia+de+comida")
    assert any("food" in href for href in licence[:3])
