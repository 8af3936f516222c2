"""The code's tests never read the live content (agencies/, journeys/ and questions/ at the
repository's root): that content changes with every content pull request, and its gate is
`onestop check` at the real date in the pull-request workflow. The tests build the frozen copy in
tests/fixtures/sites/example/ instead (scripts/freeze-example makes it).

An audit hook (PEP 578) sees every file this test process opens or lists, and every command it
starts: reading the live content, or running onestop or MkDocs on it, fails the read and is
reported again at the end of the session, so that no `except OSError` can hide it. That is what
makes `make test` pass or fail the same whatever a content pull request changes (see
tests/test_workflow.py)."""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIVE_FOLDERS = ("agencies", "journeys", "questions")
_LIVE = tuple(str(REPO / folder) for folder in LIVE_FOLDERS)
_WATCHED = frozenset({"open", "os.scandir", "os.listdir", "subprocess.Popen"})
_CONTENT_COMMANDS = frozenset({"check", "build", "report", "diff", "codeowners", "new", "serve"})

reads: list[str] = []
"""Every read of the live content so far (what the session reports at its end)."""
_allowed: list[list[str]] = []


class LiveContentRead(AssertionError):
    """A test read the live content."""


def _is_live(path: object, cwd: str | None = None, relative: bool = True) -> bool:
    """Whether `path` is in the live content; a relative path counts from `cwd` (only when
    `relative`: os.open's "open" event does not say which folder a dir_fd path is relative to)."""
    if isinstance(path, int):
        return False
    try:
        text = os.fsdecode(os.fspath(path))  # type: ignore[arg-type]
    except TypeError:
        return False
    if not relative and not os.path.isabs(text):
        return False
    full = os.path.normpath(os.path.join(cwd or os.getcwd(), text))
    return any(full == live or full.startswith(live + os.sep) for live in _LIVE)


def _reads_content(args: object, cwd: object) -> bool:
    """Whether a command runs onestop or MkDocs on the repository's own content."""
    words = [os.fsdecode(a) for a in args] if isinstance(args, (list, tuple)) else [os.fsdecode(args)]  # type: ignore[arg-type]
    modules = {after for before, after in itertools.pairwise(words) if before == "-m"}
    runs_onestop = bool(modules & {"generator", "mkdocs"}) or os.path.basename(words[0]) in ("onestop", "mkdocs")
    if not runs_onestop or "--help" in words or not _CONTENT_COMMANDS & set(words):
        return False
    root = words[words.index("--root") + 1] if "--root" in words[:-1] else "."
    folder = os.path.normpath(os.path.join(os.fsdecode(cwd) if cwd else os.getcwd(), root))
    return folder == str(REPO) or any(_is_live(w, folder) for w in words if not w.startswith("-"))


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event not in _WATCHED:
        return
    if event == "subprocess.Popen":
        live = _reads_content(args[1], args[2])
        what = f"runs {args[1]!r} on the live content"
    else:
        live = bool(args) and args[0] is not None and _is_live(args[0], relative=event != "open")
        what = f"reads {args[0]!r}" if live else ""
    if not live:
        return
    if _allowed:
        _allowed[-1].append(what)
    else:
        reads.append(what)
    raise LiveContentRead(f"a test {what}: the tests build tests/fixtures/sites/example/ (conftest.EXAMPLE), "
                          "never the live content, whose gate is onestop check in the workflow")


def install() -> None:
    sys.addaudithook(_hook)


@contextlib.contextmanager
def expected_reads() -> Iterator[list[str]]:
    """Reads in the block still fail, but are not reported at the session's end (the guard's own
    test); yields what the block read."""
    caught: list[str] = []
    _allowed.append(caught)
    try:
        yield caught
    finally:
        _allowed.pop()
