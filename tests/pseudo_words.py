"""A pseudo-translation of the whole catalogue, for the tests that show a language is a catalogue.

Every message of `locales/messages.pot` becomes "⟦" + itself + "⟧" (placeholders and markup kept):
rendered through it, a page shows which of its words came from the catalogue, and taking the
brackets out gives the English page again. The catalogue is written where a site keeps a language's
words (`locales/en/LC_MESSAGES/messages.po`: a government rewording its English), and read back with
`generator.i18n.load_words`, as a build does.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from conftest import REPO, RIVERTON, copy_site
from generator.i18n import Words, catalogue_path, load_words

OPEN, CLOSE = "⟦", "⟧"
POT = REPO / "locales" / "messages.pot"
LANGUAGE = "en"

HOOK = '''\
"""Test only: the theme's templates (main.html, 404.html) say the words of the site's own catalogue."""
from pathlib import Path

from generator.i18n import install, load_words


def on_env(env, config, files):
    install(env, load_words(Path(config.config_file_path).parent, "en"))
    return env
'''
"""An MkDocs hook that gives the theme's templates (main.html, 404.html) the site's catalogue: it
runs after the onestop plugin's own on_env, which installs the source language's words."""


def bracketed(message: str) -> str:
    return OPEN + message + CLOSE


def write_pseudo_catalogue(root: Path) -> Path:
    """The pseudo-translation of the committed catalogue template, as `root`'s English catalogue."""
    with POT.open("rb") as handle:
        catalogue = read_po(handle, locale=LANGUAGE)
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(bracketed(form) for form in message.id)
        else:
            message.string = bracketed(message.id)
    catalogue.fuzzy = False
    path = catalogue_path(root, LANGUAGE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue)
    return path


def pseudo_words(root: Path) -> Words:
    write_pseudo_catalogue(root)
    words = load_words(root, LANGUAGE)
    assert words.gettext("What it costs") == bracketed("What it costs"), "the pseudo catalogue was not loaded"
    return words


def unbracketed(html: str) -> str:
    return html.replace(OPEN, "").replace(CLOSE, "")


def outside_brackets(text: str) -> str:
    """`text` without its bracketed parts (nested ones too: a message whose value is another message)."""
    kept, depth = [], 0
    for char in text:
        if char == OPEN:
            depth += 1
            kept.append(" ")
        elif char == CLOSE:
            assert depth > 0, f"a {CLOSE} without its {OPEN}: {text!r}"
            depth -= 1
        elif depth == 0:
            kept.append(char)
    assert depth == 0, f"a {OPEN} without its {CLOSE}: {text!r}"
    return "".join(kept)


SITE_OWNER = "Riverton's web team"
COPYRIGHT = "Riverton City, 2026"


def build_pseudo_riverton(target: Path) -> Path:
    """The Riverton site built with the pseudo catalogue in its theme's templates (and a site owner and
    copyright, so that the footer says all it can); returns its site folder."""
    root = copy_site(RIVERTON, target)
    write_pseudo_catalogue(root)
    (root / "words_hook.py").write_text(HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "extra:\n  generator: false\n" in text
    text = text.replace("extra:\n  generator: false\n", f'extra:\n  generator: false\n  site_owner: "{SITE_OWNER}"\n')
    config.write_text(text + f'copyright: "{COPYRIGHT}"\nhooks:\n  - words_hook.py\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--today", "2026-11-28"],
                         cwd=root, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    return root / "site"


LETTERS = re.compile(r"[^\W\d_]")
"""A letter of any alphabet."""
