"""Fitness tests: the layout the README describes holds as the code grows."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from conftest import REPO
from generator.page_types import PAGE_TYPES
from generator.views import ViewBuilder

GENERATOR = REPO / "generator"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules():
    return sorted(p for p in GENERATOR.rglob("*.py") if "__pycache__" not in p.parts)


def test_nothing_outside_the_engine_adapters_imports_mkdocs():
    """The core, the search and the editors' tools move with the core when the engine changes."""
    engines = GENERATOR / "engines"
    for path in _modules():
        if engines in path.parents:
            continue
        assert not re.search(r"^\s*(from|import)\s+(mkdocs|material)\b", path.read_text(), re.MULTILINE), path
    core = ["generator.cli", "generator.build", "generator.tools.scaffold", "generator.tools.codeowners",
            "generator.tools.report", "generator.tools.diff", "generator.tools.settings", "generator.csp",
            "generator.search"]
    run = subprocess.run([sys.executable, "-c", f"import sys, {', '.join(core)}; "
                          "print(any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))"],
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.stdout.strip() == "False", run.stderr


def test_modules_and_functions_are_small_enough_to_read_in_one_sitting():
    too_long = []
    for path in _modules():
        source = path.read_text()
        name = path.relative_to(REPO).as_posix()
        if len(source.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}(): {length} lines")
    assert not too_long, "split these:\n" + "\n".join(too_long)


def test_every_module_says_its_job_first():
    for path in _modules():
        tree = ast.parse(path.read_text())
        docstring = ast.get_docstring(tree)
        assert docstring and docstring.splitlines()[0].strip(), f"{path.relative_to(REPO)} has no docstring"


def test_every_page_type_has_a_template_and_a_view():
    for page_type in PAGE_TYPES:
        assert (REPO / "overrides" / "onestop" / f"{page_type.template}.html").is_file(), page_type.kind
        assert page_type.view.__code__.co_names, page_type.kind
        called = set(page_type.view.__code__.co_names)
        assert called & set(dir(ViewBuilder)), f"{page_type.kind}: its view is no ViewBuilder method"
    kinds = [t.kind for t in PAGE_TYPES]
    assert len(kinds) == len(set(kinds))
    for page_type in PAGE_TYPES:
        assert (page_type.entity is None) == (page_type.entities is None) == (page_type.shell_url is None)
