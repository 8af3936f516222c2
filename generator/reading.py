"""Every file the build reads or copies, through one guarded reader: an ordinary file (never a FIFO,
device or socket, which would hang or flood a read), inside the repository (no link leaves it or
points into `.git`), within its size limit. Each refusal is one located `Problem`, never an
exception, a traceback or a hang.

Content YAML, onestop.yml, .github/CODEOWNERS, mkdocs.yml (where onestop reads it) and the message
catalogue are read through `read_bytes`; the hand-written pages and files of `content/`, which the
site engine copies, are walked by `walk_files`, and each file `refusal` accepts may be published.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .problems import Problem, Severity

MAX_SETTINGS_BYTES = 1_000_000
"""onestop.yml, mkdocs.yml, CODEOWNERS, a catalogue: kilobytes; a megabyte is a mistake or an attack."""
MAX_ASSET_BYTES = 10_000_000
"""A file of content/ the site publishes as it is (an image, a style sheet, a script)."""

_LINK_HINT = "replace the link with the file itself"


class Refused(Exception):
    """A file the build will not read; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.format_text())
        self.problem = problem


def relative_name(root: Path, path: Path) -> str:
    """`path` as problems name it: from the repository root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _refuse(root: Path, path: Path, message: str, hint: str | None = None) -> Problem:
    return Problem(relative_name(root, path), 1, 1, Severity.ERROR, message, hint)


def link_problem(root: Path, path: Path) -> Problem | None:
    """Why the link at `path` may not be followed: it leaves the repository, or points into .git."""
    try:
        target = path.resolve()
        inside = target.relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # outside, or a loop of links
        if not path.is_symlink():
            return _refuse(root, path, "path leads outside the repository; refused")
        return _refuse(root, path, "symlink points outside the repository; refused", _LINK_HINT)
    if inside.parts[:1] == (".git",):
        return _refuse(root, path, "symlink points into the repository's .git folder; refused", _LINK_HINT)
    return None


def _too_big(root: Path, path: Path, size: int, limit: int, hint: str | None) -> Problem | None:
    if size <= limit:
        return None
    unit, scale = ("MB", 1_000_000) if limit >= 1_000_000 else ("KB", 1_000)
    return _refuse(root, path, f"file is {size / scale:.1f} {unit}; the limit is {limit // scale} {unit}", hint)


def refusal(root: Path, path: Path, limit: int, size_hint: str | None = None) -> Problem | None:
    """Why the build may not read `path` (None: it may): a link out of the repository, not an
    ordinary file, or over `limit` bytes."""
    try:
        info = os.lstat(path)
        if (stat.S_ISLNK(info.st_mode) or ".." in path.parts) and (problem := link_problem(root, path)):
            return problem
        if stat.S_ISLNK(info.st_mode):  # a link that stays inside: what it points at is read
            info = os.stat(path)
    except OSError as exc:
        return _refuse(root, path, f"cannot read file: {exc.strerror}")
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO, device or socket"
        return _refuse(root, path, f"not an ordinary file ({what}); refused", "replace it with an ordinary file")
    return _too_big(root, path, info.st_size, limit, size_hint)


def read_bytes(root: Path, path: Path, limit: int = MAX_SETTINGS_BYTES, size_hint: str | None = None) -> bytes:
    """The bytes of `path`, read by the rules above; raises `Refused`. The file is opened without
    blocking and checked again once open, so a FIFO swapped in meanwhile cannot hang the read."""
    problem = refusal(root, path, limit, size_hint)
    if problem:
        raise Refused(problem)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise Refused(_refuse(root, path, f"cannot read file: {exc.strerror}")) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise Refused(_refuse(root, path, "not an ordinary file; refused", "replace it with an ordinary file"))
        data = _read_at_most(handle, limit + 1, info.st_size)
    if (problem := _too_big(root, path, max(len(data), info.st_size), limit, size_hint)):
        raise Refused(problem)
    return data


def _read_at_most(handle: BinaryIO, most: int, size: int) -> bytes:
    """Up to `most` bytes of `handle`, the same as `handle.read(most)`. A read of `most` bytes at once
    would allocate `most` (a megabyte) for every file of a few kilobytes, a tenth of a check's
    reading time; the file's size (one more byte, to see it grow) is read first, then the rest."""
    data = handle.read(min(most, size + 1))
    if len(data) <= size or len(data) >= most:
        return data
    return data + handle.read(most - len(data))


def read_text(root: Path, path: Path, limit: int = MAX_SETTINGS_BYTES) -> str:
    """`read_bytes` as UTF-8 text; raises `Refused` for bytes that are not UTF-8 too."""
    raw = read_bytes(root, path, limit)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise Refused(Problem(relative_name(root, path), line, col, Severity.ERROR,
                              f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", "save the file as UTF-8"
                              )) from None


@dataclass(frozen=True)
class Walked:
    """The files under a folder that may be read, and why each of the others may not."""

    files: list[Path]
    problems: list[Problem]


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            yield from sorted(entries, key=lambda e: e.name)
    except OSError:
        return


def walk_files(root: Path, folder: Path, limit: int = MAX_ASSET_BYTES,
               skip_hidden: bool = True) -> Walked:
    """Every file under `folder`, as a site engine that copies the folder would find them: linked
    folders are refused (an engine would follow them, out of the repository or round in a loop),
    and each file goes through `refusal`. Hidden names are left out, as engines leave them out."""
    files: list[Path] = []
    problems: list[Problem] = []
    pending = [folder]
    while pending:  # iterative: no folder depth can exhaust the stack
        current = pending.pop()
        for entry in _entries(current):
            if skip_hidden and entry.name.startswith("."):
                continue
            path = current / entry.name
            if entry.is_symlink() and entry.is_dir():
                problems.append(link_problem(root, path) or _refuse(
                    root, path, "linked folder; refused (the site would publish whatever it points at)",
                    "move the files into the folder itself"))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif problem := refusal(root, path, limit):
                problems.append(problem)
            else:
                files.append(path)
    return Walked(sorted(files), sorted(problems))
