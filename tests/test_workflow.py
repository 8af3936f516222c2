"""The pull-request workflow cannot run here; this proves it is well-formed and runs only what exists."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import REPO
from generator.cli import parser
from generator.load import parse_yaml

WORKFLOW = REPO / ".github" / "workflows" / "pull-request.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    # Our own loader: YAML 1.2 keeps the key `on` as text (PyYAML's default would make it True).
    data, _ = parse_yaml(WORKFLOW.read_bytes())
    return data


@pytest.fixture(scope="module")
def steps(workflow) -> list[dict]:
    return workflow["jobs"]["check"]["steps"]


def _commands(steps: list[dict]) -> list[str]:
    return [line.strip() for step in steps for line in step.get("run", "").splitlines() if line.strip()]


def test_runs_on_every_pull_request_with_read_only_rights(workflow):
    assert workflow["on"] == "pull_request"
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["check"]
    assert job["container"].startswith("python:3.11")  # the Python the project targets, on Debian
    assert 0 < job["timeout-minutes"] <= 60


def test_steps_in_order(steps):
    commands = _commands(steps)
    order = [next(i for i, c in enumerate(commands) if c.startswith(prefix)) for prefix in (
        "make install", ".venv/bin/onestop check", ".venv/bin/onestop build", ".venv/bin/onestop report",
        ".venv/bin/onestop diff", "make test")]
    assert order == sorted(order)
    assert steps[0]["uses"].startswith("actions/checkout@v")
    assert steps[0]["with"]["fetch-depth"] == 0  # the base branch, for the diff


def test_check_annotates_the_pull_request(steps):
    check = next(c for c in _commands(steps) if c.startswith(".venv/bin/onestop check"))
    assert "--format github" in check and "--strict" not in check  # old warnings never block a new change


def test_report_and_diff_go_to_the_job_summary(steps):
    for name in ("report", "diff"):
        command = next(c for c in _commands(steps) if c.startswith(f".venv/bin/onestop {name}"))
        assert '--output "$GITHUB_STEP_SUMMARY"' in command


def test_the_built_site_is_kept_as_an_artifact(steps):
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@v"))
    site_dir = re.search(r"^site_dir:\s*(\S+)", (REPO / "mkdocs.yml").read_text(), re.MULTILINE).group(1)
    assert upload["with"]["path"].rstrip("/") == site_dir
    assert upload["with"]["if-no-files-found"] == "error"


def test_every_command_it_runs_exists_here(steps):
    targets = set(re.findall(r"^([a-z][a-z-]*):", (REPO / "Makefile").read_text(), re.MULTILINE))
    onestop = parser()
    for command in _commands(steps):
        words = shlex.split(command.replace("$GITHUB_STEP_SUMMARY", "/tmp/summary")
                            .replace("$RUNNER_TEMP", "/tmp").replace("$GITHUB_BASE_REF", "main")
                            .replace("$GITHUB_WORKSPACE", "/tmp"))
        if words[0] == "make":
            assert set(words[1:]) <= targets, command
        elif words[0] == ".venv/bin/onestop":
            onestop.parse_args(words[1:])  # exits (fails the test) on an unknown command or option
        elif words[0] == "git":
            assert words[1] in ("config", "worktree"), command
        else:
            pytest.fail(f"unexpected command in the workflow: {command}")
    assert (REPO / "scripts" / "ensure-chromium").is_file()  # what `make test` runs first


def test_summary_steps_run_only_after_a_build(steps):
    for step in steps:
        if "report" in step.get("run", "") or "diff" in step.get("run", "") or "upload-artifact" in step.get("uses", ""):
            assert "steps.build.outcome == 'success'" in step["if"], step["name"]
