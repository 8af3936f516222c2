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
from generator.search import FIELDS, compact_index, documents, load_synonyms
from generator.search.lunr_pipeline import stem
from generator.search.synonyms import terms_of

from .lunr_reference import analyze_text, lunr_py_index, reference_search

NODE_DIR = REPO / "tests" / "search"
ISSUE_CASES = [
    # (what a citizen types, a page that must be in the first n results, n): issue 15's searches that
    # missed, found through the site's synonyms (synonyms.yml) in both pipelines.
    ("food truck license", "services/allegheny-health/get-mobile-food-permit/", 3),
    ("food truck license", "services/pa-agriculture/get-mobile-food-facility-license/", 3),
    ("unemployment insurance", "services/pa-li/register-unemployment-account/", 1),
    ("W-4", "journeys/hire-your-first-employee/", 1),
    ("payroll", "journeys/hire-your-first-employee/", 3),
    ("hire staff", "journeys/hire-your-first-employee/", 1),
    ("tax ID", "services/irs/get-ein/", 1),
    ("FEIN", "services/irs/get-ein/", 1),
    ("trade name", "services/pa-dos/register-fictitious-name/", 1),
    ("charity", "journeys/start-a-nonprofit/", 3),
    ("UC", "services/pa-li/register-unemployment-account/", 1),
    ("food permit", "services/philadelphia-li/get-food-license/", 6),
]
QUERIES = [
    "llc", "LLC", "dba", "money", "day", "hiring", "hire", "restaurant", "restaurants", "food truck",
    "workers comp", "sales tax license", "liquor", "raffle", "501(c)(3)", "trademark logo", "ein",
    "close a business", "zoning", "payroll taxes", "yearly", "charity donations", "philly", "new hires",
    "licence", "restaraunt", "the", "i-9", "e-verify", "state", "tax", "pay", "apply", "register",
    *(query for query, _, _ in ISSUE_CASES),
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
def synonyms():
    found, problems = load_synonyms(EXAMPLE)
    assert problems == [] and len(found.groups) >= 10
    return found


def synonym_texts(synonyms) -> list[str]:
    """Every phrase of the synonyms, alone, in a sentence, and run together: what phrase matching sees."""
    phrases = [p for group in synonyms.groups for p in group]
    return [*phrases, *(f"how do I get a {p} here" for p in phrases), " ".join(phrases)]


@pytest.fixture(scope="module")
def parity(node, example, synonyms):
    docs = documents(example.site, synonyms=synonyms)
    compact = compact_index(docs)
    payload = {
        "texts": site_texts(docs) + TRICKY + corpus_words() + synonym_texts(synonyms),
        "documents": [{"ref": str(i), "boost": d.boost, **{f.name: d.field(f.name) for f in FIELDS}}
                      for i, d in enumerate(docs)],
        "fields": [[f.name, f.boost] for f in FIELDS],
        "compact": {**compact, "version": "test", "kinds": {}, "synonyms": synonyms.for_index()},
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
    # lunr.js alone finds nothing for a stop word, a misspelling or a synonym no page uses (search.js
    # corrects the misspelling, and reads "licence" as the synonym of "license").
    empty = [q for q, r in zip(QUERIES, out["lunrjs"]["results"]) if not r]
    assert empty == ["licence", "restaraunt", "the"]


def test_browser_search_corrects_typos_and_matches_prefixes(parity):
    docs, _, out = parity
    found = {q: r for q, r in zip(QUERIES, out["searcher"])}

    def titles(query: str) -> list[str]:
        return [docs[int(ref)].title for ref in found[query]["refs"][:3]]

    assert found["restaraunt"]["corrected"] == "restaurant"
    assert titles("restaraunt")[0] == "Open a restaurant in Pennsylvania: step by step"
    assert found["the"]["refs"] == []
    assert "Register a limited liability company (LLC)" in titles("LLC")
    # "licence" is a synonym of "license" (synonyms.yml): found as it is, not corrected.
    assert found["licence"]["corrected"] is None and not found["licence"]["partial"]
    assert "Apply for a liquor license for a restaurant or bar" in [docs[int(r)].title for r in found["licence"]["refs"]]


# -- Synonyms: the same phrases read the same way on both sides, and the same pages found.

def test_the_browser_reads_synonyms_phrases_as_python_does(parity, synonyms):
    _, payload, out = parity
    python = [[[term, list(terms)] for term, terms in synonyms.query_parts(terms_of(t))] for t in payload["texts"]]
    mismatches = [(t, [x for x in p if x not in b], [x for x in b if x not in p])
                  for t, p, b in zip(payload["texts"], python, out["parts"]) if p != b]
    assert mismatches == []
    grouped = [t for t, parts in zip(payload["texts"], python) if any(term.startswith("_syn") for term, _ in parts)]
    assert len(grouped) >= 3 * sum(len(g) for g in synonyms.groups)  # every phrase, alone and in a sentence


def test_python_and_the_browser_find_the_same_pages_for_every_query(parity, synonyms):
    """The browser's queries (search.js), built in Python with lunr.py's Query: the same pages in the
    same order, for every query the browser answers without correcting it."""
    docs, _, out = parity
    index = lunr_py_index(docs)
    compared = 0
    for query, js in zip(QUERIES, out["searcher"]):
        if js["corrected"] or js["partial"]:
            continue
        py = reference_search(index, synonyms, query)
        assert [r for r, _ in py] == js["refs"], query
        assert all(abs(a - b) < 0.05 * max(1.0, abs(b)) for (_, a), b in zip(py, js["scores"])), query
        compared += 1
    assert compared >= 40


@pytest.mark.parametrize(("query", "url", "top"), ISSUE_CASES, ids=[f"{q}->{u}" for q, u, _ in ISSUE_CASES])
def test_the_issue_s_searches_find_the_page_in_both_pipelines(parity, synonyms, query, url, top):
    docs, _, out = parity
    js = out["searcher"][QUERIES.index(query)]
    assert not js["partial"] and js["corrected"] is None, query
    browser = [docs[int(ref)].url for ref in js["refs"][:top]]
    python = [docs[int(ref)].url for ref, _ in reference_search(lunr_py_index(docs), synonyms, query)[:top]]
    assert url in browser, f"browser: {browser}"
    assert url in python, f"Python: {python}"


def test_a_service_whose_keyword_is_searched_ranks_above_every_agency(example, synonyms, node):
    """For every keyword of every service (but those that name an agency, such as 'PLCB'), the
    service comes before any agency page: the agency's description mentioning a word is no match
    for a service that says it is about it."""
    docs = documents(example.site, synonyms=synonyms)
    agency_words = {t for d in docs if d.kind == "agency" for f in ("title", "keywords")
                    for t in analyze_text(d.field(f))}
    cases = [(keyword, service_doc_url) for service_doc_url, service in
             ((f"services/{ref}/", s) for ref, s in example.site.services.items()) for keyword in service.keywords
             if not all(term in agency_words for term, _ in synonyms.query_parts(analyze_text(keyword)))]
    out = run_node(node, {"compact": {**compact_index(docs), "version": "test", "kinds": {},
                                      "synonyms": synonyms.for_index()},
                          "searches": [keyword for keyword, _ in cases]})
    index = lunr_py_index(docs)
    wrong = []
    for (keyword, url), js in zip(cases, out["searched"]):
        for side, refs in (("browser", js["refs"]), ("Python", [r for r, _ in reference_search(index, synonyms, keyword)])):
            found = [docs[int(r)] for r in refs]
            mine = next((i for i, d in enumerate(found) if d.url == url), None)
            agency = next((i for i, d in enumerate(found) if d.kind == "agency"), None)
            if mine is None or (agency is not None and agency < mine):
                wrong.append(f"{side}: {keyword!r}: {url} at {mine}, an agency at {agency}")
    assert wrong == []
    assert len(cases) > 300
