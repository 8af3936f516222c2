"""The translation schemas editors' language servers read (made from the source schemas) accept
every translation of the example site and refuse what the checker refuses."""

from __future__ import annotations

import pytest
import yaml

from conftest import EXAMPLE
from generator.load import CONTENT_FOLDERS, translation_place
from generator.schemas import ContentValidator, _registry
from generator.translations.schema import translation_schema, translation_schema_files


def _validator(kind):
    return ContentValidator(translation_schema(kind), registry=_registry())


def test_every_translation_of_the_example_matches_its_schema():
    seen = 0
    # Every content file's translation (synonyms.es.yml, the Spanish search's synonyms, is not one).
    for path in sorted(p for folder in CONTENT_FOLDERS for p in (EXAMPLE / folder).glob("**/*.es.yml")):
        kind = translation_place(path.relative_to(EXAMPLE).parts)[1]
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # dates stay text
        errors = [e.message for e in _validator(kind).iter_errors(data)]
        assert errors == [], path
        seen += 1
    assert seen >= 40


@pytest.mark.parametrize(("kind", "data"), [
    ("service", {"title": "x", "last_reviewed": "2026-12-01", "channels": [{"url": "https://x.example.gov"}]}),
    ("service", {"title": "x"}),
    ("journey", {"title": "x", "steps": [{"services": ["a/b"]}], "last_reviewed": "2026-12-01"}),
    ("question", {"text": "x", "options": [{"id": "a", "label": "A"}], "last_reviewed": "2026-12-01"}),
    ("agency", {"name": "x", "website": "https://x.example.gov/", "last_reviewed": "2026-12-01"}),
    ("agency", {"name": "   ", "last_reviewed": "2026-12-01"}),
])
def test_what_the_checker_refuses_the_schema_refuses(kind, data):
    assert list(_validator(kind).iter_errors(data))


def test_one_published_schema_per_kind():
    assert sorted(translation_schema_files()) == [f"schemas/{k}.translation.schema.json"
                                                   for k in ("agency", "journey", "question", "service")]
