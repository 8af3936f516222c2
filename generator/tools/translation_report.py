"""How far each agency's pages are translated into each of the site's languages, for `onestop
report`: translated, missing, out of date (a source reviewed after its translation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..graph import Site
from ..translations.files import TranslationFile
from ..validate.translations import review_day
from .markdown_text import md_text


@dataclass(frozen=True)
class TranslationRow:
    """One agency's files (its agency.yml and its services) in one language."""

    agency: str
    name: str
    lang: str
    files: int
    missing: list[str] = field(default_factory=list)
    """The source files with no translation into `lang`."""
    out_of_date: list[str] = field(default_factory=list)
    """The translations whose source was reviewed after them."""

    @property
    def translated(self) -> int:
        return self.files - len(self.missing)


def translation_rows(site: Site, translations: tuple[TranslationFile, ...], languages: tuple[str, ...]
                     ) -> list[TranslationRow]:
    """A row per agency and language the site is translated into (none for an English-only site)."""
    by_source = {(t.source, t.lang): t for t in translations}
    owners: list[tuple[str, str, list[tuple[str, dt.date | None]]]] = [
        (agency.id, agency.name, [(agency.source_path, None)] + [
            (site.services[r].source_path, site.services[r].last_reviewed) for r in site.services_of_agency[agency.id]])
        for agency in sorted(site.agencies.values(), key=lambda a: a.name.lower())]
    shared = [(j.source_path, None) for j in site.journeys.values()] + [
        (q.source_path, None) for q in site.questions.values()]
    if shared:
        owners.append(("", "Guides and questions (the site team's)", shared))
    rows = []
    for owner, name, sources in owners:
        for lang in languages[1:]:
            row = TranslationRow(owner, name, lang, len(sources))
            for path, reviewed in sources:
                translation = by_source.get((path, lang))
                if translation is None:
                    row.missing.append(path)
                    continue
                translated_on = review_day(translation.data.get("last_reviewed"))
                if reviewed and translated_on and reviewed > translated_on:
                    row.out_of_date.append(translation.path)
            rows.append(row)
    return rows


def translation_markdown(rows: list[TranslationRow]) -> list[str]:
    """The report's translation table, and what is out of date; nothing for an English-only site."""
    if not rows:
        return []
    out = ["", "### Translations", "", "| Agency | Language | Files | Translated | Missing | Out of date |",
           "|---|---|---:|---:|---:|---:|"]
    out += [f"| {md_text(r.name)} | {r.lang} | {r.files} | {r.translated} | {len(r.missing)} | {len(r.out_of_date)} |"
            for r in rows]
    late = [(r, path) for r in rows for path in r.out_of_date]
    if late:
        out += ["", "Out of date (their source was reviewed after them):", ""]
        out += [f"- `{path}` ({md_text(r.name)})" for r, path in late]
    return out
