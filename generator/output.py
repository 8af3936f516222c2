"""Stage 5, write: the site folder on disk. A build writes into a fresh staging folder that
replaces the site only when everything succeeded (all or nothing); the sitemap lists every page."""

from __future__ import annotations

import glob
import gzip
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from xml.sax.saxutils import escape

PROTECTED = (".git", ".github", "agencies", "journeys", "content", "overrides", "locales", "generator")
"""The repository's own folders: a site folder may be none of them, nor lie inside one or hold one."""


def site_dir_problem(root: Path, site_dir: Path, protected: tuple[str, ...] = ()) -> str | None:
    """Why `site_dir` may not be the site folder (a build replaces it whole), or None: it is or
    holds the repository, or is, holds or lies inside one of its folders (PROTECTED, `protected`)."""
    root, target = root.resolve(), site_dir.resolve()
    if target == root or root.is_relative_to(target):
        return f"{site_dir} holds the repository itself"
    for name in dict.fromkeys((*PROTECTED, *protected)):
        folder = (root / name).resolve()
        if target == folder or target.is_relative_to(folder) or folder.is_relative_to(target):
            return f"{site_dir} is, holds or lies inside the repository's {name}/"
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with suppress(OSError):
            path.unlink()


def remove_stale(target: Path) -> list[Path]:
    """Remove the staging and old folders that builds of `target` left behind when they were
    killed or could not delete them ('.site.tmp-<pid>-...', '.site.old-<pid>'), unless the build
    that made them still runs. Returns what was removed."""
    removed = []
    for kind in ("tmp", "old"):
        prefix = f".{target.name}.{kind}-"
        for entry in target.parent.glob(glob.escape(prefix) + "*"):
            pid = entry.name[len(prefix):].split("-")[0]
            if pid.isdigit() and (int(pid) == os.getpid() or _alive(int(pid))):
                continue
            _remove(entry)
            removed.append(entry)
    return removed


class StagedDirectory:
    """A fresh folder beside `target` to build into: `commit()` swaps it in for `target`,
    `abort()` removes it and leaves `target` exactly as it was. Stale ones are removed first."""

    def __init__(self, target: Path):
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(self.target)
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.tmp-{os.getpid()}-", dir=self.target.parent))

    def commit(self) -> None:
        target = self.target
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        if target.exists() or target.is_symlink():
            target.rename(old)
        self.path.rename(target)
        staging_mode = 0o755  # mkdtemp makes 0700 folders; a web server must read the site
        target.chmod(staging_mode)
        _remove(old)  # a file or a read-only folder may stay: the next build removes it

    def abort(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@contextmanager
def staged_directory(target: Path) -> Iterator[Path]:
    """Build into a fresh folder beside `target`; replace `target` only if the build succeeds.

    On any exception the staging folder is removed and `target` is left exactly as it was.
    """
    staged = StagedDirectory(target)
    try:
        yield staged.path
    except BaseException:
        staged.abort()
        raise
    staged.commit()


def page_path(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def remove_page(site_dir: Path, url: str) -> None:
    """Remove a page's index.html, and its folders as far up as they are left empty."""
    page_path(site_dir, url).unlink(missing_ok=True)
    folder = site_dir / url
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write_sitemap(site_dir: Path, base_url: str, urls: Sequence[str],
                  alternates: Mapping[str, Sequence[tuple[str, str]]] | None = None) -> None:
    """sitemap.xml (and .gz) listing every page, at its full address; with `alternates` (a site in
    several languages: page -> its twins as (hreflang, address)), each page's twins too."""
    base = base_url.rstrip("/") + "/"

    def full(url: str) -> str:
        return escape(base + url.removeprefix("./"), {'"': "&quot;"})

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
             + (' xmlns:xhtml="http://www.w3.org/1999/xhtml">' if alternates else ">")]
    for url in urls:
        twins = (alternates or {}).get(url, ())
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{full(path)}"/>' for lang, path in twins)
        lines.append(f"  <url><loc>{full(url)}</loc>{links}</url>")
    lines.append("</urlset>")
    text = "\n".join(lines) + "\n"
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as out:
        out.write(text.encode("utf-8"))
