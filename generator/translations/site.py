"""A site in another language: each entity with its translation put in (overlay.py), listed in the
order of its translated titles, and a note of the entities that still show source-language text."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..graph import Site, assemble, entity_key
from .files import TranslationFile
from .overlay import translate


def collation_key(text: str) -> str:
    """Where a title is listed in any language: ignoring case and accents ("Ámbito" with the a's),
    so a translated A to Z does not put every accented title after the z."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _translations_by_source(translations: Iterable[TranslationFile], lang: str) -> dict[str, dict[str, Any]]:
    return {t.source: t.data for t in translations if t.lang == lang}


def translated_site(site: Site, translations: Iterable[TranslationFile], lang: str) -> Site:
    """`site` in `lang`: every agency, service, journey and question with its `lang` translation put
    in (or its text marked as the source's), sorted by the translated titles."""
    by_source = _translations_by_source(translations, lang)
    untranslated: set[str] = set()

    def each(kind: str, entities: Iterable[Any], key: Any) -> list[Any]:
        out = []
        for entity in entities:
            translated, complete = translate(entity, kind, by_source.get(entity.source_path), site.language)
            if not complete:
                untranslated.add(entity_key(kind, key(entity)))
            out.append(translated)
        return out

    agencies = each("agency", site.agencies.values(), lambda a: a.id)
    services = each("service", site.services.values(), lambda s: s.ref)
    journeys = each("journey", site.journeys.values(), lambda j: j.id)
    questions = each("question", site.questions.values(), lambda q: q.id)
    linked = assemble(agencies, services, journeys, questions, order=collation_key)
    return dataclasses.replace(linked, language=lang, untranslated=frozenset(untranslated))
