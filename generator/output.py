"""Stage 5, write: the site folder on disk. A build writes into a fresh staging folder that
replaces the site only when everything succeeded (all or nothing); the sitemap lists every page."""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape


@contextmanager
def staged_directory(target: Path) -> Iterator[Path]:
    """Build into a fresh folder beside `target`; replace `target` only if the build succeeds.

    On any exception the staging folder is removed and `target` is left exactly as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    staging_mode = 0o755  # mkdtemp makes 0700 folders; a web server must read the site
    target.chmod(staging_mode)
    shutil.rmtree(old, ignore_errors=True)


def page_path(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def remove_page(site_dir: Path, url: str) -> None:
    """Remove a page's index.html, and its folders as far up as they are left empty."""
    page_path(site_dir, url).unlink(missing_ok=True)
    folder = site_dir / url
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write_sitemap(site_dir: Path, base_url: str, urls: Sequence[str]) -> None:
    """sitemap.xml (and .gz) listing every page, at its full address."""
    base = base_url.rstrip("/") + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(base + url.removeprefix('./'))}</loc></url>" for url in urls]
    lines.append("</urlset>")
    text = "\n".join(lines) + "\n"
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as out:
        out.write(text.encode("utf-8"))
