"""The editors' tools around the check: `onestop new`, `codeowners`, `report` and `diff`."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, RIVERTON, TODAY, copy_site
from generator import codeowners
from generator.diff import compare, snapshot, to_markdown
from generator.load import parse_yaml
from generator.pipeline import check
from generator.report import health, to_json
from generator.report import to_markdown as report_markdown
from generator.scaffold import ScaffoldError, _resolve, plan, schema_ref
from generator.schemas import validator
from generator.settings import load_settings
from generator.write import open_data_files


def onestop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(RIVERTON, tmp_path / "repo")


def _problems(root: Path, repository: bool = False) -> list[str]:
    return [p.format_text() for p in check(root, TODAY, repository=repository).problems]


# -- onestop new

def _examples() -> dict[str, Any]:
    """The first example the schemas give for each key name (what an editor would copy)."""
    found: dict[str, Any] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                examples = sub.get("examples") or _resolve(sub).get("examples")
                if examples and key not in found:
                    found[key] = examples[0]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for kind in ("service", "journey", "agency"):
        walk(validator(kind).schema)
    return found


def _empty_keys(text: str) -> list[tuple[int, str]]:
    """(line index, key) of each key with no value and nothing nested under it."""
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines):
        match = re.match(r"^(\s*)(- )?([a-z_]+):$", line)
        if not match:
            continue
        indent = len(match.group(1)) + len(match.group(2) or "")
        following = [x for x in lines[i + 1:] if x.strip() and not x.lstrip().startswith("#")]
        if not following or len(following[0]) - len(following[0].lstrip()) <= indent:
            found.append((i, match.group(3)))
    return found


def _fill(text: str, values: dict[str, Any]) -> str:
    """Give each empty key of a skeleton a value, and change nothing else."""
    lines = text.splitlines()
    for i, key in _empty_keys(text):
        lines[i] += " " + json.dumps(values[key])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("kind", "name", "path", "schema"), [
    ("service", "riverton-clerk/get-dog-license", "agencies/riverton-clerk/services/get-dog-license.yml",
     "../../../generator/schemas/service.schema.json"),
    ("journey", "get-a-dog", "journeys/get-a-dog.yml", "../generator/schemas/journey.schema.json"),
    ("agency", "riverton-parks", "agencies/riverton-parks/agency.yml", "../../generator/schemas/agency.schema.json"),
])
def test_skeleton_parses_names_its_schema_and_passes_once_filled(repo, kind, name, path, schema):
    (repo / "generator/schemas").mkdir(parents=True)  # as in this repository: the schemas beside the content
    for f in (REPO / "generator/schemas").glob("*.json"):
        (repo / "generator/schemas" / f.name).write_text(f.read_text())
    new = plan(repo, kind, name, TODAY)
    assert new.path == path
    assert new.text.splitlines()[0] == f"# yaml-language-server: $schema={schema}"
    assert (repo / Path(path).parent / schema).resolve() == (repo / "generator/schemas" / f"{kind}.schema.json")
    data, _ = parse_yaml(new.text.encode())
    for key in set(validator(kind).schema["properties"]) - {"id"}:  # every key offered, in use or commented out
        assert re.search(rf"^(# )?\s*{key}:", new.text, re.MULTILINE), key
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(new.text)
    unfilled = [p for p in _problems(repo) if p.startswith(path)]
    empty = _empty_keys(new.text)
    assert len(unfilled) == len(empty) and all("got nothing" in p for p in unfilled), unfilled

    filled = _fill(new.text, _examples())
    (repo / path).write_text(filled)
    if kind == "service":  # a new service belongs in a journey step
        journey = repo / "journeys/open-a-shop.yml"
        journey.write_text(journey.read_text().replace("services: [riverton-clerk/get-sign-permit]",
                                                       "services: [riverton-clerk/get-sign-permit]\n"
                                                       "  - title: License your dog\n"
                                                       "    services: [riverton-clerk/get-dog-license]"))
    assert _problems(repo) == []
    assert data is not None


def test_unfilled_service_skeleton_says_what_to_fill_in(repo):
    new = plan(repo, "service", "riverton-clerk/get-dog-license", TODAY, "https://hub.example.gov/")
    (repo / new.path).write_text(new.text)
    lines = new.text.splitlines()
    where = {key: next(i for i, line in enumerate(lines, 1) if re.match(rf"^\s*(- )?{key}:$", line))
             for key in ("title", "summary", "audience", "url")}
    assert [p for p in _problems(repo) if p.startswith(new.path)] == [
        f"{new.path}:{where['title']}:7: error: title: expected text; got nothing (hint: write a value after the colon)",
        f"{new.path}:{where['summary']}:9: error: summary: expected text; got nothing "
        "(hint: write a value after the colon)",
        f"{new.path}:{where['audience']}:10: error: audience: expected a list; got nothing "
        "(hint: write a value after the colon)",
        f"{new.path}:{where['url']}:9: error: channels[0].url: expected text; got nothing "
        "(hint: write a value after the colon)",
    ]
    assert "last_reviewed: 2026-11-28" in lines


def test_schema_line_points_at_the_published_schema_without_a_local_copy(repo):
    assert schema_ref(repo, "journeys/x.yml", "journey", "https://hub.riverton.example.gov/") == (
        "https://hub.riverton.example.gov/schemas/journey.schema.json")
    with pytest.raises(ScaffoldError):
        schema_ref(repo, "journeys/x.yml", "journey", None)


@pytest.mark.parametrize(("kind", "name", "message", "hint"), [
    ("service", "riverton-clrk/get-x", "there is no agency 'riverton-clrk' (no agencies/riverton-clrk/agency.yml)",
     "did you mean 'riverton-clerk/get-x'?"),
    ("service", "parks/get-x", "there is no agency 'parks' (no agencies/parks/agency.yml)",
     "add the agency first: onestop new agency parks"),
    ("service", "get-x", "expected AGENCY/SERVICE, e.g. pa-dos/register-llc; got 'get-x'",
     "name the agency's folder, a slash, then the new service's id"),
    ("service", "riverton-clerk/../../x", "expected AGENCY/SERVICE, e.g. pa-dos/register-llc; got "
     "'riverton-clerk/../../x'", "name the agency's folder, a slash, then the new service's id"),
    ("service", "riverton-clerk/Get_X", "service id 'Get_X' is not a valid id: use lowercase letters, digits and "
     "single hyphens, at most 64 characters", "rename it to 'get-x'"),
    ("journey", "../escape", "journey id '../escape' is not a valid id: use lowercase letters, digits and single "
     "hyphens, at most 64 characters", "rename it to 'escape'"),
    ("agency", "ｐarks", "agency id 'ｐarks' is not a valid id: it contains 'ｐ' (U+FF50 FULLWIDTH LATIN SMALL "
     "LETTER P), which is not a plain letter or digit; use lowercase letters, digits and single hyphens, at most "
     "64 characters", "rename it to 'parks'"),
    ("journey", "open-a-shop", "journeys/open-a-shop.yml already exists", "edit it, or choose another id"),
])
def test_new_refuses_what_it_cannot_make(repo, kind, name, message, hint):
    with pytest.raises(ScaffoldError) as caught:
        plan(repo, kind, name, TODAY, "https://hub.example.gov/")
    assert (caught.value.message, caught.value.hint) == (message, hint)


def test_new_from_the_command_line(repo):
    run = onestop("new", "journey", "get-a-dog", "--today", "2026-11-28", cwd=repo)
    assert run.returncode == 0 and run.stdout == "journeys/get-a-dog.yml\n"
    assert "fill in each empty key" in run.stderr
    again = onestop("new", "journey", "get-a-dog", cwd=repo)
    assert again.returncode == 1
    assert again.stderr == ("onestop: journeys/get-a-dog.yml already exists "
                            "(hint: edit it, or choose another id)\n")


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
        "/journeys/ @riverton/site-team", "",
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
        "onestop.yml:1:1: error: unknown key 'site_teem' (did you mean 'site_team'?)"]
    (repo / "onestop.yml").write_text("site_team: [riverton-site]\n")
    assert _problems(repo, repository=True) == [
        "onestop.yml:1:13: error: site_team[0]: expected a GitHub handle like @org/team or @user, or an email "
        "address; got 'riverton-site'"]
    (repo / "onestop.yml").write_text("site_team: ['@riverton/site']\n")
    assert load_settings(repo)[0].site_team == ("@riverton/site",)


def test_this_repository_commits_an_up_to_date_codeowners():
    assert [p.format_text() for p in check(REPO, TODAY, repository=True).problems] == []
    assert codeowners.ownership(check(REPO, TODAY).site, load_settings(REPO)[0]).managed


# -- onestop report

def test_report_counts_each_kind_of_problem_per_agency(repo):
    clerk = repo / "agencies/riverton-clerk/services"
    sign = clerk / "get-sign-permit.yml"
    sign.write_text(sign.read_text().replace("2026-07-01", "2025-11-01"))  # stale on 2026-11-28
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
    assert report.totals == {"agencies": 3, "services": 7, "stale": 1, "due": 1, "orphans": 1,
                             "online_only": 3, "hard_to_read": 1}
    data = json.loads(to_json(report))
    assert data["today"] == "2026-11-28" and data["totals"] == report.totals
    assert data["agencies"][1]["stale"][0] == {"ref": "riverton-clerk/get-sign-permit", "title": "Get a sign permit",
                                               "source": "agencies/riverton-clerk/services/get-sign-permit.yml",
                                               "detail": "last reviewed 2025-11-01"}
    text = report_markdown(report, "https://hub.example.gov/")
    assert "| Riverton City Clerk | 3 | 1 | 1 | 1 | 1 | 1 |" in text
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


# -- onestop diff

def _change_head(head: Path) -> None:
    clerk = head / "agencies/riverton-clerk/services"
    (clerk / "get-dog-license.yml").write_text(
        "title: Get a dog license\nsummary: License your dog each year.\naudience: [individual]\n"
        "channels:\n  - type: phone\n    phone: 555-010-3002\nlast_reviewed: 2026-11-01\n")
    permit = clerk / "get-sign-permit.yml"
    permit.write_text(permit.read_text() + "fees:\n  - amount: 25\n    description: Permit fee\n")
    (head / "agencies/state-registry/services/register-trade-name.yml").unlink()
    company = head / "agencies/state-registry/services/form-company.yml"
    company.write_text(company.read_text().replace("related: [state-registry/register-trade-name]\n", ""))
    shop = head / "journeys/open-a-shop.yml"
    shop.write_text(shop.read_text()
                    .replace("choose: one\n    services: [state-registry/form-company, state-registry/"
                             "register-trade-name]", "services: [state-registry/form-company]")
                    .replace("  - title: Put up a sign", "  - title: License your dog\n"
                             "    services: [riverton-clerk/get-dog-license]\n  - title: Put up a sign"))


def test_diff_of_two_content_trees(tmp_path):
    base = copy_site(RIVERTON, tmp_path / "base")
    head = copy_site(RIVERTON, tmp_path / "head")
    _change_head(head)
    before, after = snapshot(base, TODAY), snapshot(head, TODAY)
    text = to_markdown(compare(before, after), before, after)
    assert text == """\
## What this pull request changes on the site

1 page added, 1 removed, 7 changed.

### Federal Revenue Office

| Change | Page | What changed |
|---|---|---|
| Changed service | Get a federal tax number (`services/federal-revenue/get-tax-number/`) | journeys it is part of |

### Riverton City Clerk

| Change | Page | What changed |
|---|---|---|
| Changed agency page | Riverton City Clerk (`agencies/riverton-clerk/`) | services listed |
| Changed service | Get a city business license (`services/riverton-clerk/get-business-license/`) | journeys it \
is part of |
| Added service | Get a dog license (`services/riverton-clerk/get-dog-license/`) |  |
| Changed service | Get a sign permit (`services/riverton-clerk/get-sign-permit/`) | fees, journeys it is part of |

### State Business Registry

| Change | Page | What changed |
|---|---|---|
| Changed agency page | State Business Registry (`agencies/state-registry/`) | services listed |
| Changed service | Form a company (`services/state-registry/form-company/`) | related, journeys it is part of |
| Removed service | Register a trade name (`services/state-registry/register-trade-name/`) |  |

### Step-by-step guides

- Changed: Open a shop in Riverton (`journeys/open-a-shop/`): steps, totals
  - step 1 'Choose how to set up your business': services now state-registry/form-company (were \
state-registry/form-company, state-registry/register-trade-name); choose changed
  - added step 4 'License your dog'
"""


def test_diff_reads_built_sites_as_well_as_content_trees(tmp_path):
    head = copy_site(RIVERTON, tmp_path / "head")
    _change_head(head)
    built = tmp_path / "built-base"
    for path, text in open_data_files(check(RIVERTON, TODAY).site).items():  # what a build writes
        (built / path).parent.mkdir(parents=True, exist_ok=True)
        (built / path).write_text(text)
    assert snapshot(built) == snapshot(RIVERTON, TODAY)
    run = onestop("diff", str(built), "--today", "2026-11-28", "--site-url", "https://hub.example.gov/", cwd=head)
    assert run.returncode == 0, run.stderr
    assert "| Added service | [Get a dog license](https://hub.example.gov/services/riverton-clerk/get-dog-license/) |" \
        in run.stdout


def test_diff_with_no_change_and_with_a_bad_base(tmp_path):
    run = onestop("diff", str(RIVERTON), "--today", "2026-11-28", cwd=RIVERTON)
    assert run.stdout == "## What this pull request changes on the site\n\nNo page changes.\n"
    bad = onestop("diff", str(tmp_path), cwd=RIVERTON)
    assert bad.returncode == 1
    assert bad.stderr == (f"onestop: {tmp_path} is neither a content tree (no agencies/) nor a built site "
                          "(no data/services.json)\n")


def test_report_dates_follow_today():
    assert dt.date(2026, 11, 28) == TODAY  # the fixtures' day, also passed to the CLI above
