"""`onestop diff BASE`: what a pull request changes on the site, as Markdown for a PR comment.

Both sides are snapshots of the site's pages as data: either a content tree (checked and linked
here) or a built site (its open data files, data/*.json). Pages are compared by what they show,
so a change to a service that moves it into a journey shows on the service's page too.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..opendata import open_data
from ..pipeline import check
from ..problems import Problem

KINDS = ("services", "journeys", "agencies")
STEP_LABELS = {"services_if": "the if of a service"}
"""A step's keys as the diff names them, where the key of the open data is not the YAML's."""
FIELD_LABELS = {"part_of": "journeys it is part of", "required_by": "services that need it",
                "services": "services listed", "journeys": "journeys listed", "totals": "totals"}
IGNORED = {"source", "url"}


class SnapshotError(Exception):
    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Snapshot:
    records: dict[str, dict[str, dict[str, Any]]]
    """'services' | 'journeys' | 'agencies' -> id -> the page's open data record."""


def snapshot(path: Path, today: dt.date | None = None) -> Snapshot:
    """A built site (a folder with data/services.json) or a content tree (a folder with agencies/)."""
    if (path / "data" / "services.json").is_file():
        try:
            data = {k: json.loads((path / "data" / f"{k}.json").read_text(encoding="utf-8")) for k in KINDS}
        except (OSError, ValueError) as exc:
            raise SnapshotError(f"{path}: cannot read the built site's open data: {exc}") from None
    elif (path / "agencies").is_dir():
        result = check(path, today)
        if result.site is None:
            raise SnapshotError(f"{path}: the content has errors; run onestop check there", result.errors)
        data = json.loads(json.dumps(open_data(result.site)))  # as a build writes and reads it
    else:
        raise SnapshotError(f"{path} is neither a content tree (no agencies/) nor a built site "
                            "(no data/services.json)")
    return Snapshot({kind: {r["id"]: r for r in data[kind]} for kind in KINDS})


@dataclass(frozen=True)
class PageChange:
    kind: str
    """services, journeys or agencies."""
    id: str
    title: str
    url: str
    change: str
    """added, removed or changed."""
    fields: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    """For journeys: each step that was added, removed or changed, in words."""


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    keys = [k for k in new if k not in IGNORED] + [k for k in old if k not in new and k not in IGNORED]
    return [FIELD_LABELS.get(k, k) for k in keys if old.get(k) != new.get(k)]


def _step_text(step: dict[str, Any]) -> str:
    return f"step {step['number']} '{step['title']}'"


def _step_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=[s["title"] for s in old], b=[s["title"] for s in new], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for before, after in zip(old[a1:a2], new[b1:b2]):
                what = [STEP_LABELS.get(k, k) for k in ("choose", "when", "if", "services_if", "description")
                        if before.get(k) != after.get(k)]
                parts = [f"{', '.join(what)} changed"] if what else []
                if before.get("services") != after.get("services"):
                    parts.insert(0, f"services now {', '.join(after['services']) or 'none'} "
                                    f"(were {', '.join(before['services']) or 'none'})")
                if parts:
                    out.append(f"{_step_text(after)}: {'; '.join(parts)}")
            continue
        out += [f"removed {_step_text(s)}" for s in old[a1:a2]]
        out += [f"added {_step_text(s)}" for s in new[b1:b2]]
    return out


def compare(base: Snapshot, head: Snapshot) -> list[PageChange]:
    changes: list[PageChange] = []
    for kind in KINDS:
        old, new = base.records[kind], head.records[kind]
        for page_id in sorted(set(old) | set(new)):
            before, after = old.get(page_id), new.get(page_id)
            record = after or before
            assert record is not None
            if before is None:
                changes.append(PageChange(kind, page_id, record["title"], record["url"], "added"))
            elif after is None:
                changes.append(PageChange(kind, page_id, record["title"], record["url"], "removed"))
            elif (fields := _changed_fields(before, after)):
                steps = _step_changes(before["steps"], after["steps"]) if kind == "journeys" else []
                changes.append(PageChange(kind, page_id, record["title"], record["url"], "changed", fields, steps))
    return changes


def _agency_of(change: PageChange) -> str:
    return change.id.split("/")[0] if change.kind == "services" else change.id


def to_markdown(changes: list[PageChange], base: Snapshot, head: Snapshot, site_url: str | None = None) -> str:
    count = {c: sum(1 for x in changes if x.change == c) for c in ("added", "removed", "changed")}
    out = ["## What this pull request changes on the site", ""]
    if not changes:
        return "\n".join([*out, "No page changes.", ""])
    out += [f"{count['added']} page{'s' * (count['added'] != 1)} added, {count['removed']} removed, "
            f"{count['changed']} changed.", ""]

    def link(change: PageChange) -> str:
        title = change.title.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
        if site_url and change.change != "removed":
            return f"[{title}]({site_url.rstrip('/')}/{change.url})"
        return f"{title} (`{change.url}`)"

    def names(agency_id: str) -> str:
        record = head.records["agencies"].get(agency_id) or base.records["agencies"].get(agency_id)
        return record["title"] if record else agency_id

    by_agency: dict[str, list[PageChange]] = {}
    for change in sorted(changes, key=lambda c: (c.kind != "agencies", c.title.lower())):
        if change.kind != "journeys":
            by_agency.setdefault(_agency_of(change), []).append(change)
    for agency_id in sorted(by_agency, key=lambda a: names(a).lower()):
        out += [f"### {names(agency_id)}", "", "| Change | Page | What changed |", "|---|---|---|"]
        for change in by_agency[agency_id]:
            kind = "agency page" if change.kind == "agencies" else "service"
            out.append(f"| {change.change.capitalize()} {kind} | {link(change)} | {', '.join(change.fields)} |")
        out.append("")
    journeys = [c for c in changes if c.kind == "journeys"]
    if journeys:
        out += ["### Step-by-step guides", ""]
        for change in journeys:
            detail = f": {', '.join(change.fields)}" if change.fields else ""
            out.append(f"- {change.change.capitalize()}: {link(change)}{detail}")
            out += [f"  - {step}" for step in change.steps]
        out.append("")
    return "\n".join(out)
