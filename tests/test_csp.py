"""The Content-Security-Policy added to every page: hashes of the theme's inline scripts, nothing else."""

from __future__ import annotations

import base64
import hashlib

from generator.csp import add_csp, inline_scripts, policy

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>var a = 1;</script>
<script src="assets/x.js"></script>
<script type="application/ld+json">{"@type": "GovernmentService"}</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script type="module">import "./m.js";</script>
</head><body><script>
  var b = 2;
</script></body></html>"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_runnable_inline_scripts_are_hashed():
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./m.js";', "\n  var b = 2;\n"]
    script_src = next(d for d in policy(PAGE).split("; ") if d.startswith("script-src"))
    assert script_src == "script-src 'self' " + " ".join(sorted(
        [_hash("var a = 1;"), _hash('import "./m.js";'), _hash("\n  var b = 2;\n")]))


def test_policy_allows_only_the_sites_own_resources():
    text = policy("<html><head></head></html>")
    assert text == ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
                    "base-uri 'self'; form-action 'self'")
    assert "unsafe" not in text and "http" not in text


def test_inline_style_elements_are_hashed_too():
    page = "<html><head><style>p{color:red}</style></head></html>"
    assert f"style-src 'self' {_hash('p{color:red}')}" in policy(page)


def test_meta_comes_right_after_the_character_set_and_before_any_script():
    html = add_csp(PAGE)
    assert html.index('<meta http-equiv="Content-Security-Policy"') > html.index('<meta charset="utf-8">')
    assert html.index('<meta http-equiv="Content-Security-Policy"') < html.index("<script")
    assert add_csp(html) == html  # never twice
    assert add_csp("not a page") == "not a page"
