"""The guard that keeps the code's tests off the live content (tests/live_content.py) can fail."""

from __future__ import annotations

import subprocess
import sys

import pytest
from live_content import LiveContentRead, expected_reads

from conftest import EXAMPLE, REPO, TODAY
from generator.pipeline import check


def test_reading_the_live_content_fails():
    with expected_reads() as caught, pytest.raises(LiveContentRead, match="tests/fixtures/sites/example"):
        check(REPO, TODAY)
    assert caught == [f"reads {str(REPO / 'agencies')!r}"]
    with expected_reads() as caught, pytest.raises(LiveContentRead):
        (REPO / "journeys" / "start-a-business.yml").read_text()
    assert len(caught) == 1


@pytest.mark.parametrize("command", [["check"], ["build", "--strict"], ["diff", "/tmp/base"], ["--root", ".", "report"]])
def test_running_onestop_on_the_live_content_fails(command):
    with expected_reads() as caught, pytest.raises(LiveContentRead):
        subprocess.run([sys.executable, "-m", "generator", *command], cwd=REPO, capture_output=True, timeout=60)
    assert caught and "on the live content" in caught[0]


def test_everything_else_is_fine(tmp_path):
    assert (REPO / "README.md").read_text(encoding="utf-8")
    assert check(EXAMPLE, TODAY).site is not None
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--help"], cwd=REPO, capture_output=True,
                         timeout=60)
    assert run.returncode == 0
    run = subprocess.run([sys.executable, "-m", "generator", "report", "--root", str(EXAMPLE), "--today",
                          "2026-11-28"], cwd=REPO, capture_output=True, timeout=60)
    assert run.returncode == 0
