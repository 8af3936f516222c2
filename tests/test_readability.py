"""Reading grades come from textstat, whether computed here or in the worker process."""

from __future__ import annotations

import datetime as dt

import textstat

from generator.readability import GradeWorker, reading_grade

TEXTS = ["Get a free tax number for your business.",
         "Organizations contemplating incorporation must demonstrate comprehensive understanding."]


def test_grades_are_textstat_flesch_kincaid():
    assert [reading_grade(t) for t in TEXTS] == [textstat.flesch_kincaid_grade(t) for t in TEXTS]


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
