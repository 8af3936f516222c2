"""The A to Z's view data for one ViewBuilder: the services by letter, on one page or a page per
letter (SiteOptions.az_letter_pages_from), a letter's services in pages of az_page_size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import ServiceRef
from ..urls import az_anchor, az_letter_url, az_url, relative
from .az import az_letter, az_letter_heading, az_letters, az_page_count
from .pages import AzLetterPage, AzPage
from .parts import Group, LetterCount, Link

if TYPE_CHECKING:
    from .builder import ViewBuilder


class AzViews:
    def __init__(self, views: ViewBuilder):
        self.views = views
        self.letter_pages = len(views.site.services) >= views.options.az_letter_pages_from
        """Whether the A to Z is a page per letter (see SiteOptions.az_letter_pages_from)."""
        self.page_size = max(1, views.options.az_page_size)
        self._groups: dict[str, list[ServiceRef]] | None = None

    def groups(self) -> dict[str, list[ServiceRef]]:
        """Every service by the letter its title starts with, letters and titles in A to Z order."""
        if self._groups is None:
            groups: dict[str, list[ServiceRef]] = {letter: [] for letter in az_letters(
                s.title for s in self.views.site.services.values())}
            for ref, service in self.views.site.services.items():  # the site's order: by title
                groups[az_letter(service.title)].append(ref)
            self._groups = groups
        return self._groups

    def pages(self) -> list[tuple[str, int]]:
        """Each letter page of the A to Z as (letter, page number); none on a one-page A to Z."""
        if not self.letter_pages:
            return []
        return [(letter, number) for letter, refs in self.groups().items()
                for number in range(1, az_page_count(len(refs), self.page_size) + 1)]

    def link(self, page: str, letter: str) -> str:
        """Where a letter's services are: its own page, or its section of the one-page A to Z."""
        if self.letter_pages:
            return relative(page, az_letter_url(letter))
        return relative(page, az_url()) + "#" + az_anchor(letter)

    def page(self) -> AzPage:
        page = az_url()
        groups = self.groups().items()
        if self.letter_pages:
            letter_pages = [LetterCount(letter, self.link(page, letter), len(refs)) for letter, refs in groups]
            return AzPage(len(self.views.site.services), letter_pages, None, self.views._crumbs(page))
        cards = [Group(letter, az_anchor(letter), [self.views.service_card(ref, page) for ref in refs])
                 for letter, refs in groups]
        return AzPage(len(self.views.site.services), None, cards, self.views._crumbs(page))

    def letter_page(self, letter: str, number: int = 1) -> AzLetterPage:
        """Page `number` of one letter's services, when the A to Z has a page per letter."""
        page = az_letter_url(letter, number)
        refs = self.groups()[letter]
        size = self.page_size
        count = az_page_count(len(refs), size)
        first = (number - 1) * size
        return AzLetterPage(
            letter=letter,
            heading=az_letter_heading(letter, self.views.words),
            count=len(refs),
            services=[self.views.service_card(ref, page) for ref in refs[first:first + size]],
            first=first + 1,
            last=min(first + size, len(refs)),
            number=number,
            pages=[Link(str(n), relative(page, az_letter_url(letter, n))) for n in range(1, count + 1)]
            if count > 1 else [],
            letters=[LetterCount(other, self.link(page, other), len(others), current=other == letter)
                     for other, others in self.groups().items()],
            breadcrumbs=self.views._crumbs(page, (self.views.words.gettext("Services A to Z"), az_url())),
        )

