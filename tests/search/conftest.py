"""The search tests' documents: the Riverton fixture's, with one hand-written page; and the example
site in Spanish, its translations put into its entities."""

from __future__ import annotations

import dataclasses

import pytest

from generator.graph import Site
from generator.pipeline import CheckResult
from generator.search import ContentPage, documents
from generator.translations.overlay import translate


@pytest.fixture(scope="module")
def docs(riverton):
    return documents(riverton.site, [ContentPage("about/", "# About us\n\nWe help **Riverton** firms.\n\nMore text.\n")])


def translated_site(result: CheckResult, lang: str) -> Site:
    """The linked site with each service, agency and guide in `lang` where it has a translation (the
    source's text elsewhere, marked as such), as the build of the site in that language has it."""
    assert result.site is not None
    site = result.site
    by_source = {t.source: t.data for t in result.translations if t.lang == lang}

    def of(kind, path, entity):
        return translate(entity, kind, by_source.get(path), result.languages[0])[0]

    return dataclasses.replace(
        site,
        agencies={a: of("agency", f"agencies/{a}/agency.yml", x) for a, x in site.agencies.items()},
        services={r: of("service", f"agencies/{r.agency}/services/{r.service}.yml", x) for r, x in site.services.items()},
        journeys={j: of("journey", f"journeys/{j}.yml", x) for j, x in site.journeys.items()},
    )


@pytest.fixture(scope="session")
def spanish_site(example) -> Site:
    site = translated_site(example, "es")
    assert sum(1 for s in site.services.values() if not s.title.isascii()) > 5  # translated, not the source
    return site
