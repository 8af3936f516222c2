"""`onestop diff`: what a change does to the site's pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RIVERTON, TODAY, copy_site
from generator.opendata import open_data_files
from generator.pipeline import check
from generator.tools.diff import compare, snapshot, to_markdown
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
                    .replace("choose: one\n    services:\n      - service: state-registry/form-company\n"
                             "        if: {setup: company}\n      - service: state-registry/register-trade-name\n"
                             "        if: {setup: trade-name}", "services: [state-registry/form-company]")
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
state-registry/form-company, state-registry/register-trade-name); choose, the if of a service changed
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
