"""The repository's own settings for the onestop command (onestop.yml).

`onestop.yml` (optional, next to mkdocs.yml) holds what is about the repository rather than the
website's look: today, the site team, who owns what no single agency owns. It is read by the same
safe YAML rules as content files and checked against a schema, with located problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import read_yaml_file
from ..problems import Problem
from ..schemas import ContentValidator, _registry
from ..validate import schema_problems

SETTINGS_FILE = "onestop.yml"

SETTINGS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "languages": {
            "type": "array", "minItems": 1, "uniqueItems": True,
            "items": {"type": "string", "pattern": "^[a-z]{2,3}$",
                      "patternErrorMessage": "expected a language code of two or three lowercase letters, like es"},
            "description": "The site's languages, the first the one its content is written in (the default, en). "
                           "A translation is a file <name>.<language>.yml beside its source.",
            "examples": [["en", "es"]],
        },
        "site_team": {
            "$ref": "agency.schema.json#/properties/owners",
            "description": "Code owners of all that no one agency owns: journeys across agencies, templates, "
                           "settings, the generator. Required once any agency declares owners.",
        },
    },
}


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...] = ("en",)
    """The site's languages: the content's own first, then those it may be translated into."""
    site_team: tuple[str, ...] = ()
    """GitHub handles (or emails) of the team that runs the site."""


def load_settings(root: Path) -> tuple[Settings, list[Problem]]:
    """The settings in `root/onestop.yml` (defaults when there is none), and any problems with them."""
    path = root / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():  # a FIFO or a link is refused when read, not skipped
        return Settings(), []
    data, positions, problem = read_yaml_file(root, path)
    if problem or data is None or positions is None:
        return Settings(), [problem] if problem else []
    schema = ContentValidator(SETTINGS_SCHEMA, registry=_registry())
    problems = schema_problems(SETTINGS_FILE, data, positions, schema)
    if problems:
        return Settings(), problems
    return Settings(languages=tuple(data.get("languages", ("en",))), site_team=tuple(data.get("site_team", ()))), []
