"""Output stays in proportion to input (D11: a 984 KB journey of 690 steps of the same 40 services
built a 264 MB site). Steps per journey and services per step are bounded by the schema, with
located messages; a service page shows its first few "Part of" boxes in full and lists the other
steps it is part of as links. A whole build at the limits is held to a size bound."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import AGENCY, JOURNEY, SERVICE, copy_site, write_tree

JRN = "journeys/start-trading.yml"


def _journey(steps: int, services: list[str], title: str = "Start trading") -> str:
    body = "".join(f"  - title: Step {n}\n    services: [{', '.join(services)}]\n" for n in range(1, steps + 1))
    return f"title: {title}\nsummary: The steps to start trading.\naudience: [business]\nsteps:\n{body}"


def test_a_journey_of_too_many_steps(check_files):
    assert check_files({JRN: _journey(51, ["acme/get-license"])}) == [
        f"{JRN}:5:3: error: steps: lists 51 items; at most 50 are allowed (hint: a guide this long is hard to follow: "
        "split it into several journeys and link them with related_journeys)"]


def test_a_step_of_too_many_services(check_files):
    services = ["acme/get-license", *(f"acme/s{i}" for i in range(20))]
    problems = check_files({JRN: _journey(1, services)})
    assert problems == [f"{JRN}:6:15: error: steps[0].services: lists 21 items; at most 20 are allowed "
                        "(hint: split the step into several steps)"]


def test_the_issues_journey_is_refused(check_files):
    services = [f"acme/s{i}" for i in range(40)]
    problems = check_files({JRN: _journey(690, services)})
    assert any(p.startswith(f"{JRN}:5:3: error: steps: lists 690 items; at most 50 are allowed") for p in problems)
    assert len(problems) <= 692  # one per step's list (and the orphan), never one per service page


def _site_at_the_limits(root: Path, journeys: int) -> Path:
    services = [f"acme/s{i}" for i in range(20)]
    files: dict[str, str | bytes] = {"agencies/acme/agency.yml": AGENCY}
    for i in range(20):
        files[f"agencies/acme/services/s{i}.yml"] = SERVICE.replace("title: Get a license", f"title: Service {i}")
    for j in range(journeys):
        files[f"journeys/j{j}.yml"] = _journey(50, services, f"Journey {j}")
    write_tree(root, files)
    return root


def test_a_site_at_the_limits_builds_in_proportion(tmp_path):
    from conftest import RIVERTON

    root = copy_site(RIVERTON, tmp_path / "repo")
    for folder in ("agencies", "journeys"):
        subprocess.run(["rm", "-rf", str(root / folder)], check=True)
    _site_at_the_limits(root, journeys=4)
    content = sum(p.stat().st_size for folder in ("agencies", "journeys") for p in (root / folder).rglob("*.yml"))
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    pages = {p: p.stat().st_size for p in (root / "site").rglob("*.html")}
    service = max(size for p, size in pages.items() if "/services/acme/" in p.as_posix())
    assert service < 150_000, service  # 3 boxes in full, 197 steps as links (was 6.4 MB for 690 steps)
    html = (root / "site/services/acme/s0/index.html").read_text()
    assert html.count('class="os-part-of"') == 3 and html.count("Journey 3: step 50 of 50") == 1
    assert sum(pages.values()) < 60 * content + 2_000_000, (sum(pages.values()), content)


def test_the_part_of_cap_is_an_option(riverton):
    from conftest import site_options
    from generator.render import Renderer
    from generator.views import ViewBuilder

    site = riverton.site
    ref = next(r for r, uses in site.uses.items() if len(uses) == 2)
    for shown, full, links in ((5, 2, 0), (1, 1, 1), (0, 0, 2)):
        page = ViewBuilder(site, site_options(part_of_boxes=shown), Renderer(site_options()).words).service_page(ref)
        assert (len(page.part_of), len(page.part_of_links)) == (full, links)
    [first, _] = page.part_of_links
    assert (first.step_number, first.step_count) == (site.uses[ref][0].step_number, site.uses[ref][0].step_count)
    assert first.previous is None and first.next is None  # a link: no boxes of the steps around it
    assert JOURNEY  # the minimal journey is within every limit
