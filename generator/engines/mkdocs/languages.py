"""The site's other languages, as MkDocs builds them: once the content's own language is built, a
build of the same mkdocs.yml per other language into `<site>/<lang>/`, with the theme in that
language (Material's `language:`), its hand-written pages (`content/about.es.md` in place of
`about.md`), the navigation in its words, and onestop's translated site and catalogue.

The nested build is MkDocs' own (`mkdocs.commands.build.build`), so every page goes through the
same theme, hooks and Content-Security-Policy as the first language's; its plugin instance is told
what to build (`LanguageBuild`) instead of checking the content again."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ...i18n import N_, SOURCE_LANGUAGE, Words, language_name, load_words
from ...languages import SiteLanguages, language_root
from ...options import SiteOptions
from ...pipeline import CheckResult
from ...reading import walk_files

NAV_TITLES = (N_("Home"), N_("Step-by-step guides"), N_("Services A to Z"), N_("Agencies"),
              N_("About this site"), N_("Accessibility"), N_("Deadlines calendar"), N_("Search"))
"""The navigation's usual titles, in the catalogue so that a site using them gets them translated;
any other title gives way to the page's own (translated) title."""

HOME_PAGE = "index.md"
"""The hand-written text at the top of the home page: the home page itself is generated, in the
language's words, so an untranslated one is marked as in the first language where it stands."""

SETTINGS = ("site_name", "site_description", "copyright", "site_owner")
"""What mkdocs.yml says in words, which `plugins: - onestop: languages: <lang>:` translates."""


@dataclass(frozen=True)
class LanguageBuild:
    """What the plugin of a nested build builds: one other language of a checked site."""

    lang: str
    checked: CheckResult
    """The check, with the site in `lang` (translations/site.py) as its site."""
    languages: SiteLanguages
    options: SiteOptions
    """The core's options of the language (its address, name, words)."""
    fallbacks: frozenset[str]
    """The hand-written pages it shows in the content's own language (no `<name>.<lang>.md`)."""
    serving: bool
    site_base_url: str | None
    """The whole site's address (its first language's root), for links to every language."""


def is_translation_page(src_uri: str, languages: tuple[str, ...]) -> bool:
    """A hand-written page's translation (`about.es.md`): published in its language's build only."""
    return any(src_uri.endswith(f".{lang}.md") for lang in languages[1:])


def language_pages(root: Path, docs_dir: Path, target: Path, lang: str, languages: tuple[str, ...]
                   ) -> frozenset[str]:
    """Copy the hand-written pages and files of `docs_dir` into `target` as the `lang` build sees
    them: `about.es.md` as `about.md`, a page with no translation as it is; returns those."""
    walked = walk_files(root, docs_dir)  # the content's check has refused links out and specials
    present = {path.relative_to(docs_dir).as_posix() for path in walked.files}
    fallbacks = set()
    for name in sorted(present):
        if is_translation_page(name, languages):
            continue
        translated = name[:-3] + f".{lang}.md" if name.endswith(".md") else None
        source = translated if translated in present else name
        if name.endswith(".md") and source == name:
            fallbacks.add(name)
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs_dir / source, target / name)
    return frozenset(fallbacks)


def translated_nav(nav: Any, words: Words) -> Any:
    """The navigation with each title the catalogue translates in `words`, and the page's own
    title where it does not (an entry without a title: MkDocs takes the page's)."""
    if isinstance(nav, list):
        return [translated_nav(item, words) for item in nav]
    if isinstance(nav, dict):
        out = {}
        for title, target in nav.items():
            said = words.gettext(title) if title in NAV_TITLES else title
            if said == title and not isinstance(target, list) and words.language != SOURCE_LANGUAGE:
                return translated_nav(target, words)  # its page's own title, in its language
            out[said] = translated_nav(target, words)
        return out
    return nav


def _settings(plugin_config: Any, lang: str) -> dict[str, str]:
    """The words of mkdocs.yml in `lang`, from the onestop plugin's `languages:`."""
    given = (plugin_config.get("languages") or {}).get(lang) or {}
    if not isinstance(given, dict) or any(k not in SETTINGS or not isinstance(v, str) for k, v in given.items()):
        raise PluginError(f"mkdocs.yml: plugins: onestop: languages: {lang}: give words for "
                          f"{', '.join(SETTINGS)} (text each), e.g. site_name: ...")
    return given


def build_language(config: MkDocsConfig, plugin_config: Any, options: SiteOptions, checked: CheckResult,
                   languages: SiteLanguages, lang: str, serving: bool) -> int:
    """Build the site in `lang` into `<site_dir>/<lang>/`; returns the number of pages built."""
    from mkdocs.commands.build import build

    words = load_words(options.content_root, lang)
    settings = _settings(plugin_config, lang)
    site_url = (options.base_url + language_root(languages.languages, lang)) if options.base_url else None
    with tempfile.TemporaryDirectory(prefix=f"onestop-{lang}-pages-") as pages:
        fallbacks = language_pages(options.content_root, Path(config.docs_dir), Path(pages), lang,
                                   languages.languages)
        overrides: dict[str, Any] = {"site_dir": str(Path(config.site_dir) / lang), "docs_dir": pages}
        overrides.update({k: v for k, v in settings.items() if k != "site_owner"})
        if site_url:
            overrides["site_url"] = site_url
        nested = _fresh_config(config.config_file_path, overrides)
        nested.theme["language"] = lang
        if HOME_PAGE in fallbacks and "md_in_html" not in nested.markdown_extensions:
            nested.markdown_extensions.append("md_in_html")  # the home's English text inside its <div lang>
        nested.nav = translated_nav(config.nav, words)
        if "site_owner" in settings:
            nested.extra["site_owner"] = settings["site_owner"]
        plugin = nested.plugins.get("onestop")
        assert plugin is not None  # the same mkdocs.yml as the build that called this
        for name in ("strict", "today", "workers"):
            plugin.config[name] = plugin_config[name]
        plugin.config.report_problems = False
        plugin.staged_by_caller = True
        plugin.language_build = LanguageBuild(
            lang, checked, languages,
            dataclasses.replace(options, language=lang, site_url=site_url,
                                site_name=settings.get("site_name", options.site_name),
                                site_description=settings.get("site_description", options.site_description)),
            fallbacks, serving, options.base_url)
        nested.plugins.on_startup(command="build", dirty=False)
        try:
            build(nested)
        finally:
            nested.plugins.on_shutdown()
        return plugin.pages_built


def _fresh_config(config_file: str, overrides: dict[str, Any]) -> MkDocsConfig:
    """mkdocs.yml loaded again with its own plugin instances. MkDocs keeps one instance per plugin
    for the whole process (in the option's cache, for `serve`), and loading a config re-configures
    it: the nested build would take over the running build's plugin."""
    from mkdocs.config import load_config

    cache = MkDocsConfig.plugins.plugin_cache  # type: ignore[attr-defined]
    kept = dict(cache)
    cache.clear()
    try:
        return load_config(config_file, **overrides)
    finally:
        cache.clear()
        cache.update(kept)


# Translators: at the top of a hand-written page (such as "About this site") that is not translated
# yet; %(language)s is this page's language, %(source)s the one it is shown in ("español", "inglés").
FALLBACK_NOTICE = N_("This page is not available in %(language)s yet. It is shown in %(source)s.")


def fallback_notice(words: Words, lang: str) -> str:
    """Over a hand-written page shown in the content's own language in the `lang` build."""
    return words.gettext(FALLBACK_NOTICE, language=language_name(lang, lang),
                         source=language_name(SOURCE_LANGUAGE, lang))
