"""`onestop new`: a commented skeleton for a new agency, service, journey or question.

The notes in a skeleton are the schema's own descriptions and examples, so they cannot drift
from what the checker accepts. Required keys are left empty (the checker names each one still
to fill in, on its line); optional keys are commented out with an example.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..load import Kind, read_yaml_file
from ..schemas import SCHEMA_FILES, _registry, validator
from ..validate import id_problem

WIDTH = 100


class ScaffoldError(Exception):
    """The file cannot be made; `hint` says what to do instead."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class NewFile:
    path: str
    """Where to write it, relative to the site root, with forward slashes."""
    text: str


# Keys written out with their structure, because an empty key would not show their shape.
_STRUCTURES = {
    ("agency", "contact"): "contact:\n  phone:\n  # email: help@example.gov\n  # address: |\n  #   1 Main Street\n"
                           "  #   Springfield, ST 12345\n  # hours: Monday to Friday, 8 a.m. to 5 p.m.\n",
    ("service", "channels"): "channels:\n  - type: online\n    url:\n  # - type: phone\n  #   phone: 555-010-1000\n"
                             "  #   hours: Monday to Friday, 8 a.m. to 5 p.m.\n",
    ("journey", "steps"): "steps:\n  - title:\n    # services: [agency-id/service-id]\n    # when: If you will hire "
                          "employees\n    # if: {employees: yes}\n    # choose: one\n",
    ("question", "options"): "options:\n  - id:\n    label:\n  - id:\n    label:\n",
}
_INTROS = {
    "agency": "An agency: {path}. Its id is its folder name, '{id}'.",
    "service": "A service of {agency}: {path}. Its id is its file name; other files refer to it as '{ref}'.",
    "journey": "A step-by-step guide: {path}. Its id is its file name, '{id}'.",
    "question": "A question a guide may ask: {path}. Its id is its file name, '{id}': a journey asks it with "
                "questions: [{id}] and tailors its steps with if: {{{id}: <answer id>}}.",
}
_HOW = ("Fill in each key that has no value yet, then run `onestop check` (in a pull request the checks show "
        "each problem on its line). Lines starting with # are notes: to use an optional key, delete the '# ' "
        "in front of it and change the example.")


def _resolve(node: dict[str, Any], doc: str) -> dict[str, Any]:
    """A property's schema, following its $ref (to read the shared description and examples); a
    ref within `doc`, the schema file it is in, starts with '#'."""
    ref = node.get("$ref")
    if not ref:
        return node
    file, _, pointer = ref.partition("#")
    target: Any = _registry().contents(file or doc)
    for part in pointer.strip("/").split("/"):
        target = target[part] if part else target
    return dict(target)


def _comment(text: str, indent: str = "") -> str:
    # Never inside a word: an id or a path broken at its hyphens cannot be copied from the note.
    return textwrap.fill(text, WIDTH, initial_indent=indent + "# ", subsequent_indent=indent + "# ",
                         break_on_hyphens=False, break_long_words=False) + "\n"


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the example files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _inline(value: Any) -> str | None:
    """`value` as one line of YAML, or None when it needs a block."""
    nested = isinstance(value, (dict, list)) and any(
        isinstance(v, (dict, list)) for v in (value.values() if isinstance(value, dict) else value))
    if nested:
        return None
    text = yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=True,
                     width=10_000)
    text = text.removesuffix("\n").removesuffix("\n...").strip()
    return text if "\n" not in text else None


def _example_yaml(key: str, example: Any, label: str | None = None) -> str:
    """'key: example' as YAML, every line commented out ('label' replaces the key)."""
    inline = _inline(example)
    if inline is not None:
        return f"# {label or key}: {inline}\n"
    body = yaml.dump(example, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=WIDTH)
    return f"# {label or key}:\n" + "".join(f"#   {line}\n" for line in body.splitlines())


def skeleton(kind: Kind, schema_ref: str, intro: str, today: dt.date) -> str:
    """The commented skeleton of a `kind` file whose schema is at `schema_ref`."""
    schema = validator(kind).schema
    required = set(schema.get("required", ()))
    # Keys that an if/then of the schema requires in most files (a question's options) are offered as required.
    required |= {k for part in schema.get("allOf", ()) for k in part.get("then", {}).get("required", ())}
    out = [f"# yaml-language-server: $schema={schema_ref}\n", "#\n", _comment(intro), _comment(_HOW)]
    for key, prop in schema["properties"].items():
        if key == "id":
            continue
        target = _resolve(prop, SCHEMA_FILES[kind])
        description = prop.get("description") or target.get("description", "")
        examples = prop.get("examples") or target.get("examples") or []
        out.append("\n")
        out.append(_comment(("Required. " if key in required else "Optional. ") + description))
        if (kind, key) in _STRUCTURES:
            out.append(_STRUCTURES[(kind, key)])
        elif key == "last_reviewed":
            out.append(f"last_reviewed: {today.isoformat()}\n")
        elif key in required:
            if examples:
                out.append(_example_yaml(key, examples[0], label="For example"))
            out.append(f"{key}:\n")
        else:
            out.append(_example_yaml(key, examples[0]) if examples else f"# {key}:\n")
    return "".join(out)


def _check_id(what: str, value: str) -> None:
    problem = id_problem(value)
    if problem:
        raise ScaffoldError(f"{what} '{value}' {problem[0]}", problem[1])


def schema_ref(root: Path, file_path: str, kind: Kind, site_url: str | None = None) -> str:
    """What the language-server line points at: this repository's own schema, by a path relative to
    the new file (works offline and always matches the checker of this branch); failing that, the
    schema published with the site."""
    local = root / "generator" / "schemas" / SCHEMA_FILES[kind]
    if local.is_file():
        return os.path.relpath(local, (root / file_path).parent).replace(os.sep, "/")
    if site_url:
        return site_url.rstrip("/") + "/schemas/" + SCHEMA_FILES[kind]
    raise ScaffoldError("cannot tell where the schemas are: this repository has no generator/schemas/ and "
                        "mkdocs.yml has no site_url", "set site_url in mkdocs.yml to the site's address")


def plan(root: Path, kind: Kind, name: str, today: dt.date, site_url: str | None = None) -> NewFile:
    """Work out the new file for `onestop new KIND NAME`, or raise ScaffoldError saying why not."""
    agency_name = None
    if kind == "service":
        if name.count("/") != 1:
            raise ScaffoldError(f"expected AGENCY/SERVICE, e.g. pa-dos/register-llc; got '{name}'",
                                "name the agency's folder, a slash, then the new service's id")
        agency_id, file_id = name.split("/")
        _check_id("agency", agency_id)
        _check_id("service id", file_id)
        agency_file = root / "agencies" / agency_id / "agency.yml"
        if not agency_file.is_file():
            known = sorted(p.name for p in (root / "agencies").iterdir() if (p / "agency.yml").is_file()) \
                if (root / "agencies").is_dir() else []
            guess = difflib.get_close_matches(agency_id, known, n=1)
            raise ScaffoldError(f"there is no agency '{agency_id}' (no agencies/{agency_id}/agency.yml)",
                                f"did you mean '{guess[0]}/{file_id}'?" if guess else
                                f"add the agency first: onestop new agency {agency_id}")
        # The name only decorates a comment: a broken agency.yml leaves it out (`check` reports the file).
        data, _, _ = read_yaml_file(root, agency_file)
        agency_name = data.get("name") if data and isinstance(data.get("name"), str) else None
        path = f"agencies/{agency_id}/services/{file_id}.yml"
        intro = _INTROS["service"].format(agency=agency_name or f"agency '{agency_id}'", path=path, ref=name)
    else:
        _check_id(f"{kind} id", name)
        file_id = name
        path = {"agency": f"agencies/{name}/agency.yml", "question": f"questions/{name}.yml"}.get(kind,
                                                                                               f"journeys/{name}.yml")
        intro = _INTROS[kind].format(path=path, id=name)
    if (root / path).exists():
        raise ScaffoldError(f"{path} already exists", "edit it, or choose another id")
    return NewFile(path, skeleton(kind, schema_ref(root, path, kind, site_url), intro, today))


def write(root: Path, new: NewFile) -> Path:
    target = root / new.path
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as handle:  # never overwrites
        handle.write(new.text)
    return target
