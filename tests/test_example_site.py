"""The example government shipped as the default site, as frozen in tests/fixtures/sites/example/ (the
live copy at the repository's root is judged by onestop check in the pull-request workflow, at the real
date): complete, strict-clean, and nothing hard-coded."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO, example_repo


def test_example_government_passes_strict_check(example):
    assert [p.format_text() for p in example.problems] == []


def test_example_government_is_big_enough_and_spans_levels(example):
    site = example.site
    assert len(site.agencies) >= 8 and len(site.services) >= 30 and len(site.journeys) >= 4
    assert {a.jurisdiction for a in site.agencies.values()} == {"federal", "state", "county", "municipal"}
    assert {"start-a-business", "hire-your-first-employee"} <= set(site.journeys)
    steps = [s for j in site.journeys.values() for s in j.steps]
    assert any(s.choose == "one" for s in steps) and any(s.when for s in steps)
    assert any(not s.has_offline_channel for s in site.services.values())  # exercises the offline pointer
    assert any(s.fees == () for s in site.services.values()) and any(s.fees is None for s in site.services.values())


def test_site_files_hard_code_no_agency_service_or_journey(example):
    """A fork that swaps agencies/ and journeys/ must get a correct site: nothing else names them."""
    ids = set(example.site.agencies) | set(example.site.journeys) | {str(r) for r in example.site.services}
    shared = [REPO / "mkdocs.yml", *(REPO / "overrides").rglob("*.html"), *(REPO / "content").rglob("*.*")]
    for path in shared:
        words = set(re.findall(r"[a-z0-9]+(?:[-/][a-z0-9]+)+", path.read_text(encoding="utf-8")))
        assert not words & ids, f"{path.relative_to(REPO)} names {sorted(words & ids)}"


def test_example_site_builds_strict(tmp_path):
    root = example_repo(tmp_path / "repo")
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28",
                          "--site-dir", str(tmp_path / "site")], cwd=root, capture_output=True, text=True,
                         timeout=600, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "site/journeys/start-a-business/index.html").is_file()
