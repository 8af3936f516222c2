"""Translation files read by the same guarded reader and YAML rules as content files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import Kind, TranslationCandidate
from ..problems import Problem, Severity
from ..reading import Refused, read_bytes
from ..yamlfile import MAX_FILE_BYTES, Positions, YamlProblem, parse_yaml


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
    """Each translation parsed, or the problem that stopped it."""
    files: list[TranslationFile] = []
    problems: list[Problem] = []
    for candidate in candidates:
        rel = candidate.path.relative_to(root).as_posix()
        try:
            data, positions = parse_yaml(read_bytes(root, candidate.path, MAX_FILE_BYTES,
                                                    "a translation holds the text of one file"))
        except Refused as exc:
            problems.append(exc.problem)
            continue
        except YamlProblem as exc:
            problems.append(Problem(rel, exc.line, exc.col, Severity.ERROR, exc.message, exc.hint))
            continue
        files.append(TranslationFile(rel, candidate.source, candidate.kind, candidate.lang, data, positions))
    return files, problems
