"""The checks of the repository around the content, which `onestop check` adds (a site build
leaves them out): whether .github/CODEOWNERS is up to date. The settings (onestop.yml) are the
content check's own, since they name the site's languages (pipeline.py)."""

from __future__ import annotations

from pathlib import Path

from ..graph import Site
from ..problems import Problem, Severity
from . import codeowners
from .settings import load_settings


def repository_problems(root: Path, site: Site | None) -> list[Problem]:
    """What is wrong with the repository's code owners; checked only when the content is linked
    (whom it should name is known once all content is valid) and the settings are (their problems
    are the content check's)."""
    settings, problems = load_settings(root)
    if site is None or any(p.severity is Severity.ERROR for p in problems):
        return []
    return codeowners.problems(root, site, settings)
