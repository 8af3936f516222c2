"""Which page is whose twin (languages.py), and the site in another language (translations/site.py)."""

from __future__ import annotations

from conftest import EXAMPLE, TODAY
from generator.graph import entity_key
from generator.languages import PageLanguages, SiteLanguages
from generator.model import ServiceRef
from generator.pipeline import check
from generator.translations.overlay import Foreign
from generator.translations.site import collation_key, translated_site

LANGUAGES = SiteLanguages(("en", "es"), {"en": frozenset({"", "services/", "a-z/r/", "services/a/b/"}),
                                         "es": frozenset({"", "services/", "a-z/s/", "services/a/b/"})})


def test_a_page_s_alternates_are_its_twins_and_x_default_the_content_s_language():
    page = PageLanguages(LANGUAGES, "es", "https://x.example.gov/")
    assert page.alternates("services/a/b/") == [("en", "https://x.example.gov/services/a/b/"),
                                                ("es", "https://x.example.gov/es/services/a/b/"),
                                                ("x-default", "https://x.example.gov/services/a/b/")]
    assert page.alternates("./") == page.alternates("") != []
    assert page.alternates("about/")[1] == ("es", "https://x.example.gov/es/about/")  # hand-written: in both
    assert page.alternates("a-z/s/") == []  # a page of letters only Spanish titles make
    assert PageLanguages(LANGUAGES, "es", None).alternates("services/a/b/") == []  # no address: no full links


def test_the_switch_links_to_the_same_page_or_to_its_list_where_the_twin_does_not_exist():
    english, spanish = PageLanguages(LANGUAGES, "en", "https://x.example.gov/"), PageLanguages(LANGUAGES, "es", None)
    [(twin, href)] = english.switch("services/a/b/")
    assert (twin.lang, twin.name, twin.path, href) == ("es", "Español", "es/services/a/b/", "../../../es/services/a/b/")
    assert [(t.name, h) for t, h in spanish.switch("services/a/b/")] == [("English", "../../../../services/a/b/")]
    assert [h for _, h in english.switch("a-z/r/")] == ["../../es/services/"]
    assert [h for _, h in spanish.switch("")] == ["../"]
    assert [h for _, h in english.switch(None)] == ["/es/"]  # the 404 page, served at any address
    assert PageLanguages(SiteLanguages(("en",), {}), "en", None).switch("services/a/b/") == []


def test_a_translated_site_puts_each_translation_in_and_lists_by_translated_titles():
    result = check(EXAMPLE, TODAY)
    spanish = translated_site(result.site, result.translations, "es")
    llc = spanish.services[ServiceRef("pa-dos", "register-llc")]
    assert llc.title == "Registrar una compañía de responsabilidad limitada (LLC)" and not isinstance(llc.title, Foreign)
    assert spanish.language == "es" and entity_key("service", llc.ref) not in spanish.untranslated
    exemption = spanish.services[ServiceRef("irs", "apply-tax-exemption")]  # no translation file
    assert isinstance(exemption.title, Foreign) and exemption.title.lang == "en"
    assert entity_key("service", exemption.ref) in spanish.untranslated
    titles = [collation_key(s.title) for s in spanish.services.values()]
    assert titles == sorted(titles) and list(spanish.services) != list(result.site.services)
    assert set(spanish.services) == set(result.site.services) and set(spanish.journeys) == set(result.site.journeys)
    for agency_id, refs in spanish.services_of_agency.items():
        assert [collation_key(spanish.services[r].title) for r in refs] == sorted(
            collation_key(spanish.services[r].title) for r in refs), agency_id
    # An agency keeps its official name: shown in English (lang="en") without calling the page untranslated.
    dos = spanish.agencies["pa-dos"]
    assert isinstance(dos.name, Foreign) and entity_key("agency", "pa-dos") not in spanish.untranslated
    assert spanish.totals == result.site.totals  # amounts and times do not change with the words


def test_collation_ignores_case_and_accents():
    assert sorted(["Zona", "Ámbito", "abrir", "Éxito"], key=collation_key) == ["abrir", "Ámbito", "Éxito", "Zona"]
