"""Slips (validate/slips.py): valid files that would show something other than what their editor
meant. Each is a warning with its place and its fix."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AGENCY, JOURNEY, SERVICE
from generator.schemas import is_free_text

SVC = "agencies/acme/services/get-license.yml"
URL = "    url: https://acme.example.gov/apply\n"


def _warnings(problems: list[str]) -> list[str]:
    return [p for p in problems if ": warning: " in p]


def test_text_after_a_space_and_hash_is_a_dropped_comment(check_files):
    service = SERVICE.replace(URL, URL + "    note: Send form #2530-FM\n").replace(
        "last_reviewed", "fees:\n  - amount: 5\n    description: Copy fee   # per page\nlast_reviewed")
    assert check_files({SVC: service}) == [
        f"{SVC}:7:21: warning: channels[0].note: the text from ' #' on is a YAML comment, so the page leaves out "
        "'#2530-FM' (hint: to keep it, put the whole text in quotes: \"Send form #2530-FM\"; a note for editors "
        "goes on a line of its own)",
        f"{SVC}:10:29: warning: fees[0].description: the text from ' #' on is a YAML comment, so the page leaves "
        "out '# per page' (hint: to keep it, put the whole text in quotes: \"Copy fee # per page\"; a note for "
        "editors goes on a line of its own)",
    ]


def test_a_comment_after_a_word_from_a_list_an_id_or_an_address_is_a_note(check_files):
    agency = AGENCY.replace("jurisdiction: state", "jurisdiction: state          # federal, state, county")
    service = SERVICE.replace("url: https://acme.example.gov/apply", "url: https://acme.example.gov/apply  # form")
    journey = JOURNEY.replace("services: [acme/get-license]", "services:\n      - acme/get-license  # first")
    quoted = SERVICE.replace(URL, URL + '    note: "Send form #2530-FM"  # the form\'s number\n')
    assert check_files({"agencies/acme/agency.yml": agency, SVC: service, "journeys/start-trading.yml": journey}) == []
    assert check_files({SVC: quoted}) == []


def test_markdown_in_plain_text_shows_as_typed(check_files):
    service = SERVICE.replace("Get the license you need to trade.", "Get the **license** you need to trade.") \
        .replace(URL, URL + "    note: See [the form](https://acme.example.gov/form).\n")
    assert check_files({SVC: service}) == [
        f"{SVC}:2:18: warning: summary: '**license**' is Markdown for bold, which this text shows as typed, stars "
        "and all (hint: write the words alone; Markdown works in description, eligibility and documents)",
        f"{SVC}:7:15: warning: channels[0].note: '[the form](https://acme.example.gov/form)' is a Markdown link, "
        "which this text shows as typed, brackets and all (hint: write the words alone; Markdown works in "
        "description, eligibility and documents)",
    ]
    journey = JOURNEY.replace("title: Get your license", "title: Get your __license__")
    assert check_files({"journeys/start-trading.yml": journey}) == [
        "journeys/start-trading.yml:5:21: warning: steps[0].title: '__license__' is Markdown for bold, which this text "
        "shows as typed, stars and all (hint: write the words alone; Markdown works in description and "
        "steps.description)"]


def test_markdown_where_markdown_works_and_stars_that_are_not_bold_are_fine(check_files):
    service = SERVICE.replace("last_reviewed", "description: Get the **license** first.\n"
                              "documents:\n  - '[The form](https://acme.example.gov/form)'\nlast_reviewed") \
        .replace("Get the license you need to trade.", "Get the license you need* to trade (*some shops).")
    assert check_files({SVC: service}) == []


def test_two_services_with_one_title_are_probably_a_copy(check_files):
    copy = "agencies/acme/services/get-license-copy.yml"
    journey = JOURNEY.replace("[acme/get-license]", "[acme/get-license, acme/get-license-copy]")
    problems = check_files({copy: SERVICE.replace("Get a license", "get a  license."),
                            "journeys/start-trading.yml": journey})
    hint = ("(hint: is one file a copy of the other? Give each service its own title (a citizen cannot tell two "
            "pages with one title apart), or delete the copy)")
    assert problems == [
        f"agencies/acme/services/get-license-copy.yml:1:8: warning: title: another service has the same title: "
        f"{SVC} {hint}",
        f"{SVC}:1:8: warning: title: another service has the same title: {copy} {hint}",
    ]


def test_free_text_comes_from_the_schema():
    assert is_free_text("service", ("channels", "*", "note")) and is_free_text("agency", ("contact", "address"))
    assert is_free_text("journey", ("steps", "*", "when")) and is_free_text("service", ("keywords", "*"))
    for kind, path in [("agency", ("jurisdiction",)), ("service", ("channels", "*", "url")),
                       ("service", ("last_reviewed",)), ("service", ("requires", "*")), ("agency", ("owners", "*")),
                       ("service", ("fees", "*", "per")), ("journey", ("steps", "*", "choose")),
                       ("service", ("no_such_key",))]:
        assert not is_free_text(kind, path), (kind, path)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_[]()\n:/")), max_size=30))
def test_the_cheap_test_for_markdown_in_plain_text_misses_nothing(text):
    """markdown_in_plain_text skips a text without '**', '__' or '](' before it runs its patterns:
    no text it skips matches one."""
    from generator.validate.slips import _MARKDOWN

    if "**" not in text and "__" not in text and "](" not in text:
        assert not any(pattern.search(text) for pattern, _, _ in _MARKDOWN)
