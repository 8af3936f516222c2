"""The pull-request workflow cannot run here; this proves it is well-formed and runs only what exists."""

from __future__ import annotations

import os
import re
import shlex
import subprocess

import pytest

from conftest import REPO, example_repo
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
        "make install", ".venv/bin/onestop check", ".venv/bin/onestop build", "git worktree add",
        ".venv/bin/onestop report", ".venv/bin/onestop diff", "make test")]
    assert order == sorted(order)
    assert steps[0]["uses"].startswith("actions/checkout@v")
    assert steps[0]["with"]["fetch-depth"] == 0  # the base branch, for the diff


def test_check_annotates_the_pull_request(steps):
    check = next(c for c in _commands(steps) if c.startswith(".venv/bin/onestop check"))
    assert "--format github" in check and "--strict" not in check  # old warnings never block a new change


def test_report_and_diff_go_to_the_job_summary_and_cover_what_the_pull_request_changes(steps):
    for name in ("report", "diff"):
        command = next(c for c in _commands(steps) if c.startswith(f".venv/bin/onestop {name}"))
        assert '--output "$GITHUB_STEP_SUMMARY"' in command
        assert '"$RUNNER_TEMP/base"' in command
    assert "--changed" in next(c for c in _commands(steps) if c.startswith(".venv/bin/onestop report"))


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
        if any(w in step.get("run", "") for w in ("report", "diff", "worktree")) or \
                "upload-artifact" in step.get("uses", ""):
            assert "steps.build.outcome == 'success'" in step["if"], step["name"]


def _holds(condition: str | None, outcomes: dict[str, str]) -> bool:
    """The workflow's `if:` conditions, as far as it uses them: `!cancelled() && steps.X.outcome == 'success'`."""
    if not condition:
        return all(o == "success" for o in outcomes.values())
    allowed = re.sub(r"!cancelled\(\)|steps\.\w+\.outcome == 'success'|&&|\$\{\{|\}\}|\s", "", condition)
    assert allowed == "", f"a condition this test cannot read: {condition}"
    return all(outcomes.get(step) == "success" for step in re.findall(r"steps\.(\w+)\.outcome", condition))


def _git(repo, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60,
                   env={**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.gov",
                        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.gov"})


def _editors_pull_request(repo) -> str:
    """A fresh `onestop new service` (dated today, the real date), filled in and in no journey yet
    (a warning), and a ' #' in another service's text (a warning): nothing else."""
    run = subprocess.run([str(repo / ".venv/bin/onestop"), "new", "service", "pa-dos/register-cooperative"],
                         cwd=repo, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    path = repo / run.stdout.strip()
    text = path.read_text()
    for key, value in {"title": "Register a cooperative", "summary": "Register a business that its members own.",
                       "audience": "[business]", "url": "https://www.pa.gov/services/dos/register-a-cooperative"}.items():
        text = re.sub(rf"^(\s*(?:- )?{key}:)$", rf"\1 {value}", text, count=1, flags=re.MULTILINE)
    path.write_text(text)
    llc = repo / "agencies/pa-dos/services/register-llc.yml"
    llc.write_text(re.sub(r"^(\s+note: .+)$", r"\1 #see form DSCB:15-8821", llc.read_text(), count=1,
                          flags=re.MULTILINE))
    return run.stdout.strip()


def test_a_new_service_and_a_warning_pass_every_step_of_the_workflow(steps, tmp_path):
    """Every step runs on a copy of the repository (its example content, a git history with the base
    branch) after an editor's pull request that only warns: each passes. `make install` and `make
    test` run dry (-n): the install is this checkout's own, and `make test` is this test suite, whose
    outcome no content can change (tests/live_content.py fails any test that reads the content)."""
    repo = example_repo(tmp_path / "repo")
    for shared in (".venv", "node_modules", "tests"):  # the tests: what make test would run, unchanged
        os.symlink(REPO / shared, repo / shared)
    env = {"PATH": f"{REPO / '.venv' / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path / "home"),
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "RUNNER_TEMP": str(tmp_path / "runner"),
           "GITHUB_BASE_REF": "main", "GITHUB_WORKSPACE": str(repo), "NO_MKDOCS_2_WARNING": "1"}
    (tmp_path / "home").mkdir()
    (tmp_path / "runner").mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    new_file = _editors_pull_request(repo)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "A new service")
    outcomes: dict[str, str] = {}
    logs: dict[str, str] = {}
    for number, step in enumerate(steps):
        name = step.get("id", f"step{number}")
        if not _holds(step.get("if"), outcomes):
            outcomes[name] = "skipped"
            continue
        if step.get("uses", "").startswith("actions/checkout@"):
            outcomes[name] = "success"  # the copy is the checkout
            continue
        if step.get("uses", "").startswith("actions/upload-artifact@"):
            assert (repo / step["with"]["path"] / "index.html").is_file(), step
            outcomes[name] = "success"
            continue
        command = re.sub(r"^make ", "make -n ", step["run"], flags=re.MULTILINE)
        run = subprocess.run(["bash", "-e", "-c", command], cwd=repo, env=env, capture_output=True, text=True,
                             timeout=600)
        logs[name] = run.stdout + run.stderr
        assert run.returncode == 0, f"{step['name']}: {run.stdout}{run.stderr}"
        outcomes[name] = "success"
    assert "skipped" not in outcomes.values(), outcomes
    check = logs["check"]
    assert "::error" not in check
    assert re.search(rf"::warning file={new_file},line=\d+,col=1::service 'pa-dos/register-cooperative' is not "
                     "part of any journey", check)
    assert "::warning file=agencies/pa-dos/services/register-llc.yml" in check and "YAML comment" in check
    summary = (tmp_path / "summary.md").read_text()
    assert "## Content health of the services this pull request changes" in summary
    assert "| Added service | Register a cooperative (`services/pa-dos/register-cooperative/`) |" in summary
