"""The checks of the repository around the content, which `onestop check` adds (a site build
leaves them out): its settings (onestop.yml) and whether .github/CODEOWNERS is up to date."""

from __future__ import annotations

from pathlib import Path

from ..graph import Site
from ..problems import Problem, Severity
from . import codeowners
from .settings import load_settings


def repository_problems(root: Path, site: Site | None) -> list[Problem]:
    """What is wrong with the repository's settings and code owners; CODEOWNERS is checked only
    when the content is linked (whom it should name is known once all content is valid)."""
    settings, problems = load_settings(root)
    if site is not None and not any(p.severity is Severity.ERROR for p in problems):
        problems += codeowners.problems(root, site, settings)
    return problems
