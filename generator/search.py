"""The site search: documents, a prebuilt lunr index in a compact form, and result records.

Every service, step-by-step guide, agency and hand-written page is one search document. At build
time the documents are analysed with lunr.js's own text pipeline (`lunr_pipeline.py`; lunr.py
is the reference the tests hold this to) and written as a compact index (sorted terms, delta-coded
postings, field lengths, the few term frequencies above 1) from which the browser rebuilds the
exact lunr.js index in one pass, with no tokenising or stemming. What a result shows (title,
type, agency, summary, link) is written apart, in small chunks of documents, so that a search
fetches only the chunks holding the results it shows. benchmarks/SEARCH.md has the
measurements behind this design.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import markdown
from lunr.builder import Builder
from lunr.index import Index

from .graph import Site
from .jsontext import compact_json
from .lunr_pipeline import (
    LUNR_STEMMER,
    LUNR_STOP_WORD_FILTER,
    LUNR_TRIMMER,
    analyze,
    normalize_space,
    tokenize,
    trim,
)
from .urls import agency_url, journey_url, service_url

FORMAT = 1
"""Version of the index file's layout; content/assets/search.js reads this version."""

CHUNK_SIZE = 20
"""Documents per result-record file. The page shows 10 results at a time, which need at most 10
chunks (fewer when results are neighbours: documents are ordered by kind and agency); 20 records
are about 1-2 KB gzipped. benchmarks/SEARCH.md has the sizes."""

K1, B = 1.2, 0.75
"""lunr's BM25 parameters (its defaults)."""


@dataclass(frozen=True)
class Field:
    name: str
    boost: float
    """How much a match in this field counts (lunr field boost)."""


FIELDS: tuple[Field, ...] = (
    Field("title", 10),
    Field("keywords", 15),  # the words citizens search with, from the YAML ("DBA", "workers comp")
    Field("summary", 2),
    Field("agency", 3),  # the agency's name and short name, on its services
    Field("body", 1),  # a guide's step titles, an agency's description, a page's text; services have none
)


@dataclass(frozen=True)
class Kind:
    code: str
    """One letter in the result records."""
    label: str
    """What a result says it is."""
    boost: float
    """lunr document boost of this kind: guides first for broad words ("restaurant", "hiring")."""


USE_BOOST, MAX_USES = 0.2, 3
"""A service's boost grows by USE_BOOST for each step-by-step guide that uses it, up to MAX_USES."""

KINDS = {
    "journey": Kind("j", "Step-by-step guide", 4.0),
    "service": Kind("s", "Service", 1.0),
    "agency": Kind("a", "Agency", 1.5),
    "page": Kind("p", "Page", 1.0),
}


@dataclass(frozen=True)
class SearchDocument:
    kind: str
    """A key of KINDS."""
    url: str
    """Directory URL from the site root, as views.py makes them."""
    title: str
    summary: str
    agency: str = ""
    """The agency's name and short name (services only)."""
    keywords: tuple[str, ...] = ()
    body: str = ""
    boost: float = 1.0
    """lunr document boost: the kind's, and for services more for each guide that uses them."""

    def field(self, name: str) -> str:
        """The text of one of FIELDS (keywords joined by spaces: lunr.js would keep a list item whole)."""
        return " ".join(self.keywords) if name == "keywords" else str(getattr(self, name))


@dataclass(frozen=True)
class ContentPage:
    """A hand-written Markdown page, as the site engine hands it over."""

    url: str
    markdown: str


@dataclass(frozen=True)
class SearchBundle:
    documents: tuple[SearchDocument, ...]
    files: dict[str, str]
    """Path from the site root -> text: `search/index.json` and `search/docs/<n>.json`."""
    version: str
    """Hash of the content: result chunks are fetched with it, so a cached old chunk is never
    mixed with a new index."""


# -- documents

_TAG = re.compile(r"<[^>]+>")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


class PlainText:
    """Markdown as plain words (links keep their text, markup goes); one converter, reused."""

    def __init__(self) -> None:
        self._md = markdown.Markdown()

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        self._md.reset()
        return " ".join(html.unescape(_TAG.sub(" ", self._md.convert(text))).split())


def page_document(page: ContentPage, plain_text: PlainText | None = None) -> SearchDocument:
    """A hand-written page: title from front matter, its first heading or (as MkDocs does) its
    file name; summary from the front matter's description or its first paragraph."""
    plain_text = plain_text or PlainText()
    text = page.markdown
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip().strip("\"'")
        text = text[front.end():]
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
    title = meta.get("title") or (heading.group(1) if heading else "")
    if not title:
        title = page.url.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").capitalize() or "Home"
    if heading:
        text = text[:heading.start()] + text[heading.end():]
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith("#")]
    summary = meta.get("description") or (plain_text(paragraphs[0]) if paragraphs else "")
    return SearchDocument("page", page.url, plain_text(title), summary, body=plain_text(text))


def documents(site: Site, pages: Iterable[ContentPage] = ()) -> list[SearchDocument]:
    """Every search document, in a stable order: guides, agencies, services by agency, pages.

    Services of one agency are neighbours, so the agency field's postings and the result chunks
    of a search for an agency's services compress and group well."""
    plain_text = PlainText()
    docs: list[SearchDocument] = []
    for journey in site.journeys.values():
        steps = " ".join(f"{s.title}. {s.when or ''}" for s in journey.steps)
        docs.append(SearchDocument("journey", journey_url(journey.id), journey.title, journey.summary,
                                   body=" ".join([steps, plain_text(journey.description)]).strip(),
                                   boost=KINDS["journey"].boost))
    for agency in site.agencies.values():
        docs.append(SearchDocument("agency", agency_url(agency.id), agency.name, plain_text(agency.description),
                                   keywords=(agency.short_name,) if agency.short_name else (),
                                   boost=KINDS["agency"].boost))
    for ref, service in sorted(site.services.items()):
        agency = site.agency_of(ref)
        name = f"{agency.name} ({agency.short_name})" if agency.short_name else agency.name
        # Services that more guides use are the ones more people need: a little higher.
        boost = KINDS["service"].boost * (1 + USE_BOOST * min(len(site.uses[ref]), MAX_USES))
        docs.append(SearchDocument("service", service_url(ref), service.title, service.summary, agency=name,
                                   keywords=service.keywords, boost=round(boost, 3)))
    docs.extend(page_document(page, plain_text) for page in pages)
    return docs


# -- the index

def lunr_builder() -> Builder:
    """A lunr.py Builder with lunr.js's pipeline and this site's fields and boosts."""
    builder = Builder()
    builder.pipeline.add(LUNR_TRIMMER, LUNR_STOP_WORD_FILTER, LUNR_STEMMER)
    builder.search_pipeline.add(LUNR_TRIMMER, LUNR_STOP_WORD_FILTER, LUNR_STEMMER)
    builder.ref("ref")
    for field in FIELDS:
        builder.field(field.name, boost=field.boost)
    return builder


def lunr_py_index(docs: Sequence[SearchDocument]) -> Index:
    """The documents indexed by lunr.py's Builder, refs "0", "1", ... (the reference the compact
    index is tested against, and the Python side of the parity test; the build does not use it:
    lunr.py's Builder is 4 to 5 times slower than counting directly, see benchmarks/SEARCH.md)."""
    builder = lunr_builder()
    for i, doc in enumerate(docs):
        builder.add({"ref": str(i), **{f.name: normalize_space(doc.field(f.name)) for f in FIELDS}},
                    attributes={"boost": doc.boost} if doc.boost != 1 else None)
    return builder.build()


def js_order(text: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units), which lunr.TokenSet needs."""
    return text.encode("utf-16-be")


@lru_cache(maxsize=1 << 16)
def _field_terms(text: str) -> tuple[dict[str, int], tuple[tuple[str, str], ...]]:
    """A field's text as lunr.js indexes it: each term with its count; and the words, as
    written, whose term differs. Cached: agency names and many keywords repeat across services."""
    counts: dict[str, int] = {}
    written: list[tuple[str, str]] = []
    for token in tokenize(text):
        term = analyze(token)
        if term is None:
            continue
        counts[term] = counts.get(term, 0) + 1
        word = trim(token)
        if term != word and word.isalpha():
            written.append((word, term))
    return counts, tuple(written)


def compact_index(docs: Sequence[SearchDocument]) -> dict[str, Any]:
    """The lunr index as the browser loads it (content/assets/search.js, `buildIndex`).

    What lunr's Builder records for each document (terms per field, term frequencies, field
    lengths), counted directly: tests/test_search.py holds it equal to lunr.py's Builder, and
    tests/test_search_parity.py holds the index search.js rebuilds from it equal to lunr.js's."""
    n_fields = len(FIELDS)
    refs: dict[str, list[list[int]]] = {}
    frequencies: list[tuple[int, int, str, int]] = []
    lengths: list[list[int]] = [[0] * len(docs) for _ in FIELDS]
    written: dict[str, str] = {}  # a written word -> its term, where they differ (for typo fixing)
    for i, doc in enumerate(docs):
        for f, field in enumerate(FIELDS):
            counts, words = _field_terms(doc.field(field.name))
            for word, term in words:
                written.setdefault(word, term)
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
    return {
        "format": FORMAT,
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
        "words": [[w, number[written[w]]] for w in sorted(written, key=js_order)],
    }


def result_record(doc: SearchDocument) -> list[str]:
    """What a result shows: [kind code, title, summary, agency, url]."""
    return [KINDS[doc.kind].code, doc.title, doc.summary, doc.agency, doc.url]


def build_search(docs: Sequence[SearchDocument]) -> SearchBundle:
    """The search files for a list of documents."""
    index = compact_index(docs)
    chunks = [compact_json([result_record(d) for d in docs[i:i + CHUNK_SIZE]]) for i in range(0, len(docs), CHUNK_SIZE)]
    digest = hashlib.sha256()
    for text in [compact_json(index), *chunks]:
        digest.update(text.encode("utf-8"))
    version = digest.hexdigest()[:12]
    index["version"] = version
    index["kinds"] = {k.code: k.label for k in KINDS.values()}
    files = {"search/index.json": compact_json(index)}
    files.update({f"search/docs/{n}.json": text for n, text in enumerate(chunks)})
    return SearchBundle(tuple(docs), files, version)


def site_search(site: Site, pages: Iterable[ContentPage] = ()) -> SearchBundle:
    """The search files for a linked site and its hand-written pages."""
    return build_search(documents(site, pages))
