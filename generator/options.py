"""The site's options, each with its default written once: what a build needs to know beyond the
content. The site-engine adapter reads them from its own configuration (mkdocs.yml) and hands them
to the core; nothing in the core reads a configuration file for them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SiteOptions:
    content_root: Path
    """The folder holding agencies/ and journeys/ (the site repository)."""
    site_name: str
    """The site's name: the home page's title, and every page's header."""
    site_description: str = ""
    """One sentence about the site, for search engines; the home page makes one from the name when empty."""
    site_url: str | None = None
    """Where the site is published (https://...): for the sitemap and JSON-LD. None: no sitemap."""
    pages_dir: Path | None = None
    """The hand-written pages the engine publishes (MkDocs' docs_dir); None: content/ under content_root.
    They are checked with the content (handwritten.py)."""
    template_dirs: tuple[Path, ...] = ()
    """Where the page templates are (the theme's overrides/ folder)."""
    edit_prefix: str = ""
    """Put before a page's YAML path for its edit link (e.g. '../' when pages live in content/)."""
    language: str = "en"
    """The language of the site's words (locales/<language>/LC_MESSAGES/messages.po)."""
    strict: bool = False
    """Treat content warnings as errors."""
    today: dt.date | None = None
    """The day the review-date rules count from; None: the real date. Tests pin it."""
    workers: int = 0
    """Processes that write pages; 0: one per core."""
    az_letter_pages_from: int = 300
    """From this many services, the A to Z is a page per letter (at 10,000 services one page would
    be over 5 MB); below, one page with a link to each letter's section."""
    part_of_boxes: int = 3
    """Step-by-step guides a service page shows in full, with the steps before and after (a service
    used by many guides would push its content far down); the others are links."""
    az_page_size: int = 200
    """Services on one page of a letter: titles often start with the same few verbs ("Apply",
    "Register"), so one letter can have thousands; its pages stay under about 120 KB."""

    @property
    def base_url(self) -> str | None:
        """The site's address ending in '/', for absolute links (JSON-LD, sitemap)."""
        return self.site_url.rstrip("/") + "/" if self.site_url else None


def default(name: str) -> Any:
    """The default of one option, for adapters that declare the option in their own config."""
    for option in fields(SiteOptions):
        if option.name == name:
            return option.default
    raise KeyError(name)
