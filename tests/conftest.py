"""Layered fixtures: content folder -> check result (loaded, validated, linked) -> built site."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import live_content
import pytest

from generator.graph import Site
from generator.options import SiteOptions
from generator.pipeline import CheckResult, check
from generator.translations.overlay import translate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RIVERTON = FIXTURES / "sites" / "riverton"
EXAMPLE = FIXTURES / "sites" / "example"
"""The example government's content (agencies/, journeys/, .github/CODEOWNERS), frozen by
scripts/freeze-example: the code's tests build it, never the live content at the repository's root,
which every content pull request changes (tests/live_content.py)."""
TODAY = dt.date(2026, 11, 28)
"""Pinned so that the 12-month review rule gives the same answer on any day."""
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
"""Debian's Chromium, as the browser tests and the accessibility gate launch it (never a downloaded build)."""

AGENCY = """\
name: Acme Licensing Office
jurisdiction: state
description: Issues licenses.
website: https://acme.example.gov/
contact:
  phone: 555-010-1000
  address: |
    1 Main Street
    Acme City, ST 10000
  hours: Monday to Friday, 9 a.m. to 5 p.m.
"""
SERVICE = """\
title: Get a license
summary: Get the license you need to trade.
audience: [business]
channels:
  - type: online
    url: https://acme.example.gov/apply
last_reviewed: 2026-10-01
"""
JOURNEY = """\
title: Start trading
summary: The steps to start trading.
audience: [business]
steps:
  - title: Get your license
    services: [acme/get-license]
"""
MINIMAL = {
    "agencies/acme/agency.yml": AGENCY,
    "agencies/acme/services/get-license.yml": SERVICE,
    "journeys/start-trading.yml": JOURNEY,
}
"""The smallest valid site; tests swap one file for a bad one."""


live_content.install()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if live_content.reads:
        print("\nThe tests read the live content, which only the workflow's onestop check may judge:", file=sys.stderr)
        for read in dict.fromkeys(live_content.reads):
            print(f"  a test {read}", file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def cpu_seconds(function: Callable[..., object], *args: object) -> tuple[object, float]:
    """What one call returns and the CPU seconds it took, with the cyclic collector held off: a full
    collection walks the whole test process's heap (what the suite's other tests left), so its cost is
    that heap's, not the code's under test; one that fell in a timed call made a 0.13 s render take
    0.6 s (a 3-million-object heap reproduces it). The call's own cycles are collected after the clock
    stops, at the next collection the interpreter makes (collecting first would cost the heap's walk too)."""
    gc.disable()
    try:
        started = time.process_time()
        result = function(*args)
        return result, time.process_time() - started
    finally:
        gc.enable()


def site_options(name: str = "Riverton Business Hub", root: Path = RIVERTON, **options: object) -> SiteOptions:
    """Options for rendering a fixture's pages with this repository's templates."""
    options.setdefault("template_dirs", (REPO / "overrides",))
    return SiteOptions(content_root=root, site_name=name, **options)  # type: ignore[arg-type]


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write MINIMAL with some files replaced (None removes one) and return its root."""

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        tree: dict[str, str | bytes | None] = {**MINIMAL, **(files or {})}
        return write_tree(tmp_path / "site-repo", {k: v for k, v in tree.items() if v is not None})

    return make


@pytest.fixture
def check_files(make_site: Callable[..., Path]) -> Callable[..., list[str]]:
    """Check MINIMAL with some files replaced; return every problem as the CLI prints it."""

    def run(files: dict[str, str | bytes | None] | None = None) -> list[str]:
        problems = check(make_site(files), TODAY).problems
        assert all(p.hint for p in problems), [p.format_text() for p in problems if not p.hint]  # test_hints.py
        return [p.format_text() for p in problems]

    return run


def copy_site(source: Path, target: Path) -> Path:
    """A site repository: its content, plus this repository's theme and assets (as a fork has)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", ".site.*"))
    if source != REPO:
        shutil.rmtree(target / "overrides", ignore_errors=True)
        shutil.copytree(REPO / "overrides", target / "overrides")
        shutil.copytree(REPO / "content" / "assets", target / "content" / "assets", dirs_exist_ok=True)
    return target


_NOT_THE_SITE = {".venv", "site", "reports", ".git", "node_modules", "tests", "__pycache__", ".hypothesis",
                 ".pytest_cache", "benchmarks", *live_content.LIVE_FOLDERS}


def example_repo(target: Path) -> Path:
    """This site repository (settings, theme, hand-written pages, words, schemas) with the frozen
    example content in place of the live one: what the example site's tests build."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        if Path(folder).resolve() != REPO:
            return {n for n in names if n == "__pycache__"}
        return {n for n in names if n in _NOT_THE_SITE or n.startswith(".site.")}

    shutil.copytree(REPO, target, ignore=ignore, symlinks=True)
    shutil.copytree(EXAMPLE, target, dirs_exist_ok=True)
    return target


@pytest.fixture(scope="session")
def riverton() -> CheckResult:
    result = check(RIVERTON, TODAY)
    assert not result.problems, result.problems
    return result


@pytest.fixture(scope="session")
def example() -> CheckResult:
    return check(EXAMPLE, TODAY)


def translated_site(result: CheckResult, lang: str) -> Site:
    """The linked site with each service, agency and guide in `lang` where it has a translation (the
    source's text elsewhere, marked as such), as the build of the site in that language has it."""
    assert result.site is not None
    site = result.site
    by_source = {t.source: t.data for t in result.translations if t.lang == lang}

    def of(kind, path, entity):
        return translate(entity, kind, by_source.get(path), result.languages[0])[0]

    return dataclasses.replace(
        site,
        agencies={a: of("agency", f"agencies/{a}/agency.yml", x) for a, x in site.agencies.items()},
        services={r: of("service", f"agencies/{r.agency}/services/{r.service}.yml", x) for r, x in site.services.items()},
        journeys={j: of("journey", f"journeys/{j}.yml", x) for j, x in site.journeys.items()},
    )


@pytest.fixture(scope="session")
def spanish_site(example) -> Site:
    site = translated_site(example, "es")
    assert sum(1 for s in site.services.values() if not s.title.isascii()) > 5  # translated, not the source
    return site


# The example site, built once per test session and served on 127.0.0.1: the browser tests, the
# accessibility gate and the structure tests all look at the same pages.

@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    root = example_repo(tmp_path_factory.mktemp("example") / "repo")
    site = root.parent / "site"
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28",
                          "--site-dir", str(site)], cwd=root, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) for as long as the block runs; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url
