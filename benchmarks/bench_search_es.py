"""The Spanish search's build cost at 1,000 to 10,000 services, beside English's on the same machine.

    .venv/bin/python benchmarks/bench_search_es.py [--sizes 1000,5000,10000] [--repeat 3]

The synthetic government of bench_search.py, in Spanish: each service takes the title and summary
of one of the example site's Spanish services (tests/fixtures/sites/example/**/*.es.yml) and as
many of its keywords as the synthetic one has besides its place and form number (which it keeps),
so the index has real Spanish words, accents and all, in about the synthetic site's shape; agencies
keep their names. Each size is built with the Spanish pipeline
and, for comparison, the same documents with the English one (A/B in one run: this machine's
speed drifts), each `--repeat` times from cold caches; the fastest run is reported. Sizes are
gzip -6 of search/index.json. Numbers go to benchmarks/SEARCH.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from bench_search import gz, synthetic_site  # noqa: E402

from conftest import EXAMPLE, TODAY, translated_site  # noqa: E402
from generator.graph import Site  # noqa: E402
from generator.i18n import Words  # noqa: E402
from generator.pipeline import check  # noqa: E402
from generator.search import build_search, documents, lunr_pipeline, spanish  # noqa: E402
from generator.search import index as search_index  # noqa: E402


def spanish_services() -> list[tuple[str, str, tuple[str, ...]]]:
    """(title, summary, keywords) of each example service that has a Spanish translation."""
    site = translated_site(check(EXAMPLE, TODAY), "es")
    return [(s.title, s.summary, s.keywords) for s in site.services.values() if type(s.title) is str]


def spanish_site(n: int, seed: int = 1) -> Site:
    site = synthetic_site(n, seed)
    r = random.Random(seed)
    texts = spanish_services()
    services = {}
    for ref, service in site.services.items():
        title, summary, keywords = r.choice(texts)
        place = service.keywords[-1] if service.keywords else ""
        forms = tuple(k for k in service.keywords if k.startswith("Form "))
        own = r.sample(keywords, min(len(keywords), len(service.keywords) - 1 - len(forms)))
        services[ref] = dataclasses.replace(service, title=f"{title} en {place}"[:80], summary=summary,
                                            keywords=(*own, place, *(f.replace("Form", "Formulario") for f in forms)))
    return dataclasses.replace(site, services=services)


def clear_caches() -> None:
    for cached in (search_index._field_terms, lunr_pipeline.analyze, lunr_pipeline.stem, spanish.analyze, spanish.stem):
        cached.cache_clear()


def timed_build(site: Site, words: Words, repeat: int) -> tuple[float, str]:
    best, text = float("inf"), ""
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        bundle = build_search(documents(site), words)
        best = min(best, time.perf_counter() - t0)
        text = bundle.files["search/index.json"]
    return best, text


def measure(n: int, repeat: int) -> dict[str, Any]:
    site = spanish_site(n)
    row: dict[str, Any] = {"services": n}
    for language in ("es", "en"):
        seconds, text = timed_build(site, Words(language), repeat)
        data = json.loads(text)
        row[language] = {"build_s": round(seconds, 2), "index_gz": gz(text), "index_raw": len(text.encode()),
                         "terms": len(data["terms"]), "language": data.get("language", "en")}
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        print(json.dumps(measure(n, args.repeat)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
