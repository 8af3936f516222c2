"""The search documents: one per service, step-by-step guide, agency and hand-written page.

A document holds the text of each of FIELDS, which the index weighs by the field's boost, and a
boost of its own: guides first for broad words, services that more guides use a little higher.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import markdown

from ..graph import Site
from ..i18n import N_
from ..urls import agency_url, journey_url, service_url
from .synonyms import Synonyms


@dataclass(frozen=True)
class Field:
    name: str
    boost: float
    """How much a match in this field counts (lunr field boost)."""


FIELDS: tuple[Field, ...] = (
    Field("title", 10),
    Field("keywords", 15),  # the words citizens search with, from the YAML ("DBA", "workers comp")
    Field("summary", 2),
    Field("agency", 3),  # the agency's name and short name, on its services
    Field("body", 1),  # a guide's step titles, an agency's description, a page's text; services have none
)
FIELD_NUMBER = {f.name: i for i, f in enumerate(FIELDS)}


@dataclass(frozen=True)
class Kind:
    code: str
    """One letter in the result records."""
    label: str
    """What a result says it is, in the source language (translated where the index is written)."""
    boost: float
    """lunr document boost of this kind: guides first for broad words ("restaurant", "hiring")."""


USE_BOOST, MAX_USES = 0.2, 3
"""A service's boost grows by USE_BOOST for each step-by-step guide that uses it, up to MAX_USES."""

KINDS = {
    "journey": Kind("j", N_("Step-by-step guide"), 4.0),
    "service": Kind("s", N_("Service"), 1.0),
    "agency": Kind("a", N_("Agency"), 1.0),
    "page": Kind("p", N_("Page"), 1.0),
}


@dataclass(frozen=True)
class SearchDocument:
    kind: str
    """A key of KINDS."""
    url: str
    """Directory URL from the site root, as urls.py makes them."""
    title: str
    summary: str
    agency: str = ""
    """The agency's name and short name (services only)."""
    keywords: tuple[str, ...] = ()
    body: str = ""
    boost: float = 1.0
    """lunr document boost: the kind's, and for services more for each guide that uses them."""
    tags: tuple[str, ...] = ()
    """For each of FIELDS, the synonym groups its text has (synonyms.py: group terms, space-separated)."""

    def field(self, name: str) -> str:
        """The text of one of FIELDS as it is indexed (keywords joined by spaces: lunr.js would keep a
        list item whole), with the group terms of its synonyms after it."""
        text = " ".join(self.keywords) if name == "keywords" else str(getattr(self, name))
        tag = self.tags[FIELD_NUMBER[name]] if self.tags else ""
        return f"{text} {tag}" if tag else text

    def with_synonyms(self, synonyms: Synonyms) -> SearchDocument:
        """This document with the synonym groups of each of its fields."""
        if not synonyms.phrases:
            return self
        plain = replace(self, tags=())
        return replace(self, tags=tuple(synonyms.tags(plain.field(f.name)) for f in FIELDS))


@dataclass(frozen=True)
class ContentPage:
    """A hand-written Markdown page, as the site engine hands it over."""

    url: str
    markdown: str


_TAG = re.compile(r"<[^>]+>")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


class PlainText:
    """Markdown as plain words (links keep their text, markup goes); one converter, reused."""

    def __init__(self) -> None:
        self._md = markdown.Markdown()

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        self._md.reset()
        return " ".join(html.unescape(_TAG.sub(" ", self._md.convert(text))).split())


def page_document(page: ContentPage, plain_text: PlainText | None = None) -> SearchDocument:
    """A hand-written page: title from front matter, its first heading or (as MkDocs does) its
    file name; summary from the front matter's description or its first paragraph."""
    plain_text = plain_text or PlainText()
    text = page.markdown
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip().strip("\"'")
        text = text[front.end():]
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
    title = meta.get("title") or (heading.group(1) if heading else "")
    if not title:
        title = page.url.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").capitalize() or "Home"
    if heading:
        text = text[:heading.start()] + text[heading.end():]
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith("#")]
    summary = meta.get("description") or (plain_text(paragraphs[0]) if paragraphs else "")
    return SearchDocument("page", page.url, plain_text(title), summary, body=plain_text(text))


def documents(site: Site, pages: Iterable[ContentPage] = (), synonyms: Synonyms | None = None
              ) -> list[SearchDocument]:
    """Every search document, in a stable order: guides, agencies, services by agency, pages; with
    the group terms of the synonyms each field has.

    Services of one agency are neighbours, so the agency field's postings and the result chunks
    of a search for an agency's services compress and group well."""
    plain_text = PlainText()
    docs: list[SearchDocument] = []
    for journey in site.journeys.values():
        steps = " ".join(f"{s.when or ''} {plain_text(s.description)}" for s in journey.steps)
        docs.append(SearchDocument("journey", journey_url(journey.id), journey.title, journey.summary,
                                   keywords=tuple(s.title for s in journey.steps),
                                   body=" ".join([steps, plain_text(journey.description)]).strip(),
                                   boost=KINDS["journey"].boost))
    for agency in site.agencies.values():
        docs.append(SearchDocument("agency", agency_url(agency.id), agency.name, plain_text(agency.description),
                                   keywords=(agency.short_name,) if agency.short_name else (),
                                   boost=KINDS["agency"].boost))
    for ref, service in sorted(site.services.items()):
        agency = site.agency_of(ref)
        name = f"{agency.name} ({agency.short_name})" if agency.short_name else agency.name
        # Services that more guides use are the ones more people need: a little higher.
        boost = KINDS["service"].boost * (1 + USE_BOOST * min(len(site.uses[ref]), MAX_USES))
        docs.append(SearchDocument("service", service_url(ref), service.title, service.summary, agency=name,
                                   keywords=service.keywords, boost=round(boost, 3)))
    docs.extend(page_document(page, plain_text) for page in pages)
    return [d.with_synonyms(synonyms) for d in docs] if synonyms else docs
