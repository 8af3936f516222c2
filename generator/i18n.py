"""Every word a citizen reads, from one catalogue, in the page's language.

Templates say their words through gettext (`{{ _("What it costs") }}`, `ngettext(...)`: Jinja's
i18n extension, new style, so that values put into a message are escaped and the message itself
is the template's own markup). Python marks the words it defines with `N_()` and says them through
a `Words`, which is what a page is rendered with. `make messages` extracts every word of
`generator/` and `overrides/` into `locales/messages.pot` (pybabel with `babel.cfg`), and a test
fails while the committed catalogue is out of date.

English is the source language: with no catalogue for it, every word shows as written. A
government rewords its site, or adds a language, with `locales/<lang>/LC_MESSAGES/messages.po`
in its repository, compiled when the site is built; no Python changes.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from .problems import BuildFailure
from .reading import Refused, read_bytes

SOURCE_LANGUAGE = "en"
CATALOGUE_DOMAIN = "messages"
LOCALES_DIR = "locales"
"""The catalogue's folder in the site repository: locales/messages.pot and locales/<lang>/LC_MESSAGES/."""


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Marks a word for the catalogue where it is defined; a `Words` translates it where it is shown."""
    return message


@dataclass(frozen=True)
class Words:
    """The catalogue of one language."""

    language: str = SOURCE_LANGUAGE
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations, compare=False)

    def gettext(self, message: str, **values: Any) -> str:
        """`message` in this language, with `%(name)s` placeholders filled from `values`."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        """The form for `count` (`%(num)s` is the count, as in Jinja's ngettext)."""
        text = self.translations.ngettext(singular, plural, count)
        return text % {"num": count, **values}

    def plural_forms(self, singular: str, plural: str, **values: Any) -> dict[str, str]:
        """A message with a count in each plural category of the language, as CLDR (and so the
        browser's `Intl.PluralRules`) names them, for a script to choose from; `%(num)s` stays in for
        it to fill. Templates call it as `plural_forms(...)` (`make messages` extracts it)."""
        rule = Locale.parse(self.language).plural_form
        samples: dict[str, int] = {}
        for count in (*range(1, 200), 0):  # every CLDR category of whole numbers has a member below 200
            samples.setdefault(rule(count), count)
        return {category: self.ngettext(singular, plural, count, **{"num": "%(num)s", **values})
                for category, count in samples.items()}


def language_name(language: str, in_language: str) -> str:
    """A language's name in another (or its own) language, as CLDR writes it: "español", "inglés"."""
    return Locale.parse(language).get_language_name(in_language) or language


def own_language_name(language: str) -> str:
    """A language's name in itself, as a language switch offers it: "Español", "English"."""
    name = language_name(language, language)
    return name[:1].upper() + name[1:]


def catalogue_path(root: Path, language: str) -> Path:
    return root / LOCALES_DIR / language / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"


def load_words(root: Path | None, language: str = SOURCE_LANGUAGE) -> Words:
    """The words of `language`: its catalogue in the site repository at `root`, compiled now, or
    the words as written when there is none (English, the source language)."""
    path = catalogue_path(root, language) if root is not None else None
    if root is None or path is None or not (path.exists() or path.is_symlink()):
        return Words(language)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    try:
        raw = read_bytes(root, path)
    except Refused as exc:
        raise BuildFailure(exc.problem.format_text()) from None
    catalog = read_po(io.BytesIO(raw), locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Words(language, Translations(compiled, domain=CATALOGUE_DOMAIN))


def install(env: jinja2.Environment, words: Words, fold: bool = True) -> None:
    """Give a Jinja environment's templates `_`, `gettext` and `ngettext` in the words' language
    (before it compiles any template). `fold`: say each `{{ _("...") }}` once, when the template is
    compiled (`FoldedWords`); tests turn it off to compare."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(words.translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals["plural_forms"] = words.plural_forms
    env.onestop_folded_words = words.translations if fold else None  # type: ignore[attr-defined]
    if fold and FoldedWords.identifier not in env.extensions:
        env.add_extension(FoldedWords)


_CALL = ("variable_begin", "name", "lparen", "string", "rparen", "variable_end")


class FoldedWords(Extension):
    """Says each `{{ _("words") }}` (a message with no values, printed where it stands) when the
    template is compiled rather than every time a page is rendered: one build has one language, and
    a page says some thirty such messages, which were a quarter of rendering it. The message goes
    into the template as the markup Jinja's new-style gettext would print (the translation, as the
    template's own markup, with no value put in); anything else is left to gettext at render time.
    tests/test_i18n.py holds every page equal with and without it."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        translations = getattr(self.environment, "onestop_folded_words", None)
        tokens = list(stream)
        i = 0
        while i < len(tokens):
            window = tokens[i:i + len(_CALL)]
            if (translations is not None and tuple(t.type for t in window) == _CALL
                    and window[1].value == "_"):
                try:
                    text = str(Markup(translations.gettext(window[3].value)) % {})
                except (TypeError, ValueError, KeyError):  # as gettext would raise: leave it to render time
                    text = None
                if text is not None:
                    yield Token(window[0].lineno, "data", text)
                    i += len(_CALL)
                    continue
            yield tokens[i]
            i += 1
