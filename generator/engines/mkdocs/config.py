"""What onestop's tools read of mkdocs.yml without running MkDocs (it imports nothing of MkDocs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

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
