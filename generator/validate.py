"""Stage 2, validate: the JSON Schema of each file, then the contract's cross-file rules.

Every problem in every file is collected; nothing stops at the first. Messages follow one
pattern: the key path, what was expected, what was found; then a hint where one helps.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from .graph import find_cycles
from .load import FileId, JsonPath, SourceFile
from .problems import Problem, Severity
from .readability import reading_grade
from .schemas import fast_validator, validator

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 64
MAX_TITLE = 80
MAX_SUMMARY = 200
MAX_GRADE = 9.0
REVIEW_MONTHS = 12

_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
# Labels are bounded (CommonMark allows 999 characters): an unbounded one made this quadratic.
_MD_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\[\]]{1,999}\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ALLOWED_LINK = re.compile(r"^(?:https://|mailto:|tel:)", re.IGNORECASE)


def format_path(path: Iterable[str | int]) -> str:
    """('channels', 0, 'type') -> 'channels[0].type'"""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = str(value)
        return f"the number {text if len(text) <= 20 else text[:17] + '...'}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, list):
        return "a list"
    return "a mapping"


_TYPE_WORDS = {"string": "text", "object": "a mapping of keys to values", "array": "a list",
               "number": "a number", "integer": "a whole number", "boolean": "true or false"}


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


@dataclass
class _Checker:
    source: SourceFile
    problems: list[Problem]

    def add(self, path: JsonPath, message: str, hint: str | None = None, *, key: bool = False,
            severity: Severity = Severity.ERROR, at: tuple[int, int] | None = None) -> None:
        positions = self.source.positions
        line, col = at or (positions.of_key(path) if key else positions.of_value(path))
        where = format_path(path)
        self.problems.append(Problem(self.source.path, line, col, severity,
                                     f"{where}: {message}" if where else message, hint))

    def warn(self, path: JsonPath, message: str, hint: str | None = None, **kw: Any) -> None:
        self.add(path, message, hint, severity=Severity.WARNING, **kw)


def _schema_problems(check: _Checker, error: ValidationError) -> None:
    path: JsonPath = tuple(error.absolute_path)
    kind, instance, schema = error.validator, error.instance, error.schema
    positions = check.source.positions
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        for key in [k for k in instance if k not in known]:
            guess = _suggest(key, known)
            message = f"unknown key '{key}'" + (f" (did you mean '{guess}'?)" if guess else "")
            hint = None if guess else "allowed keys: " + ", ".join(known)
            # Located at the key itself, but named from its parent.
            line, col = positions.of_key((*path, key))
            check.add(path, message, hint, at=(line, col))
    elif kind == "required":
        for key in [k for k in error.validator_value if k not in instance]:
            check.add(path, f"missing required key '{key}'", None)
    elif kind == "type":
        expected = error.validator_value
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        hint = None
        if instance is None:
            optional = len(path) == 1 and path[0] not in validator(check.source.kind).schema.get("required", ())
            hint = "write a value after the colon" + (", or remove the line" if optional else "")
        elif path in positions.plain_text and "string" in expected:
            hint = f"quote it: '{positions.plain_text[path]}'"
        check.add(path, f"expected {words}; got {_describe(instance)}", hint)
    elif kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        guess = _suggest(str(instance), [str(a) for a in allowed]) if isinstance(instance, str) else None
        check.add(path, f"expected one of {', '.join(map(str, allowed))}; got {_describe(instance)}",
                  f"did you mean '{guess}'?" if guess else None)
    elif kind == "minItems":
        check.add(path, "must not be empty" if error.validator_value == 1
                  else f"must have at least {error.validator_value} items",
                  "add an item, or remove the key")
    elif kind == "uniqueItems":
        check.add(path, "lists the same item more than once", "remove the repeated item")
    elif kind == "minimum":
        check.add(path, f"must be {error.validator_value} or more; got {_describe(instance)}")
    elif kind == "maximum":
        check.add(path, f"must be {error.validator_value:,} or less; got {_describe(instance)}")
    elif "x-error" in schema and kind in ("pattern", "anyOf", "minLength", "maxLength"):
        got = "" if kind == "anyOf" else f"; got {_describe(instance)}"
        check.add(path, f"{schema['x-error']}{got}")
    else:  # a schema keyword without a tailored message; still located and named
        check.add(path, error.message)


def _schema_check(source: SourceFile, problems: list[Problem], schema: Draft202012Validator | None = None) -> bool:
    if schema is None and fast_validator(source.kind).is_valid(source.data):
        return True
    check = _Checker(source, problems)
    before = len(problems)
    for error in (schema or validator(source.kind)).iter_errors(source.data):
        # if/then branches of channels report from inside the branch; "if" itself is silent.
        if error.validator in ("if", "allOf"):
            for sub in error.context or []:
                _schema_problems(check, sub)
            continue
        _schema_problems(check, error)
    if len(problems) == before:
        if schema is not None:
            return True
        # The two validators disagree: never let a file through unexplained.
        check.add((), "file does not match its schema", "run onestop check with the latest version")
    return False


# Markdown fields of each kind, as (path pattern) generators over the data.
def schema_problems(source: SourceFile, schema: Draft202012Validator) -> list[Problem]:
    """Problems of a file that is not content (e.g. onestop.yml) against its own schema."""
    problems: list[Problem] = []
    _schema_check(source, problems, schema)
    return problems


def markdown_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    data = source.data

    def text(path: JsonPath, value: Any) -> Iterator[tuple[JsonPath, str]]:
        if isinstance(value, str):
            yield path, value

    yield from text(("description",), data.get("description"))
    if source.kind == "service":
        for key in ("eligibility", "documents"):
            items = data.get(key)
            if isinstance(items, list):
                for i, item in enumerate(items):
                    yield from text((key, i), item)
    if source.kind == "journey":
        steps = data.get("steps")
        if isinstance(steps, list):
            for i, step in enumerate(steps):
                if isinstance(step, dict):
                    yield from text(("steps", i, "description"), step.get("description"))


def url_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    """Every web address field of a file (the schema checks their form; this checks entities)."""
    data = source.data
    if source.kind == "agency" and isinstance(data.get("website"), str):
        yield ("website",), data["website"]
    if source.kind == "service":
        for key in ("channels", "legal_basis"):
            items = data.get(key)
            for i, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict) and isinstance(item.get("url"), str):
                    yield (key, i, "url"), item["url"]


def _check_entities(check: _Checker, path: JsonPath, value: str) -> bool:
    """An HTML entity that decodes to markup ('&lt;script') is refused: it is an attack, not text."""
    decoded = html.unescape(value)
    if decoded == value or not _RAW_HTML.search(decoded):
        return False
    entities = (m.group(0) for m in re.finditer(r"&#?\w+;?", value) if html.unescape(m.group(0)) != m.group(0))
    snippet = next(entities, value[:20])
    check.add(path, f"HTML entity that decodes to markup is not allowed: '{snippet}'",
              "write the character itself, or describe it in words", at=check.source.positions.locate(path, snippet))
    return True


def plain_text_fields(source: SourceFile) -> Iterator[tuple[JsonPath, str]]:
    """Every other text value: titles, summaries, notes, addresses, keywords, and so on."""
    skip = {path for path, _ in markdown_fields(source)} | {path for path, _ in url_fields(source)}

    def walk(path: JsonPath, value: Any) -> Iterator[tuple[JsonPath, str]]:
        if isinstance(value, str) and path not in skip:
            yield path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk((*path, key), item)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk((*path, i), item)

    yield from walk((), source.data)


def _check_plain_text(check: _Checker, path: JsonPath, value: str) -> None:
    """Plain text is shown as text, but themes put titles and summaries into <title>, <meta> and
    navigation without escaping: markup there is refused, as in Markdown ('<' before a space is fine)."""
    tag = _RAW_HTML.search(value)
    if tag:
        snippet = value[tag.start(): tag.start() + 20].split("\n")[0]
        check.add(path, f"HTML is not allowed in plain text: '{snippet}'", "write the words without HTML tags",
                  at=check.source.positions.locate(path, snippet))
    else:
        _check_entities(check, path, value)


def _check_markdown(check: _Checker, path: JsonPath, value: str) -> None:
    positions = check.source.positions
    tag = _RAW_HTML.search(value)
    if tag:
        snippet = value[tag.start(): tag.start() + 20].split("\n")[0]
        check.add(path, f"raw HTML is not allowed: '{snippet}'",
                  "agency text is Markdown only: write **bold**, lists and [link text](https://...)",
                  at=positions.locate(path, snippet))
    else:
        _check_entities(check, path, value)
    for url in [*_MD_LINK.findall(value), *_MD_REF_DEF.findall(value)]:
        if url and not _ALLOWED_LINK.match(html.unescape(url).strip()):
            check.add(path, f"link '{url[:60]}' must start with https://, mailto: or tel:",
                      "use the full https:// address of the page", at=positions.locate(path, url[:30]))


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


def _check_ids(source: SourceFile, check: _Checker) -> None:
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


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _check_text_quality(check: _Checker, data: dict[str, Any], grades: Mapping[str, float]) -> None:
    title, summary = data.get("title"), data.get("summary")
    if isinstance(title, str) and len(title) > MAX_TITLE:
        check.warn(("title",), f"title is {len(title)} characters; keep it to {MAX_TITLE}",
                   "say what the citizen does, starting with a verb")
    if isinstance(summary, str):
        if len(summary) > MAX_SUMMARY:
            check.warn(("summary",), f"summary is {len(summary)} characters; keep it to {MAX_SUMMARY}",
                       "one sentence; put detail in description")
        grade = grades[summary]
        if grade > MAX_GRADE:
            check.warn(("summary",), f"summary reads at US grade {grade:.1f}; aim for grade {MAX_GRADE:.0f} or below",
                       "use shorter sentences and everyday words")


class _GradeOnDemand(Mapping[str, float]):
    """Grades computed here, one by one, when the caller has none ready."""

    def __getitem__(self, text: str) -> float:
        return _cached_grade(text)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@functools.cache  # pure; live preview re-checks the same summaries on every save
def _cached_grade(text: str) -> float:
    return reading_grade(text)


@dataclass(frozen=True)
class ValidationResult:
    problems: list[Problem]
    valid: list[SourceFile]
    """Files that passed their schema (cross-file rules ran on them)."""


@dataclass(frozen=True)
class FileCheck:
    """The rules that read one file alone: its ids, its schema, its Markdown, addresses and text."""

    source: SourceFile
    problems: list[Problem]
    schema_valid: bool


def check_file(source: SourceFile) -> FileCheck:
    problems: list[Problem] = []
    check = _Checker(source, problems)
    _check_ids(source, check)
    schema_valid = _schema_check(source, problems)
    for path, value in markdown_fields(source):
        _check_markdown(check, path, value)
    for path, value in url_fields(source):
        _check_entities(check, path, value)
    for path, value in plain_text_fields(source):
        _check_plain_text(check, path, value)
    return FileCheck(source, problems, schema_valid)


def validate(files: list[SourceFile], today: dt.date, discovered: list[FileId] | None = None,
             grades: Mapping[str, float] | None = None,
             file_checks: dict[str, FileCheck] | None = None) -> ValidationResult:
    """Check `files`; refs may point at any of `discovered` (files found but maybe unreadable).
    `grades` maps summaries to reading grades (see readability.GradeWorker); read last, so that
    they can be computed meanwhile. `file_checks` (live preview) keeps each file's own results
    between checks, reused while the file is the same parsed object (see load.LoadCache)."""
    problems: list[Problem] = []
    valid: list[SourceFile] = []
    checkers = {f.path: _Checker(f, problems) for f in files}
    for source in files:
        remembered = file_checks.get(source.path) if file_checks is not None else None
        if remembered is not None and remembered.source is source:
            own = remembered
        else:
            own = check_file(source)
            if file_checks is not None:
                file_checks[source.path] = own
        problems += own.problems
        if own.schema_valid:
            valid.append(source)

    # Refs resolve against every file found, valid, invalid or unreadable, so that one broken
    # file is reported once and not again at every reference to it.
    found = discovered if discovered is not None else [FileId(f.kind, f.id, f.agency_id) for f in files]
    agencies = {f.id for f in found if f.kind == "agency"}
    services = {f"{f.agency_id}/{f.id}": f for f in files if f.kind == "service"}
    service_refs = {f.ref for f in found if f.kind == "service"}
    journeys = {f.id for f in found if f.kind == "journey"}

    seen: dict[tuple[str, str], SourceFile] = {}
    for source in files:
        declared = source.data.get("id") if isinstance(source.data.get("id"), str) else source.id
        key = (source.kind, f"{source.agency_id}/{declared}" if source.agency_id else declared)
        if key in seen:
            checkers[source.path].add(("id",) if "id" in source.data else (),
                                      f"two files have the id '{declared}': this one and {seen[key].path}",
                                      "give each file its own id")
        else:
            seen[key] = source

    def check_ref(check: _Checker, path: JsonPath, ref: Any, known: Iterable[str], what: str) -> None:
        if isinstance(ref, str) and ref not in known:
            guess = _suggest(ref, [k for k in known if all(SLUG.match(part) for part in k.split("/"))])
            hint = f"did you mean '{guess}'?" if guess else None
            if what == "service" and "/" in ref and ref.split("/")[0] not in agencies:
                hint = hint or f"there is no agency '{ref.split('/')[0]}'"
            check.add(path, f"unknown {what} '{ref}'", hint)

    for source in valid:
        check, data = checkers[source.path], source.data
        if source.kind == "service":
            for key in ("requires", "related"):
                for i, ref in enumerate(data.get(key, [])):
                    check_ref(check, (key, i), ref, service_refs, "service")
                    if ref == f"{source.agency_id}/{source.id}" and key == "related":
                        check.warn((key, i), "a service is not related to itself", "remove this line")
            reviewed = _parse_date(data["last_reviewed"])
            if reviewed is None:
                check.add(("last_reviewed",), f"'{data['last_reviewed']}' is not a real date",
                          "write it as YYYY-MM-DD, e.g. 2026-01-31")
            elif reviewed > today:
                check.warn(("last_reviewed",), f"last_reviewed {reviewed} is in the future",
                           f"use the date the page was checked, on or before {today}")
            elif reviewed < months_before(today, REVIEW_MONTHS):
                check.warn(("last_reviewed",), f"last reviewed {reviewed}, over {REVIEW_MONTHS} months ago",
                           "check the page with the agency and update last_reviewed")
        if source.kind == "journey":
            for i, step in enumerate(data["steps"]):
                for j, ref in enumerate(step.get("services", [])):
                    check_ref(check, ("steps", i, "services", j), ref, service_refs, "service")
                if step.get("choose") == "one" and len(step.get("services", [])) < 2:
                    check.add(("steps", i, "choose"), "choose: one needs at least two services to choose from",
                              "list the alternatives under services, or remove choose")
            for i, ref in enumerate(data.get("related_journeys", [])):
                check_ref(check, ("related_journeys", i), ref, journeys, "journey")
                if ref == source.id:
                    check.warn(("related_journeys", i), "a journey is not related to itself", "remove this line")

    _check_cycles([f for f in valid if f.kind == "service"], checkers, services)
    _check_journey_order([f for f in valid if f.kind == "journey"], checkers, services)

    # Count uses from every journey that loaded, even one with errors, so a broken
    # journey does not also make each of its services an "orphan".
    # A journey that could not be read at all may use any service: then no service is called an orphan.
    used = {ref for f in files if f.kind == "journey" for ref in _refs_in_steps(f.data.get("steps"))}
    unread = len(journeys) > sum(1 for f in files if f.kind == "journey")
    valid_paths = {f.path for f in valid}
    for ref, source in services.items():
        named_badly = id_problem(source.id) or id_problem(source.agency_id or "")
        if source.path in valid_paths and ref not in used and not unread and not named_badly:
            checkers[source.path].warn((), f"service '{ref}' is not part of any journey",
                                       "add it to a step in journeys/, so citizens find it on their way")
    for source in valid:
        if source.kind in ("service", "journey"):
            _check_text_quality(checkers[source.path], source.data, grades or _GradeOnDemand())
    problems.sort(key=lambda p: (p.path, p.line, p.col, p.message))
    return ValidationResult(problems, valid)


def _refs_in_steps(steps: Any) -> Iterator[Any]:
    for step in steps if isinstance(steps, list) else []:
        services = step.get("services") if isinstance(step, dict) else None
        yield from (s for s in services if isinstance(s, str)) if isinstance(services, list) else ()


def _check_cycles(services: list[SourceFile], checkers: dict[str, _Checker],
                  known: dict[str, SourceFile]) -> None:
    edges = {f"{f.agency_id}/{f.id}": [r for r in f.data.get("requires", []) if r in known] for f in services}
    for cycle in find_cycles(edges):
        source = known[cycle[0]]
        index = source.data["requires"].index(cycle[1] if len(cycle) > 1 else cycle[0])
        checkers[source.path].add(("requires", index), "requires forms a cycle: " + " -> ".join([*cycle, cycle[0]]),
                                  "a service cannot need itself, even through others; remove one link")


def _check_journey_order(journeys: list[SourceFile], checkers: dict[str, _Checker],
                         known: dict[str, SourceFile]) -> None:
    for journey in journeys:
        step_of: dict[str, int] = {}
        for i, step in enumerate(journey.data["steps"]):
            for ref in step.get("services", []):
                step_of.setdefault(ref, i)
        for i, step in enumerate(journey.data["steps"]):
            for j, ref in enumerate(step.get("services", [])):
                requires = known[ref].data.get("requires") if ref in known else None
                for needed in requires if isinstance(requires, list) else []:
                    if isinstance(needed, str) and needed in step_of and step_of[needed] >= i:
                        checkers[journey.path].warn(
                            ("steps", i, "services", j),
                            f"step {i + 1} lists '{ref}' before its prerequisite '{needed}' "
                            f"(step {step_of[needed] + 1})",
                            f"move '{needed}' to an earlier step")
