"""Stage 5, write: open data files, and the swap that makes a build all-or-nothing."""

from __future__ import annotations

import functools
import gc
import gzip
import hashlib
import multiprocessing
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .graph import Site
from .jsontext import compact_json
from .model import Agency, Journey, Service, ServiceRef
from .render import GeneratedPage, Renderer, TemplateProblem
from .shell import Shell
from .urls import agency_url, journey_url, service_url
from .views import AZ_LETTER_PAGES_FROM, AZ_PAGE_SIZE


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


def _plain(value: Any) -> Any:
    """Dataclasses as dicts and tuples as lists, for JSON (dataclasses.asdict deep-copies every
    value, which made the open data a tenth of a 10,000-service build)."""
    if type(value) is str:
        return value
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _service_record(site: Site, ref: ServiceRef, service: Service) -> dict[str, Any]:
    record = {"id": str(ref), "title": service.title, "url": service_url(ref), "agency": ref.agency}
    fields = _plain(service)
    for key in ("ref", "source_path"):
        fields.pop(key)
    fields["last_reviewed"] = service.last_reviewed.isoformat()
    fields["requires"] = [str(r) for r in service.requires]
    fields["related"] = [str(r) for r in service.related]
    fields["channels"] = [{k: v for k, v in c.items() if v is not None} for c in fields["channels"]]
    record.update(fields)
    record["source"] = service.source_path
    record["part_of"] = [{"journey": u.journey_id, "step": u.step_number, "step_count": u.step_count}
                         for u in site.uses[ref]]
    record["required_by"] = [str(r) for r in site.required_by[ref]]
    return record


def _journey_record(site: Site, journey: Journey) -> dict[str, Any]:
    totals = site.totals[journey.id]
    return {
        "id": journey.id, "title": journey.title, "url": journey_url(journey.id), "summary": journey.summary,
        "audience": list(journey.audience), "description": journey.description,
        "steps": [{"number": s.number, "title": s.title, "description": s.description,
                   "services": [str(r) for r in s.services], "choose": s.choose, "when": s.when}
                  for s in journey.steps],
        "related_journeys": list(journey.related_journeys),
        "totals": {"fees_low": totals.fees.low, "fees_high": totals.fees.high,
                   "unknown_fees": [str(r) for r in totals.unknown_fees], "max_days": totals.max_days,
                   "untimed": [str(r) for r in totals.untimed]},
        "source": journey.source_path,
    }


def _agency_record(site: Site, agency: Agency) -> dict[str, Any]:
    contact = {k: v for k, v in _plain(agency.contact).items() if v is not None}
    return {
        "id": agency.id, "title": agency.name, "url": agency_url(agency.id), "name": agency.name,
        "short_name": agency.short_name, "jurisdiction": agency.jurisdiction,
        "description": agency.description, "website": agency.website, "contact": contact,
        "services": [str(r) for r in site.services_of_agency[agency.id]],
        "journeys": list(site.journeys_of_agency[agency.id]), "source": agency.source_path,
    }


def open_data(site: Site) -> dict[str, list[dict[str, Any]]]:
    """The site's content as JSON-ready lists, each record with id, title and url."""
    return {
        "services": [_service_record(site, ref, s) for ref, s in sorted(site.services.items())],
        "journeys": [_journey_record(site, j) for j in sorted(site.journeys.values(), key=lambda j: j.id)],
        "agencies": [_agency_record(site, a) for a in sorted(site.agencies.values(), key=lambda a: a.id)],
    }


@dataclass
class OpenDataCache:
    """Each record's JSON, kept between live-preview builds: a record is written again only when
    its entity (the same object while its file is unchanged, see graph.link) or the links other
    files make to it have changed."""

    records: dict[tuple[str, Any], tuple[tuple[Any, ...], str]] = field(default_factory=dict)

    def text(self, key: tuple[str, Any], inputs: tuple[Any, ...], make: Callable[..., dict[str, Any]],
             *args: Any) -> str:
        """The JSON of `make(*args)`, reused while `inputs` (the entity first) are unchanged."""
        kept = self.records.get(key)
        if kept is not None and kept[0][0] is inputs[0] and kept[0][1:] == inputs[1:]:
            return kept[1]
        text = compact_json(make(*args))
        self.records[key] = (inputs, text)
        return text


def open_data_files(site: Site, cache: OpenDataCache | None = None) -> dict[str, str]:
    """Open data as files to publish: path from the site root -> JSON text.

    Each list is written record by record: "[" + ",".join(records) + "]" is exactly what
    json.dumps makes of the list with these separators, and it lets `cache` reuse records."""
    cache = cache or OpenDataCache()
    services = [cache.text(("service", ref), (s, site.uses[ref], site.required_by[ref]), _service_record, site, ref, s)
                for ref, s in sorted(site.services.items())]
    journeys = [cache.text(("journey", j.id), (j, site.totals[j.id]), _journey_record, site, j)
                for j in sorted(site.journeys.values(), key=lambda j: j.id)]
    agencies = [cache.text(("agency", a.id), (a, site.services_of_agency[a.id], site.journeys_of_agency[a.id]),
                           _agency_record, site, a)
                for a in sorted(site.agencies.values(), key=lambda a: a.id)]
    live = {("service", ref) for ref in site.services} | {("journey", j) for j in site.journeys} \
        | {("agency", a) for a in site.agencies}
    for key in cache.records.keys() - live:
        del cache.records[key]
    return {f"data/{name}.json": "[" + ",".join(texts) + "]\n"
            for name, texts in (("services", services), ("journeys", journeys), ("agencies", agencies))}


@contextmanager
def staged_directory(target: Path) -> Iterator[Path]:
    """Build into a fresh folder beside `target`; replace `target` only if the build succeeds.

    On any exception the staging folder is removed and `target` is left exactly as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    staging_mode = 0o755  # mkdtemp makes 0700 folders; a web server must read the site
    target.chmod(staging_mode)
    shutil.rmtree(old, ignore_errors=True)


@dataclass(frozen=True)
class RenderSettings:
    """What a worker process needs to make its own Renderer."""

    template_dirs: tuple[Path, ...]
    site_name: str
    site_description: str
    base_url: str | None
    edit_prefix: str
    """Prepended to a page's source path for its edit link (e.g. '../' when docs live in content/)."""
    az_letter_pages_from: int = AZ_LETTER_PAGES_FROM
    """From this many services, the A to Z is a page per letter."""
    az_page_size: int = AZ_PAGE_SIZE
    """Services on one page of a letter."""

    def renderer(self) -> Renderer:
        return Renderer(self.template_dirs, self.site_name, self.site_description, self.base_url,
                        self.az_letter_pages_from, self.az_page_size)


def template_fingerprint(settings: RenderSettings, shells: dict[str, Shell]) -> str:
    """Changes whenever the templates, the render settings or the page shells change."""
    digest = hashlib.sha256(repr(settings).encode())
    for folder in settings.template_dirs:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    for kind in sorted(shells):
        digest.update(shells[kind].html.encode())
    return digest.hexdigest()


def page_path(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def _write_pages(pages: Iterable[GeneratedPage], shells: dict[str, Shell], site_dir: Path,
                 edit_prefix: str) -> list[tuple[str, frozenset[str]]]:
    written = []
    for page in pages:
        html = shells[page.kind].fill(page.url, page.title, page.description, page.html,
                                      edit_prefix + (page.source_path or ""))
        path = page_path(site_dir, page.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append((page.url, page.depends_on))
    return written


def item_keys(site: Site, only: set[str] | None = None) -> list[tuple[str, list[Any]]]:
    """The journey, agency and service pages (those whose URL is in `only`, if given), by kind."""
    jobs: list[tuple[str, list[Any]]] = []
    for kind, keys, url in (("journey", list(site.journeys), journey_url), ("agency", list(site.agencies), agency_url),
                            ("service", list(site.services), service_url)):
        jobs.append((kind, keys if only is None else [k for k in keys if url(k) in only]))
    return jobs


FORK_FROM = 400
"""From this many pages, pages are rendered and written by forked processes, one per core."""


def _writer(conn: Connection, site: Site, renderer: Renderer, edit_prefix: str,
            jobs: list[tuple[str, list[Any]]]) -> None:
    """A forked page writer: render its share of the pages, keeping them until the shells come,
    then write those kept and each one after as it is rendered."""
    try:
        kept: list[GeneratedPage] = []
        written: list[tuple[str, frozenset[str]]] = []
        shells: dict[str, Shell] | None = None
        site_dir = Path()
        for kind, keys in jobs:
            for page in renderer.item_pages(site, kind, keys):
                if shells is None and conn.poll():
                    message = conn.recv()
                    if message is None:  # the build was abandoned
                        return
                    shells, site_dir = message
                    written += _write_pages(kept, shells, site_dir, edit_prefix)
                    kept = []
                if shells is None:
                    kept.append(page)
                else:
                    written += _write_pages((page,), shells, site_dir, edit_prefix)
        if shells is None:
            message = conn.recv()
            if message is None:
                return
            shells, site_dir = message
            written += _write_pages(kept, shells, site_dir, edit_prefix)
        conn.send(("written", written))
    except EOFError:
        pass  # the parent went away
    except TemplateProblem as exc:
        conn.send(("template", str(exc)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("failed", traceback.format_exc()))
    finally:
        conn.close()


class PageWriters:
    """Render the journey, agency and service pages, then write them into their page shells.

    The pages need only the linked site to render, but the shells exist only once the site
    engine has rendered its own pages. So on a large site, forked processes (one per core, each
    with a share of every kind of page, the site and compiled templates inherited, nothing
    pickled) start rendering as soon as the content is linked, while the engine renders its own
    pages; they keep what they render until `write` hands them the shells, then write as they
    go. A small site is rendered here.
    """

    def __init__(self, site: Site, settings: RenderSettings, workers: int | None = None,
                 only: set[str] | None = None):
        self._site = site
        self._settings = settings
        self._jobs = item_keys(site, only)
        self._renderer = settings.renderer()
        self._writers: list[tuple[BaseProcess, Connection]] = []
        count = sum(len(keys) for _, keys in self._jobs)
        workers = workers or os.cpu_count() or 1
        if workers == 1 or count < FORK_FROM or "fork" not in multiprocessing.get_all_start_methods():
            return
        self._renderer.compile_templates()
        context = multiprocessing.get_context("fork")
        # Frozen objects are left alone by the writers' cycle collectors, so their memory pages
        # stay shared with this process instead of being copied into each (Python's gc docs).
        gc.freeze()
        try:
            for n in range(workers):
                share = [(kind, keys[n::workers]) for kind, keys in self._jobs]
                parent_end, child_end = context.Pipe()
                process = context.Process(target=_writer, daemon=True, name=f"onestop-pages-{n}",
                                          args=(child_end, site, self._renderer, settings.edit_prefix, share))
                process.start()
                child_end.close()
                self._writers.append((process, parent_end))
        finally:
            gc.unfreeze()

    def write(self, shells: dict[str, Shell], site_dir: Path) -> dict[str, frozenset[str]]:
        """Write every page; returns each written page's dependencies (see render.GeneratedPage)."""
        if not self._writers:
            pages = (page for kind, keys in self._jobs for page in self._renderer.item_pages(self._site, kind, keys))
            return dict(_write_pages(pages, shells, site_dir, self._settings.edit_prefix))
        written: dict[str, frozenset[str]] = {}
        failures, template_problems = [], []
        try:
            for _, conn in self._writers:
                try:
                    conn.send((shells, site_dir))
                except OSError:
                    pass  # it has failed already: its report is waiting below
            for process, conn in self._writers:
                try:
                    status, payload = conn.recv()
                except EOFError:
                    status, payload = "failed", f"page writer {process.name} stopped (exit code {process.exitcode})"
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
        for process, conn in self._writers:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        self._writers = []


def write_sitemap(site_dir: Path, base_url: str, urls: Sequence[str]) -> None:
    """sitemap.xml (and .gz) listing every page, at its full address."""
    base = base_url.rstrip("/") + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(base + url.removeprefix('./'))}</loc></url>" for url in urls]
    lines.append("</urlset>")
    text = "\n".join(lines) + "\n"
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as out:
        out.write(text.encode("utf-8"))
