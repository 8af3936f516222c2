"""A file against its JSON Schema: the compiled validator passes valid files fast, and the
located, worded problems of the others come from `jsonschema`'s errors, each with a hint (hints.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from ..load import JsonPath, SourceFile
from ..schemas import SCHEMA_FILES, fast_validator, key_homes, validator
from . import hints
from .checker import Checker, describe, format_path, suggest

_TYPE_WORDS = {"string": "text", "object": "a mapping of keys to values", "array": "a list",
               "number": "a number", "integer": "a whole number", "boolean": "true or false"}


def error_words(schema: dict[str, Any]) -> str | None:
    """What the schema says a value must be, for editors' language servers and the checker alike."""
    return schema.get("patternErrorMessage") or schema.get("errorMessage") or schema.get("x-error")


class _Say:
    """Says one schema error of one file through its checker."""

    def __init__(self, check: Checker, root: Draft202012Validator, kind: str | None):
        self.check, self.root, self.kind = check, root, kind
        self.file = SCHEMA_FILES.get(kind or "", "common.schema.json")

    def __call__(self, error: ValidationError) -> None:
        handler = _HANDLERS.get(error.validator, _Say.other)
        handler(self, error, tuple(error.absolute_path))

    def unknown_keys(self, error: ValidationError, path: JsonPath) -> None:
        known = list(error.schema.get("properties", {}))
        homes = key_homes(self.kind) if self.kind else {}
        here = format_path(p for p in path if isinstance(p, str))
        for key in [k for k in error.instance if k not in known]:
            at = self.check.positions.of_key((*path, key))  # located at the key itself, named from its parent
            places = homes.get(key, ())
            if places and here not in places:
                where = " or ".join(f"under {p}" if p else "at the top level of the file" for p in places)
                hint = ("start it at the beginning of the line, with no spaces before it" if "" in places
                        else f"move it under {places[0]}:, lined up with the other keys there")
                self.check.add(path, f"key '{key}' is not allowed here: it belongs {where}", hint, at=at)
                continue
            guess = suggest(key, known)
            self.check.add(path, f"unknown key '{key}'", f"did you mean '{guess}'?" if guess
                           else "allowed keys: " + ", ".join(known), at=at)

    def required(self, error: ValidationError, path: JsonPath) -> None:
        properties = error.schema.get("properties", {})
        # One error per missing key, each naming it in its message ("'if' is a required property").
        missing = [k for k in error.validator_value if k not in error.instance]
        for key in [k for k in missing if error.message.startswith(repr(k))][:1] or missing[:1]:
            sample = hints.example(self.file, properties[key]) if key in properties else None
            self.check.add(path, f"missing required key '{key}'", hints.add_key(key, sample))

    def type(self, error: ValidationError, path: JsonPath) -> None:
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        instance, plain = error.instance, self.check.positions.plain_text.get(path)
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        if instance is None:
            optional = len(path) == 1 and path[0] not in self.root.schema.get("required", ())
            hint = "write a value after the colon" + (", or remove the line" if optional else "")
        elif plain is not None and "string" in expected and self.root.evolve(schema=error.schema).is_valid(plain):
            hint = f"quote it: '{plain}'"
        elif "string" in expected and error.schema.get("pattern", "\\S") != "\\S" and error_words(error.schema):
            # a form of text (website: 5550103000, a reference as a mapping): say what the text must be
            words = str(error_words(error.schema)).removeprefix("expected ")
            hint = hints.pattern_hint(self.file, error.schema, plain if plain is not None else instance)
        else:
            hint = hints.type_hint(key, expected, instance, self.file, error.schema)
        self.check.add(path, f"expected {words}; got {describe(instance)}", hint)

    def enum(self, error: ValidationError, path: JsonPath) -> None:
        allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
        instance = error.instance
        guess = suggest(str(instance), [str(a) for a in allowed]) if isinstance(instance, str) else None
        self.check.add(path, f"expected one of {', '.join(map(str, allowed))}; got {describe(instance)}",
                       f"did you mean '{guess}'?" if guess else "write one of these words, exactly as written")

    def min_items(self, error: ValidationError, path: JsonPath) -> None:
        self.check.add(path, "must not be empty" if error.validator_value == 1
                       else f"must have at least {error.validator_value} items", "add an item, or remove the key")

    def max_items(self, error: ValidationError, path: JsonPath) -> None:
        self.check.add(path, f"lists {len(error.instance):,} items; at most {error.validator_value:,} are allowed",
                       error.schema.get("x-hint") or "remove the items you need least")

    def unique(self, error: ValidationError, path: JsonPath) -> None:
        self.check.add(path, "lists the same item more than once", "remove the repeated item")

    def minimum(self, error: ValidationError, path: JsonPath) -> None:
        self.check.add(path, f"must be {error.validator_value} or more; got {describe(error.instance)}",
                       f"write a number of {error.validator_value} or more")

    def maximum(self, error: ValidationError, path: JsonPath) -> None:
        self.check.add(path, f"must be {error.validator_value:,} or less; got {describe(error.instance)}",
                       f"write a number of at most {error.validator_value:,}")

    def worded(self, error: ValidationError, path: JsonPath) -> None:
        """A pattern, length or anyOf rule whose schema says in words what it takes."""
        words = error_words(error.schema)
        if words is None:
            self.other(error, path)
            return
        if error.validator == "anyOf":
            self.check.add(path, words, error.schema.get("x-hint") or "add one of them as a key under this one")
        elif error.validator == "pattern":
            self.check.add(path, f"{words}; got {describe(error.instance)}",
                           hints.pattern_hint(self.file, error.schema, error.instance))
        else:
            self.check.add(path, f"{words}; got {describe(error.instance)}", "write the text, or remove the line")

    def other(self, error: ValidationError, path: JsonPath) -> None:
        """A schema keyword without a tailored message; still located and named."""
        self.check.add(path, error.message, hints.SCHEMA_HELP)


_HANDLERS: dict[str, Callable[[_Say, ValidationError, JsonPath], None]] = {
    "additionalProperties": _Say.unknown_keys, "required": _Say.required, "type": _Say.type, "enum": _Say.enum,
    "const": _Say.enum, "minItems": _Say.min_items, "maxItems": _Say.max_items, "uniqueItems": _Say.unique,
    "minimum": _Say.minimum, "maximum": _Say.maximum, "pattern": _Say.worded, "anyOf": _Say.worded,
    "minLength": _Say.worded, "maxLength": _Say.worded,
}


def schema_check(check: Checker, data: object, schema: Draft202012Validator, kind: str | None = None) -> bool:
    """Whether `data` matches `schema`; each way it does not, said through `check`."""
    before = len(check.problems)
    say = _Say(check, schema, kind)
    for error in schema.iter_errors(data):
        # if/then branches of channels report from inside the branch; "if" itself is silent.
        if error.validator in ("if", "allOf"):
            for sub in error.context or []:
                say(sub)
            continue
        say(error)
    # Each problem once: jsonschema reports a missing key once per key, each error naming them all.
    said = check.problems[before:]
    check.problems[before:] = list(dict.fromkeys(said))
    return len(check.problems) == before


def content_schema_check(source: SourceFile, check: Checker) -> bool:
    """A content file against its kind's schema: the compiled validator first, for speed."""
    fast = fast_validator(source.kind)
    if fast.is_valid(source.data):
        return True
    if schema_check(check, source.data, validator(source.kind), source.kind):
        # The two validators disagree (tests/hostile/test_schema.py holds them equal): never let a
        # file through unexplained; say what the compiled one found, where it found it.
        for error in fast.iter_errors(source.data):
            check.add(tuple(error.instance_path), error.message,
                      "the checker's two schema validators disagree about this value: please report it")
    return False
