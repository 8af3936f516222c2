"""Live preview: what `make serve` (`mkdocs serve --dirty`) keeps from one build to the next, so
that saving one file re-reads, re-checks and re-renders only what that file touches.

The identity chain. Each cache reuses its work while what it was made from is *the very same
object* as last time, and each stage hands the next the same objects for the files that have not
changed:

1. `load.LoadCache` hands back the same `SourceFile` while the file's size, modification time and
   inode are unchanged;
2. `validate` reuses a file's own `FileCheck` while its `SourceFile` is that same object
   (`CheckCache.file_checks`);
3. `graph.link` reuses a file's `Agency`, `Service` or `Journey` while its `SourceFile` is that same
   object (`CheckCache.entities`), so unchanged entities stay the same objects from build to build;
4. `opendata.OpenDataCache` reuses a record's JSON while its entity is that same object and the
   links other files make to it are equal;
5. `BuildMemory` knows what each page showed, and re-renders the pages whose entities changed
   (below).

A stage that made new objects for unchanged files would only be slower, never wrong: every cache
compares identity first and otherwise does the work again. The rules that span files (references,
cycles, orphans, review dates) always run again. `tests/test_incremental.py` holds the preview's
output equal to a full build's, file for file, after each kind of edit.

Which pages a change touches. A page depends on every journey, agency and service whose data it
shows (recorded while its view data is built: `GeneratedPage.depends_on`). Some of what a page
shows comes from other files' links, the reverse edges: a service page lists the services that
require it and the journeys that use it; an agency page lists its services and journeys. So a
change to an entity affects the entity itself and the lists its links put it in, before and after
the change (`PageType.links_to`).
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .graph import Site, entity_key
from .load import LoadCache, SourceFile
from .opendata import OpenDataCache
from .options import SiteOptions
from .output import remove_page
from .page_types import BY_ENTITY, ITEM_PAGES
from .shell import Shell
from .validate import FileCheck


@dataclass
class CheckCache:
    """What a check keeps between live-preview checks (steps 1 to 3 of the identity chain)."""

    files: LoadCache = field(default_factory=LoadCache)
    file_checks: dict[str, FileCheck] = field(default_factory=dict)
    entities: dict[str, tuple[SourceFile, Any]] = field(default_factory=dict)

    def forget_all_but(self, paths: set[str]) -> None:
        """Drop what was kept of files that are gone."""
        for kept in (self.file_checks, self.entities):
            for path in kept.keys() - paths:
                del kept[path]


def _entities(site: Site) -> dict[str, object]:
    return {entity_key(t.entity, key): value for t in ITEM_PAGES if t.entity and t.entities
            for key, value in t.entities(site).items()}


def _all_entities(site: Site) -> dict[str, object]:
    """The entities with pages, and those shown on others' pages only (questions, on journey pages)."""
    return {**_entities(site), **{entity_key("question", q): question for q, question in site.questions.items()}}


def changed_entities(old: Site, new: Site) -> set[str]:
    """Entities added, removed or changed in any field."""
    before, after = _all_entities(old), _all_entities(new)
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def _links_to(site: Site, key: str) -> set[str]:
    kind, _, ident = key.partition(":")
    page_type = BY_ENTITY.get(kind)
    if page_type is None or page_type.links_to is None:
        return set()
    return page_type.links_to(site, page_type.parse_key(ident))


def affected_entities(old: Site, new: Site) -> set[str]:
    changed = changed_entities(old, new)
    affected = set(changed)
    for key in changed:
        affected |= _links_to(old, key) | _links_to(new, key)
    return affected


def page_url(key: str) -> str:
    """The address of an entity's own page, from its dependency key."""
    kind, _, ident = key.partition(":")
    page_type = BY_ENTITY[kind]
    return page_type.url(page_type.parse_key(ident))


def template_fingerprint(options: SiteOptions, shells: dict[str, Shell]) -> str:
    """Changes whenever the templates, the options or the page shells change."""
    digest = hashlib.sha256(repr(options).encode())
    for folder in options.template_dirs:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    for kind in sorted(shells):
        digest.update(shells[kind].html.encode())
    return digest.hexdigest()


@dataclass
class BuildMemory:
    """What the previous build wrote."""

    site: Site
    depends_on: dict[str, frozenset[str]] = field(default_factory=dict)
    """Page of an entity -> the entities it shows."""
    fingerprint: str = ""
    """Templates, options and page shells: when any of these change, every page is rendered again."""


@dataclass
class Preview:
    """Everything live preview keeps between builds."""

    dirty: bool
    """Pages stay on disk between builds (`serve --dirty`), so a build writes only what changed."""
    checks: CheckCache = field(default_factory=CheckCache)
    open_data: OpenDataCache = field(default_factory=OpenDataCache)
    memory: BuildMemory | None = None
    engine_pages: list[str] = field(default_factory=list)
    """The site engine's own pages in the previous build."""

    @property
    def renders_all(self) -> bool:
        """Whether the next build renders every page (and can start doing so at once)."""
        return not self.dirty or self.memory is None

    def pages_to_render(self, new: Site, fingerprint: str) -> set[str] | None:
        """Addresses of the pages of an entity to render again, or None for all of them."""
        memory = self.memory
        if memory is None or memory.fingerprint != fingerprint:
            return None
        affected = affected_entities(memory.site, new)
        urls = {url for url, depends in memory.depends_on.items() if depends & affected}
        entities = _entities(new)
        return urls | {page_url(key) for key in affected if key in entities}

    def removed_pages(self, new: Site) -> set[str]:
        if self.memory is None:
            return set()
        return {page_url(key) for key in _entities(self.memory.site).keys() - _entities(new).keys()}

    def clear_stale(self, new: Site, site_dir: Path, engine_pages: list[str]) -> set[str]:
        """Remove the pages of entities that are gone and the engine's pages this build does not
        have (MkDocs leaves an earlier build's pages in place); returns the entity pages removed."""
        removed = self.removed_pages(new) if self.dirty else set()
        for url in removed:
            shutil.rmtree(site_dir / url, ignore_errors=True)
        if self.dirty:
            for url in set(self.engine_pages) - set(engine_pages):
                remove_page(site_dir, url)
        self.engine_pages = list(engine_pages)
        return removed

    def remember(self, new: Site, written: dict[str, frozenset[str]], only: set[str] | None, removed: set[str],
                 fingerprint: str) -> None:
        """Keep what this build wrote, for the next one."""
        if not self.dirty:
            return
        depends = {} if only is None or self.memory is None else dict(self.memory.depends_on)
        for url in removed:
            depends.pop(url, None)
        depends.update(written)
        self.memory = BuildMemory(new, depends, fingerprint)
