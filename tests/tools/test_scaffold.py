"""`onestop new`: skeletons whose notes are the schema's own, that pass once filled in."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, RIVERTON, TODAY, copy_site
from generator.load import parse_yaml
from generator.pipeline import check
from generator.schemas import SCHEMA_FILES, validator
from generator.tools.repository import repository_problems
from generator.tools.scaffold import ScaffoldError, _resolve, plan, schema_ref


def onestop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(RIVERTON, tmp_path / "repo")


def _problems(root: Path, repository: bool = False) -> list[str]:
    result = check(root, TODAY)
    if repository:
        result = result.with_problems(repository_problems(root, result.site))
    return [p.format_text() for p in result.problems]


# -- onestop new

def _examples() -> dict[str, Any]:
    """The first example the schemas give for each key name (what an editor would copy)."""
    found: dict[str, Any] = {}

    def walk(node: Any, doc: str) -> None:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                examples = sub.get("examples") or _resolve(sub, doc).get("examples")
                if examples and key not in found:
                    found[key] = examples[0]
            for value in node.values():
                walk(value, doc)
        elif isinstance(node, list):
            for value in node:
                walk(value, doc)

    for kind in ("service", "journey", "agency", "question"):
        walk(validator(kind).schema, SCHEMA_FILES[kind])
    return found


def _empty_keys(text: str) -> list[tuple[int, str]]:
    """(line index, key) of each key with no value and nothing nested under it."""
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines):
        match = re.match(r"^(\s*)(- )?([a-z_]+):$", line)
        if not match:
            continue
        indent = len(match.group(1)) + len(match.group(2) or "")
        following = [x for x in lines[i + 1:] if x.strip() and not x.lstrip().startswith("#")]
        if not following or len(following[0]) - len(following[0].lstrip()) <= indent:
            found.append((i, match.group(3)))
    return found


def _fill(text: str, values: dict[str, Any]) -> str:
    """Give each empty key of a skeleton a value, and change nothing else."""
    lines = text.splitlines()
    for i, key in _empty_keys(text):
        lines[i] += " " + json.dumps(values[key])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("kind", "name", "path", "schema"), [
    ("service", "riverton-clerk/get-dog-license", "agencies/riverton-clerk/services/get-dog-license.yml",
     "../../../generator/schemas/service.schema.json"),
    ("journey", "get-a-dog", "journeys/get-a-dog.yml", "../generator/schemas/journey.schema.json"),
    ("agency", "riverton-parks", "agencies/riverton-parks/agency.yml", "../../generator/schemas/agency.schema.json"),
])
def test_skeleton_parses_names_its_schema_and_passes_once_filled(repo, kind, name, path, schema):
    (repo / "generator/schemas").mkdir(parents=True)  # as in this repository: the schemas beside the content
    for f in (REPO / "generator/schemas").glob("*.json"):
        (repo / "generator/schemas" / f.name).write_text(f.read_text())
    new = plan(repo, kind, name, TODAY)
    assert new.path == path
    assert new.text.splitlines()[0] == f"# yaml-language-server: $schema={schema}"
    assert (repo / Path(path).parent / schema).resolve() == (repo / "generator/schemas" / f"{kind}.schema.json")
    data, _ = parse_yaml(new.text.encode())
    for key in set(validator(kind).schema["properties"]) - {"id"}:  # every key offered, in use or commented out
        assert re.search(rf"^(# )?\s*{key}:", new.text, re.MULTILINE), key
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(new.text)
    unfilled = [p for p in _problems(repo) if p.startswith(path)]
    empty = _empty_keys(new.text)
    assert len(unfilled) == len(empty) and all("got nothing" in p for p in unfilled), unfilled

    filled = _fill(new.text, _examples())
    (repo / path).write_text(filled)
    if kind == "service":  # a new service belongs in a journey step
        journey = repo / "journeys/open-a-shop.yml"
        journey.write_text(journey.read_text().replace("services: [riverton-clerk/get-sign-permit]",
                                                       "services: [riverton-clerk/get-sign-permit]\n"
                                                       "  - title: License your dog\n"
                                                       "    services: [riverton-clerk/get-dog-license]"))
    assert _problems(repo) == []
    assert data is not None


def test_question_skeleton_says_what_to_fill_in_and_passes_once_filled_and_asked(repo):
    (repo / "generator/schemas").mkdir(parents=True)
    for f in (REPO / "generator/schemas").glob("*.json"):
        (repo / "generator/schemas" / f.name).write_text(f.read_text())
    new = plan(repo, "question", "premises", TODAY)
    assert new.path == "questions/premises.yml"
    assert new.text.splitlines()[0] == "# yaml-language-server: $schema=../generator/schemas/question.schema.json"
    assert "# type: yes_no" in new.text and "# hint: Some cities and counties have their own licenses" in new.text
    (repo / new.path).write_text(new.text)
    lines = new.text.splitlines()
    at = [i for i, line in enumerate(lines, 1) if re.match(r"^\s*(- )?(text|id|label):$", line)]
    assert [p for p in _problems(repo) if p.startswith(new.path)] == [
        f"{new.path}:{at[0]}:6: error: text: expected text; got nothing (hint: write a value after the colon)",
        f"{new.path}:{at[1]}:8: error: options[0].id: expected text; got nothing (hint: write a value after the colon)",
        f"{new.path}:{at[2]}:11: error: options[0].label: expected text; got nothing "
        "(hint: write a value after the colon)",
        f"{new.path}:{at[3]}:8: error: options[1].id: expected text; got nothing (hint: write a value after the colon)",
        f"{new.path}:{at[4]}:11: error: options[1].label: expected text; got nothing "
        "(hint: write a value after the colon)",
    ]
    values = iter(["Where will you trade?", "shop", "In a shop", "market", "At a market"])
    for i in at:
        lines[i - 1] += " " + next(values)
    (repo / new.path).write_text("\n".join(lines) + "\n")
    assert _problems(repo) == [f"{new.path}:{at[0]}:1: warning: question 'premises' is not asked by any journey "
                               "(hint: add it to the questions: of a journey, or remove the file)"]
    journey = repo / "journeys/open-a-shop.yml"
    journey.write_text(journey.read_text().replace("questions: [setup, sign]", "questions: [setup, sign, premises]")
                       .replace("    services: [riverton-clerk/get-business-license]",
                                "    if: {premises: shop}\n    services: [riverton-clerk/get-business-license]"))
    assert _problems(repo) == []


def test_unfilled_service_skeleton_says_what_to_fill_in(repo):
    new = plan(repo, "service", "riverton-clerk/get-dog-license", TODAY, "https://hub.example.gov/")
    (repo / new.path).write_text(new.text)
    lines = new.text.splitlines()
    where = {key: next(i for i, line in enumerate(lines, 1) if re.match(rf"^\s*(- )?{key}:$", line))
             for key in ("title", "summary", "audience", "url")}
    assert [p for p in _problems(repo) if p.startswith(new.path)] == [
        f"{new.path}:{where['title']}:7: error: title: expected text; got nothing (hint: write a value after the colon)",
        f"{new.path}:{where['summary']}:9: error: summary: expected text; got nothing "
        "(hint: write a value after the colon)",
        f"{new.path}:{where['audience']}:10: error: audience: expected a list; got nothing "
        "(hint: write a value after the colon)",
        f"{new.path}:{where['url']}:9: error: channels[0].url: expected text; got nothing "
        "(hint: write a value after the colon)",
    ]
    assert "last_reviewed: 2026-11-28" in lines


def test_schema_line_points_at_the_published_schema_without_a_local_copy(repo):
    assert schema_ref(repo, "journeys/x.yml", "journey", "https://hub.riverton.example.gov/") == (
        "https://hub.riverton.example.gov/schemas/journey.schema.json")
    with pytest.raises(ScaffoldError):
        schema_ref(repo, "journeys/x.yml", "journey", None)


@pytest.mark.parametrize(("kind", "name", "message", "hint"), [
    ("service", "riverton-clrk/get-x", "there is no agency 'riverton-clrk' (no agencies/riverton-clrk/agency.yml)",
     "did you mean 'riverton-clerk/get-x'?"),
    ("service", "parks/get-x", "there is no agency 'parks' (no agencies/parks/agency.yml)",
     "add the agency first: onestop new agency parks"),
    ("service", "get-x", "expected AGENCY/SERVICE, e.g. pa-dos/register-llc; got 'get-x'",
     "name the agency's folder, a slash, then the new service's id"),
    ("service", "riverton-clerk/../../x", "expected AGENCY/SERVICE, e.g. pa-dos/register-llc; got "
     "'riverton-clerk/../../x'", "name the agency's folder, a slash, then the new service's id"),
    ("service", "riverton-clerk/Get_X", "service id 'Get_X' is not a valid id: use lowercase letters, digits and "
     "single hyphens, at most 64 characters", "rename it to 'get-x'"),
    ("journey", "../escape", "journey id '../escape' is not a valid id: use lowercase letters, digits and single "
     "hyphens, at most 64 characters", "rename it to 'escape'"),
    ("agency", "ｐarks", "agency id 'ｐarks' is not a valid id: it contains 'ｐ' (U+FF50 FULLWIDTH LATIN SMALL "
     "LETTER P), which is not a plain letter or digit; use lowercase letters, digits and single hyphens, at most "
     "64 characters", "rename it to 'parks'"),
    ("journey", "open-a-shop", "journeys/open-a-shop.yml already exists", "edit it, or choose another id"),
    ("question", "setup", "questions/setup.yml already exists", "edit it, or choose another id"),
    ("question", "Where", "question id 'Where' is not a valid id: use lowercase letters, digits and single hyphens, "
     "at most 64 characters", "rename it to 'where'"),
])
def test_new_refuses_what_it_cannot_make(repo, kind, name, message, hint):
    with pytest.raises(ScaffoldError) as caught:
        plan(repo, kind, name, TODAY, "https://hub.example.gov/")
    assert (caught.value.message, caught.value.hint) == (message, hint)


def test_new_question_from_the_command_line(repo):
    run = onestop("new", "question", "premises", "--today", "2026-11-28", cwd=repo)
    assert run.returncode == 0 and run.stdout == "questions/premises.yml\n"
    assert run.stderr == ("onestop: wrote questions/premises.yml: fill in each empty key, then ask it in a journey "
                          "(questions: [premises]) and use it in a step's if:, and run onestop check\n")


def test_new_from_the_command_line(repo):
    run = onestop("new", "journey", "get-a-dog", "--today", "2026-11-28", cwd=repo)
    assert run.returncode == 0 and run.stdout == "journeys/get-a-dog.yml\n"
    assert "fill in each empty key" in run.stderr
    again = onestop("new", "journey", "get-a-dog", cwd=repo)
    assert again.returncode == 1
    assert again.stderr == ("onestop: journeys/get-a-dog.yml already exists "
                            "(hint: edit it, or choose another id)\n")




def test_no_id_or_path_is_broken_across_lines_in_the_notes(repo):
    """textwrap breaks at hyphens by default: 'register-' on one line, 'cooperative' on the next."""
    long_id = "register-a-worker-cooperative-with-members-in-more-than-one-county"[:64].rstrip("-")
    for kind, name in (("service", f"riverton-clerk/{long_id}"), ("journey", long_id), ("agency", long_id)):
        new = plan(repo, kind, name, TODAY, "https://hub.example.gov/")
        notes = " ".join(line for line in new.text.splitlines() if line.startswith("#"))
        for word in (long_id, new.path):
            assert word in notes, (kind, word)  # whole, on one line of the notes
        assert all(not line.rstrip().endswith("-") for line in new.text.splitlines() if line.startswith("# ")), kind


def test_the_fee_notes_show_each_kind_of_fee(repo):
    text = plan(repo, "service", "riverton-clerk/get-dog-license", TODAY, "https://hub.example.gov/").text
    fees = text[text.index("# fees:"):text.index("\n\n", text.index("# fees:"))]
    data, _ = parse_yaml("\n".join(line.removeprefix("# ") for line in fees.splitlines()).encode())
    kinds = [(fee.get("per"), fee.get("optional", False)) for fee in data["fees"]]
    assert set(kinds) >= {(None, False), ("year", False), ("item", False), (None, True)}, kinds


def test_a_translation_skeleton_holds_the_source_s_text_as_notes_and_its_shape(tmp_path):
    """`onestop new translation PATH es` (issue 13): every text key of the source, empty under a note
    with the source's words, lists in the source's order; filled in, it passes the check."""
    import yaml

    from conftest import RIVERTON, TODAY, copy_site
    from generator.pipeline import check
    from generator.tools.translation_scaffold import plan_translation

    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "onestop.yml").write_text((root / "onestop.yml").read_text() + "languages: [en, es]\n")
    source = "agencies/state-registry/services/form-company.yml"
    new = plan_translation(root, source, "es", TODAY)
    assert new.path == "agencies/state-registry/services/form-company.es.yml"
    assert "# en: Register a company so your business is separate from you.\nsummary:\n" in new.text
    assert "fees:\n  - # en: Filing fee\n    description:\n  - # en: Name check\n    description:\n" in new.text
    assert "  - {}  # nothing to translate\n" in new.text and new.text.endswith(f"last_reviewed: {TODAY}\n")

    def fill(node):
        if isinstance(node, dict):
            return {k: (["licencia"] if k == "keywords" else fill(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [fill(v) for v in node]
        return "Texto en español" if node in (None, "") else node

    data = fill(yaml.safe_load(new.text))
    data["last_reviewed"] = str(TODAY)
    (root / new.path).write_text(yaml.safe_dump(data, allow_unicode=True))
    assert [p.format_text() for p in check(root, TODAY).problems] == []
    with pytest.raises(ScaffoldError, match="'fr' is not one of the languages"):
        plan_translation(root, source, "fr", TODAY)
    with pytest.raises(ScaffoldError, match="already exists"):
        plan_translation(root, source, "es", TODAY)
    with pytest.raises(ScaffoldError, match="is not a content file"):
        plan_translation(root, "agencies/state-registry/notes.yml", "es", TODAY)
