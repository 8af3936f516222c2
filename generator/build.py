"""A build of the site, whatever the site engine: check the content, start the page writers, give
the engine the files it publishes, then write the pages of every entity into the engine's shells.

A site-engine adapter drives one `SiteBuild` per build through three calls, in the engine's order:

- `start(checked)`: check the content (or take the site the CLI has just checked), before the
  engine touches the site folder, so broken content never empties an existing site; then start
  the page writers, which render while the engine works;
- `index_pages()` and `files(content_pages)`: the pages that go through the engine (home, the
  lists, search) and the files it copies as they are (open data, JSON Schemas, the search index, calendar files);
- `finish(shells, site_dir, engine_pages)`: with the engine's page shells, write every journey,
  agency and service page, keep live preview's memory, write the sitemap.

`cancel()` stops the page writers if the engine fails in between.

In live preview (`show_problems`), content with errors does not stop the build: every page the
engine renders is the page of problems instead (preview_page.py), and so is every page of an entity
the last good build wrote, until a save fixes them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import fields
from pathlib import Path

from .deadlines import calendar_files
from .graph import Site
from .i18n import Words, load_words
from .languages import SiteLanguages, generated_pages, language_root
from .opendata import open_data_files
from .options import SiteOptions
from .output import page_path, write_sitemap
from .page_types import INDEX_PAGES, ITEM_PAGES, PageType, item_page_urls
from .page_writers import PageWriters
from .parallel import CollectorPause
from .pipeline import CheckResult, check
from .preview import Preview, template_fingerprint
from .preview_page import problems_html, problems_page
from .problems import BuildFailure, Problem
from .render import GeneratedPage, Renderer
from .schemas import published_schemas
from .search import ContentPage, load_synonyms, site_search
from .shell import Shell
from .translations.schema import translation_schema_files
from .translations.site import translated_site

log = logging.getLogger("onestop")
_ONE_PAGE = next(f.default for f in fields(PageType) if f.name == "keys")
"""The `keys` of a page type that has one page (home, the lists, search)."""


class ContentProblems(BuildFailure):
    """The content has errors (or warnings, when strict): nothing is built."""

    def __init__(self, problems: list[Problem]):
        super().__init__("content has problems:\n" + "\n".join(p.format_text() for p in problems))
        self.problems = problems


class SiteBuild:
    def __init__(self, options: SiteOptions, preview: Preview | None = None,
                 warn: Callable[[str], None] = log.warning):
        self.options = options
        self.preview = preview
        self._warn = warn
        """Says a warning to whoever runs the build (the engine's log)."""
        self.words: Words = load_words(options.content_root, options.language)
        self.renderer = Renderer(options, self.words)
        self._site: Site | None = None
        self._writers: PageWriters | None = None
        self._collector = CollectorPause()
        self.problems: list[Problem] | None = None
        """Live preview only: the content's problems, shown instead of the site (start(show_problems))."""
        self._problems_body = ""
        self.checked: CheckResult | None = None
        """The check this build builds from."""
        self.languages = SiteLanguages((options.language,), {})
        """The site's languages and each one's pages (languages.py), known once the content is checked."""
        self.translated: dict[str, Site] = {}
        """The site in each of its other languages (a build in the content's own language makes them)."""

    @property
    def site(self) -> Site:
        if self._site is None:
            raise RuntimeError("SiteBuild.start() has not run")
        return self._site

    def start(self, checked: CheckResult | None = None, report_problems: bool = True, show_problems: bool = False,
              languages: SiteLanguages | None = None) -> None:
        """Check the content (unless `checked`, a check the caller has just made) and start the page
        writers. Raises ContentProblems when the content has errors; with `show_problems` (live
        preview) the build goes on to show them instead (`problems`). A build of another language
        than the content's is handed its translated site as `checked.site`, and the site's
        `languages` as the content's build worked them out."""
        self._collector.pause()
        if checked is None:
            checked = check(self.options.content_root, self.options.today,
                            self.preview.checks if self.preview else None, self.options.pages_dir)
            if report_problems:
                for problem in checked.warnings:
                    self._warn(problem.format_text())
            if checked.failed(self.options.strict):
                self._collector.resume()
                if not show_problems:
                    raise ContentProblems(checked.errors or checked.warnings)
                self.problems = checked.errors or checked.warnings
                self._problems_body = problems_html(self.renderer, self.problems)
                return
        assert checked.site is not None
        self._site = checked.site
        self.checked = checked
        self.languages = languages or self._languages(checked)
        if self.preview is None or self.preview.renders_all:
            # Every page of an entity will be written: start rendering them now, while the engine
            # renders its own pages (a live-preview rebuild decides once it has the shells).
            self._writers = PageWriters(checked.site, self.renderer, self.options.workers or None)

    def _languages(self, checked: CheckResult) -> SiteLanguages:
        """Each language's site and pages (the other languages' from the translations)."""
        site, first = self.site, checked.languages[0]
        self.translated = {lang: translated_site(site, checked.translations, lang) for lang in checked.languages[1:]}
        sites = {first: site, **self.translated}
        return SiteLanguages(checked.languages, {lang: generated_pages(self.renderer.views(s))
                                                 for lang, s in sites.items()})

    def index_pages(self) -> list[GeneratedPage]:
        """The pages the engine renders itself, with their bodies."""
        if self.problems is not None:
            return [problems_page(self.renderer, self.problems, t.url(None), t.kind, self._problems_body)
                    for t in INDEX_PAGES if t.keys is _ONE_PAGE]
        return list(self.renderer.index_pages(self.site))

    def body(self, html: str) -> str:
        """A page's body as the engine renders it: the page of problems, while there are some."""
        return html if self.problems is None else self._problems_body

    def files(self, content_pages: Iterable[ContentPage]) -> dict[str, str]:
        """The files the engine publishes as they are: path from the site root -> text."""
        if self.problems is not None:
            return {}
        files = open_data_files(self.site, self.preview.open_data if self.preview else None)
        files.update(published_schemas())
        files.update(translation_schema_files())  # editors' language servers read them too
        # The synonyms of the pages' language (synonyms.yml, synonyms.es.yml); the check reports their problems
        synonyms, _ = load_synonyms(self.options.content_root, self.words.language)
        files.update(site_search(self.site, list(content_pages), self.words, synonyms).files)
        files.update(calendar_files(self.site, self.words, self.options.site_name, self.options.base_url,
                                    self.options.today or dt.date.today()))
        return files

    def finish(self, shells: dict[str, Shell], site_dir: Path, engine_pages: list[str]) -> int:
        """Write the pages of every entity and the sitemap; returns how many pages the site has."""
        if self.problems is not None:
            return self._finish_with_problems(shells, site_dir, engine_pages)
        try:
            site, preview = self.site, self.preview
            fingerprint = template_fingerprint(self.options, shells) if preview and preview.dirty else ""
            writers, self._writers = self._writers, None
            only = None
            if writers is None:  # a live-preview rebuild: render what the change touches
                assert preview is not None
                only = preview.pages_to_render(site, fingerprint)
                writers = PageWriters(site, self.renderer, self.options.workers or None, only)
            removed = preview.clear_stale(site, site_dir, engine_pages) if preview else set()
            written = writers.write(shells, site_dir)
            if preview:
                preview.remember(site, written, only, removed, fingerprint)
            item_urls = item_page_urls(site)
            if self.site.language != self.languages.languages[0]:
                for name in ("sitemap.xml", "sitemap.xml.gz"):  # the engine's own: the site's lists every language
                    (site_dir / name).unlink(missing_ok=True)
            elif self.options.site_url:
                write_sitemap(site_dir, self.options.site_url, *self._sitemap_urls(engine_pages, item_urls))
            else:
                self._warn("onestop: set the site's address (site_url) to get a sitemap.xml of every page")
            return len(engine_pages) + len(item_urls)
        finally:
            self._collector.resume()

    def _sitemap_urls(self, engine_pages: list[str], item_urls: list[str]
                      ) -> tuple[list[str], dict[str, list[tuple[str, str]]]]:
        """Every page of the site from its root, in every language (each other language has the
        hand-written pages and its own generated ones), and each page's twins (hreflang, address)."""
        urls = ["" if u == "./" else u for u in engine_pages] + item_urls
        languages = self.languages
        if not languages.many:
            return urls, {}
        alternates = {u: languages.alternates(u) for u in urls}
        first = languages.generated.get(languages.languages[0], frozenset())
        handwritten = [u for u in urls[:len(engine_pages)] if u not in first]
        for lang in languages.languages[1:]:
            root = language_root(languages.languages, lang)
            for url in [*handwritten, *sorted(languages.generated.get(lang, ()))]:
                urls.append(root + url)
                alternates[root + url] = languages.alternates(url)
        return urls, alternates

    def _finish_with_problems(self, shells: dict[str, Shell], site_dir: Path, engine_pages: list[str]) -> int:
        """Every page of an entity the last good build wrote becomes the page of problems, in its
        own page shell (so that its links and styles work at its depth); the next good build
        renders every page again."""
        preview, written = self.preview, 0
        if preview is not None and preview.memory is not None:
            kinds = {t.url(key): t.kind for t in ITEM_PAGES if t.entities for key in t.entities(preview.memory.site)}
            for url in preview.memory.depends_on:
                if url in kinds and kinds[url] in shells and page_path(site_dir, url).is_file():
                    page = problems_page(self.renderer, self.problems or [], url, kinds[url], self._problems_body)
                    page_path(site_dir, url).write_text(
                        shells[kinds[url]].fill(url, page.title, page.description, page.html), encoding="utf-8")
                    written += 1
            preview.memory = None
        if preview is not None:
            preview.engine_pages = list(engine_pages)
        return len(engine_pages) + written

    def cancel(self) -> None:
        """The engine failed: stop the page writers."""
        if self._writers is not None:
            self._writers.cancel()
            self._writers = None
        self._collector.resume()
