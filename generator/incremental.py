"""Incremental rebuilds for live preview: re-render only the pages a content change touches.

A page depends on every journey, agency and service whose data it shows (recorded while its
view data is built: `GeneratedPage.depends_on`). Some of what a page shows comes from *other*
files' links, the reverse edges: a service page lists the services that require it and the
journeys that use it; an agency page lists its services and journeys. So a change to an entity
affects the entity itself and whatever its links point at, before and after the change. Pages
whose dependencies meet the affected set are re-rendered; the rest are left as written.
Correctness is tested by comparing incremental output with a full build, file for file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .graph import Site
from .model import ServiceRef
from .urls import agency_url, journey_url, service_url
from .views import entity_key, reverse_key


def _entities(site: Site) -> dict[str, object]:
    entities: dict[str, object] = {}
    entities.update((entity_key("service", ref), s) for ref, s in site.services.items())
    entities.update((entity_key("agency", a), agency) for a, agency in site.agencies.items())
    entities.update((entity_key("journey", j), journey) for j, journey in site.journeys.items())
    return entities


def changed_entities(old: Site, new: Site) -> set[str]:
    """Entities added, removed or changed in any field."""
    before, after = _entities(old), _entities(new)
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def link_targets(site: Site, key: str) -> set[str]:
    """The lists an entity's own links put it in (see views.reverse_key): pages showing those
    lists change when the entity's links do."""
    kind, _, ident = key.partition(":")
    if kind == "service":
        service = site.services.get(ServiceRef.parse(ident))
        if service is None:
            return set()
        return {reverse_key("agency", service.ref.agency)} | {reverse_key("service", r) for r in service.requires}
    if kind == "journey":
        journey = site.journeys.get(ident)
        if journey is None:
            return set()
        refs = {r for step in journey.steps for r in step.services}
        return {reverse_key("service", r) for r in refs} | {reverse_key("agency", r.agency) for r in refs}
    return set()


def affected_entities(old: Site, new: Site) -> set[str]:
    changed = changed_entities(old, new)
    affected = set(changed)
    for key in changed:
        affected |= link_targets(old, key) | link_targets(new, key)
    return affected


def page_url(key: str) -> str:
    kind, _, ident = key.partition(":")
    if kind == "service":
        return service_url(ServiceRef.parse(ident))
    return agency_url(ident) if kind == "agency" else journey_url(ident)


@dataclass
class BuildMemory:
    """What the previous build wrote, kept by the site-engine adapter between live-preview builds."""

    site: Site
    depends_on: dict[str, frozenset[str]] = field(default_factory=dict)
    """Item page URL -> the entities it shows."""
    fingerprint: str = ""
    """Templates, settings and page shells: when any of these change, every page is re-rendered."""


def pages_to_render(memory: BuildMemory | None, new: Site, fingerprint: str) -> set[str] | None:
    """URLs of the item pages to render again, or None for all of them."""
    if memory is None or memory.fingerprint != fingerprint:
        return None
    affected = affected_entities(memory.site, new)
    urls = {url for url, depends in memory.depends_on.items() if depends & affected}
    entities = _entities(new)
    urls |= {page_url(key) for key in affected if key in entities}
    return urls


def removed_pages(memory: BuildMemory | None, new: Site) -> set[str]:
    if memory is None:
        return set()
    return {page_url(key) for key in _entities(memory.site).keys() - _entities(new).keys()}
