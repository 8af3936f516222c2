"""The search tests' documents: the Riverton fixture's, with one hand-written page."""

from __future__ import annotations

import pytest

from generator.search import ContentPage, documents


@pytest.fixture(scope="module")
def docs(riverton):
    return documents(riverton.site, [ContentPage("about/", "# About us\n\nWe help **Riverton** firms.\n\nMore text.\n")])
