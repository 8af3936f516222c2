"""What Material for MkDocs' pages need mended, outside any template block onestop can override."""

from __future__ import annotations

import re
from html import escape
from typing import Any

import jinja2

from ...csp import Inlines, template_inlines

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


class ThemeInlines:
    """The inline scripts and styles of the theme's templates (Material's and overrides/), rendered
    for each place in the site (a script may say where the site's root is, `base_url`): what a
    page's Content-Security-Policy lists (csp.py). Never read from the pages themselves."""

    def __init__(self, env: jinja2.Environment, config: Any):
        loader = env.loader
        assert loader is not None
        names = env.list_templates(filter_func=lambda name: name.endswith(".html"))
        self._sources = template_inlines(loader.get_source(env, name)[0] for name in names)
        self._env, self._config = env, config
        self._rendered: dict[str, Inlines] = {}

    def _render(self, bodies: frozenset[str], base_url: str) -> frozenset[str]:
        rendered = set()
        for body in bodies:
            try:
                rendered.add(self._env.from_string(body).render(config=self._config, base_url=base_url))
            except Exception:  # noqa: BLE001 - a script that needs more of the page's context is not allowed
                continue
        return frozenset(rendered)

    def at(self, base_url: str) -> Inlines:
        """What a page whose way to the site root is `base_url` ('.', '../..') may run inline."""
        if base_url not in self._rendered:
            self._rendered[base_url] = Inlines(self._render(self._sources.scripts, base_url),
                                               self._render(self._sources.styles, base_url))
        return self._rendered[base_url]
