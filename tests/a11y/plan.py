"""Which page the accessibility gate checks in which view, and why: the gate's plan.

- Every page (every address of the sitemap, the 404 page, every guide answered) in the first view,
  1280 px wide and light: what most citizens see, and where a page's own content (its words,
  links, tables, images) is checked, page by page.
- In each other view (dark, 320 px; see `site_views`), the pages that stand for the rest, chosen
  from the built pages themselves, never from their addresses (so a page in another language, such
  as /es/..., is found as it is): for each page type (the template's `os-page--<type>` class, a
  Markdown page, the 404 page, a guide answered) and each language (`<html lang>`), the page with
  the most kinds of element; then, until every kind of element on any page of the site is on one
  of them, the page with the most kinds not yet covered. A kind of element is a tag with one of its
  classes (or none), as the theme's CSS styles it.

Why this is enough: what changes from one view to another is the CSS (the scheme's colours, the
narrow layout), and the CSS acts on kinds of element; a page's text changes nothing between views
but its length, which is why each language has its own representatives. A page that repeats kinds of
element already checked in a view adds nothing there that a machine can find. Anything a
representative misses in one view is a fix to one template or one rule of CSS, and shows on the
representative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}
"""Material for MkDocs' names for the two colour schemes (body[data-md-color-scheme])."""
PAGE_TYPE = re.compile(r'class="os-page os-page--([\w-]+)')
LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")


@dataclass(frozen=True)
class View:
    width: int
    scheme: str
    """light or dark."""

    @property
    def name(self) -> str:
        return f"{self.width}px-{self.scheme}"

    @property
    def label(self) -> str:
        return f"{self.width} px wide, {self.scheme}"


@dataclass(frozen=True)
class PageKind:
    """What a page is, as far as the plan cares, read from its built HTML."""

    page: str
    """The page's path on the site ('/', '/services/a/b/', '/404.html', '/journeys/x/#a=b')."""
    page_type: str
    """The template's os-page--<type> ('service', 'journey', 'home', ...), 'markdown' for a
    hand-written page, '404', and '<type> answered' for a guide's answered state."""
    lang: str
    """The page's <html lang>."""
    elements: frozenset[tuple[str, str]]
    """Every kind of element in its body: (tag, class), class '' for an element without one."""


@dataclass(frozen=True)
class Plan:
    pages: tuple[str, ...]
    """Every page of the gate, in the sitemap's order."""
    views: tuple[View, ...]
    """The first is the view every page is checked in."""
    checks: tuple[tuple[str, View], ...]
    """(page, view): each page and view pa11y checks with both its runners."""
    why: dict[str, str]
    """For each page checked in more than the first view: why it stands for others."""

    def pages_in(self, view: View) -> tuple[str, ...]:
        return tuple(page for page, seen in self.checks if seen == view)


class _ElementKinds(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.kinds: set[tuple[str, str]] = set()
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_body = self._in_body or tag == "body"
        if self._in_body:
            classes = (dict(attrs).get("class") or "").split()
            self.kinds.update((tag, name) for name in classes or [""])


def page_file(site_dir: Path, page: str) -> Path:
    """The built file of a page (an answered state's is its guide's)."""
    path = page.split("#")[0].lstrip("/")
    return site_dir / path / "index.html" if not path or path.endswith("/") else site_dir / path


def page_kind(site_dir: Path, page: str) -> PageKind:
    html = page_file(site_dir, page).read_text(encoding="utf-8")
    found = PAGE_TYPE.search(html)
    page_type = found.group(1) if found else "404" if page.endswith("/404.html") else "markdown"
    lang = LANG.search(html)
    parser = _ElementKinds()
    parser.feed(html)
    return PageKind(page, page_type + (" answered" if "#" in page else ""), lang.group(1) if lang else "",
                    frozenset(parser.kinds))


def representatives(kinds: Sequence[PageKind]) -> dict[str, str]:
    """The pages that stand for the others in the views beyond the first, each with why."""
    order = {kind.page: n for n, kind in enumerate(kinds)}

    def richest(pages: Iterable[PageKind], new: frozenset[tuple[str, str]] = frozenset()) -> PageKind:
        # The most kinds (not yet covered), then the first in the sitemap: the same pages every run.
        return max(pages, key=lambda kind: (len(kind.elements - new), -order[kind.page]))

    why: dict[str, str] = {}
    groups: dict[tuple[str, str], list[PageKind]] = {}
    for kind in kinds:
        groups.setdefault((kind.page_type, kind.lang), []).append(kind)
    for (page_type, lang), group in groups.items():
        why[richest(group).page] = f"the {page_type} page with the most kinds of element, lang {lang}"
    covered = frozenset().union(*(kind.elements for kind in kinds if kind.page in why))
    everything = frozenset().union(*(kind.elements for kind in kinds))
    while covered != everything:
        best = richest((kind for kind in kinds if kind.page not in why), covered)
        added = sorted(best.elements - covered)
        why[best.page] = "adds " + ", ".join(f"<{tag}{' class=' + name if name else ''}>"
                                                            for tag, name in added[:3]) + (
            f" and {len(added) - 3} more" if len(added) > 3 else "") + ", on none of the pages above"
        covered |= best.elements
    return why


def make_plan(site_dir: Path, pages: Sequence[str], views: Sequence[View], every_view: bool = False) -> Plan:
    """Every page in the first view; its representatives (or, with every_view, every page) in the others."""
    views = tuple(views)
    kinds = [page_kind(site_dir, page) for page in pages]
    why = {page: "asked for in every view" for page in pages} if every_view else representatives(kinds)
    checks = tuple((page, view) for view in views for page in pages if view == views[0] or page in why)
    return Plan(tuple(pages), views, checks, why)
