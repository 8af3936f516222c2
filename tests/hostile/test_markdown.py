"""Markdown that would crash or hang the renderer (D1: nesting past the recursion limit; D2: input
that Python-Markdown took quadratic time on) is refused by `check`, located, and never reaches
Python-Markdown if it got that far (generator/markdown_shape.py); within the bounds, rendering is
linear in the input: any 64 KB field renders in under 2 s of CPU here, held by property tests."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile_input import MARKDOWN_FIELDS, _field

from conftest import RIVERTON, copy_site, cpu_seconds
from generator.markdown_shape import MAX_MARKDOWN_CHARS, shape_problem
from generator.markup import MarkdownRenderer

NESTED = "lists or quotes are nested {depth} levels deep; at most 6 are allowed (hint: nest lists two or three " \
         "levels at most)"


def _cpu(function, *args) -> float:
    return cpu_seconds(function, *args)[1]


def test_the_timer_holds_the_collector_off_while_it_times_and_only_then():
    assert cpu_seconds(gc.isenabled) == (False, pytest.approx(0, abs=0.05)) and gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        cpu_seconds(divmod, 1, 0)
    assert gc.isenabled()


# -- D1: nesting

@pytest.mark.parametrize(("kind", "where"), MARKDOWN_FIELDS)
def test_a_thousand_levels_of_list_on_one_line_in_every_markdown_field(check_files, kind, where):
    value = "- " * 1000 + "x"
    path, text, line, field = _field(kind, where, value)
    col = text.splitlines()[line - 1].index(json.dumps(value)) + 2 + len("- ") * 6  # at the 7th '- '
    assert [p for p in check_files({path: text}) if p.startswith(path)] == [
        f"{path}:{line}:{col}: error: {field}: {NESTED.format(depth=1000)}"]


def test_three_hundred_levels_of_indented_list(check_files):
    from conftest import SERVICE

    lines = "".join("  " + " " * (4 * i) + "- level\n" for i in range(300))
    svc = "agencies/acme/services/get-license.yml"
    assert check_files({svc: SERVICE + "description: |\n" + lines}) == [
        f"{svc}:15:27: error: description: {NESTED.format(depth=7)}"]


def test_quotes_and_lists_mixed_count_alike(check_files):
    assert shape_problem("> - > - > - > x") is not None and shape_problem("> - > - > x") is None
    assert shape_problem("1. 2) - * + > > x") is not None and shape_problem("1. 2) - * + > x") is None


@pytest.mark.parametrize("text", ["- " * 1000 + "x", "".join(" " * (4 * i) + "- x\n" for i in range(300)),
                                  "1. " * 600 + "x", "> " * 5000 + "x"])
def test_the_renderer_never_recurses_on_them(text):
    html = MarkdownRenderer().block(text)
    assert "x" in html and "<li>" not in html  # shown as text


# -- D2: the issue's inputs, refused quickly by check and rendered quickly as text

ISSUE_INPUTS = ["[" * 20000, "*a*" * 200000, "*a**" * 200000, "![" * 4000, "[x](https://a" * 4000]


@pytest.mark.parametrize("value", ISSUE_INPUTS, ids=["brackets", "emphasis", "strong", "images", "links"])
def test_quadratic_inputs_are_refused_quickly(check_files, value):
    from conftest import SERVICE

    svc = "agencies/acme/services/get-license.yml"
    started = time.perf_counter()
    problems = check_files({svc: SERVICE + f"description: {json.dumps(value)}\n"})
    assert time.perf_counter() - started < 20
    assert problems == [f"{svc}:8:15: error: description: a paragraph or list holds over 200 formatting marks "
                        "(* _ ` [ <) (hint: split it into paragraphs, with less bold, italics and links)"]


def test_a_field_over_64_kb_is_refused(check_files):
    from conftest import SERVICE

    svc = "agencies/acme/services/get-license.yml"
    value = "A plain sentence of some length.\n\n" * 2000
    assert check_files({svc: SERVICE + f"description: {json.dumps(value)}\n"}) == [
        f"{svc}:8:15: error: description: is {len(value):,} characters long; at most 65,536 are allowed (hint: a "
        "page this long is hard to read: keep the essentials, and link to the agency's own pages for the rest)"]


@pytest.mark.parametrize("value", ISSUE_INPUTS, ids=["brackets", "emphasis", "strong", "images", "links"])
def test_quadratic_inputs_render_quickly_as_text(value):
    renderer = MarkdownRenderer()
    assert _cpu(renderer.block, value) < 2


# -- the class: within the bounds, any 64 KB text renders in linear time

TOKENS = ["[", "![", "](", "*", "_", "*a", "*a*", "*a**", "_a_", "__a", "`", "` ", "<", "&", "\\", "[x]", "[x](",
          "[x](https://a", "[x][", "[x][y", "![x](", "<http://", "<a@b", "&amp;", "\n- ", "\n> ", "> ", "- ", "1. ",
          "\n    a", "\n#", "a\n===\n", "a\n---\n", "*_", "[*", "*[", "[a](b)", "a  \n", "\n1) ", "  - ", "    - ",
          ">- ", "- >", "\n[a]: https://a\n", "\n* ", "\n***\n", "&#x3c;", "\n```\n", "\n- a\n    - b", "*a _b_ c*",
          "[a *b* c](https://a.gov)", "\\[", "\n=", "\n-", "x ", "a\n"]


def fit(token: str, size: int) -> str:
    """`token` repeated as many times as one block takes within the bounds, blocks a blank line apart, to `size`."""
    block = ""
    while len(block) < min(size, 20_000) and shape_problem((block + token).strip("\n")) is None:
        block += token
    block = block.strip("\n") or "x"
    text = block
    while len(text) + len(block) + 2 <= size:
        text += "\n\n" + block
    assert shape_problem(text) is None
    return text


@settings(max_examples=12, deadline=None)
@given(token=st.sampled_from(TOKENS) | st.lists(st.sampled_from(TOKENS), min_size=2, max_size=4).map("".join))
def test_any_64_kb_field_within_the_bounds_renders_in_under_2_seconds(token):
    assert _cpu(MarkdownRenderer(plain_subset=False).block, fit(token, MAX_MARKDOWN_CHARS)) < 2


@settings(max_examples=10, deadline=None)
@given(token=st.sampled_from(TOKENS))
def test_rendering_time_grows_linearly_with_the_text(token):
    renderer = MarkdownRenderer(plain_subset=False)
    small_text, large_text = fit(token, 8_000), fit(token, 64_000)
    # Interleaved, the least of each: a burst of load on the machine slows one call, not every call of
    # one size, so it cannot make a linear renderer look quadratic (nor hide a quadratic one: its least
    # time is still 64 times the small one's).
    times = [(_cpu(renderer.block, small_text), _cpu(renderer.block, large_text)) for _ in range(3)]
    small, large = (min(column) for column in zip(*times))
    assert large < 16 * small + 0.25, (small, large)  # 8 times the text; quadratic would be 64 times the time


# -- whole builds

def test_a_build_with_deep_markdown_says_where_and_builds_nothing(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    permit = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    line = len(permit.read_text().splitlines()) + 1  # the description is the file's last line
    permit.write_text(permit.read_text() + f"description: {json.dumps('- ' * 1000 + 'x')}\n")
    for command in (["-m", "generator", "build", "--today", "2026-11-28"], ["-m", "mkdocs", "build"]):
        run = subprocess.run([sys.executable, *command], cwd=root, capture_output=True, text=True, timeout=300,
                             env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
        assert run.returncode == 1, command
        assert "Traceback" not in run.stdout + run.stderr and "RecursionError" not in run.stdout + run.stderr
        assert (f"agencies/riverton-clerk/services/get-sign-permit.yml:{line}:27: error: description: "
                + NESTED.format(depth=1000)) in run.stdout + run.stderr
        assert not (root / "site").exists()


def test_a_build_with_64_kb_of_the_worst_markdown_is_quick(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    for n, token in enumerate(["- >", "[*", "*a _b_ c*"]):
        path = next(root.glob("agencies/*/services/*.yml")) if n == 0 else sorted(root.glob("agencies/*/services/*.yml"))[n]
        path.write_text(path.read_text() + f"description: {json.dumps(fit(token, MAX_MARKDOWN_CHARS))}\n")
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert time.perf_counter() - started < 120
