"""Python and the browser agree in Spanish: generator/search/spanish.py (PyPI snowballstemmer 3.1.1)
and content/assets/search-es.js (its port) turn every word into the same term, search.js rebuilds
from the Spanish compact index what lunr.js's Builder makes with the same pipeline, and the browser's
queries find what Python's find. As tests/search/test_parity.py does for English, with node."""

from __future__ import annotations

import random
import re

import pytest

from conftest import EXAMPLE, REPO
from generator.search import FIELDS, compact_index, documents, load_synonyms
from generator.search.lunr_pipeline import tokenize
from generator.search.pipelines import SPANISH
from generator.search.spanish import STOP_WORDS, fold, stem
from generator.search.synonyms import terms_of

from .lunr_reference import lunr_py_index, normalize_space, reference_search
from .test_parity import node, run_node  # noqa: F401 - node: the fixture that finds node and lunr.js

QUERIES = [
    "camion de comida", "camión de comida", "licencia de comida", "Licencia de Comida", "informacion", "información",
    "numero de identificacion del empleador", "contratar empleados", "cerrar un negocio", "impuestos sobre la nomina",
    "restaurante", "restaurantes", "permiso", "licencias", "sin fines de lucro", "dueño", "dueno", "EIN", "LLC",
    "nombre ficticio", "bebidas alcoholicas", "¿Cómo abro un restaurante?", "de la", "restaurnte", "zonificación",
    "camiom", "food truck", "nombre comercial", "permisos de comida",
]
SPANISH_WORD = re.compile(r"[^\W\d_]+")


def site_words() -> list[str]:
    """Every word of the Spanish translations (the example's *.es.yml), the hand-written Spanish
    pages (content/*.es.md) and the Spanish catalogue, as written (case kept) and lower case."""
    sources = [*EXAMPLE.rglob("*.es.yml"), *(REPO / "content").rglob("*.es.md"), *(REPO / "locales" / "es").rglob("*.po")]
    text = " ".join(p.read_text(encoding="utf-8") for p in sources)
    found = set(SPANISH_WORD.findall(text))
    return sorted(found | {w.lower() for w in found})


def generated_words() -> list[str]:
    """Words made to hit every table of the stemmer: stems of Spanish letters with each suffix it
    knows (accented and not), attached pronouns, "gu" before e, ñ, ü, upper case, code points
    outside the BMP, and punctuation around them."""
    rng = random.Random(2026)
    letters = "aeiouáéíóúüñbcdfghjlmnpqrstvxyz"
    suffixes = ("acion aciones ación ucion uciones ución logía logías logia amente mente idad idades ivo iva "
                "ivamente osamente icamente ancia encia adora ador ismo ista able ible ando iendo yendo ándo iéndo "
                "ar er ir ár ér ír gue gues guen guemos guéis selo selos sela la las le les lo los nos me se ya ye "
                "yo yó yeron ería erían iésemos ásemos aríamos ieron aron ido ado é e o a os ó í á").split()
    made = {"", "a", "é", "ñ", "gue", "guía", "averigüe", "pingüino", "\U0001d49ccacion", "a\U0001f600mente", "\ufb01cacion"}  # outside the BMP; a ligature
    for _ in range(6000):
        stem_ = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        made.add(stem_ + rng.choice(suffixes))
    made |= {w.upper() for w in list(made)[:500]}
    return sorted(made)


TRICKY = [
    "¿Qué licencia necesito? ¡Regístrese ya! «Formulario» (PA-100) W-4, 1099 y 50/50.",
    "CAMIÓN DE COMIDA — Camión-de-comida camión\u00a0de\u2003comida",
    "Cafe\u0301 (e + combining acute) Ñandú ÑANDÚ pingüinos İstanbul straße ΣΊΣΥΦΟΣ 😀 ﬁnanciación",
    "", "   ", "de la que el en y a los",
]


@pytest.fixture(scope="module")
def synonyms():
    """The site's Spanish synonyms (synonyms.es.yml at the repository's root)."""
    found, problems = load_synonyms(REPO, "es")
    assert problems == [] and len(found.groups) >= 5
    return found


@pytest.fixture(scope="module")
def spanish_docs(spanish_site, synonyms):
    return documents(spanish_site, synonyms=synonyms)


def synonym_texts(synonyms) -> list[str]:
    phrases = [p for group in synonyms.groups for p in group]
    return [*phrases, *(f"¿Cómo obtengo un {p.upper()} aquí?" for p in phrases), " ".join(phrases)]


@pytest.fixture(scope="module")
def parity(node, spanish_docs, synonyms):  # noqa: F811 - the fixture imported above
    words = site_words() + generated_words()
    texts = [d.field(f.name) for d in spanish_docs for f in FIELDS] + TRICKY + words + synonym_texts(synonyms)
    compact = compact_index(spanish_docs, SPANISH)
    payload = {
        "texts": texts,
        "stems": words + [fold(w) for w in words],
        "documents": [{"ref": str(i), "boost": d.boost, **{f.name: d.field(f.name) for f in FIELDS}}
                      for i, d in enumerate(spanish_docs)],
        "fields": [[f.name, f.boost] for f in FIELDS],
        "compact": {**compact, "version": "test", "kinds": {}, "synonyms": synonyms.for_index()},
        "queries": QUERIES,
    }
    return payload, run_node(node, payload)


def test_the_stemmer_agrees_on_every_word(parity):
    payload, out = parity
    mismatches = [(w, stem(w), js) for w, js in zip(payload["stems"], out["stems"]) if stem(w) != js]
    assert mismatches == []
    assert len(site_words()) > 2000 and len(payload["stems"]) > 15000


def test_every_text_is_analysed_into_the_same_terms(parity):
    """The whole pipeline (tokenizer, folding, trimmer, stop words, stemmer) on every field of the
    Spanish site, the tricky strings and every word."""
    payload, out = parity
    python = [[t for t in map(SPANISH.analyze, tokenize(text)) if t is not None] for text in payload["texts"]]
    mismatches = [(t, p, j) for t, p, j in zip(payload["texts"], python, out["analysed"]) if p != j]
    assert mismatches == []


def test_the_stop_words_are_the_same(parity):
    _, out = parity
    assert out["stopWords"] == sorted(STOP_WORDS)


def test_lunr_languages_stemmer_is_the_one_folding_breaks(parity):
    """Why search-es.js has its own stemmer: lunr-languages' is the 2010 Snowball, which stems
    "información" but not "informacion", as folding makes it; Snowball 3.1.1 stems both."""
    payload, out = parity
    by_word = dict(zip(payload["stems"], out["lunrLanguages"]))
    assert by_word["información"] == "inform" and by_word["informacion"] == "informacion"
    assert stem("informacion") == stem("información") == "inform"
    differ = [w for w, old, new in zip(payload["stems"], out["lunrLanguages"], out["stems"]) if old != new]
    assert all("acion" in w or "ucion" in w for w in differ if w in set(site_words()))


def test_rebuilt_spanish_index_is_the_index_lunr_js_builds(parity):
    _, out = parity
    assert out["rebuilt"]["inverted"] == out["lunrjs"]["inverted"]
    assert out["rebuilt"]["vectors"] == out["lunrjs"]["vectors"]
    assert out["rebuilt"]["tokens"] == out["lunrjs"]["tokens"]


def test_the_browser_reads_spanish_synonyms_as_python_does(parity, synonyms):
    payload, out = parity
    python = [[[term, list(terms)] for term, terms in synonyms.query_parts(terms_of(t, SPANISH))]
              for t in payload["texts"]]
    assert [(t, p, b) for t, p, b in zip(payload["texts"], python, out["parts"]) if p != b] == []
    grouped = [t for t, parts in zip(payload["texts"], python) if any(term.startswith("_syn") for term, _ in parts)]
    assert len(grouped) >= 2 * sum(len(g) for g in synonyms.groups)


def test_python_and_the_browser_find_the_same_spanish_pages(parity, spanish_docs, synonyms):
    _, out = parity
    index = lunr_py_index(spanish_docs, SPANISH)
    compared = 0
    for query, js in zip(QUERIES, out["searcher"]):
        if js["corrected"] or js["partial"]:
            continue
        py = reference_search(index, synonyms, normalize_space(query))
        assert [r for r, _ in py] == js["refs"], query
        assert all(abs(a - b) < 0.05 * max(1.0, abs(b)) for (_, a), b in zip(py, js["scores"])), query
        compared += 1
    assert compared >= 20


def test_the_browser_folds_queries_and_corrects_typos_in_spanish(parity, spanish_docs):
    _, out = parity
    found = dict(zip(QUERIES, out["searcher"]))
    for plain, accented in (("camion de comida", "camión de comida"), ("informacion", "información"),
                            ("dueno", "dueño")):
        assert found[plain]["refs"] == found[accented]["refs"] and found[plain]["refs"], plain
    assert "services/pa-agriculture/get-mobile-food-facility-license/" in [
        spanish_docs[int(r)].url for r in found["camion de comida"]["refs"][:3]]
    assert found["restaurnte"]["corrected"] == "restaurante"
    assert found["camiom"]["corrected"] == "camión"  # found folded, said as the site writes it
    # "food truck" is a Spanish synonym of "camión de comida" (synonyms.es.yml): found, not corrected.
    assert found["food truck"]["corrected"] is None and not found["food truck"]["partial"]
    assert "services/pa-agriculture/get-mobile-food-facility-license/" in [
        spanish_docs[int(r)].url for r in found["food truck"]["refs"][:3]]
    assert found["de la"]["refs"] == []
    assert terms_of("camión", SPANISH) == ("camion",)
