"""The Spanish search in a real browser: Chromium folds, stems and finds as Python does, in the
search worker (which imports search-es.js once the index names its language) and on the page; and an
English search page never loads the Spanish pipeline."""

from __future__ import annotations

import json
import shutil

import pytest
from search.lunr_reference import lunr_py_index, normalize_space, reference_search

from conftest import REPO, serve
from generator.i18n import load_words
from generator.search import Synonyms, documents, site_search
from generator.search.pipelines import SPANISH

QUERIES = ["camion de comida", "camión de comida", "licencia de comida", "Número de identificación del empleador",
           "CERRAR UN NEGOCIO", "informacion", "dueño", "¿Cómo contrato a mi primer empleado?"]
ASSETS = ("lunr.min.js", "search.js", "search-es.js", "search-worker.js")
# A bare page with the Spanish search page's scripts, in the order the page has them.
HARNESS = """<!doctype html><html lang="es"><head><meta charset="utf-8"><title>buscar</title></head><body>
<script src="../../assets/lunr.min.js"></script><script src="../../assets/search-es.js"></script>
<script src="../../assets/search.js"></script></body></html>"""
IN_WORKER = """async (queries) => {
  const worker = new Worker("../../assets/search-worker.js");
  const answers = [];
  await new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.type === "ready") { resolve(); } else if (m.type === "error") { reject(new Error(m.message)); }
    };
    worker.postMessage({ type: "load", url: new URL("index.json", location.href).href });
  });
  for (let id = 0; id < queries.length; id++) {
    answers.push(await new Promise((resolve) => {
      worker.onmessage = (event) => resolve(event.data.outcome.refs);
      worker.postMessage({ type: "search", id, text: queries[id] });
    }));
  }
  return answers;
}"""
ON_PAGE = """async (queries) => {
  const data = await onestopSearch.fetchIndex("index.json");
  const searcher = new onestopSearch.Searcher(window.lunr, data);
  return queries.map((q) => searcher.search(q).results.map((r) => r.ref));
}"""


@pytest.fixture(scope="module")
def spanish_search(spanish_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("es-search")
    (root / "assets").mkdir()
    for name in ASSETS:
        shutil.copy(REPO / "content" / "assets" / name, root / "assets" / name)
    for path, text in site_search(spanish_site, (), load_words(REPO, "es")).files.items():
        (root / "es" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "es" / path).write_text(text, encoding="utf-8")
    (root / "es" / "search" / "harness.html").write_text(HARNESS, encoding="utf-8")
    assert json.loads((root / "es" / "search" / "index.json").read_text())["language"] == "es"
    with serve(root) as url:
        yield url + "es/search/harness.html"


@pytest.fixture(scope="module")
def python_answers(spanish_site):
    docs = documents(spanish_site)
    index = lunr_py_index(docs, SPANISH)
    return [[r for r, _ in reference_search(index, Synonyms(language="es"), normalize_space(q))] for q in QUERIES]


def test_the_worker_loads_the_spanish_pipeline_and_finds_what_python_finds(page, spanish_search, python_answers):
    workers = []
    page.on("worker", lambda worker: workers.append(worker))
    page.goto(spanish_search)
    answers = page.evaluate(IN_WORKER, QUERIES)
    assert answers == python_answers
    assert answers[0] == answers[1] and answers[0]  # "camion" is "camión"
    assert workers and workers[0].evaluate("typeof self.onestopSearchLanguages.es.stem") == "function"


def test_without_workers_the_page_finds_the_same(page, spanish_search, python_answers):
    page.goto(spanish_search)
    assert page.evaluate(ON_PAGE, QUERIES) == python_answers


def test_an_english_search_page_never_loads_the_spanish_pipeline(page, site_url):
    fetched, workers = [], []
    page.on("request", lambda request: fetched.append(request.url))
    page.on("worker", lambda worker: workers.append(worker))
    page.goto(site_url + "search/?q=llc")
    page.locator(".os-result").first.wait_for()
    assert [u for u in fetched if u.endswith("search.js")] and not [u for u in fetched if "search-es" in u]
    assert workers and workers[0].evaluate("typeof self.onestopSearchLanguages") == "undefined"
    assert page.evaluate("typeof window.onestopSearchLanguages") == "undefined"
