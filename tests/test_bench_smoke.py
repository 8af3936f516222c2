"""The scale benchmark, run small (N = 200) so that it cannot rot; `make bench` runs it at full size."""

from __future__ import annotations

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
