"""The search's text pipeline for each language the site can be in: how a text becomes terms, at
build time here and in the browser (content/assets/search.js for English, with lunr.js's own
pipeline; content/assets/search-es.js for Spanish).

Every language shares lunr's tokenizer (lower case, split on whitespace and hyphens); after that
each has its own: English is lunr.js's (`lunr_pipeline.py`), Spanish folds accents first
(`spanish.py`). The index says which it was built with (index.py), and the browser queries it
with the same one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import lunr_pipeline, spanish
from .lunr_pipeline import tokenize


@dataclass(frozen=True)
class TextPipeline:
    language: str
    """The language's code, as `Words.language` has it ("en", "es")."""
    analyze: Callable[[str], str | None]
    """One token from `tokenize` -> its term, or None for a word the search leaves out."""
    written: Callable[[str], str]
    """One token -> the word as written, trimmed (and folded where the language folds), which
    the index lists where it differs from its term, for the browser to correct typos to."""
    stop_word_examples: str
    """Some of the language's stop words, for the problems that name them."""
    script: str | None = None
    """The browser's pipeline of the language, beside search.js, which its search page (and
    worker) load; None for English, which is lunr.js's own."""

    def terms(self, text: str) -> tuple[str, ...]:
        """A text's terms, in order, as a query reads them: the pipeline, less what it leaves empty
        (a lone dash or bracket); search.js's `analyse` does the same."""
        return tuple(t for t in map(self.analyze, tokenize(text)) if t)


ENGLISH = TextPipeline("en", lunr_pipeline.analyze, lunr_pipeline.trim, "'the', 'a', 'of'")
SPANISH = TextPipeline("es", spanish.analyze, spanish.written, "'el', 'de', 'para'", "assets/search-es.js")

PIPELINES = {p.language: p for p in (ENGLISH, SPANISH)}


def pipeline_for(language: str) -> TextPipeline:
    """The pipeline of `language`. A language with none of its own gets lunr.js's default (the
    English one), as every language had before there were others: the build and the browser still
    agree (the index names no language, so the browser runs that one too), whole words and their
    beginnings are still found, only the word endings are English ones."""
    return PIPELINES.get(language, ENGLISH)
