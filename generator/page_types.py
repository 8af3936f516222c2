"""The table of page types: for each kind of page, its address, its template, the view that builds
its data, its title and description, and, for the pages of an entity, which entity it shows.

Adding a page type is one row here, a view method (views/builder.py) and a template
(`overrides/onestop/<template>.html`); everything else (rendering, writing, live preview, the
sitemap, the engine's files) reads this table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .graph import Site, reverse_key
from .model import ServiceRef
from .urls import (
    agencies_url,
    agency_url,
    az_letter_url,
    az_url,
    calendar_url,
    home_url,
    journey_url,
    journeys_url,
    search_url,
    service_url,
)
from .views.az import az_letter_title, az_page_count

if TYPE_CHECKING:
    from .views import PageView, ViewBuilder

Key = Any
"""What tells the pages of one type apart: None for a one-of-a-kind page, an entity's id, a
ServiceRef, or a (letter, page number) pair for the A to Z's letter pages."""


def _one(views: ViewBuilder) -> Iterable[Key]:
    return (None,)


def _no_source(site: Site, key: Key) -> str | None:
    return None


@dataclass(frozen=True)
class PageType:
    kind: str
    """A name for the type: 'service', 'az-letter'."""
    template: str
    """The template that lays it out: overrides/onestop/<template>.html."""
    url: Callable[[Key], str]
    view: Callable[[ViewBuilder, Key], PageView]
    title: Callable[[ViewBuilder, Key], str]
    description: Callable[[ViewBuilder, Key], str]
    """One plain sentence, for search engines and link previews."""
    keys: Callable[[ViewBuilder], Iterable[Key]] = _one
    """The pages of this type that the site has."""
    source: Callable[[Site, Key], str | None] = _no_source
    """The YAML file an editor changes to change the page."""
    entity: str | None = None
    """The kind of entity each page shows ('journey', 'agency', 'service'), for the pages of an
    entity. They are many, so they are written into a page shell (one engine page per type, see
    shell.py) by the page writers; the other pages go through the site engine."""
    entities: Callable[[Site], Mapping[Key, Any]] | None = None
    """The entities of the site, by key (for the pages of an entity)."""
    parse_key: Callable[[str], Key] = str
    """A key back from its text (as in dependency keys: graph.entity_key)."""
    shell_url: str | None = None
    """Where the engine renders this type's page shell: at the depth of the pages it stands for,
    so that its relative links are right for them too."""
    links_to: Callable[[Site, Key], set[str]] | None = None
    """The lists of other pages that this entity's own links put it in (graph.reverse_key): when its
    links change, the pages showing those lists change too (live preview, preview.py)."""


def _site_description(views: ViewBuilder, key: Key) -> str:
    return views.options.site_description or views.words.gettext(
        "%(site)s: every step, across every agency, in one place.", site=views.options.site_name)


def _letter_title(views: ViewBuilder, key: tuple[str, int]) -> str:
    letter, number = key
    count = az_page_count(len(views.az.groups()[letter]), views.az.page_size)
    return az_letter_title(letter, number, count, views.words)


def _entity_source(entities: Callable[[Site], Mapping[Key, Any]]) -> Callable[[Site, Key], str | None]:
    return lambda site, key: entities(site)[key].source_path


def _service_links(site: Site, key: ServiceRef) -> set[str]:
    service = site.services.get(key)
    if service is None:
        return set()
    return {reverse_key("agency", key.agency)} | {reverse_key("service", r) for r in service.requires}


def _journey_links(site: Site, key: str) -> set[str]:
    journey = site.journeys.get(key)
    if journey is None:
        return set()
    refs = {r for step in journey.steps for r in step.services}
    return {reverse_key("service", r) for r in refs} | {reverse_key("agency", r.agency) for r in refs}


def _journeys(site: Site) -> Mapping[Key, Any]:
    return site.journeys


def _agencies(site: Site) -> Mapping[Key, Any]:
    return site.agencies


def _services(site: Site) -> Mapping[Key, Any]:
    return site.services


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "home", lambda key: home_url(), lambda v, key: v.home_page(),
             title=lambda v, key: v.options.site_name, description=_site_description),
    PageType("journeys", "journeys", lambda key: journeys_url(), lambda v, key: v.journeys_page(),
             title=lambda v, key: v.words.gettext("Step-by-step guides"),
             description=lambda v, key: v.words.gettext("Every step-by-step guide on this site.")),
    PageType("agencies", "agencies", lambda key: agencies_url(), lambda v, key: v.agencies_page(),
             title=lambda v, key: v.words.gettext("Agencies"),
             description=lambda v, key: v.words.gettext("Every agency whose services are on this site.")),
    PageType("az", "az", lambda key: az_url(), lambda v, key: v.az_page(),
             title=lambda v, key: v.words.gettext("Services A to Z"),
             description=lambda v, key: v.words.gettext("Every service on this site, from A to Z.")),
    PageType("az-letter", "az_letter", lambda key: az_letter_url(*key), lambda v, key: v.az_letter_page(*key),
             title=_letter_title,
             description=lambda v, key: v.words.gettext("%(title)s, from every agency on this site.",
                                                        title=_letter_title(v, key)),
             keys=lambda v: v.az.pages()),
    PageType("search", "search", lambda key: search_url(), lambda v, key: v.search_page(),
             title=lambda v, key: v.words.gettext("Search"),
             description=lambda v, key: v.words.gettext("Search every service, step-by-step guide and agency.")),
    PageType("calendar", "calendar", lambda key: calendar_url(), lambda v, key: v.calendar_page(),
             title=lambda v, key: v.words.gettext("Deadlines calendar"),
             description=lambda v, key: v.words.gettext(
                 "What a business must do every year, quarter and month, from every agency, for your own calendar.")),
    PageType("journey", "journey", journey_url, lambda v, key: v.journey_page(key),
             title=lambda v, key: v.site.journeys[key].title, description=lambda v, key: v.site.journeys[key].summary,
             keys=lambda v: list(v.site.journeys), source=_entity_source(_journeys), entity="journey",
             entities=_journeys, shell_url="journeys/onestopshellpage/", links_to=_journey_links),
    PageType("agency", "agency", agency_url, lambda v, key: v.agency_page(key),
             title=lambda v, key: v.site.agencies[key].name,
             description=lambda v, key: v.words.gettext("Services from the %(agency)s.",
                                                        agency=v.site.agencies[key].name),
             keys=lambda v: list(v.site.agencies), source=_entity_source(_agencies), entity="agency",
             entities=_agencies, shell_url="agencies/onestopshellpage/"),
    PageType("service", "service", service_url, lambda v, key: v.service_page(key),
             title=lambda v, key: v.site.services[key].title, description=lambda v, key: v.site.services[key].summary,
             keys=lambda v: list(v.site.services), source=_entity_source(_services), entity="service",
             entities=_services, parse_key=ServiceRef.parse,
             shell_url="services/onestopshellagency/onestopshellpage/", links_to=_service_links),
)

BY_KIND: dict[str, PageType] = {t.kind: t for t in PAGE_TYPES}
INDEX_PAGES: tuple[PageType, ...] = tuple(t for t in PAGE_TYPES if t.entity is None)
"""The pages that go through the site engine: home, the lists, search."""
ITEM_PAGES: tuple[PageType, ...] = tuple(t for t in PAGE_TYPES if t.entity is not None)
"""The pages of an entity, written into page shells."""
BY_ENTITY: dict[str, PageType] = {t.entity: t for t in ITEM_PAGES if t.entity}


def item_page_urls(site: Site) -> list[str]:
    """Every page of an entity (journeys, agencies, services)."""
    return [t.url(key) for t in ITEM_PAGES if t.entities for key in t.entities(site)]
