"""What Material for MkDocs' pages need mended, outside any template block onestop can override."""

from __future__ import annotations

import re
from html import escape

_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">')
"""Material's base.html gives its two checkbox toggles autocomplete="off", which HTML allows on text-like
inputs only (a Nu HTML Checker error); no template block wraps them, so the built page is mended instead."""


_SEARCH_TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
"""Material's (hidden) toggle for its own search dialog. onestop's search is a plain form, so the
label Material gives this toggle in its search partial is never rendered; the toggle stays (the
theme's script looks it up) and is named here, so that no form field is left without a name."""


def valid_toggles(html: str, search_label: str) -> str:
    """The page without autocomplete="off" on the theme's checkbox toggles, its search toggle named
    (`search_label`, the catalogue's word for "Search")."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)
    return html.replace(_SEARCH_TOGGLE, _SEARCH_TOGGLE[:-1] + f' aria-label="{escape(search_label)}">', 1)
