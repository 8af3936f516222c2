"""Every address on the site, in one place: each page lives at a directory URL relative to the
site root ("" is the home page), and every link between pages is made relative, so that the site
works wherever it is hosted (a domain's root, a folder, a file system)."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from .model import ServiceRef


def home_url() -> str:
    return ""


def journeys_url() -> str:
    return "journeys/"


def journey_url(journey_id: str) -> str:
    return f"journeys/{journey_id}/"


def agencies_url() -> str:
    return "agencies/"


def agency_url(agency_id: str) -> str:
    return f"agencies/{agency_id}/"


def az_url() -> str:
    return "services/"


def az_letter_url(letter: str, number: int = 1) -> str:
    """Page `number` of one letter's services ('a-z/b/', 'a-z/b/2/', 'a-z/0-9/'), when the A to Z
    has a page per letter."""
    return f"a-z/{letter_slug(letter)}/" + (f"{number}/" if number > 1 else "")


def letter_slug(letter: str) -> str:
    """A letter as a path segment: 'b', '0-9', or its code points ('u00e9') for any other text."""
    if letter == "0-9" or (len(letter) == 1 and letter.isascii() and letter.isalpha()):
        return letter.lower()
    return "-".join(f"u{ord(ch):04x}" for ch in letter) or "u"


def az_anchor(letter: str) -> str:
    """The id of a letter's section on the one-page A to Z."""
    return "letter-" + ("digits" if letter == "0-9" else letter.lower())


def service_url(ref: ServiceRef) -> str:
    return f"services/{ref.agency}/{ref.service}/"


def search_url() -> str:
    return "search/"


def step_anchor(number: int) -> str:
    """The id of a step on its journey's page."""
    return f"step-{number}"


def asset_url(page: str, path: str) -> str:
    """A link from the page at `page` to a file (not a directory page) at `path` from the site root."""
    return posixpath.relpath("/" + path, "/" + page)


@lru_cache(maxsize=1 << 16)
def _steps(url: str) -> tuple[tuple[str, ...], bool]:
    """A directory URL's steps, and whether one of them is '.' or '..'. Cached: a page links to a
    few dozen pages, and the same thousands of pages are linked to from page after page."""
    parts = url.split("/")
    return tuple(p for p in parts if p), "." in parts or ".." in parts


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` that works wherever the site is hosted."""
    path, _, fragment = to_url.partition("#")
    if fragment and path == from_url:
        return "#" + fragment
    # A service page links to dozens of pages: split the directory URLs (a step of their own,
    # no '.' or '..') instead of posixpath.relpath, which normalises and absolutises both.
    (here, odd_here), (there, odd_there) = _steps(from_url), _steps(path)
    if odd_here or odd_there:
        target = posixpath.relpath("/" + path, "/" + from_url)
        target = "./" if target == "." else target + "/"
    else:
        common = 0
        for a, b in zip(here, there):
            if a != b:
                break
            common += 1
        target = "../" * (len(here) - common) + "".join(p + "/" for p in there[common:]) or "./"
    return target + ("#" + fragment if fragment else "")


def calendar_url() -> str:
    """The page of every deadline, month by month and by agency."""
    return "calendar/"


def site_feed_url() -> str:
    """Every fixed-date deadline of the site, as a calendar to subscribe to."""
    return "calendar/deadlines.ics"


def agency_feed_url(agency_id: str) -> str:
    return f"calendar/agencies/{agency_id}.ics"


def service_feed_url(ref: ServiceRef) -> str:
    return f"calendar/services/{ref.agency}/{ref.service}.ics"


def journey_feed_url(journey_id: str) -> str:
    return f"calendar/journeys/{journey_id}.ics"


def journey_events_url(journey_id: str) -> str:
    """A journey's deadlines as events for the browser's builder (JSON), fetched by a page script
    that builds a calendar of the services that apply."""
    return f"calendar/journeys/{journey_id}.json"
