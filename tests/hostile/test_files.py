"""Every file the build reads goes through one guarded reader (generator/reading.py): links that
leave the repository, FIFOs and other files that are not ordinary, and YAML spelt any way but
'.yml' are refused by name and place, never read, echoed, followed or silently skipped."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import JOURNEY, SERVICE, TODAY
from generator.cli import main
from generator.pipeline import check
from generator.reading import MAX_SETTINGS_BYTES, Refused, read_bytes, walk_files

SVC = "agencies/acme/services/get-license.yml"
LINK_OUT = "symlink points outside the repository; refused (hint: replace the link with the file itself)"


def problems(root: Path, pages: Path | None = None) -> list[str]:
    return [p.format_text() for p in check(root, TODAY, pages_dir=pages).problems]


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("CI_TOKEN=hunter2\n")
    return secret


# -- D23: a FIFO is never opened

def _in_time(target, *args, seconds: float = 20):
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(target(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"{target.__name__} hung"
    return result[0]


def test_a_fifo_named_like_content_is_refused_not_opened(make_site):
    root = make_site()
    os.mkfifo(root / "journeys" / "x.yml")
    found = _in_time(problems, root)
    assert "journeys/x.yml:1:1: error: not an ordinary file (a FIFO, device or socket); refused " \
           "(hint: replace it with an ordinary file)" in found


@pytest.mark.parametrize("name", ["onestop.yml", ".github/CODEOWNERS"])
def test_a_fifo_in_place_of_a_settings_file_is_refused(make_site, capsys, name):
    root = make_site()
    (root / name).parent.mkdir(exist_ok=True)
    os.mkfifo(root / name)
    code = _in_time(main, ["check", "--root", str(root), "--today", "2026-11-28"])
    out = capsys.readouterr().out
    if name == "onestop.yml":
        assert code == 1 and f"{name}:1:1: error: not an ordinary file (a FIFO, device or socket); refused" in out
    else:  # no owners declared: onestop leaves CODEOWNERS alone, and never opens it
        assert code == 0


def test_the_reader_refuses_what_is_not_an_ordinary_file(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    for name, why in (("fifo", "a FIFO, device or socket"), ("folder", "a folder")):
        with pytest.raises(Refused) as refused:
            read_bytes(tmp_path, tmp_path / name)
        assert refused.value.problem.message == f"not an ordinary file ({why}); refused"


def test_the_reader_refuses_a_file_over_its_limit(tmp_path):
    (tmp_path / "big").write_bytes(b"x" * (MAX_SETTINGS_BYTES + 1))
    with pytest.raises(Refused) as refused:
        read_bytes(tmp_path, tmp_path / "big")
    assert refused.value.problem.format_text() == "big:1:1: error: file is 1.0 MB; the limit is 1 MB"


# -- D4 and D5: no link leaves the repository (or points into .git)

def test_a_content_file_linked_out_of_the_repository(make_site, tmp_path):
    root = make_site()
    (root / "agencies/acme/services/leak.yml").symlink_to(_secret(tmp_path))
    assert problems(root) == [f"agencies/acme/services/leak.yml:1:1: error: {LINK_OUT}"]


@pytest.mark.parametrize("name", ["about.md", "leak.txt", "assets/leak.css"])
def test_a_page_or_file_of_content_linked_out_of_the_repository(make_site, tmp_path, name):
    root = make_site({"content/index.md": "# Home\n"})
    (root / "content" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "content" / name).symlink_to(_secret(tmp_path))
    assert problems(root) == [f"content/{name}:1:1: error: {LINK_OUT}"]


def test_a_folder_of_content_linked_out_of_the_repository(make_site):
    root = make_site({"content/index.md": "# Home\n"})
    (root / "content" / "etcdir").symlink_to("/etc")
    assert problems(root) == [f"content/etcdir:1:1: error: {LINK_OUT}"]


def test_a_folder_of_content_linked_inside_the_repository_is_refused_too(make_site):
    """MkDocs follows linked folders: into .git, or round a loop of links."""
    root = make_site({"content/index.md": "# Home\n"})
    (root / ".git").mkdir()
    (root / "content" / "git").symlink_to(root / ".git")
    (root / "content" / "loop").symlink_to(root / "content")
    assert problems(root) == [
        "content/git:1:1: error: symlink points into the repository's .git folder; refused "
        "(hint: replace the link with the file itself)",
        "content/loop:1:1: error: linked folder; refused (the site would publish whatever it points at) "
        "(hint: move the files into the folder itself)"]


def test_a_file_of_content_linked_into_git_is_refused(make_site):
    root = make_site({"content/index.md": "# Home\n", ".git/config": "[http] extraheader = token\n"})
    (root / "content" / "config.txt").symlink_to(root / ".git" / "config")
    assert problems(root) == ["content/config.txt:1:1: error: symlink points into the repository's .git folder; "
                              "refused (hint: replace the link with the file itself)"]


def test_a_file_of_content_linked_inside_the_repository_is_fine(make_site):
    root = make_site({"content/index.md": "# Home\n", "notes/logo.svg": "<svg/>"})
    (root / "content" / "logo.svg").symlink_to(root / "notes" / "logo.svg")
    assert problems(root) == []


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_settings_linked_out_of_the_repository_are_refused_and_never_echoed(make_site, tmp_path, capsys, fmt):
    root = make_site()
    secret = _secret(tmp_path)
    (root / "onestop.yml").symlink_to(secret)
    (root / ".github").mkdir()
    (root / ".github" / "CODEOWNERS").symlink_to(secret)
    (root / "agencies/acme/agency.yml").write_text(
        (root / "agencies/acme/agency.yml").read_text() + "owners: ['@acme/editors']\n")
    assert main(["check", "--root", str(root), "--today", "2026-11-28", "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert "hunter2" not in out and "CI_TOKEN" not in out
    expected = ("onestop.yml:1:1: error: " + LINK_OUT if fmt == "text"
                else "::error file=onestop.yml,line=1,col=1::" + LINK_OUT)
    assert expected in out.splitlines()


def test_codeowners_linked_out_of_the_repository_is_refused_and_never_echoed(make_site, tmp_path, capsys):
    root = make_site({"onestop.yml": "site_team: ['@acme/site']\n"})
    (root / ".github").mkdir()
    (root / ".github" / "CODEOWNERS").symlink_to(_secret(tmp_path))
    assert main(["check", "--root", str(root), "--today", "2026-11-28"]) == 1
    out = capsys.readouterr().out
    assert "hunter2" not in out
    assert f".github/CODEOWNERS:1:1: error: {LINK_OUT}" in out.splitlines()


def test_the_message_catalogue_linked_out_of_the_repository_stops_the_build(make_site, tmp_path):
    from generator.build import SiteBuild
    from generator.options import SiteOptions
    from generator.problems import BuildFailure

    root = make_site()
    (root / "locales/en/LC_MESSAGES").mkdir(parents=True)
    (root / "locales/en/LC_MESSAGES/messages.po").symlink_to(_secret(tmp_path))
    with pytest.raises(BuildFailure) as failure:
        SiteBuild(SiteOptions(content_root=root, site_name="x"))
    assert str(failure.value) == f"locales/en/LC_MESSAGES/messages.po:1:1: error: {LINK_OUT}"


# -- D22: YAML spelt otherwise than .yml is refused, never ignored

@pytest.mark.parametrize(("name", "ending", "fixed"), [
    ("x.YML", ".YML", "x.yml"), ("x.Yml", ".Yml", "x.yml"), ("x.YAML", ".YAML", "x.yml"),
    ("x.yaml", ".yaml", "x.yml"), (".Yml", ".Yml", "an-id.yml"), ("x.yml.", ".yml.", "x.yml"),
])
def test_yaml_spelt_otherwise_is_refused(check_files, name, ending, fixed):
    path = f"journeys/{name}"
    assert check_files({path: JOURNEY}) == [
        f"{path}:1:1: error: content files must end in .yml, not {ending} (hint: rename it to {fixed})"]


@settings(max_examples=60, deadline=None)
@given(stem=st.from_regex(r"[a-z]{1,8}", fullmatch=True),
       ending=st.sampled_from(["yml", "yaml"]).flatmap(
           lambda e: st.tuples(*[st.sampled_from([c, c.upper()]) for c in e]).map("".join)),
       after=st.sampled_from(["", ".", " ", ". "]), where=st.sampled_from(["journeys", "agencies/acme/services"]))
def test_a_file_that_looks_like_yaml_is_never_silently_skipped(tmp_path_factory, stem, ending, after, where):
    """Whatever its case and whatever follows it: the file is content, or a problem names it."""
    from conftest import MINIMAL, write_tree

    name = f"{stem}.{ending}{after}"
    root = write_tree(tmp_path_factory.mktemp("names"), {**MINIMAL, f"{where}/{name}": SERVICE})
    result = check(root, TODAY)
    path = f"{where}/{name}"
    assert any(p.path == path for p in result.problems) or name == f"{stem}.yml"


# -- the walker: iterative, and what it refuses

def test_walking_a_deep_folder_does_not_recurse(tmp_path):
    deep = tmp_path / "content"
    folder = deep
    for _ in range(300):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "page.md").write_text("x")
    assert walk_files(tmp_path, deep).files == [folder / "page.md"]


# -- the reader's fast path: a read sized by the file's size is the plain bounded read

@settings(max_examples=300, deadline=None)
@given(content=st.binary(max_size=300), most=st.integers(1, 320), stale=st.integers(-300, 300))
def test_reading_by_size_equals_reading_at_most(tmp_path_factory, content, most, stale):
    """`_read_at_most` reads the size `fstat` gave first; the file may have grown or shrunk since
    (`stale`), and what it returns is still exactly `read(most)`."""
    from generator.reading import _read_at_most
    path = tmp_path_factory.mktemp("read") / "f"
    path.write_bytes(content)
    size = max(0, len(content) + stale)
    with path.open("rb") as plain, path.open("rb") as sized:
        assert _read_at_most(sized, most, size) == plain.read(most)


def test_the_reader_reads_a_file_that_grows_to_its_limit_as_the_plain_read_would(tmp_path):
    """A file that grew after it was measured is read on to the limit and refused there."""
    big = tmp_path / "grows.yml"
    big.write_bytes(b"a" * 10)
    real_fstat = os.fstat

    def stale_fstat(fd):
        info = real_fstat(fd)
        big.write_bytes(b"a" * (MAX_SETTINGS_BYTES + 50))
        return info

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fstat", stale_fstat)
        with pytest.raises(Refused, match="the limit is 1 MB"):
            read_bytes(tmp_path, big)
