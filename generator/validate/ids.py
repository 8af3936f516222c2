"""Ids: a slug of lowercase letters, digits and single hyphens, equal to the file (or folder) name,
one file per id; look-alike letters from other scripts named by their Unicode name."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from ..load import SourceFile
from .checker import Checker

if TYPE_CHECKING:
    from . import Content

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 64

# Letters from other scripts that look like Latin ones, as editors paste them by accident.
_LOOK_ALIKES = str.maketrans("аеорсухіјѕԁɡοαντκ", "aeopcyxijsdgoavtk")


def _id_fix(value: str) -> str:
    """What to rename a bad id to: look-alikes and accents folded to a-z, the rest hyphens."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", value).lower().translate(_LOOK_ALIKES))
    ascii_only = "".join(ch for ch in folded if ch.isascii())
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:MAX_ID].strip("-") or "my-id"


def id_problem(value: str) -> tuple[str, str] | None:
    """Why `value` is not a valid id, and what to rename it to; None when it is valid."""
    if SLUG.match(value) and len(value) <= MAX_ID:
        return None
    odd = next((ch for ch in value if not ch.isascii() or not ch.isprintable()), None)
    why = ""
    if odd is not None:
        name = unicodedata.name(odd, "a control character")
        why = f"it contains '{odd}' (U+{ord(odd):04X} {name}), which is not a plain letter or digit; "
    return (f"is not a valid id: {why}use lowercase letters, digits and single hyphens, at most {MAX_ID} "
            "characters", f"rename it to '{_id_fix(value)}'")


def check_ids(source: SourceFile, check: Checker) -> None:
    """The file's own ids: its name (and its agency folder's) and any `id:` it declares."""
    for label, value in (("agency folder", source.agency_id), ("file name", source.id)):
        if value is None:
            continue
        if source.kind == "agency" and label == "file name":
            label = "agency folder"
        problem = id_problem(value)
        if problem:
            check.add((), f"{label} '{value}' {problem[0]}", problem[1])
    declared = source.data.get("id")
    if isinstance(declared, str) and declared != source.id:
        check.add(("id",), f"id '{declared}' does not match the {'folder' if source.kind == 'agency' else 'file'} "
                  f"name '{source.id}'", "make them equal, or remove the id line")


def duplicate_ids(content: Content) -> None:
    """Two files of one kind with one id."""
    seen: dict[tuple[str, str], SourceFile] = {}
    for source in content.files:
        declared = source.data.get("id") if isinstance(source.data.get("id"), str) else source.id
        key = (source.kind, f"{source.agency_id}/{declared}" if source.agency_id else declared)
        if key in seen:
            content.checkers[source.path].add(("id",) if "id" in source.data else (),
                                              f"two files have the id '{declared}': this one and {seen[key].path}",
                                              "give each file its own id")
        else:
            seen[key] = source
