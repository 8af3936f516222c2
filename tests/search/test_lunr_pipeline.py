"""lunr.js's text pipeline in Python: the stemmer, trimmer, tokenizer and stop words lunr.js has
(tests/search/test_parity.py runs every word of the corpus through both)."""

from __future__ import annotations

from generator.search.lunr_pipeline import analyze, stem, tokenize, trim

from .lunr_reference import analyze_text, normalize_space


def test_pipeline_is_lunr_js_s():
    assert stem("money") == "money" and stem("day") == "day"  # where lunr.py's stemmer differs
    assert [stem(w) for w in ["restaurants", "licensing", "hiring", "compensation", "yelling"]] == [
        "restaur", "licens", "hire", "compens", "yell"]
    assert trim("501(c)(3)") == "501(c)(3" and trim("(llc),") == "llc" and trim("café") == "caf"
    assert tokenize("Food\u00a0truck\u2003e-verify  LLC") == ["food", "truck", "e", "verify", "llc"]
    assert normalize_space("a\u2003b\u00a0c") == "a b c"
    assert analyze("the") is None and analyze("&") == ""
    assert analyze_text("Get the workers' comp") == ["worker", "comp"]
