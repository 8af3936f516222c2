"""`make serve` in a browser: a broken file shows its problems on the page the editor is looking at,
and the page comes back by itself once the file is fixed (MkDocs' live reload)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import RIVERTON, copy_site

SIGN = "agencies/riverton-clerk/services/get-sign-permit.yml"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer")


def test_a_broken_file_shows_in_the_browser_and_the_fix_reloads_the_page(browser, tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a",
                               f"127.0.0.1:{port}"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/services/riverton-clerk/get-sign-permit/"
        _wait_for(url, server)
        page = browser.new_page()
        page.goto(url)
        assert page.locator("h1").inner_text() == "Get a sign permit"
        sign = Path(root / SIGN)
        sign.write_text(sign.read_text().replace("title: Get a sign permit", "title: [Get a sign permit"))
        problems = page.locator("h1", has_text="The preview cannot show the site until these problems are fixed")
        problems.wait_for(timeout=90_000)  # reloaded by itself
        item = page.locator(".os-problems li")
        assert item.count() == 1
        assert item.locator("code").inner_text() == f"{SIGN}:1:8"
        assert "malformed YAML: the '[' is not closed with ']'" in item.inner_text()
        assert "How to fix it: close it with ']' on the same line" in item.inner_text()
        sign.write_text(sign.read_text().replace("title: [Get a sign permit", "title: Get a sign permit"))
        page.locator("h1", has_text="Get a sign permit").wait_for(timeout=90_000)
        assert page.locator(".os-problems").count() == 0
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
