"""The message catalogue's words (generator/i18n.py): as written in English, a language's file compiled."""

from __future__ import annotations

from generator.i18n import Words, catalogue_path, load_words


def test_words_fill_their_placeholders_and_choose_plural_forms():
    words = Words()
    assert words.gettext("Step %(num)s of %(count)s", num=2, count=5) == "Step 2 of 5"
    assert words.gettext("100% sure") == "100% sure"  # no values: no formatting
    assert [words.ngettext("%(num)s day", "%(num)s days", n) for n in (1, 2)] == ["1 day", "2 days"]
    assert words.ngettext("%(num)s day", "%(num)s days", 1200, num="1,200") == "1,200 days"


def test_plural_forms_give_a_script_every_category_of_the_language():
    forms = Words().plural_forms("%(num)s result for %(query)s", "%(num)s results for %(query)s", query="%(query)s")
    assert forms == {"one": "%(num)s result for %(query)s", "other": "%(num)s results for %(query)s"}
    # Polish counts whole things as one, few or many ("other" is for fractions, which no count is).
    assert sorted(Words("pl").plural_forms("%(num)s plik", "%(num)s pliki")) == ["few", "many", "one"]


def test_a_language_file_is_compiled_when_it_is_loaded(tmp_path):
    path = catalogue_path(tmp_path, "es")
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                    'msgid "Free"\nmsgstr "Gratis"\n\n'
                    'msgid "%(num)s day"\nmsgid_plural "%(num)s days"\nmsgstr[0] "%(num)s día"\nmsgstr[1] "%(num)s días"\n',
                    encoding="utf-8")
    words = load_words(tmp_path, "es")
    assert words.gettext("Free") == "Gratis" and words.gettext("Home") == "Home"
    assert [words.ngettext("%(num)s day", "%(num)s days", n) for n in (1, 3)] == ["1 día", "3 días"]
    assert load_words(tmp_path, "fr") == Words("fr")  # no file: the words as written


def test_words_said_when_templates_compile_are_the_words_said_when_pages_render(riverton, example, tmp_path):
    """FoldedWords says each `{{ _("...") }}` once, when its template is compiled: every page of both
    sites, in English and in a pseudo-translation, is the page gettext makes at render time."""
    from conftest import REPO, site_options
    from generator.i18n import install
    from generator.render import Renderer
    from pseudo_words import pseudo_words

    for result, root in ((riverton, None), (example, REPO)):
        for words in (Words(), pseudo_words(tmp_path)):
            options = site_options(root=root) if root else site_options()
            folded, plain = Renderer(options, words), Renderer(options, words)
            install(plain.env, words, fold=False)
            assert [p.html for p in folded.pages(result.site)] == [p.html for p in plain.pages(result.site)]
    source = '<p>{{ _("Free.") }}</p><p>{{ _("%(n)s left", n=3) }}</p><p title="{{ _("Home") }}">x</p>'
    compiled = Renderer(site_options()).env.compile(source, raw=True)
    assert "'<p>Free.</p><p>'" in compiled and "'</p><p title=\"Home\">x</p>'" in compiled
    assert "'%(n)s left'" in compiled  # a message with values is said at render time
