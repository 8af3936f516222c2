"""The site search: documents, a prebuilt lunr index in a compact form, and result records.

- `documents.py`: one search document per service, step-by-step guide, agency and hand-written
  page, with its fields and boosts.
- `index.py`: the files the search page fetches, `search/index.json` (the compact index, from
  which content/assets/search.js rebuilds lunr.js's index) and `search/docs/<n>.json` (what each
  result shows, in chunks).
- `lunr_pipeline.py`: lunr.js's text pipeline in Python, so that words indexed at build time are
  the words lunr.js looks up.
"""

from .documents import FIELDS, KINDS, ContentPage, PlainText, SearchDocument, documents, page_document
from .index import CHUNK_SIZE, SearchBundle, build_search, compact_index, result_record, site_search

__all__ = [
    "CHUNK_SIZE",
    "FIELDS",
    "KINDS",
    "ContentPage",
    "PlainText",
    "SearchBundle",
    "SearchDocument",
    "build_search",
    "compact_index",
    "documents",
    "page_document",
    "result_record",
    "site_search",
]
