"""`onestop diff` as Markdown for a pull request's job summary: the pages a change adds, removes and
changes, by agency, each with its values before and after and the number of pages it changes; then
what other pages show because of it, renumbered steps apart. Every word from content goes through
`md_text`, so that nothing a pull request writes can format the summary."""

from __future__ import annotations

from typing import Any

from .diff import FieldChange, Knock, PageChange, SiteDiff, Snapshot
from .markdown_text import md_text

LABELS = {"part_of": "journeys it is part of", "required_by": "services that need it", "services": "services listed",
          "journeys": "journeys listed", "totals": "totals", "processing_time": "processing time",
          "last_reviewed": "last reviewed", "legal_basis": "legal basis", "short_name": "short name",
          "related_journeys": "related guides"}
SHOWN = 120
"""Characters of a value shown; a longer text shows the part around where it changed."""
_SHOWN_KNOCKS = 10


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _fee(fee: dict[str, Any]) -> str:
    amount = f"{fee.get('amount', 0):,.2f}".removesuffix(".00")
    money = f"${amount}" if fee.get("currency", "USD") == "USD" else f"{amount} {fee.get('currency')}"
    per = {"item": " each", None: ""}.get(fee.get("per"), f" a {fee.get('per')}")
    return f"{money}{per}{', only some pay' if fee.get('optional') else ''} ({fee.get('description', '')})"


def _item(value: Any) -> str:
    if isinstance(value, dict):
        if "amount" in value:
            return _fee(value)
        if "journey" in value and "step" in value:
            return f"{value['journey']} step {value['step']} of {value['step_count']}"
        if "text" in value and "max_days" in value:
            return f"{value['text']} ({value['max_days']} days)" if value["max_days"] is not None else value["text"]
        return ", ".join(f"{k}: {_item(v)}" for k, v in value.items() if v not in (None, "", [], {}, False))
    if isinstance(value, list):
        return "; ".join(_item(v) for v in value) if value else "none"
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _totals(value: Any) -> str:
    if not isinstance(value, dict):
        return _item(value)
    low, high = value.get("fees_low", 0), value.get("fees_high", 0)
    fees = f"${low:,.0f}" if low == high else f"${low:,.0f} to ${high:,.0f}"
    days = f", {value['max_days']} days" if value.get("max_days") is not None else ""
    return f"one-off fees {fees}{days}"


def _window(before: str, after: str) -> tuple[str, str]:
    """Two texts, each cut to SHOWN characters around where they first differ."""
    if len(before) <= SHOWN and len(after) <= SHOWN:
        return before, after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    start = max(0, start - 30)
    while start > 0 and not before[start - 1].isspace():  # from the start of a word
        start -= 1

    def cut(text: str) -> str:
        part = text[start:start + SHOWN]
        return ("…" if start else "") + part + ("…" if start + SHOWN < len(text) else "")

    return cut(before), cut(after)


def field_text(change: FieldChange) -> str:
    """'fees: $15 (License) → $20 (License)', each value escaped."""
    show = _totals if change.name == "totals" else _item
    before, after = _window(show(change.before), show(change.after))
    return f"{LABELS.get(change.name, change.name.replace('_', ' '))}: {md_text(before)} → {md_text(after)}"


def _link(title: str, url: str, site_url: str | None, removed: bool = False) -> str:
    if site_url and not removed:
        return f"[{md_text(title)}]({site_url.rstrip('/')}/{url})"
    return f"{md_text(title)} (`{url}`)"


def _agency_tables(changes: list[PageChange], base: Snapshot, head: Snapshot, site_url: str | None) -> list[str]:
    def name(agency_id: str) -> str:
        record = head.records["agencies"].get(agency_id) or base.records["agencies"].get(agency_id)
        return record["title"] if record else agency_id

    by_agency: dict[str, list[PageChange]] = {}
    for change in sorted(changes, key=lambda c: (c.kind != "agencies", c.title.lower())):
        if change.kind != "journeys":
            by_agency.setdefault(change.id.split("/")[0] if change.kind == "services" else change.id, []).append(change)
    out: list[str] = []
    for agency_id in sorted(by_agency, key=lambda a: name(a).lower()):
        out += [f"### {md_text(name(agency_id))}", "", "| Change | Page | What changed | Changed pages that show it |",
                "|---|---|---|---:|"]
        for change in by_agency[agency_id]:
            kind = "agency page" if change.kind == "agencies" else "service"
            what = "<br>".join(field_text(f) for f in change.fields)
            link = _link(change.title, change.url, site_url, change.change == "removed")
            out.append(f"| {change.change.capitalize()} {kind} | {link} | {what} | {len(change.pages)} |")
        out.append("")
    return out


def _journeys(changes: list[PageChange], knocks: list[Knock], site_url: str | None) -> list[str]:
    journeys = [c for c in changes if c.kind == "journeys"]
    if not journeys:
        return []
    out = ["### Step-by-step guides", ""]
    for change in journeys:
        link = _link(change.title, change.url, site_url, change.change == "removed")
        out.append(f"- {change.change.capitalize()}: {link} (changed pages that show it: {len(change.pages)})")
        out += [f"  - {field_text(f)}" for f in change.fields]
        out += [f"  - {md_text(step)}" for step in change.steps]
        renumbered = [k for k in knocks if k.renumbered and any(
            (p or {}).get("journey") == change.id for f in k.fields for p in (f.before or []) + (f.after or []))]
        if renumbered:
            titles = ", ".join(md_text(k.title) for k in renumbered[:_SHOWN_KNOCKS])
            more = f" and {len(renumbered) - _SHOWN_KNOCKS} more" if len(renumbered) > _SHOWN_KNOCKS else ""
            out.append(f"  - renumbered: the pages of {_plural(len(renumbered), 'service')} show new step numbers "
                       f"only ({titles}{more})")
    out.append("")
    return out


class _Names:
    """Titles of the services and journeys that links name, from either side."""

    def __init__(self, base: Snapshot, head: Snapshot):
        self.base, self.head = base, head

    def __call__(self, kind: str, ident: str) -> str:
        record = self.head.records[kind].get(ident) or self.base.records[kind].get(ident)
        return record["title"] if record else ident


def _listed(name: str, before: list[Any], after: list[Any], names: _Names) -> str:
    kind = "journeys" if name == "journeys" else "services"
    added = [md_text(names(kind, i)) for i in after if i not in before]
    removed = [md_text(names(kind, i)) for i in before if i not in after]
    parts = ([f"now lists {', '.join(added)}"] if added else []) + (
        [f"no longer lists {', '.join(removed)}"] if removed else [])
    return f"{LABELS.get(name, name)}: " + ("; ".join(parts) or "in another order")


def _part_of(before: list[dict[str, Any]], after: list[dict[str, Any]], names: _Names) -> str:
    old = {p["journey"]: p for p in before}
    new = {p["journey"]: p for p in after}
    parts = []
    for journey in [*new, *(j for j in old if j not in new)]:
        title = md_text(names("journeys", journey))
        if journey not in old:
            parts.append(f"now part of {title} (step {new[journey]['step']} of {new[journey]['step_count']})")
        elif journey not in new:
            parts.append(f"no longer part of {title}")
        elif old[journey] != new[journey]:
            parts.append(f"in {title}, step {old[journey]['step']} of {old[journey]['step_count']} → step "
                         f"{new[journey]['step']} of {new[journey]['step_count']}")
    return "; ".join(parts)


def _knock_text(change: FieldChange, names: _Names) -> str:
    if change.name == "part_of":
        return _part_of(change.before or [], change.after or [], names)
    if isinstance(change.before, list) and isinstance(change.after, list):
        return _listed(change.name, change.before, change.after, names)
    return field_text(change)


def _knock_on(knocks: list[Knock], site_url: str | None, names: _Names) -> list[str]:
    shown = [k for k in knocks if not k.renumbered]
    if not shown:
        return []
    out = ["### Pages that show these changes", ""]
    for knock in shown[:50]:
        what = "; ".join(_knock_text(f, names) for f in knock.fields)
        out.append(f"- {_link(knock.title, knock.url, site_url)}: {what}")
    if len(shown) > 50:
        out.append(f"- and {len(shown) - 50} more")
    out.append("")
    return out


def to_markdown(diff: SiteDiff, base: Snapshot, head: Snapshot, site_url: str | None = None) -> str:
    out = ["## What this pull request changes on the site", ""]
    if not diff.changes and not (diff.added_pages or diff.removed_pages or diff.changed_pages):
        return "\n".join([*out, "No page changes.", ""])
    total = diff.added_pages + diff.removed_pages + diff.changed_pages
    out += [f"{_plural(len(diff.changes), 'file')} changed, {_plural(total, 'page')} of the site: "
            f"{diff.added_pages} added, {diff.removed_pages} removed, {diff.changed_pages} changed.", ""]
    out += _agency_tables(diff.changes, base, head, site_url)
    out += _journeys(diff.changes, diff.knocks, site_url)
    out += _knock_on(diff.knocks, site_url, _Names(base, head))
    return "\n".join(out)
