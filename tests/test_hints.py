"""Every message the checker can produce says how to fix it. Two nets, so that the rule cannot rot:

- by the code (here): every place that makes a problem (`Problem(...)`, `YamlProblem(...)`, a
  checker's `add` or `warn`, the loader's `refuse`) passes a hint, never None, and no hint variable
  is ever None;
- by running it: every problem of every fixture checked through conftest's `check_files`, and of
  the random files of tests/test_fuzz.py, has a hint.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

HINT_AT = {"Problem": 5, "YamlProblem": 3, "Said": 3, "add": 2, "warn": 2, "refuse": 2}
"""Where each maker of a problem takes its hint (positional index; or the keyword `hint`)."""


def _makers(tree: ast.AST) -> list[tuple[ast.Call, ast.FunctionDef | None]]:
    found = []

    def visit(node: ast.AST, function: ast.FunctionDef | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Call):
                name = child.func.id if isinstance(child.func, ast.Name) else (
                    child.func.attr if isinstance(child.func, ast.Attribute) else None)
                # set.add(x) has one argument; a checker's add(path, message, hint) has more, and its
                # path is never a word (icalendar's component.add("uid", value) is not a problem)
                if name in HINT_AT and (name not in ("add", "warn") or (
                        len(child.args) >= 2 and not (isinstance(child.args[0], ast.Constant)
                                                      and isinstance(child.args[0].value, str)))):
                    found.append((child, inner))
            visit(child, inner)  # type: ignore[arg-type]

    visit(tree, None)
    return found


def _none_in(node: ast.AST | None) -> bool:
    """Whether `node` can be None: a None value in it (not one it is compared with)."""
    if node is None or (isinstance(node, ast.Constant) and node.value is None):
        return True
    return not isinstance(node, ast.Compare) and any(_none_in(child) for child in ast.iter_child_nodes(node))


def _hint_of(call: ast.Call, index: int) -> ast.AST | None:
    keyword = next((k.value for k in call.keywords if k.arg == "hint"), None)
    return keyword if keyword is not None else (call.args[index] if len(call.args) > index else None)


def _assigned(scope: ast.AST | None, name: str, deep: bool = True) -> list[ast.AST]:
    """The values `name` is given in `scope` (a function; or a module's own lines, not `deep`)."""
    if scope is None:
        return []
    nodes = ast.walk(scope) if deep else iter(getattr(scope, "body", []))
    return [node.value for node in nodes if isinstance(node, (ast.Assign, ast.AnnAssign))
            and node.value is not None and any(isinstance(t, ast.Name) and t.id == name
                                               for t in (node.targets if isinstance(node, ast.Assign) else [node.target]))]


def _passed_through(function: ast.FunctionDef | None, name: str) -> bool:
    """`name` is a parameter of the function that makes the problem (Checker.add hands its hint on):
    the net checks the calls of that function instead."""
    return function is not None and name in {a.arg for a in function.args.args + function.args.kwonlyargs}


def test_every_problem_the_code_makes_has_a_hint():
    missing = []
    makers = 0
    for path in sorted((REPO / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, function in _makers(tree):
            name = call.func.id if isinstance(call.func, ast.Name) else call.func.attr  # type: ignore[union-attr]
            if name in ("Problem", "YamlProblem", "Said") and not call.args and not call.keywords:
                continue
            makers += 1
            hint = _hint_of(call, HINT_AT[name])
            if isinstance(hint, ast.Name) and _passed_through(function, hint.id):
                continue
            values = ((_assigned(function, hint.id) or _assigned(tree, hint.id, deep=False))
                      if isinstance(hint, ast.Name) else [hint])
            where = f"{Path(path).relative_to(REPO)}:{call.lineno}"
            if hint is None or (isinstance(hint, ast.Name) and not values) or any(_none_in(v) for v in values):
                missing.append(where)
    assert makers > 60  # the net catches what it is for
    assert missing == [], "no hint (or a hint that can be None) at " + ", ".join(missing)


def test_the_net_catches_a_message_without_a_hint():
    bad = ast.parse("def rule(check):\n    check.add(('x',), 'wrong')\n"
                    "def other(check):\n    hint = None\n    check.warn(('x',), 'odd', hint)\n")
    calls = _makers(bad)
    assert len(calls) == 2
    assert _hint_of(calls[0][0], 2) is None
    assert _none_in(_assigned(calls[1][1], "hint")[0])
