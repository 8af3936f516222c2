"""The Content-Security-Policy added to every page: hashes of the theme's inline scripts (from its
templates, never from the page), nothing else."""

from __future__ import annotations

import base64
import hashlib

from generator.csp import Inlines, add_csp, inline_scripts, policy, template_inlines

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


def _script_src(html: str) -> str:
    return next(d for d in html.split('Content-Security-Policy" content="')[1].split('"')[0].split("; ")
                if d.startswith("script-src"))


def test_only_runnable_inline_scripts_are_found():
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./m.js";', "\n  var b = 2;\n"]
    assert template_inlines([PAGE, "<style>p{}</style>"]) == Inlines(
        frozenset(["var a = 1;", 'import "./m.js";', "\n  var b = 2;\n"]), frozenset(["p{}"]))


def test_only_the_allowed_scripts_the_page_holds_are_hashed():
    allowed = Inlines(frozenset(["var a = 1;", "\n  var b = 2;\n", "var unused = 3;"]))
    assert _script_src(add_csp(PAGE, allowed)) == "script-src 'self' " + " ".join(sorted(
        [_hash("var a = 1;"), _hash("\n  var b = 2;\n")]))


def test_a_script_the_templates_do_not_write_is_never_hashed():
    """A page that holds a script of its own (a hand-written page's, an injected one) gets no hash for it."""
    page = PAGE.replace("</body>", "<script>alert(1)</script></body>")
    assert _hash("alert(1)") not in add_csp(page, Inlines(frozenset(["var a = 1;"])))
    assert _script_src(add_csp(page)) == "script-src 'self'"


def test_policy_allows_only_the_sites_own_resources():
    text = policy()
    assert text == ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
                    "base-uri 'self'; form-action 'self'")
    assert "unsafe" not in text and "http" not in text


def test_inline_style_elements_are_hashed_too_when_the_theme_writes_them():
    page = "<html><head><meta charset=utf-8><style>p{color:red}</style></head></html>"
    assert f"style-src 'self' {_hash('p{color:red}')}" in add_csp(page, Inlines(styles=frozenset(["p{color:red}"])))
    assert "style-src 'self';" in add_csp(page)


def test_meta_comes_right_after_the_character_set_and_before_any_script():
    html = add_csp(PAGE)
    assert html.index('<meta http-equiv="Content-Security-Policy"') > html.index('<meta charset="utf-8">')
    assert html.index('<meta http-equiv="Content-Security-Policy"') < html.index("<script")
    assert add_csp(html) == html  # never twice
    assert add_csp("not a page") == "not a page"
