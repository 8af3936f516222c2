"""Live preview's page of problems: while the content has errors, `make serve` shows them in the
browser, on every page it serves, instead of a preview that stays stuck at the last good build.
Each problem with its file, line and column, what is wrong and how to fix it; saving the fix
rebuilds and reloads the page, which then shows the site again.

Engine-neutral: the site engine's adapter asks the build for these pages (build.SiteBuild), the
template is `overrides/onestop/problems.html`, and its words come from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem, Severity
from .render import GeneratedPage, Renderer

TEMPLATE = "problems"


@dataclass(frozen=True)
class ShownProblem:
    """One problem as the page shows it."""

    place: str
    """path:line:column, as the checker prints it."""
    error: bool
    message: str
    hint: str | None


@dataclass(frozen=True)
class ProblemsPage:
    """What the template receives."""

    problems: list[ShownProblem]
    errors: int
    warnings: int


def problems_html(renderer: Renderer, problems: list[Problem]) -> str:
    """The body of the page of problems."""
    shown = [ShownProblem(f"{p.path}:{p.line}:{p.col}", p.severity is Severity.ERROR, p.message, p.hint)
             for p in problems]
    view = ProblemsPage(shown, sum(1 for p in shown if p.error), sum(1 for p in shown if not p.error))
    return renderer.render_view(TEMPLATE, view)


def problems_page(renderer: Renderer, problems: list[Problem], url: str, kind: str, body: str) -> GeneratedPage:
    """The page of problems at `url`, standing in for the page of type `kind` there."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR) or len(problems)
    title = renderer.words.ngettext("Preview: %(num)s problem to fix", "Preview: %(num)s problems to fix", errors)
    return GeneratedPage(url, title, title, body, None, kind)
