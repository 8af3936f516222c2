"""The references the search is held to, never shipped: lunr.py's Builder running lunr.js's pipeline.

The build counts terms itself (generator/search/index.py): lunr.py's Builder is 4 to 5 times
slower (benchmarks/SEARCH.md). These builders make the index lunr.py would, for the tests that
hold the compact index equal to it and for the benchmark's comparison with a full lunr index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lunr.builder import Builder
from lunr.index import Index
from lunr.query import Query, QueryPresence

from generator.search import FIELDS, SearchDocument, Synonyms
from generator.search.lunr_pipeline import JS_SPACE, STOP_WORDS, analyze, stem, tokenize, trim
from generator.search.pipelines import ENGLISH, TextPipeline, pipeline_for
from generator.search.synonyms import terms_of

_SPACES = str.maketrans({c: " " for c in JS_SPACE})


def normalize_space(text: str) -> str:
    """Every whitespace character lunr.js splits words on as a plain space, which lunr.py's
    tokenizer also splits on (it knows fewer)."""
    return text.translate(_SPACES)


def analyze_text(text: str) -> list[str]:
    """A text as the terms lunr.js indexes for it, from the build's own pieces (tokenize, then
    analyze each token, as the compact index does)."""
    return [t for t in map(analyze, tokenize(text)) if t is not None]


# -- The build's pipeline as lunr.py pipeline functions, so lunr.py's Builder runs lunr.js's pipeline.
# They carry a `label` (as registered functions do) but are not registered: lunr.py's registry is
# process-wide, and this index is never serialised by lunr.py.

def _lunr_fn(fn: Any, label: str) -> Any:
    fn.label = label
    return fn


def _token_trimmer(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda s, metadata=None: trim(s))


def _token_stop_word_filter(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token if token and str(token) not in STOP_WORDS else None


def _token_stemmer(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda s, metadata=None: stem(s))


LUNR_TRIMMER = _lunr_fn(_token_trimmer, "trimmer")
LUNR_STOP_WORD_FILTER = _lunr_fn(_token_stop_word_filter, "stopWordFilter")
LUNR_STEMMER = _lunr_fn(_token_stemmer, "stemmer")


def _language_function(pipeline: TextPipeline) -> Any:
    """Another language's whole pipeline (after the tokenizer) as one lunr.py pipeline function."""
    def analyse(token: Any, i: int | None = None, tokens: Any = None) -> Any:
        term = pipeline.analyze(str(token))
        return None if term is None else token.update(lambda s, metadata=None: term)
    return _lunr_fn(analyse, f"onestop-{pipeline.language}")


def lunr_builder(pipeline: TextPipeline = ENGLISH) -> Builder:
    """A lunr.py Builder with the browser's pipeline of the language (lunr.js's for English) and
    this site's fields and boosts."""
    builder = Builder()
    functions = [LUNR_TRIMMER, LUNR_STOP_WORD_FILTER, LUNR_STEMMER] if pipeline is ENGLISH else \
        [_language_function(pipeline)]
    builder.pipeline.add(*functions)
    builder.search_pipeline.add(*functions)
    builder.ref("ref")
    for field in FIELDS:
        builder.field(field.name, boost=field.boost)
    return builder


def lunr_py_index(docs: Sequence[SearchDocument], pipeline: TextPipeline = ENGLISH) -> Index:
    """The documents indexed by lunr.py's Builder, refs "0", "1", ... (the Python side of the
    parity test, and the benchmark's full lunr index)."""
    builder = lunr_builder(pipeline)
    for i, doc in enumerate(docs):
        builder.add({"ref": str(i), **{f.name: normalize_space(doc.field(f.name)) for f in FIELDS}},
                    attributes={"boost": doc.boost} if doc.boost != 1 else None)
    return builder.build()


# -- The browser's queries (content/assets/search.js, Searcher.run), built with lunr.py's Query: every
# word required (whole or as the start of a word, the whole word counting most), a synonym's phrase
# as its group term. The Python side of the query tests: what lunr.js answers, lunr.py must too.

def reference_search(index: Index, synonyms: Synonyms, text: str, required: bool = True) -> list[tuple[str, float]]:
    """The refs and scores of the documents `text` finds, as search.js's Searcher.run finds them."""
    parts = synonyms.query_parts(terms_of(text, pipeline_for(synonyms.language)))
    query = index.create_query()
    presence = QueryPresence.REQUIRED if required else QueryPresence.OPTIONAL
    for term, terms in parts:
        if terms != (term,):  # a synonym's group term: matches itself only; its words as written count a little
            query.term(term, use_pipeline=False, boost=10, presence=presence)
            for literal in terms:
                query.term(literal, use_pipeline=False, boost=1)
            continue
        query.term(term, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=1, presence=presence)
        query.term(term, use_pipeline=False, boost=10)
    return [(r["ref"], r["score"]) for r in index.query(query)] if parts else []
