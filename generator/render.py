"""Stage 4, render: every generated page as HTML, from Jinja templates and typed view data.

Templates live in the site's `overrides/` folder (one partial per component under
`partials/onestop/`, one template per page type under `onestop/`), so a government can restyle
its site without touching Python; their words come from the message catalogue (i18n.py). Output
is engine-neutral: a `GeneratedPage` is an address, a title and an HTML body; the site-engine
adapter decides how to wrap it.
"""

from __future__ import annotations

import functools
import os
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

import jinja2
import jinja2.meta

from .graph import Site
from .i18n import Words, install
from .options import SiteOptions
from .page_types import INDEX_PAGES, ITEM_PAGES, Key, PageType
from .problems import BuildFailure
from .views import ViewBuilder


@dataclass(frozen=True)
class GeneratedPage:
    url: str
    """Directory URL relative to the site root ('' for home, 'services/a/b/')."""
    title: str
    description: str
    """One plain sentence for search engines and link previews."""
    html: str
    """The page's main content, starting with its h1."""
    source_path: str | None
    """The YAML file an editor changes to change this page."""
    kind: str
    """Its page type (page_types.PAGE_TYPES)."""
    depends_on: frozenset[str] = frozenset()
    """The journeys, agencies and services this page shows data of (see ViewBuilder.touched)."""


class TemplateProblem(BuildFailure):
    """A page template (the theme's, or a government's override of it) failed: names the template
    file and line, for the web team, instead of a traceback."""

    @classmethod
    def from_jinja(cls, exc: jinja2.TemplateError) -> TemplateProblem:
        where = None
        if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
            where = f"{exc.filename}:{exc.lineno}"
        else:  # Jinja puts the template's own file and line into the traceback's frames
            frames = traceback.extract_tb(exc.__traceback__)
            templates = [f for f in frames if f.filename.endswith((".html", ".xml", ".j2"))]
            if templates:
                where = f"{templates[-1].filename}:{templates[-1].lineno}"
        message = exc.message or type(exc).__name__
        return cls(f"{_shown(where)}: template error: {message}" if where else f"template error: {message}")


def _shown(where: str) -> str:
    """A template's path as the web team sees it: from the folder onestop runs in, when inside it."""
    relative = os.path.relpath(where)
    return where if relative.startswith("..") else relative


@functools.cache
def _field_names(view_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(view_type))


class Renderer:
    """Renders pages from the templates; one per build (its templates compile once)."""

    def __init__(self, options: SiteOptions, words: Words | None = None):
        self.options = options
        self.words = words or Words(options.language)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in options.template_dirs]),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
            # A Renderer lives for one build: templates do not change under it, so Jinja need not
            # stat every template file on every page.
            auto_reload=False,
        )
        install(self.env, self.words)

    def views(self, site: Site) -> ViewBuilder:
        return ViewBuilder(site, self.options, self.words)

    def compile_templates(self) -> None:
        """Compile every page template (and the partials they import) now: done before the page
        writers fork, each starts with them compiled instead of compiling its own copies."""
        pending = self.env.list_templates(filter_func=lambda name: name.startswith("onestop/"))
        seen: set[str] = set()
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            self.env.get_template(name)
            source = self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]
            pending += [n for n in jinja2.meta.find_referenced_templates(self.env.parse(source)) if n]

    def _render(self, template: str, view: Any) -> str:
        context = {name: getattr(view, name) for name in _field_names(type(view))}
        try:
            return self.env.get_template(f"onestop/{template}.html").render(site_name=self.options.site_name,
                                                                            **context)
        except jinja2.TemplateError as exc:
            raise TemplateProblem.from_jinja(exc) from None

    def render_view(self, template: str, view: Any) -> str:
        """`overrides/onestop/<template>.html` with the fields of `view` (a page outside the table of
        page types, such as live preview's page of problems)."""
        return self._render(template, view)

    def page(self, views: ViewBuilder, page_type: PageType, key: Key) -> GeneratedPage:
        """One page, with what it shows recorded (`depends_on`)."""
        views.touched.clear()
        html = self._render(page_type.template, page_type.view(views, key))
        return GeneratedPage(page_type.url(key), page_type.title(views, key), page_type.description(views, key),
                             html, page_type.source(views.site, key), page_type.kind, frozenset(views.touched))

    def pages_of(self, views: ViewBuilder, page_type: PageType, keys: Iterable[Key] | None = None
                 ) -> Iterator[GeneratedPage]:
        """The pages of one type (those of `keys`, if given)."""
        for key in page_type.keys(views) if keys is None else keys:
            yield self.page(views, page_type, key)

    def index_pages(self, site: Site) -> Iterator[GeneratedPage]:
        """The few pages that go through the site engine: home, the lists, the A to Z, search."""
        views = self.views(site)
        for page_type in INDEX_PAGES:
            yield from self.pages_of(views, page_type)

    def pages(self, site: Site) -> Iterator[GeneratedPage]:
        """Every generated page of the site."""
        yield from self.index_pages(site)
        views = self.views(site)
        for page_type in ITEM_PAGES:
            yield from self.pages_of(views, page_type)
