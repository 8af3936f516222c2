"""The `onestop` command: check and build the site from the repository root."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from .pipeline import CheckResult, check
from .problems import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD; got {text!r}") from None


def _print_problems(problems: list[Problem], fmt: str) -> None:
    for problem in problems:
        print(problem.format_github() if fmt == "github" else problem.format_text())


def _summary(result: CheckResult, strict: bool) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    if not errors and not warnings:
        return "onestop: content OK"
    text = f"onestop: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if strict and warnings and not errors:
        text += " (warnings fail the check with --strict)"
    return text


def _run_check(args: argparse.Namespace) -> tuple[CheckResult, int]:
    root = Path(args.root)
    if not (root / "agencies").is_dir() and not (root / "mkdocs.yml").is_file():
        print(f"onestop: {root.resolve()} is not a site repository (no agencies/ or mkdocs.yml); "
              "run onestop in the repository root or pass --root", file=sys.stderr)
        return CheckResult([], None), EXIT_USAGE
    result = check(root, args.today)
    _print_problems(result.problems, args.format)
    print(_summary(result, args.strict), file=sys.stderr)
    return result, (EXIT_PROBLEMS if result.failed(args.strict) else EXIT_OK)


def cmd_check(args: argparse.Namespace) -> int:
    return _run_check(args)[1]


def cmd_build(args: argparse.Namespace) -> int:
    _, code = _run_check(args)
    if code != EXIT_OK:
        print("onestop: nothing was built; fix the problems above and run again", file=sys.stderr)
        return code
    from .mkdocs_build import EngineError, build_with_mkdocs
    from .write import staged_directory

    root = Path(args.root)
    site_dir = Path(args.site_dir) if args.site_dir else root / "site"
    try:
        with staged_directory(site_dir) as staging:
            build_with_mkdocs(root / "mkdocs.yml", staging, strict=args.strict,
                              today=args.today.isoformat() if args.today else None)
    except EngineError as exc:
        print(f"onestop: build failed, {site_dir} left as it was: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    pages = sum(1 for p in site_dir.rglob("index.html"))
    print(f"onestop: built {pages} pages into {site_dir}", file=sys.stderr)
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="onestop", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

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
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
