"""`onestop report`: content health per agency."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RIVERTON, TODAY, copy_site
from generator.pipeline import check
from generator.tools.report import health, to_json
from generator.tools.report import to_markdown as report_markdown
from generator.tools.repository import repository_problems


def onestop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(RIVERTON, tmp_path / "repo")


def _problems(root: Path, repository: bool = False) -> list[str]:
    result = check(root, TODAY)
    if repository:
        result = result.with_problems(repository_problems(root, result.site))
    return [p.format_text() for p in result.problems]


# -- onestop report

def test_report_counts_each_kind_of_problem_per_agency(repo):
    clerk = repo / "agencies/riverton-clerk/services"
    sign = clerk / "get-sign-permit.yml"
    sign.write_text(sign.read_text().replace("2026-07-01", "2025-11-01")  # stale on 2026-11-28
                    .replace("    hours: Monday to Friday, 9 a.m. to 4 p.m.\n", ""))  # a phone line without hours
    license_ = clerk / "get-business-license.yml"
    license_.write_text(license_.read_text().replace("2026-08-20", "2025-12-20"))  # due by 2026-12-20
    extra = clerk / "get-dog-license.yml"
    extra.write_text("title: Get a dog license\nsummary: Notwithstanding multifarious administrative "
                     "considerations, municipal authorization necessitates comprehensive documentation.\n"
                     "audience: [individual]\nchannels:\n  - type: online\n    url: https://x.example.gov/\n"
                     "last_reviewed: 2026-11-01\n")
    site = check(repo, TODAY).site
    report = health(site, TODAY)
    clerk_row = next(a for a in report.agencies if a.id == "riverton-clerk")
    assert clerk_row.services == 3
    assert [f.ref for f in clerk_row.stale] == ["riverton-clerk/get-sign-permit"]
    assert [(f.ref, f.detail) for f in clerk_row.due] == [
        ("riverton-clerk/get-business-license", "last reviewed 2025-12-20, due by 2026-12-21")]
    assert [f.ref for f in clerk_row.orphans] == ["riverton-clerk/get-dog-license"]
    assert [f.ref for f in clerk_row.online_only] == ["riverton-clerk/get-dog-license"]
    assert [f.ref for f in clerk_row.hard_to_read] == ["riverton-clerk/get-dog-license"]
    assert [(f.ref, f.detail) for f in clerk_row.offline_gaps] == [
        ("riverton-clerk/get-sign-permit", "phone channel without hours")]
    assert report.totals == {"agencies": 3, "services": 7, "stale": 1, "due": 1, "orphans": 1,
                             "online_only": 3, "hard_to_read": 1, "offline_gaps": 1}
    data = json.loads(to_json(report))
    assert data["today"] == "2026-11-28" and data["totals"] == report.totals
    assert data["agencies"][1]["stale"][0] == {"ref": "riverton-clerk/get-sign-permit", "title": "Get a sign permit",
                                               "source": "agencies/riverton-clerk/services/get-sign-permit.yml",
                                               "detail": "last reviewed 2025-11-01"}
    text = report_markdown(report, "https://hub.example.gov/")
    assert "| Riverton City Clerk | 3 | 1 | 1 | 1 | 1 | 1 | 1 |" in text
    assert "### Offline way incomplete" in text
    assert ("- [Get a sign permit](https://hub.example.gov/services/riverton-clerk/get-sign-permit/) "
            "(Riverton City Clerk): last reviewed 2025-11-01; edit "
            "`agencies/riverton-clerk/services/get-sign-permit.yml`") in text


def test_report_from_the_command_line_appends_to_a_summary_file(repo, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    run = onestop("report", "--today", "2026-11-28", "--output", str(summary), cwd=repo)
    assert run.returncode == 0, run.stderr
    text = summary.read_text()
    assert text.startswith("earlier step\n## Content health on 2026-11-28\n")
    assert "6 services from 3 agencies: 0 stale" in text
    as_json = onestop("report", "--format", "json", "--today", "2026-11-28", cwd=repo)
    assert json.loads(as_json.stdout)["totals"]["services"] == 6




def test_report_dates_follow_today():
    assert dt.date(2026, 11, 28) == TODAY  # the fixtures' day, also passed to the CLI above


def test_report_of_what_a_change_changes(tmp_path):
    """`report --changed BASE`: the services a pull request adds or changes, and those it makes show
    something new (not a step number alone); not the whole site."""
    base, head = copy_site(RIVERTON, tmp_path / "base"), copy_site(RIVERTON, tmp_path / "head")
    clerk = head / "agencies/riverton-clerk/services"
    sign = clerk / "get-sign-permit.yml"
    sign.write_text(sign.read_text().replace("2026-07-01", "2025-11-01"))  # changed, and now stale
    (clerk / "get-dog-license.yml").write_text(
        "title: Get a dog license\nsummary: License your dog each year.\naudience: [individual]\n"
        "channels:\n  - type: online\n    url: https://x.example.gov/\nlast_reviewed: 2026-11-01\n")  # added
    shop = head / "journeys/open-a-shop.yml"  # renumbers every service of the guide: not a change of theirs
    shop.write_text(shop.read_text().replace("steps:\n", "steps:\n  - title: Find a place\n"))
    run = onestop("report", "--changed", str(base), "--today", "2026-11-28", cwd=head)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("## Content health of the services this pull request changes, on 2026-11-28\n\n"
                                 "2 services from 1 agencies: 1 stale,")
    assert "| Riverton City Clerk | 2 | 1 | 0 | 1 | 1 | 0 |" in run.stdout
    assert "Federal Revenue Office" not in run.stdout and "State Business Registry" not in run.stdout
    as_json = json.loads(onestop("report", "--changed", str(base), "--format", "json", "--today", "2026-11-28",
                                 cwd=head).stdout)
    assert as_json["changed_only"] is True and as_json["totals"]["services"] == 2
    same = onestop("report", "--changed", str(base), "--today", "2026-11-28", cwd=base)
    assert same.stdout == ("## Content health of the services this pull request changes, on 2026-11-28\n\n"
                           "No service changed.\n")
    bad = onestop("report", "--changed", str(tmp_path / "nowhere"), "--today", "2026-11-28", cwd=head)
    assert bad.returncode == 1 and "is not a content tree (no agencies/ folder)" in bad.stderr


def test_report_counts_each_agency_s_translations(repo):
    """Issue 13: per agency and language, translated, missing and out of date; the site team's guides
    and questions in a row of their own; nothing for a site in one language."""
    assert health(check(repo, TODAY).site, TODAY).translations == []
    (repo / "onestop.yml").write_text((repo / "onestop.yml").read_text() + "languages: [en, es]\n")
    clerk = repo / "agencies/riverton-clerk"
    (clerk / "services/get-sign-permit.es.yml").write_text("title: Obtener un permiso de letrero\n"
                                                           "last_reviewed: 2026-06-01\n")  # its source: 2026-07-01
    (clerk / "agency.es.yml").write_text("description: Expide las licencias de la ciudad.\nlast_reviewed: 2026-11-01\n")
    (repo / "journeys/open-a-shop.es.yml").write_text("title: Abrir una tienda\nlast_reviewed: 2026-11-01\n")
    result = check(repo, TODAY)
    report = health(result.site, TODAY, None, result.translations, result.languages)
    rows = {(r.name, r.lang): (r.files, r.translated, len(r.missing), r.out_of_date) for r in report.translations}
    assert rows[("Riverton City Clerk", "es")] == (3, 2, 1, ["agencies/riverton-clerk/services/get-sign-permit.es.yml"])
    assert rows[("Guides and questions (the site team's)", "es")][:3] == (4, 1, 3)
    text = report_markdown(report)
    assert "| Riverton City Clerk | es | 3 | 2 | 1 | 1 |" in text
    assert "- `agencies/riverton-clerk/services/get-sign-permit.es.yml` (Riverton City Clerk)" in text
    clerk_row = next(r for r in json.loads(to_json(report))["translations"] if r["name"] == "Riverton City Clerk")
    assert (clerk_row["lang"], clerk_row["files"], clerk_row["translated"]) == ("es", 3, 2)


def test_a_translation_belongs_to_its_source_s_owners(repo):
    """A translation sits in its source's folder, so CODEOWNERS gives it the source's owners: the
    last pattern that matches a path decides (GitHub's rule), and every pattern is a folder."""
    from generator.tools.codeowners import ownership, render
    from generator.tools.settings import load_settings

    agency = repo / "agencies/riverton-clerk/agency.yml"
    agency.write_text(agency.read_text() + 'owners: ["@riverton/clerks"]\n')
    text = render(ownership(check(repo, TODAY).site, load_settings(repo)[0]))
    lines = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]

    def owners_of(path: str) -> list[str]:
        matching = [who for pattern, *who in lines if pattern == "*" or path.startswith(pattern)]
        return matching[-1]

    for source, translation in (("/agencies/riverton-clerk/services/get-sign-permit.yml",
                                 "/agencies/riverton-clerk/services/get-sign-permit.es.yml"),
                                ("/agencies/riverton-clerk/agency.yml", "/agencies/riverton-clerk/agency.es.yml"),
                                ("/journeys/open-a-shop.yml", "/journeys/open-a-shop.es.yml"),
                                ("/questions/sign.yml", "/questions/sign.es.yml")):
        assert owners_of(translation) == owners_of(source), translation
    assert owners_of("/agencies/riverton-clerk/agency.es.yml") == ["@riverton/clerks"]
    assert owners_of("/journeys/open-a-shop.es.yml") == ["@example/riverton-hub"]
