"""`onestop diff BASE [HEAD]`: what a pull request changes on the site.

Both sides are content trees (a folder with agencies/: a checkout of the base branch, the pull
request's checkout), each checked and linked here with this version of onestop; nothing a pull
request can add (a `data/services.json` copied from a built site, say) decides how a folder is
read. A side is seen twice:

- as records: each service, journey and agency as its open data (opendata.py), compared field by
  field for what its own file changed (before and after), apart from what other files' changes
  made it show (a step number that moved, a journey it is now part of);
- as pages: every page rendered with the same templates and words, so that a change is counted
  by the pages it really changes (a service's time changes its page and the guides that add it
  up, not the A to Z), and each page knows the entities it shows (`GeneratedPage.depends_on`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..graph import Site, entity_key
from ..opendata import open_data
from ..pipeline import check
from ..problems import Problem
from ..render import Renderer

KINDS = ("services", "journeys", "agencies")
ENTITY = {"services": "service", "journeys": "journey", "agencies": "agency"}
LINKED = {"part_of", "required_by", "services", "journeys", "totals"}
"""What a record shows of other files' links: it changes when they do, not when its own file does."""
IGNORED = {"source", "url", "id"}
STEP_LABELS = {"services_if": "the if of a service"}
"""A step's keys as the diff names them, where the key of the open data is not the YAML's."""


class SnapshotError(Exception):
    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Snapshot:
    records: dict[str, dict[str, dict[str, Any]]]
    """'services' | 'journeys' | 'agencies' -> id -> the page's open data record."""
    pages: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    """Each page's address -> a digest of what it shows, and the entities it shows."""


def snapshot(path: Path, today: dt.date | None = None, renderer: Renderer | None = None) -> Snapshot:
    """The site a content tree makes: its records and (with a `renderer`) its pages."""
    if not (path / "agencies").is_dir():
        raise SnapshotError(f"{path} is not a content tree (no agencies/ folder): give the folder of a checkout, "
                            "e.g. one made with git worktree add")
    result = check(path, today)
    if result.site is None:
        raise SnapshotError(f"{path}: the content has errors; run onestop check there", result.errors)
    return snapshot_of(result.site, renderer)


def snapshot_of(site: Site, renderer: Renderer | None = None) -> Snapshot:
    """The records and (with a `renderer`) the pages of a site already checked and linked."""
    data = json.loads(json.dumps(open_data(site)))  # as a build writes and reads it
    pages: dict[str, tuple[str, frozenset[str]]] = {}
    for page in renderer.pages(site) if renderer else ():
        shown = "\0".join((page.title, page.description, page.html)).encode()
        pages[page.url] = (hashlib.sha256(shown).hexdigest(), page.depends_on)
    return Snapshot({kind: {r["id"]: r for r in data[kind]} for kind in KINDS}, pages)


@dataclass(frozen=True)
class FieldChange:
    name: str
    """The record's key ('fees', 'processing_time')."""
    before: Any
    after: Any


@dataclass(frozen=True)
class PageChange:
    """A service, journey or agency whose own file a pull request adds, removes or changes."""

    kind: str
    """services, journeys or agencies."""
    id: str
    title: str
    url: str
    change: str
    """added, removed or changed."""
    fields: list[FieldChange] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    """For journeys: each step that was added, removed or changed, in words."""
    pages: tuple[str, ...] = ()
    """The addresses of the pages of the site this change changes (its own page included)."""


@dataclass(frozen=True)
class Knock:
    """A page that shows something new only because of other files' changes."""

    kind: str
    id: str
    title: str
    url: str
    fields: list[FieldChange]
    renumbered: bool
    """Only its step numbers moved (a step was added or removed before it in a journey)."""


@dataclass(frozen=True)
class SiteDiff:
    changes: list[PageChange]
    knocks: list[Knock]
    added_pages: int = 0
    removed_pages: int = 0
    changed_pages: int = 0


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


def _fields(old: dict[str, Any], new: dict[str, Any], keys: set[str]) -> list[FieldChange]:
    names = [k for k in new if k in keys] + [k for k in old if k not in new and k in keys]
    return [FieldChange(k, old.get(k), new.get(k)) for k in names if old.get(k) != new.get(k)]


def _own_keys(record: dict[str, Any]) -> set[str]:
    return set(record) - LINKED - IGNORED - {"steps"}


def _renumbered_only(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Only `part_of` differs, in step numbers alone: the same journeys, in the same order."""
    changed = [f.name for f in _fields(old, new, set(old) | set(new))]
    before, after = old.get("part_of") or [], new.get("part_of") or []
    return changed == ["part_of"] and [p["journey"] for p in before] == [p["journey"] for p in after]


def _page_counts(base: Snapshot, head: Snapshot) -> tuple[set[str], set[str], set[str]]:
    added = set(head.pages) - set(base.pages)
    removed = set(base.pages) - set(head.pages)
    changed = {url for url in set(base.pages) & set(head.pages) if base.pages[url][0] != head.pages[url][0]}
    return added, removed, changed


def _pages_of(key: str, touched: set[str], base: Snapshot, head: Snapshot) -> tuple[str, ...]:
    """The changed pages that show entity `key`, before or after the change."""
    nothing: tuple[str, frozenset[str]] = ("", frozenset())
    return tuple(sorted(url for url in touched
                        if key in head.pages.get(url, nothing)[1] | base.pages.get(url, nothing)[1]))


def _change(kind: str, page_id: str, before: dict[str, Any] | None, after: dict[str, Any] | None
            ) -> PageChange | None:
    record = after or before
    assert record is not None
    if before is None or after is None:
        return PageChange(kind, page_id, record["title"], record["url"], "added" if before is None else "removed")
    own = _fields(before, after, _own_keys(before) | _own_keys(after))
    steps = _step_changes(before["steps"], after["steps"]) if kind == "journeys" else []
    if not own and not steps:
        return None
    return PageChange(kind, page_id, record["title"], record["url"], "changed", own, steps)


def compare(base: Snapshot, head: Snapshot) -> SiteDiff:
    added, removed, changed = _page_counts(base, head)
    touched = added | removed | changed
    changes: list[PageChange] = []
    knocks: list[Knock] = []
    for kind in KINDS:
        old, new = base.records[kind], head.records[kind]
        for page_id in sorted(set(old) | set(new)):
            before, after = old.get(page_id), new.get(page_id)
            change = _change(kind, page_id, before, after)
            if change is not None:
                key = entity_key(ENTITY[kind], page_id)
                changes.append(replace(change, pages=_pages_of(key, touched, base, head)))
            elif before is not None and after is not None and before != after:
                linked = _fields(before, after, LINKED)
                knocks.append(Knock(kind, page_id, after["title"], after["url"], linked,
                                    _renumbered_only(before, after)))
    return SiteDiff(changes, knocks, len(added), len(removed), len(changed))


def changed_services(base: Snapshot, head: Snapshot) -> set[str]:
    """Services added or changed by their own file, or made to show something new (not only a
    step number) by other files' changes: what `onestop report --changed` looks at."""
    result = compare(base, head)
    return ({c.id for c in result.changes if c.kind == "services" and c.change != "removed"}
            | {k.id for k in result.knocks if k.kind == "services" and not k.renumbered})
