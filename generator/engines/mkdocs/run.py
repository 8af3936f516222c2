"""`onestop build`'s way of running MkDocs: a build of the site into a given folder."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...pipeline import CheckResult


class EngineError(Exception):
    """The site engine failed; the message says why."""


def build_with_mkdocs(config_file: Path, site_dir: Path, *, strict: bool, today: str | None = None,
                      checked: CheckResult | None = None) -> int:
    """Build with MkDocs into `site_dir`; returns the number of pages built (in every language).
    `checked`: the content as the caller has just checked and linked it, so that the plugin does not
    check every file again."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        plugin = config.plugins.get("onestop")
        if plugin is None:
            raise EngineError(f"{config_file}: the onestop plugin is not listed under plugins")
        plugin.config.strict = strict
        plugin.config.report_problems = False  # the CLI has printed them already
        plugin.staged_by_caller = True  # `onestop build` stages the site folder itself
        if today:
            plugin.config.today = today
        if checked is not None:
            plugin.use_checked(checked)
        # As `mkdocs build` does: a plugin that keeps state between builds in one process (as
        # onestop's does for live preview) learns that this is a one-off build.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return plugin.pages_built
    except MkDocsException as exc:
        # MkDocs turns a plugin's error into "Aborted with a BuildError!": say the plugin's reason.
        reason = exc.__context__ if isinstance(exc.__context__, MkDocsException) else exc
        raise EngineError(str(reason)) from None
