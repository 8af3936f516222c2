"""The JSON Schemas: the loader's, the editors' language servers', and the published ones are the same,
and every field an editor can write has a description and a valid example to show while typing."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest
from jsonschema import Draft202012Validator

from conftest import EXAMPLE, REPO
from generator.load import Kind
from generator.schemas import ALL_SCHEMA_FILES, SCHEMA_FILES, _registry, published_schemas

SCHEMAS = REPO / "generator" / "schemas"


def _load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _resolve(node: dict[str, Any], doc: str) -> dict[str, Any]:
    ref = node.get("$ref")
    if not ref:
        return node
    file, _, pointer = ref.partition("#")
    target: Any = _load(file or doc)
    for part in pointer.strip("/").split("/"):
        target = target[part] if part else target
    return target


def _fields(doc: str) -> list[tuple[str, dict[str, Any]]]:
    """Every property an editor can write, as (JSON pointer in the schema file, its schema); not `if` tests."""
    found: list[tuple[str, dict[str, Any]]] = []

    def walk(node: Any, pointer: str) -> None:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                found.append((f"{pointer}/properties/{key}", sub))
            for key, value in node.items():
                if key != "if":
                    walk(value, f"{pointer}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{pointer}/{i}")

    walk(_load(doc), "")
    return found


FIELDS = [(doc, pointer, sub) for doc in SCHEMA_FILES.values() for pointer, sub in _fields(doc)]


@pytest.mark.parametrize(("doc", "pointer", "sub"), FIELDS, ids=[f"{d}#{p}" for d, p, _ in FIELDS])
def test_every_field_has_a_description_and_examples_that_are_valid(doc, pointer, sub):
    target = _resolve(sub, doc)
    assert sub.get("description") or target.get("description"), "no description for the language server to show"
    examples = sub.get("examples") or target.get("examples") or ([sub["const"]] if "const" in sub else None)
    assert examples, "no example for the language server to show"
    validator = Draft202012Validator({"$ref": f"{doc}#{pointer}"}, registry=_registry())
    for example in examples:
        assert list(validator.iter_errors(example)) == [], example


def test_every_content_kind_has_a_schema_with_a_title():
    assert set(SCHEMA_FILES) == set(get_args(Kind)) == {"agency", "service", "journey", "question"}
    for name in SCHEMA_FILES.values():
        schema = _load(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["title"] and schema["description"] and schema["additionalProperties"] is False


# Keywords that every YAML language server in use understands (they are all in draft 7 as well):
# a schema that used a newer one would validate here but silently show no help in some editors.
UNDERSTOOD = {"$schema", "$ref", "$defs", "title", "description", "examples", "default", "type", "properties",
              "additionalProperties", "required", "items", "minItems", "uniqueItems", "enum", "const", "pattern",
              "minLength", "maxLength", "minimum", "maximum", "anyOf", "allOf", "if", "then", "maxItems",
              # A hint for a list that is too long (validate/schema.py says it).
              "x-hint",
              # The language servers' own words for a pattern or a node (VS Code's JSON and YAML servers);
              # onestop's checker says the same words ("expected ...; got ...").
              "patternErrorMessage", "errorMessage",
              # Ignored by language servers: keywords the checker leaves to a warning of its own (schemas.py).
              "x-warning"}


def test_schemas_use_only_keywords_language_servers_understand():
    def keywords(schema: Any) -> set[str]:
        if not isinstance(schema, dict):
            return set()
        found = set(schema)
        for key, value in schema.items():
            if key in ("properties", "$defs"):
                for sub in value.values():
                    found |= keywords(sub)
            elif key in ("items", "additionalProperties", "if", "then", "else", "not"):
                found |= keywords(value)
            elif key in ("allOf", "anyOf", "oneOf"):
                for sub in value:
                    found |= keywords(sub)
        return found

    for name in ALL_SCHEMA_FILES:
        used = keywords(_load(name))
        assert used <= UNDERSTOOD, f"{name}: {sorted(used - UNDERSTOOD)}"


def test_published_schemas_are_the_loaders_own():
    published = published_schemas()
    assert sorted(published) == sorted(f"schemas/{n}" for n in ALL_SCHEMA_FILES)
    for name in ALL_SCHEMA_FILES:
        assert published[f"schemas/{name}"] == (SCHEMAS / name).read_text(encoding="utf-8")


def test_editor_settings_map_each_kind_of_file_to_its_schema():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    mapping = settings["yaml.schemas"]
    examples = {"agency.schema.json": "agencies/pa-dos/agency.yml",
                "service.schema.json": "agencies/pa-dos/services/register-llc.yml",
                "journey.schema.json": "journeys/start-a-business.yml",
                "question.schema.json": "questions/location.yml"}
    assert len(mapping) == 4
    for schema, glob in mapping.items():
        assert (REPO / schema).is_file(), schema
        assert fnmatch.fnmatch(examples[Path(schema).name], glob)
        assert (EXAMPLE / examples[Path(schema).name]).is_file()
    assert settings["yaml.yamlVersion"] == "1.2"  # the loader's rules: 'no' stays text
    assert "redhat.vscode-yaml" in json.loads((REPO / ".vscode" / "extensions.json").read_text())["recommendations"]


def _nodes(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _nodes(value)
    elif isinstance(node, list):
        for value in node:
            found += _nodes(value)
    return found


def test_every_pattern_says_in_words_what_it_takes():
    """Language servers show patternErrorMessage instead of the raw pattern (`does not match
    '^[0-9]{4}-...'`), and the checker says the same words."""
    for name in ALL_SCHEMA_FILES:
        for node in _nodes(_load(name)):
            if "pattern" in node:
                assert node.get("patternErrorMessage", "").startswith("expected "), (name, node)
            assert "x-error" not in node, (name, node)  # the old name of patternErrorMessage


def test_length_limits_show_while_typing_and_stay_warnings_in_the_checker():
    """The 80 and 200 character limits are maxLength in the published schemas, so that an editor's
    language server underlines a long title (as a warning, which is how they show schema problems);
    the checker validates without them ("x-warning") and says its own warning (validate/quality.py)."""
    from generator.schemas import checker_schemas
    from generator.validate.quality import MAX_SUMMARY, MAX_TITLE

    for name in ("service.schema.json", "journey.schema.json"):
        published, checked = _load(name)["properties"], checker_schemas()[name]["properties"]
        assert (published["title"]["maxLength"], published["summary"]["maxLength"]) == (MAX_TITLE, MAX_SUMMARY)
        for key in ("title", "summary"):
            assert published[key]["x-warning"] == ["maxLength"] and "maxLength" not in checked[key]
    assert checker_schemas()["common.schema.json"]["$defs"]["slug"]["maxLength"] == 64  # an error stays one


def test_the_examples_name_services_and_journeys_that_exist():
    """Examples are copied: a reference in one must resolve in the example government."""
    services = {f"{p.parent.parent.name}/{p.stem}" for p in EXAMPLE.glob("agencies/*/services/*.yml")}
    journeys = {p.stem for p in EXAMPLE.glob("journeys/*.yml")}
    text = " ".join(json.dumps(node.get("examples", [])) for name in ALL_SCHEMA_FILES for node in _nodes(_load(name)))
    refs = set(re.findall(r'"([a-z0-9-]+/[a-z0-9-]+)"', text))
    assert refs and refs <= services, refs - services
    related = _load("journey.schema.json")["properties"]["related_journeys"]["examples"]
    assert set(related[0]) <= journeys


def test_each_way_in_has_a_note_that_fits_it():
    notes = {kind: _load("service.schema.json")["$defs"][kind]["properties"]["note"]["examples"][0]
             for kind in ("online", "in_person", "phone", "mail", "email")}
    assert len(set(notes.values())) == len(notes), notes  # "Bring a photo ID." only where you go in person
    assert "photo ID" in notes["in_person"]
