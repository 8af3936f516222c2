"""The theme partials forked from Material for MkDocs differ from Material's only where they say so.

Each fork fixes an accessibility failure of stock Material that no template block reaches. When
Material is upgraded, these tests fail until each fork is taken again from the new release.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from conftest import REPO

MATERIAL = Path(material.__file__).parent / "templates"
FORKS = sorted((REPO / "overrides" / "partials").glob("*.html"))
HEADER = re.compile(r"\A\{#-\n  Material for MkDocs (?P<version>[\d.]+)'s partials/(?P<name>[\w-]+\.html) .*?-#\}\n", re.S)
STOCK_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"


def test_the_forks_are_the_two_known_ones():
    assert [f.name for f in FORKS] == ["nav-item.html", "palette.html"]


@pytest.mark.parametrize("fork", FORKS, ids=lambda p: p.name)
def test_fork_names_the_installed_material_release(fork):
    match = HEADER.match(fork.read_text(encoding="utf-8"))
    assert match, f"{fork.name}: the header must name the Material release and partial it was taken from"
    assert match["name"] == fork.name
    assert match["version"] == version("mkdocs-material"), (
        f"{fork.name} was taken from Material {match['version']}, but {version('mkdocs-material')} is installed: "
        f"take partials/{fork.name} again from the new release and re-apply the changes marked 'onestop:'")


@pytest.mark.parametrize("fork", FORKS, ids=lambda p: p.name)
def test_every_change_from_material_is_marked(fork):
    ours = HEADER.sub("", fork.read_text(encoding="utf-8")).splitlines()
    stock = (MATERIAL / "partials" / fork.name).read_text(encoding="utf-8").removeprefix(STOCK_HEADER).splitlines()
    hunks = [op for op in difflib.SequenceMatcher(None, stock, ours, autojunk=False).get_opcodes() if op[0] != "equal"]
    assert hunks, f"{fork.name} is Material's own: delete the fork"
    for _tag, i1, i2, j1, j2 in hunks:
        context = ours[max(j1 - 1, 0):j2]
        assert any("onestop:" in line for line in context), (
            f"{fork.name}: unmarked change from Material:\n- " + "\n- ".join(stock[i1:i2]) + "\n+ " + "\n+ ".join(ours[j1:j2]))
