"""Translation files' JSON Schemas, made from the source schemas (text keys only), for editors'
language servers: `schemas/<kind>.translation.schema.json` beside the others. Each text keeps its
source's definition (plain text or Markdown, with its words); the checker's own rules are
validate/translations.py, which a test holds to these schemas."""

from __future__ import annotations

import json
from typing import Any

from ..schemas import SCHEMA_FILES, nodes_at
from .fields import ANY, OWN_LISTS, TEXT_FIELDS


def _source_node(kind: str, pattern: tuple[Any, ...]) -> dict[str, Any]:
    """The source schema's node for a text, with the first common definition it refers to."""
    nodes = nodes_at(kind, tuple(pattern))  # ANY is the '*' of a list item there too
    ref = next((n["$ref"] for _, n in nodes if isinstance(n.get("$ref"), str)
                and n["$ref"].startswith("common.schema.json")), None)
    described = next((n["description"] for _, n in nodes if isinstance(n.get("description"), str)), "")
    node: dict[str, Any] = {"$ref": ref} if ref else {"type": "string", "minLength": 1}
    if described:
        node["description"] = f"Translated: {described}"
    return node


def translation_schema(kind: str) -> dict[str, Any]:
    """The schema of a translation of a `kind` file."""
    root: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"A translation of a {kind} file (<name>.<language>.yml beside it)",
        "type": "object", "additionalProperties": False, "required": ["last_reviewed"],
        "properties": {"last_reviewed": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                         "description": "The day the translation was last checked against its "
                                                        "source, as YYYY-MM-DD.", "examples": ["2026-12-01"]}}}
    for pattern in TEXT_FIELDS[kind]:  # type: ignore[index]
        node = root
        for i, step in enumerate(pattern):
            last = i == len(pattern) - 1
            if step == ANY:
                if last:  # a list of texts: eligibility, documents
                    node["items"] = _source_node(kind, pattern)
                else:
                    node = node.setdefault("items", {"type": "object", "additionalProperties": False})
                continue
            properties = node.setdefault("properties", {})
            if last:
                leaf = _source_node(kind, pattern)
                properties[step] = {"type": "array", "items": leaf} if step in OWN_LISTS else leaf
            elif pattern[i + 1] == ANY:
                properties.setdefault(step, {"type": "array", "description": "In the source's order and length; "
                                             "{} keeps an item's text."})
                node = properties[step]
            else:
                node = properties.setdefault(step, {"type": "object", "additionalProperties": False})
    return root


def translation_schema_files() -> dict[str, str]:
    """Path from the site root -> the text of each translation schema."""
    return {f"schemas/{kind}.translation.schema.json":
            json.dumps(translation_schema(kind), indent=1, ensure_ascii=False) + "\n" for kind in SCHEMA_FILES}
