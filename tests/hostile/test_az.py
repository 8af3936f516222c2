"""Every title has one A to Z letter and every letter one address (D10: titles starting with 'ŉ',
'ǰ', 'ΐ', whose capitals are several characters, crashed the A to Z's letter pages)."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import RIVERTON, copy_site
from generator.urls import az_letter_url, letter_slug
from generator.views.az import az_letter, az_letters


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1, max_size=3))
def test_every_title_has_one_letter_with_one_address(title):
    letter = az_letter(title)
    assert letter == "0-9" or len(letter) == 1
    assert re.fullmatch(r"a-z/[a-z0-9u-]+/", az_letter_url(letter))
    assert az_letters([title]) == [letter]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=2), min_size=2, max_size=2))
def test_two_letters_never_share_an_address(titles):
    # The letters are the A to Z's own (az_letter), never two cases of one letter.
    first, second = (az_letter(t) for t in titles)
    assume(first != second)
    assert letter_slug(first) != letter_slug(second)


def test_letters_whose_capital_is_several_characters():
    assert [az_letter(t) for t in ("ŉame", "ǰob", "ΐon", "ßtraße", "ﬁle", "éte", "apply", "7 days")] == [
        "N", "J", "Ι", "S", "F", "E", "A", "0-9"]


def test_a_letter_s_accents_do_not_make_another_letter_but_an_alphabet_s_own_letters_do():
    """A Spanish A to Z lists "Área" and "Éxito" under A and E, and "Ñandú" under Ñ, after N."""
    assert [az_letter(t) for t in ("Área", "área", "Éxito", "Ñandú", "ñame", "Über", "Øre")] == [
        "A", "A", "E", "Ñ", "Ñ", "U", "Ø"]
    assert az_letters(["Zona", "Ñandú", "Área", "Nada", "Oso"]) == ["A", "N", "Ñ", "O", "Z"]


def test_a_site_with_such_titles_builds_its_letter_pages(tmp_path):
    root = copy_site(RIVERTON, tmp_path / "repo")
    titles = {"get-sign-permit": "ŉame a sign", "register-trade-name": "ǰoin the register", "form-company": "ΐdea form"}
    for path in root.glob("agencies/*/services/*.yml"):
        if path.stem in titles:
            path.write_text(re.sub(r"^title: .*$", f"title: {titles[path.stem]}", path.read_text(), flags=re.M))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace('today: "2026-11-28"', 'today: "2026-11-28"\n      az_letter_pages_from: 1'))
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--today", "2026-11-28"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    for letter in ("N", "J", "Ι"):
        page = root / "site" / az_letter_url(letter) / "index.html"
        assert page.is_file(), letter
    assert "ŉame a sign" in (root / "site" / az_letter_url("N") / "index.html").read_text()
