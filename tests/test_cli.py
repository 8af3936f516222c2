"""The `onestop` command line: output formats, exit codes, and every command documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, RIVERTON, copy_site
from generator.cli import parser
from generator.problems import Problem, Severity

TODAY = ["--today", "2026-11-28"]


def onestop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def test_check_format_github_prints_workflow_commands_at_each_place(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    permit = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    permit.write_text(permit.read_text().replace("type: phone", "type: fax").replace("summary:", "sumary:"))
    orphan = root / "agencies/riverton-clerk/services/extra.yml"
    orphan.write_text((root / "agencies/riverton-clerk/services/get-business-license.yml").read_text()
                      .replace("title: Get a city business license", "title: Get an extra license"))
    run = onestop("check", "--format", "github", *TODAY, cwd=root)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "::warning file=agencies/riverton-clerk/services/extra.yml,line=1,col=1::service 'riverton-clerk/extra' is "
        "not part of any journey (hint: add it to a step in journeys/, so citizens find it on their way)",
        "::error file=agencies/riverton-clerk/services/get-sign-permit.yml,line=1,col=1::missing required key "
        "'summary' (hint: add a line 'summary: Register an LLC to keep your business apart from your own money.')",
        "::error file=agencies/riverton-clerk/services/get-sign-permit.yml,line=2,col=1::unknown key 'sumary' "
        "(hint: did you mean 'summary'?)",
        "::error file=agencies/riverton-clerk/services/get-sign-permit.yml,line=5,col=11::channels[0].type: "
        "expected one of online, in_person, phone, mail, email; got 'fax' (hint: write one of these words, exactly as written)",
    ]
    # The summary is for people and goes to stderr; stdout holds only workflow commands.
    assert run.stderr.strip() == "onestop: 3 errors, 1 warning"


def test_format_github_escapes_what_would_break_a_workflow_command():
    problem = Problem("agencies/a,b/services/x:y.yml", 3, 7, Severity.WARNING, "100% sure\nreally", "fix, then: go")
    assert problem.format_github() == (
        "::warning file=agencies/a%2Cb/services/x%3Ay.yml,line=3,col=7::100%25 sure\\x0areally (hint: fix, then: go)")
    assert problem.format_text() == ("agencies/a,b/services/x:y.yml:3:7: warning: 100% sure\\x0areally "
                                     "(hint: fix, then: go)")


def test_default_format_is_text(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "journeys/open-a-shop.yml").write_text("title: [\n")
    run = onestop("check", *TODAY, cwd=root)
    assert run.stdout == ("journeys/open-a-shop.yml:2:1: error: malformed YAML: did not find expected node content "
                          "(hint: check the indentation, and put text with ': ' or ' #' in it in quotes)\n")


def test_every_command_has_help_and_is_documented():
    commands = parser()._subparsers._group_actions[0].choices
    assert set(commands) >= {"check", "build", "new", "codeowners", "report", "diff"}
    readme = (REPO / "README.md").read_text()
    guide = (REPO / "CONTRIBUTING.md").read_text()
    for name, sub in commands.items():
        assert sub.description, f"onestop {name} has no description"
        assert re.search(rf"onestop {name}\b", readme), f"README.md does not show `onestop {name}`"
        assert re.search(rf"onestop {name}\b", guide) or name == "build", f"CONTRIBUTING.md does not use {name}"
        run = subprocess.run([sys.executable, "-m", "generator", name, "--help"], capture_output=True, text=True,
                             timeout=60, cwd=REPO)
        assert run.returncode == 0 and run.stdout.startswith(f"usage: onestop {name}")


def test_format_github_says_when_there_are_more_problems_than_github_shows(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    for i in range(12):
        (root / f"journeys/Bad_{i}.yml").write_text("title: [\n")
    run = onestop("check", "--format", "github", *TODAY, cwd=root)
    lines = run.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 12
    assert lines[-1] == ("::notice::onestop found 12 errors; the pull request shows the first 10, and this "
                         "job's log lists them all")
