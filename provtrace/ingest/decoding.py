"""Bytes -> text: UTF-8 or a byte-order mark first, then the most plausible legacy encoding.

A statistical detector (charset-normalizer) is unreliable on a short text in
an 8-bit code page: a few lines of Russian in Windows-1251 come out as
KOI8-R or Mac Cyrillic, and KOI8-R as Japanese. Here each candidate
encoding decodes a sample, and the decoding whose non-ASCII words read like
words wins: every letter of a word in one script, a word all lower case,
all capitals or capitalised, and no control codes, box drawing or stray
symbols glued to letters. ASCII reads the same in every candidate, so only
the other words are scored.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from provtrace.scripts import script_of

#: One-byte encodings tried for text that is not UTF-8; the first wins a tie (the commonest first).
LEGACY_ENCODINGS = (
    "cp1252", "cp1251", "cp1253", "cp1250", "cp1254", "cp1257", "cp1255", "cp1256",
    "koi8_r", "koi8_u", "iso8859_5", "iso8859_7", "iso8859_2", "mac_cyrillic", "cp866",
)  # fmt: skip

#: Bytes of the file scored per candidate: enough words to tell code pages apart, cheap on a big file.
SAMPLE_BYTES = 16384
#: Bytes charset-normalizer looks at (it proposes one more candidate, e.g. a multi-byte Asian encoding).
DETECTOR_BYTES = 200_000
#: What one implausible character (a control code, box drawing, a symbol inside a word) costs,
#: against one letter of a plausible word.
_BAD_CHARACTER_COST = 3

_WORD = re.compile(r"[^\W\d_]+")
#: Punctuation that sits next to letters in real text (quotes, dashes, apostrophes).
_GLUED_OK = frozenset("'’‘“”„«»‹›‚\"-–—…")
_CASED_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
#: Vowels of the cased scripts, without accents; a longer word without one is not a word.
_VOWELS = frozenset("aeiouyаеиоуыэюяіїєўαεηιουω")
_VOWELLESS = 5
_SCRIPT_ALIASES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HAN": "CJK"}
#: The accented letters of languages written in Latin script, one alphabet each (lower case).
#: Code pages of Latin script mostly swap one accented letter for another, and both readings
#: look like words ("España" read in Windows-1250 is "Espańa"); but one language's text uses one
#: language's letters, and the wrong code page mixes two ("ń" of Polish among Spanish "á", "é").
_LATIN_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "áéíóúüñ",  # Spanish
        "àáâãçéêíóôõú",  # Portuguese
        "àâæçéèêëîïôœùûüÿ",  # French
        "àçèéíïòóúü·",  # Catalan
        "àèéìíîòóùú",  # Italian
        "äöüß",  # German
        "éëïóöüè",  # Dutch
        "åäöé",  # Swedish, Finnish
        "æøåéó",  # Danish, Norwegian
        "áðéíóúýþæö",  # Icelandic
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "ăâîșțşţ",  # Romanian
        "čćđšž",  # Croatian, Serbian, Bosnian, Slovene
        "çğıöşüâî",  # Turkish
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äõöüšž",  # Estonian
        "äöüéè",  # Swiss German, Luxembourgish
        "ëç",  # Albanian
    )
)


def decode(data: bytes) -> str:
    """Decode bytes as text: a byte-order mark, then UTF-8, then the most plausible legacy encoding."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(guess_encoding(data), errors="replace")


def guess_encoding(data: bytes) -> str:
    """The encoding under which data reads most plausibly (for bytes that are not UTF-8)."""
    from charset_normalizer import from_bytes

    # The detector's guess stands when it reads flawlessly: it weighs letter frequencies, which
    # tell apart code pages that both give plausible words (Czech in cp1250 or in cp1252).
    best = from_bytes(data[:DETECTOR_BYTES]).best()
    guess = [codecs.lookup(best.encoding).name] if best is not None and _known(best.encoding) else []
    sample = data[:SAMPLE_BYTES]
    if guess and flawless(read := sample.decode(guess[0], errors="replace")):
        return _one_language(sample, guess[0], read)
    candidates = list(dict.fromkeys([*(codecs.lookup(e).name for e in LEGACY_ENCODINGS), *guess]))
    scores = [(plausibility(sample.decode(e, errors="replace")), -n, e) for n, e in enumerate(candidates)]
    return max(scores)[2]


def _one_language(sample: bytes, guess: str, read: str) -> str:
    """The code page to read a sample by, given the detector's guess that reads it flawlessly.

    On a short text the detector's letter frequencies tie between Latin code pages (Spanish
    scores the same in Windows-1250 as in 1252). So among the flawless readings, the one whose
    accented letters best fit one language's alphabet wins, and of those the commonest code page
    (LEGACY_ENCODINGS' order, the guess last). Text in another script keeps the guess.
    """
    fit = alphabet_fit(read)
    if fit is None:
        return guess
    best = (fit, -len(LEGACY_ENCODINGS), guess)
    for n, encoding in enumerate(codecs.lookup(e).name for e in LEGACY_ENCODINGS):
        text = read if encoding == guess else sample.decode(encoding, errors="replace")
        other = alphabet_fit(text) if flawless(text) else None
        if other is not None and (other, -n) > best[:2]:
            best = (other, -n, encoding)
    return best[2]


def alphabet_fit(text: str) -> float | None:
    """The largest share of text's accented Latin letters that one language's alphabet holds
    (None for text with no accented letter, or with letters of another script)."""
    letters = Counter(c for w in _WORD.findall(text) if not w.isascii() for c in w.lower() if not c.isascii())
    if not letters or any(_script(c) != "LATIN" for c in letters):
        return None
    total = sum(letters.values())
    return max(sum(n for c, n in letters.items() if c in alphabet) for alphabet in _LATIN_ALPHABETS) / total


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def plausibility(text: str) -> float:
    """How much text reads like text: letters of plausible words, less implausible words and characters."""
    words = Counter(w for w in _WORD.findall(text) if not w.isascii())
    score = sum(count * _word_score(w) for w, count in words.items())
    return score - _BAD_CHARACTER_COST * (_bad_characters(text) + _glued_symbols(text))


def flawless(text: str) -> bool:
    """Whether every non-ASCII word of text reads like a word and no character is out of place."""
    words = {w for w in _WORD.findall(text) if not w.isascii()}
    return all(_word_score(w) > 0 for w in words) and not _bad_characters(text) and not _glued_symbols(text)


def _script(char: str) -> str:
    script = script_of(char)
    return _SCRIPT_ALIASES.get(script, script)


def _word_score(word: str) -> float:
    """A word's letters, counted for it when it reads like a word and against it when not.

    A word: one script (ASCII letters count as Latin); in a script with
    case, lower case or capitalised (all capitals count half: a code page
    read as another swaps the case of a whole text); in Latin, no more
    accented letters than plain ones (Cyrillic read as Latin is all
    accents: "Ïðèâåò"); a vowel in any word of five letters or more.
    """
    scripts = {_script(c) for c in word}
    if len(scripts) != 1 or "HALFWIDTH" in scripts:
        return -len(word)
    if not scripts & _CASED_SCRIPTS:
        return len(word)
    if "LATIN" in scripts and 2 * sum(1 for c in word if not c.isascii()) > len(word) >= 2:
        return -len(word)
    if len(word) >= _VOWELLESS and not any(_base(c) in _VOWELS for c in word):
        return -len(word)
    if word.islower() or (word[0].isupper() and word[1:].islower()):
        return len(word)
    return len(word) / 2 if word.isupper() else -len(word)


@lru_cache(maxsize=4096)
def _base(char: str) -> str:
    """The letter without its accents, in lower case ("É" -> "e", "ё" -> "е"; "й" is a letter of its own)."""
    lower = char.lower()
    return lower if lower == "й" else unicodedata.normalize("NFD", lower)[0]


def _bad_characters(text: str) -> int:
    """Characters real text does not hold: controls, unassigned or private codes, box drawing."""
    bad = 0
    for char in set(text):
        if char.isascii() or char.isalpha():
            continue
        category = unicodedata.category(char)
        if (
            category in {"Cc", "Co", "Cn", "Cs"}
            or char == "\ufffd"
            or "\u2500" <= char <= "\u259f"
            or "\uff61" <= char <= "\uff9f"
        ):
            bad += text.count(char)
    return bad


def _glued_symbols(text: str) -> int:
    """Symbols stuck to a non-ASCII letter: "‡абастовка", "ь¦шЁ" (a capital read in the wrong code page)."""
    glued = 0
    for i, char in enumerate(text):
        if char.isascii() or char.isalnum() or char.isspace() or char in _GLUED_OK:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if any(c.isalpha() and not c.isascii() for c in (before, after)):
            glued += 1
    return glued
