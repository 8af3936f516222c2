"""Stage 1, load: find the content files in the layout and parse each (yamlfile.py).

Every file becomes a `SourceFile` (plain data plus where each key and value sits in the file),
or one or more `Problem`s. Nothing here raises on bad input: a file that cannot be read is
reported and left out, so that one run reports every problem in every file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .problems import Problem, Severity
from .reading import Refused, link_problem, read_bytes
from .yamlfile import MAX_FILE_BYTES, JsonPath, Positions, YamlProblem, parse_yaml

__all__ = ["JsonPath", "Positions", "parse_yaml"]

Kind = Literal["agency", "service", "journey", "question"]


@dataclass(frozen=True)
class SourceFile:
    """One parsed content file."""

    path: str
    """Path relative to the site root, with forward slashes."""
    kind: Kind
    id: str
    """The id given by the file (or folder) name."""
    agency_id: str | None
    """For services: the agency folder it sits in."""
    data: dict[str, Any]
    positions: Positions


@dataclass(frozen=True)
class FileId:
    kind: Kind
    id: str
    agency_id: str | None

    @property
    def ref(self) -> str:
        """How other files refer to it: 'agency/service' or the journey or agency id."""
        return f"{self.agency_id}/{self.id}" if self.agency_id else self.id


@dataclass(frozen=True)
class LoadResult:
    files: list[SourceFile]
    problems: list[Problem]
    discovered: list[FileId]
    """Every content file found, including those that could not be parsed."""


@dataclass(frozen=True)
class _Candidate:
    path: Path
    kind: Kind
    id: str
    agency_id: str | None


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _yaml_ending(name: str) -> str | None:
    """How a name that looks like YAML ends ('.yml', '.YAML', '.yml.' ...), in any case and with any
    dots or spaces after it (which some systems drop); None for a name that does not."""
    base = name.rstrip(" .")
    for ending in (".yaml", ".yml"):
        if base.lower().endswith(ending):
            return name[len(base) - len(ending):]
    return None


def _is_yaml(name: str) -> bool:
    return _yaml_ending(name) is not None


def _hidden_parts(parts: tuple[str, ...]) -> bool:
    """Inside a hidden folder, or a hidden file that is not YAML. A hidden YAML file ('.draft.yml')
    is not skipped: it is reported (its name is not a valid id) rather than silently left out."""
    return any(part.startswith(".") for part in parts[:-1]) or (
        parts[-1].startswith(".") and not _is_yaml(parts[-1]))


def _listed(directory: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError:
        return []


def _tree(folder: Path) -> list[tuple[tuple[str, ...], Path, bool, bool]]:
    """Everything under `folder`, in the order of sorted(folder.rglob("*")) and, like it, not
    descending into linked folders: (parts relative to `folder`, path, is a folder, is a link).
    One scandir per folder: rglob, sorting Paths and a stat per entry took a tenth of a check.
    Iterative (a stack of folders being listed), so no depth of folders exhausts the stack."""
    found: list[tuple[tuple[str, ...], Path, bool, bool]] = []
    stack: list[tuple[Path, tuple[str, ...], Iterator[os.DirEntry[str]]]] = [(folder, (), iter(_listed(folder)))]
    while stack:
        directory, rel, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        parts = (*rel, entry.name)
        is_link = entry.is_symlink()
        try:
            is_dir = entry.is_dir()  # follows a link, as Path.is_dir does
        except OSError:
            is_dir = False
        path = directory / entry.name
        found.append((parts, path, is_dir, is_link))
        if is_dir and not is_link:
            stack.append((path, parts, iter(_listed(path))))
    return found


CONTENT_FOLDERS = ("agencies", "journeys", "questions")
"""The top folders of the layout."""
_LAYOUT_HINT = ("content files go in agencies/<agency>/agency.yml, "
                "agencies/<agency>/services/<service>.yml, journeys/<journey>.yml or questions/<question>.yml")


def classify(parts: tuple[str, ...]) -> tuple[Kind, str, str | None] | None:
    """A content file's kind, id and agency from its place in the layout; None: not in the layout."""
    match parts:
        case ("agencies", agency, "agency.yml"):
            return "agency", agency, None
        case ("agencies", agency, "services", name) if name.endswith(".yml"):
            return "service", name[: -len(".yml")], agency
        case ("journeys", name) if name.endswith(".yml"):
            return "journey", name[: -len(".yml")], None
        case ("questions", name) if name.endswith(".yml"):
            return "question", name[: -len(".yml")], None
    return None


@dataclass(frozen=True)
class TranslationCandidate:
    """A translation file found beside its source: `register-llc.es.yml` beside `register-llc.yml`."""

    path: Path
    source: str
    """The path of the file it translates, relative to the site root."""
    kind: Kind
    lang: str


_TRANSLATION_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[a-z]{2,3})\.yml$")


def translation_place(parts: tuple[str, ...]) -> tuple[tuple[str, ...], Kind, str] | None:
    """A translation's source (its parts), kind and language, from its place; None: not one."""
    match = _TRANSLATION_NAME.match(parts[-1]) if parts else None
    if match is None:
        return None
    source = (*parts[:-1], f"{match['stem']}.yml")
    place = classify(source)
    return (source, place[0], match["lang"]) if place else None


def _discover(root: Path, problems: list[Problem], translations: list[TranslationCandidate] | None = None
              ) -> list[_Candidate]:
    """Walk the content folders and classify every YAML file by its place in the layout (and each
    translation beside its source into `translations`)."""
    found: list[_Candidate] = []
    outside = _Outside(root, problems)
    for top in CONTENT_FOLDERS:
        if not (root / top).is_dir():
            continue
        for rel, entry, is_dir, _ in _content_tree(root / top, top, outside):
            parts = (top, *rel)
            if is_dir:
                if len(parts) == 2 and top == "agencies":
                    _check_agency_folder(root, entry, problems)
                continue
            if not _is_yaml(entry.name):
                continue  # notes, images and the like are not content
            # A translation first: "x.es.yml" would classify as a journey or service named "x.es".
            translation = translation_place(parts)
            place = classify(parts) if translation is None else None
            if translation is not None:
                if translations is not None:
                    translations.append(TranslationCandidate(entry, "/".join(translation[0]), *translation[1:]))
            elif place is not None:
                found.append(_Candidate(entry, *place))
            elif (ending := _yaml_ending(entry.name)) != ".yml":
                stem = entry.name[: len(entry.name) - len(str(ending))]
                outside.refuse(entry, f"content files must end in .yml, not {ending}",
                               f"rename it to {stem or 'an-id'}.yml")
            else:
                outside.refuse(entry, "YAML file outside the expected layout", _LAYOUT_HINT)
    return found


def _check_agency_folder(root: Path, folder: Path, problems: list[Problem]) -> None:
    agency_file = folder / "agency.yml"
    if not agency_file.is_file() and not agency_file.is_symlink():
        problems.append(Problem(_rel(root, folder) + "/", 1, 1, Severity.ERROR, "agency folder has no agency.yml",
                                "add agency.yml with the agency's name, contact and website"))


@dataclass
class _Outside:
    """Refuses what may not be content: a link that leaves the repository, a file out of place."""

    root: Path
    problems: list[Problem]

    def refuse(self, path: Path, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(_rel(self.root, path), 1, 1, Severity.ERROR, message, hint))

    def __call__(self, path: Path) -> bool:
        """Whether `path` is a link out of the repository or into .git (refused, once)."""
        problem = link_problem(self.root, path)
        if problem:
            self.problems.append(problem)
        return problem is not None


_Entry = tuple[tuple[str, ...], Path, bool, bool]


def _content_tree(folder: Path, top: str, outside: Callable[[Path], bool]) -> list[_Entry]:
    """Everything under a content folder that may be content: hidden files and folders left out,
    links out of the repository refused; an agency folder linked from inside the repository is
    followed, as the folder it stands for."""
    entries: list[_Entry] = []
    for rel, entry, is_dir, is_link in _tree(folder):
        if _hidden_parts(rel) or (is_link and outside(entry)):
            continue
        entries.append((rel, entry, is_dir, is_link))
        if top == "agencies" and len(rel) == 1 and is_dir and is_link:
            entries += [((rel[0], *sub), path, sub_dir, sub_link) for sub, path, sub_dir, sub_link in _tree(entry)
                        if not _hidden_parts((rel[0], *sub)) and not (sub_link and outside(path))]
    return entries


_SIZE_HINT = "a content file holds one agency, service or journey"


def load_file(root: Path, path: Path, kind: Kind, file_id: str, agency_id: str | None
              ) -> tuple[SourceFile | None, Problem | None]:
    rel = _rel(root, path)
    try:
        raw = read_bytes(root, path, MAX_FILE_BYTES, _SIZE_HINT)
    except Refused as exc:
        return None, exc.problem
    try:
        data, positions = parse_yaml(raw)
    except YamlProblem as exc:
        return None, Problem(rel, exc.line, exc.col, Severity.ERROR, exc.message, exc.hint)
    return SourceFile(rel, kind, file_id, agency_id, data, positions), None


class LoadCache:
    """Parsed files kept between live-preview builds, reused while a file's size, modification
    time and inode are unchanged (saving a file changes its modification time)."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int, int], SourceFile | None, Problem | None]] = {}

    def load(self, root: Path, candidate: _Candidate) -> tuple[SourceFile | None, Problem | None]:
        try:
            stat = candidate.path.stat()
        except OSError:
            return load_file(root, candidate.path, candidate.kind, candidate.id, candidate.agency_id)
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        entry = self._entries.get(candidate.path)
        if entry is None or entry[0] != signature:
            entry = (signature, *load_file(root, candidate.path, candidate.kind, candidate.id, candidate.agency_id))
            self._entries[candidate.path] = entry
        return entry[1], entry[2]


@dataclass(frozen=True)
class Discovery:
    """The content files found in the layout, before any is read."""

    candidates: list[_Candidate]
    problems: list[Problem]
    translations: list[TranslationCandidate] = field(default_factory=list)
    """The translation files found beside their sources (translations/files.py reads them)."""


def discover(root: Path) -> Discovery:
    problems: list[Problem] = []
    translations: list[TranslationCandidate] = []
    candidates = _discover(root, problems, translations)
    if not (root / "agencies").is_dir():
        problems.append(Problem("agencies/", 1, 1, Severity.ERROR, "no agencies/ folder",
                                "run onestop in the site repository's root, next to mkdocs.yml"))
    return Discovery(candidates, problems, translations)


def load_candidates(root: Path, candidates: list[_Candidate], cache: LoadCache | None = None
                    ) -> list[tuple[SourceFile | None, Problem | None]]:
    """Each candidate parsed: a file, or the problem that stopped it."""
    if cache is not None:
        return [cache.load(root, candidate) for candidate in candidates]
    return [load_file(root, c.path, c.kind, c.id, c.agency_id) for c in candidates]


def load_result(found: Discovery, loaded: list[tuple[SourceFile | None, Problem | None]]) -> LoadResult:
    """The files and problems of `found`, given what loading each candidate gave."""
    problems = list(found.problems)
    files: list[SourceFile] = []
    for source, problem in loaded:
        if problem:
            problems.append(problem)
        if source:
            files.append(source)
    return LoadResult(files, problems, [FileId(c.kind, c.id, c.agency_id) for c in found.candidates])


def load_tree(root: Path, cache: LoadCache | None = None, found: Discovery | None = None) -> LoadResult:
    """Load every content file under `root` (the site repository), or those `found` already."""
    found = found or discover(root)
    return load_result(found, load_candidates(root, found.candidates, cache))


def read_yaml_file(root: Path, path: Path) -> tuple[dict[str, Any] | None, Positions | None, Problem | None]:
    """Parse one YAML file that is not content (e.g. onestop.yml) by the same safe rules."""
    rel = _rel(root, path)
    try:
        data, positions = parse_yaml(read_bytes(root, path))
    except Refused as exc:
        return None, None, exc.problem
    except YamlProblem as exc:
        return None, None, Problem(rel, exc.line, exc.col, Severity.ERROR, exc.message, exc.hint)
    return data, positions, None
