"""Bad input never hurts: each gives one located, one-line error naming the file, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import REPO, SERVICE, TODAY
from generator.load import parse_yaml
from generator.pipeline import check

SVC = "agencies/acme/services/get-license.yml"


@pytest.mark.parametrize(("content", "expected"), [
    ("title: [unclosed\n", f"{SVC}:1:8: error: malformed YAML: the '[' is not closed with ']' (hint: close it "
     "with ']' on the same line, or put text that starts with '[' in quotes: title: \"[unclosed\")"),
    (b"title: caf\xe9\n", f"{SVC}:1:11: error: file is not valid UTF-8 (byte 0xe9) (hint: save the file as UTF-8)"),
    (b"\xef\xbb\xbf" + SERVICE.encode(), f"{SVC}:1:1: error: file starts with a byte order mark (BOM) "
     "(hint: save the file as UTF-8 without BOM)"),
    ("- title: a list\n", f"{SVC}:1:1: error: expected a mapping of keys to values at the top of the file; got a list "
     "(hint: start the file with 'title: ...' or 'name: ...' lines)"),
    ("just some text\n", f"{SVC}:1:1: error: expected a mapping of keys to values at the top of the file; "
     "got a single value (hint: start the file with 'title: ...' or 'name: ...' lines)"),
    ("", f"{SVC}:1:1: error: file is empty (hint: a content file is a mapping of keys to values)"),
    ("# only a comment\n", f"{SVC}:1:1: error: file is empty (hint: a content file is a mapping of keys to values)"),
    ("title: a\nchannels:\n\t- type: online\n", f"{SVC}:3:1: error: tab character used for indentation "
     "(hint: indent with spaces)"),
    ("title: a\ntitle: b\n", f"{SVC}:2:1: error: duplicate key 'title' (first at line 1) "
     "(hint: remove one of them: YAML would silently keep only the last)"),
    ("title: !!python/object/apply:os.system [ls]\n", f"{SVC}:1:8: error: YAML tag "
     "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (hint: remove the tag (the word starting with "
     "'!'), or put text that starts with '!' in quotes)"),
    ("title: a\n---\ntitle: b\n", f"{SVC}:3:1: error: file holds more than one YAML document ('---') "
     "(hint: keep one agency, service or journey per file)"),
    ("a: &x [1]\nb: *x\n", f"{SVC}:1:4: error: anchors and aliases (&name, *name) are not allowed "
     "(hint: write the value out in full where it is used)"),
])
def test_bad_file_gives_one_located_error(check_files, content, expected):
    assert check_files({SVC: content}) == [expected]


def test_alias_bomb_fails_fast(check_files):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb = "\n".join(lines) + "\n"  # 9**10 items if expanded
    started = time.perf_counter()
    problems = check_files({SVC: bomb})
    assert problems == [f"{SVC}:1:5: error: anchors and aliases (&name, *name) are not allowed "
                        "(hint: write the value out in full where it is used)"]
    assert time.perf_counter() - started < 5  # generous: expanding it would take hours


def test_file_over_the_size_limit(check_files):
    big = "title: x\ndescription: |\n" + ("  " + "word " * 19 + "\n") * 110_000
    assert check_files({SVC: big}) == [
        f"{SVC}:1:1: error: file is 10.8 MB; the limit is 1 MB (hint: a content file holds one agency, service or journey)"]


def test_symlink_outside_the_repository_is_refused(make_site, tmp_path):
    outside = tmp_path / "secret.yml"
    outside.write_text(SERVICE)
    root = make_site()
    link = root / "agencies/acme/services/linked.yml"
    os.symlink(outside, link)
    problems = [p.format_text() for p in check(root, TODAY).problems]
    assert problems == ["agencies/acme/services/linked.yml:1:1: error: symlink points outside the repository; "
                        "refused (hint: replace the link with the file itself)"]


def test_symlinked_folder_outside_the_repository_is_refused(make_site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "services").mkdir(parents=True)
    root = make_site()
    os.symlink(elsewhere, root / "agencies/other")
    assert [p.format_text() for p in check(root, TODAY).problems] == [
        "agencies/other:1:1: error: symlink points outside the repository; refused "
        "(hint: replace the link with the file itself)"]


def test_symlink_inside_the_repository_is_followed(make_site):
    root = make_site()
    os.symlink(root / "agencies/acme/services/get-license.yml", root / "agencies/acme/services/copy.yml")
    problems = [p.format_text() for p in check(root, TODAY).problems]
    assert problems[0] == ("agencies/acme/services/copy.yml:1:1: warning: service 'acme/copy' is not part of any "
                           "journey (hint: add it to a step in journeys/, so citizens find it on their way)")
    assert [p.split(": warning: ")[1].split(" (hint")[0] for p in problems[1:]] == [  # a copy, as the rule says
        "title: another service has the same title: agencies/acme/services/get-license.yml",
        "title: another service has the same title: agencies/acme/services/copy.yml"]


@pytest.mark.parametrize(("name", "expected"), [
    ("journeys/extra.yaml", "journeys/extra.yaml:1:1: error: content files must end in .yml, not .yaml "
     "(hint: rename it to extra.yml)"),
    ("agencies/acme/services/sub/y.yml", "agencies/acme/services/sub/y.yml:1:1: error: YAML file outside the "
     "expected layout (hint: content files go in agencies/<agency>/agency.yml, "
     "agencies/<agency>/services/<service>.yml, journeys/<journey>.yml or questions/<question>.yml)"),
    ("agencies/acme/notes.yml", "agencies/acme/notes.yml:1:1: error: YAML file outside the expected layout "
     "(hint: content files go in agencies/<agency>/agency.yml, agencies/<agency>/services/<service>.yml, "
     "journeys/<journey>.yml or questions/<question>.yml)"),
    ("questions/more/q.yml", "questions/more/q.yml:1:1: error: YAML file outside the expected layout "
     "(hint: content files go in agencies/<agency>/agency.yml, agencies/<agency>/services/<service>.yml, "
     "journeys/<journey>.yml or questions/<question>.yml)"),
    ("journeys/more/j.yml", "journeys/more/j.yml:1:1: error: YAML file outside the expected layout "
     "(hint: content files go in agencies/<agency>/agency.yml, agencies/<agency>/services/<service>.yml, "
     "journeys/<journey>.yml or questions/<question>.yml)"),
])
def test_file_outside_the_layout(check_files, name, expected):
    assert check_files({name: SERVICE}) == [expected]


def test_agency_folder_without_agency_yml(check_files):
    problems = check_files({"agencies/acme/agency.yml": None})
    assert problems[0] == ("agencies/acme/:1:1: error: agency folder has no agency.yml "
                           "(hint: add agency.yml with the agency's name, contact and website)")


def test_yaml_1_2_rules_keep_yes_no_on_off_as_text():
    data, _ = parse_yaml(b"keywords: [on, off, yes, no, y, n, 'true']\nflag: true\nv: 1.10\nd: 2026-01-01\n")
    assert data == {"keywords": ["on", "off", "yes", "no", "y", "n", "true"], "flag": True, "v": 1.1,
                    "d": "2026-01-01"}


@pytest.mark.parametrize("content", [
    b"title: [unclosed\n", b"\xff\xfe\x00\x00", b"- 1\n", b"", b"a: &x [1]\nb: *x\n", b"title: a\ntitle: b\n",
])
def test_cli_never_prints_a_traceback(make_site, content):
    root = make_site({SVC: content})
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root), "--today", "2026-11-28"],
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{SVC}:") and ": error: " in lines[0]


def test_the_folder_walk_lists_what_sorted_rglob_lists(tmp_path):
    """load._tree replaces sorted(folder.rglob("*")) for speed: same entries, same order, and
    like rglob it does not descend into a linked folder."""
    from generator.load import _tree

    for name in ["b/services/x.yml", "a/services/y.yml", "a-b/agency.yml", "a/.hidden/z.yml", "a/notes.md",
                 "a/services/sub/deep.yml", "Z/agency.yml", "é/agency.yml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    os.symlink(tmp_path / "a", tmp_path / "linked")
    os.symlink(tmp_path / "a/notes.md", tmp_path / "b/notes-link.md")
    expected = [(p.relative_to(tmp_path).parts, p, p.is_dir(), p.is_symlink()) for p in sorted(tmp_path.rglob("*"))]
    assert _tree(tmp_path) == expected
    assert ("linked",) in [parts for parts, *_ in expected] and not any(
        parts[0] == "linked" and len(parts) > 1 for parts, *_ in expected)
