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
