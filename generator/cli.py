"""The `onestop` command: check and build the site, and the editors' tools around it (a thin layer over
the modules that do the work)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from .parallel import collector_paused
from .pipeline import CheckResult, check
from .problems import BuildFailure, Problem
from .tools.repository import repository_problems

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(9998, 12, 31)
"""--today within these: the rules count a year and more either side of it (past 9999, a traceback)."""


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD; got {text!r}") from None
    if not EARLIEST <= day <= LATEST:
        raise argparse.ArgumentTypeError(f"expected a date between {EARLIEST} and {LATEST}; got {text!r}")
    return day


GITHUB_ANNOTATION_LIMIT = 10
"""GitHub shows at most 10 error and 10 warning annotations of a step on the pull request."""


def _print_problems(problems: list[Problem], fmt: str) -> None:
    for problem in problems:
        print(problem.format_github() if fmt == "github" else problem.format_text())
    if fmt == "github":
        for severity in ("error", "warning"):
            count = sum(1 for p in problems if p.severity.value == severity)
            if count > GITHUB_ANNOTATION_LIMIT:
                print(f"::notice::onestop found {count} {severity}s; the pull request shows the first "
                      f"{GITHUB_ANNOTATION_LIMIT}, and this job's log lists them all")


def _summary(result: CheckResult, strict: bool) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    if not errors and not warnings:
        return "onestop: content OK"
    text = f"onestop: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if strict and warnings and not errors:
        text += " (warnings fail the check with --strict)"
    return text


def _not_a_site(root: Path) -> bool:
    if not (root / "agencies").is_dir() and not (root / "mkdocs.yml").is_file():
        print(f"onestop: {root.resolve()} is not a site repository (no agencies/ or mkdocs.yml); "
              "run onestop in the repository root or pass --root", file=sys.stderr)
        return True
    return False


def _run_check(args: argparse.Namespace) -> tuple[CheckResult, int]:
    from .engines.mkdocs.config import docs_dir

    root = Path(args.root)
    if _not_a_site(root):
        return CheckResult([], None), EXIT_USAGE
    result = check(root, args.today, pages_dir=docs_dir(root))
    if args.command == "check":
        result = result.with_problems(repository_problems(root, result.site))
    _print_problems(result.problems, args.format)
    print(_summary(result, args.strict), file=sys.stderr)
    return result, (EXIT_PROBLEMS if result.failed(args.strict) else EXIT_OK)


def cmd_check(args: argparse.Namespace) -> int:
    return _run_check(args)[1]


def cmd_build(args: argparse.Namespace) -> int:
    result, code = _run_check(args)
    if code != EXIT_OK:
        print("onestop: nothing was built; fix the problems above and run again", file=sys.stderr)
        return code
    from .engines.mkdocs.config import docs_dir
    from .engines.mkdocs.run import EngineError, build_with_mkdocs
    from .output import site_dir_problem, staged_directory

    root = Path(args.root)
    site_dir = Path(args.site_dir) if args.site_dir else root / "site"
    unsafe = site_dir_problem(root, site_dir, (docs_dir(root).name,))
    if unsafe:
        print(f"onestop: nothing was built: {unsafe}, and a build replaces its site folder whole; "
              "choose a folder of its own, e.g. --site-dir site", file=sys.stderr)
        return EXIT_USAGE
    try:
        with staged_directory(site_dir) as staging:
            pages = build_with_mkdocs(root / "mkdocs.yml", staging, strict=args.strict,
                                      today=args.today.isoformat() if args.today else None, checked=result)
    except EngineError as exc:
        print(f"onestop: build failed, {site_dir} left as it was: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"onestop: build failed, {site_dir} left as it was: {_os_error(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"onestop: built {pages} pages into {site_dir}", file=sys.stderr)
    return EXIT_OK


def _linked_site(args: argparse.Namespace) -> CheckResult | None:
    """The checked, linked site for commands that read it; None (after saying why) on errors."""
    root = Path(args.root)
    if _not_a_site(root):
        return None
    result = check(root, args.today)
    if result.site is None:
        _print_problems(result.errors, "text")
        print(f"onestop: {len(result.errors)} error(s) in the content; fix them first (onestop check)",
              file=sys.stderr)
        return None
    return result


def cmd_new(args: argparse.Namespace) -> int:
    from .engines.mkdocs.config import site_url
    from .tools.scaffold import ScaffoldError, plan, write

    root = Path(args.root)
    if _not_a_site(root):
        return EXIT_USAGE
    try:
        if args.kind == "translation":
            from .tools.translation_scaffold import plan_translation

            new = plan_translation(root, args.name, args.lang or "", args.today or dt.date.today())
        else:
            new = plan(root, args.kind, args.name, args.today or dt.date.today(), site_url(root))
        path = write(root, new)
    except ScaffoldError as exc:
        print(f"onestop: {exc.message}" + (f" (hint: {exc.hint})" if exc.hint else ""), file=sys.stderr)
        return EXIT_PROBLEMS
    print(new.path)
    steps = {"service": "then add it to a step of a journey in journeys/, so citizens find it on their way",
             "journey": "then list each step's services as agency-id/service-id",
             "agency": "then add its services with: onestop new service " + args.name + "/SERVICE-ID",
             "question": f"then ask it in a journey (questions: [{args.name}]) and use it in a step's if:",
             "translation": "write each text in the new language under its note"}
    print(f"onestop: wrote {new.path}: fill in each empty key, {steps[args.kind]}, and run onestop check",
          file=sys.stderr)
    del path
    return EXIT_OK


def cmd_codeowners(args: argparse.Namespace) -> int:
    from .tools import codeowners
    from .tools.settings import load_settings

    result = _linked_site(args)
    if result is None:
        return EXIT_PROBLEMS
    root = Path(args.root)
    settings, problems = load_settings(root)
    assert result.site is not None
    owned = codeowners.ownership(result.site, settings)
    problems += [p for p in codeowners.problems(root, result.site, settings) if p.path != codeowners.CODEOWNERS]
    if problems:
        _print_problems(problems, "text")
        print("onestop: CODEOWNERS not written; fix the problems above", file=sys.stderr)
        return EXIT_PROBLEMS
    if not owned.managed:
        print("onestop: no agency declares owners and onestop.yml names no site_team, so there is no "
              f"CODEOWNERS to write; {codeowners.CODEOWNERS} is left as it is", file=sys.stderr)
        return EXIT_OK
    written = codeowners.write(root, result.site, settings)
    assert written is not None
    print(f"onestop: {'wrote' if written[1] else 'up to date:'} {codeowners.CODEOWNERS}", file=sys.stderr)
    return EXIT_OK


def _output(text: str, path: str | None) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as handle:  # append: $GITHUB_STEP_SUMMARY collects steps
            handle.write(text)
    else:
        sys.stdout.write(text)


def _snapshot_failed(exc: Exception) -> int:
    _print_problems(getattr(exc, "problems", []), "text")
    print(f"onestop: {exc}", file=sys.stderr)
    return EXIT_PROBLEMS


def cmd_report(args: argparse.Namespace) -> int:
    from .tools.diff import SnapshotError, changed_services, snapshot, snapshot_of
    from .tools.report import health, to_json, to_markdown

    result = _linked_site(args)
    if result is None:
        return EXIT_PROBLEMS
    assert result.site is not None
    only = None
    if args.changed:
        try:
            only = changed_services(snapshot(Path(args.changed), args.today), snapshot_of(result.site))
        except SnapshotError as exc:
            return _snapshot_failed(exc)
    report = health(result.site, args.today or dt.date.today(), only, result.translations, result.languages)
    _output(to_json(report) if args.format == "json" else to_markdown(report, args.site_url or None),
            args.output)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from .engines.mkdocs.config import site_options
    from .i18n import load_words
    from .render import Renderer
    from .tools.diff import SnapshotError, compare, snapshot
    from .tools.diff_markdown import to_markdown

    head_root = Path(args.head or args.root)
    try:
        options = site_options(head_root)  # both sides through the same templates and words
        renderer = Renderer(options, load_words(head_root, options.language))
        base = snapshot(Path(args.base), args.today, renderer)
        head = snapshot(head_root, args.today, renderer)
    except (SnapshotError, BuildFailure) as exc:
        return _snapshot_failed(exc)
    _output(to_markdown(compare(base, head), base, head, args.site_url or None), args.output)
    return EXIT_OK


def _content_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """check and build."""

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--root", default=".", help="the site repository (default: current folder)")
        p.add_argument("--format", choices=("text", "github"), default="text",
                       help="text: path:line:col: error: message; github: workflow commands for pull requests")
        p.add_argument("--today", type=_date, default=None,
                       help="check review dates as of this day, YYYY-MM-DD (default: today)")

    p = commands.add_parser("check", help="validate all content and print every problem",
                            description="Validate all content; exit 1 on errors (or warnings with --strict).")
    common(p)
    p.set_defaults(func=cmd_check)
    p = commands.add_parser("build", help="check, then build the static site",
                            description="Check, then build the site. On any error nothing is written: "
                                        "an existing site folder stays as it was.")
    common(p)
    p.add_argument("--site-dir", help="where to write the site (default: site/)")
    p.set_defaults(func=cmd_build)


def _tool_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The editors' tools: new, codeowners, report, diff."""

    def tool(name: str, func: object, help_text: str, description: str, epilog: str | None = None
             ) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help_text, description=description, epilog=epilog)
        p.set_defaults(func=func)
        return p

    def place(p: argparse.ArgumentParser) -> None:
        p.add_argument("--root", default=".", help="the site repository (default: current folder)")
        p.add_argument("--today", type=_date, default=None, help="as of this day, YYYY-MM-DD (default: today)")

    def output(p: argparse.ArgumentParser, site_url_help: str) -> None:
        p.add_argument("--output", help="append to this file instead of printing (e.g. $GITHUB_STEP_SUMMARY)")
        p.add_argument("--site-url", help=site_url_help)

    p = tool("new", cmd_new, "write a commented skeleton for a new service, journey, agency or question",
             "Write a commented skeleton for a new file, with the line that gives editors' YAML language servers "
             "its schema. Fill in each empty key, then run onestop check.",
             "examples: onestop new service pa-dos/register-llc | onestop new journey open-a-shop | "
             "onestop new agency pa-dos | onestop new question location | "
             "onestop new translation agencies/pa-dos/services/register-llc.yml es")
    p.add_argument("kind", choices=("service", "journey", "agency", "question", "translation"), help="what to add")
    p.add_argument("name", help="AGENCY/SERVICE for a service (e.g. pa-dos/register-llc); for a translation, the "
                   "path of the file it translates; the id otherwise")
    p.add_argument("lang", nargs="?", help="for a translation: its language, one of languages: in onestop.yml")
    place(p)
    place(tool("codeowners", cmd_codeowners, "write .github/CODEOWNERS from the agencies' owners",
               "Write .github/CODEOWNERS: each agency's folder to its owners (agency.yml), journeys that span "
               "agencies and everything else to the site team (site_team in onestop.yml). onestop check fails "
               "while the committed file is out of date."))
    p = tool("report", cmd_report, "content health per agency, as Markdown or JSON",
             "Content health per agency: services, stale (last reviewed over 12 months ago), due for review "
             "within 30 days, in no journey, with no offline channel, with a summary above US grade 9.")
    place(p)
    p.add_argument("--format", choices=("markdown", "json"), default="markdown")
    p.add_argument("--changed", metavar="BASE",
                   help="only the services this content changes compared with BASE, a content tree (e.g. a checkout "
                        "of main made with git worktree add)")
    output(p, "link each service to its page at this address")
    p = tool("diff", cmd_diff, "what a change does to the site's pages, as Markdown",
             "Compare two versions of the content (each a content tree: a folder with agencies/): each service, "
             "journey and agency added, removed or changed, with its values before and after and how many pages "
             "it changes, by agency; journeys' steps; the pages that show a change made elsewhere.")
    p.add_argument("base", help="the version before: a content tree (e.g. a checkout of main made with "
                                "git worktree add)")
    p.add_argument("head", nargs="?", help="the version after (default: --root)")
    place(p)
    output(p, "link each page to this address")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="onestop", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _content_commands(commands)
    _tool_commands(commands)
    return top


def _os_error(exc: OSError) -> str:
    """An error of the machine (a folder it cannot write, a full disk) in one line: what and where."""
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        with collector_paused():  # a command's objects live until it ends (parallel.py)
            return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # the machine, not the content: one line, never a traceback
        print(f"onestop: {args.command} failed: {_os_error(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
