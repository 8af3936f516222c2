"""A synthetic government: N services over A agencies and J journeys, deterministic for a seed.

The text is varied and realistic in shape (titles that start with verbs, one-sentence
summaries, ~300-word Markdown descriptions with lists and links, fees, channels, prerequisites,
"one of" steps, deadlines on a third of the services, and guides that ask questions and tailor
their steps to the answers), so that build time and page size resemble a real state's site.

    python benchmarks/synthetic.py OUT_DIR --services 10000 --agencies 50 --journeys 40
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

VERBS = ["Apply for", "Register", "Renew", "Get", "Request", "Report", "File", "Change", "Cancel", "Pay for",
         "Check", "Replace", "Update", "Close", "Appeal", "Book", "Transfer", "Find"]
THINGS = ["a business license", "a sales tax permit", "a food facility license", "a zoning permit",
          "an employer account", "a trade name", "a building permit", "a sign permit", "a fire inspection",
          "a health permit", "a liquor license", "a contractor registration", "a vendor certificate",
          "an occupancy certificate", "a weights and measures inspection", "a parking permit",
          "a home business permit", "a street vendor license", "a tobacco retail license", "a pool permit",
          "a boiler inspection", "an elevator certificate", "a noise variance", "a tax clearance letter",
          "a payroll tax account", "a workers' compensation policy", "a small business loan", "a grant",
          "a professional license", "a hauling permit", "a storage tank permit", "a wastewater permit"]
QUALIFIERS = ["", "", "", " for a new shop", " for a food truck", " for a nonprofit", " online", " by mail",
              " for a second location", " for a home business", " for an event", " for farm goods"]
PLACES = ["Northfield", "Riverbend", "Oak Hollow", "Cedar Falls", "Millbrook", "Stonebridge", "Lakeside",
          "Pine Ridge", "Fairview", "Brookhaven", "Maple Grove", "Harbor City"]
KINDS = [("Department of Revenue", "state"), ("Department of Labor", "state"), ("Department of Health", "state"),
         ("Department of State", "state"), ("Environmental Agency", "state"), ("Licensing Board", "state"),
         ("County Health Department", "county"), ("County Treasurer", "county"), ("City Clerk", "municipal"),
         ("City Planning Office", "municipal"), ("Tax Office", "federal"), ("Small Business Office", "federal")]
SENTENCES = [
    "You need this before you can {act} in {place}.",
    "Most people finish the form in about {n} minutes.",
    "The office checks your papers and writes to you if anything is missing.",
    "Keep a copy of everything you send, and write down your confirmation number.",
    "If you run more than one location, you need one for each place.",
    "Some businesses do not need this, for example a stand at a one-day market.",
    "Ask the office if you are not sure whether the rules apply to you.",
    "You can pay by card online, or by check if you apply by mail.",
    "The fee helps pay for inspections that keep customers safe.",
    "You may get a visit from an inspector before the office decides.",
    "Bring a photo ID and proof of your business address if you go in person.",
    "The office may ask for more papers, such as a lease or a floor plan.",
    "Renew it every year before it runs out, or you may pay a late fee.",
    "Tell the office within {n} days if your address or owners change.",
    "Read the rules first so your application is not sent back.",
]
KEYWORDS = ["permit", "license", "tax", "hiring", "food", "money", "loan", "inspection", "certificate", "renewal",
            "DBA", "LLC", "EIN", "payroll", "workers comp", "zoning", "sign", "restaurant", "food truck", "vendor"]


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:50].strip("-")


def _paragraph(rng: random.Random, act: str, place: str) -> str:
    picks = rng.sample(SENTENCES, k=rng.randint(3, 5))
    return " ".join(s.format(act=act, place=place, n=rng.randint(5, 40)) for s in picks)


def _description(rng: random.Random, act: str, place: str, website: str) -> str:
    parts = [_paragraph(rng, act, place), _paragraph(rng, act, place),
             "Before you apply:\n\n" + "\n".join(f"- {_paragraph(rng, act, place).split('. ')[0]}."
                                                  for _ in range(rng.randint(3, 5))),
             _paragraph(rng, act, place) + f" Read the [guidance]({website}guidance) for the details.",
             _paragraph(rng, act, place)]
    return "\n\n".join(parts)


DEADLINES = [
    "  - title: File your yearly report\n    every: year\n    due: {mm:02d}-{dd:02d}\n    remind_days: 30\n"
    "    note: Late reports cost $50.\n",
    "  - title: File your return\n    every: quarter\n    due_day: {dd}\n    remind_days: 7\n",
    "  - title: Renew it\n    every: year\n    interval: {n}\n    from: start\n    remind_days: 60\n",
    "  - title: Pay what you collected\n    every: month\n    due_day: {dd}\n",
]


def _deadlines(s: int) -> str:
    """Deadlines for every third service, one or two of each kind in turn (no random numbers drawn,
    so the rest of the site is the same as without them)."""
    if s % 3:
        return ""
    kinds = [DEADLINES[(s // 3) % 4]] + ([DEADLINES[(s // 3 + 1) % 4]] if s % 2 else [])
    return "deadlines:\n" + "".join(k.format(mm=s % 12 + 1, dd=s % 28 + 1, n=s % 5 + 1) for k in kinds)


def _block(text: str, indent: int = 2) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.splitlines())


def generate(out: Path, services: int, agencies: int, journeys: int, seed: int = 1,
             languages: tuple[str, ...] = ("en",)) -> Path:
    """Write a complete site repository (content, theme, config) into `out`; with a second language,
    its translations too (_translate)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for name in ("overrides", "locales"):
        shutil.copytree(REPO / name, out / name)
    other = tuple(f"*.{lang}.md" for lang in ("es",) if lang not in languages)
    shutil.copytree(REPO / "content", out / "content", ignore=shutil.ignore_patterns(*other))
    (out / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text().replace(
        "site_name: Pennsylvania Business One-Stop Shop (example)", "site_name: Synthetic State One-Stop Shop"))

    agency_ids = []
    for a in range(agencies):
        kind, level = KINDS[a % len(KINDS)]
        place = PLACES[a % len(PLACES)]
        name = f"{place} {kind}" if level != "federal" else f"Federal {kind} {a}"
        agency_id = f"{_slug(name)}-{a}"
        agency_ids.append(agency_id)
        website = f"https://{agency_id}.example.gov/"
        folder = out / "agencies" / agency_id
        (folder / "services").mkdir(parents=True)
        (folder / "agency.yml").write_text(
            f"name: {name}\njurisdiction: {level}\ndescription: Serves people and businesses in {place}.\n"
            f"website: {website}\ncontact:\n  phone: 555-{a % 1000:03d}-{rng.randint(1000, 9999)}\n"
            f"  address: |\n    {rng.randint(1, 999)} Main Street\n    {place}, ST 10{a % 1000:03d}\n"
            f"  hours: Monday to Friday, 9 a.m. to 4 p.m.\n")

    refs: list[str] = []
    for s in range(services):
        agency_id = agency_ids[s % agencies]
        place = PLACES[s % len(PLACES)]
        verb, thing = rng.choice(VERBS), rng.choice(THINGS)
        base = f"{verb} {thing}{rng.choice(QUALIFIERS)}"
        service_id = f"{_slug(base)}-{s}"
        # Each title its own, as a real site's are (two services with one title are a warning each):
        # the form's number tells apart what the small vocabulary of the generator repeats.
        title = f"{base} (form {s + 100})"
        ref = f"{agency_id}/{service_id}"
        website = f"https://{agency_id}.example.gov/"
        fee = rng.random()
        fees = ("fees: []\n" if fee < 0.25 else "" if fee < 0.4 else
                f"fees:\n  - amount: {rng.choice([10, 25, 50, 75, 100, 125, 250, 300])}\n"
                "    description: Application fee\n")
        channels = [f"  - type: online\n    url: {website}apply/{s}\n"]
        if rng.random() < 0.8:
            channels.append(f"  - type: phone\n    phone: 555-{s % 1000:03d}-{rng.randint(1000, 9999)}\n"
                            "    hours: Monday to Friday, 9 a.m. to 4 p.m.\n")
        if rng.random() < 0.4:
            channels.append(f"  - type: mail\n    address: |\n      PO Box {s}\n      {place}, ST 10001\n")
        requires = ""
        if len(refs) > 4 and rng.random() < 0.3:
            requires = f"requires: [{rng.choice(refs[-60:-4])}]\n"
        related = f"related: [{rng.choice(refs)}]\n" if refs and rng.random() < 0.3 else ""
        keywords = ", ".join(f'"{k}"' for k in rng.sample(KEYWORDS, k=3))
        text = (f"title: {title[0].upper() + title[1:]}\n"
                f"summary: {verb} {thing} so you can trade in {place}.\n"
                f"description: {_block(_description(rng, verb.lower() + ' ' + thing, place, website))}\n"
                f"audience: [business]\nkeywords: [{keywords}]\n"
                f"documents:\n  - Your business name and address\n  - A photo ID\n{fees}"
                f"processing_time: {{text: \"{(d := rng.randint(0, 30))} business days\", max_days: {d}}}\n"
                f"channels:\n{''.join(channels)}{requires}{related}{_deadlines(s)}"
                f"last_reviewed: 2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}\n")
        (out / "agencies" / agency_id / "services" / f"{service_id}.yml").write_text(text)
        refs.append(ref)

    # Questions: every other journey asks two (where, and whether you have staff) and tailors itself
    # with them: its conditional steps get an if:, and the first option of some "one of" steps too.
    # The conditions come from the steps' positions, not the random generator, so the rest of the
    # site is the same text as without them.
    (out / "questions").mkdir()
    (out / "questions" / "area.yml").write_text(
        "text: Where will you trade?\noptions:\n  - id: north\n    label: In the north\n  - id: south\n"
        "    label: In the south\n  - id: city\n    label: In the city\n")
    (out / "questions" / "staff.yml").write_text("text: Will you have staff?\ntype: yes_no\n")

    # Journeys: every service is in at least one journey, in creation order, so that a service's
    # prerequisites (always created earlier) come in earlier steps.
    (out / "journeys").mkdir()
    per_journey = max(1, len(refs) // journeys)
    for j in range(journeys):
        chunk = refs[j * per_journey: (j + 1) * per_journey] if j < journeys - 1 else refs[j * per_journey:]
        steps = []
        i = tailored = 0
        # A journey has at most 50 steps (the schema's limit): a journey of many services takes
        # them in larger steps (at most 12 services a step at 10,000 services: the limit is 20).
        scale = max(1, -(-len(chunk) // 80))
        while i < len(chunk):
            size = rng.choice([1, 1, 2, 3]) * scale
            group = chunk[i: i + size]
            i += size
            # 'one of' only when no service in the group requires another in the same group
            choose = "    choose: one\n" if len(group) > 1 and rng.random() < 0.3 else ""
            when = "    when: If it applies to your business\n" if rng.random() < 0.2 else ""
            guided = j % 2 == 0
            if guided and when:
                when += ("    if: {area: [north, south]}\n", "    if: {staff: yes}\n")[tailored % 2]
                tailored += 1
            services = ", ".join(group)
            if guided and choose and len(steps) % 3 == 0:  # the first option only in the city
                services = ", ".join([f"{{service: {group[0]}, if: {{area: city}}}}", *group[1:]])
            steps.append(f"  - title: Step for {rng.choice(THINGS)}\n{choose}{when}"
                         f"    services: [{services}]\n")
        related = f"related_journeys: [journey-{(j + 1) % journeys}]\n" if journeys > 1 else ""
        questions = "questions: [area, staff]\n" if j % 2 == 0 else ""
        (out / "journeys" / f"journey-{j}.yml").write_text(
            f"title: \"Guide {j}: {rng.choice(VERBS).lower()} {rng.choice(THINGS)}\"\n"
            f"summary: Every step to {rng.choice(VERBS).lower()} {rng.choice(THINGS)} in one place.\n"
            f"audience: [business]\n{questions}steps:\n{''.join(steps)}{related}")
    if len(languages) > 1:
        _translate(out, languages)
    return out


def _translate(out: Path, languages: tuple[str, ...]) -> None:
    """The site in a second language, as the example's is: every guide, question and agency, and a
    third of the services (what the issue asks of the example), the rest shown in the first language.
    The translated text is of the same length as the source's, so that pages weigh the same."""
    lang = languages[1]
    (out / "onestop.yml").write_text(f"languages: [{', '.join(languages)}]\n")
    reviewed = "last_reviewed: 2026-11-30\n"
    for path in sorted((out / "agencies").glob("*/agency.yml")):
        path.with_suffix(f".{lang}.yml").write_text(
            "description: Atiende a las personas y los negocios de su zona.\n" + reviewed)
    for s, path in enumerate(sorted((out / "agencies").glob("*/services/*.yml"))):
        if s % 3:
            continue
        title = path.read_text().split("\n", 1)[0].removeprefix("title: ")
        path.with_suffix(f".{lang}.yml").write_text(
            f"title: \"Trámite: {title}\"\nsummary: Haga este trámite para poder trabajar en su zona.\n"
            f"keywords: [permiso, licencia, impuesto]\n{reviewed}")
    for path in sorted((out / "journeys").glob("*.yml")):
        steps = path.read_text().count("\n  - title: ")
        path.with_suffix(f".{lang}.yml").write_text(
            f"title: \"Guía {path.stem}\"\nsummary: Todos los pasos en un solo lugar.\nsteps:\n"
            + "".join(f"  - title: Paso {n + 1}\n" for n in range(steps)) + reviewed)
    (out / "questions" / f"area.{lang}.yml").write_text(
        "text: ¿Dónde va a trabajar?\noptions:\n  - label: En el norte\n  - label: En el sur\n"
        "  - label: En la ciudad\n" + reviewed)
    (out / "questions" / f"staff.{lang}.yml").write_text("text: ¿Va a tener empleados?\n" + reviewed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--agencies", type=int, default=50)
    parser.add_argument("--journeys", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--languages", nargs="+", default=["en"], help="e.g. en es: a site in two languages")
    args = parser.parse_args()
    generate(args.out, args.services, args.agencies, args.journeys, args.seed, tuple(args.languages))


if __name__ == "__main__":
    main()
