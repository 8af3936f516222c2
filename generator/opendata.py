"""Open data: the site's content as JSON (`data/services.json`, `journeys.json`, `agencies.json`,
`questions.json`), each record with its id, title and address (a question has no page of its own:
its record names the journeys that ask it), so that anyone can reuse what the site publishes.
A journey's record carries its questions and each step's conditions (`if`, and `services_if` for
the services of a step that have one of their own).

Live preview keeps each record's JSON between builds (`OpenDataCache`): a record is made again only
when its entity is a new object (its file changed, see preview.py) or the links others make to it did.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from .graph import JourneyTotals, Site
from .jsontext import compact_json
from .model import Agency, Condition, Deadline, Journey, Question, Service, ServiceRef
from .urls import agency_url, journey_url, service_url


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


def _plain(value: Any) -> Any:
    """Dataclasses as dicts and tuples as lists, for JSON (dataclasses.asdict deep-copies every
    value, which made the open data a tenth of a 10,000-service build)."""
    if type(value) is str:
        return value
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _service_record(site: Site, ref: ServiceRef, service: Service) -> dict[str, Any]:
    record = {"id": str(ref), "title": service.title, "url": service_url(ref), "inLanguage": site.language,
              "agency": ref.agency}
    fields = _plain(service)
    for key in ("ref", "source_path"):
        fields.pop(key)
    fields["last_reviewed"] = service.last_reviewed.isoformat()
    fields["requires"] = [str(r) for r in service.requires]
    fields["related"] = [str(r) for r in service.related]
    fields["channels"] = [{k: v for k, v in c.items() if v is not None} for c in fields["channels"]]
    fields["deadlines"] = [_deadline_record(d) for d in service.deadlines]
    record.update(fields)
    record["source"] = service.source_path
    record["part_of"] = [{"journey": u.journey_id, "step": u.step_number, "step_count": u.step_count}
                         for u in site.uses[ref]]
    record["required_by"] = [str(r) for r in site.required_by[ref]]
    return record


def _deadline_record(deadline: Deadline) -> dict[str, Any]:
    """A deadline as the content model writes it (`due` as MM-DD, `from: start`), every key present."""
    return {"title": deadline.title, "every": deadline.every, "interval": deadline.interval,
            "due": f"{deadline.due[0]:02d}-{deadline.due[1]:02d}" if deadline.due else None,
            "due_day": deadline.due_day, "from": "start" if deadline.from_start else None,
            "remind_days": deadline.remind_days, "note": deadline.note}


def _journey_record(site: Site, journey: Journey) -> dict[str, Any]:
    totals = site.totals[journey.id]
    return {
        "id": journey.id, "title": journey.title, "url": journey_url(journey.id), "inLanguage": site.language,
        "summary": journey.summary,
        "audience": list(journey.audience), "description": journey.description,
        "questions": list(journey.questions),
        "steps": [{"number": s.number, "title": s.title, "description": s.description,
                   "services": [str(r) for r in s.services], "choose": s.choose, "when": s.when,
                   "if": _condition_record(s.condition),
                   "services_if": {str(e.ref): _condition_record(e.condition) for e in s.service_conditions}}
                  for s in journey.steps],
        "related_journeys": list(journey.related_journeys),
        "totals": _totals_record(totals),
        "source": journey.source_path,
    }


def _condition_record(condition: Condition | None) -> dict[str, list[str]] | None:
    return None if condition is None else {question: list(answers) for question, answers in condition.terms}


def _question_record(question: Question, asked_by: tuple[str, ...], language: str) -> dict[str, Any]:
    """A question: its answers (a yes/no question's labels are the site's words for Yes and No:
    null here), and the journeys that ask it."""
    return {"id": question.id, "title": question.text, "inLanguage": language, "text": question.text,
            "hint": question.hint,
            "type": question.type, "options": [{"id": o.id, "label": o.label} for o in question.options],
            "journeys": list(asked_by), "source": question.source_path}


def asked_by(site: Site) -> dict[str, tuple[str, ...]]:
    """Question id -> the journeys that ask it, by id."""
    return {q: tuple(sorted(j.id for j in site.journeys.values() if q in j.questions)) for q in site.questions}


def _totals_record(totals: JourneyTotals) -> dict[str, Any]:
    """A journey's totals: one-off fees as fees_low/fees_high, fees paid again per period apart,
    and the services whose fees are not listed or do not add up."""
    fees = totals.fees
    once = fees.of("once")
    return {"currency": fees.currency, "fees_low": once.low if once else 0.0, "fees_high": once.high if once else 0.0,
            "recurring": {name: {"low": m.low, "high": m.high} for name, m in fees.by_period if name != "once"},
            "unknown_fees": [str(r) for r in fees.unknown], "uncounted_fees": [str(r) for r in fees.uncounted],
            "max_days": totals.max_days if totals.time_adds_up else None, "untimed": [str(r) for r in totals.untimed]}


def _agency_record(site: Site, agency: Agency) -> dict[str, Any]:
    contact = {k: v for k, v in _plain(agency.contact).items() if v is not None}
    return {
        "id": agency.id, "title": agency.name, "url": agency_url(agency.id), "inLanguage": site.language,
        "name": agency.name,
        "short_name": agency.short_name, "jurisdiction": agency.jurisdiction,
        "description": agency.description, "website": agency.website, "contact": contact,
        "services": [str(r) for r in site.services_of_agency[agency.id]],
        "journeys": list(site.journeys_of_agency[agency.id]), "source": agency.source_path,
    }


def open_data(site: Site) -> dict[str, list[dict[str, Any]]]:
    """The site's content as JSON-ready lists, each record with id, title and url."""
    return {
        "services": [_service_record(site, ref, s) for ref, s in sorted(site.services.items())],
        "journeys": [_journey_record(site, j) for j in sorted(site.journeys.values(), key=lambda j: j.id)],
        "agencies": [_agency_record(site, a) for a in sorted(site.agencies.values(), key=lambda a: a.id)],
        "questions": [_question_record(q, asked_by(site)[q.id], site.language)
                      for q in sorted(site.questions.values(), key=lambda q: q.id)],
    }


@dataclass
class OpenDataCache:
    """Each record's JSON, kept between live-preview builds: a record is written again only when
    its entity (the same object while its file is unchanged, see graph.link) or the links other
    files make to it have changed."""

    records: dict[tuple[str, Any], tuple[tuple[Any, ...], str]] = field(default_factory=dict)

    def text(self, key: tuple[str, Any], inputs: tuple[Any, ...], make: Callable[..., dict[str, Any]],
             *args: Any) -> str:
        """The JSON of `make(*args)`, reused while `inputs` (the entity first) are unchanged."""
        kept = self.records.get(key)
        if kept is not None and kept[0][0] is inputs[0] and kept[0][1:] == inputs[1:]:
            return kept[1]
        text = compact_json(make(*args))
        self.records[key] = (inputs, text)
        return text


def open_data_files(site: Site, cache: OpenDataCache | None = None) -> dict[str, str]:
    """Open data as files to publish: path from the site root -> JSON text.

    Each list is written record by record: "[" + ",".join(records) + "]" is exactly what
    json.dumps makes of the list with these separators, and it lets `cache` reuse records."""
    cache = cache or OpenDataCache()
    services = [cache.text(("service", ref), (s, site.uses[ref], site.required_by[ref]), _service_record, site, ref, s)
                for ref, s in sorted(site.services.items())]
    journeys = [cache.text(("journey", j.id), (j, site.totals[j.id]), _journey_record, site, j)
                for j in sorted(site.journeys.values(), key=lambda j: j.id)]
    agencies = [cache.text(("agency", a.id), (a, site.services_of_agency[a.id], site.journeys_of_agency[a.id]),
                           _agency_record, site, a)
                for a in sorted(site.agencies.values(), key=lambda a: a.id)]
    asks = asked_by(site)
    questions = [cache.text(("question", q.id), (q, asks[q.id]), _question_record, q, asks[q.id], site.language)
                 for q in sorted(site.questions.values(), key=lambda q: q.id)]
    live = {("service", ref) for ref in site.services} | {("journey", j) for j in site.journeys} \
        | {("agency", a) for a in site.agencies} | {("question", q) for q in site.questions}
    for key in cache.records.keys() - live:
        del cache.records[key]
    return {f"data/{name}.json": "[" + ",".join(texts) + "]\n"
            for name, texts in (("services", services), ("journeys", journeys), ("agencies", agencies),
                                ("questions", questions))}
