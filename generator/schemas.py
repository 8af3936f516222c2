"""The JSON Schemas shipped in the package: one source for the loader, editors and the docs."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_FILES = {
    "agency": "agency.schema.json",
    "service": "service.schema.json",
    "journey": "journey.schema.json",
}
"""Each content kind's schema; `common.schema.json` holds their shared definitions."""
ALL_SCHEMA_FILES = (*SCHEMA_FILES.values(), "common.schema.json")


def schema_text(name: str) -> str:
    return resources.files("generator").joinpath("schemas", name).read_text(encoding="utf-8")


def published_schemas() -> dict[str, str]:
    """The schemas to publish with the site: path from the site root -> text. They refer to each
    other by relative file name, so they work from any address, and from a copy on disk."""
    return {f"schemas/{name}": schema_text(name) for name in ALL_SCHEMA_FILES}


@cache
def _registry() -> Registry:
    # Schemas refer to each other by relative file name ("common.schema.json#/$defs/slug"),
    # which also works for editors' language servers fetching them from site/schemas/.
    return Registry().with_resources(
        (name, Resource.from_contents(json.loads(schema_text(name)), default_specification=DRAFT202012))
        for name in ALL_SCHEMA_FILES
    )


@cache
def validator(kind: str) -> Draft202012Validator:
    schema: dict[str, Any] = json.loads(schema_text(SCHEMA_FILES[kind]))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=_registry())


@cache
def fast_validator(kind: str) -> jsonschema_rs.Draft202012Validator:
    """The same schema, compiled by jsonschema-rs: about 1000x faster, used to pass valid files
    quickly; files it rejects are validated again by `validator` for located, worded errors."""
    schemas = {name: json.loads(schema_text(name)) for name in ALL_SCHEMA_FILES}

    def retrieve(uri: str) -> Any:
        # Only our own files are ever resolved; nothing is fetched from the network.
        return schemas[uri.rsplit("/", 1)[-1]]

    return jsonschema_rs.Draft202012Validator(
        schemas[SCHEMA_FILES[kind]], retriever=retrieve,
        base_uri=f"https://schemas.onestop.invalid/{SCHEMA_FILES[kind]}")


_TEXT_PATTERNS = (None, "\\S")
"""A string schema with one of these patterns takes any words; others take a form (a date, an address)."""


def _expand(file: str, node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
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
        found += _expand(target_file, target)
    for branch in [*node.get("allOf", ()), *node.get("anyOf", ()), *node.get("oneOf", ())]:
        found += _expand(file, branch)
        if "then" in branch:
            found += _expand(file, branch["then"])
    return found


@cache
def is_free_text(kind: str, shape: tuple[str, ...]) -> bool:
    """Whether the value at `shape` (a key path, '*' for any list item) of a `kind` file is free
    text (a title, a note, an address, Markdown), not a word from a list, an id, a date or an
    address on the web."""
    nodes = _expand(SCHEMA_FILES[kind], validator(kind).schema)
    for step in shape:
        children = [n.get("items") if step == "*" else n.get("properties", {}).get(step) for _, n in nodes]
        nodes = [expanded for (file, _), child in zip(nodes, children) if isinstance(child, dict)
                 for expanded in _expand(file, child)]
    schemas = [n for _, n in nodes]
    return (any(n.get("type") == "string" for n in schemas)
            and not any("enum" in n or "const" in n or n.get("pattern") not in _TEXT_PATTERNS for n in schemas))
