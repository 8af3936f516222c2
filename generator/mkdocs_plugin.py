"""The MkDocs adapter: a thin plugin over the onestop pipeline.

- on_pre_build runs load -> validate -> link (or takes the site the onestop CLI has just checked),
  before MkDocs cleans the site folder, so broken content never empties an existing site; then
  it starts the page writers, which render journey, agency and service pages while MkDocs works.
- on_files adds the index pages (home, guides, agencies, A to Z) and the open data as virtual
  files (`File.generated`), plus the JSON Schemas and one placeholder page per page type (journey, agency, service):
  the page shells (see shell.py).
- on_page_content puts each generated body in as ready HTML (it never goes through Markdown).
- on_post_build hands the page writers the shells, so that they write every journey, agency and
  service page, and writes a sitemap of all pages.
- on_post_page adds each page's Content-Security-Policy (csp.py); page shells get it
  too, so every page written from them carries it.
- on_serve watches the content folders.

This module and mkdocs_build.py are the only ones that import mkdocs.
"""

from __future__ import annotations

import datetime as dt
import gc
import html
import json
import logging
import os
import re
import shutil
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .csp import add_csp
from .graph import Site
from .i18n import Words, install
from .incremental import BuildMemory, pages_to_render, removed_pages
from .pipeline import CheckCache, check
from .render import GeneratedPage, TemplateProblem
from .schemas import published_schemas
from .search import ContentPage, site_search
from .shell import BODY, DESCRIPTION, EDIT, SHELL_URLS, TITLE, Shell
from .views import AZ_LETTER_PAGES_FROM, AZ_PAGE_SIZE, item_page_urls
from .write import OpenDataCache, PageWriters, RenderSettings, open_data_files, template_fingerprint, write_sitemap

log = logging.getLogger("mkdocs.plugins.onestop")

_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">')
"""Material's base.html gives its two checkbox toggles autocomplete="off", which HTML allows on text-like
inputs only (a Nu HTML Checker error); no template block wraps them, so the built page is mended instead."""


_SEARCH_TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
"""Material's (hidden) toggle for its own search dialog. onestop's search is a plain form, so the
label Material gives this toggle in its search partial is never rendered; the toggle stays (the
theme's script looks it up) and is named here, so that no form field is left without a name."""


def valid_toggles(html: str) -> str:
    """The page without autocomplete="off" on the theme's checkbox toggles, its search toggle named."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)
    return html.replace(_SEARCH_TOGGLE, _SEARCH_TOGGLE[:-1] + ' aria-label="Search">', 1)


class OnestopConfig(Config):
    content_root = c.Optional(c.Dir(exists=True))
    """The folder holding agencies/ and journeys/; defaults to the folder of mkdocs.yml."""
    strict = c.Type(bool, default=False)
    """Treat content warnings as errors."""
    report_problems = c.Type(bool, default=True)
    """Log each problem (the onestop CLI turns this off: it has already printed them)."""
    today = c.Optional(c.Type(str))
    """Pin today's date (YYYY-MM-DD) for the review-date rules, as tests do."""
    workers = c.Type(int, default=0)
    """Processes that write pages; 0: one per core."""
    az_letter_pages_from = c.Type(int, default=AZ_LETTER_PAGES_FROM)
    """From this many services, the A to Z is a page per letter instead of one page."""
    az_page_size = c.Type(int, default=AZ_PAGE_SIZE)
    """Services on one page of a letter; a letter with more has numbered pages."""


def _front_matter(title: str | None, description: str) -> str:
    # The theme prints page titles and descriptions into <title>, <meta> and the navigation
    # without escaping them (it expects trusted text): escape here.
    front = {"title": html.escape(title) if title else None, "description": html.escape(description)}
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items() if v) + "---\n\n"


def page_markdown(page: GeneratedPage, intro: str = "") -> str:
    """A generated index page as Markdown: front matter, optional intro, then the body placeholder.
    The home page has no title of its own: the theme titles it with the site name alone."""
    title = None if page.kind == "home" else page.title
    return _front_matter(title, page.description) + (intro.strip() + "\n\n" if intro.strip() else "") + BODY + "\n"


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4:].lstrip("\n")
    return text


def _remove_page(site_dir: Path, url: str) -> None:
    """Remove a page's index.html, and its folders as far up as they are left empty."""
    folder = site_dir / url
    (folder / "index.html").unlink(missing_ok=True)
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


class OnestopPlugin(BasePlugin[OnestopConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._site: Site | None = None
        self._bodies: dict[str, str] = {}
        self._engine_pages: list[str] = []
        self._previous_engine_pages: list[str] = []
        self._dirty = False
        self._check_cache: CheckCache | None = None
        self._open_data_cache: OpenDataCache | None = None
        self._memory: BuildMemory | None = None
        self._serving = False
        self._checked_site: Site | None = None
        self._collector_paused: bool | None = None
        self._writers: PageWriters | None = None
        self.pages_built = 0
        """Pages in the site after the last build: MkDocs' own and the journey, agency and service pages."""
        """Whether the cycle collector was on when this build paused it; None when not paused."""

    def use_checked_site(self, site: Site) -> None:
        """The onestop CLI has just checked the content (and printed its problems): the next
        build uses that site instead of checking every file again."""
        self._checked_site = site

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this plugin instance across `serve`
        # rebuilds. With `serve --dirty` (make serve), unchanged pages stay on disk, so only
        # the files and pages a change touches are parsed and rendered again.
        # `mkdocs serve` injects its own inline live-reload script into each page, which a
        # policy would block: previews go without it, built sites always carry it.
        self._serving = command == "serve"
        self._dirty = command == "serve" and dirty
        self._check_cache = CheckCache() if command == "serve" else None
        self._open_data_cache = OpenDataCache() if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("onestop needs use_directory_urls: true in mkdocs.yml")
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning("mkdocs.yml: plugins: Material's search plugin is on, but onestop has its own search "
                        "(the /search/ page): remove '- search' from plugins, or every page loads two searches")
        return config

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.content_root:
            return Path(self.config.content_root)
        return Path(config.config_file_path).parent

    def _settings(self, config: MkDocsConfig) -> RenderSettings:
        root = self._root(config)
        theme_dir = config.theme.custom_dir or str(root / "overrides")
        # Edit links point at the YAML an editor changes; edit_uri points at docs_dir, so go up from there.
        prefix = os.path.relpath(root, config.docs_dir).replace(os.sep, "/")
        return RenderSettings((Path(theme_dir),), config.site_name, config.site_description or "",
                              config.site_url, "" if prefix == "." else prefix + "/", self.config.az_letter_pages_from,
                              self.config.az_page_size)

    def _pause_collector(self) -> None:
        # A build makes millions of objects that live until it ends; Python's cycle collector
        # would scan them again and again (a third of a live-preview rebuild at 10,000 services).
        # They hold no cycles worth collecting before the build ends: resume it then.
        if self._collector_paused is None:
            self._collector_paused = gc.isenabled()
            gc.disable()

    def _resume_collector(self) -> None:
        if self._collector_paused:
            gc.enable()
        self._collector_paused = None

    def on_build_error(self, error: Exception) -> None:
        if self._writers is not None:
            self._writers.cancel()
            self._writers = None
        self._resume_collector()

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self._pause_collector()
        if self._checked_site is not None:
            self._site, self._checked_site = self._checked_site, None
        else:
            today = dt.date.fromisoformat(self.config.today) if self.config.today else None
            result = check(self._root(config), today, self._check_cache)
            if self.config.report_problems:
                for problem in result.warnings:
                    log.warning(problem.format_text())
            if result.failed(self.config.strict):
                shown = result.errors if result.errors else result.warnings
                raise PluginError("content has problems:\n" + "\n".join(p.format_text() for p in shown))
            self._site = result.site
        assert self._site is not None
        if not self._dirty or self._memory is None:
            # Every item page will be written: start rendering them now, while MkDocs renders
            # its own pages (a live-preview rebuild decides what to render once it has the shells).
            self._writers = PageWriters(self._site, self._settings(config), self.config.workers or None)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            return self._add_files(files, config)
        except TemplateProblem as exc:
            raise PluginError(str(exc)) from None

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self._site is not None
        intro = ""
        home = files.get_file_from_path("index.md")
        if home is not None:
            intro = _strip_front_matter(home.content_string)
            files.remove(home)
        self._bodies = {}
        for page in self._settings(config).renderer().index_pages(self._site):
            files.append(File.generated(config, page.src_uri,
                                        content=page_markdown(page, intro if page.kind == "home" else "")))
            self._bodies[page.src_uri] = page.html
        for url in SHELL_URLS.values():
            shell = File.generated(config, url.rstrip("/") + ".md",
                                   content=_front_matter(TITLE, DESCRIPTION) + BODY + "\n")
            shell.edit_uri = EDIT
            self._bodies[shell.src_uri] = BODY
            files.append(shell)
        open_data = open_data_files(self._site, self._open_data_cache)
        for path, text in {**open_data, **published_schemas()}.items():
            files.append(File.generated(config, path, content=text))
        shell_uris = {url.rstrip("/") + ".md" for url in SHELL_URLS.values()}
        self._engine_pages = [f.url for f in files.documentation_pages() if f.src_uri not in shell_uris]
        pages = [ContentPage(f.url, f.content_string) for f in files.documentation_pages() if f.generated_by is None]
        for path, text in site_search(self._site, pages).files.items():
            files.append(File.generated(config, path, content=text))
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self._bodies.get(page.file.src_uri)
        if body is None:
            return html
        return html.replace(f"<p>{BODY}</p>", body)

    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            self._write_item_pages(config)
        except TemplateProblem as exc:
            raise PluginError(str(exc)) from None
        finally:
            self._resume_collector()

    def _write_item_pages(self, config: MkDocsConfig) -> None:
        assert self._site is not None
        site_dir = Path(config.site_dir)
        shells = {}
        for kind, url in SHELL_URLS.items():
            path = site_dir / url / "index.html"
            shells[kind] = Shell(kind, path.read_text(encoding="utf-8"))
            shutil.rmtree(site_dir / url.split("/")[0] / url.split("/")[1])
        settings = self._settings(config)
        fingerprint = template_fingerprint(settings, shells)
        writers, self._writers = self._writers, None
        if writers is None:
            only = pages_to_render(self._memory, self._site, fingerprint)
            writers = PageWriters(self._site, settings, self.config.workers or None, only)
        else:
            only = None
        removed = removed_pages(self._memory, self._site) if self._dirty else set()
        for url in removed:
            shutil.rmtree(site_dir / url, ignore_errors=True)
        if self._dirty:  # MkDocs leaves the pages of an earlier build: drop those this one has not
            for url in set(self._previous_engine_pages) - set(self._engine_pages):
                _remove_page(site_dir, url)
        self._previous_engine_pages = list(self._engine_pages)
        written = writers.write(shells, site_dir)
        if self._dirty:
            depends = {} if only is None or self._memory is None else dict(self._memory.depends_on)
            for url in removed:
                depends.pop(url, None)
            depends.update(written)
            self._memory = BuildMemory(self._site, depends, fingerprint)
        item_urls = item_page_urls(self._site)
        self.pages_built = len(self._engine_pages) + len(item_urls)
        if config.site_url:
            write_sitemap(site_dir, config.site_url, [*self._engine_pages, *item_urls])
        else:
            log.warning("onestop: set site_url in mkdocs.yml to get a sitemap.xml of every page")

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:  # type: ignore[no-untyped-def]
        output = valid_toggles(output)
        return output if self._serving else add_csp(output)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # 404.html; not sitemap.xml
            return output
        output = valid_toggles(output)
        return output if self._serving else add_csp(output)

    def on_env(self, env, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        # The theme's own templates (main.html, 404.html) say their words through the same
        # catalogue as onestop's pages.
        install(env, Words())
        return env

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        root = self._root(config)
        for folder in ("agencies", "journeys"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
