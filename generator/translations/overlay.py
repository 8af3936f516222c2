"""A translated copy of an entity: the translation's text where it has some, and everywhere else the
source's text, marked as still in the source language (`Foreign`)."""

from __future__ import annotations

import dataclasses
from typing import Any

from markupsafe import escape

from ..load import JsonPath, Kind
from .fields import ANY, OWN_LISTS, PROPER_NAMES, TEXT_FIELDS


class Foreign(str):
    """Text in another language than its page's (a translation left it out). It knows its language
    and prints itself, in a template, inside an element that says so (`lang`), as screen readers and
    search engines need; its value is the text itself, so everything else treats it as text."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Foreign:
        value = super().__new__(cls, text)
        value.lang = lang
        return value

    def __html__(self) -> str:
        return f'<span lang="{self.lang}">{escape(str(self))}</span>'


def _mark(value: Any, lang: str) -> Any:
    """Every text in `value` marked as `lang`."""
    if isinstance(value, str):
        return value if isinstance(value, Foreign) else Foreign(value, lang)
    if isinstance(value, tuple):
        return tuple(_mark(v, lang) for v in value)
    return value


def _apply(value: Any, pattern: JsonPath, text: Any, source_lang: str) -> tuple[Any, bool]:
    """`value` with the translated `text` at `pattern` (or the source's, marked); and whether all of
    it is translated."""
    if not pattern:
        if isinstance(text, str) and text:
            return text, True
        if isinstance(text, list) and isinstance(value, tuple) and all(isinstance(t, str) for t in text):
            return tuple(text), True
        return _mark(value, source_lang), value is None or value == () or value == ""
    step, rest = pattern[0], pattern[1:]
    if value is None:
        return None, True
    if step == ANY:
        items = text if isinstance(text, list) else []
        done = True
        out = []
        for i, item in enumerate(value):
            translated, complete = _apply(item, rest, items[i] if i < len(items) else None, source_lang)
            out.append(translated)
            done = done and complete
        return tuple(out), done
    inner = text.get(step) if isinstance(text, dict) else None
    current = getattr(value, step)
    translated, complete = _apply(current, rest, inner, source_lang)
    return dataclasses.replace(value, **{step: translated}), complete


def translate(entity: Any, kind: Kind, data: dict[str, Any] | None, source_lang: str) -> tuple[Any, bool]:
    """A copy of `entity` with the translation `data` (a translation file's mapping; None: no
    translation) put in; and whether every text the kind may translate is translated."""
    complete = True
    for pattern in TEXT_FIELDS[kind]:
        if pattern[0] in OWN_LISTS:
            own = data.get(pattern[0]) if data else None
            if isinstance(own, list):
                entity = dataclasses.replace(entity, **{pattern[0]: tuple(own)})
            else:
                entity = dataclasses.replace(entity, **{pattern[0]: _mark(getattr(entity, pattern[0]), source_lang)})
            continue
        if not hasattr(entity, pattern[0]):  # a field this version of the model does not have
            continue
        entity, done = _apply(entity, pattern, data, source_lang)
        complete = complete and (done or pattern in PROPER_NAMES.get(kind, frozenset()))
    return entity, complete
