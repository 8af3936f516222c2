"""lunr.js 2.3.9's text pipeline in Python: tokenizer, trimmer, stop words and Porter stemmer.

The site's search index is analysed at build time in Python and queried in the browser by
lunr.js. Both sides must turn text into the same terms, or a word indexed in
Python is never found from the browser. lunr.py's own stemmer is a different Porter
implementation that disagrees with lunr.js on common words ("money" -> "monei", "day" -> "dai"
in lunr.py; "money", "day" in lunr.js), its trimmer keeps "501(c)(3)" whole where lunr.js trims
it, and its tokenizer splits on fewer whitespace characters. So this module ports lunr.js's
functions line for line (lunr.js 2.3.9, MIT licence, (c) Oliver Nightingale), and
tests/search/test_parity.py runs thousands of words through both with node to prove they agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lunr.stop_word_filter import WORDS as _LUNR_PY_STOP_WORDS

JS_SPACE = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
            "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
"""JavaScript's \\s (ECMAScript WhiteSpace and LineTerminator), which lunr.tokenizer.separator
(/[\\s\\-]+/) splits on; Python's \\s is a different set."""
_SEPARATOR = re.compile("[" + re.escape(JS_SPACE) + r"\-]+")
_LEADING = re.compile(r"^\W+", re.ASCII)  # JavaScript's \W is ASCII-only
_TRAILING = re.compile(r"\W+$", re.ASCII)

STOP_WORDS: frozenset[str] = frozenset(_LUNR_PY_STOP_WORDS)
"""lunr.js's English stop words (lunr.py ships the same 119 words; the parity test checks it)."""


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer on a string: lower case, split on whitespace and hyphens."""
    return [t for t in _SEPARATOR.split(text.lower()) if t]


def trim(word: str) -> str:
    """lunr.trimmer: strip non-word characters (ASCII \\W) from both ends."""
    return _TRAILING.sub("", _LEADING.sub("", word))


# -- lunr.stemmer (lunr.js 2.3.9), ported.

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem

_RE_1A = re.compile(r"^(.+?)(ss|i)es$")
_RE2_1A = re.compile(r"^(.+?)([^s])s$")
_RE_1B = re.compile(r"^(.+?)eed$")
_RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
_RE2_1B_2 = re.compile(r"(at|bl|iz)$")
_RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
_RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_RE_1C = re.compile(r"^(.+?[^aeiou])y$")
_RE_2 = re.compile("^(.+?)(" + "|".join(_STEP2) + ")$")
_RE_3 = re.compile("^(.+?)(" + "|".join(_STEP3) + ")$")
_RE_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
_RE_5 = re.compile(r"^(.+?)e$")
_RE_5_1 = re.compile(r"ll$")
_RE3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")


def _search(pattern: re.Pattern[str], word: str) -> re.Match[str] | None:
    # JavaScript's $ matches only at the very end; Python's also before a final "\n".
    match = pattern.search(word)
    return match if match and (not pattern.pattern.endswith("$") or match.end() == len(word)) else None


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    """lunr.js 2.3.9's porterStemmer, step for step (the same regular expressions, in order)."""
    if len(w) < 3:
        return w
    firstch = w[0]
    if firstch == "y":
        w = "Y" + w[1:]

    # Step 1a
    if (m := _search(_RE_1A, w)) or (m := _search(_RE2_1A, w)):
        w = m.group(1) + m.group(2)

    # Step 1b
    if m := _search(_RE_1B, w):
        if _MGR0.search(m.group(1)):
            w = w[:-1]
    elif m := _search(_RE2_1B, w):
        stem_ = m.group(1)
        if _S_V.search(stem_):
            w = stem_
            if _search(_RE2_1B_2, w):
                w = w + "e"
            elif _search(_RE3_1B_2, w):
                w = w[:-1]
            elif _search(_RE4_1B_2, w):
                w = w + "e"

    # Step 1c: y -> i after a consonant that is not the first letter (cry -> cri, say -> say)
    if m := _search(_RE_1C, w):
        w = m.group(1) + "i"

    # Step 2
    if (m := _search(_RE_2, w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP2[m.group(2)]

    # Step 3
    if (m := _search(_RE_3, w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP3[m.group(2)]

    # Step 4
    if m := _search(_RE_4, w):
        if _MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := _search(_RE2_4, w):
        stem_ = m.group(1) + m.group(2)
        if _MGR1.search(stem_):
            w = stem_

    # Step 5
    if m := _search(_RE_5, w):
        stem_ = m.group(1)
        if _MGR1.search(stem_) or (_search(_MEQ1, stem_) and not _search(_RE3_5, stem_)):
            w = stem_
    if _search(_RE_5_1, w) and _MGR1.search(w):
        w = w[:-1]

    if firstch == "y":
        w = "y" + w[1:]
    return w


@lru_cache(maxsize=1 << 17)
def analyze(word: str) -> str | None:
    """One token through lunr.js's default index pipeline (trimmer, stopWordFilter, stemmer);
    None when the pipeline drops it. A token of punctuation alone ("&") trims to "", which
    lunr.js keeps as a term (its pipeline only drops null, undefined and stop words): so does this."""
    word = trim(word)
    if word in STOP_WORDS:
        return None
    return stem(word)

