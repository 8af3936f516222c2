"""The page writers: render the pages of every entity (journeys, agencies, services) and write
them into their page shells, on every core, while the site engine renders its own pages.

The pages need only the linked site to render, but the shells exist only once the engine has
rendered its own pages. So on a large site, forked helpers (parallel.py; each with a share of every
type of page, the site and the compiled templates inherited, nothing pickled) start rendering as
soon as the content is linked; they keep what they render until `write` hands them the shells, then
write as they go. A small site is rendered here, in `write`.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from multiprocessing.connection import Connection
from pathlib import Path

from .graph import Site
from .output import page_path
from .page_types import ITEM_PAGES, Key, PageType
from .parallel import Helper, can_fork, cores, fork_helper
from .render import GeneratedPage, Renderer, TemplateProblem
from .shell import Shell

FORK_FROM = 400
"""From this many pages, pages are rendered and written by forked helpers, one per core."""

Jobs = list[tuple[PageType, list[Key]]]
Written = list[tuple[str, frozenset[str]]]
"""Each page written: its address and what it depends on (GeneratedPage.depends_on)."""


def item_jobs(site: Site, only: set[str] | None = None) -> Jobs:
    """The pages of every entity (those whose address is in `only`, if given), by page type."""
    jobs: Jobs = []
    for page_type in ITEM_PAGES:
        assert page_type.entities is not None
        keys = list(page_type.entities(site))
        jobs.append((page_type, keys if only is None else [k for k in keys if page_type.url(k) in only]))
    return jobs


def _write_pages(pages: Iterable[GeneratedPage], shells: dict[str, Shell], site_dir: Path,
                 edit_prefix: str) -> Written:
    written = []
    for page in pages:
        html = shells[page.kind].fill(page.url, page.title, page.description, page.html,
                                      edit_prefix + (page.source_path or ""))
        path = page_path(site_dir, page.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append((page.url, page.depends_on))
    return written


class _Abandoned(Exception):
    """The parent gave up on the build: stop without writing."""


def _writer(conn: Connection, site: Site, renderer: Renderer, jobs: Jobs) -> None:
    """A forked page writer: render its share of the pages, keeping them until the shells come,
    then write those kept and each one after as it is rendered."""
    edit_prefix = renderer.options.edit_prefix
    kept: list[GeneratedPage] = []
    written: Written = []
    target: tuple[dict[str, Shell], Path] | None = None

    def shells_ready(wait: bool) -> bool:
        """Whether the shells have come (waiting for them if `wait`); writes what was kept when they come."""
        nonlocal target, kept
        if target is None and (wait or conn.poll()):
            message = conn.recv()
            if message is None:
                raise _Abandoned
            target = message
            written.extend(_write_pages(kept, *message, edit_prefix))
            kept = []
        return target is not None

    try:
        views = renderer.views(site)
        for page_type, keys in jobs:
            for page in renderer.pages_of(views, page_type, keys):
                if shells_ready(wait=False):
                    assert target is not None
                    written.extend(_write_pages((page,), *target, edit_prefix))
                else:
                    kept.append(page)
        shells_ready(wait=True)
        conn.send(("written", written))
    except (EOFError, _Abandoned):
        pass  # the parent went away, or gave up
    except TemplateProblem as exc:
        conn.send(("template", str(exc)))
    except OSError as exc:  # the machine (a full disk): said in one line, as the parent would
        conn.send(("template", f"cannot write the site: {exc.strerror or exc}: {exc.filename or ''}"))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("failed", traceback.format_exc()))
    finally:
        conn.close()


class PageWriters:
    """Render the pages of every entity, then write them into their page shells (module docstring)."""

    def __init__(self, site: Site, renderer: Renderer, workers: int | None = None, only: set[str] | None = None):
        self._site = site
        self._renderer = renderer
        self._jobs = item_jobs(site, only)
        self._writers: list[Helper] = []
        count = sum(len(keys) for _, keys in self._jobs)
        workers = workers or cores()
        if count < FORK_FROM or not can_fork(workers):
            return
        renderer.compile_templates()
        for n in range(workers):
            share = [(page_type, keys[n::workers]) for page_type, keys in self._jobs]
            self._writers.append(fork_helper(_writer, site, renderer, share, name=f"onestop-pages-{n}"))

    @property
    def forked(self) -> int:
        """How many forked writers are at work (0: the pages are rendered in `write`)."""
        return len(self._writers)

    def write(self, shells: dict[str, Shell], site_dir: Path) -> dict[str, frozenset[str]]:
        """Write every page; returns each written page's dependencies (see render.GeneratedPage)."""
        if not self._writers:
            views = self._renderer.views(self._site)
            pages = (page for page_type, keys in self._jobs
                     for page in self._renderer.pages_of(views, page_type, keys))
            return dict(_write_pages(pages, shells, site_dir, self._renderer.options.edit_prefix))
        written: dict[str, frozenset[str]] = {}
        failures, template_problems = [], []
        try:
            for helper in self._writers:
                try:
                    helper.conn.send((shells, site_dir))
                except OSError:
                    pass  # it has failed already: its report is waiting below
            for helper in self._writers:
                try:
                    status, payload = helper.conn.recv()
                except EOFError:
                    status = "failed"
                    payload = f"page writer {helper.process.name} stopped (exit code {helper.process.exitcode})"
                if status == "written":
                    written.update(payload)
                elif status == "template":
                    template_problems.append(payload)
                else:
                    failures.append(payload)
        finally:
            self.cancel()
        if template_problems:
            raise TemplateProblem(template_problems[0])
        if failures:
            raise RuntimeError("writing pages failed:\n" + "\n".join(failures))
        return written

    def cancel(self) -> None:
        """Stop the writers (the build failed, or they are done)."""
        for helper in self._writers:
            try:
                helper.conn.send(None)
            except OSError:
                pass
            helper.stop()
        self._writers = []
