"""The scale benchmark: build synthetic governments of N services and measure them.

For each N it generates a site (benchmarks/synthetic.py), then measures:
- `onestop check` wall time;
- `onestop build` wall time and peak memory of the whole process tree (workers included);
- service pages' HTML size (median and max, raw and gzip), total site size, search index size, and
  the largest page of a guide that asks questions (gzip);
- Hugo (Debian's `hugo`, installed when missing) building the same text as plain pages, and the ratio.

    python benchmarks/bench.py                 # N = 1,000, 5,000 and 10,000 (make bench)
    python benchmarks/bench.py --sizes 200     # the smoke run in make test
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TODAY = "2026-11-28"
"""The date every benchmark checks and builds for: the synthetic sites' dates are fixed."""


@dataclass(frozen=True)
class Run:
    services: int
    pages: int
    check_s: float
    build_s: float
    build_user_s: float
    build_system_s: float
    peak_mb: float
    page_raw_median: int
    page_raw_max: int
    page_gzip_median: int
    page_gzip_max: int
    site_mb: float
    search_kb_gzip: float
    hugo_s: float | None
    incremental_s: float | None
    guided_gzip_max: int = 0
    """The largest page of a guide that asks questions, gzipped."""

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.build_s / self.pages


def _peak_rss(process: subprocess.Popen[bytes], samples: list[int], stop: threading.Event) -> None:
    """Sample the memory of a process and all its children (the page-writing workers)."""
    try:
        root = psutil.Process(process.pid)
        while not stop.is_set():
            try:
                # PSS, not RSS: forked workers share the parent's pages, which RSS counts once per process.
                total = root.memory_full_info().pss + sum(c.memory_full_info().pss
                                                          for c in root.children(recursive=True))
                samples.append(total)
            except psutil.Error:
                pass
            time.sleep(0.25)  # reading smaps costs the kernel time: sample sparingly
    except psutil.Error:
        pass


@dataclass(frozen=True)
class Timing:
    wall_s: float
    user_s: float
    system_s: float
    """CPU time in the kernel: on this machine mostly creating the site's folders and files."""
    peak: int


def timed(command: list[str], cwd: Path, env: dict[str, str] = ENV, *, peak: bool = True,
          accept: tuple[int, ...] = (0,)) -> Timing:
    """Wall time, CPU time and (with `peak`) peak memory of the process tree; raises when the command
    exits with a code outside `accept`."""
    samples: list[int] = []
    stop = threading.Event()
    # Flush what earlier steps wrote (the generated site, an earlier build) first, so that its
    # write-back to disk is not timed as part of this command; onestop and Hugo alike.
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = threading.Thread(target=_peak_rss, args=(process, samples, stop), daemon=True)
    if peak:
        sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and every process it waited for
    stop.set()
    if peak:
        sampler.join()
    if process.returncode not in accept:
        raise RuntimeError(f"{' '.join(command)} in {cwd} failed:\n{err.decode()[-2000:]}")
    return Timing(elapsed, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime, max(samples, default=0))


def ensure_hugo() -> str | None:
    hugo = shutil.which("hugo")
    if hugo:
        return hugo
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("bench: installing Debian's hugo ...", file=sys.stderr)
        apt_env = {**ENV, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, stdout=subprocess.DEVNULL, env=apt_env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True, stdout=subprocess.DEVNULL,
                       env=apt_env)
        return shutil.which("hugo")
    print("bench: hugo is not installed and cannot be installed here; skipping the comparison", file=sys.stderr)
    return None


def hugo_site(source: Path, target: Path) -> None:
    """The same text as plain Hugo pages: one page per service, journey and agency (content-only templates)."""
    (target / "layouts" / "_default").mkdir(parents=True)
    (target / "content").mkdir()
    (target / "hugo.toml").write_text('baseURL = "https://example.gov/"\ntitle = "Bench"\n'
                                      'disableKinds = ["taxonomy", "term", "RSS"]\n')
    (target / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><main>"
        "<h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n")
    (target / "layouts" / "_default" / "list.html").write_text(
        "<!doctype html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><ul>"
        "{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
    for path in sorted(source.glob("agencies/*/services/*.yml")) + sorted(source.glob("journeys/*.yml")):
        data = yaml.safe_load(path.read_text())
        body = [data.get("summary", ""), data.get("description", "")]
        body += [f"- {s['title']}" for s in data.get("steps", [])]
        name = path.parent.parent.name + "--" + path.stem if "services" in path.parts else "journey--" + path.stem
        title = data["title"].replace('"', "'")
        (target / "content" / f"{name}.md").write_text(f'---\ntitle: "{title}"\n---\n\n' + "\n\n".join(body))


def incremental_rebuild(site_repo: Path) -> float:
    """Live preview: build once as `make serve` does (serve --dirty), save one service, time the rebuild."""
    script = f"""
import logging, os, sys, time, pathlib
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.ERROR)
root = pathlib.Path({str(site_repo)!r})
config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "serve-site"))
config.plugins["onestop"].on_startup(command="serve", dirty=True)
build(config, dirty=True)
service = sorted(root.glob("agencies/*/services/*.yml"))[len(list(root.glob("agencies/*/services/*.yml"))) // 2]
service.write_text(service.read_text().replace("title: ", "title: Now ", 1))
started = time.perf_counter()
build(config, dirty=True)
print(time.perf_counter() - started)
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=ENV, capture_output=True, text=True,
                         check=True)
    return float(run.stdout.strip().splitlines()[-1])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def measure(services: int, work: Path, hugo: str | None, incremental: bool,
            languages: tuple[str, ...] = ("en",)) -> Run:
    site_repo = generate(work / f"site-{services}", services, agencies=50 if services >= 1000 else 10,
                         journeys=40 if services >= 1000 else 6, languages=languages)
    onestop = [sys.executable, "-m", "generator"]
    check_s = timed([*onestop, "check", "--today", TODAY], site_repo).wall_s
    build = timed([*onestop, "build", "--today", TODAY], site_repo)
    site = site_repo / "site"
    pages = list(site.rglob("index.html"))
    service_pages = [p.read_bytes() for p in site.glob("services/*/*/index.html")]
    raw = [len(p) for p in service_pages]
    zipped = [gz(p) for p in service_pages]
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    # The search index is what a citizen's first search fetches (with one 1 KB record file and
    # the scripts; benchmarks/SEARCH.md measures the whole first search in Chromium).
    index = site / "search" / "index.json"
    search_gzip = gz(index.read_bytes()) if index.is_file() else 0
    hugo_s = None
    if hugo:
        hugo_dir = work / f"hugo-{services}"
        hugo_site(site_repo, hugo_dir)
        hugo_s = timed([hugo, "--quiet", "-d", str(hugo_dir / "public")], hugo_dir).wall_s
    incremental_s = incremental_rebuild(site_repo) if incremental else None
    guided = [gz(b) for b in (p.read_bytes() for p in site.glob("journeys/*/index.html")) if b"os-guide-data" in b]
    return Run(services, len(pages), check_s, build.wall_s, build.user_s, build.system_s, build.peak / 2**20,
               int(statistics.median(raw)), max(raw),
               int(statistics.median(zipped)), max(zipped), total / 2**20, search_gzip / 1024, hugo_s,
               incremental_s, max(guided, default=0))


def table(runs: list[Run]) -> str:
    lines = ["| services | pages | check s | build s | build CPU s user + system | ms/page | peak MB (PSS) "
             "| service page raw median/max KB "
             "| gzip median/max KB | site MB | search index KB gzip | Hugo s | onestop/Hugo "
             "| live-preview rebuild s | guided journey page gzip max KB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        hugo = f"{r.hugo_s:.2f}" if r.hugo_s else "n/a"
        ratio = f"{r.build_s / r.hugo_s:.1f}" if r.hugo_s else "n/a"
        lines.append(f"| {r.services:,} | {r.pages:,} | {r.check_s:.2f} | {r.build_s:.2f} "
                     f"| {r.build_user_s:.1f} + {r.build_system_s:.1f} | {r.ms_per_page:.2f} "
                     f"| {r.peak_mb:.0f} | {r.page_raw_median / 1024:.1f} / {r.page_raw_max / 1024:.1f} "
                     f"| {r.page_gzip_median / 1024:.1f} / {r.page_gzip_max / 1024:.1f} | {r.site_mb:.0f} "
                     f"| {r.search_kb_gzip:.0f} | {hugo} | {ratio} "
                     f"| {f'{r.incremental_s:.2f}' if r.incremental_s is not None else 'n/a'} "
                     f"| {r.guided_gzip_max / 1024:.1f} |")
    return "\n".join(lines)


def machine() -> str:
    return (f"{platform.node() or 'this machine'}: {os.cpu_count()} cores, "
            f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
            f"{time.strftime('%Y-%m-%d')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    parser.add_argument("--no-incremental", action="store_true", help="skip the live-preview rebuild timing")
    parser.add_argument("--languages", nargs="+", default=["en"],
                        help="the synthetic site's languages (en es: each page twice, a third of services translated)")
    args = parser.parse_args(argv)
    hugo = None if args.no_hugo else ensure_hugo()
    work = args.keep or Path(tempfile.mkdtemp(prefix="onestop-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = []
    try:
        for n in args.sizes:
            runs.append(measure(n, work, hugo, not args.no_incremental, tuple(args.languages)))
            print(f"bench: {n:,} services done", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(machine())
    print()
    print(table(runs))
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        print()
        print(f"time per page at {last.services:,} / at {first.services:,}: "
              f"{last.ms_per_page / first.ms_per_page:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
