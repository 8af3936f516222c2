"""The repository's own settings for the onestop command, and the site's address.

`onestop.yml` (optional, next to mkdocs.yml) holds what is about the repository rather than the
website's look: today, the site team, who owns what no single agency owns. It is read by the same
safe YAML rules as content files and checked against a schema, with located problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from ..load import SourceFile, read_yaml_file
from ..problems import Problem
from ..schemas import _registry
from ..validate import schema_problems

SETTINGS_FILE = "onestop.yml"

SETTINGS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "site_team": {
            "$ref": "agency.schema.json#/properties/owners",
            "description": "Code owners of all that no one agency owns: journeys across agencies, templates, "
                           "settings, the generator. Required once any agency declares owners.",
        },
    },
}


@dataclass(frozen=True)
class Settings:
    site_team: tuple[str, ...] = ()
    """GitHub handles (or emails) of the team that runs the site."""


def load_settings(root: Path) -> tuple[Settings, list[Problem]]:
    """The settings in `root/onestop.yml` (defaults when there is none), and any problems with them."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Settings(), []
    data, positions, problem = read_yaml_file(root, path)
    if problem or data is None or positions is None:
        return Settings(), [problem] if problem else []
    source = SourceFile(SETTINGS_FILE, "agency", "onestop", None, data, positions)
    problems = schema_problems(source, Draft202012Validator(SETTINGS_SCHEMA, registry=_registry()))
    if problems:
        return Settings(), problems
    return Settings(site_team=tuple(data.get("site_team", ()))), []


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags mean nothing here."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url(root: Path) -> str | None:
    """The site's public address from mkdocs.yml, if it gives one."""
    try:
        # _LenientLoader is a SafeLoader that ignores MkDocs' own tags.
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, yaml.YAMLError):
        return None
    url = config.get("site_url") if isinstance(config, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
