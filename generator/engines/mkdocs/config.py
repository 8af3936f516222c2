"""What onestop's tools read of mkdocs.yml without running MkDocs (it imports nothing of MkDocs)."""

from __future__ import annotations

from pathlib import Path

import yaml


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags mean nothing here."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url(root: Path) -> str | None:
    """The site's public address from mkdocs.yml, if it gives one."""
    try:
        # _LenientLoader is a SafeLoader that ignores MkDocs' own tags.
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, yaml.YAMLError):
        return None
    url = config.get("site_url") if isinstance(config, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
