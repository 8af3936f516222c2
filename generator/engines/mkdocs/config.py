"""What onestop's tools read of mkdocs.yml without running MkDocs (it imports nothing of MkDocs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ...options import SiteOptions, default
from ...reading import Refused, read_text


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags mean nothing here."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, read through the guarded reader; {} when it cannot be read."""
    try:
        # _LenientLoader is a SafeLoader that ignores MkDocs' own tags.
        config = yaml.load(read_text(root, root / "mkdocs.yml"), Loader=_LenientLoader)
    except (Refused, yaml.YAMLError, RecursionError):
        return {}
    return config if isinstance(config, dict) else {}


def site_url(root: Path) -> str | None:
    """The site's public address from mkdocs.yml, if it gives one."""
    url = _config(root).get("site_url")
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None


def docs_dir(root: Path) -> Path:
    """The folder of hand-written pages MkDocs publishes: docs_dir (MkDocs' default 'docs'), or
    content/ in a repository without mkdocs.yml."""
    if not (root / "mkdocs.yml").exists():
        return root / "content"
    folder = _config(root).get("docs_dir")
    return root / (folder if isinstance(folder, str) and folder else "docs")


def _plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("onestop"), dict):
            return plugin["onestop"]
    return {}


def site_options(root: Path) -> SiteOptions:
    """What the site's pages are rendered with (name, language, templates, the A to Z's sizes), as
    the MkDocs plugin would read them, for tools that render pages without building the site."""
    config = _config(root)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    plugin = _plugin_options(config)

    def number(name: str) -> int:
        value = plugin.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else default(name)

    name, description = config.get("site_name"), config.get("site_description")
    language = theme.get("language")
    templates = root / (theme.get("custom_dir") if isinstance(theme.get("custom_dir"), str) else "overrides")
    return SiteOptions(content_root=root, site_name=name if isinstance(name, str) else "", site_url=site_url(root),
                       site_description=description if isinstance(description, str) else "",
                       template_dirs=(templates,), language=language if isinstance(language, str) else "en",
                       az_letter_pages_from=number("az_letter_pages_from"), az_page_size=number("az_page_size"),
                       part_of_boxes=number("part_of_boxes"))
