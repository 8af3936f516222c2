"""The search files: a prebuilt lunr index in a compact form, and the result records in chunks.

The documents are analysed at build time with the text pipeline of the pages' language
(`pipelines.py`: lunr.js's own for English, accents folded and Snowball's stemmer for Spanish)
and written as a compact index (sorted terms, delta-coded postings, field lengths, the few term
frequencies above 1) from which the browser (content/assets/search.js) rebuilds the exact
lunr.js index in one pass, with no tokenising or stemming. What a result shows (title, kind,
agency, summary, link) is written apart, in small chunks of documents, so that a search fetches
only the chunks holding the results it shows. benchmarks/SEARCH.md has the measurements behind
this design.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..graph import Site
from ..i18n import Words
from ..jsontext import compact_json
from .documents import FIELDS, KINDS, ContentPage, SearchDocument, documents
from .lunr_pipeline import tokenize
from .pipelines import ENGLISH, TextPipeline, pipeline_for
from .synonyms import Synonyms

FORMAT = 1
"""Version of the index file's layout; content/assets/search.js reads this version. An index in
another language than English says so in `language` (and the browser then loads that language's
pipeline, content/assets/search-<language>.js); an English one has no `language`, as every index
before there were languages, so that it stays byte for byte what it was."""

CHUNK_SIZE = 20
"""Documents per result-record file. The page shows 10 results at a time, which need at most 10
chunks (fewer when results are neighbours: documents are ordered by kind and agency); 20 records
are about 1-2 KB gzipped. benchmarks/SEARCH.md has the sizes."""

K1, B = 1.2, 0.75
"""lunr's BM25 parameters (its defaults)."""

_SOURCE_WORDS = Words()
"""The words as written (English), when no others are given."""


@dataclass(frozen=True)
class SearchBundle:
    files: dict[str, str]
    """Path from the site root -> text: `search/index.json` and `search/docs/<n>.json`."""
    version: str
    """Hash of the content: result chunks are fetched with it, so a cached old chunk is never
    mixed with a new index."""


def js_order(text: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units), which lunr.TokenSet needs."""
    return text.encode("utf-16-be")


_ENDS = re.compile(r"^\W+|\W+$")
"""Anything but letters and digits (any script's) at a word's ends: what a word as shown loses."""


@lru_cache(maxsize=1 << 16)
def _field_terms(text: str, pipeline: TextPipeline
                 ) -> tuple[dict[str, int], tuple[tuple[str, str, str], ...]]:
    """A field's text as the browser's lunr index has it: each term with its count; and the words
    for typo fixing, (as the pipeline writes it, its term, as the text shows it), where the first
    differs from one of the others (a language that folds shows "camión" for "camion"). Cached:
    agency names and many keywords repeat across services."""
    counts: dict[str, int] = {}
    written: list[tuple[str, str, str]] = []
    for token in tokenize(text):
        term = pipeline.analyze(token)
        if term is None:
            continue
        counts[term] = counts.get(term, 0) + 1
        word = pipeline.written(token)
        shown = word if pipeline is ENGLISH else _ENDS.sub("", token)
        if (term != word or shown != word) and word.isalpha():
            written.append((word, term, shown))
    return counts, tuple(written)


def compact_index(docs: Sequence[SearchDocument], pipeline: TextPipeline = ENGLISH) -> dict[str, Any]:
    """The lunr index of `docs`, analysed with `pipeline`, as the browser loads it
    (content/assets/search.js, `buildIndex`).

    What lunr's Builder records for each document (terms per field, term frequencies, field
    lengths), counted directly: tests/search/test_index.py holds it equal to lunr.py's Builder,
    and tests/search/test_parity.py holds the index search.js rebuilds from it equal to lunr.js's."""
    n_fields = len(FIELDS)
    refs: dict[str, list[list[int]]] = {}
    frequencies: list[tuple[int, int, str, int]] = []
    lengths: list[list[int]] = [[0] * len(docs) for _ in FIELDS]
    written: dict[str, tuple[str, str]] = {}  # a written word -> its term and how it is shown (typo fixing)
    for i, doc in enumerate(docs):
        for f, field in enumerate(FIELDS):
            counts, words = _field_terms(doc.field(field.name), pipeline)
            for word, term, shown in words:
                written.setdefault(word, (term, shown))
            lengths[f][i] = sum(counts.values())
            for term, tf in counts.items():
                entry = refs.get(term)
                if entry is None:
                    entry = refs[term] = [[] for _ in range(n_fields)]
                entry[f].append(i)
                if tf > 1:
                    frequencies.append((i, f, term, tf))
    terms = sorted(refs, key=js_order)
    number = {t: n for n, t in enumerate(terms)}
    postings = []
    for term in terms:
        postings.append([[f, *(b - a for a, b in zip([0, *ids], ids))] for f, ids in enumerate(refs[term]) if ids])
    language = {} if pipeline is ENGLISH else {"language": pipeline.language}
    return {
        "format": FORMAT,
        **language,
        "fields": [f.name for f in FIELDS],
        "boosts": [f.boost for f in FIELDS],
        "k1": K1, "b": B,
        "count": len(docs),
        "chunk": CHUNK_SIZE,
        "docBoosts": [[i, d.boost] for i, d in enumerate(docs) if d.boost != 1],
        "lengths": lengths,
        "terms": terms,
        "postings": postings,
        "frequencies": [x for i, f, term, tf in sorted(frequencies) for x in (i, f, number[term], tf)],
        # [word, term number] and, where the word is shown otherwise ("camión"), how: English never is.
        "words": [[w, number[t], *([shown] if shown != w else [])]
                  for w, (t, shown) in sorted(written.items(), key=lambda item: js_order(item[0]))],
    }


def result_record(doc: SearchDocument) -> list[str]:
    """What a result shows: [kind code, title, summary, agency, url]."""
    return [KINDS[doc.kind].code, doc.title, doc.summary, doc.agency, doc.url]


def build_search(docs: Sequence[SearchDocument], words: Words = _SOURCE_WORDS,
                 synonyms: Synonyms | None = None) -> SearchBundle:
    """The search files for a list of documents (their synonyms already tagged: documents()),
    analysed in the language of `words`, with what each kind of result is called in it, and the
    phrases queries look up as group terms."""
    if synonyms is not None and synonyms.language != words.language:
        raise ValueError(f"the search in {words.language!r} was given synonyms in {synonyms.language!r}: "
                         f"load_synonyms(root, {words.language!r}) reads its own file")
    index = compact_index(docs, pipeline_for(words.language))
    index["synonyms"] = synonyms.for_index() if synonyms else []
    chunks = [compact_json([result_record(d) for d in docs[i:i + CHUNK_SIZE]]) for i in range(0, len(docs), CHUNK_SIZE)]
    digest = hashlib.sha256()
    for text in [compact_json(index), *chunks]:
        digest.update(text.encode("utf-8"))
    version = digest.hexdigest()[:12]
    index["version"] = version
    index["kinds"] = {k.code: words.gettext(k.label) for k in KINDS.values()}
    files = {"search/index.json": compact_json(index)}
    files.update({f"search/docs/{n}.json": text for n, text in enumerate(chunks)})
    return SearchBundle(files, version)


def site_search(site: Site, pages: Iterable[ContentPage] = (), words: Words = _SOURCE_WORDS,
                synonyms: Synonyms | None = None) -> SearchBundle:
    """The search files for a linked site and its hand-written pages, with its synonyms."""
    return build_search(documents(site, pages, synonyms), words, synonyms)
