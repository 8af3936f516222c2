"""The site folder: never the repository or any of its folders (D16); all or nothing through a plain
`mkdocs build` too (D17); no staging folders left to pile up (D18); the machine's failures (a
folder it cannot write, a full disk, a date past the calendar's end) in one line each (D19)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import pathlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RIVERTON, copy_site
from generator.cli import main
from generator.output import remove_stale, staged_directory

ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=root, capture_output=True, text=True, timeout=300, env=ENV)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return copy_site(RIVERTON, tmp_path_factory.mktemp("output") / "repo")


def _tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if "site" not in p.relative_to(root).parts[:1]}


# -- D16: the site folder is never the repository, nor in or around its folders

@pytest.mark.parametrize(("site_dir", "why"), [
    (".", ". holds the repository itself"), ("..", ".. holds the repository itself"),
    ("agencies", "agencies is, holds or lies inside the repository's agencies/"),
    ("journeys/site", "journeys/site is, holds or lies inside the repository's journeys/"),
    ("content", "content is, holds or lies inside the repository's content/"),
    (".git/site", ".git/site is, holds or lies inside the repository's .git/"),
    ("overrides", "overrides is, holds or lies inside the repository's overrides/"),
])
def test_a_site_folder_that_would_replace_the_repository_is_refused(repo, site_dir, why):
    (repo / ".git").mkdir(exist_ok=True)
    before = _tree(repo)
    result = run(repo, "-m", "generator", "build", "--today", "2026-11-28", "--site-dir", site_dir)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (f"onestop: nothing was built: {why}, and a build replaces its site "
                                              "folder whole; choose a folder of its own, e.g. --site-dir site")
    assert _tree(repo) == before


def test_mkdocs_build_refuses_such_a_site_dir_too(repo):
    config = repo / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text + "site_dir: agencies\n")
    try:
        before = _tree(repo)
        result = run(repo, "-m", "mkdocs", "build")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert (f"mkdocs.yml: site_dir: {repo}/agencies is, holds or lies inside the repository's agencies/, and a build "
                "replaces its site folder whole; choose a folder of its own, e.g. site_dir: site") in result.stderr
        assert _tree(repo) == before
    finally:
        config.write_text(text)


# -- D17: a plain mkdocs build is all or nothing

def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failed_mkdocs_build_leaves_the_old_site_as_it_was(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    assert run(root, "-m", "mkdocs", "build").returncode == 0
    before = _files(root / "site")
    assert len([p for p in before if p.startswith("services/") and p.endswith("index.html")]) == 7
    template = root / "overrides/onestop/service.html"
    template.write_text(template.read_text() + "{{ no_such_thing.at_all }}\n")
    result = run(root, "-m", "mkdocs", "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "overrides/onestop/service.html" in result.stderr
    assert _files(root / "site") == before
    assert not list(root.glob(".site.*"))


def test_a_successful_mkdocs_build_replaces_the_site(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "stale.html").write_text("old")
    assert run(root, "-m", "mkdocs", "build").returncode == 0
    assert not (root / "site" / "stale.html").exists() and (root / "site" / "index.html").is_file()
    assert oct((root / "site").stat().st_mode & 0o777) == "0o755"
    assert not list(root.glob(".site.*"))


# -- D18: what killed builds leave behind is removed by the next

def test_stale_staging_folders_are_removed_and_live_ones_kept(tmp_path):
    target = tmp_path / "site"
    dead = 2 ** 22 + 12345  # above the kernel's pid_max default: no such process
    for name in (f".site.tmp-{dead}-abc", ".site.tmp-legacy8x", f".site.tmp-{os.getpid()}-mine"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("x")
    (tmp_path / f".site.old-{dead}").write_text("a site that was a file")
    (tmp_path / ".sitemap.tmp-1-x").mkdir()  # another target's: not ours
    removed = remove_stale(target)
    assert sorted(p.name for p in removed) == sorted([f".site.tmp-{dead}-abc", ".site.tmp-legacy8x",
                                                     f".site.old-{dead}"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".site.tmp-{os.getpid()}-mine", ".sitemap.tmp-1-x"]


def test_a_site_that_is_a_file_is_replaced_and_nothing_is_left(tmp_path):
    target = tmp_path / "site"
    target.write_text("not a folder")
    with staged_directory(target) as staging:
        (staging / "index.html").write_text("new")
    assert (target / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_killed_build_leaves_nothing_the_next_build_keeps(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    code = ("import os, sys; from pathlib import Path; from generator.output import StagedDirectory; "
            "s = StagedDirectory(Path(sys.argv[1])); (s.path / 'half.html').write_text('x'); os._exit(9)")
    subprocess.run([sys.executable, "-c", code, str(root / "site")], cwd=root, check=False, timeout=60)
    assert len(list(root.glob(".site.tmp-*"))) == 1
    assert run(root, "-m", "generator", "build", "--today", "2026-11-28").returncode == 0
    assert not list(root.glob(".site.*"))


# -- D19: the machine's failures in one line

def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert "Traceback" not in "\n".join(err)
    return err[-1]


def test_a_folder_it_cannot_write(tmp_path, monkeypatch, capsys):
    root = copy_site(RIVERTON, tmp_path / "repo")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(root))

    monkeypatch.setattr("tempfile.mkdtemp", refuse)
    assert main(["build", "--root", str(root), "--today", "2026-11-28"]) == 1
    assert _one_line(capsys) == f"onestop: build failed, {root}/site left as it was: Permission denied: {root}"


def test_a_full_disk(tmp_path, monkeypatch, capsys):
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the old site")
    write_text = pathlib.Path.write_text

    def full(self, *args, **kwargs):
        if "/services/" in self.as_posix():
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return write_text(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_text", full)
    assert main(["build", "--root", str(root), "--today", "2026-11-28"]) == 1
    line = _one_line(capsys)
    assert line.startswith(f"onestop: build failed, {root}/site left as it was: ") and "No space left on device" in line
    assert (root / "site" / "index.html").read_text() == "the old site"
    assert not list(root.glob(".site.tmp-*"))


@pytest.mark.parametrize("command", ["report", "check", "build"])
def test_a_date_past_the_calendars_end(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--today", "9999-12-31"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].endswith(
        "argument --today: expected a date between 1900-01-01 and 9998-12-31; got '9999-12-31'")


@settings(max_examples=25, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9998, 12, 31)))
def test_any_date_it_accepts_reports_without_a_traceback(day):
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["report", "--root", str(RIVERTON), "--today", day.isoformat(), "--format", "json"]) == 0
    assert out.getvalue().startswith("{")


PARTS = st.sampled_from([".", "..", "agencies", "journeys", "content", ".git", "site", "public", "x", "services"])


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(PARTS, min_size=1, max_size=3))
def test_no_site_folder_it_accepts_ever_replaces_a_file_of_the_repository(tmp_path_factory, parts):
    """The class behind D16: whatever --site-dir says, a build that goes ahead (the guard says
    nothing) swaps in its folder without removing any file of the repository."""
    from conftest import MINIMAL, write_tree
    from generator.output import site_dir_problem

    base = tmp_path_factory.mktemp("guard")
    root = write_tree(base / "repo", {**MINIMAL, "content/index.md": "# Home\n", ".git/HEAD": "ref\n"})
    before = {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}
    site_dir = root.joinpath(*parts)
    if site_dir_problem(root, site_dir, ("content",)) is not None:
        return
    with staged_directory(site_dir) as staging:
        (staging / "index.html").write_text("site")
    after = {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}
    assert before <= after
