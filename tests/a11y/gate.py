"""The accessibility gate: every page of a built site, checked by machines, with a readable report.

- pa11y, with both its runners (axe-core and HTML_CodeSniffer) at WCAG 2.2 AA, over every page
  listed in the site's sitemap.xml (and its 404 page), served on 127.0.0.1, as the plan says
  (plan.py): every page 1280 CSS px wide in the light scheme; in the other views (320 px wide,
  which is what 1280 px looks like at 400% zoom, and, when the theme offers one, the dark colour
  scheme, at both widths) the pages that stand for the rest: every page type in every language,
  and, together, every kind of element any page has. The plan and why each page stands for others
  are in the report.
- The Nu HTML Checker (vnu.jar from npm's vnu-jar, on the machine's Java) over every page.
- Each guide that asks questions is checked twice: as served (its questions), and answered, as a
  citizen's shared plan opens (its address with every question answered: "Your answers", steps and
  options left out). pa11y loads the answered address and waits for the plan; the HTML checker reads
  the answered page as Chromium has made it (a snapshot of its DOM, taken in the same run).

The browser half runs in one node process (run-plan.js): one Chromium per colour scheme for the
whole run, each check in its own tab, BROWSER_TABS at a time, so that one page's waiting on the
network overlaps another's checking (pa11y-ci started a Chromium per process and keys its
results by address: pa11y/pa11y-ci#98). What counts as a failure, and why, is in `_counts`. The
report (`report.txt` for people, `report.json` for tools, plus the browser plan and its raw result
to rerun by hand) goes to a folder of the caller's choosing: reports/a11y/ for the example site.
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

from .plan import SCHEME_ATTRIBUTE, Plan, View, make_plan

REPO = Path(__file__).resolve().parents[2]
NODE = REPO / ".venv" / "bin" / "node"
RUN_PLAN = Path(__file__).with_name("run-plan.js")
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_RUNNER = Path(__file__).with_name("axe-wcag22.js")
"""pa11y's axe runner with WCAG 2.2's rules added (see the file)."""

PAGE_TIMEOUT_MS = 120_000
GATE_TIMEOUT_S = 900
BROWSER_TABS = 3
"""Jobs run at a time in run-plan.js. A page spends part of its test waiting (pa11y waits for the
network to be idle for 500 ms), so tabs overlap that with another page's checking. Measured on the
example site's 129 checks, 2 shared cores: 2 tabs 178 s, 3 tabs 157 s, 4 tabs 155 s."""


GUIDE_DATA = re.compile(r'<script type="application/json" id="os-guide-data">(.*?)</script>', re.DOTALL)
ANSWERED = ".os-guide[data-os-answered]"
"""What guide.js marks once it has tailored a guide to answers."""


class GateError(Exception):
    """The gate could not run (a tool is missing, the sitemap is broken): the message says why."""


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
    plan: Plan
    """Which page was to be checked in which view, and why."""
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
    """Every page in the built sitemap.xml, as a path on the site ('/', '/services/a/b/'), plus the
    404 pages (404.html, and es/404.html in a site with Spanish).

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
    # The 404 page of each language: the site's, and each language's twin under its own folder.
    for page in ["/404.html", *sorted(f"/{p.parent.name}/404.html" for p in site_dir.glob("*/404.html"))]:
        if (site_dir / page.lstrip("/")).is_file():
            pages.append(page)
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


def site_views(site_dir: Path) -> tuple[View, ...]:
    """1280 and 320 px wide, light, and dark when the theme offers a dark scheme (a toggle for it)."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    schemes = ["light"] + (["dark"] if f'data-md-color-scheme="{SCHEME_ATTRIBUTE["dark"]}"' in home else [])
    return tuple(View(width, scheme) for width in (1280, 320) for scheme in schemes)


def browser_plan(base_url: str, plan: Plan, snapshots: dict[str, Path], chromium: str,
                 chromium_args: Sequence[str], result_file: Path) -> dict:
    """The plan for tests/a11y/run-plan.js: a pa11y job per (page, view) of the plan, and a DOM
    snapshot job per answered state (in the first view)."""
    def address(page: str) -> str:
        return base_url.rstrip("/") + page

    def viewport(view: View) -> dict:
        return {"width": view.width, "height": 900 if view.width > 600 else 640}

    jobs: list[dict] = []
    for page, view in plan.checks:
        # --force-dark-mode makes Chromium prefer dark, as a citizen's dark system setting does; the
        # theme follows it. Waiting for the theme's scheme proves the page is in the intended one.
        actions = [f'wait for element body[data-md-color-scheme="{SCHEME_ATTRIBUTE[view.scheme]}"] to be added']
        if "#" in page:
            actions.append(f"wait for element {ANSWERED} to be added")
        jobs.append({"page": page, "view": view.name, "url": address(page), "scheme": view.scheme,
                     "viewport": viewport(view), "actions": actions})
    for page, file in snapshots.items():
        jobs.append({"page": page, "view": plan.views[0].name, "url": address(page), "scheme": plan.views[0].scheme,
                     "viewport": viewport(plan.views[0]), "waitFor": ANSWERED, "snapshot": str(file)})
    return {
        "launch": {"executablePath": chromium, "args": list(chromium_args)},
        "schemes": {"light": [], "dark": ["--force-dark-mode"]},
        "concurrency": BROWSER_TABS,
        "options": {
            "standard": "WCAG2AA",
            "runners": [str(AXE_RUNNER), "htmlcs"],
            # Warnings are collected so that axe's violations of "moderate" impact (pa11y calls them
            # warnings) count too; HTML_CodeSniffer's warnings are hints to check by hand and do not.
            "includeWarnings": True,
            "includeNotices": False,
            "timeout": PAGE_TIMEOUT_MS,
        },
        "result": str(result_file),
        "jobs": jobs,
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


def run_browser(base_url: str, plan: Plan, snapshots: dict[str, Path], report_dir: Path, chromium: str,
                chromium_args: Sequence[str]) -> tuple[frozenset[tuple[str, str]], list[Issue]]:
    """Run the plan's pa11y checks and DOM snapshots in one node process; return what was tested and
    what failed."""
    for tool in (NODE, RUN_PLAN):
        if not tool.exists():
            raise GateError(f"{tool} is missing: run `make install`")
    result_file = report_dir / "browser-result.json"
    plan_file = report_dir / "browser-plan.json"
    config = browser_plan(base_url, plan, snapshots, chromium, chromium_args, result_file)
    plan_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PATH": f"{NODE.parent}:{os.environ.get('PATH', '')}"}
    run = subprocess.run([str(NODE), str(RUN_PLAN), str(plan_file)], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=GATE_TIMEOUT_S)
    (report_dir / "browser.log").write_text(run.stdout + run.stderr, encoding="utf-8")
    if run.returncode != 0 or not result_file.is_file():
        raise GateError(f"{RUN_PLAN.name} wrote no result (exit {run.returncode}):\n" + (run.stdout + run.stderr)[-2000:])
    views = {view.name: view for view in plan.views}
    tested: set[tuple[str, str]] = set()
    issues: list[Issue] = []
    for job, result in zip(config["jobs"], json.loads(result_file.read_text(encoding="utf-8"))["results"]):
        view = views[job["view"]]
        if "error" in result:
            what = "snapshot" if "snapshot" in job else "test"
            issues.append(Issue(job["page"], "pa11y", f"could-not-{what}", "(the page)", "", result["error"],
                                f"the page must load and be testable within {PAGE_TIMEOUT_MS // 1000} s", (view.name,)))
        elif "snapshot" not in job:
            tested.add((view.name, job["page"]))
            issues.extend(_pa11y_issue(job["page"], view, raw) for raw in result["issues"] if _counts(raw))
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
    first, others = result.views[0], result.views[1:]
    stand_for = [page for page in result.pages if page in result.plan.why]
    lines = [
        "Accessibility gate",
        f"Checked: {len(result.pages)} pages with pa11y (axe-core and HTML_CodeSniffer, WCAG 2.2 AA) {first.label},",
        f"{len(stand_for)} of them in every other view ({'; '.join(v.label for v in others) or 'none'}),",
        "and every page with the Nu HTML Checker.",
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
    if others:
        lines.append("Checked in every view, standing for the other pages (tests/a11y/plan.py says how they are chosen):")
        lines.extend(f"  {page}: {result.plan.why[page]}" for page in stand_for)
    (result.report_dir / "report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = {"passed": result.passed, "pages": list(result.pages), "views": [v.name for v in result.views],
            "checks": [[page, view.name] for page, view in result.plan.checks], "why": result.plan.why,
            "seconds": round(result.seconds, 1), "issues": [asdict(i) for i in result.issues]}
    (result.report_dir / "report.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


def run_gate(site_dir: Path, base_url: str, report_dir: Path, chromium: str, chromium_args: Sequence[str],
             views: Sequence[View] | None = None, pages: Sequence[str] | None = None) -> GateResult:
    """The whole gate over a built site that is being served at base_url: every page of its
    sitemap and every guide's answered state as the plan says (plan.py), or the given `pages` of
    them, each in every view."""
    started = time.monotonic()
    sitemap = sitemap_pages(site_dir)
    listed = sitemap + answered_states(site_dir, sitemap)
    if pages is not None:
        missing = [page for page in pages if page not in listed]
        if missing:
            raise GateError(f"not in the sitemap: {', '.join(missing)}")
        listed = tuple(pages)
    plan = make_plan(site_dir, listed, views or site_views(site_dir), every_view=pages is not None)
    if report_dir.exists():
        shutil.rmtree(report_dir)
    report_dir.mkdir(parents=True)
    states = [page for page in plan.pages if "#" in page]
    snapshots = {page: report_dir / "snapshots" / f"answered-{n}.html" for n, page in enumerate(states)}
    if snapshots:
        (report_dir / "snapshots").mkdir()
    with ThreadPoolExecutor(max_workers=1) as pool:
        # Java reads the built pages side by side with the browsers; the answered guides' DOM once
        # the browsers have made it.
        html = pool.submit(run_vnu, site_dir, [page for page in plan.pages if "#" not in page])
        tested, issues = run_browser(base_url, plan, snapshots, report_dir, chromium, chromium_args)
        vnu_issues = html.result()
    made = {page: file for page, file in snapshots.items() if file.is_file()}
    if made:
        vnu_issues += run_vnu(site_dir, list(made), made)
    html_checked = tuple(page for page in plan.pages if "#" not in page or page in made)
    result = GateResult(plan, plan.pages, plan.views, tested, html_checked, _merge_views(issues) + tuple(vnu_issues),
                        report_dir, time.monotonic() - started)
    write_report(result)
    return result
