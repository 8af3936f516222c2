"""Versions of onestop compared on ONE site, interleaved: the measure behind "unchanged within 5%".

Each version builds its own synthetic site otherwise (`bench.py`), and a generator that changes
changes the site: round three gave the hardening +31% of build CPU, most of it the site. Here the
content (agencies/, journeys/, questions/) comes from one folder, and the theme (overrides/),
content/ and mkdocs.yml from each version's own checkout.

    python benchmarks/synthetic.py /tmp/site --services 10000
    python benchmarks/ab.py --data /tmp/site --versions old=/tmp/onestop-old new=. --rounds 8 --only-check

A version is a checkout of this repository; it runs with its own `.venv/bin/python` when it has one
(a version's pinned packages), else with this Python, the checkout first on PYTHONPATH. Each run
copies the site into a fresh folder, syncs the disk, then times `onestop check` (and, without
--only-check, `onestop build`) as bench.py does: wall clock, and the user and system CPU of the
whole process tree (the forked reader and page writers count). A line of JSON per run, then the
medians and each version's user CPU against the first version's. Runs alternate (A B A B...), so
that a machine whose speed drifts moves every version alike; user CPU is the steadier measure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
from pathlib import Path

from bench import ENV, TODAY, timed

CONTENT = ("agencies", "journeys", "questions")


def site_for(version: Path, data: Path, out: Path) -> None:
    """The shared content with `version`'s own theme, hand-written pages and mkdocs.yml."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in CONTENT:
        if (data / name).is_dir():
            shutil.copytree(data / name, out / name)
    for name in ("overrides", "content"):
        shutil.copytree(version / name, out / name)
    shutil.copy(version / "mkdocs.yml", out / "mkdocs.yml")
    if (data / "onestop.yml").is_file():  # the site's settings are content
        shutil.copy(data / "onestop.yml", out / "onestop.yml")


def runner(version: Path) -> tuple[str, dict[str, str]]:
    own = version / ".venv" / "bin" / "python"
    path = os.pathsep.join([str(version.resolve()), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env = {**ENV, "PYTHONPATH": path}
    return (str(own) if own.exists() else sys.executable), env


def one_run(name: str, version: Path, data: Path, work: Path, only_check: bool) -> dict[str, object]:
    out = work / name
    site_for(version, data, out)
    python, env = runner(version)
    record: dict[str, object] = {"version": name, "load1": round(os.getloadavg()[0], 2)}
    for command in ("check",) if only_check else ("check", "build"):
        # No memory sampling: reading a process's page maps every quarter second takes time from this
        # machine's two cores that the versions' runs would feel. Exit code 1, errors in the content (an
        # older version on a newer site), is timed all the same.
        run = timed([python, "-m", "generator", command, "--today", TODAY], out, env, peak=False, accept=(0, 1))
        record.update({f"{command}_wall": round(run.wall_s, 2), f"{command}_user": round(run.user_s, 2),
                       f"{command}_sys": round(run.system_s, 2)})
    if not only_check:
        record["pages"] = sum(1 for _ in (out / "site").rglob("index.html"))
    shutil.rmtree(out, ignore_errors=True)
    return record


def summary(records: list[dict[str, object]], names: list[str]) -> list[str]:
    """Medians per version, and user CPU against the first version's."""
    lines = []
    measures = [m for m in ("check_user", "check_wall", "build_user", "build_wall") if m in records[0]]
    first: dict[str, float] = {}
    for name in names:
        mine = [r for r in records if r["version"] == name]
        medians = {m: statistics.median(float(r[m]) for r in mine) for m in measures}  # type: ignore[arg-type]
        first = first or medians
        against = ", ".join(f"{m} {100 * (medians[m] / first[m] - 1):+.1f}%" for m in measures if "user" in m)
        shown = ", ".join(f"{m} {v:.2f}" for m, v in medians.items())
        lines.append(f"{name}: {len(mine)} runs, medians {shown}; against {names[0]}: {against}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a site's content (e.g. from synthetic.py)")
    parser.add_argument("--versions", nargs="+", required=True, metavar="NAME=CHECKOUT")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only-check", action="store_true", help="time `onestop check` alone")
    parser.add_argument("--work", type=Path, default=None, help="where each run's copy of the site goes")
    args = parser.parse_args(argv)
    versions = []
    for given in args.versions:
        name, sep, path = given.partition("=")
        if not sep or not (Path(path) / "generator").is_dir():
            parser.error(f"'{given}' is not NAME=CHECKOUT (a folder with generator/ in it)")
        versions.append((name, Path(path)))
    work = args.work or Path(os.environ.get("TMPDIR", "/tmp")) / f"onestop-ab-{os.getpid()}"
    records = []
    try:
        for _ in range(args.rounds):
            for name, version in versions:
                record = one_run(name, version, args.data, work, args.only_check)
                print(json.dumps(record), flush=True)
                records.append(record)
    except RuntimeError as failed:  # a version's command failed: what it printed, not a traceback
        raise SystemExit(str(failed)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(summary(records, [name for name, _ in versions])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
