"""The rules of translation files, each with a bad fixture and its exact message, file, line and
column (the content model's "Translations")."""

from __future__ import annotations

import pytest

from conftest import AGENCY, JOURNEY, SERVICE
from generator.load import translation_place
from generator.validate.translations import LEAF, shape_of

SVC = "agencies/acme/services/get-license.yml"
SVC_ES = "agencies/acme/services/get-license.es.yml"
JRN_ES = "journeys/start-trading.es.yml"
SPANISH = {"onestop.yml": "languages: [en, es]\n"}
GOOD = "title: Obtener una licencia\nsummary: Obtenga la licencia que necesita para comerciar.\nlast_reviewed: 2026-11-01\n"


def test_a_translation_is_found_beside_its_source_whatever_its_kind():
    assert translation_place(("agencies", "acme", "services", "get-license.es.yml")) == (
        ("agencies", "acme", "services", "get-license.yml"), "service", "es")
    assert translation_place(("agencies", "acme", "agency.es.yml")) == (("agencies", "acme", "agency.yml"), "agency", "es")
    assert translation_place(("journeys", "start-trading.es.yml"))[1:] == ("journey", "es")
    assert translation_place(("questions", "place.es.yml"))[1:] == ("question", "es")
    assert translation_place(("agencies", "acme", "notes", "x.es.yml")) is None  # not beside a source's place
    assert translation_place(("journeys", "start-trading.yml")) is None


def test_a_good_translation_is_quiet(check_files):
    assert check_files({**SPANISH, SVC_ES: GOOD}) == []


def test_a_translation_without_a_source(check_files):
    assert check_files({**SPANISH, "agencies/acme/services/get-permit.es.yml": GOOD}) == [
        "agencies/acme/services/get-permit.es.yml:1:1: error: there is no agencies/acme/services/get-permit.yml for "
        "this file to translate (hint: name it after the file it translates, with the language before .yml, or "
        "remove it)"]


def test_a_language_the_site_does_not_have(check_files):
    assert check_files({**SPANISH, "agencies/acme/services/get-license.fr.yml": GOOD}) == [
        "agencies/acme/services/get-license.fr.yml:1:1: error: 'fr' is not one of the languages this site is "
        "translated into (es) (hint: add it to languages: in onestop.yml, or rename the file)"]


def test_a_site_without_languages_is_english_only(check_files):
    assert check_files({SVC_ES: GOOD}) == [
        f"{SVC_ES}:1:1: error: 'es' is not one of the languages this site is translated into (none) (hint: add it "
        "to languages: in onestop.yml, or rename the file)"]


def test_a_translation_into_the_content_s_own_language(check_files):
    assert check_files({**SPANISH, "agencies/acme/services/get-license.en.yml": GOOD})[0].endswith(
        "(hint: the source is already in 'en': remove this file)")


def test_a_key_only_the_source_may_set(check_files):
    text = GOOD + "channels:\n  - url: https://acme.example.gov/es/apply\n"
    assert check_files({**SPANISH, SVC_ES: text}) == [
        f"{SVC_ES}:5:5: error: channels[0].url: is set only in the source ({SVC}): a translation holds only its "
        "text (hint: remove this line: the page takes it from the source)"]


def test_an_unknown_key(check_files):
    assert check_files({**SPANISH, SVC_ES: GOOD + "sumary: x\n"}) == [
        f"{SVC_ES}:4:1: error: sumary: unknown key 'sumary' for a translation (hint: did you mean 'summary'?)"]


def test_text_the_source_does_not_have(check_files):
    assert check_files({**SPANISH, SVC_ES: GOOD + "description: Más texto.\n"}) == [
        f"{SVC_ES}:4:14: error: description: {SVC} has no description: there is nothing to translate (hint: remove "
        "this line, or add the text to the source first)"]


def test_a_list_of_another_length(check_files):
    journey = JOURNEY + "  - title: Open your doors\n"
    text = "title: Empezar a comerciar\nsteps:\n  - title: Obtener su licencia\nlast_reviewed: 2026-11-01\n"
    assert check_files({**SPANISH, "journeys/start-trading.yml": journey, JRN_ES: text}) == [
        f"{JRN_ES}:3:3: error: steps: expected a list of 2 items, one for each in journeys/start-trading.yml and in "
        "its order; got 1 items (hint: translate each item in the source's order; write {} for an item whose text "
        "stays as it is)"]
    padded = text.replace("last_reviewed", "  - {}\nlast_reviewed")
    assert check_files({**SPANISH, "journeys/start-trading.yml": journey, JRN_ES: padded}) == []


def test_last_reviewed_is_required_and_a_date(check_files):
    assert check_files({**SPANISH, SVC_ES: "title: Obtener una licencia\n"})[0].startswith(
        f"{SVC_ES}:1:1: error: missing required key 'last_reviewed' (hint: add a line 'last_reviewed: ")
    assert check_files({**SPANISH, SVC_ES: "title: Obtener una licencia\nlast_reviewed: ayer\n"}) == [
        f"{SVC_ES}:2:16: error: last_reviewed: expected a date written YYYY-MM-DD; got 'ayer' (hint: write the day "
        "you last checked the translation, like 2026-12-01)"]


def test_a_source_reviewed_after_its_translation_makes_it_out_of_date(check_files):
    old = GOOD.replace("2026-11-01", "2026-09-01")
    assert check_files({**SPANISH, SVC_ES: old}) == [
        f"{SVC_ES}:3:16: warning: last_reviewed: out of date: {SVC} was reviewed on 2026-10-01, after this "
        "translation (2026-09-01) (hint: compare it with the source, bring it up to date, and set last_reviewed to "
        "the day you did)"]


def test_translated_text_is_held_to_the_source_s_text_rules(check_files):
    text = GOOD.replace("title: Obtener una licencia", 'title: "<b>Obtener</b> una licencia"')
    assert check_files({**SPANISH, SVC_ES: text}) == [
        f"{SVC_ES}:1:9: error: title: HTML is not allowed in plain text: '<b>Obtener</b> una l' (hint: "
        "write the words without HTML tags)"]
    link = GOOD + "description: Vea [la guía](javascript:alert(1)).\n"
    service = SERVICE + "description: See [the guide](https://acme.example.gov/guide).\n"
    [problem] = check_files({**SPANISH, SVC: service, SVC_ES: link})
    assert problem.startswith(f"{SVC_ES}:4:") and "javascript:" in problem


def test_a_translation_that_is_not_a_mapping(check_files):
    assert check_files({**SPANISH, SVC_ES: "- title: x\n"}) == [  # the loader's rule, as for any content file
        f"{SVC_ES}:1:1: error: expected a mapping of keys to values at the top of the file; got a list (hint: start "
        "the file with 'title: ...' or 'name: ...' lines)"]
    assert check_files({**SPANISH, SVC_ES: GOOD + "processing_time: Dos semanas\n",
                        SVC: SERVICE + "processing_time: {text: 2 weeks, max_days: 14}\n"}) == [
        f"{SVC_ES}:4:18: error: processing_time: expected a mapping of keys to values, as in {SVC}; got "
        "'Dos semanas' (hint: write the keys of the text it translates, each on its own line)"]


def test_an_agency_and_its_contact_hours(check_files):
    text = "description: Expide licencias.\ncontact:\n  hours: De lunes a viernes, de 9 a. m. a 5 p. m.\n" \
           "  phone: 555-010-1001\nlast_reviewed: 2026-11-01\n"
    assert check_files({**SPANISH, "agencies/acme/agency.yml": AGENCY, "agencies/acme/agency.es.yml": text}) == [
        "agencies/acme/agency.es.yml:4:3: error: contact.phone: is set only in the source (agencies/acme/agency.yml): "
        "a translation holds only its text (hint: remove this line: the page takes it from the source)"]


@pytest.mark.parametrize("kind", ["agency", "service", "journey", "question"])
def test_each_kind_s_shape_holds_only_text(kind):
    def leaves(node):
        return [v for value in node.values() for v in ([value] if value == LEAF else leaves(value))]
    assert leaves(shape_of(kind)) and all(leaf == LEAF for leaf in leaves(shape_of(kind)))
