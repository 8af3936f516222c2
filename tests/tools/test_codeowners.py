"""`onestop codeowners` and the repository checks: CODEOWNERS from owners and the site team."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RIVERTON, TODAY, copy_site, example_repo
from generator.pipeline import check
from generator.tools import codeowners
from generator.tools.repository import repository_problems
from generator.tools.settings import load_settings


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


# -- onestop codeowners

def _declare(repo: Path, owners: dict[str, str], team: str | None = "@riverton/site-team") -> None:
    for agency, owner in owners.items():
        path = repo / f"agencies/{agency}/agency.yml"
        path.write_text(path.read_text() + f"owners: ['{owner}']\n")
    if team:
        (repo / "onestop.yml").write_text(f"site_team: ['{team}']\n")


def test_codeowners_file_from_owners_and_site_team(repo):
    _declare(repo, {"riverton-clerk": "@riverton/clerk", "federal-revenue": "@fed/revenue-team"})
    run = onestop("codeowners", cwd=repo)
    assert run.returncode == 0 and run.stderr == "onestop: wrote .github/CODEOWNERS\n"
    body = [line for line in (repo / ".github/CODEOWNERS").read_text().splitlines() if not line.startswith("#")]
    assert body == [
        "", "* @riverton/site-team", "/.github/CODEOWNERS @riverton/site-team", "/onestop.yml @riverton/site-team",
        "/synonyms.yml @riverton/site-team",  # the search's synonyms (generator/search/synonyms.py)
        "/journeys/ @riverton/site-team", "/questions/ @riverton/site-team", "",
        # hire-staff uses only federal-revenue's services; open-a-shop spans agencies and stays the site team's.
        "/journeys/hire-staff.yml @fed/revenue-team", "",
        "/agencies/federal-revenue/ @fed/revenue-team", "/agencies/riverton-clerk/ @riverton/clerk",
        "/agencies/state-registry/ @example/registry-team"]
    assert _problems(repo, repository=True) == []
    assert onestop("codeowners", cwd=repo).stderr == "onestop: up to date: .github/CODEOWNERS\n"


def test_check_fails_when_codeowners_is_out_of_date(repo):
    (repo / ".github/CODEOWNERS").unlink()
    _declare(repo, {"riverton-clerk": "@riverton/clerk"})
    assert _problems(repo, repository=True) == [
        ".github/CODEOWNERS:1:1: error: missing: owners are declared, but there is no CODEOWNERS file "
        "(hint: run `onestop codeowners` and commit .github/CODEOWNERS)"]
    assert onestop("codeowners", cwd=repo).returncode == 0
    clerk = repo / "agencies/riverton-clerk/agency.yml"
    clerk.write_text(clerk.read_text().replace("@riverton/clerk", "@riverton/clerk-office"))
    lines = (repo / ".github/CODEOWNERS").read_text().splitlines()
    number = lines.index("/agencies/riverton-clerk/ @riverton/clerk") + 1
    expected = (f".github/CODEOWNERS:{number}:1: error: out of date: expected '/agencies/riverton-clerk/ "
                "@riverton/clerk-office'; got '/agencies/riverton-clerk/ @riverton/clerk' "
                "(hint: run `onestop codeowners` and commit .github/CODEOWNERS)")
    assert _problems(repo, repository=True) == [expected]
    run = onestop("check", "--format", "github", "--today", "2026-11-28", cwd=repo)
    assert run.returncode == 1 and run.stdout.startswith(f"::error file=.github/CODEOWNERS,line={number},col=1::")
    # A site build is about content, not the repository's review rules: it does not fail on this.
    assert _problems(repo) == []
    # A hand edit at the end is caught too.
    assert onestop("codeowners", cwd=repo).returncode == 0
    with (repo / ".github/CODEOWNERS").open("a") as handle:
        handle.write("/agencies/ @someone\n")
    assert _problems(repo, repository=True) == [
        f".github/CODEOWNERS:{len(lines) + 1}:1: error: out of date: expected the end of the file; got "
        "'/agencies/ @someone' (hint: run `onestop codeowners` and commit .github/CODEOWNERS)"]


def test_owners_without_a_site_team(repo):
    (repo / ".github/CODEOWNERS").unlink()
    (repo / "onestop.yml").unlink()
    _declare(repo, {"riverton-clerk": "@riverton/clerk"}, team=None)
    problem = ("onestop.yml:1:1: error: agencies declare owners, but no site_team is set: journeys that span "
               "agencies and the site's own files would have no code owner (hint: add a line like "
               "site_team: ['@org/site-team'] to onestop.yml)")
    assert problem in _problems(repo, repository=True)
    run = onestop("codeowners", cwd=repo)
    assert run.returncode == 1 and run.stdout == problem + "\n"
    assert not (repo / ".github/CODEOWNERS").exists()


def test_nobody_declared_leaves_codeowners_alone(repo):
    registry = repo / "agencies/state-registry/agency.yml"
    registry.write_text(registry.read_text().replace('owners: ["@example/registry-team"]\n', ""))
    (repo / "onestop.yml").unlink()
    (repo / ".github/CODEOWNERS").write_text("* @hand-written\n")
    assert _problems(repo, repository=True) == []
    run = onestop("codeowners", cwd=repo)
    assert run.returncode == 0 and "no agency declares owners" in run.stderr
    assert (repo / ".github/CODEOWNERS").read_text() == "* @hand-written\n"


def test_settings_file_is_checked_like_content(repo):
    (repo / "onestop.yml").write_text("site_teem: ['@riverton/site']\n")
    assert _problems(repo, repository=True) == [
        "onestop.yml:1:1: error: unknown key 'site_teem' (hint: did you mean 'site_team'?)"]
    (repo / "onestop.yml").write_text("site_team: [riverton-site]\n")
    assert _problems(repo, repository=True) == [
        "onestop.yml:1:13: error: site_team[0]: expected a GitHub handle like @org/team or @user, or an email "
        "address; got 'riverton-site' (hint: write it like '@pa-gov/dos-web-team')"]
    (repo / "onestop.yml").write_text("site_team: ['@riverton/site']\n")
    assert load_settings(repo)[0].site_team == ("@riverton/site",)


def test_the_example_commits_an_up_to_date_codeowners(tmp_path):
    root = example_repo(tmp_path / "repo")
    result = check(root, TODAY)
    assert [p.format_text() for p in result.with_problems(repository_problems(root, result.site)).problems] == []
    assert codeowners.ownership(result.site, load_settings(root)[0]).managed


