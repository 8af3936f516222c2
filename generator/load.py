"""Stage 1, load: find the content files and parse them with line numbers.

Every file becomes a `SourceFile` (plain data plus where each key and value sits in the file),
or one or more `Problem`s. Nothing here raises on bad input: a file that cannot be read is
reported and left out, so that one run reports every problem in every file.

YAML is read with YAML 1.2 rules for plain scalars (``on``, ``no``, ``yes`` stay text; only
``true``/``false`` are booleans), because PyYAML's YAML 1.1 rules silently turn an editor's
``keywords: [on, no]`` into booleans. Anchors and aliases are refused outright: editors never
need them, and refusing them is the cheapest defence against "billion laughs" alias bombs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from .problems import Problem, Severity

try:  # libyaml is ~10x faster and keeps marks; fall back to the pure-Python parser.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_DEFAULT_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
                 yaml.MappingNode: "tag:yaml.org,2002:map"}


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Composes nodes without PyYAML's YAML 1.1 tag resolution: `_plain_scalar` resolves
    plain scalars by YAML 1.2 rules instead (and skipping 1.1's regexes halves load time)."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

MAX_FILE_BYTES = 1_000_000
"""A service file is a few kilobytes; anything near a megabyte is a mistake or an attack."""
MAX_DEPTH = 20
"""Content nests four or five levels deep (steps, services); deeper is a mistake or an attack."""

Kind = Literal["agency", "service", "journey"]
JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Positions:
    """Where each value (and each mapping key) of a YAML document starts, 1-based."""

    values: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    plain_text: dict[JsonPath, str] = field(default_factory=dict)
    """Source text of plain scalars that YAML 1.2 reads as something other than a string."""
    text: str = ""
    """The file's text, to place problems found inside a long text value."""

    def locate(self, path: JsonPath, snippet: str) -> tuple[int, int]:
        """Position of `snippet` inside the text value at `path` (the value's start if not found)."""
        line, col = self.of_value(path)
        lines = self.text.splitlines()
        for number in range(line, len(lines) + 1):
            found = lines[number - 1].find(snippet, col - 1 if number == line else 0)
            if found >= 0:
                return number, found + 1
        return line, col

    def of_value(self, path: JsonPath) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: JsonPath) -> tuple[int, int]:
        """Position of the key whose value is at `path` (falls back to the value)."""
        return self.keys.get(path) or self.of_value(path)


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


class _YamlProblem(Exception):
    def __init__(self, message: str, line: int = 1, col: int = 1, hint: str | None = None):
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


# YAML 1.2 core schema, for plain (unquoted) scalars.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_ALLOWED_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_LEADING_TAB = re.compile(r"^ *\t", re.MULTILINE)


_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")


def _plain_scalar(text: str) -> Any:
    if text and text[0] not in _MAYBE_NOT_TEXT:  # most values are words: skip the patterns
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if text.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text.lower()]
    return text


class _Converter:
    """Turns a composed YAML node tree into Python data, recording positions."""

    def __init__(self, text: str) -> None:
        self.positions = Positions(text=text)
        self._seen: set[int] = set()

    def convert(self, node: yaml.Node, path: JsonPath) -> Any:
        mark = node.start_mark
        if len(path) > MAX_DEPTH:
            raise _YamlProblem(f"values are nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1,
                               "check the indentation and the brackets")
        # An alias makes the composer hand back a node it has already handed out.
        if id(node) in self._seen:
            raise _YamlProblem("anchors and aliases (&name, *name) are not allowed", mark.line + 1, mark.column + 1,
                               "write the value out in full where it is used")
        self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            raise _YamlProblem(f"YAML tag '{node.tag}' is not allowed", mark.line + 1, mark.column + 1,
                               "remove the tag (the word starting with '!')")
        self.positions.values[path] = (mark.line + 1, mark.column + 1)
        if type(node) is yaml.ScalarNode:
            if node.style:  # quoted or block scalar: always text
                return node.value
            value = _plain_scalar(node.value)
            if type(value) is not str:
                self.positions.plain_text[path] = node.value
            return value
        if type(node) is yaml.SequenceNode:
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        keys = self.positions.keys
        for key_node, value_node in node.value:
            key_mark = key_node.start_mark
            line, col = key_mark.line + 1, key_mark.column + 1
            if type(key_node) is not yaml.ScalarNode:
                raise _YamlProblem("a key must be plain text, not a list or mapping", line, col)
            key = key_node.value
            key_path = (*path, key)
            if key in result:
                raise _YamlProblem(f"duplicate key '{key}' (first at line {keys[key_path][0]})", line, col,
                                   "remove one of them: YAML would silently keep only the last")
            keys[key_path] = (line, col)
            result[key] = self.convert(value_node, key_path)
        return result


def parse_yaml(raw: bytes) -> tuple[dict[str, Any], Positions]:
    """Parse one content file's bytes. Raises `_YamlProblem` with a location on any problem."""
    if len(raw) > MAX_FILE_BYTES:
        raise _YamlProblem(f"file is {len(raw) / 1_000_000:.1f} MB; the limit is {MAX_FILE_BYTES // 1_000_000} MB",
                           hint="a content file holds one agency, service or journey")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise _YamlProblem("file starts with a byte order mark (BOM)",
                           hint="save the file as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _YamlProblem(f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line, col,
                           "save the file as UTF-8") from None
    if "\x00" in text:
        raise _YamlProblem("file contains a NUL character", hint="save the file as UTF-8 text")
    tab = _LEADING_TAB.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        col = tab.end() - tab.start()
        raise _YamlProblem("tab character used for indentation", line, col, "indent with spaces")
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a pasted control code
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise _YamlProblem(f"file contains the character U+{code:04X}, which YAML does not allow", line, col,
                           "delete it: it is invisible, and often comes with text pasted from another program"
                           ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "malformed YAML"
        raise _YamlProblem(f"malformed YAML: {what}", line, col,
                           "check the indentation and that text with ': ' or '#' in it is quoted") from None
    except yaml.YAMLError as exc:
        raise _YamlProblem(f"malformed YAML: {exc}") from None
    except RecursionError:  # the pure-Python parser recurses per level; libyaml stops at 1000
        raise _YamlProblem("malformed YAML: nested too deeply", hint="check the indentation and the brackets") from None
    documents = [d for d in documents if d is not None]
    if not documents:
        raise _YamlProblem("file is empty", hint="a content file is a mapping of keys to values")
    if len(documents) > 1:
        mark = documents[1].start_mark
        raise _YamlProblem("file holds more than one YAML document ('---')", mark.line + 1, mark.column + 1,
                           "keep one agency, service or journey per file")
    node = documents[0]
    if not isinstance(node, yaml.MappingNode):
        got = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raise _YamlProblem(f"expected a mapping of keys to values at the top of the file; got {got}",
                           node.start_mark.line + 1, node.start_mark.column + 1,
                           "start the file with 'title: ...' or 'name: ...' lines")
    converter = _Converter(text)
    data = converter.convert(node, ())
    return data, converter.positions


@dataclass(frozen=True)
class _Candidate:
    path: Path
    kind: Kind
    id: str
    agency_id: str | None


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _is_yaml(name: str) -> bool:
    return name.endswith((".yml", ".yaml"))


def _hidden_parts(parts: tuple[str, ...]) -> bool:
    """Inside a hidden folder, or a hidden file that is not YAML. A hidden YAML file ('.draft.yml')
    is not skipped: it is reported (its name is not a valid id) rather than silently left out."""
    return any(part.startswith(".") for part in parts[:-1]) or (
        parts[-1].startswith(".") and not _is_yaml(parts[-1]))


def _tree(folder: Path) -> list[tuple[tuple[str, ...], Path, bool, bool]]:
    """Everything under `folder`, in the order of sorted(folder.rglob("*")) and, like it, not
    descending into linked folders: (parts relative to `folder`, path, is a folder, is a link).
    One scandir per folder: rglob, sorting Paths and a stat per entry took a tenth of a check."""
    found: list[tuple[tuple[str, ...], Path, bool, bool]] = []

    def visit(directory: Path, rel: tuple[str, ...]) -> None:
        try:
            with os.scandir(directory) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError:
            return
        for entry in listed:
            parts = (*rel, entry.name)
            is_link = entry.is_symlink()
            try:
                is_dir = entry.is_dir()  # follows a link, as Path.is_dir does
            except OSError:
                is_dir = False
            path = directory / entry.name
            found.append((parts, path, is_dir, is_link))
            if is_dir and not is_link:
                visit(path, parts)

    visit(folder, ())
    return found


def _discover(root: Path, problems: list[Problem]) -> list[_Candidate]:
    """Walk agencies/ and journeys/ and classify every YAML file by its place in the layout."""
    found: list[_Candidate] = []
    real_root = root.resolve()

    def refuse(path: Path, message: str, hint: str | None = None) -> None:
        problems.append(Problem(_rel(root, path), 1, 1, Severity.ERROR, message, hint))

    def outside(path: Path) -> bool:
        if not path.is_symlink():
            return False
        try:
            path.resolve().relative_to(real_root)
        except ValueError:
            refuse(path, "symlink points outside the repository; refused",
                   "replace the link with the file itself")
            return True
        return False

    layout_hint = ("content files go in agencies/<agency>/agency.yml, "
                   "agencies/<agency>/services/<service>.yml or journeys/<journey>.yml")
    agencies_dir = root / "agencies"
    if agencies_dir.is_dir():
        for agency_dir in sorted(agencies_dir.iterdir()):
            if agency_dir.name.startswith(".") or outside(agency_dir):
                continue
            if not agency_dir.is_dir():
                if _is_yaml(agency_dir.name):
                    refuse(agency_dir, "YAML file outside the expected layout", layout_hint)
                continue
            agency_file = agency_dir / "agency.yml"
            if not agency_file.is_file() and not agency_file.is_symlink():
                problems.append(Problem(_rel(root, agency_dir) + "/", 1, 1, Severity.ERROR,
                                        "agency folder has no agency.yml",
                                        "add agency.yml with the agency's name, contact and website"))
            for rel, entry, is_dir, is_link in _tree(agency_dir):
                if _hidden_parts(rel) or (is_link and outside(entry)):
                    continue
                if is_dir:
                    continue
                if rel == ("agency.yml",):
                    found.append(_Candidate(entry, "agency", agency_dir.name, None))
                elif not _is_yaml(entry.name):
                    continue  # notes, images and the like are not content
                elif len(rel) == 2 and rel[0] == "services" and entry.suffix == ".yml":
                    found.append(_Candidate(entry, "service", entry.stem, agency_dir.name))
                elif entry.suffix == ".yaml":
                    refuse(entry, "content files must end in .yml, not .yaml",
                           f"rename it to {entry.stem}.yml")
                else:
                    refuse(entry, "YAML file outside the expected layout", layout_hint)
    journeys_dir = root / "journeys"
    if journeys_dir.is_dir():
        for rel, entry, is_dir, is_link in _tree(journeys_dir):
            if _hidden_parts(rel) or (is_link and outside(entry)):
                continue
            if is_dir or not _is_yaml(entry.name):
                continue
            if entry.parent != journeys_dir:
                refuse(entry, "YAML file outside the expected layout", layout_hint)
            elif entry.suffix == ".yaml":
                refuse(entry, "content files must end in .yml, not .yaml", f"rename it to {entry.stem}.yml")
            else:
                found.append(_Candidate(entry, "journey", entry.stem, None))
    return found


def load_file(root: Path, path: Path, kind: Kind, file_id: str, agency_id: str | None
              ) -> tuple[SourceFile | None, Problem | None]:
    rel = _rel(root, path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(rel, 1, 1, Severity.ERROR, f"cannot read file: {exc.strerror}")
    try:
        data, positions = parse_yaml(raw)
    except _YamlProblem as exc:
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


def discover(root: Path) -> Discovery:
    problems: list[Problem] = []
    candidates = _discover(root, problems)
    if not (root / "agencies").is_dir():
        problems.append(Problem("agencies/", 1, 1, Severity.ERROR, "no agencies/ folder",
                                "run onestop in the site repository's root, next to mkdocs.yml"))
    return Discovery(candidates, problems)


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
        data, positions = parse_yaml(path.read_bytes())
    except OSError as exc:
        return None, None, Problem(rel, 1, 1, Severity.ERROR, f"cannot read file: {exc.strerror}")
    except _YamlProblem as exc:
        return None, None, Problem(rel, exc.line, exc.col, Severity.ERROR, exc.message, exc.hint)
    return data, positions, None
