"""Stage 4, render: every generated page as HTML, from Jinja templates and view data.

Templates live in the site's `overrides/` folder (one partial per component under
`partials/onestop/`, one template per page type under `onestop/`), so a government can restyle
its site without touching Python. Output is engine-neutral: a `GeneratedPage` is a path, a title
and an HTML body; the site-engine adapter decides how to wrap it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .graph import Site
from .views import (
    ViewBuilder, agencies_url, agency_url, az_url, home_url, journey_url, journeys_url, search_url, service_url,
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
    """home, journeys, journey, agencies, agency, az, service or search."""

    @property
    def src_uri(self) -> str:
        """The page as a Markdown source path: 'services/a/b.md', 'journeys/index.md'."""
        if self.kind in ("home", "journeys", "agencies", "az", "search"):
            return self.url + "index.md"
        return self.url.rstrip("/") + ".md"


class Renderer:
    def __init__(self, template_dirs: Sequence[Path], site_name: str, site_description: str = "",
                 base_url: str | None = None):
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
        )
        self.site_name = site_name
        self.site_description = site_description or f"{site_name}: every step, across every agency, in one place."
        self.base_url = base_url

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(f"onestop/{template}.html").render(site_name=self.site_name, **context)

    def pages(self, site: Site, home_intro: str = "") -> Iterator[GeneratedPage]:
        """Every generated page of the site."""
        views = ViewBuilder(site, self.base_url)
        home = views.home_page()
        yield GeneratedPage(home_url(), self.site_name, self.site_description,
                            self._render("home", intro=home_intro, **home), None, "home")
        yield GeneratedPage(journeys_url(), "Step-by-step guides", "Every step-by-step guide on this site.",
                            self._render("journeys", **views.journeys_page()), None, "journeys")
        for journey in site.journeys.values():
            yield GeneratedPage(journey_url(journey.id), journey.title, journey.summary,
                                self._render("journey", **views.journey_page(journey.id)),
                                journey.source_path, "journey")
        yield GeneratedPage(agencies_url(), "Agencies", "Every agency whose services are on this site.",
                            self._render("agencies", **views.agencies_page()), None, "agencies")
        for agency in site.agencies.values():
            yield GeneratedPage(agency_url(agency.id), agency.name, f"Services from the {agency.name}.",
                                self._render("agency", **views.agency_page(agency.id)), agency.source_path, "agency")
        yield GeneratedPage(az_url(), "Services A to Z", "Every service on this site, from A to Z.",
                            self._render("az", **views.az_page()), None, "az")
        for ref, service in site.services.items():
            yield GeneratedPage(service_url(ref), service.title, service.summary,
                                self._render("service", **views.service_page(ref)), service.source_path, "service")
        yield GeneratedPage(search_url(), "Search", "Search every service, step-by-step guide and agency.",
                            self._render("search", **views.search_page()), None, "search")
