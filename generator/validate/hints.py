"""How to fix a value the schema refuses: one hint for each kind of mistake, worded from the value
the editor wrote and from the schema's own examples, so that the hint can be copied as it is
(`write 1700: a number without $ or commas`, `write 2026-09-14`, `write it as a list: [business]`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..schemas import expanded
from ..yaml_messages import quote_text
from ..yamlfile import plain_scalar

SCHEMA_HELP = "see what this key takes in your editor's help for it, or in CONTRIBUTING.md"
"""The hint when nothing better can be said."""
_DATE_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DATE_FORMATS = ("%m/%d/%Y", "%m-%d-%Y", "%Y/%m/%d", "%Y-%m-%d", "%m/%d/%y", "%B %d, %Y", "%B %d %Y", "%b %d, %Y",
                 "%b %d %Y", "%d %B %Y", "%d %b %Y", "%d.%m.%Y")
_MONEY = re.compile(r"^(?:US)?\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:USD|dollars?)?$", re.IGNORECASE)
_DAYS = re.compile(r"([0-9]+)\s*(?:business\s+|working\s+|calendar\s+)?days?\b", re.IGNORECASE)


_STARTERS = set("-?:,[]{}#&*!|>'\"%@` ")


def _plain_safe(text: str) -> bool:
    """Whether `text` reads back as itself unquoted, inside a flow list or mapping."""
    return bool(text) and text[0] not in _STARTERS and text == text.strip() and not text.endswith(":") \
        and ": " not in text and " #" not in text and not any(c in text for c in ",[]{}\n") \
        and isinstance(plain_scalar(text), str)


def flow(value: Any) -> str:
    """`value` as one line of YAML, as onestop reads it ([a, b], {text: About 30 days, max_days: 10}):
    text plain where it can be, quoted where it must."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, str):
        return value if _plain_safe(value) else quote_text(value)
    return "true" if value is True else "false" if value is False else str(value)


def example(file: str, schema: dict[str, Any]) -> Any:
    """The schema's first example (following its $ref), or None."""
    for _, node in expanded(file, schema):
        if node.get("examples"):
            return node["examples"][0]
    return None


def add_key(key: str, sample: Any) -> str:
    """The hint for a missing key: the line to add, from the schema's example."""
    if sample is None:
        return f"add a line '{key}: ...' (see the key's description in your editor or CONTRIBUTING.md)"
    if isinstance(sample, str) and "\n" in sample:
        return f"add a line '{key}: |' and, under it, indented, each line of the {key.replace('_', ' ')}"
    if isinstance(sample, list) and sample and isinstance(sample[0], dict):
        sample = sample[:1]
    return f"add a line '{key}: {flow(sample)}'"


def date_hint(text: str) -> str:
    """A date written some other way, rewritten as YYYY-MM-DD where it can be read."""
    cleaned = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        return f"write {day.isoformat()}"
    return "write it as YYYY-MM-DD, e.g. 2026-01-31"


def _url_hint(text: str, sample: Any) -> str:
    if text.lower().startswith("http://"):
        return f"write https:// instead of http://: https://{text[7:]}"
    if text.lower().startswith("www."):
        return f"add https:// in front: https://{text}"
    return f"write the full address, like {sample or 'https://www.example.gov/'}"


def pattern_hint(file: str, schema: dict[str, Any], value: Any) -> str:
    """How to write a value in the form the schema's pattern asks for."""
    pattern, sample = schema.get("pattern", ""), example(file, schema)
    text = str(value)
    if _DATE_PATTERN in pattern:
        return date_hint(text)
    if pattern.startswith("^https://"):
        return _url_hint(text, sample)
    return f"write it like '{sample}'" if sample is not None else SCHEMA_HELP


def _money_hint(value: Any, sample: Any) -> str:
    match = _MONEY.match(str(value).strip()) if isinstance(value, str) else None
    if match:
        return f"write {match.group(1).replace(',', '')}: a number without $ or commas"
    return f"write a number without $ or commas, e.g. {sample if sample is not None else 125}"


def _mapping_hint(key: str, value: Any, sample: Any) -> str:
    """A text where keys were expected (processing_time: About 30 days): the keys, with the text in."""
    if not isinstance(sample, dict):
        return "write its keys on the lines below it, each indented"
    filled = dict(sample)
    if isinstance(value, str) and "text" in filled:
        filled["text"] = value
        days = [int(n) for n in _DAYS.findall(value)]
        if days and "max_days" in filled:
            filled["max_days"] = max(days)
    return f"write it as keys: {key}: {flow(filled)}"


def type_hint(key: str, expected: list[str], value: Any, file: str, schema: dict[str, Any]) -> str:
    """How to write a value of the expected type (not for a missing value, or a number to quote)."""
    sample = example(file, schema)
    if "number" in expected or "integer" in expected:
        if isinstance(value, float) and "integer" in expected:
            return f"write a whole number, e.g. {sample if sample is not None else 10}"
        return _money_hint(value, sample)
    if "array" in expected:
        if isinstance(value, str):
            return f"write it as a list: {flow([part.strip() for part in value.split(',') if part.strip()])}"
        return "write each item on its own line, starting with '- '"
    if "object" in expected:
        if isinstance(value, list):
            return "remove the '- ' in front of its keys: it is one group of keys, not a list"
        return _mapping_hint(key, value, sample)
    if "boolean" in expected:
        return "write true or false"
    if isinstance(value, list):
        return "write the text after the colon, on the same line, not as a list"
    if isinstance(value, dict):
        return "write the text after the colon, on the same line; text with ': ' in it goes in quotes"
    return SCHEMA_HELP
