"""The `onestop` MkDocs plugin: each hook hands its work to one engine-neutral `SiteBuild`
(build.py), as MkDocs' own search plugin hands its work to `SearchIndex`.

- on_pre_build starts the build (checks the content before MkDocs cleans the site folder, starts
  the page writers);
- on_files adds the generated pages, the page shells and the files to copy (files.py);
- on_page_content puts each generated body in; on_post_build writes the pages of every entity
  into their shells, and the sitemap;
- on_post_page and on_post_template mend Material's toggles and add each page's
  Content-Security-Policy (csp.py);
- on_env gives the theme's templates the message catalogue; on_serve watches the content.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html as html_text
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...build import SiteBuild
from ...csp import add_csp
from ...i18n import install
from ...languages import PageLanguages
from ...load import CONTENT_FOLDERS
from ...options import SiteOptions, default
from ...output import StagedDirectory, site_dir_problem
from ...pipeline import CheckResult
from ...preview import Preview
from ...problems import BuildFailure
from .files import MkDocsPages
from .languages import HOME_PAGE, LanguageBuild, build_language, fallback_notice
from .theme import ThemeInlines, valid_toggles

log = logging.getLogger("mkdocs.plugins.onestop")


class OnestopConfig(Config):
    content_root = c.Optional(c.Dir(exists=True))
    """The folder holding agencies/ and journeys/; defaults to the folder of mkdocs.yml."""
    strict = c.Type(bool, default=default("strict"))
    """Treat content warnings as errors."""
    report_problems = c.Type(bool, default=True)
    """Log each problem (the onestop CLI turns this off: it has already printed them)."""
    today = c.Optional(c.Type(str))
    """Pin today's date (YYYY-MM-DD) for the review-date rules, as tests do."""
    workers = c.Type(int, default=default("workers"))
    """Processes that write pages; 0: one per core."""
    az_letter_pages_from = c.Type(int, default=default("az_letter_pages_from"))
    """From this many services, the A to Z is a page per letter instead of one page."""
    az_page_size = c.Type(int, default=default("az_page_size"))
    """Services on one page of a letter; a letter with more has numbered pages."""
    part_of_boxes = c.Type(int, default=default("part_of_boxes"))
    """Step-by-step guides a service page shows in full; the others are links."""
    languages = c.Type(dict, default={})
    """The words of this file in each other language of the site (onestop.yml's `languages:`):
    `es: {site_name: ..., site_description: ..., copyright: ..., site_owner: ...}`."""


class _NotTheEditorsBusiness(logging.Filter):
    """MkDocs warns on every `serve --dirty` rebuild that a dirty build may have stale links: live
    preview rebuilds every page a change touches (preview.py), so the warning only worries editors."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _NotTheEditorsBusiness) for f in logger.filters):
        logger.addFilter(_NotTheEditorsBusiness())


def site_options(config: MkDocsConfig, plugin: OnestopConfig) -> SiteOptions:
    """The core's options, from mkdocs.yml."""
    root = Path(plugin.content_root) if plugin.content_root else Path(config.config_file_path).parent
    theme_dir = config.theme.custom_dir or str(root / "overrides")
    # Edit links point at the YAML an editor changes; edit_uri points at docs_dir, so go up from there.
    prefix = os.path.relpath(root, config.docs_dir).replace(os.sep, "/")
    return SiteOptions(
        content_root=root, site_name=config.site_name, site_description=config.site_description or "",
        site_url=config.site_url, pages_dir=Path(config.docs_dir), template_dirs=(Path(theme_dir),),
        edit_prefix="" if prefix == "." else prefix + "/",
        language=config.theme.get("language") or default("language"), strict=plugin.strict,
        today=dt.date.fromisoformat(plugin.today) if plugin.today else None, workers=plugin.workers,
        az_letter_pages_from=plugin.az_letter_pages_from, az_page_size=plugin.az_page_size,
        part_of_boxes=plugin.part_of_boxes)


@contextmanager
def _as_plugin_error() -> Iterator[None]:
    """A build failure (content problems, a broken template, a file it cannot write) as MkDocs
    reports a plugin's: one message, no traceback."""
    try:
        yield
    except BuildFailure as exc:
        raise PluginError(str(exc)) from None
    except OSError as exc:
        raise PluginError(f"cannot write the site: {exc.strerror or exc}: {exc.filename or ''}") from None


class OnestopPlugin(BasePlugin[OnestopConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._preview: Preview | None = None
        self._serving = False
        self._checked: CheckResult | None = None
        self._pages: MkDocsPages | None = None
        self._inlines: ThemeInlines | None = None
        self._staging: StagedDirectory | None = None
        self._stage = False
        self._built = False
        self.staged_by_caller = False
        """The caller builds into a staging folder of its own (onestop build): the plugin need not."""
        self.pages_built = 0
        """Pages in the site after the last build: MkDocs' own and the pages of every entity, in
        every language."""
        self.language_build: LanguageBuild | None = None
        """Set on the plugin of a nested build of another language (languages.py)."""

    def use_checked(self, checked: CheckResult) -> None:
        """The onestop CLI has just checked the content (and printed its problems): the next
        build uses that check instead of checking every file again."""
        self._checked = checked

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this plugin instance across `serve`
        # rebuilds: live preview keeps what it can between them (preview.py). `mkdocs serve`
        # injects an inline live-reload script into each page, which a policy would block:
        # previews go without it, built sites always carry it.
        self._serving = command == "serve"
        self._preview = Preview(dirty=dirty) if command == "serve" else None
        # A plain `mkdocs build` is all or nothing too: it builds into a staging folder that
        # replaces the site folder only when the build succeeded (on_shutdown). A --dirty build
        # adds to the folder it finds, so it cannot be (README).
        self._stage = command in ("build", "gh-deploy") and not dirty
        if self._serving and dirty:
            quiet_dirty_warning()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("onestop needs use_directory_urls: true in mkdocs.yml")
        root = Path(config.config_file_path).parent
        unsafe = site_dir_problem(root, Path(config.site_dir), (Path(config.docs_dir).name,))
        if unsafe:
            raise PluginError(f"mkdocs.yml: site_dir: {unsafe}, and a build replaces its site folder whole; "
                              "choose a folder of its own, e.g. site_dir: site")
        if self._stage and not self.staged_by_caller and self._staging is None:
            self._staging = StagedDirectory(Path(config.site_dir))
            config.site_dir = str(self._staging.path)
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning("mkdocs.yml: plugins: Material's search plugin is on, but onestop has its own search "
                        "(the /search/ page): remove '- search' from plugins, or every page loads two searches")
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Before MkDocs walks docs_dir: the hand-written pages and files are checked with the content.
        job = self.language_build
        with _as_plugin_error():
            if job is not None:  # another language of a site its first build has checked
                self._serving = job.serving
                build = SiteBuild(job.options, None, warn=log.warning)
                self._pages = MkDocsPages(build, job.languages.languages[0] if HOME_PAGE in job.fallbacks else None)
                build.start(job.checked, languages=job.languages)
                return
            build = SiteBuild(site_options(config, self.config), self._preview, warn=log.warning)
            self._pages = MkDocsPages(build)
            checked, self._checked = self._checked, None
            build.start(checked, report_problems=self.config.report_problems, show_problems=self._serving)
        if build.problems:  # live preview: the problems show in the browser, and here
            for problem in build.problems:
                log.error(problem.format_text())

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self._pages is not None
        with _as_plugin_error():
            return self._pages.add_files(files, config)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self._pages is not None
        if self.language_build and page.file.src_uri in self.language_build.fallbacks - {HOME_PAGE}:
            job = self.language_build
            notice = html_text.escape(fallback_notice(self._pages.build.words, job.lang))
            return f'<p class="os-untranslated">{notice}</p>\n<div lang="{job.languages.languages[0]}">{html}</div>'
        return self._pages.body(html, page)

    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self._pages is not None
        build = self._pages.build
        other_pages = 0
        with _as_plugin_error():
            self._pages.finish(config)
            if self.language_build is None and build.checked is not None:
                # Then each other language: one after the other, each with its page writers (two
                # languages' writers at once would hold both in memory and share the same cores).
                for lang, site in build.translated.items():
                    other_pages += build_language(config, self.config, build.options,
                                                  dataclasses.replace(build.checked, site=site), build.languages, lang,
                                                  self._serving)
        self.pages_built = self._pages.pages_built + other_pages
        self._built = True

    def on_build_error(self, error: Exception) -> None:
        self._built = False  # also after on_post_build: MkDocs' strict mode fails the build there
        if self._pages is not None:
            self._pages.build.cancel()

    def on_shutdown(self) -> None:
        staging, self._staging = self._staging, None
        if staging is not None:
            if self._built:
                staging.commit()
            else:
                staging.abort()
                log.error("onestop: the build failed, so %s was left as it was", staging.target)

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:  # type: ignore[no-untyped-def]
        return self._finish_page(output, get_relative_url(".", page.url))

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # 404.html, not sitemap.xml
            return output
        # As MkDocs renders error pages: links from the site's root path.
        return self._finish_page(output, urlsplit(config.site_url or "/").path)

    def _finish_page(self, output: str, base_url: str) -> str:
        assert self._pages is not None and self._inlines is not None
        output = valid_toggles(output, self._pages.build.words.gettext("Search"))
        return output if self._serving else add_csp(output, self._inlines.at(base_url))

    def on_env(self, env, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        # The theme's own templates (main.html, 404.html) say their words through the same
        # catalogue as onestop's pages.
        assert self._pages is not None
        build = self._pages.build
        install(env, build.words)
        base = self.language_build.site_base_url if self.language_build else build.options.base_url
        env.globals["onestop_languages"] = PageLanguages(build.languages, build.options.language, base)
        self._inlines = ThemeInlines(env, config)
        return env

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        root = site_options(config, self.config).content_root
        for folder in CONTENT_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        for synonyms in root.glob("synonyms*.yml"):  # synonyms.yml, and each other language's synonyms.<lang>.yml
            server.watch(str(synonyms))
        return server
