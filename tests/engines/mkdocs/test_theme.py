"""The plugin's one accessibility hook: Material's base.html gives its two checkbox toggles
autocomplete="off", which HTML does not allow on checkboxes; the built pages have it removed, and
the search toggle (whose label came with Material's search partial) is named."""

from __future__ import annotations

from pathlib import Path

import material

from conftest import REPO
from generator.engines.mkdocs.theme import valid_toggles
from generator.i18n import load_words

BASE = Path(material.__file__).parent / "templates" / "base.html"


def test_materials_toggles_lose_autocomplete_and_nothing_else_changes():
    toggles = [line.strip() for line in BASE.read_text().splitlines() if 'class="md-toggle"' in line]
    assert toggles == [
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    ]
    assert [valid_toggles(t, "Search") for t in toggles] == [
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-label="Search">',
    ]
    text = '<input type="text" name="q" autocomplete="off"><p>autocomplete="off"</p>'
    assert valid_toggles(text, "Search") == text


def test_no_built_page_has_autocomplete_on_a_checkbox(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= 71
    assert [p for p in pages if 'type="checkbox" id="__drawer" autocomplete' in p.read_text()] == []
    assert all('id="__drawer">' in p.read_text() for p in pages)
    # Material's search toggle has no label once its search partial is gone: it is named instead, in
    # the page's language.
    spanish = load_words(REPO, "es").gettext("Search")
    assert spanish != "Search"
    for page in pages:
        said = spanish if page.relative_to(built_site).parts[0] == "es" else "Search"
        assert f'id="__search" aria-label="{said}">' in page.read_text(), page
