"""The search page: a plain form with a live region and ways to browse, and the header search box
on every other page."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, RIVERTON, copy_site
from generator.render import Renderer


def test_search_page_is_a_plain_form_with_a_live_region_and_fallbacks(riverton):
    renderer = Renderer([REPO / "overrides"], "Riverton Business Hub")
    page = next(p for p in renderer.pages(riverton.site) if p.kind == "search")
    assert (page.url, page.src_uri, page.title) == ("search/", "search/index.md", "Search")
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


def test_material_search_plugin_is_reported(built_riverton):
    config = built_riverton / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=built_riverton, capture_output=True,
                         text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert ("mkdocs.yml: plugins: Material's search plugin is on, but onestop has its own search (the /search/ "
            "page): remove '- search' from plugins, or every page loads two searches") in run.stderr
