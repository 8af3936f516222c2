"""`onestop diff`: what a change does to the site's pages, on pairs of Riverton content trees."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RIVERTON, TODAY, copy_site, site_options
from generator.render import Renderer
from generator.tools.diff import Snapshot, compare, snapshot
from generator.tools.diff_markdown import to_markdown
from generator.tools.markdown_text import md_text


def onestop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    return copy_site(RIVERTON, tmp_path / "base"), copy_site(RIVERTON, tmp_path / "head")


def _snapshots(base: Path, head: Path) -> tuple[Snapshot, Snapshot]:
    renderer = Renderer(site_options(root=head))
    return snapshot(base, TODAY, renderer), snapshot(head, TODAY, renderer)


def _diff(base: Path, head: Path) -> str:
    before, after = _snapshots(base, head)
    return to_markdown(compare(before, after), before, after)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


CLERK = "agencies/riverton-clerk/services"
SHOP = "journeys/open-a-shop.yml"


def _change_head(head: Path) -> None:
    (head / CLERK / "get-dog-license.yml").write_text(
        "title: Get a dog license\nsummary: License your dog each year.\naudience: [individual]\n"
        "channels:\n  - type: phone\n    phone: 555-010-3002\nlast_reviewed: 2026-11-01\n")
    permit = head / CLERK / "get-sign-permit.yml"
    permit.write_text(permit.read_text() + "fees:\n  - amount: 25\n    description: Permit fee\n")
    (head / "agencies/state-registry/services/register-trade-name.yml").unlink()
    _edit(head / "agencies/state-registry/services/form-company.yml", "related: [state-registry/register-trade-name]\n", "")
    _edit(head / SHOP, "choose: one\n    services:\n      - service: state-registry/form-company\n"
          "        if: {setup: company}\n      - service: state-registry/register-trade-name\n"
          "        if: {setup: trade-name}", "services: [state-registry/form-company]")
    _edit(head / SHOP, "  - title: Put up a sign", "  - title: License your dog\n"
          "    services: [riverton-clerk/get-dog-license]\n  - title: Put up a sign")


def test_diff_of_two_content_trees(tmp_path):
    base, head = _pair(tmp_path)
    _change_head(head)
    assert _diff(base, head) == """\
## What this pull request changes on the site

5 files changed, 16 pages of the site: 1 added, 1 removed, 14 changed.

### Riverton City Clerk

| Change | Page | What changed | Changed pages that show it |
|---|---|---|---:|
| Added service | Get a dog license (`services/riverton-clerk/get-dog-license/`) |  | 6 |
| Changed service | Get a sign permit (`services/riverton-clerk/get-sign-permit/`) | fees: none → \\$25 (Permit \
fee) | 6 |

### State Business Registry

| Change | Page | What changed | Changed pages that show it |
|---|---|---|---:|
| Changed service | Form a company (`services/state-registry/form-company/`) | related: \
state-registry/register-trade-name → none | 5 |
| Removed service | Register a trade name (`services/state-registry/register-trade-name/`) |  | 6 |

### Step-by-step guides

- Changed: Open a shop in Riverton (`journeys/open-a-shop/`) (changed pages that show it: 14)
  - step 1 'Choose how to set up your business': services now state-registry/form-company (were \
state-registry/form-company, state-registry/register-trade-name); choose, the if of a service changed
  - added step 4 'License your dog'
  - renumbered: the pages of 2 services show new step numbers only (Get a federal tax number, Get a city business \
license)

### Pages that show these changes

- Riverton City Clerk (`agencies/riverton-clerk/`): services listed: now lists Get a dog license
- State Business Registry (`agencies/state-registry/`): services listed: no longer lists Register a trade name
"""


def test_a_step_added_renumbers_the_pages_of_other_services_and_says_so(tmp_path):
    """Inserting one step moves every later step's number on the pages of its services: those pages
    change, but their services did not, and the diff says which is which."""
    base, head = _pair(tmp_path)
    _edit(head / SHOP, "steps:\n", "steps:\n  - title: Find a place\n    description: Look for a shop to rent.\n")
    before, after = _snapshots(base, head)
    diff = compare(before, after)
    assert [(c.kind, c.id, c.change, c.steps) for c in diff.changes] == [
        ("journeys", "open-a-shop", "changed", ["added step 1 'Find a place'"])]
    renumbered = sorted(k.id for k in diff.knocks if k.renumbered)
    assert renumbered == ["federal-revenue/get-tax-number", "riverton-clerk/get-business-license",
                          "riverton-clerk/get-sign-permit", "state-registry/form-company",
                          "state-registry/register-trade-name"]
    text = to_markdown(diff, before, after)
    assert "| Changed service |" not in text
    assert ("  - renumbered: the pages of 5 services show new step numbers only (Get a federal tax number, Get a "
            "city business license, Get a sign permit, Form a company, Register a trade name)") in text


def _pages_that_differ(base: Path, head: Path) -> set[str]:
    """Independently of the diff: render both sides, compare every page."""
    from generator.pipeline import check

    renderer = Renderer(site_options(root=head))
    old = {p.url: (p.title, p.description, p.html) for p in renderer.pages(check(base, TODAY).site)}
    new = {p.url: (p.title, p.description, p.html) for p in renderer.pages(check(head, TODAY).site)}
    return {url for url in old.keys() | new.keys() if old.get(url) != new.get(url)}


def test_a_value_change_says_before_and_after_and_counts_every_page_it_changes(tmp_path):
    base, head = _pair(tmp_path)
    _edit(head / CLERK / "get-business-license.yml", 'max_days: 14', 'max_days: 21')
    before, after = _snapshots(base, head)
    diff = compare(before, after)
    [change] = diff.changes
    assert [(f.name, f.before, f.after) for f in change.fields] == [
        ("processing_time", {"text": "2 weeks", "max_days": 14}, {"text": "2 weeks", "max_days": 21})]
    assert set(change.pages) == _pages_that_differ(base, head)
    assert "journeys/open-a-shop/" in change.pages and "services/" not in change.pages  # the A to Z shows no time
    assert (f"| Changed service | Get a city business license (`services/riverton-clerk/get-business-license/`) | "
            f"processing time: 2 weeks \\(14 days\\) → 2 weeks \\(21 days\\) | {len(change.pages)} |"
            ).replace("\\(", "(").replace("\\)", ")") in to_markdown(diff, before, after)
    assert diff.changed_pages == len(change.pages) and diff.added_pages == diff.removed_pages == 0


def test_a_long_text_shows_where_it_changed(tmp_path):
    base, head = _pair(tmp_path)
    words = " ".join(f"word{i}" for i in range(80))
    _edit(base / CLERK / "get-business-license.yml", "audience:", f"description: {words}\naudience:")
    _edit(head / CLERK / "get-business-license.yml", "audience:", f"description: {words.replace('word60', 'NEW')}\n"
          "audience:")
    text = _diff(base, head)
    line = next(x for x in text.splitlines() if x.startswith("| Changed service"))
    assert "description: …word55 word56 word57 word58 word59 word60 word61" in line and "word59 NEW word61" in line
    assert "word1 " not in line  # the unchanged start is left out


def test_what_a_pull_request_adds_cannot_make_a_content_tree_look_like_a_built_site(tmp_path):
    """D6: a tree with agencies/ is always read as content; data/*.json in it is never read."""
    base, head = _pair(tmp_path)
    from generator.opendata import open_data_files
    from generator.pipeline import check

    for path, text in open_data_files(check(base, TODAY).site).items():  # a base build's data, copied in
        (head / path).parent.mkdir(parents=True, exist_ok=True)
        (head / path).write_text(text)
    _edit(head / CLERK / "get-sign-permit.yml", "title: Get a sign permit", "title: Get a sign licence")
    assert "title: Get a sign permit → Get a sign licence" in _diff(base, head)
    (head / "data/services.json").write_text('{"services": [1, 2')  # malformed: still never read
    (head / "data/agencies.json").write_text('[{"id": 5}]')
    assert "title: Get a sign permit → Get a sign licence" in _diff(base, head)


def test_each_side_must_be_a_content_tree(tmp_path):
    built = tmp_path / "built"
    (built / "data").mkdir(parents=True)
    (built / "data" / "services.json").write_text("[]")
    run = onestop("diff", str(built), "--today", "2026-11-28", cwd=RIVERTON)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (f"onestop: {built} is not a content tree (no agencies/ folder): give the folder of a "
                          "checkout, e.g. one made with git worktree add\n")
    broken = copy_site(RIVERTON, tmp_path / "broken")
    (broken / SHOP).write_text("title: [\n")
    run = onestop("diff", str(broken), "--today", "2026-11-28", cwd=RIVERTON)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stdout.startswith("journeys/open-a-shop.yml:2:1: error: malformed YAML")
    assert run.stderr == f"onestop: {broken}: the content has errors; run onestop check there\n"


def test_from_the_command_line_with_links_and_a_summary_file(tmp_path):
    base, head = _pair(tmp_path)
    _change_head(head)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    run = onestop("diff", str(base), "--today", "2026-11-28", "--site-url", "https://hub.example.gov/",
                  "--output", str(summary), cwd=head)
    assert run.returncode == 0, run.stderr
    text = summary.read_text()
    assert text.startswith("earlier step\n## What this pull request changes on the site\n")
    assert ("| Added service | [Get a dog license](https://hub.example.gov/services/riverton-clerk/get-dog-license/) |"
            in text)
    assert "| Removed service | Register a trade name (`services/state-registry/register-trade-name/`) |" in text
    same = onestop("diff", str(base), "--today", "2026-11-28", cwd=base)
    assert same.stdout == "## What this pull request changes on the site\n\nNo page changes.\n"


# -- D15: content never formats the summary

HOSTILE = "Get a permit | x |\n\nNo page changes.\n# Heading ![t](https://t.example/p.png) $a$ **b** &lt;"


def _html(markdown_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(markdown_text, extensions=["tables"]), "html.parser")


def _hostile_shows_as_typed(page: BeautifulSoup) -> None:
    assert page.find_all(["img", "h1", "strong", "em", "code"]) == [] or all(
        c.get_text() .startswith(("services/", "agencies/", "journeys/")) for c in page.find_all("code"))
    assert [h.get_text() for h in page.find_all(["h2", "h3"]) if "Heading" in h.get_text()] == []
    assert not any(p.get_text().startswith("No page changes") for p in page.find_all("p"))
    assert all(a["href"].startswith("https://hub.example.gov/") for a in page.find_all("a"))


def test_content_in_the_summary_is_text(tmp_path):
    base, head = _pair(tmp_path)
    _edit(head / CLERK / "get-sign-permit.yml", "title: Get a sign permit", f"title: {json.dumps(HOSTILE)}")
    before, after = _snapshots(base, head)
    text = to_markdown(compare(before, after), before, after, "https://hub.example.gov/")
    row = next(x for x in text.splitlines() if x.startswith("| Changed service"))
    assert len(_cells(row)) == 4, row  # the title's pipes stay inside their cell
    page = _html(text)
    _hostile_shows_as_typed(page)
    assert len(page.select("table tr")[1].find_all("td")) == 4


def _cells(row: str) -> list[str]:
    """A GFM table row's cells: split at pipes that are not escaped."""
    cells, cell, escaped = [], "", False
    for char in row.strip().strip("|"):
        if char == "|" and not escaped:
            cells.append(cell)
            cell = ""
        else:
            cell += char
        escaped = char == "\\" and not escaped
    return [*cells, cell]


def test_the_report_escapes_content_too(tmp_path):
    from generator.pipeline import check
    from generator.tools.report import health
    from generator.tools.report import to_markdown as report_markdown

    repo = copy_site(RIVERTON, tmp_path / "repo")
    _edit(repo / "agencies/riverton-clerk/agency.yml", "name: Riverton City Clerk", f"name: {json.dumps(HOSTILE)}")
    _edit(repo / CLERK / "get-sign-permit.yml", "2026-07-01", "2025-01-01")
    text = report_markdown(health(check(repo, TODAY).site, TODAY), "https://hub.example.gov/")
    row = next(x for x in text.splitlines() if x.startswith("| Get a permit"))
    assert len(_cells(row)) == 8, row  # the title and its seven counts
    _hostile_shows_as_typed(_html(text))


SPECIAL = set("\\`*_[]!|<>&~#$")


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_md_text_is_always_the_text_itself(text):
    """By CommonMark's rule (a backslash makes any ASCII punctuation literal), the escaped text is one
    line whose every Markdown character is escaped, and reads back as the text (line breaks as spaces)."""
    escaped = md_text(text)
    assert "\n" not in escaped and "\r" not in escaped
    plain, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\":
            plain.append(escaped[i + 1])
            i += 2
            continue
        assert escaped[i] not in SPECIAL, (text, escaped)
        plain.append(escaped[i])
        i += 1
    expected = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else
                       f"[U+{ord(c):04X}]" if unicodedata.category(c) == "Cf" else c for c in text)
    assert "".join(plain) == expected
    assert "://" not in escaped and "www." not in escaped  # no address left for a linkifier
