"""A site's other languages as MkDocs builds them (engines/mkdocs/languages.py): its hand-written pages
in that language, or in the first one under a notice; its navigation in that language; and a site
that turns a second language on before anyone has translated a word still gets every page twice."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, RIVERTON, copy_site
from generator.engines.mkdocs.languages import FALLBACK_NOTICE, language_pages, translated_nav
from generator.i18n import Words, load_words


def test_a_language_s_pages_are_its_translations_or_the_first_language_s(tmp_path):
    docs, out = tmp_path / "content", tmp_path / "out"
    for name, text in {"index.md": "# Home", "index.es.md": "# Inicio", "about.md": "# About",
                       "guide/help.md": "# Help", "guide/help.fr.md": "# Aide", "assets/site.css": "p {}"}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text)
    fallbacks = language_pages(tmp_path, docs, out, "es", ("en", "es", "fr"))
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "about.md", "assets/site.css", "guide/help.md", "index.md"]
    assert (out / "index.md").read_text() == "# Inicio" and (out / "guide/help.md").read_text() == "# Help"
    assert fallbacks == {"about.md", "guide/help.md"}


def test_the_navigation_says_its_usual_titles_in_the_language_and_gives_way_to_the_pages_own():
    spanish = load_words(REPO, "es")
    nav = [{"Home": "index.md"}, {"Step-by-step guides": "journeys/index.md"}, {"Our town": "town.md"},
           {"Help": [{"About this site": "about.md"}, "faq.md"]}]
    assert translated_nav(nav, spanish) == [{"Inicio": "index.md"}, {"Guías paso a paso": "journeys/index.md"},
                                            "town.md", {"Help": [{"Acerca de este sitio": "about.md"}, "faq.md"]}]
    assert translated_nav(nav, Words()) == nav  # the content's own language: as written


@pytest.fixture(scope="module")
def untranslated(tmp_path_factory) -> Path:
    """Riverton with Spanish turned on and nothing translated: the site in Spanish words, with every
    agency's text in English, each page saying so."""
    root = copy_site(RIVERTON, tmp_path_factory.mktemp("riverton") / "repo")
    (root / "onestop.yml").write_text('site_team: ["@example/riverton-hub"]\nlanguages: [en, es]\n')
    shutil.copytree(REPO / "locales" / "es", root / "locales" / "es")  # the site's words in Spanish
    (root / "content" / "about.md").write_text("# About Riverton\n\nWho runs this site.\n")
    site = root.parent / "site"
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28",
                          "--site-dir", str(site)], cwd=root, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return site


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_with_nothing_translated_every_page_has_its_twin_under_a_notice(untranslated):
    english = sorted(p.relative_to(untranslated).parent.as_posix() for p in untranslated.rglob("index.html")
                     if p.relative_to(untranslated).parts[0] != "es")
    for url in english:
        assert (untranslated / "es" / url / "index.html").is_file(), url
    service = _page(untranslated, "es/services/riverton-clerk/get-business-license/")
    assert service.html["lang"] == "es" and service.h1.span["lang"] == "en"
    assert "aún no está disponible en español" in service.select_one(".os-untranslated").get_text()
    assert service.find("a", string="Inicio") is not None  # the interface is Spanish


def test_a_hand_written_page_with_no_translation_shows_in_english_under_a_spanish_notice(untranslated):
    about = _page(untranslated, "es/about/")
    notice = about.select_one(".os-untranslated")
    said = load_words(REPO, "es").gettext(FALLBACK_NOTICE, language="español", source="inglés")
    assert notice is not None and notice.get_text(strip=True) == said
    body = notice.find_next_sibling("div")
    assert body["lang"] == "en" and body.h1.get_text(strip=True) == "About Riverton"
    assert not _page(untranslated, "about/").select(".os-untranslated")


def test_an_untranslated_home_text_is_marked_english_on_a_spanish_home_page(untranslated):
    home = _page(untranslated, "es/")
    intro = home.find("div", attrs={"lang": "en"})
    assert intro is not None and intro.h1.get_text(strip=True) == "Riverton Business Hub"
    assert home.select_one(".os-untranslated") is None  # the home page itself is Spanish
    assert home.find("h2", string="Guías paso a paso") is not None or "Guías" in home.get_text()
