"""`onestop new translation PATH LANG`: a translation's skeleton beside its source, each text key
empty under a note holding the source's text, lists by position (the content model's "Translations")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..load import classify, read_yaml_file
from ..translations.fields import ANY, OWN_LISTS
from ..validate.translations import shape_of
from .scaffold import NewFile, ScaffoldError
from .settings import load_settings


def _note(text: str, indent: str, lang: str) -> list[str]:
    lines = str(text).strip().splitlines() or [""]
    return [f"{indent}# {lang}: {lines[0]}"] + [f"{indent}#     {line}" for line in lines[1:]]


def _lines(value: Any, shape: dict[str, Any], indent: str, lang: str, first: str = "") -> list[str]:
    """The skeleton of `value` (a source mapping) for the keys in `shape`; `first` starts a list
    item ("  - " in place of the first line's indent)."""
    out: list[str] = []
    for key, sub in shape.items():
        if key not in value or value[key] in (None, [], ""):
            continue
        source = value[key]
        if sub == "text" and key in OWN_LISTS:
            block = [f"{indent}# {lang}: {', '.join(map(str, source))}", f"{indent}{key}: []"]
        elif sub == "text":
            block = [*_note(source, indent, lang), f"{indent}{key}:"]
        elif ANY in sub:
            block = [f"{indent}{key}:"]
            for item in source:
                if sub[ANY] == "text":
                    block += [*_note(item, indent + "  ", lang), f"{indent}  - \"\""]
                else:
                    block += _lines(item if isinstance(item, dict) else {}, sub[ANY], indent + "    ", lang,
                                    first=indent + "  - ") or [f"{indent}  - {{}}  # nothing to translate"]
        else:
            block = [f"{indent}{key}:", *_lines(source if isinstance(source, dict) else {}, sub, indent + "  ", lang)]
        if first and not out:
            block[0] = first + block[0][len(indent):]
        out += block
    return out


def plan_translation(root: Path, source: str, lang: str, today: dt.date) -> NewFile:
    """The new translation of `source` (a content file's path) into `lang`, or ScaffoldError."""
    parts = tuple(Path(source).as_posix().split("/"))
    place = classify(parts)
    if place is None or not (root / source).is_file():
        raise ScaffoldError(f"'{source}' is not a content file of this site",
                            "give the path of an agency.yml, a service, a journey or a question, "
                            "e.g. agencies/pa-dos/services/register-llc.yml")
    languages = load_settings(root)[0].languages
    if lang not in languages[1:]:
        raise ScaffoldError(f"'{lang}' is not one of the languages this site is translated into "
                            f"({', '.join(languages[1:]) or 'none'})", "add it to languages: in onestop.yml first")
    data, _, problem = read_yaml_file(root, root / source)
    if problem or not isinstance(data, dict):
        raise ScaffoldError(f"{source} cannot be read: fix it first", "run onestop check")
    path = source[: -len(".yml")] + f".{lang}.yml"
    if (root / path).exists():
        raise ScaffoldError(f"{path} already exists", "edit it")
    source_lang = languages[0]
    head = [f"# The {lang} translation of {source}. Write the translation of each text under its",
            f"# note ({source_lang}: the source's words); remove a key to keep the source's text on the page.",
            "# Lists keep the source's order: {} keeps an item as it is. Then run onestop check."]
    body = _lines(data, shape_of(place[0]), "", source_lang)
    text = "\n".join([*head, *body, f"last_reviewed: {today.isoformat()}", ""])
    return NewFile(path, text)
