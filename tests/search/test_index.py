"""The search files: the compact index (what lunr.py's Builder records), the typo words, the result
chunks, their version, and the words each kind of result is called."""

from __future__ import annotations

import gettext
import json

import pytest

from conftest import REPO
from generator.i18n import Words
from generator.search import (
    CHUNK_SIZE,
    FIELDS,
    KINDS,
    SearchDocument,
    build_search,
    compact_index,
    documents,
    site_search,
)
from generator.search.lunr_pipeline import stem

from .lunr_reference import lunr_builder


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


GERMAN = {"Step-by-step guide": "Schritt-f\u00fcr-Schritt-Anleitung", "Service": "Dienst", "Agency": "Beh\u00f6rde",
          "Page": "Seite"}


class Catalogue(gettext.NullTranslations):
    """What each kind of result is called in German."""

    def gettext(self, message):
        return GERMAN.get(message, message)


def test_kinds_of_result_are_said_in_the_words_of_the_build(riverton):
    german = site_search(riverton.site, words=Words("de", Catalogue()))
    index = json.loads(german.files["search/index.json"])
    assert index["kinds"] == {"j": "Schritt-f\u00fcr-Schritt-Anleitung", "s": "Dienst", "a": "Beh\u00f6rde", "p": "Seite"}
    english = site_search(riverton.site)
    assert json.loads(english.files["search/index.json"])["kinds"] == {k.code: k.label for k in KINDS.values()}
    # The result records hold a kind's code, not its words: the chunks (and their version) are the same.
    assert german.version == english.version
    assert {p: t for p, t in german.files.items() if p != "search/index.json"} == {
        p: t for p, t in english.files.items() if p != "search/index.json"}


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
