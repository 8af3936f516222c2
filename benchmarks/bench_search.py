"""Search at scale: payload and time to the first result at 1,000, 5,000 and 10,000 services.

    .venv/bin/python benchmarks/bench_search.py [--sizes 1000,5000,10000] [--json out.json]

For each size it generates a synthetic government (below), builds the search files with
generator/search/, and measures:

- the build: seconds to make the search files in Python;
- the design alternatives, as gzip bytes (what a server sends): Material's/lunr's usual prebuilt
  index (lunr.py, full serialised index, short integer refs), a document store for building the
  index in the browser, and the compact index this project ships;
- in headless Chromium (Debian's, as the tests use), on the real search page markup and
  scripts: the time from navigation to the first result on /search/?q=..., the time from
  pressing Search to the first result when the page is already open, and the bytes fetched
  before the first result; and, for comparison, the time lunr.js takes to build the index in the
  browser from the document store.

Numbers go to benchmarks/SEARCH.md. Servers are http.server on 127.0.0.1 (no network delay);
bytes are counted as gzip -6 of each file fetched.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import jinja2

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the lunr.py reference builder, as the tests import it

from search.lunr_reference import lunr_py_index  # noqa: E402

from generator.graph import Site, link  # noqa: E402
from generator.i18n import Words, install  # noqa: E402
from generator.load import Positions, SourceFile  # noqa: E402
from generator.options import SiteOptions  # noqa: E402
from generator.render import Renderer  # noqa: E402
from generator.search import FIELDS, build_search, documents, result_record  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
QUERIES = ["food truck", "business license", "restaurant", "zoning permit hamilton", "licence"]

# -- A synthetic multi-level government. Real catalogues of this size are mostly local versions
# of the same kinds of service (every county and town has a zoning permit, a dog license...), plus
# state and federal services that each exist once. The generator makes both: ~20% state and
# federal services with their own wording, ~80% local services of ~60 kinds in ~400 places, with
# summaries from per-kind sentence patterns and a pool of clauses, form numbers, and keywords
# that mix citizens' words with place names. Titles, summaries and keywords are as long as the
# example site's (46, 92 and 8.6 on average).

THINGS = [
    ("business license", ["business permit", "license to operate", "trade license"]),
    ("zoning permit", ["zoning", "land use", "change of use"]), ("building permit", ["construction", "renovation"]),
    ("sign permit", ["signage", "storefront sign"]), ("food facility license", ["restaurant", "food permit", "cafe"]),
    ("mobile food license", ["food truck", "food cart", "vendor"]), ("liquor license", ["alcohol", "bar", "beer"]),
    ("dog license", ["pet license", "dog tag"]), ("parking permit", ["parking", "residential parking"]),
    ("sidewalk cafe permit", ["outdoor seating", "restaurant", "sidewalk"]),
    ("special event permit", ["festival", "block party", "fair"]), ("street vendor license", ["vendor", "peddler"]),
    ("home occupation permit", ["home business", "work from home"]), ("fire inspection", ["fire safety", "fire code"]),
    ("certificate of occupancy", ["occupancy", "CO", "move in"]), ("demolition permit", ["tear down", "demolish"]),
    ("plumbing permit", ["plumber", "water heater"]), ("electrical permit", ["electrician", "wiring"]),
    ("contractor registration", ["contractor", "home improvement", "HIC"]),
    ("rental license", ["landlord", "rental housing", "tenant"]), ("tax account", ["local tax", "business tax"]),
    ("wage tax account", ["payroll", "withholding", "hiring"]), ("hotel tax account", ["lodging", "occupancy tax"]),
    ("amusement license", ["arcade", "entertainment", "games"]), ("tobacco license", ["cigarettes", "vape", "retail"]),
    ("raffle license", ["small games of chance", "50/50", "fundraiser"]), ("massage license", ["massage", "spa"]),
    ("kennel license", ["dogs", "boarding", "pet care"]), ("pawnbroker license", ["pawn shop", "secondhand"]),
    ("taxi license", ["taxi", "ride", "driver"]), ("towing license", ["tow truck", "towing"]),
    ("noise variance", ["noise", "construction hours"]), ("tree permit", ["tree removal", "street tree"]),
    ("stormwater permit", ["drainage", "runoff"]), ("septic permit", ["sewage", "septic tank"]),
    ("well permit", ["water well", "drinking water"]), ("burn permit", ["open burning", "fire"]),
    ("swimming pool license", ["pool", "public pool", "lifeguard"]), ("tattoo license", ["body art", "tattoo"]),
    ("child care certificate", ["day care", "childcare", "daycare"]), ("solicitor permit", ["door to door", "sales"]),
    ("yard sale permit", ["garage sale", "yard sale"]), ("parade permit", ["parade", "march"]),
    ("film permit", ["filming", "movie", "photo shoot"]), ("right of way permit", ["street opening", "curb cut"]),
    ("dumpster permit", ["dumpster", "roll off"]), ("alarm registration", ["burglar alarm", "security system"]),
    ("fire lane permit", ["fire lane", "access road"]), ("elevator certificate", ["elevator", "lift"]),
    ("boiler inspection", ["boiler", "pressure vessel"]), ("weights and measures license", ["scales", "pumps"]),
    ("auction license", ["auctioneer", "auction"]), ("recycling permit", ["recycling", "trash hauler"]),
    ("grease trap permit", ["grease", "kitchen waste"]), ("outdoor dining license", ["patio", "restaurant"]),
    ("farmers market permit", ["farmers market", "farm stand"]),
    ("business privilege license", ["privilege tax", "BPT"]),
    ("mercantile license", ["mercantile", "retail", "shop"]),
    ("short term rental permit", ["airbnb", "vacation rental"]),
    ("bicycle license", ["bike", "bicycle"]),
]
VERBS = ["Get", "Apply for", "Renew", "Register for", "Request", "Change", "Cancel", "Replace"]
STATE_TOPICS = [
    "professional license", "sales tax license", "charity registration", "LLC", "corporation", "fictitious name",
    "trademark", "unemployment tax account", "workers' compensation policy", "new hire report", "tax clearance",
    "annual report", "income tax withholding", "export certificate", "small business certification", "grant",
    "loan", "tax credit", "environmental permit", "air quality permit", "water discharge permit", "pesticide license",
    "nursing home license", "pharmacy permit", "lottery retailer license", "motor carrier permit", "dealer license",
    "insurance license", "real estate license", "barber license", "cosmetology license", "notary commission",
]
PATTERNS = [
    "{verb_ing} a {thing} lets you {activity} in {place}.",
    "You need a {thing} from {office} before you {activity}.",
    "Apply to {office} for a {thing} so you can {activity}; it takes about {days} days.",
    "{office} issues the {thing} for businesses that {activity} in {place}.",
    "Ask {office} for a {thing} if you plan to {activity}.",
]
ACTIVITIES = [
    "open a shop", "sell food", "build or change a building", "hold an event", "hire workers", "put up a sign",
    "serve alcohol", "run a business from home", "rent out a home", "use the street or sidewalk", "sell door to door",
    "store fuel or chemicals", "keep animals", "drive for hire", "open to the public", "start work on a site",
]
CLAUSES = [
    "Bring a photo ID and proof of address.", "Pay the fee online or by check.", "An inspector may visit first.",
    "Renew it every year.", "You can apply by mail or in person.", "Small businesses may pay a lower fee.",
    "Keep it where customers can see it.", "The office is closed on public holidays.",
    "You must also register with the state.", "Nonprofits do not pay the fee.",
]
SYLLABLES = "ash bel bur cam dale field ford ham land ley mont ton ville wood brook haven port ridge view spring" \
            " oak elm lake mill glen fair west north south east green stone".split()
COUNTIES = ["Adams", "Allegheny", "Beaver", "Berks", "Blair", "Bucks", "Butler", "Centre", "Chester", "Dauphin",
            "Delaware", "Erie", "Fayette", "Franklin", "Lackawanna", "Lancaster", "Lehigh", "Luzerne", "Montgomery",
            "Northampton", "Philadelphia", "Schuylkill", "Washington", "Westmoreland", "York"]
OFFICES = ["Department of Licenses and Inspections", "Clerk's Office", "Health Department", "Fire Marshal",
           "Zoning Office", "Tax Office", "Treasurer", "Code Enforcement Office", "Planning Department"]


def _place(r: random.Random) -> str:
    name = (r.choice(SYLLABLES) + r.choice(SYLLABLES)).capitalize()
    return name + r.choice([" Township", " Borough", "", " City"])


def synthetic_site(n_services: int, seed: int = 1) -> Site:
    """A linked Site with n_services services, about n/25 agencies and n/200 guides."""
    r = random.Random(seed)
    files: list[SourceFile] = []

    def add(path: str, kind: str, ident: str, agency: str | None, data: dict[str, Any]) -> None:
        files.append(SourceFile(path, kind, ident, agency, data, Positions()))  # type: ignore[arg-type]

    places = sorted({_place(r) for _ in range(400)})
    agencies: list[tuple[str, str, str, str]] = []  # id, name, place, jurisdiction
    for i, county in enumerate(COUNTIES):
        agencies.append((f"county-{i}", f"{county} County {r.choice(OFFICES)}", f"{county} County", "county"))
    for i, place in enumerate(places):
        agencies.append((f"local-{i}", f"{place} {r.choice(OFFICES)}", place, "municipal"))
    state = [(f"state-{i}", f"Pennsylvania Department of {d}", "Pennsylvania", "state") for i, d in enumerate(
        ["State", "Revenue", "Labor and Industry", "Health", "Agriculture", "Environmental Protection",
         "Community and Economic Development", "Transportation", "Banking and Securities", "Insurance"])]
    agencies = state + agencies[: max(5, n_services // 25 - len(state))]
    for aid, name, _, level in agencies:
        add(f"agencies/{aid}/agency.yml", "agency", aid, None, {
            "name": name, "jurisdiction": level, "website": "https://example.gov/",
            "description": f"The {name} serves businesses and residents.", "contact": {"phone": "555-010-0000"}})

    refs: list[str] = []
    for i in range(n_services):
        if r.random() < 0.2:
            aid, agency, place, _ = r.choice(state)
            topic = r.choice(STATE_TOPICS)
            thing, synonyms = topic, [topic.split()[0], "state", r.choice(ACTIVITIES).split()[-1]]
        else:
            aid, agency, place, _ = r.choice(agencies[len(state):])
            thing, synonyms = r.choice(THINGS)
        verb = r.choice(VERBS)
        title = f"{verb} a {thing}" + (f" in {place}" if r.random() < 0.6 else "")
        summary = r.choice(PATTERNS).format(
            verb_ing=r.choice(["Having", "Holding", "Getting"]), thing=thing, office=f"the {agency}",
            activity=r.choice(ACTIVITIES), place=place, days=r.choice([5, 10, 15, 30, 60]))
        summary = (summary[0].upper() + summary[1:] + " " + r.choice(CLAUSES))[:200]
        keywords = [*synonyms, place] + ([f"Form {r.choice('ABCDEFGHKLMPRS')}-{r.randint(10, 9999)}"]
                                         if r.random() < 0.5 else [])
        sid = f"service-{i}"
        refs.append(f"{aid}/{sid}")
        add(f"agencies/{aid}/services/{sid}.yml", "service", sid, aid, {
            "title": title[:80], "summary": summary, "audience": ["business"], "keywords": keywords,
            "channels": [{"type": "online", "url": "https://example.gov/apply"}], "last_reviewed": "2026-10-01"})
    for j in range(max(5, n_services // 200)):
        steps = [{"title": f"{r.choice(VERBS)} your {r.choice(THINGS)[0]}", "services": r.sample(refs, 2)}
                 for _ in range(r.randint(5, 12))]
        add(f"journeys/guide-{j}.yml", "journey", f"guide-{j}", None, {
            "title": f"{r.choice(['Open', 'Start', 'Run', 'Grow'])} a "
                     f"{r.choice(['shop', 'restaurant', 'salon', 'garage', 'bakery', 'food truck', 'day care', 'bar'])}"
                     f" in {r.choice(places)}: step by step",
            "summary": f"Every permit and license you need, in order, from {r.choice(COUNTIES)} County and the state.",
            "audience": ["business"], "steps": steps})
    return link(files)


# -- Measurements.

def gz(data: str | bytes) -> int:
    return len(gzip.compress(data.encode("utf-8") if isinstance(data, str) else data, 6))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page closed with fetches in flight
            super().handle_error(request, client_address)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def search_script() -> str:
    """What the theme adds after the search page's content (main.html): the result template, the
    script's words and search-page.js, rendered as MkDocs renders theme templates."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPO / "overrides")))
    install(env, Words())
    env.filters["url"] = lambda path: "../" + path
    return env.get_template("partials/onestop/search_script.html").render()


def write_harness(site: Site, bundle_files: dict[str, str], docs_store: str, folder: Path) -> None:
    """The real search page body (Renderer) and script partial in a bare HTML shell, with the real assets."""
    renderer = Renderer(SiteOptions(REPO, "Benchmark", template_dirs=(REPO / "overrides",)))
    page = next(p for p in renderer.pages(site) if p.kind == "search")
    (folder / "assets").mkdir(parents=True)
    for asset in ("lunr.min.js", "search.js", "search-page.js", "search-worker.js", "onestop.css"):
        shutil.copy(REPO / "content" / "assets" / asset, folder / "assets" / asset)
    for path, text in bundle_files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    (folder / "search" / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Search</title>"
        "<meta name='viewport' content='width=device-width'><link rel='stylesheet' href='../assets/onestop.css'>"
        f"</head><body><main class='md-typeset'>{page.html}</main>{search_script()}</body></html>", encoding="utf-8")
    # The alternative: lunr.js builds the index in the browser from a document store.
    (folder / "worker" / "docs.json").parent.mkdir()
    (folder / "worker" / "docs.json").write_text(docs_store, encoding="utf-8")
    fields = json.dumps([[f.name, f.boost] for f in FIELDS])
    (folder / "worker" / "index.html").write_text(
        f"""<!doctype html><html><body><script src="../assets/lunr.min.js"></script>
<script>
window.run = async function (q) {{
  const t0 = performance.now();
  const docs = await (await fetch("docs.json")).json();
  const t1 = performance.now();
  const idx = lunr(function () {{
    this.pipeline.reset(); this.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    this.ref("ref"); {fields}.forEach(([f, b]) => this.field(f, {{boost: b}}));
    docs.forEach((d, i) => this.add({{ref: String(i), title: d[0], keywords: d[1],
                                      summary: d[2], agency: d[3], body: d[4]}},
                                     d[5] === 1 ? undefined : {{boost: d[5]}}));
  }});
  const t2 = performance.now();
  const n = idx.search(q).length;
  return {{fetch_ms: t1 - t0, build_ms: t2 - t1, total_ms: performance.now() - t0, results: n}};
}};
</script></body></html>""", encoding="utf-8")


REPEAT = 3
"""Each browser timing is taken this many times, each in a fresh browser context (nothing
cached); the report gives the fastest and the median. The machine is shared: the fastest run is
the best estimate of the cost itself, the median shows what load adds."""


def _first_result_ms(page: Any, since: str) -> float:
    return float(page.evaluate(f"""performance.getEntriesByName('os-search-first-result')[0].startTime
                                  - ({since})"""))


def browser_timings(url: str, folder: Path, slowdown: float = 1) -> dict[str, Any]:
    """`slowdown` > 1 makes Chromium's CPU that many times slower (DevTools CPU throttling), as
    a rough stand-in for a mid-range phone."""
    from playwright.sync_api import sync_playwright

    def new_page(context: Any) -> Any:
        page = context.new_page()
        if slowdown > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        return page

    runs: dict[str, dict[str, list[float]]] = {k: {q: [] for q in QUERIES} for k in (
        "load_to_result_ms", "index_ready_ms", "typed_submit_to_result_ms", "cold_submit_to_result_ms")}
    out: dict[str, Any] = {"bytes_before_result": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(REPEAT):
            for query in QUERIES:
                # 1. Open /search/?q=... with nothing cached: navigation start to the first result.
                context = browser.new_context()
                page = new_page(context)
                fetched: list[str] = []
                context.on("requestfinished", lambda req, fetched=fetched: fetched.append(req.url))  # page and worker
                page.goto(url + "search/index.html?q=" + query.replace(" ", "+"))
                page.locator(".os-result").first.wait_for(timeout=60000)
                runs["load_to_result_ms"][query].append(_first_result_ms(page, "0"))
                runs["index_ready_ms"][query].append(page.evaluate(
                    "performance.getEntriesByName('os-search-index-ready')[0].startTime"
                    " - performance.getEntriesByName('os-search-start')[0].startTime"))
                files = [u.split("?")[0].removeprefix(url) for u in fetched]
                out["bytes_before_result"][query] = sum(gz((folder / f).read_bytes()) for f in files
                                                        if (folder / f).is_file())
                context.close()
                # 2. The search page is open: a citizen clicks the box (search-page.js starts fetching
                # the index then), types and presses Search. Search pressed to the first result.
                context = browser.new_context()
                page = new_page(context)
                page.goto(url + "search/index.html")
                page.fill("#os-search-q", query)
                page.wait_for_timeout(1500)  # typing
                page.evaluate("performance.mark('bench-submit')")
                page.press("#os-search-q", "Enter")
                page.locator(".os-result").first.wait_for(timeout=60000)
                runs["typed_submit_to_result_ms"][query].append(_first_result_ms(
                    page, "performance.getEntriesByName('bench-submit')[0].startTime"))
                context.close()
                # 3. The worst case: nothing fetched before Search is pressed (the box never focused).
                context = browser.new_context()
                page = new_page(context)
                page.goto(url + "search/index.html")
                page.evaluate("""q => { document.getElementById('os-search-q').value = q;
                                        performance.mark('bench-submit');
                                        document.querySelector('form').requestSubmit(); }""", query)
                page.locator(".os-result").first.wait_for(timeout=60000)
                runs["cold_submit_to_result_ms"][query].append(_first_result_ms(
                    page, "performance.getEntriesByName('bench-submit')[0].startTime"))
                context.close()
        # 4. The alternative design: lunr.js builds the whole index in the browser.
        builds = []
        for _ in range(REPEAT):
            context = browser.new_context()
            page = new_page(context)
            page.goto(url + "worker/index.html")
            builds.append(page.evaluate("run('food truck')"))
            context.close()
        browser.close()
    for kind, per_query in runs.items():
        out[kind] = {q: {"min": round(min(v)), "median": round(statistics.median(v))} for q, v in per_query.items()}
    out["browser_build_ms"] = {"min": round(min(b["total_ms"] for b in builds)),
                               "median": round(statistics.median(b["total_ms"] for b in builds))}
    return out


def measure(n: int, browser: bool, slowdown: float = 1) -> dict[str, Any]:
    site = synthetic_site(n)
    t0 = time.perf_counter()
    docs = documents(site)
    bundle = build_search(docs)
    build_s = time.perf_counter() - t0
    index_text = bundle.files["search/index.json"]
    chunks = [t for p, t in bundle.files.items() if p.startswith("search/docs/")]
    store = json.dumps([[d.title, " ".join(d.keywords), d.summary, d.agency, d.body, d.boost] for d in docs],
                       ensure_ascii=False, separators=(",", ":"))
    records = json.dumps([result_record(d) for d in docs], ensure_ascii=False, separators=(",", ":"))
    row: dict[str, Any] = {
        "load_average": round(os.getloadavg()[0], 1),
        "services": n, "documents": len(docs), "terms": len(json.loads(index_text)["terms"]),
        "build_s": round(build_s, 2),
        "compact_index_gz": gz(index_text), "compact_index_raw": len(index_text.encode()),
        "chunk_gz_mean": round(statistics.mean(gz(c) for c in chunks)), "chunks": len(chunks),
        "all_records_gz": gz(records), "document_store_gz": gz(store),
    }
    if n <= 5000:  # lunr.py's full build is slow in pure Python; 10,000 adds nothing to the comparison
        t1 = time.perf_counter()
        full = json.dumps(lunr_py_index(docs).serialize(), separators=(",", ":"))
        row["lunr_full_index_gz"] = gz(full)
        row["lunr_full_build_s"] = round(time.perf_counter() - t1, 1)
    if browser:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_harness(site, bundle.files, store, folder)
            server, url = serve(folder)
            try:
                row.update(browser_timings(url, folder, slowdown))
                row["cpu_slowdown"] = slowdown
            finally:
                server.shutdown()
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--cpu-slowdown", type=float, default=1,
                        help="make Chromium's CPU this many times slower (4: a mid-range phone, roughly)")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        row = measure(n, not args.no_browser, args.cpu_slowdown)
        print(json.dumps(row), flush=True)
        rows.append(row)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
