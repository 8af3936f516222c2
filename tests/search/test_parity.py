"""Python and the browser agree: lunr.py (at build time) and lunr.js 2.3.9 (node) turn text into
the same terms, build the same index, and answer the same queries with the same pages.

The search index is analysed in Python and queried by lunr.js, so any disagreement means a word
that is on the site cannot be found. lunr.py's own stemmer disagrees with lunr.js ("money" ->
"monei"), which is why generator/search/lunr_pipeline.py exists; these tests hold it to lunr.js.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import EXAMPLE, REPO, RIVERTON
from generator.search import FIELDS, compact_index, documents
from generator.search.lunr_pipeline import stem

from .lunr_reference import analyze_text, lunr_py_index

NODE_DIR = REPO / "tests" / "search"
QUERIES = [
    "llc", "LLC", "dba", "money", "day", "hiring", "hire", "restaurant", "restaurants", "food truck",
    "workers comp", "sales tax license", "liquor", "raffle", "501(c)(3)", "trademark logo", "ein",
    "close a business", "zoning", "payroll taxes", "yearly", "charity donations", "philly", "new hires",
    "licence", "restaraunt", "the", "i-9", "e-verify", "state", "tax", "pay", "apply", "register",
]
TRICKY = [
    "money day days yes yelling crying saying trying lay by sky hopping hoping controlling generalization",
    "501(c)(3) 7(a) 50/50 U.S. Inc. DSCB:15-8821 workers' seller's & — – \"quoted\" (brackets) [x] {y}",  # noqa: RUF001 - dashes are part of the test
    "non\u00a0breaking\u2003em\u2009thin\u3000ideographic\u202fnarrow tab\there new\nline",
    "Café naïve résumé Ünïcödé İstanbul straße ΣΊΣΥΦΟΣ", "", "   ", "a the and of",
]


@pytest.fixture(scope="module")
def node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the parity test needs node 20 (see README)")
    if not (NODE_DIR / "node_modules" / "lunr" / "package.json").is_file():
        pytest.fail("lunr.js is not installed: run `make test` (it runs npm ci in tests/search)")
    return node


def run_node(node: str, payload: dict) -> dict:
    run = subprocess.run([node, str(NODE_DIR / "parity.js")], input=json.dumps(payload), capture_output=True,
                         text=True, timeout=300, cwd=NODE_DIR)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def site_texts(docs) -> list[str]:
    return [doc.field(f.name) for doc in docs for f in FIELDS]


def corpus_words() -> list[str]:
    """Every word in the example site, the Riverton fixture and this package's docs."""
    text = " ".join(p.read_text(encoding="utf-8") for root in (EXAMPLE, RIVERTON, REPO / "content")
                    for p in root.rglob("*") if p.suffix in (".yml", ".md"))
    return sorted({w.lower() for w in re.findall(r"[A-Za-z']+", text)})


@pytest.fixture(scope="module")
def parity(node, example):
    docs = documents(example.site)
    compact = compact_index(docs)
    payload = {
        "texts": site_texts(docs) + TRICKY + corpus_words(),
        "documents": [{"ref": str(i), "boost": d.boost, **{f.name: d.field(f.name) for f in FIELDS}}
                      for i, d in enumerate(docs)],
        "fields": [[f.name, f.boost] for f in FIELDS],
        "compact": {**compact, "version": "test", "kinds": {}},
        "queries": QUERIES,
    }
    return docs, payload, run_node(node, payload)


def test_lunr_py_stemmer_is_the_one_lunr_js_disagrees_with():
    """Why lunr_pipeline exists: lunr.py's stemmer differs from lunr.js on everyday words."""
    from lunr.stemmer import stemmer as lunr_py_stemmer
    from lunr.token import Token

    assert str(lunr_py_stemmer(Token("money"))) == "monei" and stem("money") == "money"
    assert str(lunr_py_stemmer(Token("day"))) == "dai" and stem("day") == "day"


def test_every_text_is_analysed_into_the_same_terms(parity):
    _, payload, out = parity
    python = [analyze_text(t) for t in payload["texts"]]
    mismatches = [(t, p, j) for t, p, j in zip(payload["texts"], python, out["analysed"]) if p != j]
    assert mismatches == []
    assert len(payload["texts"]) > 1000  # site fields, tricky strings and every word of the corpus


def test_stemmer_agrees_on_every_word_of_the_corpus(node):
    words = corpus_words()
    out = run_node(node, {"texts": words, "documents": [], "fields": [["title", 1]], "queries": [],
                          "compact": {"format": 1, "fields": ["title"], "boosts": [1], "k1": 1.2, "b": 0.75,
                                      "count": 0, "chunk": 1, "docBoosts": [], "lengths": [[]], "terms": [],
                                      "postings": [], "frequencies": [], "words": [], "version": "",
                                      "kinds": {}}})
    assert [analyze_text(w) for w in words] == out["analysed"]
    assert len(words) > 1000


def test_rebuilt_index_is_the_index_lunr_js_builds(parity):
    """The compact file, rebuilt by search.js, holds exactly what lunr.js's Builder makes from the
    documents: the same terms and postings, and the same weight for every term of every field."""
    _, _, out = parity
    assert out["rebuilt"]["inverted"] == out["lunrjs"]["inverted"]
    assert out["rebuilt"]["vectors"] == out["lunrjs"]["vectors"]
    assert out["rebuilt"]["tokens"] == out["lunrjs"]["tokens"]
    # Scores add the same numbers in another order (lunr.js numbers terms as it meets them, the
    # compact index alphabetically), so they agree to rounding, not to the last bit.
    for query, rebuilt, built in zip(QUERIES, out["rebuilt"]["results"], out["lunrjs"]["results"]):
        assert sorted(r for r, _ in rebuilt) == sorted(r for r, _ in built), query
        scores = dict(built)
        assert all(abs(score - scores[ref]) < 1e-9 for ref, score in rebuilt), query


def test_lunr_py_and_lunr_js_answer_queries_alike(parity):
    docs, _, out = parity
    index = lunr_py_index(docs)
    for query, js in zip(QUERIES, out["lunrjs"]["results"]):
        py = [[r["ref"], r["score"]] for r in index.search(query)]
        assert [r for r, _ in py] == [r for r, _ in js], query
        assert all(abs(a - b) < 1e-3 * max(1.0, abs(b)) for (_, a), (_, b) in zip(py, js)), query
    # lunr.js alone finds nothing for a stop word or a misspelling (search.js corrects those).
    empty = [q for q, r in zip(QUERIES, out["lunrjs"]["results"]) if not r]
    assert empty == ["licence", "restaraunt", "the"]


def test_browser_search_corrects_typos_and_matches_prefixes(parity):
    docs, _, out = parity
    found = {q: r for q, r in zip(QUERIES, out["searcher"])}

    def titles(query: str) -> list[str]:
        return [docs[int(ref)].title for ref in found[query]["refs"][:3]]

    assert found["licence"]["corrected"] == "license"
    assert found["restaraunt"]["corrected"] == "restaurant"
    assert titles("restaraunt")[0] == "Open a restaurant in Pennsylvania: step by step"
    assert found["the"]["refs"] == []
    assert "Register a limited liability company (LLC)" in titles("LLC")
