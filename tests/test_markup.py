"""The plain-subset Markdown writer (markup.plain_markdown_html) must give exactly what
Python-Markdown gives, or step aside (None) and let Python-Markdown do it.

It exists for speed (benchmarks/RESULTS.md); these tests are what make it safe: generated text
built from the subset's pieces and from the pieces just outside it, every Markdown field of the
example site and of a synthetic government, and the cases that must fall back.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.markup import MarkdownRenderer, plain_markdown_html

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "tests" / "fixtures" / "sites" / "example"
REFERENCE = MarkdownRenderer(plain_subset=False)
FAST = MarkdownRenderer()


def reference(text: str) -> str:
    return str(REFERENCE.block(text))


def agrees(text: str) -> str | None:
    """Asserts the subset writer agrees with Python-Markdown (or steps aside); returns its output."""
    plain = plain_markdown_html(text)
    if plain is not None:
        assert plain == reference(text), repr(text)
    assert str(FAST.block(text)) == reference(text)
    assert str(FAST.inline(text)) == str(REFERENCE.inline(text))
    return plain


def test_a_typical_description_is_in_the_subset_and_exact():
    text = ("You can pay by card online (or by check).\nA second line of the paragraph.\n\n"
            "Before you apply:\n\n- Keep a copy of everything you send.\n- Bring a \"photo ID\", if it's handy.\n\n"
            "Read the [guidance](https://www.example.gov/guide?id=4%20b) for the details: it costs $25.\n")
    assert agrees(text) == (
        "<p>You can pay by card online (or by check).\nA second line of the paragraph.</p>\n"
        "<p>Before you apply:</p>\n<ul>\n<li>Keep a copy of everything you send.</li>\n"
        "<li>Bring a \"photo ID\", if it's handy.</li>\n</ul>\n"
        "<p>Read the <a href=\"https://www.example.gov/guide?id=4%20b\">guidance</a> for the details: it costs $25.</p>")


@pytest.mark.parametrize("text", [
    "Some **bold** words.",
    "An *emphasis* and a_snake_case word.",
    "A `code` span.",
    "# A heading",
    "A paragraph\n- right before a list",
    "- a list\n\n- a loose list",
    "1. a numbered list",
    "- a\n  - nested",
    "A line break  \nhere",
    "Tom & Jerry",
    "A [link](http://insecure.example.gov)",
    "A [link](https://example.gov \"with a title\")",
    "A [link](mailto:someone@example.gov)",
    "Escaped \\*stars\\*",
    "> a quote",
    "Title\n=====",
    "    indented code",
    "A\n\n\n\nfew blank lines",
    "tab\there",
    "x <https://autolink.example.gov>",
    "![an image](https://example.gov/a.png)",
])
def test_anything_else_steps_aside_for_python_markdown(text):
    assert plain_markdown_html(text) is None
    assert str(FAST.block(text)) == reference(text)


# Generated text: documents of paragraphs and "- " lists built from words in the subset (so that
# they are in it, and compared), the same with a piece of Markdown syntax put in somewhere (so
# that they cross the subset's edges), and a soup of lines of both.
SUBSET_WORDS = ["apply", "the office", "30", "days", "$250", "(a lease)", "it's", "\"quoted\"", "e.g.", "a/b",
                "50%", "Ñandú", "café", ":", ";", ",", ".", "?", "=", "+", "-", "--", "1.", "2)", "@", "^", "'"]
EDGE_PIECES = ["#", "*", "_", "`", "&", "<", ">", "[x]", "\\", "!", "~", "|", "{", "}", "(", ")", "  ", " ",
               "\u00a0", "&amp;", "**b**", "\t", "\r", "\n", "\n\n", "\n- ", "\n\n- ", "\n1. ", "\n    ",
               "\n---\n", "\n===", "\n> ", "\n\n\n", "  \n", "[a](https://x.gov/a) ", "[a](http://x.gov)"]
SUBSET_LINK = st.builds(lambda text, path: f"[{text}](https://example.gov/{path})",
                        st.sampled_from(["guidance", "the form", "Form 1", "a.b", "$5"]),
                        st.sampled_from(["", "a", "a?b=1", "a%20b", "a-b.c", "a/b/", "a+b", "a:b"]))
LINK = st.builds(lambda text, path: f"[{text}](https://example.gov/{path})",
                 st.sampled_from(["guidance", "a (b)", "*x*", "", "a]b", "a[b"]),
                 st.sampled_from(["a(b)", "a b", "a&b", "a\"b", "a#b", "a)b", "a<b"]))
SUBSET_INLINE = st.lists(st.one_of(st.sampled_from(SUBSET_WORDS), st.sampled_from(SUBSET_WORDS), SUBSET_LINK),
                         min_size=1, max_size=8).map(" ".join)
PARAGRAPH = st.lists(SUBSET_INLINE, min_size=1, max_size=3).map("\n".join)
BULLETS = st.lists(SUBSET_INLINE.map(lambda s: "- " + s), min_size=1, max_size=4).map("\n".join)
DOCUMENT = st.lists(st.one_of(PARAGRAPH, BULLETS), min_size=1, max_size=5).map("\n\n".join)
EDITED = st.builds(lambda doc, at, piece: doc[:at % (len(doc) + 1)] + piece + doc[at % (len(doc) + 1):],
                   DOCUMENT, st.integers(0, 10_000), st.one_of(st.sampled_from(EDGE_PIECES), LINK))
WORDS = st.sampled_from(SUBSET_WORDS * 4 + EDGE_PIECES)
INLINE = st.lists(st.one_of(WORDS, WORDS, LINK, SUBSET_LINK), min_size=1, max_size=8).map(" ".join)
LINE = st.one_of(INLINE, INLINE.map(lambda s: "- " + s), st.sampled_from(["", "---", "- ", "1. x", "  x", "> x"]))
SOUP = st.lists(LINE, min_size=1, max_size=10).map("\n".join)
TEXT = st.one_of(DOCUMENT, EDITED, SOUP)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_generated_text_agrees_with_python_markdown(text):
    agrees(text)


def _markdown_fields(data, key=""):
    """Every string under a key the content model types as Markdown."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _markdown_fields(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _markdown_fields(v, key)
    elif isinstance(data, str) and key in ("description", "eligibility", "documents", "summary", "when"):
        yield data


def _texts(root: Path) -> list[str]:
    texts = []
    for path in sorted(root.glob("agencies/**/*.yml")) + sorted(root.glob("journeys/*.yml")):
        texts += _markdown_fields(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts


def test_every_markdown_field_of_the_example_site_agrees():
    texts = _texts(EXAMPLE)
    assert len(texts) > 300
    in_subset = [t for t in texts if agrees(t) is not None]
    assert len(in_subset) > len(texts) // 2  # the subset is worth having: most real text is in it


def test_every_markdown_field_of_a_synthetic_government_agrees(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from synthetic import generate
    finally:
        sys.path.pop(0)
    texts = _texts(generate(tmp_path / "site", 300, agencies=10, journeys=6))
    in_subset = [t for t in texts if agrees(t) is not None]
    assert len(in_subset) > len(texts) * 3 // 4
