"""Hand-written pages (content/*.md) go through the agencies' Markdown rules (generator/handwritten.py),
in `onestop check`, `onestop build` and a plain `mkdocs build` alike; and a page's
Content-Security-Policy lists only the theme's own inline scripts, computed from the templates, so
that a script in a page never runs even if it got that far."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import RIVERTON, TODAY, copy_site
from generator.csp import inline_scripts, sha256
from generator.pipeline import check

PAGE = "content/about.md"
HTML_HINT = "pages are Markdown only: write **bold**, lists, headings and [link text](https://...)"


def page_problems(make_site, text: str) -> list[str]:
    root = make_site({PAGE: text})
    return [p.format_text() for p in check(root, TODAY).problems]


@pytest.mark.parametrize(("line", "col", "message", "hint"), [
    ("Hi <script>alert(1)</script>", 4, "raw HTML is not allowed: '<script>alert(1)</sc'", HTML_HINT),
    ("<img src=https://evil.example/t.png>", 1, "raw HTML is not allowed: '<img src=https://evi'", HTML_HINT),
    ("<style>@import url(https://evil.example/)</style>", 1, "raw HTML is not allowed: '<style>@import url(h'",
     HTML_HINT),
    ("<iframe src=https://evil.example/>", 1, "raw HTML is not allowed: '<iframe src=https://'", HTML_HINT),
    ('Click <a href="#" onclick="alert(1)">me</a>', 7, "raw HTML is not allowed: '<a href=\"#\" onclick='", HTML_HINT),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", 1, "HTML entity that decodes to markup is not allowed: '&lt;'",
     "write the character itself, or describe it in words"),
    ("See [this](javascript:alert(1))", 12, "link 'javascript:alert(1' must start with https://, mailto: or tel:, "
     "or be a path on this site", "use the full https:// address of the page"),
    ("See [this](//evil.example/)", 12, "link '//evil.example/' must start with https://, mailto: or tel:, or be a "
     "path on this site", "use the full https:// address of the page"),
    ("![Logo](https://evil.example/t.png)", 9, "image 'https://evil.example/t.png' must be a file of this site",
     "put the image in content/ and link to it by its path"),
    ("A paragraph\n{: onclick=\"alert(1)\" }", -1, "attribute list '{: onclick=\"alert(1)\" }' may set only an #id "
     "and .classes", "remove the other attributes (to write a brace, write \\{)"),
    ("Mirror \u202etext", 8, "contains U+202E RIGHT-TO-LEFT OVERRIDE, which is invisible or turns the text around it",
     "delete it: it is invisible, and often comes with text pasted from another program"),
    ("Write to [us](mailto:help@example.gov?bcc=harvest@evil.example)", 15,
     "link 'mailto:help@example.gov?bcc=harvest@evil.example' must be mailto: and an email address, nothing more",
     "write it as mailto:name@agency.gov, with no ?subject=, ?bcc= or %-codes after it"),
])
def test_markup_and_script_in_a_hand_written_page(make_site, line, col, message, hint):
    text = f"# About\n\n{line}\n"
    row, col = (4, 1) if col == -1 else (3, col)
    assert page_problems(make_site, text) == [f"{PAGE}:{row}:{col}: error: {message} (hint: {hint})"]


def test_front_matter_is_plain_text(make_site):
    assert page_problems(make_site, '---\ntitle: "About </title><script>alert(1)</script>"\n---\n# About\n') == [
        f"{PAGE}:2:15: error: HTML is not allowed in plain text: '</title><script>aler' "
        "(hint: write the words without HTML tags)"]


def test_what_the_site_team_may_write(make_site):
    """The allow-list: Markdown, links to the site's own paths and files, ids and classes."""
    text = ("# About {: #about .intro }\n\n[Open data](data/services.json), [home](../), [top](#about), "
            "[mail](mailto:help@example.gov), [call](tel:711)\n\n![Our logo](assets/logo.svg)\n\n"
            "- a list\n- of things\n\n1 < 2, and a lone { brace.\n")
    assert page_problems(make_site, text) == []


def test_windows_line_endings_are_fine(make_site):
    assert page_problems(make_site, "# About\r\n\r\nHello, [us](mailto:help@example.gov).\r\n") == []


def test_the_example_sites_pages_pass():
    from conftest import REPO
    from generator.handwritten import check_pages

    assert check_pages(REPO, REPO / "content") == []
    assert check_pages(RIVERTON, RIVERTON / "content") == []


# -- whole builds: onestop build and a plain mkdocs build both refuse the page

def _riverton(tmp_path: Path, about: str) -> Path:
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "content" / "about.md").write_text(about)
    return root


SCRIPTED = "# About\n\nHello.\n\n<script>alert(document.domain)</script>\n"
EXPECTED = (f"{PAGE}:5:1: error: raw HTML is not allowed: '<script>alert(docume' (hint: {HTML_HINT})")


def test_onestop_build_refuses_a_page_with_a_script(tmp_path):
    root = _riverton(tmp_path, SCRIPTED)
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert EXPECTED in run.stdout.splitlines()
    assert not (root / "site").exists()


def test_mkdocs_build_refuses_a_page_with_a_script(tmp_path):
    root = _riverton(tmp_path, SCRIPTED)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True,
                         timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1
    assert EXPECTED in run.stderr
    assert "Traceback" not in run.stderr
    assert not (root / "site" / "about").exists()


def test_a_script_that_got_into_a_page_gets_no_hash(tmp_path, monkeypatch):
    """The second line of defence: with the page check switched off, the script is on the page, but
    its policy lists only the theme's scripts, so the browser never runs it."""
    import generator.pipeline
    from generator.engines.mkdocs.run import build_with_mkdocs

    root = _riverton(tmp_path, SCRIPTED)
    monkeypatch.setattr(generator.pipeline, "check_pages", lambda root, folder: [])
    build_with_mkdocs(root / "mkdocs.yml", root / "site", strict=False, today="2026-11-28")
    html = (root / "site" / "about" / "index.html").read_text()
    assert "alert(document.domain)" in inline_scripts(html)
    policy = BeautifulSoup(html, "html.parser").select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert sha256("alert(document.domain)") not in policy
    theme = [body for body in inline_scripts(html) if "alert" not in body]
    assert theme and all(sha256(body) in policy for body in theme)
