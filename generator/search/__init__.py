"""The site search: documents, a prebuilt lunr index in a compact form, and result records.

- `documents.py`: one search document per service, step-by-step guide, agency and hand-written
  page, with its fields and boosts.
- `index.py`: the files the search page fetches, `search/index.json` (the compact index, from
  which content/assets/search.js rebuilds lunr.js's index) and `search/docs/<n>.json` (what each
  result shows, in chunks).
- `lunr_pipeline.py`: lunr.js's text pipeline in Python, so that words indexed at build time are
  the words lunr.js looks up.
- `synonyms.py`: the site's synonyms (synonyms.yml), checked, tagged onto the documents' fields as
  group terms, and written into the index for the browser's queries.
"""

from .documents import FIELDS, KINDS, ContentPage, PlainText, SearchDocument, documents, page_document
from .index import CHUNK_SIZE, SearchBundle, build_search, compact_index, result_record, site_search
from .synonyms import SYNONYMS_FILE, Synonyms, load_synonyms

__all__ = [
    "CHUNK_SIZE",
    "FIELDS",
    "KINDS",
    "SYNONYMS_FILE",
    "ContentPage",
    "PlainText",
    "SearchBundle",
    "SearchDocument",
    "Synonyms",
    "build_search",
    "compact_index",
    "documents",
    "load_synonyms",
    "page_document",
    "result_record",
    "site_search",
]
