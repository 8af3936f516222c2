"""Page shells are filled by position (generator/shell.py), with tokens no content can know: a
title, summary or body that holds a token's word, or the shell's own address, is put in as text
and moves nothing (D9). Unit property, and a whole build."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RIVERTON, copy_site
from generator.page_types import BY_KIND
from generator.shell import BODY, DESCRIPTION, EDIT, TITLE, Shell

OLD_TOKENS = ["onestopshelltitletoken", "onestopshelldescriptiontoken", "onestopshellbodytoken",
              "onestopshelledittoken"]
SHELL_URL = BY_KIND["service"].shell_url
TEXT = st.lists(st.sampled_from([*OLD_TOKENS, TITLE, BODY, DESCRIPTION, EDIT, str(SHELL_URL), "<", '"', "a", " "]),
                max_size=6).map("".join)


@settings(max_examples=200, deadline=None)
@given(title=TEXT, description=TEXT, body=TEXT, edit=TEXT)
def test_a_shell_is_filled_by_position(title, description, body, edit):
    template = ("<title>{t} - Site</title><meta name=description content=\"{d}\"><link rel=canonical href=\"/{u}\">"
                "<a href=\"{e}\">Edit</a><main>{b}</main><a href=\"/{u}#top\">top</a>")
    shell = Shell("service", template.format(t=TITLE, d=DESCRIPTION, u=SHELL_URL, e=EDIT, b=BODY))
    url = "services/acme/get-license/"
    page = shell.fill(url, title, description, body, edit)
    assert page == template.format(t=html.escape(title), d=html.escape(description), u=url, e=edit, b=body)


def test_titles_and_summaries_holding_the_tokens_build_as_text(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    permit = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    title = "Get a sign permit onestopshellbodytoken onestopshelltitletoken"
    summary = f"Signs need it onestopshelldescriptiontoken, see {SHELL_URL} and onestopshelledittoken."
    text = permit.read_text().replace("title: Get a sign permit", f"title: {title}")
    permit.write_text(re.sub(r"^summary: .*$", f"summary: {summary}", text, flags=re.MULTILINE))
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    page = BeautifulSoup((root / "site/services/riverton-clerk/get-sign-permit/index.html").read_text(), "html.parser")
    assert page.title.get_text() == f"{title} - Riverton Business Hub"
    assert page.select_one('meta[name="description"]')["content"] == summary
    assert page.h1.get_text(strip=True) == title
    assert page.select_one("main") is not None and len(page.find_all("h1")) == 1
    assert page.select_one('link[rel="canonical"]')["href"].endswith("/services/riverton-clerk/get-sign-permit/")
    for path in Path(root / "site").rglob("*.html"):  # no slot is left unfilled, on any page
        assert not any(token in path.read_text() for token in (TITLE, BODY, DESCRIPTION, EDIT)), path


def test_a_title_left_in_another_language_is_marked_where_it_is_text_and_plain_where_it_is_not():
    """A Spanish page's English title (overlay.Foreign) shows in the header inside lang="en"; in
    <title>, an attribute or a script it stays text, where markup would be wrong or break the tag."""
    from generator.translations.overlay import Foreign

    url = BY_KIND["service"].shell_url
    html = (f'<title>{TITLE}</title><meta content="{TITLE}"><span class="topic">{TITLE}</span>'
            f'<script>var t = "{TITLE}";</script><main>{BODY}</main><a href="/{url}">x</a>')
    page = Shell("service", html).fill("services/a/b/", Foreign("Get <a> permit", "en"), "d", "<p>b</p>")
    assert page == ('<title>Get &lt;a&gt; permit</title><meta content="Get &lt;a&gt; permit">'
                    '<span class="topic"><span lang="en">Get &lt;a&gt; permit</span></span>'
                    '<script>var t = "Get &lt;a&gt; permit";</script><main><p>b</p></main><a href="/services/a/b/">x</a>')
    plain = Shell("service", html).fill("services/a/b/", "Get <a> permit", "d", "<p>b</p>")
    assert plain == page.replace('<span lang="en">Get &lt;a&gt; permit</span>', "Get &lt;a&gt; permit")
