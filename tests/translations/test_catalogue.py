"""The Spanish catalogue (locales/es/LC_MESSAGES/messages.po) says every word the site says, none
fuzzy or empty, each with its message's placeholders and markup; and the site's pages say them."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import REPO, site_options
from generator.i18n import load_words
from generator.model import ServiceRef
from generator.page_types import BY_KIND
from generator.render import Renderer

POT = REPO / "locales" / "messages.pot"
PO = REPO / "locales" / "es" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
MARKUP = re.compile(r"<[^>]*>|&#?\w+;")


def _catalogue(path, locale=None):
    with path.open("rb") as f:
        return read_po(f, locale=locale)


@pytest.fixture(scope="module")
def spanish():
    return _catalogue(PO, "es")


def test_every_message_of_the_template_is_translated_and_none_is_fuzzy(spanish):
    template = {m.id for m in _catalogue(POT) if m.id}
    translated = {m.id for m in spanish if m.id}
    assert template - translated == set(), "untranslated: run the translator's workflow (CONTRIBUTING.md)"
    assert translated - template == set(), "no longer said: remove them from the .po"
    assert [m.id for m in spanish if m.id and m.fuzzy] == []
    empty = [m.id for m in spanish if m.id and not all(s for s in (m.string if isinstance(m.string, tuple)
                                                                      else (m.string,)))]
    assert empty == []
    assert spanish.num_plurals == 2


def test_each_translation_keeps_its_message_s_placeholders_and_markup(spanish):
    wrong = []
    for m in spanish:
        if not m.id:
            continue
        sources = (m.id,) if isinstance(m.id, str) else m.id
        strings = (m.string,) if isinstance(m.string, str) else m.string
        for source, string in zip((*sources, sources[-1]), strings):
            if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(string)) and "%(num)s" not in source:
                wrong.append((source, string))
            if sorted(MARKUP.findall(source)) != sorted(MARKUP.findall(string)):
                wrong.append((source, string))
    assert wrong == []


def test_a_service_page_in_spanish_says_the_catalogue_s_words(riverton):
    words = load_words(REPO, "es")
    renderer = Renderer(site_options(language="es"), words)
    page = BeautifulSoup(renderer.page(renderer.views(riverton.site), BY_KIND["service"],
                                       ServiceRef("state-registry", "form-company")).html, "html.parser")
    headings = [h.get_text(" ", strip=True) for h in page.select("h2")]
    assert words.gettext("What it costs") in headings and "What it costs" not in headings
    assert words.gettext("What it costs") != "What it costs"
