"""The site in each of its languages: the content's own at the site root, every other one a whole
twin of the site under `<lang>/` (`es/services/pa-dos/register-llc/`), with the same addresses
below it. What a page needs to point at its twins (hreflang links, the language switch, the
sitemap's alternates) is worked out here once per build, before any page is rendered, from the
pages each language has: they differ only where titles decide an address (the A to Z's pages per
letter), so a page whose twin does not exist points at the twin of its list instead."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .i18n import own_language_name
from .page_types import INDEX_PAGES, item_page_urls
from .urls import az_url, home_url, relative
from .views import ViewBuilder

_LISTS_OF = {"a-z/": az_url()}
"""A page that may have no twin, by the start of its address -> the list that has one."""


def _page(url: str) -> str:
    """A page's address as the page types write it: the home page is '', not './'."""
    return "" if url in (".", "./") else url


def language_root(languages: tuple[str, ...], lang: str) -> str:
    """Where a language's pages start, from the site root: '' for the first, 'es/' for Spanish."""
    return "" if lang == languages[0] else f"{lang}/"


@dataclass(frozen=True)
class Twin:
    """A page's twin in one language."""

    lang: str
    name: str
    """The language's name in itself ("Español"), as a switch offers it."""
    path: str
    """The twin's address from the site root (`es/services/a/b/`)."""


@dataclass(frozen=True)
class SiteLanguages:
    languages: tuple[str, ...]
    """The site's languages, the content's own first."""
    generated: dict[str, frozenset[str]]
    """Each language's generated pages (addresses from its own root). A hand-written page has a twin
    in every language (the page itself where it is not translated)."""

    @property
    def many(self) -> bool:
        return len(self.languages) > 1

    def has(self, lang: str, url: str) -> bool:
        url = _page(url)
        if url in self.generated.get(lang, frozenset()):
            return True
        return not any(url in pages for pages in self.generated.values())

    def twin_path(self, lang: str, url: str) -> str:
        """The address from the site root of the page at `url` in `lang`, or of its list there when
        that language has no such page."""
        url = _page(url)
        if not self.has(lang, url):
            url = next((lst for start, lst in _LISTS_OF.items() if url.startswith(start)), home_url())
        return language_root(self.languages, lang) + url

    def twins(self, url: str, exclude: str | None = None) -> list[Twin]:
        """The page's twins in every language (but `exclude`, the page's own)."""
        return [Twin(lang, own_language_name(lang), self.twin_path(lang, url))
                for lang in self.languages if lang != exclude]

    def alternates(self, url: str) -> list[tuple[str, str]]:
        """(hreflang, address from the site root) of the page in each language that has it, and
        'x-default' (the content's own language) — as `<link rel="alternate">` and the sitemap list
        them. None for a page only one language has."""
        url = _page(url)
        present = [lang for lang in self.languages if self.has(lang, url)]
        if len(present) < 2:
            return []
        return [*((lang, language_root(self.languages, lang) + url) for lang in present),
                ("x-default", url if self.languages[0] in present else language_root(self.languages, present[0]) + url)]


def generated_pages(views: ViewBuilder) -> frozenset[str]:
    """Every generated page's address in one language's site (`views`: a ViewBuilder of it)."""
    return frozenset([*(t.url(key) for t in INDEX_PAGES for key in t.keys(views)), *item_page_urls(views.site)])


@dataclass(frozen=True)
class PageLanguages:
    """What the pages of one language's build say of their twins (the theme's templates use it)."""

    site: SiteLanguages
    lang: str
    """The language of the pages being built."""
    base_url: str | None
    """The whole site's address ending in '/' (the content's own language's root), or None."""

    def alternates(self, url: str | None) -> list[tuple[str, str]]:
        """(hreflang, full address) of the page at `url` (from this language's root) in every
        language that has it, and x-default; none without the site's address, or for one language."""
        if url is None or not self.base_url or not self.site.many:
            return []
        return [(lang, self.base_url + path) for lang, path in self.site.alternates(url)]

    def switch(self, url: str | None) -> list[tuple[Twin, str]]:
        """The page's twins in the other languages, each with its link from the page at `url` (from
        this language's root); for a page with no address (the 404 page, served at any address),
        the other languages' home pages from the site's root path."""
        if not self.site.many:
            return []
        if url is None:
            root = urlsplit(self.base_url or "/").path
            return [(twin, root + twin.path) for twin in self.site.twins(home_url(), exclude=self.lang)]
        here = language_root(self.site.languages, self.lang) + _page(url)
        return [(twin, relative(here, twin.path)) for twin in self.site.twins(url, exclude=self.lang)]
