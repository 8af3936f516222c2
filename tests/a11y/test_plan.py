"""The gate's plan without a browser: every page in the first view, and in the others the pages
that stand for each page type, each language and every kind of element."""

from __future__ import annotations

from pathlib import Path

from .plan import View, make_plan, page_kind

VIEWS = (View(1280, "light"), View(1280, "dark"), View(320, "light"))


def page(lang: str, page_type: str | None, body: str) -> str:
    wrapped = f'<div class="os-page os-page--{page_type}">{body}</div>' if page_type else body
    return f'<!DOCTYPE html><html lang="{lang}"><head><title>t</title></head><body>{wrapped}</body></html>'


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        file = root / path.lstrip("/") / "index.html" if path.endswith("/") else root / path.lstrip("/")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html)
    return root


SITE = {
    "/": page("en", "home", "<h1>Home</h1><ul><li>a</li></ul>"),
    "/services/a/": page("en", "service", '<h1>A</h1><p class="os-fees">1</p>'),
    "/services/b/": page("en", "service", '<h1>B</h1><p class="os-fees">1</p><p class="os-fees os-fees--free">0</p>'),
    "/services/c/": page("en", "service", '<h1>C</h1><div class="os-offline">x</div>'),
    "/es/": page("es", "home", "<h1>Inicio</h1>"),
    "/es/services/a/": page("es", "service", '<h1>A</h1><p class="os-fees">1</p>'),
    "/es/services/b/": page("es", "service", '<h1>B</h1><p class="os-fees os-fees--free">0</p><p class="os-fees">1</p>'),
    "/about/": page("en", None, "<h1>About</h1><table><tr><th>x</th></tr></table>"),
    "/404.html": page("en", None, "<h1>Not found</h1>"),
}


def test_a_page_is_known_by_its_html_not_its_address(tmp_path):
    site = write_site(tmp_path, SITE)
    kinds = {path: (kind.page_type, kind.lang) for path in SITE for kind in [page_kind(site, path)]}
    assert kinds == {"/": ("home", "en"), "/services/a/": ("service", "en"), "/services/b/": ("service", "en"),
                     "/services/c/": ("service", "en"), "/es/": ("home", "es"), "/es/services/a/": ("service", "es"),
                     "/es/services/b/": ("service", "es"), "/about/": ("markdown", "en"), "/404.html": ("404", "en")}
    assert page_kind(site, "/services/b/#x=y").page_type == "service answered"
    assert ("p", "os-fees--free") in page_kind(site, "/services/b/").elements
    assert ("ul", "") in page_kind(site, "/").elements and ("title", "") not in page_kind(site, "/").elements


def test_every_page_in_the_first_view_and_who_stands_for_them_in_the_others(tmp_path):
    site = write_site(tmp_path, SITE)
    plan = make_plan(site, list(SITE), VIEWS)
    assert plan.pages_in(VIEWS[0]) == tuple(SITE)
    # Per type and language the page with the most kinds of element (b over a: it has os-fees--free);
    # then /services/c/ for the one kind of element no chosen page has.
    expected = ("/", "/services/b/", "/services/c/", "/es/", "/es/services/b/", "/about/", "/404.html")
    assert plan.pages_in(VIEWS[1]) == plan.pages_in(VIEWS[2]) == expected
    assert plan.why["/services/b/"] == "the service page with the most kinds of element, lang en"
    assert plan.why["/services/c/"] == "adds <div class=os-offline>, on none of the pages above"
    assert "/services/a/" not in plan.why and "/es/services/a/" not in plan.why


def test_every_kind_of_element_is_in_every_view(tmp_path):
    site = write_site(tmp_path, SITE)
    plan = make_plan(site, list(SITE), VIEWS)
    everything = set().union(*(page_kind(site, path).elements for path in SITE))
    for view in VIEWS:
        assert set().union(*(page_kind(site, path).elements for path in plan.pages_in(view))) == everything


def test_pages_asked_for_are_checked_in_every_view(tmp_path):
    site = write_site(tmp_path, SITE)
    plan = make_plan(site, ["/", "/services/a/"], VIEWS, every_view=True)
    assert plan.checks == tuple((path, view) for view in VIEWS for path in ("/", "/services/a/"))
