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


@cache
def _registry() -> Registry:
    # Schemas refer to each other by relative file name ("common.schema.json#/$defs/slug"),
    # which also works for editors' language servers fetching them from site/schemas/.
    return Registry().with_resources(
        (name, Resource.from_contents(json.loads(schema_text(name)), default_specification=DRAFT202012))
        for name in ALL_SCHEMA_FILES
    )


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
    schema: dict[str, Any] = json.loads(schema_text(SCHEMA_FILES[kind]))
    Draft202012Validator.check_schema(schema)
    return ContentValidator(schema, registry=_registry())


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
