"""The MkDocs adapter's own parts: options read from mkdocs.yml, the generated pages as Markdown
sources, the shells read back from the site folder."""

from __future__ import annotations

from dataclasses import fields

from conftest import site_options
from generator.engines.mkdocs.files import page_markdown, read_shells, src_uri
from generator.engines.mkdocs.plugin import OnestopConfig
from generator.options import SiteOptions
from generator.render import Renderer
from generator.shell import BODY, TITLE, shell_urls


def test_generated_pages_are_markdown_sources_with_escaped_front_matter(riverton):
    pages = {p.url: p for p in Renderer(site_options()).index_pages(riverton.site)}
    assert [src_uri(pages[u]) for u in ("", "journeys/", "services/", "search/")] == [
        "index.md", "journeys/index.md", "services/index.md", "search/index.md"]
    assert page_markdown(pages["journeys/"]) == (
        '---\ntitle: "Step-by-step guides"\ndescription: "Every step-by-step guide on this site."\n---\n\n'
        f"{BODY}\n")
    home = page_markdown(pages[""], "Welcome.\n")
    assert home.startswith('---\ndescription: "Riverton Business Hub: every step, across every agency, in one place."')
    assert "title:" not in home and home.endswith(f"Welcome.\n\n{BODY}\n")


def test_shells_lose_the_theme_heading_and_leave_the_site_folder(tmp_path):
    for url in shell_urls().values():
        folder = tmp_path / url
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(f"<main><h1>{TITLE}</h1>{BODY}</main>")
    shells = read_shells(tmp_path)
    assert sorted(shells) == ["agency", "journey", "service"]
    assert {s.html for s in shells.values()} == {f"<main>{BODY}</main>"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agencies", "journeys", "services"]
    assert not any(tmp_path.rglob("*.html"))


def test_the_plugin_options_default_to_the_core_options():
    """Each default is written once, in SiteOptions; the plugin's config takes it from there."""
    defaults = {f.name: f.default for f in fields(SiteOptions)}
    plugin = OnestopConfig()
    plugin.load_dict({})
    assert not plugin.validate()[0]
    for name in ("strict", "workers", "az_letter_pages_from", "az_page_size"):
        assert plugin[name] == defaults[name], name
