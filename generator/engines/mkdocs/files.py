"""One `SiteBuild` as MkDocs sees it: virtual files (`File.generated`) for the pages that go through
MkDocs and for the files it copies, each generated page's body put in as ready HTML, and the page
shells read back from the site folder once MkDocs has rendered them."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ...build import SiteBuild
from ...output import page_path
from ...render import GeneratedPage
from ...search import ContentPage
from ...shell import BODY, DESCRIPTION, EDIT, TITLE, Shell, shell_urls
from .languages import is_translation_page


def _front_matter(title: str | None, description: str) -> str:
    # The theme prints page titles and descriptions into <title>, <meta> and the navigation
    # without escaping them (it expects trusted text): escape here.
    front = {"title": html.escape(title) if title else None, "description": html.escape(description)}
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items() if v) + "---\n\n"


def page_markdown(page: GeneratedPage, intro: str = "") -> str:
    """A generated page as Markdown: front matter, optional intro, then the body placeholder.
    The home page has no title of its own: the theme titles it with the site name alone."""
    title = None if page.kind == "home" else page.title
    return _front_matter(title, page.description) + (intro.strip() + "\n\n" if intro.strip() else "") + BODY + "\n"


def src_uri(page: GeneratedPage) -> str:
    """The page as a Markdown source path: 'journeys/index.md' for a page at 'journeys/'."""
    return page.url + "index.md"


def _shell_uri(url: str) -> str:
    return url.rstrip("/") + ".md"


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4:].lstrip("\n")
    return text


class MkDocsPages:
    """The files, bodies and shells of one build."""

    def __init__(self, build: SiteBuild, intro_lang: str | None = None):
        self.build = build
        self.intro_lang = intro_lang
        """The language of the home page's hand-written text, when it is not the page's (languages.py)."""
        self._bodies: dict[str, str] = {}
        self._engine_pages: list[str] = []
        self.pages_built = 0

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages, one shell per page type and the files to copy."""
        for file in [f for f in files if is_translation_page(f.src_uri, self.build.languages.languages)]:
            files.remove(file)  # `about.es.md` is the Spanish build's about page (languages.py)
        intro = ""
        home = files.get_file_from_path("index.md")
        if home is not None:  # the hand-written home text goes above the generated home page
            intro = _strip_front_matter(home.content_string)
            if self.intro_lang:  # the other language's home, with the first language's text on top
                intro = f'<div lang="{self.intro_lang}" markdown="1">\n\n{intro.strip()}\n\n</div>'
            files.remove(home)
        for page in self.build.index_pages():
            uri = src_uri(page)
            files.append(File.generated(config, uri, content=page_markdown(page, intro if page.kind == "home" else "")))
            self._bodies[uri] = page.html
        shell_uris = set()
        for url in shell_urls().values():
            # Not in the navigation, nor in MkDocs' list of pages that are not: it is onestop's own.
            shell = File.generated(config, _shell_uri(url), content=_front_matter(TITLE, DESCRIPTION) + BODY + "\n",
                                   inclusion=InclusionLevel.NOT_IN_NAV)
            shell.edit_uri = EDIT
            self._bodies[shell.src_uri] = BODY
            shell_uris.add(shell.src_uri)
            files.append(shell)
        self._engine_pages = [f.url for f in files.documentation_pages() if f.src_uri not in shell_uris]
        content = [ContentPage(f.url, f.content_string) for f in files.documentation_pages() if f.generated_by is None]
        for path, text in self.build.files(content).items():
            files.append(File.generated(config, path, content=text))
        return files

    def body(self, html_text: str, page: Page) -> str:
        """A generated page's content: its body, in place of the placeholder (in live preview with
        problems, every page but the shells is the page of problems)."""
        body = self._bodies.get(page.file.src_uri)
        if self.build.problems is not None and body != BODY:
            return self.build.body(html_text)
        return html_text if body is None else html_text.replace(f"<p>{BODY}</p>", body)

    def finish(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        self.pages_built = self.build.finish(read_shells(site_dir), site_dir, self._engine_pages)


def read_shells(site_dir: Path) -> dict[str, Shell]:
    """The page shells MkDocs rendered, removed from the site folder. Material adds an h1 to a page
    whose content has none (the placeholder has none); the pages bring their own, so it goes."""
    shells = {}
    for kind, url in shell_urls().items():
        text = page_path(site_dir, url).read_text(encoding="utf-8")
        shells[kind] = Shell(kind, text.replace(f"<h1>{TITLE}</h1>", "", 1))
        shutil.rmtree(site_dir / url.split("/")[0] / url.split("/")[1])
    return shells
