"""The text rules' fast paths (validate/text.py, links.py) held equal to the plain ones, on generated
files and addresses full of what the rules look for: invisible and direction characters, markup,
entities, Markdown links, user names before hosts and punycode."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import yamlfile
from generator.load import SourceFile
from generator.validate import links
from generator.validate.checker import Checker
from generator.validate.text import _MD_IMAGE, _MD_LINK, _MD_REF_DEF, _MD_TEXT_LINK, check_text, text_fields
from generator.yamlfile import Positions

# Pieces each rule reacts to, and the ordinary text around them.
HOSTILE = ["\u202e", "\u200b", "\ufeff", "\u00ad", "\u2028", "\x1b", "\ue000", "\t", "\n", "\r", "é", "日", "а",
           "<", "<b>", "&", "&lt;script", "&amp;", "**", "__", "](", "]:", "[", "]", "(", ")", "!", "@", "xn--",
           "https://", "mailto:", "tel:", "#", " ", ".", "/", ":"]
WORDS = ["Apply", "a", "license", "acme", "example", "gov", "www", "irs", "x", "1"]
TEXT = st.lists(st.sampled_from(HOSTILE + WORDS) | st.characters(), max_size=20).map("".join)
URL = st.lists(st.sampled_from(HOSTILE + WORDS + ["https://acme.example.gov/", "xn--80ak6aa92e.com", "user:pw@"]),
               max_size=10).map(lambda parts: "https://" + "".join(parts))


@st.composite
def services(draw: Any) -> dict[str, Any]:
    """A service's data, schema or not, with generated text in each kind of field."""
    data: dict[str, Any] = {"title": draw(TEXT), "summary": draw(TEXT), "description": draw(TEXT),
                            "documents": draw(st.lists(TEXT, max_size=3)), "keywords": draw(st.lists(TEXT, max_size=3))}
    data["channels"] = [{"type": "online", "url": draw(URL), "note": draw(TEXT)} for _ in range(draw(st.integers(0, 2)))]
    if draw(st.booleans()):
        data["legal_basis"] = [{"title": draw(TEXT), "url": draw(URL)}]
    if draw(st.booleans()):
        data["fees"] = [{"amount": 5, "description": draw(TEXT)}]
    return data


def _problems(data: dict[str, Any], screen: bool) -> list[tuple[int, int, str, str | None]]:
    source = SourceFile("agencies/acme/services/s.yml", "service", "s", "acme", data,
                        Positions(values={(): (1, 1)}, text="title: x\n"))
    check = Checker(source.path, source.positions, [])
    check_text(source, check, screen=screen)
    return [(p.line, p.col, p.message, p.hint) for p in check.problems]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(services())
def test_the_screened_text_rules_find_what_the_rules_value_by_value_find(data):
    assert _problems(data, screen=True) == _problems(data, screen=False)


def test_the_screens_let_every_kind_of_problem_through():
    """The property above over files that have each problem (not only files that have none)."""
    data = {"title": "Get \u202ea license", "summary": "Fill in <b>this</b>", "description": "Read [x](http://a.b)",
            "keywords": ["&lt;script"], "channels": [{"type": "online", "url": "https://a@b.example/"}]}
    found = _problems(data, screen=True)
    assert [message.split(":")[0] for _, _, message, _ in found] == [
        "description", "channels[0].url", "title", "summary", "keywords[0]"]
    assert found == _problems(data, screen=False)


@settings(max_examples=500, deadline=None)
@given(URL | TEXT)
def test_an_address_plainly_of_one_host_is_one_the_whole_rule_passes(url):
    check = Checker("a.yml", Positions(values={(): (1, 1)}), [])
    with mock.patch.object(links, "plainly_one_host", lambda _: False):
        links.check_https(check, ("website",), url)
    if links.plainly_one_host(url):
        assert check.problems == []


def test_the_whole_rule_still_runs_on_addresses_not_plainly_of_one_host():
    check = Checker("a.yml", Positions(values={(): (1, 1)}), [])
    links.check_https(check, ("website",), "https://www.irs.gov@evil.example/")
    links.check_https(check, ("website",), "https://аpple.com/")
    assert [p.severity.value for p in check.problems] == ["error", "warning"]


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_no_link_pattern_matches_text_without_its_brackets(value):
    """check_markdown searches for links only in text with '](' (inline links and images) or ']:'
    (reference definitions)."""
    if "](" not in value:
        assert _MD_LINK.findall(value) == _MD_IMAGE.findall(value) == _MD_TEXT_LINK.findall(value) == []
    if "]:" not in value:
        assert _MD_REF_DEF.findall(value) == []


def _leaves(value: Any, path: tuple = ()) -> list[tuple[tuple, str]]:
    if isinstance(value, str):
        return [(path, value)]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [leaf for key, item in items for leaf in _leaves(item, (*path, key))]


@settings(max_examples=200, deadline=None)
@given(services())
def test_every_text_value_is_in_exactly_one_kind_of_field(data):
    source = SourceFile("s.yml", "service", "s", "acme", data, Positions())
    fields = text_fields(source)
    sorted_out = fields.markdown + fields.urls + fields.plain
    assert sorted(sorted_out, key=repr) == sorted(_leaves(data), key=repr)
    assert fields.plain == [leaf for leaf in _leaves(data) if leaf not in fields.markdown + fields.urls]


YAML_VALUE = st.lists(st.sampled_from(["Send form", " #2530", "#", " # note", "x#y", "'q'", "\t#", "1", " "]),
                      min_size=1, max_size=5).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_VALUE, min_size=1, max_size=4))
def test_a_file_without_a_hash_has_no_comment_and_the_comments_of_others_are_all_found(values):
    """The YAML reader looks for comments after plain values (the slips' dropped-comment rule) only
    in files with a '#': the same comments as looking after every value."""
    text = "".join(f"k{i}: {value}\n" for i, value in enumerate(values))
    original = yamlfile._Converter.__init__

    def unscreened(self: Any, text: str) -> None:
        original(self, text)
        self._maybe_comments = True

    try:
        screened = yamlfile.parse_yaml(text.encode())[1].comments
    except yamlfile.YamlProblem:
        return
    with mock.patch.object(yamlfile._Converter, "__init__", unscreened):
        assert yamlfile.parse_yaml(text.encode())[1].comments == screened


# -- the parser's list of text values, sorted by rule, is what walking the data finds

KEYS = ["description", "eligibility", "documents", "steps", "channels", "url", "legal_basis", "website", "title",
        "summary", "0"]
LEAVES = TEXT | st.integers(-5, 5) | st.booleans() | st.none() | st.sampled_from(["1.5", "null", "true", "~", ""])
DATA = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner,
                                                                                         max_size=5), max_leaves=25)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["agency", "service", "journey", "question"]), st.dictionaries(st.sampled_from(KEYS), DATA,
                                                                                        min_size=1, max_size=6))
def test_the_parsers_text_values_sort_as_walking_the_data_sorts_them(kind, data):
    """`text_fields` reads `Positions.strings` (recorded while parsing); `walked_text_fields` walks
    the data. YAML text written every way (plain, quoted, block) gives the same fields from both."""
    import yaml

    from generator.validate.text import walked_text_fields
    for style in (None, '"', "|"):
        try:
            parsed, positions = yamlfile.parse_yaml(yaml.safe_dump(data, default_style=style,
                                                                   allow_unicode=True).encode())
        except yamlfile.YamlProblem:
            continue  # text YAML cannot hold (a character it refuses): the parser says so, and reads nothing
        source = SourceFile("x.yml", kind, "x", "acme", parsed, positions)
        assert positions.strings is not None
        assert text_fields(source) == walked_text_fields(source)


def test_a_file_not_parsed_here_has_its_text_values_walked():
    source = SourceFile("x.yml", "service", "x", "acme", {"title": "T", "description": "D", "documents": ["a"]},
                        Positions())
    fields = text_fields(source)
    assert (fields.markdown, fields.plain) == ([(("description",), "D"), (("documents", 0), "a")], [(("title",), "T")])


def test_no_path_is_both_markdown_and_an_address():
    from generator.validate.text import MARKDOWN_FIELDS, URL_FIELDS
    for kind, patterns in MARKDOWN_FIELDS.items():
        assert not set(patterns) & set(URL_FIELDS.get(kind, ()))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(services(), st.sampled_from([None, '"', "'", "|"]), st.booleans())
def test_the_screens_of_a_parsed_file_find_what_the_rules_value_by_value_find(data, style, unicode):
    """A parsed file is screened by its own text first (printable ASCII and no backslash: no value
    holds an invisible character). Written every way YAML writes text, escapes (\\u202e) included."""
    import yaml
    try:
        parsed, positions = yamlfile.parse_yaml(yaml.safe_dump(data, default_style=style,
                                                               allow_unicode=unicode).encode())
    except yamlfile.YamlProblem:
        return  # a character YAML refuses: the parser says so, and no text rule runs
    source = SourceFile("agencies/acme/services/s.yml", "service", "s", "acme", parsed, positions)
    found = []
    for screen in (True, False):
        check = Checker(source.path, positions, [])
        check_text(source, check, screen=screen)
        found.append([(p.line, p.col, p.message, p.hint) for p in check.problems])
    assert found[0] == found[1]


def test_an_escaped_invisible_character_in_a_parsed_file_is_found():
    parsed, positions = yamlfile.parse_yaml(b'title: "Get \\u202ea license"\n')
    check = Checker("s.yml", positions, [])
    check_text(SourceFile("s.yml", "service", "s", "acme", parsed, positions), check)
    assert [p.format_text() for p in check.problems] == [
        "s.yml:1:13: error: title: contains U+202E RIGHT-TO-LEFT OVERRIDE, which is invisible or turns the text "
        "around it (hint: delete it: it is invisible, and often comes with text pasted from another program)"]


# Markdown near each bound of its shape (markdown_shape.py), alone and with others in one file.
SHAPED = st.one_of(
    st.integers(4, 9).map(lambda depth: "- " * depth + "x"),
    st.integers(4, 9).map(lambda depth: "".join("    " * level + "- x\n" for level in range(depth))),
    st.integers(30, 110).map(lambda lines: "line\n" * lines),
    st.integers(60, 210).map(lambda marks: "*a* " * (marks // 2)),
    st.integers(60, 210).map(lambda marks: "[x] " * marks),
    st.just("a\n\n" * 60), st.just("x" * 65_537), TEXT)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SHAPED, min_size=1, max_size=4), SHAPED)
def test_the_screened_markdown_rules_find_every_shape_the_plain_rules_find(documents, description):
    data = {"title": "T", "summary": "S", "description": description, "documents": documents}
    assert _problems(data, screen=True) == _problems(data, screen=False)


def test_a_file_of_markdown_each_within_its_shape_but_over_it_together_is_checked_value_by_value():
    """Three lists of 60 lines are each within the 100 lines of a block: the joined text is over,
    so each value is checked, and none is refused."""
    data = {"title": "T", "summary": "S", "description": "- x\n" * 60, "documents": ["- y\n" * 60, "- z\n" * 60]}
    assert _problems(data, screen=True) == _problems(data, screen=False) == []
    data["documents"].append("- w\n" * 101)
    assert [message for _, _, message, _ in _problems(data, screen=True)] == [
        "documents[2]: a paragraph or list runs over 100 lines with no blank line"]


def test_a_file_sent_back_by_the_forked_reader_has_its_text_values_walked():
    import pickle
    parsed, positions = yamlfile.parse_yaml(b"title: T\ndescription: D\ndocuments: [a, b]\n")
    source = SourceFile("x.yml", "service", "x", "acme", parsed, positions)
    sent = pickle.loads(pickle.dumps(source))
    assert sent.positions.strings is None and sent.positions.values == positions.values
    assert text_fields(sent) == text_fields(source)


# -- patterns written for speed, held equal to the plain way of writing them

MARKDOWN_PIECES = st.lists(st.sampled_from(["[", "]", "(", ")", "!", "\\", "x", " ", "\n", "<", ">", "https://a",
                                            "-", "*", "+", "1.", "2)", ">", "\t", "    ", "  ", "12345678901."]),
                           max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(MARKDOWN_PIECES)
def test_the_text_link_pattern_finds_what_its_plain_form_finds(text):
    import re
    plain = re.compile(r"(?<![!\\])\[([^\[\]\n]{1,999})\]\(\s*<?([^)\s>]*)")
    assert _MD_TEXT_LINK.findall(text) == plain.findall(text)


@settings(max_examples=1000, deadline=None)
@given(MARKDOWN_PIECES)
def test_the_nesting_screen_finds_what_its_plain_form_finds(text):
    import re

    from generator.markdown_shape import _maybe_nested
    plain = re.compile(r"^(?:[ \t]{4}|[ \t]{0,3}(?:[-*+]|\d{1,9}[.)]|>)[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]|$))",
                       re.MULTILINE)
    assert _maybe_nested(text) == (plain.search(text) is not None)


@settings(max_examples=1000, deadline=None)
@given(st.text(st.characters(max_codepoint=0x2100), max_size=40) | st.text(st.characters(max_codepoint=0x80)))
def test_the_files_character_screen_lets_by_only_what_the_search_lets_by(text):
    from generator.validate.text import _MAYBE_INVISIBLE, _PRINTABLE_ASCII
    screened = text.isascii() and not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    assert screened == (_MAYBE_INVISIBLE.search(text) is None)
