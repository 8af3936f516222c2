"""The search in Spanish: its text pipeline (accents folded, Snowball's stop words and stemmer), the
Spanish index of the example site and what Spanish queries find in it, the Spanish synonyms, the
Spanish search page's scripts; and the English index, byte for byte what it was before there were
languages. tests/search/test_parity_es.py holds the browser's Spanish pipeline to this one."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE, REPO, RIVERTON, site_options
from generator.i18n import Words, load_words
from generator.render import Renderer
from generator.search import (
    FIELDS,
    ContentPage,
    SearchDocument,
    Synonyms,
    build_search,
    compact_index,
    documents,
    site_search,
)
from generator.search.pipelines import ENGLISH, SPANISH, pipeline_for
from generator.search.spanish import SNOWBALL_STOP_WORDS, STOP_WORDS, fold, stem
from generator.search.synonyms import load_synonyms, synonym_problems

from .lunr_reference import lunr_builder, lunr_py_index, reference_search

LUNR_ES = REPO / "tests" / "search" / "node_modules" / "lunr-languages" / "lunr.es.js"


# -- The pipeline.

def test_folding_takes_every_mark_off_and_keeps_the_letters():
    assert fold("Camión Información AÑO pingüino ¿Qué? über") == "Camion Informacion ANO pinguino ¿Que? uber"
    assert fold("ñandú") == "nandu" and fold("straße æ ø") == "straße æ ø"  # no mark to take off: left alone


def test_a_word_with_or_without_its_accents_is_one_term():
    pairs = [("camión", "camion"), ("información", "informacion"), ("año", "ano"), ("pingüino", "pinguino"),
             ("trámite", "tramite"), ("Dueño", "dueno"), ("ÚNICO", "unico")]
    for accented, plain in pairs:
        assert SPANISH.terms(accented) == SPANISH.terms(plain), accented
    # Snowball 3 knows the unaccented -acion: singular, plural and the verb's stem meet.
    assert {SPANISH.terms(w) for w in ("información", "informacion", "informaciones")} == {("inform",)}
    assert SPANISH.terms("camiones") == SPANISH.terms("camión") == ("camion",)


def test_spanish_stop_words_are_left_out_accented_or_not():
    assert SPANISH.terms("licencia de comida") == ("licenci", "com")
    assert SPANISH.terms("¿Qué necesito para el permiso?") == ("necesit", "permis")
    assert SPANISH.terms("más mas él el está esta también tambien") == ()
    assert {fold(w) for w in SNOWBALL_STOP_WORDS} == STOP_WORDS and "mas" in STOP_WORDS and "más" not in STOP_WORDS


def test_digits_and_punctuation_are_trimmed_as_lunr_trims_them():
    """lunr's trimmer, after folding: form numbers keep their digits (lunr-languages' Spanish trimmer
    would drop them), and "¿", "¡", brackets and quotes go."""
    assert SPANISH.terms("Formulario PA-100, W-4 y 1099") == ("formulari", "pa", "100", "w", "4", "1099")
    assert SPANISH.terms("¡Registre su «negocio»!") == ("registr", "negoci")
    assert SPANISH.terms("501(c)(3)") == ("501(c)(3",)  # as English trims it
    assert SPANISH.analyze("&") == "" and SPANISH.analyze("de") is None


def test_spanish_stems_are_snowball_s():
    stems = {"restaurantes": "restaur", "licencias": "licenci", "contratar": "contrat", "empleados": "emple",
             "registrarse": "registr", "negocios": "negoci", "impuestos": "impuest", "solicitud": "solicitud"}
    assert {w: stem(w) for w in stems} == stems


def test_group_terms_pass_through_the_spanish_pipeline_whole():
    assert SPANISH.terms("_syn12_ camión") == ("_syn12_", "camion")


def test_stop_words_are_lunr_languages_spanish_list():
    """The list as lunr-languages 1.22.0 (tests/search/package.json) ships it: Snowball's."""
    if not LUNR_ES.is_file():
        pytest.fail("lunr-languages is not installed: run `make test` (it runs npm ci in tests/search)")
    listed = re.search(r"stopWordFilter = lunr\.generateStopWordFilter\('([^']*)'", LUNR_ES.read_text("utf-8"))
    assert listed and listed.group(1).split(" ") == SNOWBALL_STOP_WORDS


def test_a_language_picks_its_pipeline():
    assert pipeline_for("es") is SPANISH and pipeline_for("en") is ENGLISH
    assert pipeline_for("de") is ENGLISH  # none of its own: lunr.js's default, as before there were languages


# -- The Spanish index of the example site.

@pytest.fixture(scope="module")
def spanish_docs(spanish_site):
    return documents(spanish_site)


@pytest.fixture(scope="module")
def spanish_index(spanish_docs):
    return lunr_py_index(spanish_docs, SPANISH)


def test_the_spanish_search_says_its_language_and_its_words(spanish_site):
    words = load_words(REPO, "es")
    bundle = site_search(spanish_site, [ContentPage("acerca/", "# Acerca de\n\nAyudamos a los **dueños**.\n")], words)
    index = json.loads(bundle.files["search/index.json"])
    assert index["language"] == "es" and index["format"] == 1
    assert index["kinds"]["j"] != "Step-by-step guide" and index["synonyms"] == []
    assert "camion" in index["terms"] and "camión" not in index["terms"]
    # For the browser's typo fixes: each word folded, its term, and how the site writes it.
    assert ["duenos", index["terms"].index("duen"), "dueños"] in index["words"]
    assert ["camion", index["terms"].index("camion"), "camión"] in index["words"]
    assert ["licencias", index["terms"].index("licenci")] in index["words"]  # shown as it is folded


def test_spanish_compact_index_is_what_lunr_py_s_builder_records(spanish_docs):
    """The fast path (index.py counts terms) equals the plain one (lunr.py's Builder running the
    Spanish pipeline), as for English (test_index.py)."""
    builder = lunr_builder(SPANISH)
    for i, doc in enumerate(spanish_docs):
        builder.add({"ref": str(i), **{f.name: doc.field(f.name) for f in FIELDS}},
                    attributes={"boost": doc.boost} if doc.boost != 1 else None)
    index = compact_index(spanish_docs, SPANISH)
    assert sorted(index["terms"]) == sorted(builder.inverted_index)
    for t, term in enumerate(index["terms"]):
        decoded = {}
        for entry in index["postings"][t]:
            refs, doc = [], 0
            for delta in entry[1:]:
                doc += delta
                refs.append(str(doc))
            decoded[index["fields"][entry[0]]] = refs
        assert decoded == {f: sorted(r, key=int) for f, r in builder.inverted_index[term].items() if f != "_index" and r}
    assert index["lengths"] == [[builder.field_lengths[f"{f}/{i}"] for i in range(len(spanish_docs))]
                                for f in index["fields"]]


SPANISH_CASES = [
    # (what a citizen types, a page that must be in the first n results, n)
    ("camion de comida", "services/pa-agriculture/get-mobile-food-facility-license/", 3),
    ("camión de comida", "services/pa-agriculture/get-mobile-food-facility-license/", 3),
    ("licencia de comida", "services/pa-agriculture/get-retail-food-facility-license/", 3),
    ("numero de identificacion del empleador", "services/irs/get-ein/", 1),
    ("contratar empleado", "journeys/hire-your-first-employee/", 3),
    ("CERRAR UN NEGOCIO", "journeys/close-a-business/", 1),
    ("licencias de bebidas alcoholicas", "services/pa-lcb/apply-liquor-license/", 2),
]


@pytest.mark.parametrize(("query", "url", "top"), SPANISH_CASES, ids=[q for q, _, _ in SPANISH_CASES])
def test_spanish_queries_find_their_page_with_or_without_accents(spanish_docs, spanish_index, query, url, top):
    found = [spanish_docs[int(ref)].url for ref, _ in reference_search(spanish_index, Synonyms(language="es"), query)]
    assert url in found[:top], found[:top]


def test_a_document_with_camion_is_found_by_camion_typed_without_its_accent():
    docs = [SearchDocument("service", f"{n}/", title, "") for n, title in enumerate(
        ["Permiso para un camión de comida", "Licencia de bebidas"])]
    index = lunr_py_index(docs, SPANISH)
    for query in ("camion de comida", "Camión", "CAMIONES de comida"):
        assert [r for r, _ in reference_search(index, Synonyms(language="es"), query)] == ["0"], query


# -- The English index stays what it was.

ENGLISH_DIGESTS = {
    # sha256 of the search files (path, NUL, text, NUL, in path order) that the commit before the
    # Spanish pipeline made of these frozen fixtures, with their synonyms and one page; the same
    # input must make the same bytes. Changing what English search indexes changes these on purpose.
    "example": "db169d609fc9e147156d54c33bcf2b2186bc18c41e42c1f4e1f0fa4b4d4ccff7",
    "riverton": "b9a8a2aafab7e26800bbe8683e627ca6467031d3e09959d5b570b972be12a374",
}


@pytest.mark.parametrize("name", ["example", "riverton"])
def test_the_english_index_is_byte_for_byte_what_it_was(name, request):
    root = {"example": EXAMPLE, "riverton": RIVERTON}[name]
    site = request.getfixturevalue(name).site
    pages = [ContentPage("about/", "# Acerca de\n\nAyudamos a las **empresas** de Riverton.\n")]
    files = site_search(site, pages, synonyms=load_synonyms(root)[0]).files
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode() + b"\0")
    assert digest.hexdigest() == ENGLISH_DIGESTS[name]
    assert "language" not in json.loads(files["search/index.json"])


# -- Spanish synonyms: synonyms.es.yml, checked like synonyms.yml.

def test_spanish_synonyms_come_from_their_own_file_with_located_problems(tmp_path):
    (tmp_path / "synonyms.yml").write_text("synonyms:\n  - [license, permit]\n", encoding="utf-8")
    (tmp_path / "synonyms.es.yml").write_text(
        "synonyms:\n  - [licencia, permiso]\n  - [camión de comida, comida móvil, el]\n  - [permisos, autorización]\n",
        encoding="utf-8")
    synonyms, problems = load_synonyms(tmp_path, "es")
    assert synonyms.language == "es" and synonyms.phrases[("camion", "com")] == 1
    assert [p.format_text() for p in problems] == [
        "synonyms.es.yml:3:38: error: synonyms[1][2]: 'el' is only words the search leaves out (such as 'el', "
        "'de', 'para'): it can never match (hint: remove it, or write the words that matter)",
        "synonyms.es.yml:4:6: error: synonyms[2][0]: 'permisos' is already in group 1 (line 2): a word or phrase "
        "can be in one group only (hint: merge the two groups, or remove it from one)"]
    assert [p.format_text() for p in synonym_problems(tmp_path)] == [p.format_text() for p in problems]
    assert load_synonyms(tmp_path)[0].language == "en" and load_synonyms(tmp_path)[1] == []


def test_spanish_synonyms_find_each_other_and_english_ones_are_refused(spanish_site):
    synonyms = Synonyms.of([["camión de comida", "food truck"], ["licencia", "permiso"]], "es")
    docs = documents(spanish_site, synonyms=synonyms)
    index = json.loads(build_search(docs, Words("es"), synonyms).files["search/index.json"])
    assert [["camion", "com"], "_syn0_"] in index["synonyms"] and [["food", "truck"], "_syn0_"] in index["synonyms"]
    found = reference_search(lunr_py_index(docs, SPANISH), synonyms, "food truck")
    assert "services/pa-agriculture/get-mobile-food-facility-license/" in [docs[int(r)].url for r, _ in found[:3]]
    with pytest.raises(ValueError, match="given synonyms in 'en'"):
        build_search(docs, Words("es"), load_synonyms(EXAMPLE)[0])


# -- The search page loads the language's pipeline; English pages never do.

def test_the_spanish_search_page_loads_the_spanish_pipeline(riverton):
    pages = {}
    for words in (Words(), load_words(REPO, "es")):
        renderer = Renderer(site_options(), words)
        page = next(p for p in renderer.pages(riverton.site) if p.kind == "search")
        pages[words.language] = [s["src"] for s in BeautifulSoup(page.html, "html.parser").find_all("script")]
    assert pages["es"] == ["../assets/lunr.min.js", "../assets/search-es.js", "../assets/search.js"]
    assert pages["en"] == ["../assets/lunr.min.js", "../assets/search.js"]


def test_the_spanish_benchmark_runs_small():
    """benchmarks/bench_search_es.py stays usable (make test does not run it at full size)."""
    run = subprocess.run([sys.executable, "benchmarks/bench_search_es.py", "--sizes", "200", "--repeat", "1"],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    row = json.loads(run.stdout)
    assert row["services"] == 200 and (row["es"]["language"], row["en"]["language"]) == ("es", "en")
    assert 0 < row["es"]["index_gz"] < row["en"]["index_gz"] and row["es"]["build_s"] > 0
