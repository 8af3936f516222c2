"""Translation files read by the same guarded reader and YAML rules as content files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import Kind, TranslationCandidate, load_file
from ..problems import Problem
from ..yamlfile import Positions


@dataclass(frozen=True)
class TranslationFile:
    """One parsed translation: `agencies/pa-dos/services/register-llc.es.yml`."""

    path: str
    """Path relative to the site root, with forward slashes."""
    source: str
    """The path of the file it translates."""
    kind: Kind
    """The kind of its source."""
    lang: str
    data: dict[str, Any]
    positions: Positions


def load_translations(root: Path, candidates: list[TranslationCandidate]
                      ) -> tuple[list[TranslationFile], list[Problem]]:
    """Each translation parsed as any content file is (load.load_file), or the problem that stopped it."""
    files: list[TranslationFile] = []
    problems: list[Problem] = []
    for candidate in candidates:
        parsed, problem = load_file(root, candidate.path, candidate.kind, "", None)
        if problem:
            problems.append(problem)
        if parsed:
            files.append(TranslationFile(parsed.path, candidate.source, candidate.kind, candidate.lang, parsed.data,
                                         parsed.positions))
    return files, problems
