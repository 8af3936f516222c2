"""The Spanish text pipeline: accents folded, lunr's trimmer, Spanish stop words, Snowball's
Spanish stemmer. content/assets/search-es.js is the same pipeline in the browser.

The order is what lets a citizen type without accents, as most do on an English keyboard:

1. fold: lower case (lunr's tokenizer), then NFD and drop the combining marks U+0300-U+036F, so
   "Camión" is "camion", "pingüino" "pinguino", and "año" "ano". ñ folds to n like every other
   letter with a mark: one rule, the same in Python and in the browser (`normalize("NFD")`), and
   someone on an English keyboard types "ano" or "espanol" for "año", "español". Government
   business pages never need to tell "año" from "ano" apart.
2. trim: lunr's own trimmer (ASCII \\W at both ends). After folding, Spanish words are ASCII
   letters, so the trimmer keeps them whole and still takes off "¿", "¡" and punctuation, and it
   keeps digits, which lunr-languages' Spanish trimmer drops (form numbers such as "PA-100" and
   "1099" must stay findable).
3. stop words: Snowball's Spanish list (lunr-languages 1.22.0's lunr.es.js has the same), folded.
4. stem: Snowball 3.1.1's Spanish stemmer (PyPI snowballstemmer, pinned), on the folded word.
   Snowball 3 also knows the unaccented "-acion" and "-ucion", so "informacion" and
   "información" both stem to "inform", as "informaciones" does. lunr-languages' stemmer is the
   2010 Snowball, which leaves "informacion" whole: singular and plural would not meet, so the
   browser runs a port of Snowball 3.1.1 instead (search-es.js), and tests/search/test_parity.py
   holds the two equal on every Spanish word of the site, folded and not, and a generated list.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from .lunr_pipeline import trim

_COMBINING = re.compile("[\u0300-\u036f]")
"""The Combining Diacritical Marks block, the marks NFD splits off Latin letters. Only this block,
so that Python's and the browser's Unicode versions cannot disagree on what a mark is."""

SNOWBALL_STOP_WORDS = (
    "a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el "
    "ella ellas ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estabais "
    "estaban estabas estad estada estadas estado estados estamos estando estar estaremos estará estarán "
    "estarás estaré estaréis estaría estaríais estaríamos estarían estarías estas este estemos esto estos "
    "estoy estuve estuviera estuvierais estuvieran estuvieras estuvieron estuviese estuvieseis estuviesen "
    "estuvieses estuvimos estuviste estuvisteis estuviéramos estuviésemos estuvo está estábamos estáis "
    "están estás esté estéis estén estés fue fuera fuerais fueran fueras fueron fuese fueseis fuesen fueses "
    "fui fuimos fuiste fuisteis fuéramos fuésemos ha habida habidas habido habidos habiendo habremos habrá "
    "habrán habrás habré habréis habría habríais habríamos habrían habrías habéis había habíais habíamos "
    "habían habías han has hasta hay haya hayamos hayan hayas hayáis he hemos hube hubiera hubierais "
    "hubieran hubieras hubieron hubiese hubieseis hubiesen hubieses hubimos hubiste hubisteis hubiéramos "
    "hubiésemos hubo la las le les lo los me mi mis mucho muchos muy más mí mía mías mío míos nada ni no "
    "nos nosotras nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco por "
    "porque que quien quienes qué se sea seamos sean seas seremos será serán serás seré seréis sería "
    "seríais seríamos serían serías seáis sido siendo sin sobre sois somos son soy su sus suya suyas suyo "
    "suyos sí también tanto te tendremos tendrá tendrán tendrás tendré tendréis tendría tendríais "
    "tendríamos tendrían tendrías tened tenemos tenga tengamos tengan tengas tengo tengáis tenida tenidas "
    "tenido tenidos teniendo tenéis tenía teníais teníamos tenían tenías ti tiene tienen tienes todo todos "
    "tu tus tuve tuviera tuvierais tuvieran tuvieras tuvieron tuviese tuvieseis tuviesen tuvieses tuvimos "
    "tuviste tuvisteis tuviéramos tuviésemos tuvo tuya tuyas tuyo tuyos tú un una uno unos vosotras "
    "vosotros vuestra vuestras vuestro vuestros y ya yo él éramos"
).split()
"""Snowball's Spanish stop words as written (lunr-languages 1.22.0's lunr.es.js has exactly these:
tests/search/test_spanish.py reads the npm file)."""


def fold(text: str) -> str:
    """`text` without its accents and other marks: NFD, then the combining marks dropped."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


STOP_WORDS: frozenset[str] = frozenset(fold(w) for w in SNOWBALL_STOP_WORDS)
"""The stop words folded, as the pipeline meets them ("más" and "mas" are both left out)."""

_STEMMER = snowballstemmer.stemmer("spanish")
_STEMMER_LOCK = threading.Lock()  # a Snowball stemmer keeps the word it works on in itself


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Snowball 3.1.1's Spanish stemmer."""
    with _STEMMER_LOCK:
        return str(_STEMMER.stemWord(word))


def written(token: str) -> str:
    """A token as the word a citizen wrote, for typo fixing: folded and trimmed."""
    return trim(fold(token))


@lru_cache(maxsize=1 << 17)
def analyze(token: str) -> str | None:
    """One token (lower case, from lunr's tokenizer) through the Spanish pipeline; None for a stop
    word. Like lunr.js, a token of punctuation alone trims to "", which is kept."""
    word = written(token)
    if word in STOP_WORDS:
        return None
    return stem(word)
