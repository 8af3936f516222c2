"""Every word a citizen reads comes from the message catalogue, so that a new language, or a
government's own wording, is a catalogue and never an edit of templates or Python.

- The committed catalogue template (`locales/messages.pot`) is what `make messages` extracts now.
- No template says a word outside gettext: neither in its text, nor in an attribute a citizen
  reads or hears (`aria-label`, `title`, `alt`, `placeholder`, `label`, `content` of <meta>,
  `value` of <input>), nor as a string in an expression (`"step" if n == 1 else "steps"`). What
  the check lets through, and why: tags and the other attributes (class, id, href: names for
  machines); character references (`&ldquo;` is a quotation mark); HTML and Jinja comments
  (never shown); punctuation and numbers; template names, strings compared with or looked up by,
  and paths given to `url`; and, where a string is not printed where it stands (a macro's
  argument, a loop's list, a set value), one that looks like a name for machines (lower case,
  one word: "os-search-q", "page"). No word is on the list.
- A pseudo-translation of the whole catalogue (every message in brackets) reaches every word of
  every page: what is left outside the brackets is the page's own data.
"""

from __future__ import annotations

import difflib
import html
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup, Comment
from jinja2 import nodes
from markupsafe import Markup

from conftest import REPO, site_options
from generator.render import Renderer
from pseudo_words import (
    COPYRIGHT,
    LETTERS,
    POT,
    SITE_OWNER,
    bracketed,
    build_pseudo_riverton,
    outside_brackets,
    pseudo_words,
    unbracketed,
)

OVERRIDES = REPO / "overrides"

# -- the committed catalogue is up to date


def _without_creation_date(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:')]


def test_the_committed_catalogue_is_what_make_messages_extracts(tmp_path):
    fresh = tmp_path / "messages.pot"
    run = subprocess.run([str(REPO / "scripts" / "extract-messages"), str(fresh)], cwd=REPO,
                         capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHON": sys.executable})
    assert run.returncode == 0, run.stdout + run.stderr
    committed = _without_creation_date(POT.read_text(encoding="utf-8"))
    extracted = _without_creation_date(fresh.read_text(encoding="utf-8"))
    diff = "\n".join(list(difflib.unified_diff(committed, extracted, "locales/messages.pot (committed)",
                                               "extracted now", lineterm=""))[:40])
    assert committed == extracted, (
        f"locales/messages.pot is out of date: run `make messages` and commit locales/messages.pot\n{diff}")


def test_the_catalogue_marks_placeholders_and_plurals_and_has_no_line_numbers():
    text = POT.read_text(encoding="utf-8")
    assert '#: overrides/partials/onestop/totals.html\nmsgid "What it costs and how long it takes"' in text
    assert '#, python-format\nmsgid "Step %(num)s of %(count)s: %(title)s"' in text
    assert 'msgid "%(num)s step"\nmsgid_plural "%(num)s steps"' in text
    assert not re.search(r"^#: .*:\d", text, re.M), "locations carry no line numbers (make messages: --add-location=file)"


PYTHON_WORDS = '''\
from generator.i18n import N_

LABELS = {"online": N_("Online")}


def heading(words, letter, count):
    return [words.gettext("Services starting with %(letter)s", letter=letter),
            words.ngettext("%(num)s day", "%(num)s days", count), words.gettext(LABELS["online"])]
'''


def test_make_messages_takes_the_words_python_marks_and_says(tmp_path):
    """N_() where a word is defined, Words.gettext and Words.ngettext where it is said (generator/i18n.py)."""
    for name in ("babel.cfg", "scripts/extract-messages"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
        (tmp_path / name).chmod((REPO / name).stat().st_mode)
    (tmp_path / "generator").mkdir()
    (tmp_path / "generator" / "labels.py").write_text(PYTHON_WORDS, encoding="utf-8")
    run = subprocess.run([str(tmp_path / "scripts" / "extract-messages")], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PYTHON": sys.executable})
    assert run.returncode == 0, run.stdout + run.stderr
    text = (tmp_path / "locales" / "messages.pot").read_text(encoding="utf-8")
    assert '#: generator/labels.py\nmsgid "Online"' in text
    assert '#, python-format\nmsgid "Services starting with %(letter)s"' in text
    assert 'msgid "%(num)s day"\nmsgid_plural "%(num)s days"' in text
    assert text.count("msgid ") == 4  # the header and the three words: LABELS["online"] is no word


# -- no template says a word outside gettext

GETTEXT = {"_", "gettext", "ngettext", "pgettext", "npgettext", "plural_forms"}
"""The functions whose first arguments are messages (their keyword values are values put into them)."""

SPOKEN_ATTRIBUTES = {"aria-label", "aria-description", "aria-roledescription", "aria-placeholder", "aria-valuetext",
                     "title", "alt", "placeholder", "label"}
"""Attributes whose value a citizen reads or hears. Also `content` of <meta> and `value` of <input>."""

OUTPUT_FILTERS = {"join", "default", "d", "replace", "format", "center", "indent", "truncate", "wordwrap"}
"""Filters whose arguments can end up on the page (a join's separator, a default value)."""

ADDRESS_FILTERS = {"url"}
"""Filters that make an address of a path ('services/' | url): what they are given is never words."""

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
"""Character references are markup (&ldquo; is a quotation mark), not words."""

def looks_like_words(text: str) -> bool:
    """A string that is words rather than a name for machines (a class, an id, a type, a path): it has
    a capital letter, or several words of letters only. "Search this site" and "next step" are words;
    "os-search-q", "page", "md-nav__item md-nav__item--active" are not."""
    text = PLACEHOLDER.sub("", text)
    if not LETTERS.search(text):
        return False
    tokens = text.split()
    return any(c.isupper() for c in text) or (len(tokens) > 1 and any(t.isalpha() for t in tokens))


class _Markup:
    """Follows a template's text as HTML: whether the next expression lands in text, in an attribute
    a citizen reads, or elsewhere in a tag; and which letters the template's own text holds there."""

    def __init__(self) -> None:
        self.state = "text"  # text, tag, name (attribute name), before-value, value, comment
        self.tag = ""
        self.attribute = ""
        self.quote = ""

    def where(self) -> str:
        """'text', 'spoken' (an attribute a citizen reads) or 'markup' (anything else in a tag)."""
        if self.state == "text":
            return "text"
        if self.state == "value" and self._spoken():
            return "spoken"
        return "markup"

    def _spoken(self) -> bool:
        return (self.attribute in SPOKEN_ATTRIBUTES or (self.tag == "meta" and self.attribute == "content")
                or (self.tag == "input" and self.attribute == "value"))

    def feed(self, data: str) -> Iterator[tuple[int, str]]:
        """Reads `data`; yields (offset, character) for each character a citizen gets as words."""
        i = 0
        while i < len(data):
            char = data[i]
            if self.state == "text":
                if data.startswith("<!--", i):
                    self.state, i = "comment", i + 4
                    continue
                if char == "<" and i + 1 < len(data) and (data[i + 1].isalpha() or data[i + 1] in "/!"):
                    match = re.match(r"</?!?([A-Za-z][\w-]*)?", data[i:])
                    self.tag = (match.group(1) or "").lower() if match else ""
                    self.state, i = "tag", i + (match.end() if match else 1)
                    continue
                yield i, char
            elif self.state == "comment":
                if data.startswith("-->", i):
                    self.state, i = "text", i + 3
                    continue
            elif self.state in ("tag", "name"):
                if char == ">":
                    self.state = "text"
                elif char == "=":
                    self.state = "before-value"
                elif char.isspace() or char == "/":
                    self.state = "tag"
                else:
                    if self.state == "tag":
                        self.attribute = ""
                    self.state = "name"
                    self.attribute += char.lower()
            elif self.state == "before-value":
                if char in "\"'":
                    self.state, self.quote = "value", char
                elif not char.isspace():
                    self.state, self.quote = "value", ""
                    continue  # an unquoted value: read this character as part of it
            elif self.state == "value":
                if (self.quote and char == self.quote) or (not self.quote and (char.isspace() or char == ">")):
                    self.state = "tag"
                    if not self.quote:
                        continue
                elif self._spoken():
                    yield i, char
            i += 1


@dataclass(frozen=True)
class Found:
    line: int
    what: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.what}"


class _WordsOutsideGettext:
    """Walks a template's syntax tree in the order of its source."""

    def __init__(self) -> None:
        self.markup = _Markup()
        self.found: list[Found] = []

    def walk(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    self._text(child)
                else:
                    where = self.markup.where()
                    if where != "markup":  # an attribute such as href or class holds no words
                        self._strings(child, direct=True, where=where)
            return
        if isinstance(node, (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            return  # template names
        if isinstance(node, nodes.Expr):  # a statement's expression: a loop's list, a set value, a macro's defaults
            self._strings(node, direct=False, where="statement")
            return
        for child in node.iter_child_nodes():
            self.walk(child)

    def _text(self, data: nodes.TemplateData) -> None:
        text = ENTITY.sub(lambda m: " " * len(m.group()), data.data)
        runs: list[list[tuple[int, str]]] = []  # what a citizen gets, in runs of adjacent characters
        last = -2
        for offset, char in self.markup.feed(text):
            if offset != last + 1:
                runs.append([])
            runs[-1].append((offset, char))
            last = offset
        for run in runs:
            words = "".join(c for _, c in run)
            if LETTERS.search(words):
                first = next(o for o, c in run if LETTERS.match(c))
                line = data.lineno + data.data.count("\n", 0, first)
                self.found.append(Found(line, f"words outside gettext: {' '.join(words.split())!r}"))

    def _strings(self, node: nodes.Node, *, direct: bool, where: str) -> None:
        """Strings in `node` that can reach the page. `direct`: printed where they stand, in text or an
        attribute a citizen reads, so any letter is a word; else (a macro's argument, a loop's list, a
        set value) only a string that looks like words is one."""
        if isinstance(node, nodes.Const):
            if isinstance(node.value, str):
                value = PLACEHOLDER.sub("", node.value)
                if (LETTERS.search(value) if direct else looks_like_words(value)):
                    self.found.append(Found(node.lineno, f"a string outside gettext ({where}): {node.value!r}"))
            return
        if isinstance(node, nodes.Call):
            if isinstance(node.node, nodes.Name) and node.node.name in GETTEXT:
                for keyword in node.kwargs:  # values put into the message
                    self._strings(keyword.value, direct=direct, where=where)
                return
            self._strings(node.node, direct=False, where=where)
            for argument in [*node.args, *(k.value for k in node.kwargs)]:
                self._strings(argument, direct=False, where=f"argument of {_name(node.node)}")
            return
        if isinstance(node, (nodes.Filter, nodes.Test)):
            if isinstance(node, nodes.Filter) and node.name in ADDRESS_FILTERS:
                return
            if node.node is not None:
                self._strings(node.node, direct=direct, where=where)
            if isinstance(node, nodes.Filter) and node.name in OUTPUT_FILTERS:
                for argument in [*node.args, *(k.value for k in node.kwargs)]:
                    self._strings(argument, direct=direct, where=where)
            return
        if isinstance(node, nodes.CondExpr):
            for branch in (node.expr1, node.expr2):
                if branch is not None:
                    self._strings(branch, direct=direct, where=where)
            return
        if isinstance(node, nodes.Dict):
            for pair in node.items:
                self._strings(pair.value, direct=direct, where=where)
            return
        if isinstance(node, (nodes.Compare, nodes.Getattr, nodes.Getitem, nodes.Slice)):
            return  # compared with, or looked up by: never printed
        for child in node.iter_child_nodes():  # lists, tuples, concatenation, and/or, arithmetic
            self._strings(child, direct=direct, where=where)


def _name(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_name(node.node)}.{node.attr}"
    return type(node).__name__


_ENV = jinja2.Environment(extensions=["jinja2.ext.i18n"])


def words_outside_gettext(source: str) -> list[Found]:
    """Every place in a template where a citizen would get a word that is not from the catalogue."""
    finder = _WordsOutsideGettext()
    finder.walk(_ENV.parse(source))
    return finder.found


TEMPLATES = sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html"))


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_template_says_a_word_outside_gettext(template):
    found = words_outside_gettext((OVERRIDES / template).read_text(encoding="utf-8"))
    assert not found, (f"overrides/{template} says words a translation cannot reach; put each through "
                       "_() or ngettext() and run `make messages`:\n" + "\n".join(map(str, found)))


@pytest.mark.parametrize(("source", "expected"), [
    ("<h2>What it costs</h2>", "words outside gettext: 'What it costs'"),
    ("<p>Call <a href='tel:{{ tel }}'>{{ phone }}</a> today</p>", "words outside gettext: 'Call'"),
    ('<nav aria-label="Breadcrumb">', "words outside gettext: 'Breadcrumb'"),
    ('<img alt="Logo" src="x.png">', "words outside gettext: 'Logo'"),
    ("<meta name=description content='A site'>", "words outside gettext: 'A site'"),
    ('<a aria-label="Services starting with {{ letter }}">', "words outside gettext: 'Services starting with'"),
    ("<p>{{ count }} steps</p>", "words outside gettext: 'steps'"),
    ('{{ n }} {{ "agency" if n == 1 else "agencies" }}', "a string outside gettext (text): 'agency'"),
    ('{{ n }} service{{ "" if n == 1 else "s" }}', "words outside gettext: 'service'"),
    ('{{ "" if n == 1 else "s" }}', "a string outside gettext (text): 's'"),
    ('<p title="{{ name or "Unknown" }}">', "a string outside gettext (spoken): 'Unknown'"),
    ('{{ search_form("./", "os-q", "Search this site") }}', "a string outside gettext (argument of search_form): 'Search this site'"),
    ('{% for label, x in [("Previous step", a)] %}{{ label }}{% endfor %}', "a string outside gettext (statement): 'Previous step'"),
    ('{{ _("Run by %(owner)s.", owner="the team") }}', "a string outside gettext (text): 'the team'"),
    ("{% if x %}<p>\n  Hello</p>{% endif %}", "words outside gettext: 'Hello'"),
])
def test_the_check_finds_words_outside_gettext(source, expected):
    assert [f.what for f in words_outside_gettext(source)][:1] == [expected]


def test_the_check_names_the_line():
    assert [f.line for f in words_outside_gettext("<p>\n{{ x }}\n</p>\n<p>\n  Words</p>")] == [5]


@pytest.mark.parametrize("source", [
    '<h2 id="fees" class="os-section os-section--x">{{ _("What it costs") }}</h2>',
    '<nav aria-label="{{ _("Services starting with %(letter)s", letter=item.letter) }}">',
    "{{ ngettext('%(num)s step', '%(num)s steps', n) }}",
    "<p>&ldquo;{{ x }}&rdquo; &#8212; {{ y }} &amp; ({{ z }}):</p>",
    '{% from "partials/onestop/x.html" import y %}{% include "partials/z.html" %}',
    '<a href="{{ \'services/\' | url }}" aria-current="page" rel="next">{{ item.text }}</a>',
    '{{ items|selectattr("type", "equalto", "online")|map("capitalize")|join(", ") }}',
    '{% if c.type == "mail" %}{{ _("Write to:") }}{% endif %}',
    '{% set class = "md-nav__item md-nav__item--active" if a %}<li class="{{ class }}">',
    '{{ search_form("./", "os-search-q", _("Search"), modifier="page") }}',
    '<script type="application/json" id="os-words">{{ {"stepDone": _("I have done step %(num)s", num="%(num)s")}|tojson }}</script>',
    "<!-- a note for the web team, not for citizens -->",
    "{# a Jinja comment #}{% trans %}Hello {{ name }}{% endtrans %}",
])
def test_the_check_lets_markup_names_and_gettext_through(source):
    assert words_outside_gettext(source) == []


# -- a pseudo-translation reaches every word of every page


def _renderer(contexts: list[dict], *, pseudo_root: Path | None, letter_pages: bool) -> Renderer:
    """A page renderer that keeps, in `contexts`, what each page template was rendered with: the page's data."""

    class Capturing(jinja2.Template):
        def render(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            contexts.append(dict(*args, **kwargs))
            return super().render(*args, **kwargs)

    options = site_options(site_url="https://hub.example.gov/",
                           **({"az_letter_pages_from": 1, "az_page_size": 2} if letter_pages else {}))
    renderer = Renderer(options, pseudo_words(pseudo_root) if pseudo_root is not None else None)
    renderer.env.template_class = Capturing
    return renderer


@dataclass(frozen=True)
class Rendered:
    name: str
    kind: str
    english: str
    pseudo: str
    data: dict


@pytest.fixture(scope="module")
def rendered(riverton, tmp_path_factory) -> list[Rendered]:
    """Every Riverton page in English and in the pseudo-translation; a second time as a large site's
    A to Z is, a page per letter with two services a page, for the letter pages' words."""
    root = tmp_path_factory.mktemp("pseudo")
    pages = []
    for letter_pages in (False, True):
        english = list(_renderer([], pseudo_root=None, letter_pages=letter_pages).pages(riverton.site))
        contexts: list[dict] = []
        pseudo = [(page, contexts[-1])
                  for page in _renderer(contexts, pseudo_root=root, letter_pages=letter_pages).pages(riverton.site)]
        assert [p.url for p in english] == [p.url for p, _ in pseudo]
        for en, (page, data) in zip(english, pseudo, strict=True):
            if letter_pages and page.kind not in ("az", "az-letter"):
                continue
            name = ("letter pages: " if letter_pages else "") + (page.url or "home")
            pages.append(Rendered(name, page.kind, en.html, page.html, {**data, "site_name": "Riverton Business Hub"}))
    assert {p.kind for p in pages} == set(KINDS)
    return pages


KINDS = ["home", "journeys", "journey", "agencies", "agency", "az", "az-letter", "service", "search", "calendar"]


def test_taking_the_brackets_out_gives_the_english_pages(rendered):
    """The catalogue decides every word it holds, and only those: values go into messages escaped once,
    placeholders survive, nothing else on the page changes."""
    for page in rendered:
        assert unbracketed(page.pseudo) == page.english, page.name


def _data_strings(value: object, seen: set[int]) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    if is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _data_strings(getattr(value, f.name), seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _data_strings(item, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _data_strings(item, seen)


def _leftover_words(page: Rendered) -> list[str]:
    """What a citizen gets from the pseudo page outside the brackets and outside the page's data."""
    strings = set(_data_strings(page.data, set()))
    markup = sorted((s for s in strings if isinstance(s, Markup) and s.strip()), key=len, reverse=True)
    text = {v for s in strings if not isinstance(s, Markup) for v in (s, s.lower(), s.capitalize()) if v.strip()}
    rest = page.pseudo
    for fragment in markup:  # Markdown rendered by the view, JSON-LD (whose words may be the catalogue's)
        rest = rest.replace(fragment, " ")
    rest = outside_brackets(rest)
    soup = BeautifulSoup(rest, "html.parser")
    said = [s for s in soup.find_all(string=True) if not isinstance(s, Comment)]
    for tag in soup.find_all(True):
        said += [v for k, v in tag.attrs.items() if k in SPOKEN_ATTRIBUTES and isinstance(v, str)]
    values = re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in sorted(text, key=len, reverse=True)))
    left = (" ".join(values.sub(" ", html.unescape(s)).split()) for s in said)
    return [s for s in left if LETTERS.search(s)]


@pytest.mark.parametrize("kind", KINDS)
def test_every_word_a_page_says_is_the_catalogues_or_its_data(rendered, kind):
    pages = [p for p in rendered if p.kind == kind]
    assert pages
    for page in pages:
        assert _leftover_words(page) == [], f"{page.name}: words that are neither the catalogue's nor the page's data"


def test_the_leftover_check_sees_a_word_the_catalogue_does_not_have(rendered):
    page = next(p for p in rendered if p.kind == "journey")
    broken = Rendered(page.name, page.kind, page.english, page.pseudo.replace(bracketed("Time"), "Time", 1), page.data)
    assert broken.pseudo != page.pseudo
    assert _leftover_words(broken) == ["Time"]


def test_a_catalogue_changes_the_words_of_sentences_plurals_and_labels(rendered):
    pages = {p.name: p for p in rendered}
    journey = BeautifulSoup(pages["journeys/open-a-shop/"].pseudo, "html.parser")
    assert journey.select_one(".os-journey__facts > p").get_text() == "⟦⟦4 steps⟧, 3 agencies⟧"
    assert journey.select_one(".os-journey__agencies summary").get_text() == "⟦Which agencies⟧"
    step = journey.select_one("#step-4")
    assert step.select_one(".os-step__number").get_text() == "⟦Step 4:⟧"
    assert "⟦Only if it applies to you:⟧ ⟦If you will put up a sign. You can skip this step otherwise.⟧" in step.get_text()
    assert journey.select_one(".os-breadcrumbs")["aria-label"] == "⟦Breadcrumb⟧"
    assert journey.select_one("#os-totals-title").get_text() == "⟦What it costs and how long it takes⟧"
    service = BeautifulSoup(pages["services/riverton-clerk/get-business-license/"].pseudo, "html.parser")
    assert service.select_one("#fees").get_text() == "⟦What it costs⟧"
    assert "What it costs" not in outside_brackets(pages["services/riverton-clerk/get-business-license/"].pseudo)
    assert [th.get_text() for th in service.select(".os-fees th")][:2] == ["⟦What it is for⟧", "⟦Amount⟧"]


# -- the theme's pages and the script's words, through a whole build


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory) -> Path:
    return build_pseudo_riverton(tmp_path_factory.mktemp("pseudo-site") / "repo")


def _chrome_leftovers(node, allowed: set[str]) -> list[str]:
    """What `node` says outside the brackets, besides the `allowed` words (the site's settings)."""
    rest = BeautifulSoup(outside_brackets(str(node)), "html.parser")
    said = [str(s) for s in rest.find_all(string=True)]
    said += [v for tag in rest.find_all(True) for k, v in tag.attrs.items() if k in SPOKEN_ATTRIBUTES]
    left = []
    for text in said:
        for value in allowed:
            text = text.replace(value, " ")
        if LETTERS.search(text):
            left.append(" ".join(text.split()))
    return left


def test_the_theme_pages_say_the_catalogues_words(pseudo_site):
    config_words = {"Riverton Business Hub", COPYRIGHT, SITE_OWNER}
    for page in ("index.html", "journeys/open-a-shop/index.html", "services/riverton-clerk/get-sign-permit/index.html",
                 "404.html"):
        soup = BeautifulSoup((pseudo_site / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("a.os-skip").get_text() == "⟦Skip to main content⟧", page
        footer = soup.select_one("footer.os-footer")
        assert footer.select_one(".os-footer__owner").get_text() == f"⟦Run by {SITE_OWNER}.⟧", page
        assert _chrome_leftovers(footer, config_words) == [], page
    not_found = BeautifulSoup((pseudo_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    main = not_found.select_one("#main-content")
    assert main.h1.get_text() == "⟦Page not found⟧"
    assert _chrome_leftovers(main, set()) == []
    assert [a["href"] for a in main.select("a")] == ["/.", "/services/"]


def test_the_script_gets_every_word_it_says_from_the_catalogue(pseudo_site):
    script = (REPO / "content" / "assets" / "onestop.js").read_text(encoding="utf-8")
    # Each part of the script names the words it reads: var WORDS = [...] (the steps), var MENU_WORDS = [...].
    needed = [word for found in re.findall(r"var (?:[A-Z]+_)?WORDS = (\[.*?\]);", script)
              for word in json.loads(found.replace("'", '"'))]
    assert "stepDone" in needed and "menu" in needed
    soup = BeautifulSoup((pseudo_site / "journeys/open-a-shop/index.html").read_text(encoding="utf-8"), "html.parser")
    block = soup.select_one('script#os-words[type="application/json"]')
    assert block.find_parent("article") is None, "the words are page chrome, outside the article"
    words = json.loads(block.string)
    assert sorted(words) == sorted(needed), "the data block gives onestop.js exactly the words it reads"
    assert all(value.startswith("⟦") and value.endswith("⟧") for value in words.values()), words
    assert words["stepDone"] == "⟦I have done step %(num)s⟧"


def test_the_guides_scripts_get_every_word_they_say_from_the_catalogue(pseudo_site):
    """guide.js and guide-plan.js say only the words of the guide's data block, and every one of those
    is the catalogue's (bracketed in the pseudo-translation), plural forms included."""
    said = set()
    for name in ("guide.js", "guide-plan.js"):
        script = (REPO / "content" / "assets" / name).read_text(encoding="utf-8")
        said |= set(re.findall(r"\bwords\.(\w+)", script)) | set(re.findall(r'words\["plan" \+ key\]', script) and
                                                                ["planTotal", "planTotalVary", "planAtLeast",
                                                                 "planAtLeastVary"])
    soup = BeautifulSoup((pseudo_site / "journeys/open-a-shop/index.html").read_text(encoding="utf-8"), "html.parser")
    words = json.loads(soup.select_one('script#os-guide-data[type="application/json"]').string)["words"]
    assert said - {"range", "days", "stepDone"} <= set(words), sorted(said - set(words))
    flat = [v for value in words.values() for v in (value.values() if isinstance(value, dict) else [value])]
    assert all(v.startswith("⟦") and v.endswith("⟧") for v in flat), flat
    assert words["planTotal"] == "⟦%(fees)s for your plan.⟧"
    assert words["skippedSteps"] == {"one": "⟦Step that does not apply to you (%(num)s)⟧",
                                     "other": "⟦Steps that do not apply to you (%(num)s)⟧"}
    questions = soup.select(".os-guide legend")
    assert [q.get_text() for q in questions] == ["How will you set up your business?", "Will you put up a sign?"]
    assert soup.select_one('label[for="os-q-sign-yes"]').get_text() == "⟦Yes⟧"  # a yes/no question's words
