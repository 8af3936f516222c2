"""`onestop report`: content health per agency, as Markdown (a PR comment, a CI summary) or JSON.

Freshness uses the same 12-month rule as `onestop check`; "due" means the page turns stale within
the next 30 days. Reading level is textstat's Flesch-Kincaid grade, as in the check's warning.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from ..graph import Site
from ..model import ServiceRef
from ..offline import offline_gaps
from ..readability import reading_grade
from ..translations.files import TranslationFile
from ..urls import service_url
from ..validate import MAX_GRADE, REVIEW_MONTHS, months_before
from .markdown_text import md_text
from .translation_report import TranslationRow, translation_markdown, translation_rows

DUE_DAYS = 30


@dataclass(frozen=True)
class Flagged:
    """One service that needs attention, and why."""

    ref: str
    title: str
    source: str
    """The YAML file to change."""
    detail: str


@dataclass(frozen=True)
class AgencyHealth:
    id: str
    name: str
    services: int
    stale: list[Flagged] = field(default_factory=list)
    due: list[Flagged] = field(default_factory=list)
    orphans: list[Flagged] = field(default_factory=list)
    online_only: list[Flagged] = field(default_factory=list)
    hard_to_read: list[Flagged] = field(default_factory=list)
    offline_gaps: list[Flagged] = field(default_factory=list)
    """Offline ways that do not work for a citizen without internet (generator/offline.py)."""


@dataclass(frozen=True)
class Report:
    today: str
    agencies: list[AgencyHealth]
    changed_only: bool = False
    """Only the services a change adds or changes (`onestop report --changed BASE`)."""
    translations: list[TranslationRow] = field(default_factory=list)
    """Each agency's translation into each of the site's other languages (translation_report.py)."""

    @property
    def totals(self) -> dict[str, int]:
        keys = ("stale", "due", "orphans", "online_only", "hard_to_read", "offline_gaps")
        totals = {"agencies": len(self.agencies), "services": sum(a.services for a in self.agencies)}
        totals.update({k: sum(len(getattr(a, k)) for a in self.agencies) for k in keys})
        return totals


def health(site: Site, today: dt.date, only: set[str] | None = None, translations: tuple[TranslationFile, ...] = (),
           languages: tuple[str, ...] = ("en",)) -> Report:
    """Each agency's services' health; with `only`, of those services alone (agencies with none left out);
    and how far each agency is translated (given the site's translation files and languages)."""
    stale_before = months_before(today, REVIEW_MONTHS)
    due_before = months_before(today + dt.timedelta(days=DUE_DAYS), REVIEW_MONTHS)
    agencies = []
    for agency in sorted(site.agencies.values(), key=lambda a: a.name.lower()):
        refs: tuple[ServiceRef, ...] = tuple(r for r in site.services_of_agency[agency.id]
                                             if only is None or str(r) in only)
        if only is not None and not refs:
            continue
        row = AgencyHealth(agency.id, agency.name, len(refs))
        for ref in refs:
            service = site.services[ref]

            def flag(detail: str, ref: ServiceRef = ref) -> Flagged:
                return Flagged(str(ref), site.services[ref].title, site.services[ref].source_path, detail)

            reviewed = service.last_reviewed
            if reviewed < stale_before:
                row.stale.append(flag(f"last reviewed {reviewed}"))
            elif reviewed < due_before:
                row.due.append(flag(f"last reviewed {reviewed}, due by {_add_months(reviewed, REVIEW_MONTHS)}"))
            if not site.uses[ref]:
                row.orphans.append(flag("in no journey"))
            if not service.has_offline_channel:
                row.online_only.append(flag("no in-person, phone or mail channel"))
            gaps = offline_gaps([vars(c) for c in service.channels], vars(agency.contact))
            if gaps:
                row.offline_gaps.append(flag("; ".join(gaps)))
            grade = reading_grade(service.summary)
            if grade > MAX_GRADE:
                row.hard_to_read.append(flag(f"summary reads at grade {grade:.1f}"))
        agencies.append(row)
    rows = translation_rows(site, translations, languages) if only is None else []
    return Report(today.isoformat(), agencies, only is not None, rows)


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first day on which `day` counts as over `months` old."""
    later = day
    while months_before(later, months) <= day:
        later += dt.timedelta(days=1)
    return later


def to_json(report: Report) -> str:
    return json.dumps({"today": report.today, "changed_only": report.changed_only, "totals": report.totals,
                       "agencies": [asdict(a) for a in report.agencies],
                       "translations": [{**asdict(r), "translated": r.translated} for r in report.translations]},
                      indent=1, ensure_ascii=False) + "\n"


_COLUMNS = [("stale", f"Stale (over {REVIEW_MONTHS} months)"), ("due", f"Due in {DUE_DAYS} days"),
            ("orphans", "In no journey"), ("online_only", "No offline channel"),
            ("hard_to_read", f"Summary above grade {MAX_GRADE:.0f}"), ("offline_gaps", "Offline way incomplete")]


def to_markdown(report: Report, site_url: str | None = None) -> str:
    """The report as Markdown; every word from content escaped (md_text), so it cannot format the summary."""
    t = report.totals
    heading = (f"## Content health of the services this pull request changes, on {report.today}" if report.changed_only
               else f"## Content health on {report.today}")
    if report.changed_only and not report.agencies:
        return f"{heading}\n\nNo service changed.\n"
    out = [heading, "",
           f"{t['services']} services from {t['agencies']} agencies: {t['stale']} stale, {t['due']} due for review "
           f"within {DUE_DAYS} days, {t['orphans']} in no journey, {t['online_only']} with no offline channel, "
           f"{t['hard_to_read']} with a summary above grade {MAX_GRADE:.0f}, {t['offline_gaps']} with an "
           "incomplete offline way in (no hours, or an agency contact without phone, address or hours).", "",
           "| Agency | Services | " + " | ".join(label for _, label in _COLUMNS) + " |",
           "|---|---:|" + "---:|" * len(_COLUMNS)]
    for a in report.agencies:
        out.append(f"| {md_text(a.name)} | {a.services} | "
                   + " | ".join(str(len(getattr(a, key))) for key, _ in _COLUMNS) + " |")
    for key, label in _COLUMNS:
        flagged = [(a, f) for a in report.agencies for f in getattr(a, key)]
        if not flagged:
            continue
        out += ["", f"### {label}", ""]
        for agency, item in flagged:
            title = md_text(item.title)
            if site_url:
                title = f"[{title}]({site_url.rstrip('/')}/{service_url(ServiceRef.parse(item.ref))})"
            out.append(f"- {title} ({md_text(agency.name)}): {md_text(item.detail)}; edit `{item.source}`")
    out += translation_markdown(report.translations)
    return "\n".join(out) + "\n"
