"""The work large sites spread over both cores gives exactly what doing it in one process gives,
and a helper that fails never loses work or hangs the build.

Large sites fork helpers (reading files from READ_HELPER_FROM files, writing pages from
FORK_FROM pages); here the thresholds are lowered so that the small fixture takes those paths.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

import generator.page_writers
import generator.pipeline
from conftest import REPO, RIVERTON, copy_site, site_options
from generator.page_writers import PageWriters
from generator.pipeline import check
from generator.render import Renderer
from generator.shell import BODY, TITLE, Shell, shell_urls

TODAY = dt.date(2026, 11, 28)


def _texts(problems):
    return [p.format_text() for p in problems]


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    """Riverton with an error in a service (read first) and one in a journey (read last), so that
    the one-file rules report from both shares."""
    root = copy_site(RIVERTON, tmp_path / "repo")
    sign = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    sign.write_text(sign.read_text().replace("type: phone", "type: fax"))
    journey = root / "journeys/open-a-shop.yml"
    journey.write_text(journey.read_text().replace("title: ", "title: <b>Now</b> ", 1))
    return root


def test_reading_in_two_processes_finds_what_one_process_finds(broken_site, monkeypatch):
    alone = check(broken_site, TODAY)
    monkeypatch.setattr(generator.pipeline, "READ_HELPER_FROM", 1)
    helped = check(broken_site, TODAY)
    assert _texts(helped.problems) == _texts(alone.problems)
    assert "channels[0].type: expected one of" in " ".join(_texts(helped.errors))
    assert "title: HTML is not allowed in plain text: '<b>Now</b> " in " ".join(_texts(helped.errors))
    valid = check(RIVERTON, TODAY)
    monkeypatch.setattr(generator.pipeline, "READ_HELPER_FROM", 10**9)
    assert valid.site == check(RIVERTON, TODAY).site


def test_a_failed_read_helper_costs_time_not_results(broken_site, monkeypatch):
    alone = check(broken_site, TODAY)
    monkeypatch.setattr(generator.pipeline, "READ_HELPER_FROM", 1)
    monkeypatch.setattr(generator.pipeline, "_read_helper", lambda conn, root, candidates: os._exit(3))
    assert _texts(check(broken_site, TODAY).problems) == _texts(alone.problems)


SHELL_HTML = "<html><title>{title}</title><a href='/{url}'>self</a><main>{body}</main></html>"


def _shells() -> dict[str, Shell]:
    return {kind: Shell(kind, SHELL_HTML.format(url=url, title=TITLE, body=BODY)) for kind, url in shell_urls().items()}


def _files(site_dir: Path) -> dict[str, str]:
    return {p.relative_to(site_dir).as_posix(): p.read_text() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_forked_page_writers_write_what_one_process_writes(riverton, tmp_path, monkeypatch):
    renderer = Renderer(site_options("Riverton", site_url="https://x.example.gov/", edit_prefix="../"))
    alone = PageWriters(riverton.site, renderer, workers=1).write(_shells(), tmp_path / "alone")
    monkeypatch.setattr(generator.page_writers, "FORK_FROM", 1)
    writers = PageWriters(riverton.site, renderer, workers=2)
    assert writers.forked == 2  # forked, each rendering already
    forked = writers.write(_shells(), tmp_path / "forked")
    assert forked == alone and len(forked) == 11
    assert _files(tmp_path / "forked") == _files(tmp_path / "alone")
    page = (tmp_path / "forked/services/riverton-clerk/get-sign-permit/index.html").read_text()
    assert "<title>Get a sign permit</title>" in page and "<h1>Get a sign permit</h1>" in page


def test_a_failing_page_writer_fails_the_build_with_its_traceback(riverton, tmp_path, monkeypatch):
    renderer = Renderer(site_options("Riverton"))
    monkeypatch.setattr(generator.page_writers, "FORK_FROM", 1)
    writers = PageWriters(riverton.site, renderer, workers=2)
    shells = _shells()
    del shells["agency"]  # every writer has agency pages to write: each fails
    with pytest.raises(RuntimeError, match=r"(?s)writing pages failed:.*KeyError: 'agency'"):
        writers.write(shells, tmp_path / "site")
    assert writers.forked == 0


def test_an_abandoned_build_stops_its_page_writers(riverton, monkeypatch):
    renderer = Renderer(site_options("Riverton"))
    monkeypatch.setattr(generator.page_writers, "FORK_FROM", 1)
    writers = PageWriters(riverton.site, renderer, workers=2)
    processes = [helper.process for helper in writers._writers]
    writers.cancel()
    assert [p.is_alive() for p in processes] == [False, False]
    assert [p.exitcode for p in processes] == [0, 0]


class _FakeParent:
    """The parent's end of a page writer's pipe, with the shells ready after `ready_after` polls."""

    def __init__(self, shells, site_dir, ready_after):
        self.message, self.ready_after, self.polls, self.sent = (shells, site_dir), ready_after, 0, []

    def poll(self):
        self.polls += 1
        return self.polls > self.ready_after

    def recv(self):
        return self.message

    def send(self, message):
        self.sent.append(message)

    def close(self):
        pass


@pytest.mark.parametrize("ready_after", [0, 3, 10**9], ids=["shells first", "shells midway", "shells last"])
def test_a_page_writer_writes_the_same_whenever_the_shells_come(riverton, tmp_path, ready_after):
    from generator.page_writers import _writer, item_jobs

    renderer = Renderer(site_options("Riverton"))
    expected = PageWriters(riverton.site, renderer, workers=1).write(_shells(), tmp_path / "alone")
    parent = _FakeParent(_shells(), tmp_path / "site", ready_after)
    _writer(parent, riverton.site, renderer, item_jobs(riverton.site))
    [(status, written)] = parent.sent
    assert status == "written" and dict(written) == expected
    assert _files(tmp_path / "site") == _files(tmp_path / "alone")


def test_a_template_error_in_a_page_writer_names_the_template(riverton, tmp_path, monkeypatch):
    from generator.render import TemplateProblem

    theme = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", theme)
    service = theme / "onestop" / "service.html"
    service.write_text(service.read_text() + "{{ nosuchthing.x }}\n")
    monkeypatch.setattr(generator.page_writers, "FORK_FROM", 1)
    writers = PageWriters(riverton.site, Renderer(site_options("Riverton", template_dirs=(theme,))), workers=2)
    line = len(service.read_text().splitlines())
    with pytest.raises(TemplateProblem, match=f"^{re.escape(str(service))}:{line}: template error: "
                                              "'nosuchthing' is undefined$"):
        writers.write(_shells(), tmp_path / "site")
