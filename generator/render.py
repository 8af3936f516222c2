"""Stage 4, render: every generated page as HTML, from Jinja templates and view data.

Templates live in the site's `overrides/` folder (one partial per component under
`partials/onestop/`, one template per page type under `onestop/`), so a government can restyle
its site without touching Python. Output is engine-neutral: a `GeneratedPage` is a path, a title
and an HTML body; the site-engine adapter decides how to wrap it.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from .graph import Site
from .i18n import Words, install
from .urls import (
    agencies_url,
    agency_url,
    az_letter_url,
    az_url,
    home_url,
    journey_url,
    journeys_url,
    search_url,
    service_url,
)
from .views import (
    AZ_LETTER_PAGES_FROM,
    AZ_PAGE_SIZE,
    ViewBuilder,
    az_letter_heading,
    az_page_count,
)


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
    """home, journeys, journey, agencies, agency, az, az-letter, service or search."""
    depends_on: frozenset[str] = frozenset()
    """The journeys, agencies and services this page shows data of (see ViewBuilder.touched)."""

    @property
    def src_uri(self) -> str:
        """The page as a Markdown source path: 'services/a/b.md', 'journeys/index.md'."""
        if self.kind in ("home", "journeys", "agencies", "az", "az-letter", "search"):
            return self.url + "index.md"
        return self.url.rstrip("/") + ".md"


class TemplateProblem(Exception):
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


class Renderer:
    def __init__(self, template_dirs: Sequence[Path], site_name: str, site_description: str = "",
                 base_url: str | None = None, az_letter_pages_from: int = AZ_LETTER_PAGES_FROM,
                 az_page_size: int = AZ_PAGE_SIZE):
        self.az_letter_pages_from = az_letter_pages_from
        self.az_page_size = az_page_size
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
            # A Renderer lives for one build: templates do not change under it, so Jinja need not
            # stat every template file on every page.
            auto_reload=False,
        )
        install(self.env, Words())
        self.site_name = site_name
        self.site_description = site_description or f"{site_name}: every step, across every agency, in one place."
        self.base_url = base_url

    def views(self, site: Site) -> ViewBuilder:
        return ViewBuilder(site, self.base_url, az_letter_pages_from=self.az_letter_pages_from,
                           az_page_size=self.az_page_size)

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

    def _render(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(f"onestop/{template}.html").render(site_name=self.site_name, **context)
        except jinja2.TemplateError as exc:
            raise TemplateProblem.from_jinja(exc) from None

    def pages(self, site: Site) -> Iterator[GeneratedPage]:
        """Every generated page of the site."""
        yield from self.index_pages(site)
        yield from self.item_pages(site, "journey", list(site.journeys))
        yield from self.item_pages(site, "agency", list(site.agencies))
        yield from self.item_pages(site, "service", list(site.services))

    def index_pages(self, site: Site) -> Iterator[GeneratedPage]:
        """The few pages that list others: home, the guides, the agencies, the A to Z, and search."""
        views = self.views(site)
        yield GeneratedPage(home_url(), self.site_name, self.site_description,
                            self._render("home", **views.home_page()), None, "home")
        yield GeneratedPage(journeys_url(), "Step-by-step guides", "Every step-by-step guide on this site.",
                            self._render("journeys", **views.journeys_page()), None, "journeys")
        yield GeneratedPage(agencies_url(), "Agencies", "Every agency whose services are on this site.",
                            self._render("agencies", **views.agencies_page()), None, "agencies")
        yield GeneratedPage(az_url(), "Services A to Z", "Every service on this site, from A to Z.",
                            self._render("az", **views.az_page()), None, "az")
        if views.az_letter_pages:
            for letter, refs in views.az_groups().items():
                heading = az_letter_heading(letter)
                count = az_page_count(len(refs), views.az_page_size)
                for number in range(1, count + 1):
                    title = heading if count == 1 else f"{heading}, page {number} of {count}"
                    yield GeneratedPage(az_letter_url(letter, number), title,
                                        f"{title}, from every agency on this site.",
                                        self._render("az_letter", **views.az_letter_page(letter, number)), None,
                                        "az-letter")
        yield GeneratedPage(search_url(), "Search", "Search every service, step-by-step guide and agency.",
                            self._render("search", **views.search_page()), None, "search")

    def item_pages(self, site: Site, kind: str, keys: Sequence[Any]) -> Iterator[GeneratedPage]:
        """One page per journey, agency or service: `keys` are journey ids, agency ids or ServiceRefs."""
        views = self.views(site)
        for key in keys:
            views.touched.clear()
            if kind == "journey":
                journey = site.journeys[key]
                page = GeneratedPage(journey_url(key), journey.title, journey.summary,
                                     self._render("journey", **views.journey_page(key)), journey.source_path, kind)
            elif kind == "agency":
                agency = site.agencies[key]
                page = GeneratedPage(agency_url(key), agency.name, f"Services from the {agency.name}.",
                                     self._render("agency", **views.agency_page(key)), agency.source_path, kind)
            else:
                service = site.services[key]
                page = GeneratedPage(service_url(key), service.title, service.summary,
                                     self._render("service", **views.service_page(key)), service.source_path, kind)
            yield replace(page, depends_on=frozenset(views.touched))
