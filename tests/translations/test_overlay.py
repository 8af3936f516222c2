"""A translation's text goes into a copy of its entity; what it leaves out stays, marked (overlay.py)."""

from __future__ import annotations

from markupsafe import Markup, escape

from conftest import RIVERTON, TODAY
from generator.model import ServiceRef
from generator.pipeline import check
from generator.translations.overlay import Foreign, translate


def test_foreign_text_is_text_that_prints_itself_marked():
    text = Foreign("Get a <sign> permit", "en")
    assert text == "Get a <sign> permit" and text.lower() == "get a <sign> permit" and text.lang == "en"
    assert escape(text) == Markup('<span lang="en">Get a &lt;sign&gt; permit</span>')
    assert Markup("%s!") % text == Markup('<span lang="en">Get a &lt;sign&gt; permit</span>!')


def test_a_translation_fills_what_it_has_and_marks_the_rest():
    site = check(RIVERTON, TODAY).site
    company = site.services[ServiceRef("state-registry", "form-company")]
    data = {"title": "Formar una empresa", "keywords": ["empresa"],
            "fees": [{"description": "Tasa de registro"}, {}]}
    translated, complete = translate(company, "service", data, "en")
    assert (translated.title, translated.keywords) == ("Formar una empresa", ("empresa",))
    assert not isinstance(translated.title, Foreign)
    assert isinstance(translated.summary, Foreign) and translated.summary == company.summary
    assert [f.description for f in translated.fees] == ["Tasa de registro", company.fees[1].description]
    assert [type(f.description) for f in translated.fees] == [str, Foreign]
    assert [f.amount for f in translated.fees] == [f.amount for f in company.fees]  # only text changes
    assert translated.ref == company.ref and not complete
    untranslated, complete = translate(company, "service", None, "en")
    assert isinstance(untranslated.title, Foreign) and not complete


def test_a_complete_translation_marks_nothing():
    site = check(RIVERTON, TODAY).site
    journey = site.journeys["open-a-shop"]
    data = {"title": "Abrir una tienda", "summary": "Los pasos.", "description": "Más.",
            "steps": [{"title": f"Paso {s.number}", "description": "Algo." if s.description else None,
                       "when": "Si hace falta" if s.when else None} for s in journey.steps]}
    data["steps"] = [{k: v for k, v in step.items() if v} for step in data["steps"]]
    if journey.description is None:
        del data["description"]
    translated, complete = translate(journey, "journey", data, "en")
    assert complete, translated
    assert [s.title for s in translated.steps] == [f"Paso {n}" for n in range(1, len(journey.steps) + 1)]
    assert not any(isinstance(s.title, Foreign) for s in translated.steps)
