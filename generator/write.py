"""Stage 5, write: open data files, and the swap that makes a build all-or-nothing."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .graph import Site
from .model import Service, ServiceRef
from .views import agency_url, journey_url, service_url


def _service_record(site: Site, ref: ServiceRef, service: Service) -> dict[str, Any]:
    record = {"id": str(ref), "title": service.title, "url": service_url(ref), "agency": ref.agency}
    fields = asdict(service)
    for key in ("ref", "source_path"):
        fields.pop(key)
    fields["last_reviewed"] = service.last_reviewed.isoformat()
    fields["requires"] = [str(r) for r in service.requires]
    fields["related"] = [str(r) for r in service.related]
    fields["channels"] = [{k: v for k, v in c.items() if v is not None} for c in fields["channels"]]
    record.update(fields)
    record["source"] = service.source_path
    record["part_of"] = [{"journey": u.journey_id, "step": u.step_number, "step_count": u.step_count}
                         for u in site.uses[ref]]
    record["required_by"] = [str(r) for r in site.required_by[ref]]
    return record


def open_data(site: Site) -> dict[str, list[dict[str, Any]]]:
    """The site's content as JSON-ready lists, each record with id, title and url."""
    services = [_service_record(site, ref, s) for ref, s in sorted(site.services.items())]
    journeys = []
    for journey in sorted(site.journeys.values(), key=lambda j: j.id):
        totals = site.totals[journey.id]
        journeys.append({
            "id": journey.id, "title": journey.title, "url": journey_url(journey.id), "summary": journey.summary,
            "audience": list(journey.audience), "description": journey.description,
            "steps": [{"number": s.number, "title": s.title, "description": s.description,
                       "services": [str(r) for r in s.services], "choose": s.choose, "when": s.when}
                      for s in journey.steps],
            "related_journeys": list(journey.related_journeys),
            "totals": {"fees_low": totals.fees.low, "fees_high": totals.fees.high,
                       "unknown_fees": [str(r) for r in totals.unknown_fees], "max_days": totals.max_days,
                       "untimed": [str(r) for r in totals.untimed]},
            "source": journey.source_path,
        })
    agencies = []
    for agency in sorted(site.agencies.values(), key=lambda a: a.id):
        contact = {k: v for k, v in asdict(agency.contact).items() if v is not None}
        agencies.append({
            "id": agency.id, "title": agency.name, "url": agency_url(agency.id), "name": agency.name,
            "short_name": agency.short_name, "jurisdiction": agency.jurisdiction,
            "description": agency.description, "website": agency.website, "contact": contact,
            "services": [str(r) for r in site.services_of_agency[agency.id]],
            "journeys": list(site.journeys_of_agency[agency.id]), "source": agency.source_path,
        })
    return {"services": services, "journeys": journeys, "agencies": agencies}


def open_data_files(site: Site) -> dict[str, str]:
    """Open data as files to publish: path from the site root -> JSON text."""
    return {f"data/{name}.json": json.dumps(records, ensure_ascii=False, indent=1) + "\n"
            for name, records in open_data(site).items()}


@contextmanager
def staged_directory(target: Path) -> Iterator[Path]:
    """Build into a fresh folder beside `target`; replace `target` only if the build succeeds.

    On any exception the staging folder is removed and `target` is left exactly as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    staging_mode = 0o755  # mkdtemp makes 0700 folders; a web server must read the site
    target.chmod(staging_mode)
    shutil.rmtree(old, ignore_errors=True)
