"""Live preview rebuilds only what a change touches, and its output equals a full build's."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import RIVERTON, copy_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
SIGN = "agencies/riverton-clerk/services/get-sign-permit.yml"
TAX = "agencies/federal-revenue/services/get-tax-number.yml"
LICENSE = "agencies/riverton-clerk/services/get-business-license.yml"
SHOP = "journeys/open-a-shop.yml"


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text()
    assert old in text, (name, old)
    path.write_text(text.replace(old, new))


# Each change is applied on top of the previous ones.
CHANGES = [
    ("retitle a service", lambda r: edit(r, TAX, "title: Get a federal tax number", "title: Get a tax number")),
    ("add a prerequisite", lambda r: edit(r, SIGN, "audience: [business]", "audience: [business]\nrequires: [riverton-clerk/get-business-license]")),
    ("change a fee", lambda r: edit(r, LICENSE, "amount: 75", "amount: 80")),
    ("change an agency's phone", lambda r: edit(r, "agencies/riverton-clerk/agency.yml", "555-010-3000", "555-010-3999")),
    ("add a service to a journey", lambda r: (
        shutil.copy(r / SIGN, r / "agencies/riverton-clerk/services/get-awning-permit.yml"),
        edit(r, "agencies/riverton-clerk/services/get-awning-permit.yml", "title: Get a sign permit", "title: Get an awning permit"),
        edit(r, SHOP, "services: [riverton-clerk/get-sign-permit]", "services: [riverton-clerk/get-sign-permit, riverton-clerk/get-awning-permit]"))),
    ("reorder and retitle journey steps", lambda r: edit(r, SHOP, "title: Put up a sign", "title: Put up signs")),
    ("remove a service", lambda r: (
        edit(r, SHOP, "services: [riverton-clerk/get-sign-permit, riverton-clerk/get-awning-permit]", "services: [riverton-clerk/get-sign-permit]"),
        (r / "agencies/riverton-clerk/services/get-awning-permit.yml").unlink())),
    ("reword a question", lambda r: edit(r, "questions/setup.yml", "label: As a company", "label: As a limited company")),
    ("tailor another step", lambda r: edit(r, SHOP, "    services: [riverton-clerk/get-business-license]",
                                           "    if: {setup: company}\n    services: [riverton-clerk/get-business-license]")),
    ("change a template", lambda r: edit(r, "overrides/partials/onestop/fees.html", "What it is for", "What the fee is for")),
]


CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


def files_of(site: Path) -> dict[str, bytes]:
    # Previews leave out the Content-Security-Policy (the preview server injects an inline
    # live-reload script): compare pages without it.
    return {p.relative_to(site).as_posix(): CSP.sub(b"", p.read_bytes()) for p in sorted(site.rglob("*"))
            if p.is_file()}


def full_build(root: Path, site: Path) -> dict[str, bytes]:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    build(config)
    return files_of(site)


@pytest.fixture(autouse=True)
def _quiet():
    logging.getLogger("mkdocs").setLevel(logging.ERROR)


def preview(root: Path, site: Path):
    """Build `root` once as `make serve` does (serve --dirty); rebuild with build(config, dirty=True)."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins["onestop"].on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    return config


@pytest.mark.parametrize("az_letter_pages_from", [None, 7], ids=["one-page A to Z", "A to Z crossing to letter pages"])
def test_incremental_rebuilds_equal_full_builds(tmp_path, az_letter_pages_from):
    live = copy_site(RIVERTON, tmp_path / "live")
    if az_letter_pages_from:  # riverton has 6 services; "add a service" makes 7, "remove a service" 6 again
        edit(live, "mkdocs.yml", 'today: "2026-11-28"', f'today: "2026-11-28"\n      az_letter_pages_from: {az_letter_pages_from}')
    config = preview(live, tmp_path / "live-site")
    for name, change in CHANGES:
        change(live)
        build(config, dirty=True)
        reference = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(live, reference)
        expected = full_build(reference, reference / "site")
        actual = files_of(tmp_path / "live-site")
        assert sorted(actual) == sorted(expected), name
        different = [path for path in expected if actual[path] != expected[path]]
        assert different == [], name


def test_one_service_edit_re_renders_only_the_pages_that_show_it(tmp_path):
    live = copy_site(RIVERTON, tmp_path / "live")
    config = preview(live, tmp_path / "site")
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "site").rglob("index.html")}
    edit(live, "agencies/riverton-clerk/services/get-sign-permit.yml", "title: Get a sign permit", "title: Get a sign licence")
    build(config, dirty=True)
    rewritten = sorted(p.parent.relative_to(tmp_path / "site").as_posix() for p, t in before.items()
                       if p.stat().st_mtime_ns != t)
    # The service, its agency, the journey that uses it, the service in the step before it,
    # and the index pages (home, guides, agencies, A to Z, search), which are always rebuilt.
    assert rewritten == sorted([".", "agencies", "agencies/riverton-clerk", "calendar", "journeys", "journeys/open-a-shop",
                                "search", "services", "services/riverton-clerk/get-business-license",
                                "services/riverton-clerk/get-sign-permit"])


def test_a_check_that_keeps_files_between_saves_finds_what_a_fresh_check_finds(tmp_path):
    """Live preview keeps each file's parse, own problems and entity between saves (CheckCache);
    after each edit its problems and its site are those of a check from scratch."""
    import datetime as dt

    from generator.opendata import OpenDataCache, open_data_files
    from generator.pipeline import check
    from generator.preview import CheckCache

    root = copy_site(RIVERTON, tmp_path / "repo")
    today = dt.date(2026, 11, 28)
    cache, data_cache = CheckCache(), OpenDataCache()
    steps = [
        ("first check", lambda: None),
        ("break a channel", lambda: edit(root, SIGN, "type: phone", "type: fax")),
        ("retitle another service", lambda: edit(root, TAX, "title: Get a federal tax number", "title: Get a tax number")),
        ("fix the channel", lambda: edit(root, SIGN, "type: fax", "type: phone")),
        ("an old review date", lambda: edit(root, LICENSE, "last_reviewed: 2026", "last_reviewed: 2024")),
        ("remove a service", lambda: (root / TAX).unlink()),
        ("put it back", lambda: shutil.copy(RIVERTON / TAX, root / TAX)),
    ]
    for name, change in steps:
        change()
        kept, fresh = check(root, today, cache), check(root, today)
        assert [p.format_text() for p in kept.problems] == [p.format_text() for p in fresh.problems], name
        assert (kept.site is None) == (fresh.site is None), name
        if name == "break a channel":
            assert kept.site is None and "channels[0].type: expected one of" in kept.errors[0].message
        if fresh.site is not None:
            assert kept.site == fresh.site, name
            assert open_data_files(kept.site, data_cache) == open_data_files(fresh.site), name
    assert set(cache.file_checks) == set(cache.entities) == {
        p.relative_to(root).as_posix() for p in [*root.glob("agencies/**/*.yml"), *root.glob("journeys/*.yml"),
                                                 *root.glob("questions/*.yml")]}


def test_a_broken_file_shows_its_problems_on_every_page_until_it_is_fixed(tmp_path):
    """`make serve` with a broken file: no stuck preview, but the page of problems (file, line,
    message, the fix) on every page the preview had; after the fix, the site again, as a full build."""
    live = copy_site(RIVERTON, tmp_path / "live")
    site = tmp_path / "live-site"
    config = preview(live, site)
    edit(live, SIGN, "title: Get a sign permit", "title: [Get a sign permit")
    build(config, dirty=True)  # does not raise: the preview shows the problem instead
    for page in ("index.html", "services/index.html", "services/riverton-clerk/get-sign-permit/index.html",
                 "journeys/open-a-shop/index.html", "agencies/riverton-clerk/index.html"):
        text = (site / page).read_text()
        assert "<h1>The preview cannot show the site until these problems are fixed</h1>" in text, page
        assert ("<code>agencies/riverton-clerk/services/get-sign-permit.yml:1:8</code> <strong>Error</strong>"
                in text), page
        assert "How to fix it: close it with &#39;]&#39; on the same line" in text, page
    title = (site / "journeys/open-a-shop/index.html").read_text()
    assert "<title>Preview: 1 problem to fix" in title and 'href="../../assets/onestop.css"' in title
    edit(live, SIGN, "title: [Get a sign permit", "title: Get a sign permit")
    build(config, dirty=True)
    reference = shutil.copytree(live, tmp_path / "full")
    assert files_of(site) == full_build(reference, reference / "site")


def test_a_preview_rebuild_tells_the_editor_only_what_is_theirs(tmp_path, caplog):
    """No "dirty build" warning on every save, no list of onestop's page shells as pages missing
    from the navigation."""
    live = copy_site(RIVERTON, tmp_path / "live")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        config = preview(live, tmp_path / "site")
        edit(live, TAX, "title: Get a federal tax number", "title: Get a tax number")
        build(config, dirty=True)
    said = "\n".join(r.getMessage() for r in caplog.records)
    assert "dirty" not in said and "onestopshell" not in said, said
