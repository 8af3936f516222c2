"""The search page: a plain form with a live region and ways to browse, the header search box on
every other page, and what the page's script reads from the page (its words and its result
template)."""

from __future__ import annotations

import gettext
import json
import re
import subprocess
import sys

import jinja2
import pytest
from bs4 import BeautifulSoup

from conftest import REPO, RIVERTON, copy_site, site_options
from generator.i18n import Words, install
from generator.render import Renderer
from generator.search import KINDS


def test_search_page_is_a_plain_form_with_a_live_region_and_fallbacks(riverton):
    renderer = Renderer(site_options())
    page = next(p for p in renderer.pages(riverton.site) if p.kind == "search")
    assert (page.url, page.title) == ("search/", "Search")
    html = BeautifulSoup(page.html, "html.parser")
    root = html.select_one("[data-os-search]")
    assert (root["data-root"], root["data-index"], root["data-worker"]) == (
        "../", "index.json", "../assets/search-worker.js")
    form = html.select_one("form[role=search]")
    assert (form["action"], form["method"], form["aria-label"]) == ("./", "get", "Search this site")
    label = form.find("label")
    assert form.select_one("#" + label["for"])["name"] == "q"
    assert form.select_one("button[type=submit]").get_text() == "Search"
    status = html.select_one("[role=status]")
    assert (status["aria-live"], status["aria-atomic"]) == ("polite", "true")
    noscript = html.find("noscript")
    assert noscript.find("a", string="A to Z list of all 6 services")["href"] == "../services/"
    none = html.select_one(".os-search-none")
    assert none.has_attr("hidden")
    assert [a.get_text() for a in none.select(".os-card--journey .os-card__title")] == [
        "Hire your first worker", "Open a shop in Riverton"]
    assert [s["src"] for s in html.find_all("script")] == ["../assets/lunr.min.js", "../assets/search.js"]


@pytest.fixture(scope="module")
def built_riverton(tmp_path_factory):
    root = copy_site(RIVERTON, tmp_path_factory.mktemp("riverton-search") / "repo")
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28"],
                         cwd=root, capture_output=True, text=True, timeout=300,
                         env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    return root


def test_built_site_has_the_search_files_and_a_header_search_box(built_riverton):
    site = built_riverton / "site"
    index = json.loads((site / "search/index.json").read_text())
    assert index["count"] == 11  # 2 guides, 3 agencies, 6 services (the home page is not a document)
    assert not (site / "search/search_index.json").exists()  # Material's search is off
    page = BeautifulSoup((site / "services/riverton-clerk/get-sign-permit/index.html").read_text(), "html.parser")
    header = page.select_one(".os-site-search form[role=search]")
    assert (header["action"], header["method"], header["aria-label"]) == ("../../../search/", "get", "Site")
    assert header.find("label").get_text() == "Search services and guides"
    assert not page.select(".md-search")  # no Material search dialog
    assert not [s for s in page.find_all("script") if "lunr" in (s.get("src") or "")]
    search = BeautifulSoup((site / "search/index.html").read_text(), "html.parser")
    assert not search.select(".os-site-search") and len(search.select("form[role=search]")) == 1


def test_the_page_script_comes_after_the_article_on_the_search_page_only(built_riverton):
    """search.js (the index, shared with the worker) and then search-page.js (the page), all deferred;
    the page's script comes with the theme, after the article, whose content stays as it was."""
    site = built_riverton / "site"
    page = BeautifulSoup((site / "search/index.html").read_text(), "html.parser")
    assert not page.select_one("article").select("script[src$='search-page.js']")
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    assert scripts.index("../assets/lunr.min.js") < scripts.index("../assets/search.js") < scripts.index(
        "../assets/search-page.js")
    assert page.find("script", src="../assets/search-page.js").has_attr("defer")  # after search.js, also deferred
    other = BeautifulSoup((site / "services/riverton-clerk/get-sign-permit/index.html").read_text(), "html.parser")
    assert not other.select("script[src$='search-page.js']")


def test_a_result_is_a_copy_of_the_page_s_template(built_riverton):
    """search-page.js builds no markup: a result is a copy of a <template> after the article (the
    page's content stays as it was), on the search page only, which the script fills in."""
    site = built_riverton / "site"
    page = BeautifulSoup((site / "search/index.html").read_text(), "html.parser")
    item = page.select_one("template#os-search-result").find("li", class_="os-result")
    assert [e["class"] for e in item.find_all(True)] == [
        ["os-result__title"], ["os-result__meta"], ["os-result__kind"], ["os-result__agency"], ["os-result__summary"]]
    assert item.get_text() == "" and not item.find("a").has_attr("href")
    assert not page.select_one("article").select("template")
    other = BeautifulSoup((site / "services/riverton-clerk/get-sign-permit/index.html").read_text(), "html.parser")
    assert not other.select("template")


def script_words(page: BeautifulSoup) -> dict:
    return json.loads(page.select_one('script#os-search-words[type="application/json"]').string)


def test_the_script_s_words_are_in_the_page(built_riverton):
    """search-page.js says nothing of its own: its words are the catalogue's, in a JSON block after
    the article (the page's content stays as it was), on the search page only; each %(name)s is
    left for the script, and a count's words come in each plural category of the language."""
    site = built_riverton / "site"
    page = BeautifulSoup((site / "search/index.html").read_text(), "html.parser")
    words = script_words(page)
    assert words["none"] == "No results for \u201c%(query)s\u201d."
    assert words["found"] == {"one": "%(num)s result for \u201c%(query)s\u201d.",
                              "other": "%(num)s results for \u201c%(query)s\u201d."}
    assert words["corrected"]["other"] == "%(num)s results for \u201c%(query)s\u201d (no page matched \u201c%(typed)s\u201d)."
    assert words["title"] == "\u201c%(query)s\u201d: %(title)s"
    assert sorted(words) == ["corrected", "correctedPartial", "failed", "found", "none", "partial", "title"]
    assert all(sorted(words[k]) == ["one", "other"] for k in ("found", "corrected", "partial", "correctedPartial"))
    assert not page.select_one("article").select("script#os-search-words")
    other = BeautifulSoup((site / "services/riverton-clerk/get-sign-permit/index.html").read_text(), "html.parser")
    assert not other.select("script#os-search-words")


GERMAN = {
    "No results for \u201c%(query)s\u201d.": "Keine Ergebnisse f\u00fcr \u201e%(query)s\u201c.",
    ("%(num)s result for \u201c%(query)s\u201d.", 1): "%(num)s Ergebnis f\u00fcr \u201e%(query)s\u201c.",
    ("%(num)s result for \u201c%(query)s\u201d.", 2): "%(num)s Ergebnisse f\u00fcr \u201e%(query)s\u201c.",
}


class Catalogue(gettext.NullTranslations):
    """A few of the script's words in German."""

    def gettext(self, message):
        return GERMAN.get(message, message)

    def ngettext(self, singular, plural, n):
        return GERMAN.get((singular, min(n, 2)), singular if n == 1 else plural)


def theme_template(name: str, words: Words) -> str:
    """A theme partial rendered as MkDocs renders theme templates (no autoescape), with `words`."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPO / "overrides")))
    env.filters["url"] = lambda path: "../" + path
    install(env, words)
    return env.get_template(name).render()


def test_the_script_s_words_are_said_through_the_catalogue():
    words = script_words(BeautifulSoup(theme_template("partials/onestop/search_script.html", Words("de", Catalogue())),
                                       "html.parser"))
    assert words["none"] == "Keine Ergebnisse f\u00fcr \u201e%(query)s\u201c."
    assert words["found"] == {"one": "%(num)s Ergebnis f\u00fcr \u201e%(query)s\u201c.",
                              "other": "%(num)s Ergebnisse f\u00fcr \u201e%(query)s\u201c."}
    assert words["failed"] == "Search could not load. Try again, or browse the lists below."  # not translated: as written


def test_the_search_scripts_say_no_words_and_build_no_markup():
    """Every word the search shows comes from the page (the words block) or the index (the kinds of
    result, in the build's words): no string in the scripts says any of them, and the scripts only
    fill in text and attributes."""
    scripts = {name: (REPO / "content" / "assets" / name).read_text(encoding="utf-8")
               for name in ("search.js", "search-page.js", "search-worker.js")}
    words = script_words(BeautifulSoup(theme_template("partials/onestop/search_script.html", Words()), "html.parser"))
    messages = [m for w in words.values() for m in (w.values() if isinstance(w, dict) else [w])]
    fragments = {f.strip(" \u201c\u201d.:") for m in messages for f in re.split(r"%\(\w+\)s", m)}
    fragments |= {k.label for k in KINDS.values()}
    fragments = {f for f in fragments if re.search("[A-Za-z]{3}", f)}
    assert "results for" in fragments and "Step-by-step guide" in fragments
    for name, text in scripts.items():
        literals = re.findall(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', text)
        assert literals, name
        assert [f for f in fragments if any(f in literal for literal in literals)] == [], name
        assert "createElement" not in text and "innerHTML" not in text and "insertAdjacentHTML" not in text, name


PAGE_GERMAN = {
    "Search": "Suche",
    "Search this site": "Diese Website durchsuchen",
    "Show more results": "Mehr Ergebnisse zeigen",
    "Search services and guides": "Dienste und Anleitungen suchen",
    ('Browse the <a href="%(az_url)s">A to Z list of all %(num)s service</a> or the <a href="%(agencies_url)s">'
     'agencies</a>.', 2): 'Alle %(num)s Dienste <a href="%(az_url)s">von A bis Z</a> oder die <a '
                          'href="%(agencies_url)s">Beh\u00f6rden</a>.',
}


class PageCatalogue(gettext.NullTranslations):
    """Some of the search page's own words in German."""

    def gettext(self, message):
        return PAGE_GERMAN.get(message, message)

    def ngettext(self, singular, plural, n):
        return PAGE_GERMAN.get((singular, min(n, 2)), singular if n == 1 else plural)


def test_the_search_page_s_own_words_are_said_through_the_catalogue(riverton):
    renderer = Renderer(site_options())
    install(renderer.env, Words("de", PageCatalogue()))
    page = next(p for p in renderer.index_pages(riverton.site) if p.kind == "search")
    html = BeautifulSoup(page.html, "html.parser")
    assert html.find("h1").get_text() == "Suche"
    form = html.select_one("form[role=search]")
    assert (form["aria-label"], form.select_one("button[type=submit]").get_text()) == ("Diese Website durchsuchen", "Suche")
    assert html.select_one(".os-search-more").get_text() == "Mehr Ergebnisse zeigen"
    browse = html.select_one(".os-search-none li:nth-of-type(2)")
    assert browse.get_text() == "Alle 6 Dienste von A bis Z oder die Beh\u00f6rden."
    assert [a["href"] for a in browse.find_all("a")] == ["../services/", "../agencies/"]
    header = BeautifulSoup(theme_template("partials/onestop/site_search.html", Words("de", PageCatalogue())), "html.parser")
    assert header.find("label").get_text() == "Dienste und Anleitungen suchen"
    assert header.select_one("button[type=submit]").get_text() == "Suche"


def test_material_search_plugin_is_reported(built_riverton):
    config = built_riverton / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=built_riverton, capture_output=True,
                         text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert ("mkdocs.yml: plugins: Material's search plugin is on, but onestop has its own search (the /search/ "
            "page): remove '- search' from plugins, or every page loads two searches") in run.stderr
