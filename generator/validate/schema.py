"""A file against its JSON Schema: the compiled validator passes valid files fast, and the
located, worded problems of the others come from `jsonschema`'s errors."""

from __future__ import annotations

from jsonschema import Draft202012Validator, ValidationError

from ..load import JsonPath, SourceFile
from ..schemas import fast_validator, validator
from .checker import Checker, describe, suggest

_TYPE_WORDS = {"string": "text", "object": "a mapping of keys to values", "array": "a list",
               "number": "a number", "integer": "a whole number", "boolean": "true or false"}


def _say(check: Checker, error: ValidationError, schema_root: Draft202012Validator) -> None:
    """One schema error as the problems an editor reads."""
    path: JsonPath = tuple(error.absolute_path)
    kind, instance, schema = error.validator, error.instance, error.schema
    positions = check.positions
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        for key in [k for k in instance if k not in known]:
            guess = suggest(key, known)
            message = f"unknown key '{key}'" + (f" (did you mean '{guess}'?)" if guess else "")
            hint = None if guess else "allowed keys: " + ", ".join(known)
            # Located at the key itself, but named from its parent.
            check.add(path, message, hint, at=positions.of_key((*path, key)))
    elif kind == "required":
        # One error per missing key, each naming it in its message ("'if' is a required property").
        missing = [k for k in error.validator_value if k not in instance]
        for key in [k for k in missing if error.message.startswith(repr(k))][:1] or missing[:1]:
            check.add(path, f"missing required key '{key}'", None)
    elif kind == "type":
        expected = error.validator_value
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        hint = None
        if instance is None:
            optional = len(path) == 1 and path[0] not in schema_root.schema.get("required", ())
            hint = "write a value after the colon" + (", or remove the line" if optional else "")
        elif path in positions.plain_text and "string" in expected:
            hint = f"quote it: '{positions.plain_text[path]}'"
        check.add(path, f"expected {words}; got {describe(instance)}", hint)
    elif kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        guess = suggest(str(instance), [str(a) for a in allowed]) if isinstance(instance, str) else None
        check.add(path, f"expected one of {', '.join(map(str, allowed))}; got {describe(instance)}",
                  f"did you mean '{guess}'?" if guess else None)
    elif kind == "minItems":
        check.add(path, "must not be empty" if error.validator_value == 1
                  else f"must have at least {error.validator_value} items",
                  "add an item, or remove the key")
    elif kind == "maxItems":
        check.add(path, f"lists {len(instance):,} items; at most {error.validator_value:,} are allowed",
                  schema.get("x-hint"))
    elif kind == "uniqueItems":
        check.add(path, "lists the same item more than once", "remove the repeated item")
    elif kind == "minimum":
        check.add(path, f"must be {error.validator_value} or more; got {describe(instance)}")
    elif kind == "maximum":
        check.add(path, f"must be {error.validator_value:,} or less; got {describe(instance)}")
    elif "x-error" in schema and kind in ("pattern", "anyOf", "minLength", "maxLength"):
        got = "" if kind == "anyOf" else f"; got {describe(instance)}"
        check.add(path, f"{schema['x-error']}{got}")
    else:  # a schema keyword without a tailored message; still located and named
        check.add(path, error.message)


def schema_check(check: Checker, data: object, schema: Draft202012Validator) -> bool:
    """Whether `data` matches `schema`; each way it does not, said through `check`."""
    before = len(check.problems)
    for error in schema.iter_errors(data):
        # if/then branches of channels report from inside the branch; "if" itself is silent.
        if error.validator in ("if", "allOf"):
            for sub in error.context or []:
                _say(check, sub, schema)
            continue
        _say(check, error, schema)
    # Each problem once: jsonschema reports a missing key once per key, each error naming them all.
    said = check.problems[before:]
    check.problems[before:] = list(dict.fromkeys(said))
    return len(check.problems) == before


def content_schema_check(source: SourceFile, check: Checker) -> bool:
    """A content file against its kind's schema: the compiled validator first, for speed."""
    fast = fast_validator(source.kind)
    if fast.is_valid(source.data):
        return True
    if schema_check(check, source.data, validator(source.kind)):
        # The two validators disagree (tests/hostile/test_schema.py holds them equal): never let a
        # file through unexplained; say what the compiled one found, where it found it.
        for error in fast.iter_errors(source.data):
            check.add(tuple(error.instance_path), error.message,
                      "the checker's two schema validators disagree about this value: please report it")
    return False
