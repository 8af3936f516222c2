"""Stage 5, write: open data files, and the swap that makes a build all-or-nothing."""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .graph import Site
from .model import Agency, Journey, Service, ServiceRef
from .render import GeneratedPage, Renderer
from .shell import Shell
from .views import agency_url, journey_url, service_url


def _plain(value: Any) -> Any:
    """Dataclasses as dicts and tuples as lists, for JSON (dataclasses.asdict deep-copies every
    value, which made the open data a tenth of a 10,000-service build)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
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


def _json(value: Any) -> str:
    # Compact separators keep json's C encoder (indent= falls back to the pure-Python one).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
        text = _json(make(*args))
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

    def renderer(self) -> Renderer:
        return Renderer(self.template_dirs, self.site_name, self.site_description, self.base_url)


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


# Worker processes are forked with the linked site and a renderer whose templates are compiled
# already in memory (nothing to pickle); this holds them for the life of each worker process,
# never in the parent.
_worker_state: tuple[Site, Renderer, str, dict[str, Shell], Path] | None = None


def _init_worker(site: Site, renderer: Renderer, edit_prefix: str, shells: dict[str, Shell], site_dir: Path) -> None:
    global _worker_state
    _worker_state = (site, renderer, edit_prefix, shells, site_dir)


def _write_chunk(job: tuple[str, list[Any]]) -> list[tuple[str, frozenset[str]]]:
    assert _worker_state is not None
    site, renderer, edit_prefix, shells, site_dir = _worker_state
    kind, keys = job
    return _write_pages(renderer.item_pages(site, kind, keys), shells, site_dir, edit_prefix)


def item_jobs(site: Site, only: set[str] | None = None, chunk: int = 250) -> list[tuple[str, list[Any]]]:
    """The journey, agency and service pages (those whose URL is in `only`, if given), in chunks."""
    jobs: list[tuple[str, list[Any]]] = []
    for kind, keys, url in (("journey", list(site.journeys), journey_url), ("agency", list(site.agencies), agency_url),
                            ("service", list(site.services), service_url)):
        if only is not None:
            keys = [k for k in keys if url(k) in only]
        jobs += [(kind, keys[i: i + chunk]) for i in range(0, len(keys), chunk)]
    return jobs


def write_item_pages(site: Site, settings: RenderSettings, shells: dict[str, Shell], site_dir: Path,
                     workers: int | None = None, only: set[str] | None = None) -> dict[str, frozenset[str]]:
    """Render journey, agency and service pages into their shells and write them (all, or those in
    `only`); returns each written page's dependencies. Large sites use every core (forked workers)."""
    jobs = item_jobs(site, only)
    count = sum(len(keys) for _, keys in jobs)
    workers = workers or os.cpu_count() or 1
    renderer = settings.renderer()
    if workers == 1 or count < 400 or "fork" not in multiprocessing.get_all_start_methods():
        results = [_write_pages(renderer.item_pages(site, kind, keys), shells, site_dir, settings.edit_prefix)
                   for kind, keys in jobs]
    else:
        renderer.compile_templates()
        context = multiprocessing.get_context("fork")
        # Frozen objects are left alone by the workers' cycle collectors, so their memory pages
        # stay shared with the parent instead of being copied into each worker (Python's gc docs).
        gc.freeze()
        try:
            with context.Pool(workers, initializer=_init_worker,
                              initargs=(site, renderer, settings.edit_prefix, shells, site_dir)) as pool:
                results = list(pool.imap_unordered(_write_chunk, jobs))
        finally:
            gc.unfreeze()
    return dict(pair for result in results for pair in result)


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
