"""The example site in Spanish: every page has its twin under es/, in Spanish words, pointing at
its twins; what an agency has not translated shows in English, inside lang="en", under a notice."""

from __future__ import annotations

import html.parser
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE

BASE = "https://onestop.example.gov/"
NOTICE = "Esta información aún no está disponible en español. Lo que falta se muestra en inglés."


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))


def test_every_page_has_its_spanish_twin_and_says_its_language(built_site):
    english = {"" if u == "./" else u for u in _pages(built_site) if not u.startswith("es/")}
    spanish = {u.removeprefix("es/") for u in _pages(built_site) if u.startswith("es/")}
    assert len(english) > 70 and english == spanish
    for url in ("./", "services/pa-dos/register-llc/", "journeys/open-a-restaurant/", "agencies/irs/", "search/",
                "calendar/", "about/"):
        assert _page(built_site, url).html["lang"] == "en", url
        assert _page(built_site, "es/" + url).html["lang"] == "es", url
    assert BeautifulSoup((built_site / "es/404.html").read_text(encoding="utf-8"), "html.parser").html["lang"] == "es"


def test_each_page_links_its_twins_for_search_engines_and_readers(built_site):
    for url, twin in (("services/pa-dos/register-llc/", "es/services/pa-dos/register-llc/"),
                      ("es/journeys/start-a-business/", "journeys/start-a-business/")):
        page = _page(built_site, url)
        links = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
        english, spanish = (url, twin) if not url.startswith("es/") else (twin, url)
        assert links == {"en": BASE + english, "es": BASE + spanish, "x-default": BASE + english}
        assert all("alternate" in link["rel"] for link in page.select("link[hreflang]"))
        [switch] = page.select(".os-languages a")
        assert switch["lang"] == switch["hreflang"] == ("es" if url == english else "en")
        assert switch.get_text(strip=True) == ("Español" if url == english else "English")
        depth = url.count("/")
        assert switch["href"] == "../" * depth + twin


def test_the_sitemap_lists_every_page_in_both_languages_with_its_alternates(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = ET.parse(built_site / "sitemap.xml").getroot().findall("s:url", ns)
    locs = [e.find("s:loc", ns).text for e in entries]
    pages = {BASE + ("" if u == "./" else u) for u in _pages(built_site)} - {BASE + "es/./"}
    assert set(locs) >= {BASE + "es/services/pa-dos/register-llc/", BASE + "es/", BASE + "es/about/"}
    assert len(locs) == len(set(locs)) and set(locs) <= pages | {BASE}
    for entry in entries:
        loc = entry.find("s:loc", ns).text
        alternates = {a.get("hreflang"): a.get("href") for a in entry.findall("x:link", ns)}
        assert set(alternates) == {"en", "es", "x-default"} and loc in alternates.values(), loc
    assert not (built_site / "es/sitemap.xml").exists()  # one sitemap for the site, as search engines read


def test_a_translated_service_page_is_spanish_throughout(built_site):
    page = _page(built_site, "es/services/pa-dos/register-llc/")
    assert page.h1.get_text(strip=True) == "Registrar una compañía de responsabilidad limitada (LLC)"
    assert page.h1.find(attrs={"lang": True}) is None and not page.select(".os-untranslated")
    headings = [h.get_text(" ", strip=True) for h in page.select("h2")]
    assert "Cuánto cuesta" in headings or "Lo que cuesta" in headings or any("cuesta" in h for h in headings), headings
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["inLanguage"] == "es" and ld["url"] == BASE + "es/services/pa-dos/register-llc/"
    assert page.select_one(".os-breadcrumbs, nav[aria-label]") is not None


def test_an_untranslated_service_page_shows_english_inside_lang_en_under_a_spanish_notice(built_site):
    page = _page(built_site, "es/services/irs/apply-tax-exemption/")
    notice = page.select_one(".os-untranslated")
    assert notice is not None and notice.get_text(" ", strip=True) == NOTICE
    assert notice.find_previous("h1") is page.h1
    english = (EXAMPLE / "agencies/irs/services/apply-tax-exemption.yml").read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", english, re.M).group(1).strip('"')
    assert page.h1.get_text(strip=True) == title and page.h1.span["lang"] == "en"
    # The interface around it is Spanish all the same.
    assert page.html["lang"] == "es" and page.find("a", string="Inicio") is not None


def _text_outside_lang(element) -> bool:
    """Whether text sits in `element` with no lang="en" between it and the page."""
    for parent in element.parents:
        if parent.name and parent.get("lang"):
            return parent["lang"] != "en"
    return True


def test_every_piece_of_english_text_on_a_spanish_page_is_inside_lang_en(built_site):
    """The structure rule of the fallback: the example's untranslated services' titles and summaries,
    wherever a Spanish page shows them, sit inside an element that says lang="en"."""
    untranslated = []
    for path in sorted((EXAMPLE / "agencies").glob("*/services/*.yml")):
        if path.name.endswith(".es.yml") or path.with_suffix(".es.yml").exists():
            continue
        text = path.read_text(encoding="utf-8")
        untranslated += [m.group(1).strip('"') for m in re.finditer(r"^(?:title|summary): (.+)$", text, re.M)]
    assert len(untranslated) >= 10
    checked = 0
    for url in [u for u in _pages(built_site) if u.startswith("es/")]:
        page = _page(built_site, url)
        for string in page.find_all(string=lambda s: s.strip() in untranslated):
            if string.parent.name in ("title", "script"):
                continue
            assert not _text_outside_lang(string), (url, string)
            checked += 1
    assert checked > 50


class _Attributes(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.bad += [(tag, k, v) for k, v in attrs if v and ("<" in v or ">" in v)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_attribute_of_any_page_holds_markup(built_site, language):
    """English text in a Spanish page prints itself inside <span lang="en">: never inside an
    attribute (an aria-label, a title, a value), where it would be text, or break the tag."""
    for url in _pages(built_site):
        if url.startswith("es/") != (language == "es"):
            continue
        parser = _Attributes()
        parser.feed((built_site / url / "index.html").read_text(encoding="utf-8"))
        assert parser.bad == [], url


def test_open_data_and_calendars_are_in_the_page_s_language(built_site):
    services = json.loads((built_site / "es/data/services.json").read_text(encoding="utf-8"))
    llc = next(s for s in services if s["id"] == "pa-dos/register-llc")
    assert llc["inLanguage"] == "es" and llc["title"].startswith("Registrar")
    english = json.loads((built_site / "data/services.json").read_text(encoding="utf-8"))
    assert {s["inLanguage"] for s in english} == {"en"} and [s["id"] for s in english] == [s["id"] for s in services]
    feed = (built_site / "es/calendar/services/pa-dos/register-llc.ics").read_text(encoding="utf-8")
    unfolded = feed.replace("\r\n ", "").replace("\n ", "")
    assert "SUMMARY:Presentar el informe anual" in unfolded and "URL:" + BASE + "es/services/pa-dos/register-llc/" in unfolded


def test_the_hand_written_pages_and_the_navigation_are_in_spanish(built_site):
    about = _page(built_site, "es/about/")
    assert about.h1.get_text(strip=True) == "Acerca de este sitio" and not about.select(".os-untranslated")
    home = _page(built_site, "es/")
    assert home.h1.get_text(strip=True) == "Abrir y manejar un negocio en Pensilvania"
    nav = [a.get_text(" ", strip=True) for a in home.select(".md-nav--primary .md-nav__link")]
    assert "Guías paso a paso" in nav and "Acerca de este sitio" in nav and "Step-by-step guides" not in nav
    assert not (built_site / "about.es").exists() and not (built_site / "es/about.es").exists()
