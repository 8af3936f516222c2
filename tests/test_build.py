"""End to end: the CLI and MkDocs build whole sites; broken content never touches an existing site."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, RIVERTON, TODAY, copy_site, site_options
from generator.build import ContentProblems, SiteBuild
from generator.search import ContentPage
from generator.shell import BODY, TITLE, Shell, shell_urls

ENV_TODAY = ["--today", "2026-11-28"]


def onestop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_site(RIVERTON, tmp_path_factory.mktemp("riverton") / "repo")
    run = onestop("build", "--strict", *ENV_TODAY, cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "onestop: built 17 pages into site" in run.stderr, run.stderr
    return root / "site"


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_every_generated_page_is_written_and_in_the_sitemap(built):
    sitemap = (built / "sitemap.xml").read_text()
    locs = sorted(re.findall(r"<loc>(.*?)</loc>", sitemap))
    assert len(locs) == 17
    assert any(loc.endswith("/services/state-registry/form-company/") for loc in locs)
    assert "https://hub.riverton.example.gov/" in locs and not any("/./" in loc for loc in locs)
    for page in ["index.html", "journeys/open-a-shop/index.html", "services/index.html",
                 "services/riverton-clerk/get-sign-permit/index.html", "agencies/federal-revenue/index.html",
                 "search/index.html"]:
        assert (built / page).is_file(), page
    assert len(html_pages(built)) == 17


def test_home_page_has_the_intro_journeys_and_search(built):
    page = BeautifulSoup((built / "index.html").read_text(), "html.parser")
    assert page.h1.get_text(strip=True) == "Riverton Business Hub"
    assert "Everything a Riverton business needs from government." in page.get_text()
    assert page.select_one("main .os-cards--journeys a")["href"] == "journeys/hire-staff/"
    assert page.select_one("form[role=search], .md-search form") is not None
    assert page.title.get_text() == "Riverton Business Hub"


def test_pages_have_titles_and_descriptions(built):
    page = BeautifulSoup((built / "services/state-registry/form-company/index.html").read_text(), "html.parser")
    assert page.title.get_text() == "Form a company - Riverton Business Hub"
    assert page.select_one('meta[name="description"]')["content"] == (
        "Register a company so your business is separate from you.")
    assert len(page.find_all("h1")) == 1


def test_no_page_loads_anything_from_another_host(built):
    for path in html_pages(built):
        page = BeautifulSoup(path.read_text(), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                url = element.get(attr) or ""
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) and "preconnect" not in (
                        element.get("rel") or []):
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{path}: {tag} loads {url}"
        assert "fonts.googleapis" not in path.read_text() and "fonts.gstatic" not in path.read_text()


def test_footer_names_the_site(built):
    page = BeautifulSoup((built / "journeys/hire-staff/index.html").read_text(), "html.parser")
    footer = page.select_one("footer")
    assert "Riverton Business Hub" in footer.get_text()
    assert "Material for MkDocs" not in footer.get_text()


def test_open_data(built):
    services = json.loads((built / "data/services.json").read_text())
    journeys = json.loads((built / "data/journeys.json").read_text())
    agencies = json.loads((built / "data/agencies.json").read_text())
    assert len(services) == 6 and len(journeys) == 2 and len(agencies) == 3
    tax = next(s for s in services if s["id"] == "federal-revenue/get-tax-number")
    assert tax["title"] == "Get a federal tax number"
    assert tax["url"] == "services/federal-revenue/get-tax-number/" and tax["inLanguage"] == "en"
    assert tax["fees"] == [] and tax["keywords"] == ["EIN", "tax ID"]
    assert tax["part_of"] == [{"journey": "hire-staff", "step": 1, "step_count": 3},
                              {"journey": "open-a-shop", "step": 2, "step_count": 4}]
    assert sorted(tax["required_by"]) == ["federal-revenue/register-as-employer", "riverton-clerk/get-business-license"]
    assert tax["channels"][1] == {"type": "phone", "phone": "1-800-555-0101", "hours": "Monday to Friday, 7 a.m. to 7 p.m."}
    sign = next(s for s in services if s["id"] == "riverton-clerk/get-sign-permit")
    assert sign["fees"] is None
    shop = next(j for j in journeys if j["id"] == "open-a-shop")
    assert shop["url"] == "journeys/open-a-shop/"
    assert shop["steps"][0]["choose"] == "one" and shop["steps"][3]["when"] == "If you will put up a sign"
    assert shop["totals"] == {"currency": "USD", "fees_low": 125.0, "fees_high": 200.5, "recurring": {},
                              "unknown_fees": ["riverton-clerk/get-sign-permit"], "uncounted_fees": [],
                              "max_days": 24, "untimed": ["riverton-clerk/get-sign-permit"]}
    assert shop["questions"] == ["setup", "sign"]
    assert shop["steps"][3]["if"] == {"sign": ["yes"]} and shop["steps"][3]["services_if"] == {}
    assert shop["steps"][0]["if"] is None and shop["steps"][0]["services_if"] == {
        "state-registry/form-company": {"setup": ["company"]},
        "state-registry/register-trade-name": {"setup": ["trade-name"]}}
    questions = json.loads((built / "data/questions.json").read_text())
    assert questions == [
        {"id": "setup", "title": "How will you set up your business?", "inLanguage": "en",
         "text": "How will you set up your business?",
         "hint": "A company keeps the business apart from you. Trading on your own under another name needs a trade "
                 "name.", "type": "one",
         "options": [{"id": "company", "label": "As a company"}, {"id": "trade-name", "label": "On my own, under a "
                                                                                                "trade name"}],
         "journeys": ["open-a-shop"], "source": "questions/setup.yml"},
        {"id": "sign", "title": "Will you put up a sign?", "inLanguage": "en", "text": "Will you put up a sign?",
         "hint": None,
         "type": "yes_no", "options": [{"id": "yes", "label": None}, {"id": "no", "label": None}],
         "journeys": ["open-a-shop"], "source": "questions/sign.yml"}]
    clerk = next(a for a in agencies if a["id"] == "riverton-clerk")
    assert clerk["title"] == "Riverton City Clerk" and clerk["url"] == "agencies/riverton-clerk/"
    assert clerk["services"] == ["riverton-clerk/get-business-license", "riverton-clerk/get-sign-permit"]
    for record in services + journeys + agencies:
        assert (built / record["url"] / "index.html").is_file()


def test_broken_content_builds_nothing_and_keeps_the_old_site(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the old site")
    service = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    service.write_text(service.read_text().replace("type: phone", "type: fax"))
    run = onestop("build", *ENV_TODAY, cwd=root)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "agencies/riverton-clerk/services/get-sign-permit.yml:5:11: error: channels[0].type: expected one of "
        "online, in_person, phone, mail, email; got 'fax' (hint: write one of these words, exactly as written)"]
    assert "nothing was built" in run.stderr and "Traceback" not in run.stderr
    assert (root / "site" / "index.html").read_text() == "the old site"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_strict_build_fails_on_warnings_and_keeps_the_old_site(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "marker").write_text("old")
    service = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    service.write_text(service.read_text().replace("2026-07-01", "2024-07-01"))
    assert onestop("build", "--strict", *ENV_TODAY, cwd=root).returncode == 1
    assert (root / "site" / "marker").read_text() == "old"
    run = onestop("build", *ENV_TODAY, cwd=root)  # without --strict a warning does not stop the build
    assert run.returncode == 0, run.stderr
    assert not (root / "site" / "marker").exists() and (root / "site" / "index.html").is_file()


def test_check_exit_codes_and_output(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    ok = onestop("check", "--strict", *ENV_TODAY, cwd=root)
    assert (ok.returncode, ok.stdout, ok.stderr.strip()) == (0, "", "onestop: content OK")
    orphan = root / "agencies/riverton-clerk/services/extra.yml"
    orphan.write_text((root / "agencies/riverton-clerk/services/get-sign-permit.yml").read_text()
                      .replace("title: Get a sign permit", "title: Get an extra permit"))
    warned = onestop("check", *ENV_TODAY, cwd=root)
    assert warned.returncode == 0 and "1 warning" in warned.stderr
    strict = onestop("check", "--strict", *ENV_TODAY, cwd=root)
    assert strict.returncode == 1
    assert strict.stdout == ("agencies/riverton-clerk/services/extra.yml:1:1: warning: service 'riverton-clerk/extra' "
                             "is not part of any journey (hint: add it to a step in journeys/, so citizens find it "
                             "on their way)\n")


def test_check_outside_a_site_repository(tmp_path):
    run = onestop("check", cwd=tmp_path)
    assert run.returncode == 2 and "is not a site repository" in run.stderr


def test_mkdocs_build_works_through_the_plugin(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root, capture_output=True,
                         text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert (root / "site/services/riverton-clerk/get-sign-permit/index.html").is_file()
    assert (root / "site/data/services.json").is_file()


def test_mkdocs_build_with_broken_content_fails_before_cleaning_the_site(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "marker").write_text("old")
    (root / "journeys/broken.yml").write_text("title: [\n")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True,
                         timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode != 0
    assert "journeys/broken.yml:2:1: error: malformed YAML" in run.stderr
    assert (root / "site" / "marker").read_text() == "old"


def test_schemas_are_published_with_the_site(built):
    for name in ("agency", "service", "journey", "common"):
        published = built / "schemas" / f"{name}.schema.json"
        assert published.read_text() == (REPO / "generator/schemas" / f"{name}.schema.json").read_text()
    # Their relative $refs resolve next to them, as a language server fetching them by URL finds them.
    service = json.loads((built / "schemas/service.schema.json").read_text())
    assert service["properties"]["title"]["$ref"] == "common.schema.json#/$defs/plainText"


def test_every_page_carries_a_content_security_policy_covering_its_inline_scripts(built):
    from generator.csp import inline_scripts, sha256

    pages = [*html_pages(built), built / "404.html"]
    for path in pages:
        text = path.read_text()
        page = BeautifulSoup(text, "html.parser")
        metas = page.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        policy = metas[0]["content"]
        scripts = inline_scripts(text)
        assert scripts, path  # the theme's own, which the policy must allow
        for body in scripts:
            assert sha256(body) in policy, path
        assert text.index("Content-Security-Policy") < text.index("<script"), path


def test_agency_text_reaches_title_meta_and_navigation_as_text(tmp_path):
    """The theme prints titles and descriptions unescaped; the plugin escapes them first."""
    root = copy_site(RIVERTON, tmp_path / "repo")
    permit = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    title, summary = 'Get a "sign" permit & pay < $5', 'Signs over 5 m need it; "small" signs & flags < 1 m do not.'
    text = permit.read_text().replace("title: Get a sign permit", f"title: '{title}'")
    permit.write_text(re.sub(r"^summary: .*$", f"summary: '{summary}'", text, flags=re.MULTILINE))
    run = onestop("build", *ENV_TODAY, cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
    html = (root / "site/services/riverton-clerk/get-sign-permit/index.html").read_text()
    page = BeautifulSoup(html, "html.parser")
    assert page.title.get_text() == f"{title} - Riverton Business Hub"
    assert page.select_one('meta[name="description"]')["content"] == summary
    assert page.h1.get_text(strip=True) == title
    assert len(page.select('meta[name="description"]')) == 1 and len(page.find_all("title")) == 1


def test_onestop_build_checks_the_content_once_and_equals_a_mkdocs_build(tmp_path, monkeypatch):
    """The CLI hands the site it has checked to the plugin (checking 10,000 files twice cost
    seconds); the pages are the same as those of a plain `mkdocs build`, which checks for itself."""
    import generator.build
    import generator.cli
    from generator.cli import main

    root = copy_site(RIVERTON, tmp_path / "repo")
    checks = []
    real_check = generator.cli.check

    def counting_check(*args, **kwargs):
        checks.append(args[0])
        return real_check(*args, **kwargs)

    monkeypatch.setattr(generator.cli, "check", counting_check)
    monkeypatch.setattr(generator.build, "check", counting_check)
    monkeypatch.chdir(root)
    assert main(["build", *ENV_TODAY, "--site-dir", str(tmp_path / "cli-site")]) == 0
    assert checks == [Path(".")]
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "mkdocs-site")],
                         cwd=root, capture_output=True, text=True, timeout=300,
                         env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    cli_pages = {p.relative_to(tmp_path / "cli-site"): p.read_text() for p in (tmp_path / "cli-site").rglob("*.html")}
    mkdocs_pages = {p.relative_to(tmp_path / "mkdocs-site"): p.read_text()
                    for p in (tmp_path / "mkdocs-site").rglob("*.html")}
    assert len(cli_pages) == 18 and cli_pages == mkdocs_pages


def test_a_large_site_builds_an_a_to_z_page_per_letter_and_every_link_resolves(tmp_path):
    """az_letter_pages_from in mkdocs.yml (300 unless set): riverton's 6 services pass 1."""
    root = copy_site(RIVERTON, tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace('today: "2026-11-28"', 'today: "2026-11-28"\n      az_letter_pages_from: 1'))
    run = onestop("build", "--strict", *ENV_TODAY, cwd=root)
    assert run.returncode == 0, run.stderr
    assert "onestop: built 20 pages into site" in run.stderr
    site = root / "site"
    locs = re.findall(r"<loc>https://hub\.riverton\.example\.gov/([^<]*)</loc>", (site / "sitemap.xml").read_text())
    assert {"a-z/f/", "a-z/g/", "a-z/r/"} <= set(locs) and len(locs) == 20
    page = BeautifulSoup((site / "a-z/r/index.html").read_text(), "html.parser")
    assert page.title.string.startswith("Services starting with R")
    assert [a.get_text(" ", strip=True) for a in page.select(".os-card__title")] == [
        "Register a trade name", "Register as an employer"]
    broken, checked = [], 0
    for html in html_pages(site):
        base = html.parent.relative_to(site).as_posix() + "/"
        main = BeautifulSoup(html.read_text(), "html.parser").find("article")  # the page's own content
        for link in main.find_all("a", href=True) if main else []:
            href = link["href"].split("#")[0]
            if not href or re.match(r"^[a-z]+:", href):
                continue
            target = (site / base / href).resolve()
            checked += 1
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{html.relative_to(site)} -> {link['href']}")
    assert broken == [] and checked > 100, broken


@pytest.mark.parametrize("template, addition, message", [
    ("service.html", "{{ nosuchthing.x }}\n", "'nosuchthing' is undefined"),
    ("home.html", "{% if %}\n", "Expected an expression, got 'end of statement block'"),
])
def test_a_broken_template_fails_the_build_naming_its_file_and_line(tmp_path, template, addition, message):
    """A government's theme override is the web team's input: a clear error, not a traceback."""
    root = copy_site(RIVERTON, tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "marker").write_text("old")
    path = root / "overrides" / "onestop" / template
    path.write_text(path.read_text() + addition)
    line = len(path.read_text().splitlines())  # the line added
    run = onestop("build", *ENV_TODAY, cwd=root)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.splitlines()[-1] == (f"onestop: build failed, {Path('site')} left as it was: "
                                           f"{path.relative_to(root)}:{line}: template error: {message}")
    assert (root / "site" / "marker").read_text() == "old"


def test_a_site_build_needs_no_site_engine(tmp_path):
    """SiteBuild is what every engine drives: here the test drives it, with shells of its own."""
    build = SiteBuild(site_options(site_url="https://x.example.gov/", today=TODAY))
    build.start()
    assert sorted(p.url for p in build.index_pages()) == ["", "agencies/", "calendar/", "journeys/", "search/",
                                                                "services/"]
    files = build.files([ContentPage("about/", "# About this site\n\nWho runs it.")])
    assert {"data/services.json", "data/journeys.json", "schemas/service.schema.json", "search/index.json"} <= set(files)
    shells = {kind: Shell(kind, f"<title>{TITLE}</title><link rel=canonical href='/{url}'><main>{BODY}</main>")
              for kind, url in shell_urls().items()}
    assert build.finish(shells, tmp_path, engine_pages=["", "about/"]) == 2 + 11
    page = (tmp_path / "services/riverton-clerk/get-sign-permit/index.html").read_text()
    assert page.startswith("<title>Get a sign permit</title><link rel=canonical href='/services/riverton-clerk/")
    assert "<h1>Get a sign permit</h1>" in page
    sitemap = (tmp_path / "sitemap.xml").read_text()
    assert sitemap.count("<loc>") == 13 and "<loc>https://x.example.gov/about/</loc>" in sitemap


def test_a_site_build_of_broken_content_stops_before_anything_is_written(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    sign = root / "agencies/riverton-clerk/services/get-sign-permit.yml"
    sign.write_text(sign.read_text().replace("type: phone", "type: fax"))
    build = SiteBuild(site_options(root=root, today=TODAY))
    with pytest.raises(ContentProblems, match=r"^content has problems:\nagencies/riverton-clerk/services/"
                                              r"get-sign-permit.yml:\d+:\d+: error: channels\[0\]\.type: expected"):
        build.start()
    with pytest.raises(RuntimeError, match="has not run"):
        build.index_pages()
