"""Reading one YAML file safely, with where each key and value sits in it (`Positions`).

YAML is read with YAML 1.2 rules for plain scalars (``on``, ``no``, ``yes`` stay text; only
``true``/``false`` are booleans), because PyYAML's YAML 1.1 rules silently turn an editor's
``keywords: [on, no]`` into booleans. Anchors and aliases are refused outright: editors never
need them, and refusing them is the cheapest defence against "billion laughs" alias bombs. Tags,
duplicate keys, tabs, a BOM, non-UTF-8 bytes, NUL, files over 1 MB and nesting past 20 levels are
refused too, each as a `YamlProblem` with its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import yaml_messages

try:  # libyaml is ~10x faster and keeps marks; fall back to the pure-Python parser.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_DEFAULT_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
                 yaml.MappingNode: "tag:yaml.org,2002:map"}


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Composes nodes without PyYAML's YAML 1.1 tag resolution: `plain_scalar` resolves
    plain scalars by YAML 1.2 rules instead (and skipping 1.1's regexes halves load time)."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

MAX_FILE_BYTES = 1_000_000
"""A service file is a few kilobytes; anything near a megabyte is a mistake or an attack."""
MAX_DEPTH = 20
"""Content nests four or five levels deep (steps, services); deeper is a mistake or an attack."""

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Positions:
    """Where each value (and each mapping key) of a YAML document starts, 1-based."""

    values: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    plain_text: dict[JsonPath, str] = field(default_factory=dict)
    """Source text of plain scalars that YAML 1.2 reads as something other than a string."""
    comments: dict[JsonPath, tuple[int, int, str]] = field(default_factory=dict)
    """Plain scalars followed by a comment on their last line: where its '#' is, and the comment
    (an editor who wrote `note: Send form #2530-FM` meant it as text, which YAML drops)."""
    text: str = ""
    """The file's text, to place problems found inside a long text value."""
    strings: list[tuple[JsonPath, str]] | None = None
    """Every text value of the document and its path, in document order, as the parser made them
    (None: not recorded, e.g. for data not parsed here). The text rules read it instead of walking
    the data again (validate/text.py's `text_fields`)."""

    def __getstate__(self) -> dict[str, Any]:
        # The list of text values serves the rules of one file, which run where the file is read: a
        # forked reader sends its files back without it (it made pickling them two fifths slower).
        return {**self.__dict__, "strings": None}

    def locate(self, path: JsonPath, snippet: str, nth: int = 0) -> tuple[int, int]:
        """Position of `snippet` (its `nth` occurrence, from 0) inside the text value at `path` (the
        value's start if not found)."""
        line, col = self.of_value(path)
        lines = self.text.splitlines()
        for number in range(line, len(lines) + 1):
            found = lines[number - 1].find(snippet, col - 1 if number == line else 0)
            while found >= 0:
                if nth == 0:
                    return number, found + 1
                nth -= 1
                found = lines[number - 1].find(snippet, found + 1)
        return line, col

    def of_value(self, path: JsonPath) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: JsonPath) -> tuple[int, int]:
        """Position of the key whose value is at `path` (falls back to the value)."""
        return self.keys.get(path) or self.of_value(path)


class YamlProblem(Exception):
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


def plain_scalar(text: str) -> Any:
    """What a plain (unquoted) scalar is by YAML 1.2's core rules: null, a boolean, a number or text."""
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
        self._strings: list[tuple[JsonPath, str]] = []
        self.positions = Positions(text=text, strings=self._strings)
        self._seen: set[int] = set()
        self._lines = text.split("\n")
        self._maybe_comments = "#" in text
        """Most files have no '#' at all: then no scalar is followed by a comment."""
        self._maybe_anchors = "&" in text
        """Nor an '&': then no value has an anchor (composing drops its name; see `convert`)."""

    def _comment_after(self, node: yaml.ScalarNode, path: JsonPath) -> None:
        """Record a comment that follows the plain scalar `node` on its line."""
        if not self._maybe_comments:
            return
        end = node.end_mark
        line = self._lines[end.line] if end.line < len(self._lines) else ""
        rest = line[end.column:]
        stripped = rest.lstrip(" \t")
        if stripped.startswith("#") and len(stripped) < len(rest):
            column = end.column + len(rest) - len(stripped)
            self.positions.comments[path] = (end.line + 1, column + 1, stripped.rstrip())

    def convert(self, node: yaml.Node, path: JsonPath) -> Any:
        mark = node.start_mark
        if len(path) > MAX_DEPTH:
            raise YamlProblem(f"values are nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1,
                               "check the indentation and the brackets")
        # An alias makes the composer hand back a node it has already handed out.
        if id(node) in self._seen:
            raise YamlProblem("anchors and aliases (&name, *name) are not allowed", mark.line + 1, mark.column + 1,
                               "write the value out in full where it is used")
        self._seen.add(id(node))
        line = self._lines[mark.line] if self._maybe_anchors and mark.line < len(self._lines) else ""
        if line[mark.column: mark.column + 1] == "&":  # an anchor: composing drops its name silently
            said = yaml_messages.anchor(self.positions.text, mark.line, mark.column, type(node) is yaml.ScalarNode)
            raise YamlProblem(said.message, said.line, said.col, said.hint)
        if node.tag not in _ALLOWED_TAGS:
            raise YamlProblem(f"YAML tag '{node.tag}' is not allowed", mark.line + 1, mark.column + 1,
                               "remove the tag (the word starting with '!'), or put text that starts with '!' "
                               "in quotes")
        self.positions.values[path] = (mark.line + 1, mark.column + 1)
        if type(node) is yaml.ScalarNode:
            if node.style:  # quoted or block scalar: always text
                self._strings.append((path, node.value))
                return node.value
            value = plain_scalar(node.value)
            if type(value) is str:
                self._strings.append((path, value))
            else:
                self.positions.plain_text[path] = node.value
            self._comment_after(node, path)
            return value
        if type(node) is yaml.SequenceNode:
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        keys = self.positions.keys
        for key_node, value_node in node.value:
            key_mark = key_node.start_mark
            line, col = key_mark.line + 1, key_mark.column + 1
            if type(key_node) is not yaml.ScalarNode:
                raise YamlProblem("a key must be plain text, not a list or mapping", line, col,
                                   "write the key as a word followed by a colon, like 'title:'")
            key = key_node.value
            key_path = (*path, key)
            if key in result:
                raise YamlProblem(f"duplicate key '{key}' (first at line {keys[key_path][0]})", line, col,
                                   "remove one of them: YAML would silently keep only the last")
            keys[key_path] = (line, col)
            result[key] = self.convert(value_node, key_path)
        return result


def parse_yaml(raw: bytes) -> tuple[dict[str, Any], Positions]:
    """Parse one content file's bytes. Raises `YamlProblem` with a location on any problem."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(f"file is {len(raw) / 1_000_000:.1f} MB; the limit is {MAX_FILE_BYTES // 1_000_000} MB",
                           hint="a content file holds one agency, service or journey")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem("file starts with a byte order mark (BOM)",
                           hint="save the file as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line, col,
                           "save the file as UTF-8") from None
    if "\x00" in text:
        raise YamlProblem("file contains a NUL character", hint="save the file as UTF-8 text")
    tab = _LEADING_TAB.search(text) if "\t" in text else None  # the pattern tries every line of a file
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        col = tab.end() - tab.start()
        raise YamlProblem("tab character used for indentation", line, col, "indent with spaces")
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a pasted control code
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(f"file contains the character U+{code:04X}, which YAML does not allow", line, col,
                           "delete it: it is invisible, and often comes with text pasted from another program"
                           ) from None
    except yaml.MarkedYAMLError as exc:
        said = yaml_messages.say(exc, text)
        raise YamlProblem(said.message, said.line, said.col, said.hint) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"malformed YAML: {exc}", hint=yaml_messages.GENERAL_HINT) from None
    except RecursionError:  # the pure-Python parser recurses per level; libyaml stops at 1000
        raise YamlProblem("malformed YAML: nested too deeply", hint="check the indentation and the brackets") from None
    documents = [d for d in documents if d is not None]
    if not documents:
        raise YamlProblem("file is empty", hint="a content file is a mapping of keys to values")
    if len(documents) > 1:
        mark = documents[1].start_mark
        raise YamlProblem("file holds more than one YAML document ('---')", mark.line + 1, mark.column + 1,
                           "keep one agency, service or journey per file")
    node = documents[0]
    if not isinstance(node, yaml.MappingNode):
        got = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raise YamlProblem(f"expected a mapping of keys to values at the top of the file; got {got}",
                           node.start_mark.line + 1, node.start_mark.column + 1,
                           "start the file with 'title: ...' or 'name: ...' lines")
    converter = _Converter(text)
    data = converter.convert(node, ())
    return data, converter.positions
