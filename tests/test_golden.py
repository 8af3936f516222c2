"""Golden pages: the example site's page content, byte for byte, so that optimisations and
refactors cannot change what citizens see unnoticed.

After a deliberate change to templates or content, refresh with:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

GOLDEN = Path(__file__).resolve().parent / "golden" / "example"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def page_digest(html: str) -> str:
    """What a citizen gets from a page: its title, description, canonical address and main content."""
    soup = BeautifulSoup(html, "html.parser")
    description = soup.select_one('meta[name="description"]')
    canonical = soup.select_one('link[rel="canonical"]')
    article = soup.select_one("article")
    body = re.sub(r">\s+<", ">\n<", article.decode_contents().strip()) if article else ""
    return "\n".join([
        f"title: {soup.title.get_text() if soup.title else ''}",
        f"description: {description['content'] if description else ''}",
        f"canonical: {canonical['href'] if canonical else ''}",
        "---",
        body,
    ]) + "\n"


def golden_name(page: Path, site: Path) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return ("index" if rel == "." else rel.replace("/", "__")) + ".html"


def test_every_page_matches_its_golden_copy(built_site):
    pages = sorted(p for p in built_site.rglob("index.html"))
    names = {golden_name(p, built_site): p for p in pages}
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.glob("*.html"):
            old.unlink()
        for name, page in names.items():
            (GOLDEN / name).write_text(page_digest(page.read_text(encoding="utf-8")), encoding="utf-8")
        pytest.skip("golden pages refreshed")
    assert sorted(names) == sorted(p.name for p in GOLDEN.glob("*.html")), "pages added or removed"
    for name, page in names.items():
        assert page_digest(page.read_text(encoding="utf-8")) == (GOLDEN / name).read_text(encoding="utf-8"), name
