"""The search index builder: which documents, which fields, the compact index and result chunks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, RIVERTON, copy_site, site_options
from generator.lunr_pipeline import analyze, analyze_text, normalize_space, stem, tokenize, trim
from generator.render import Renderer
from generator.search import (
    CHUNK_SIZE,
    FIELDS,
    ContentPage,
    SearchDocument,
    build_search,
    compact_index,
    documents,
    lunr_builder,
    page_document,
    site_search,
)


@pytest.fixture(scope="module")
def docs(riverton):
    return documents(riverton.site, [ContentPage("about/", "# About us\n\nWe help **Riverton** firms.\n\nMore text.\n")])


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


def test_pipeline_is_lunr_js_s():
    assert stem("money") == "money" and stem("day") == "day"  # where lunr.py's stemmer differs
    assert [stem(w) for w in ["restaurants", "licensing", "hiring", "compensation", "yelling"]] == [
        "restaur", "licens", "hire", "compens", "yell"]
    assert trim("501(c)(3)") == "501(c)(3" and trim("(llc),") == "llc" and trim("café") == "caf"
    assert tokenize("Food\u00a0truck\u2003e-verify  LLC") == ["food", "truck", "e", "verify", "llc"]
    assert normalize_space("a\u2003b\u00a0c") == "a b c"
    assert analyze("the") is None and analyze("&") == ""
    assert analyze_text("Get the workers' comp") == ["worker", "comp"]


@pytest.mark.parametrize("site", ["riverton", "example"])
def test_compact_index_is_what_lunr_py_s_builder_records(site, request):
    """The build counts terms itself (lunr.py's Builder is several times slower); it must record
    exactly what lunr.py's Builder does, with lunr.js's pipeline."""
    docs = documents(request.getfixturevalue(site).site)
    builder = lunr_builder()
    for i, doc in enumerate(docs):
        builder.add({"ref": str(i), **{f.name: doc.field(f.name) for f in FIELDS}},
                    attributes={"boost": doc.boost} if doc.boost != 1 else None)
    index = compact_index(docs)
    assert index["count"] == len(docs) and index["fields"] == [f.name for f in FIELDS]
    assert index["terms"] == sorted(builder.inverted_index)  # ASCII here: JavaScript's order too
    for t, term in enumerate(index["terms"]):
        decoded = {}
        for entry in index["postings"][t]:
            field, refs, doc = index["fields"][entry[0]], [], 0
            for delta in entry[1:]:
                doc += delta
                refs.append(str(doc))
            decoded[field] = refs
        expected = {f: sorted(refs, key=int) for f, refs in builder.inverted_index[term].items()
                    if f != "_index" and refs}
        assert decoded == expected, term
    freq = index["frequencies"]
    quads = {(freq[i], freq[i + 1], freq[i + 2]): freq[i + 3] for i in range(0, len(freq), 4)}
    for ref_field, tfs in builder.field_term_frequencies.items():
        field, doc = ref_field.split("/")
        for term, tf in tfs.items():
            key = (int(doc), index["fields"].index(field), index["terms"].index(term))
            assert quads.get(key, 1) == tf
    assert index["lengths"] == [[builder.field_lengths[f"{f}/{i}"] for i in range(len(docs))]
                                for f in index["fields"]]
    assert index["docBoosts"] == [[int(r), a["boost"]] for r, a in builder._documents.items() if a]


def test_typo_words_map_written_words_to_their_terms(docs):
    index = compact_index(docs)
    words = dict(map(tuple, index["words"]))
    for word, term in words.items():
        assert index["terms"][term] == stem(word) != word
    assert "company" in words and "form" not in words  # "form" is its own term


def test_search_files_are_an_index_and_chunks_of_result_records(docs):
    bundle = build_search(docs)
    assert sorted(bundle.files) == ["search/docs/0.json", "search/index.json"]
    index = json.loads(bundle.files["search/index.json"])
    assert index["version"] == bundle.version and index["chunk"] == CHUNK_SIZE
    assert index["kinds"] == {"j": "Step-by-step guide", "s": "Service", "a": "Agency", "p": "Page"}
    records = json.loads(bundle.files["search/docs/0.json"])
    assert len(records) == len(docs)
    assert records[9] == ["s", "Form a company", docs[9].summary, "State Business Registry (SBR)",
                          "services/state-registry/form-company/"]
    assert records[0][:2] == ["j", "Hire your first worker"]


def test_chunks_split_every_chunk_size_documents():
    many = [SearchDocument("service", f"services/a/s{i}/", f"Service {i}", "Summary.") for i in range(2 * CHUNK_SIZE + 1)]
    bundle = build_search(many)
    assert sorted(bundle.files) == ["search/docs/0.json", "search/docs/1.json", "search/docs/2.json",
                                    "search/index.json"]
    assert [len(json.loads(bundle.files[f"search/docs/{n}.json"])) for n in range(3)] == [CHUNK_SIZE, CHUNK_SIZE, 1]
    assert json.loads(bundle.files["search/docs/2.json"])[0][1] == f"Service {2 * CHUNK_SIZE}"


def test_version_is_stable_and_follows_the_content(riverton, docs):
    assert build_search(docs).version == build_search(list(docs)).version
    changed = [*docs[:-1], SearchDocument("page", "about/", "About us", "Changed.")]
    assert build_search(changed).version != build_search(docs).version
    assert site_search(riverton.site).files == build_search(documents(riverton.site)).files


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


def test_material_search_plugin_is_reported(built_riverton):
    config = built_riverton / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=built_riverton, capture_output=True,
                         text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert ("mkdocs.yml: plugins: Material's search plugin is on, but onestop has its own search (the /search/ "
            "page): remove '- search' from plugins, or every page loads two searches") in run.stderr


def test_benchmark_generator_makes_a_site_the_search_indexes():
    """benchmarks/bench_search.py's synthetic government stays usable (the benchmark is not run
    by make test)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_search", REPO / "benchmarks" / "bench_search.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    site = bench.synthetic_site(300)
    assert len(site.services) == 300 and len(site.journeys) == 5 and len(site.agencies) == 15
    bundle = build_search(documents(site))
    index = json.loads(bundle.files["search/index.json"])
    assert index["count"] == 320 and len(bundle.files) == 1 + 16
    titles = [s.title for s in site.services.values()]
    assert all(4 <= len(t.split()) <= 14 for t in titles) and len(set(titles)) > 250
