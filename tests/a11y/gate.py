"""The accessibility gate: every page of a built site, checked by machines, with a readable report.

- pa11y-ci, with both its runners (axe-core and HTML_CodeSniffer) at WCAG 2.2 AA, over every page
  listed in the site's sitemap.xml (and its 404 page), served on 127.0.0.1, in four views: 1280 and
  320 CSS px wide (320 px is what 1280 px looks like at 400% zoom), each in the light and, when
  the theme offers one, the dark colour scheme.
- The Nu HTML Checker (vnu.jar from npm's vnu-jar, on the machine's Java) over the same pages.
- Each guide that asks questions is checked twice: as served (its questions), and answered, as a
  citizen's shared plan opens (its address with every question answered: "Your answers", steps and
  options left out). pa11y loads the answered address and waits for the plan; the HTML checker reads
  the answered page as Chromium has made it (a snapshot of its DOM).

Each view runs in its own pa11y-ci process with its own Chromium (pa11y-ci mixes up concurrent
pages inside one process: pa11y/pa11y-ci#354), so the views run side by side on the machine's cores.
What counts as a failure, and why, is in `_counts`. The report (`report.txt` for people,
`report.json` for tools, plus each pa11y-ci configuration and raw result to rerun by hand) goes to
a folder of the caller's choosing: reports/a11y/ for the example site.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NODE = REPO / ".venv" / "bin" / "node"
PA11Y_CI = REPO / "node_modules" / "pa11y-ci" / "bin" / "pa11y-ci.js"
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_RUNNER = Path(__file__).with_name("axe-wcag22.js")
"""pa11y's axe runner with WCAG 2.2's rules added (see the file)."""

PAGE_TIMEOUT_MS = 120_000
GATE_TIMEOUT_S = 900
SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}
"""Material for MkDocs' names for the two colour schemes (body[data-md-color-scheme])."""


GUIDE_DATA = re.compile(r'<script type="application/json" id="os-guide-data">(.*?)</script>', re.DOTALL)
ANSWERED = ".os-guide[data-os-answered]"
"""What guide.js marks once it has tailored a guide to answers."""


class GateError(Exception):
    """The gate could not run (a tool is missing, the sitemap is broken): the message says why."""


@dataclass(frozen=True)
class View:
    width: int
    scheme: str
    """light or dark."""

    @property
    def name(self) -> str:
        return f"{self.width}px-{self.scheme}"

    @property
    def label(self) -> str:
        return f"{self.width} px wide, {self.scheme}"


@dataclass(frozen=True)
class Issue:
    page: str
    """The page's path on the site: '/' for home, '/services/a/b/'."""
    checker: str
    """axe, htmlcs, vnu, or pa11y (the page could not be tested at all)."""
    rule: str
    element: str
    """A CSS selector (pa11y) or 'line L, column C' (vnu)."""
    html: str
    message: str
    fix: str
    """How to fix it: the rule's own advice and where to read more."""
    views: tuple[str, ...] = ()
    """The views (View.name) in which pa11y saw it; empty for the HTML checker."""


@dataclass(frozen=True)
class GateResult:
    pages: tuple[str, ...]
    views: tuple[View, ...]
    tested: frozenset[tuple[str, str]]
    """(view name, page) for every pa11y test that ran to the end."""
    html_checked: tuple[str, ...]
    """Pages the HTML checker read."""
    issues: tuple[Issue, ...]
    report_dir: Path
    seconds: float

    @property
    def passed(self) -> bool:
        return not self.issues

    def summary(self, limit: int = 40) -> str:
        """The start of the readable report, for a test failure message."""
        lines = (self.report_dir / "report.txt").read_text(encoding="utf-8").splitlines()
        cut = lines[:limit] + ([f"... {len(lines) - limit} more lines in {self.report_dir / 'report.txt'}"]
                               if len(lines) > limit else [])
        return "\n".join(cut)


def sitemap_pages(site_dir: Path) -> tuple[str, ...]:
    """Every page in the built sitemap.xml, as a path on the site ('/', '/services/a/b/'), plus 404.html.

    The sitemap names pages by their published address (site_url in mkdocs.yml); the home page is
    the shortest, and every page's path is taken relative to it.
    """
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        raise GateError(f"{sitemap}: missing; build the site first")
    try:
        root = ET.parse(sitemap).getroot()
    except ET.ParseError as exc:
        raise GateError(f"{sitemap}: not XML ({exc})") from None
    locs = [el.text.strip() for el in root.iter() if el.tag.endswith("}loc") or el.tag == "loc" if el.text]
    if not locs:
        raise GateError(f"{sitemap}: lists no page")
    home = min(locs, key=len)
    pages = []
    for loc in locs:
        if not loc.startswith(home):
            raise GateError(f"{sitemap}: {loc} is not under the home page {home}")
        path = "/" + loc[len(home):]
        if not (site_dir / path.lstrip("/") / "index.html").is_file():
            raise GateError(f"{sitemap}: {loc} has no page in {site_dir}")
        pages.append(path)
    if (site_dir / "404.html").is_file():
        pages.append("/404.html")
    return tuple(pages)


def answered_states(site_dir: Path, pages: Sequence[str]) -> tuple[str, ...]:
    """For each page that asks questions, its address answered: every question with its last answer
    (the one that leaves the most steps and options out), in the order the script writes them."""
    states = []
    for page in (p for p in pages if p.endswith("/")):
        found = GUIDE_DATA.search((site_dir / page.lstrip("/") / "index.html").read_text(encoding="utf-8"))
        if found:
            questions = sorted(json.loads(found.group(1))["questions"], key=lambda q: q["id"])
            states.append(page + "#" + "&".join(f"{q['id']}={q['options'][-1]}" for q in questions))
    return tuple(states)


def snapshot_states(base_url: str, states: Sequence[str], out_dir: Path, chromium: str,
                    chromium_args: Sequence[str]) -> dict[str, Path]:
    """Each answered state's DOM, as Chromium has made it, in a file the HTML checker can read."""
    if not states:
        return {}
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    files = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(chromium_args), headless=True)
        page = browser.new_page()
        for n, state in enumerate(states):
            page.goto(base_url.rstrip("/") + state)
            page.wait_for_selector(ANSWERED, state="attached", timeout=PAGE_TIMEOUT_MS)
            files[state] = out_dir / f"answered-{n}.html"
            files[state].write_text("<!DOCTYPE html>\n" + page.evaluate("document.documentElement.outerHTML"),
                                    encoding="utf-8")
        browser.close()
    return files


def site_views(site_dir: Path) -> tuple[View, ...]:
    """1280 and 320 px wide, light, and dark when the theme offers a dark scheme (a toggle for it)."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    schemes = ["light"] + (["dark"] if f'data-md-color-scheme="{SCHEME_ATTRIBUTE["dark"]}"' in home else [])
    return tuple(View(width, scheme) for width in (1280, 320) for scheme in schemes)


def pa11y_config(base_url: str, pages: Sequence[str], view: View, chromium: str, chromium_args: Sequence[str],
                 result_file: Path) -> dict:
    """One view's pa11y-ci configuration."""
    args = [*chromium_args, *(["--force-dark-mode"] if view.scheme == "dark" else [])]
    scheme = SCHEME_ATTRIBUTE[view.scheme]
    in_scheme = f'wait for element body[data-md-color-scheme="{scheme}"] to be added'
    urls = [base_url.rstrip("/") + page if "#" not in page else
            {"url": base_url.rstrip("/") + page, "actions": [in_scheme, f"wait for element {ANSWERED} to be added"]}
            for page in pages]
    return {
        "defaults": {
            "standard": "WCAG2AA",
            "runners": [str(AXE_RUNNER), "htmlcs"],
            # Warnings are collected so that axe's violations of "moderate" impact (pa11y calls them
            # warnings) count too; HTML_CodeSniffer's warnings are hints to check by hand and do not.
            "includeWarnings": True,
            "includeNotices": False,
            "concurrency": 1,
            "timeout": PAGE_TIMEOUT_MS,
            "viewport": {"width": view.width, "height": 900 if view.width > 600 else 640},
            # --force-dark-mode makes Chromium prefer dark, as a citizen's dark system setting does; the
            # theme follows it. Waiting for the theme's scheme proves the page is in the intended one.
            "actions": [in_scheme],
            "chromeLaunchConfig": {"executablePath": chromium, "args": args},
            "reporters": [["json", {"fileName": str(result_file)}]],
        },
        "urls": urls,
    }


def _technique_url(code: str) -> str:
    """The W3C page for an HTML_CodeSniffer technique code (…1_1_1.H37 -> html/H37)."""
    folders = {"H": "html", "G": "general", "F": "failures", "ARIA": "aria", "C": "css", "SCR": "client-side-script"}
    for part in re.split(r"[.,]", code)[4:]:
        match = re.fullmatch(r"(ARIA|SCR|H|G|F|C)(\d+)", part)
        if match:
            return f"https://www.w3.org/WAI/WCAG22/Techniques/{folders[match[1]]}/{part}"
    return ""


def _counts(raw: dict) -> bool:
    """Whether a pa11y issue fails the gate.

    Every error of either runner does (for axe that includes what it could not decide but rates
    serious or critical, as pa11y does by default); so does every axe violation of moderate impact,
    which pa11y files as a warning. HTML_CodeSniffer's warnings ask a person to check something and
    do not fail.
    """
    if raw.get("type") == "error":
        return True
    extras = raw.get("runnerExtras") or {}
    return _runner_name(raw) == "axe" and raw.get("type") == "warning" and not extras.get("needsFurtherReview")


def _runner_name(raw: dict) -> str:
    runner = raw.get("runner") or ""
    return "axe" if runner.endswith("axe-wcag22.js") or runner == "axe" else runner


def _pa11y_issue(page: str, view: View, raw: dict) -> Issue:
    runner = _runner_name(raw)
    extras = raw.get("runnerExtras") or {}
    if runner == "axe":
        message = extras.get("help") or raw.get("message", "")
        fix = f"{extras.get('description', '')} ({extras.get('impact') or 'no'} impact): {extras.get('helpUrl', '')}"
    else:
        message = raw.get("message", "")
        fix = _technique_url(raw.get("code", "")) or "see the message"
    return Issue(page, runner, raw.get("code", ""), raw.get("selector") or "(the page)",
                 " ".join((raw.get("context") or "").split())[:300], message, fix, (view.name,))


def _merge_views(issues: Sequence[Issue]) -> tuple[Issue, ...]:
    """One issue per page, checker, rule and element, listing every view it was seen in."""
    merged: dict[tuple[str, str, str, str], Issue] = {}
    for issue in issues:
        key = (issue.page, issue.checker, issue.rule, issue.element)
        if key in merged:
            old = merged[key]
            merged[key] = replace(old, views=tuple(dict.fromkeys(old.views + issue.views)))
        else:
            merged[key] = issue
    return tuple(merged.values())


def run_pa11y(base_url: str, pages: Sequence[str], views: Sequence[View], report_dir: Path, chromium: str,
              chromium_args: Sequence[str]) -> tuple[frozenset[tuple[str, str]], list[Issue]]:
    """Run one pa11y-ci process per view, side by side; return what was tested and what failed."""
    for tool in (NODE, PA11Y_CI):
        if not tool.exists():
            raise GateError(f"{tool} is missing: run `make install`")

    def one(view: View) -> tuple[View, Path, subprocess.CompletedProcess[str]]:
        result_file = report_dir / f"pa11y-{view.name}.json"
        config_file = report_dir / f"pa11y-{view.name}.config.json"
        config = pa11y_config(base_url, pages, view, chromium, chromium_args, result_file)
        config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PATH": f"{NODE.parent}:{os.environ.get('PATH', '')}"}
        run = subprocess.run([str(NODE), str(PA11Y_CI), "--config", str(config_file)], cwd=REPO, env=env,
                             capture_output=True, text=True, timeout=GATE_TIMEOUT_S)
        (report_dir / f"pa11y-{view.name}.log").write_text(run.stdout + run.stderr, encoding="utf-8")
        return view, result_file, run

    with ThreadPoolExecutor(max_workers=len(views)) as pool:
        runs = list(pool.map(one, views))

    tested: set[tuple[str, str]] = set()
    issues: list[Issue] = []
    prefix = base_url.rstrip("/")
    for view, result_file, run in runs:
        if not result_file.is_file():
            raise GateError(f"pa11y-ci ({view.label}) wrote no result (exit {run.returncode}):\n"
                            + (run.stdout + run.stderr)[-2000:])
        report = json.loads(result_file.read_text(encoding="utf-8"))
        for url, raws in report["results"].items():
            page = url[len(prefix):] if url.startswith(prefix) else url
            ran = True
            for raw in raws:
                if "code" not in raw and "message" in raw and "runner" not in raw:
                    ran = False  # pa11y could not test the page: an error object, not an issue
                    issues.append(Issue(page, "pa11y", "could-not-test", "(the page)", "", raw["message"],
                                        "the page must load and be testable within "
                                        f"{PAGE_TIMEOUT_MS // 1000} s", (view.name,)))
                elif _counts(raw):
                    issues.append(_pa11y_issue(page, view, raw))
            if ran:
                tested.add((view.name, page))
    return frozenset(tested), issues


def run_vnu(site_dir: Path, pages: Sequence[str], snapshots: dict[str, Path] | None = None) -> list[Issue]:
    """The Nu HTML Checker over the pages' files (an answered state's snapshot for it): every error is an issue."""
    java = shutil.which("java")
    if java is None:
        raise GateError("java is missing: run scripts/ensure-java (make test does)")
    if not VNU_JAR.is_file():
        raise GateError(f"{VNU_JAR} is missing: run `make install`")
    files = {}
    for page in pages:
        path = site_dir / page.lstrip("/")
        if snapshots and page in snapshots:
            files[str(snapshots[page].resolve())] = page
            continue
        files[str((path / "index.html" if page.endswith("/") else path).resolve())] = page
    run = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
                         capture_output=True, text=True, timeout=GATE_TIMEOUT_S)
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError):
        raise GateError(f"the HTML checker failed (exit {run.returncode}): {(run.stderr or run.stdout)[-2000:]}") from None
    issues = []
    for msg in messages:
        if msg.get("type") not in ("error", "non-document-error"):
            continue
        path = msg.get("url", "").removeprefix("file:")
        page = files.get(path, path)
        where = f"line {msg.get('lastLine', '?')}, column {msg.get('firstColumn', msg.get('lastColumn', '?'))}"
        issues.append(Issue(page, "vnu", "html-error", where, " ".join((msg.get("extract") or "").split()),
                            msg.get("message", ""), "make the markup valid HTML: https://html.spec.whatwg.org/"))
    return issues


def write_report(result: GateResult) -> None:
    views = "; ".join(v.label for v in result.views)
    total = f"{len(result.pages)} pages x {len(result.views)} views ({views})"
    lines = [
        "Accessibility gate",
        f"Checked: {total} with pa11y-ci (axe-core and HTML_CodeSniffer, WCAG 2.2 AA), and every page with the",
        "Nu HTML Checker.",
        f"Result: {'PASSED, no problem found' if result.passed else 'FAILED'} "
        f"({len(result.issues)} problems on {len({i.page for i in result.issues})} pages, {result.seconds:.0f} s)",
        "",
    ]
    names = {v.name: v.label for v in result.views}
    for page in sorted({i.page for i in result.issues}):
        lines.append(page)
        for issue in (i for i in result.issues if i.page == page):
            lines.append(f"  [{issue.checker} {issue.rule}] {issue.message}")
            lines.append(f"    element: {issue.element}")
            if issue.html:
                lines.append(f"    html:    {issue.html}")
            lines.append(f"    fix:     {issue.fix}")
            if issue.views:
                lines.append(f"    seen:    {'; '.join(names.get(v, v) for v in issue.views)}")
        lines.append("")
    (result.report_dir / "report.txt").write_text("\n".join(lines), encoding="utf-8")
    data = {"passed": result.passed, "pages": list(result.pages), "views": [v.name for v in result.views],
            "seconds": round(result.seconds, 1), "issues": [asdict(i) for i in result.issues]}
    (result.report_dir / "report.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


def run_gate(site_dir: Path, base_url: str, report_dir: Path, chromium: str, chromium_args: Sequence[str],
             views: Sequence[View] | None = None, pages: Sequence[str] | None = None) -> GateResult:
    """The whole gate over a built site that is being served at base_url: every page of its
    sitemap and every guide's answered state, or the given `pages` of them."""
    started = time.monotonic()
    sitemap = sitemap_pages(site_dir)
    listed = sitemap + answered_states(site_dir, sitemap)
    if pages is not None:
        missing = [page for page in pages if page not in listed]
        if missing:
            raise GateError(f"not in the sitemap: {', '.join(missing)}")
        listed = tuple(pages)
    pages = listed
    views = tuple(views or site_views(site_dir))
    if report_dir.exists():
        shutil.rmtree(report_dir)
    report_dir.mkdir(parents=True)
    snapshots = snapshot_states(base_url, [p for p in pages if "#" in p], report_dir / "snapshots", chromium,
                                chromium_args)
    with ThreadPoolExecutor(max_workers=1) as pool:
        html = pool.submit(run_vnu, site_dir, pages, snapshots)  # Java, side by side with the browsers
        tested, issues = run_pa11y(base_url, pages, views, report_dir, chromium, chromium_args)
        vnu_issues = html.result()
    result = GateResult(pages, views, tested, pages, _merge_views(issues) + tuple(vnu_issues), report_dir,
                        time.monotonic() - started)
    write_report(result)
    return result
