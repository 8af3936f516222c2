"""The MkDocs adapter: a thin plugin over the onestop pipeline.

on_pre_build runs load -> validate -> link (before MkDocs cleans the site folder, so broken
content never empties an existing site); on_files adds each generated page as a virtual file;
the open data files are added the same way; on_serve watches the content folders. This module and
mkdocs_build.py are the only ones that import mkdocs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .graph import Site
from .pipeline import check
from .render import GeneratedPage, Renderer
from .search import ContentPage, site_search
from .write import open_data_files

log = logging.getLogger("mkdocs.plugins.onestop")


class OnestopConfig(Config):
    content_root = c.Optional(c.Dir(exists=True))
    """The folder holding agencies/ and journeys/; defaults to the folder of mkdocs.yml."""
    strict = c.Type(bool, default=False)
    """Treat content warnings as errors."""
    report_problems = c.Type(bool, default=True)
    """Log each problem (the onestop CLI turns this off: it has already printed them)."""
    today = c.Optional(c.Type(str))
    """Pin today's date (YYYY-MM-DD) for the review-date rules, as tests do."""


def page_markdown(page: GeneratedPage, intro: str = "") -> str:
    """A generated page as a Markdown file: front matter, optional intro, then the HTML body."""
    front = {"title": page.title, "description": page.description}
    if page.kind == "home":
        del front["title"]  # the theme titles the home page with the site name alone
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()), "---", ""]
    return "\n".join(lines) + (intro.strip() + "\n\n" if intro.strip() else "") + page.html + "\n"


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4:].lstrip("\n")
    return text


class OnestopPlugin(BasePlugin[OnestopConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._site: Site | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("onestop needs use_directory_urls: true in mkdocs.yml")
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning("mkdocs.yml: plugins: Material's search plugin is on, but onestop has its own search "
                        "(the /search/ page): remove '- search' from plugins, or every page loads two searches")
        return config

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.content_root:
            return Path(self.config.content_root)
        return Path(config.config_file_path).parent

    def on_pre_build(self, config: MkDocsConfig) -> None:
        today = dt.date.fromisoformat(self.config.today) if self.config.today else None
        result = check(self._root(config), today)
        if self.config.report_problems:
            for problem in result.warnings:
                log.warning(problem.format_text())
        if result.failed(self.config.strict):
            shown = result.errors if result.errors else result.warnings
            raise PluginError("content has problems:\n" + "\n".join(p.format_text() for p in shown))
        self._site = result.site

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self._site is not None
        intro = ""
        home = files.get_file_from_path("index.md")
        if home is not None:
            intro = _strip_front_matter(home.content_string)
            files.remove(home)
        theme_dir = config.theme.custom_dir or str(self._root(config) / "overrides")
        renderer = Renderer([Path(theme_dir)], config.site_name, config.site_description or "", config.site_url)
        root = self._root(config)
        for page in renderer.pages(self._site):
            file = File.generated(config, page.src_uri,
                                  content=page_markdown(page, intro if page.kind == "home" else ""))
            if page.source_path:
                # "Edit this page" (when repo_url and edit_uri are set) opens the YAML an
                # editor changes: edit_uri points at docs_dir, so go up from there.
                file.edit_uri = os.path.relpath(root / page.source_path, config.docs_dir).replace(os.sep, "/")
            files.append(file)
        for path, text in open_data_files(self._site).items():
            files.append(File.generated(config, path, content=text))
        pages = [ContentPage(f.url, f.content_string) for f in files.documentation_pages() if f.generated_by is None]
        for path, text in site_search(self._site, pages).files.items():
            files.append(File.generated(config, path, content=text))
        return files

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        root = self._root(config)
        for folder in ("agencies", "journeys"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
