"""The step-by-step's script says the catalogue's words (from the page's #os-words data block), and
without them it leaves the steps as they are without JavaScript, never failing."""

from __future__ import annotations

import re

import pytest

from conftest import serve
from pseudo_words import build_pseudo_riverton

JOURNEY = "journeys/open-a-shop/"
BLOCK = re.compile(r'<script type="application/json" id="os-words">[^<]*</script>')


@pytest.fixture(scope="module")
def pseudo_url(tmp_path_factory):
    with serve(build_pseudo_riverton(tmp_path_factory.mktemp("pseudo-browser") / "repo")) as url:
        yield url


def test_the_buttons_and_labels_say_the_catalogues_words(page, pseudo_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(pseudo_url + JOURNEY)
    all_steps = page.locator(".os-steps__all")
    assert all_steps.inner_text() == "⟦Hide all steps⟧"
    states = page.locator(".os-step__toggle-state")
    assert states.count() == 4 and set(states.all_inner_texts()) == {"⟦Hide⟧"}
    assert page.get_by_label("⟦I have done step 3⟧").count() == 1
    all_steps.click()
    assert all_steps.inner_text() == "⟦Show all steps⟧"
    assert set(states.all_inner_texts()) == {"⟦Show⟧"}
    page.locator("#step-2 .os-step__toggle").click()
    assert page.locator("#step-2 .os-step__toggle-state").inner_text() == "⟦Hide⟧"
    assert errors == []


@pytest.mark.parametrize("block", [
    pytest.param("", id="no block"),
    pytest.param('<script type="application/json" id="os-words">{"hideAllSteps": </script>', id="not JSON"),
    pytest.param('<script type="application/json" id="os-words">"Hide"</script>', id="not an object"),
    pytest.param('<script type="application/json" id="os-words">{"hideAllSteps": "Hide all steps"}</script>',
                 id="a word missing"),
])
def test_without_its_words_the_script_leaves_the_steps_open_and_throws_nothing(page, site_url, block):
    def without_words(route):
        response = route.fetch()
        body, replaced = BLOCK.subn(block, response.text())
        assert replaced == 1
        route.fulfill(response=response, body=body)

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/journeys/start-a-business/", without_words)
    page.goto(site_url + "journeys/start-a-business/")
    page.wait_for_load_state("load")
    assert errors == [], block
    assert page.locator(".os-step__toggle, .os-steps__all, .os-step__done").count() == 0, block
    panels = page.locator(".os-step__panel")
    assert panels.count() == 13 and all(panels.nth(i).is_visible() for i in range(panels.count())), block
