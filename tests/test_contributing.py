"""The editors' guide cannot rot: its examples pass the check, and every message it quotes is the one
the checker prints for the file shown above it. The walkthrough works on this repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, TODAY, example_repo, write_tree
from generator.pipeline import check

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"<!-- (example|error-example): (\S+)(?: replaces (\S+))? -->\n```yaml\n(.*?)```\n", re.DOTALL)
MESSAGE = re.compile(r"^\S+\.yml:\d+:\d+: (?:error|warning): ", re.MULTILINE)


def _examples() -> dict[str, str]:
    return {m.group(2): m.group(4) for m in BLOCK.finditer(GUIDE) if m.group(1) == "example"}


def _error_examples() -> list[tuple[str, str | None, str, list[str]]]:
    """(path, path it replaces, bad file, the messages quoted after it)."""
    found = []
    for m in BLOCK.finditer(GUIDE):
        if m.group(1) != "error-example":
            continue
        quoted = re.match(r"\s*```text\n(.*?)```", GUIDE[m.end():], re.DOTALL)
        assert quoted, f"no ```text block of messages after the example for {m.group(2)}"
        found.append((m.group(2), m.group(3), m.group(4), quoted.group(1).splitlines()))
    return found


def _problems(root: Path) -> list[str]:
    return [p.format_text() for p in check(root, TODAY).problems]


def test_the_worked_examples_make_a_site_with_no_problem(tmp_path):
    examples = _examples()
    assert {Path(p).name for p in examples} == {"agency.yml", "get-dog-license.yml", "get-a-dog.yml", "dog-home.yml",
                                                "rabies-shot.yml"}
    root = write_tree(tmp_path, dict(examples))
    assert _problems(root) == []


ERRORS = _error_examples()


@pytest.mark.parametrize(("path", "replaces", "text", "quoted"), ERRORS, ids=[q[0][:60] for *_, q in ERRORS])
def test_each_quoted_message_is_what_the_checker_prints(tmp_path, path, replaces, text, quoted):
    files = dict(_examples())
    if replaces:
        del files[replaces]
    files[path] = text
    assert _problems(write_tree(tmp_path, files)) == quoted


def test_every_message_in_the_guide_is_tested():
    quoted = len(MESSAGE.findall(GUIDE))
    assert quoted == sum(len(q) for *_, q in ERRORS) and quoted >= 16
    assert len(ERRORS) >= 13


def test_the_walkthrough_adds_a_service_and_a_journey_step(tmp_path):
    """What a newcomer does, following the guide, in a copy of this repository."""
    repo = example_repo(tmp_path / "repo")
    command = re.search(r"\.venv/bin/(onestop new service \S+)", GUIDE).group(1).split()
    run = subprocess.run([sys.executable, "-m", "generator", *command[1:], "--today", "2026-11-28"], cwd=repo,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    path = repo / run.stdout.strip()
    assert path.name == "register-cooperative.yml"
    # The editor fills in the empty keys...
    text = path.read_text()
    for key, value in {"title": "Register a cooperative", "summary": "Register a business that its members own.",
                       "audience": "[business]", "url": "https://www.pa.gov/services/dos/register-a-cooperative"
                       }.items():
        text = re.sub(rf"^(\s*(?:- )?{key}:)$", rf"\1 {value}", text, count=1, flags=re.MULTILINE)
    path.write_text(text)
    # ...and adds the guide's step to the journey.
    step = re.search(r"```yaml\n(  - title: Register a cooperative\n.*?)```", GUIDE, re.DOTALL).group(1)
    journey = repo / "journeys/start-a-business.yml"
    lines = journey.read_text().splitlines(keepends=True)
    after_steps = next(i for i, line in enumerate(lines) if line.startswith("related_journeys:"))
    lines.insert(after_steps, step)
    journey.write_text("".join(lines))
    # ...and gives it its place in the guide's translation, as the guide says.
    translation = repo / "journeys/start-a-business.es.yml"
    place = re.search(r"Give the new step its place there too.*?```yaml\n(.*?)```", GUIDE, re.DOTALL).group(1)
    translation.write_text(translation.read_text().replace("last_reviewed:", place + "last_reviewed:"))
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-11-28"], cwd=repo,
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "onestop: content OK\n")
