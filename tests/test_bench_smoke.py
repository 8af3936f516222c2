"""The scale benchmark, run small (N = 200) so that it cannot rot; `make bench` runs it at full size."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import REPO


def test_benchmark_runs_end_to_end_and_pages_stay_light():
    run = subprocess.run([sys.executable, "benchmarks/bench.py", "--sizes", "200"], cwd=REPO, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    row = next(line for line in run.stdout.splitlines() if line.startswith("| 200 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    services, pages, check_s, build_s = cells[0], int(cells[1].replace(",", "")), float(cells[2]), float(cells[3])
    assert services == "200" and pages >= 200 + 10 + 6  # services, agencies, journeys and index pages
    user, system = (float(x) for x in cells[4].split(" + "))
    assert check_s > 0 and build_s > 0 and user > 0 and system >= 0 and float(cells[6]) > 0
    raw_max = float(cells[7].split("/")[1])
    gzip_max = float(cells[8].split("/")[1])
    # A service page stays light at any N: 30 KB raw since it has its deadlines (and their script's data),
    # its 'On this page' list and its way in first; 8 KB over the wire.
    assert raw_max <= 30 and gzip_max <= 8
    assert re.match(r"^\d+\.\d\d$", cells[11]), "the Hugo comparison ran"
    assert float(cells[13]) > 0, "the live-preview rebuild was timed"
    assert 0 < float(cells[14]) <= 40, "a guide that asks questions stays under 40 KB gzipped"


def test_the_ab_comparison_runs_versions_on_one_site(tmp_path):
    """benchmarks/ab.py, small: this checkout twice on one synthetic site, check and build."""
    subprocess.run([sys.executable, "benchmarks/synthetic.py", str(tmp_path / "data"), "--services", "60",
                    "--agencies", "4", "--journeys", "3"], cwd=REPO, check=True, capture_output=True, timeout=300)
    run = subprocess.run([sys.executable, "benchmarks/ab.py", "--data", str(tmp_path / "data"), "--versions",
                          f"a={REPO}", f"b={REPO}", "--rounds", "1", "--work", str(tmp_path / "runs")],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert [r["version"] for r in records] == ["a", "b"]
    assert all(r["check_user"] > 0 and r["build_user"] > 0 and r["pages"] >= 60 for r in records)
    assert records[0]["pages"] == records[1]["pages"]
    assert "a: 1 runs, medians check_user" in run.stdout and "against a: check_user +0.0%" in run.stdout
    assert not (tmp_path / "runs").exists(), "each run's copy of the site is removed"
