"""The JSON Schemas shipped in the package: one source for the loader, editors and the docs."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_FILES = {
    "agency": "agency.schema.json",
    "service": "service.schema.json",
    "journey": "journey.schema.json",
    "question": "question.schema.json",
}
"""Each content kind's schema; `common.schema.json` holds their shared definitions."""
ALL_SCHEMA_FILES = (*SCHEMA_FILES.values(), "common.schema.json")


def schema_text(name: str) -> str:
    return resources.files("generator").joinpath("schemas", name).read_text(encoding="utf-8")


def published_schemas() -> dict[str, str]:
    """The schemas to publish with the site: path from the site root -> text. They refer to each
    other by relative file name, so they work from any address, and from a copy on disk."""
    return {f"schemas/{name}": schema_text(name) for name in ALL_SCHEMA_FILES}


def _registry_of(schemas: dict[str, Any]) -> Registry:
    # Schemas refer to each other by relative file name ("common.schema.json#/$defs/slug"),
    # which also works for editors' language servers fetching them from site/schemas/.
    return Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items())


@cache
def _registry() -> Registry:
    """The schemas as published (what editors read)."""
    return _registry_of({name: json.loads(schema_text(name)) for name in ALL_SCHEMA_FILES})


def _without_warnings(node: Any) -> Any:
    """A schema without the keywords its nodes list under "x-warning": those are an editor's hint
    while typing (a title's maxLength), which the checker says as a warning of its own
    (validate/quality.py), never as an error."""
    if isinstance(node, list):
        return [_without_warnings(item) for item in node]
    if not isinstance(node, dict):
        return node
    advisory = set(node.get("x-warning", ()))
    return {key: _without_warnings(value) for key, value in node.items() if key not in advisory}


@cache
def checker_schemas() -> dict[str, Any]:
    """Every schema file as the checker validates with it (`_without_warnings`)."""
    return {name: _without_warnings(json.loads(schema_text(name))) for name in ALL_SCHEMA_FILES}


_ECMA_SPACE = r"\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ECMA_CLASSES = {"d": "0-9", "w": "A-Za-z0-9_", "s": _ECMA_SPACE}


def ecma_pattern(pattern: str) -> str:
    """A JSON Schema pattern (ECMA-262, as jsonschema-rs reads it) as Python reads it alike. ECMA's
    '$' is the end of the text, Python's also matches before a final newline ('@x\\n' passed '^@x$'
    here and failed in jsonschema-rs); ECMA's \\d, \\w and \\s are ASCII digits, ASCII word characters
    and its own list of spaces, Python's are Unicode's. Each is written out as ECMA means it."""
    out, escaped, in_class = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
            if ch.lower() in _ECMA_CLASSES and (ch.islower() or not in_class):
                chars = _ECMA_CLASSES[ch.lower()]
                out[-1] = chars if in_class else f"[{'^' if ch.isupper() else ''}{chars}]"
                continue
        elif ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif ch == "$" and not in_class:
            out.append("\\Z")
            continue
        out.append(ch)
    return "".join(out)


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(ecma_pattern(pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_TYPE = Draft202012Validator.VALIDATORS["type"]


def _type(validator: Any, types: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if isinstance(instance, float) and math.isnan(instance):  # YAML's .nan: no number at all
        yield ValidationError(f"{instance!r} is not a number")
        return
    yield from _TYPE(validator, types, instance, schema)


ContentValidator = validators.extend(Draft202012Validator, {"pattern": _pattern, "type": _type})
"""Draft 2020-12 as jsonschema-rs reads it: ECMA-262 patterns, and NaN not a number."""


@cache
def validator(kind: str) -> Draft202012Validator:
    schema: dict[str, Any] = checker_schemas()[SCHEMA_FILES[kind]]
    Draft202012Validator.check_schema(schema)
    return ContentValidator(schema, registry=_registry_of(checker_schemas()))


@cache
def fast_validator(kind: str) -> jsonschema_rs.Draft202012Validator:
    """The same schema, compiled by jsonschema-rs: about 1000x faster, used to pass valid files
    quickly; files it rejects are validated again by `validator` for located, worded errors."""
    schemas = checker_schemas()

    def retrieve(uri: str) -> Any:
        # Only our own files are ever resolved; nothing is fetched from the network.
        return schemas[uri.rsplit("/", 1)[-1]]

    return jsonschema_rs.Draft202012Validator(
        schemas[SCHEMA_FILES[kind]], retriever=retrieve,
        base_uri=f"https://schemas.onestop.invalid/{SCHEMA_FILES[kind]}")


_TEXT_PATTERNS = (None, "\\S")
"""A string schema with one of these patterns takes any words; others take a form (a date, an address)."""


def expanded(file: str, node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """`node` and every schema it stands for: its $ref (followed to its file), its allOf/anyOf/oneOf
    branches and the `then` of each if/then."""
    found = [(file, node)]
    ref = node.get("$ref")
    if isinstance(ref, str):
        target_file, _, pointer = ref.partition("#")
        target_file = target_file or file
        target: Any = _registry().contents(target_file)
        for part in pointer.strip("/").split("/"):
            target = target[part] if part else target
        found += expanded(target_file, target)
    for branch in [*node.get("allOf", ()), *node.get("anyOf", ()), *node.get("oneOf", ())]:
        found += expanded(file, branch)
        if "then" in branch:
            found += expanded(file, branch["then"])
    return found


def nodes_at(kind: str, shape: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    """Every schema node (with its file) for the value at `shape` (a key path, '*' for any list
    item) of a `kind` file, each $ref, allOf/anyOf/oneOf branch and `then` followed."""
    nodes = expanded(SCHEMA_FILES[kind], validator(kind).schema)
    for step in shape:
        children = [n.get("items") if step == "*" else n.get("properties", {}).get(step) for _, n in nodes]
        nodes = [expanded_node for (file, _), child in zip(nodes, children) if isinstance(child, dict)
                 for expanded_node in expanded(file, child)]
    return nodes


@cache
def is_free_text(kind: str, shape: tuple[str, ...]) -> bool:
    """Whether the value at `shape` (a key path, '*' for any list item) of a `kind` file is free
    text (a title, a note, an address, Markdown), not a word from a list, an id, a date or an
    address on the web."""
    schemas = [n for _, n in nodes_at(kind, shape)]
    return (any(n.get("type") == "string" for n in schemas)
            and not any("enum" in n or "const" in n or n.get("pattern") not in _TEXT_PATTERNS for n in schemas))


@cache
def key_homes(kind: str) -> dict[str, tuple[str, ...]]:
    """Where each key of a `kind` file belongs: '' for the top of the file, else the key (path
    without list positions, 'channels', 'contact') whose group of keys it is one of."""
    homes: dict[str, list[str]] = {}

    def walk(file: str, node: dict[str, Any], where: str, depth: int) -> None:
        for sub_file, sub in expanded(file, node):
            for key, child in sub.get("properties", {}).items():
                if where not in homes.setdefault(key, []):
                    homes[key].append(where)
                if depth < 6 and isinstance(child, dict):
                    walk(sub_file, child, f"{where}.{key}" if where else key, depth + 1)
            if isinstance(sub.get("items"), dict) and depth < 6:
                walk(sub_file, sub["items"], where, depth + 1)

    walk(SCHEMA_FILES[kind], validator(kind).schema, "", 0)
    return {key: tuple(places) for key, places in homes.items()}
