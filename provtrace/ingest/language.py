"""Guess an article's language: by its letters' script, and in Latin script by its commonest short words.

Enough to tell a translation from a rewrite; not a general language identifier.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from provtrace.scripts import script_of

_MARKERS = {
    "en": "the of and to in is that for was with on said by as at from his her are were has have it",
    "es": "el la los las de del que y en por para con una se su al es fue según dijo sus más pero como",
    "fr": "le la les des du de et que en un une est pour dans sur au aux qui a été selon il elle",
    "pt": "o a os as do da dos das de que e em um uma para com não por se foi segundo disse ao",
    "de": "der die das und den dem des ist nicht mit sich auf für ein eine im zu von sagte wurde",
    "it": "il lo la gli le di del della che e è per con una un non sono ha nel alla secondo",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _MARKERS.items()}
#: The markers of one language alone: Spanish "de", "que", "a", "para" are Portuguese words too,
#: so only words no other listed language shares tell two related languages apart.
_OWN = {
    lang: frozenset(w for w in words if not any(w in other for k, other in _WORDS.items() if k != lang))
    for lang, words in _WORDS.items()
}
_TOKEN = re.compile(r"[^\W\d_]+")

#: Scripts written by one language, or by one main language that provtrace takes for it.
#: The key is the first word of the letters' Unicode names.
_SCRIPT_LANGUAGE = {
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
    "HANGUL": "ko",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "TAMIL": "ta",
    "TELUGU": "te",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "SINHALA": "si",
    "KHMER": "km",
    "LAO": "lo",
    "MYANMAR": "my",
    "ETHIOPIC": "am",
}
#: Letters one language of a shared script has and the others of it lack (or hardly use),
#: tried in order; the script's last entry is the language it is read as without them.
_SHARED_SCRIPT = {
    "CYRILLIC": (
        ("be", "ў"),
        ("ru", "ыэё"),
        ("uk", "іїєґ"),
        ("mk", "ѓќѕ"),
        ("sr", "ђћџљњј"),
        ("bg", "ъ"),
        ("ru", ""),
    ),
    "ARABIC": (("ur", "ٹڈڑںے"), ("fa", "پچژگکی"), ("ar", "")),
}
#: The share of a script's letters its language's own letters must reach (Bulgarian "ъ" is a
#: vowel of about one letter in fifty, and Russian's hard sign rare).
_OWN_SHARE = {"bg": 0.01}
#: Kana among the Han characters make a text Japanese; Han alone, Chinese.
_KANA = ("HIRAGANA", "KATAKANA")
#: A quotation, in the marks of any language.
_QUOTED = re.compile(r'“[^”]*”|"[^"]*"|«[^»]*»|„[^“”]*[“”]|「[^」]*」|『[^』]*』')
#: How many letters are enough to name a script, and how many are read at most.
_MIN_LETTERS = 20
_MAX_LETTERS = 20_000
#: Deletes every ASCII character but a letter: what is left of an ASCII text is its letters.
_ASCII_LETTERS_ONLY = str.maketrans("", "", "".join(chr(i) for i in range(128) if not chr(i).isalpha()))
#: A text as stretches of ASCII and of other characters.
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def _letters(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """The first letters of the texts by script, and by letter (lower case) outside Latin script.

    A stretch of ASCII is counted at once (its letters are all Latin); only the characters
    beyond it are looked up one by one.
    """
    scripts: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    seen = 0
    for text in texts:
        for run in (text,) if text.isascii() else _RUNS.findall(text):
            if run.isascii():
                taken = min(len(run.translate(_ASCII_LETTERS_ONLY)), _MAX_LETTERS - seen)
                if taken:
                    scripts["LATIN"] += taken
                    seen += taken
                if seen >= _MAX_LETTERS:
                    return scripts, chars
                continue
            for char in run:
                if not char.isalpha():
                    continue
                script = script_of(char)
                scripts[script] += 1
                if script != "LATIN":
                    chars[char.lower()] += 1
                seen += 1
                if seen >= _MAX_LETTERS:
                    return scripts, chars
    return scripts, chars


def _by_script(scripts: Counter[str], chars: Counter[str]) -> str | None:
    """The language a text mostly in a script other than Latin is written in, or None."""
    script = max(sorted(scripts), key=lambda s: scripts[s])
    if script in ("HAN", *_KANA):
        kana = sum(scripts[k] for k in _KANA)
        return "ja" if kana >= 0.05 * (kana + scripts["HAN"]) else "zh"
    if script in _SHARED_SCRIPT:
        letters = scripts[script]
        for lang, own in _SHARED_SCRIPT[script]:
            if not own or sum(chars[c] for c in own) >= _OWN_SHARE.get(lang, 0.002) * letters:
                return lang
    return _SCRIPT_LANGUAGE.get(script)


def _by_words(texts: Iterable[str]) -> str | None:
    """The listed Latin-script language whose own short words the text uses most, or None."""
    tokens: Counter[str] = Counter()
    for text in texts:
        tokens.update(_TOKEN.findall(text.lower()))
    total = tokens.total()
    count = tokens.get  # without Counter's __missing__ for the markers a text lacks
    counts = {lang: sum(count(word, 0) for word in words) for lang, words in _WORDS.items()}
    if total < 20 or max(counts.values()) < 0.1 * total:
        return None
    own = {lang: sum(count(word, 0) for word in words) for lang, words in _OWN.items()}
    best = max(sorted(own), key=lambda lang: own[lang])
    ranked = sorted(own.values(), reverse=True)
    if ranked[0] < 1.3 * ranked[1]:
        return None
    return best


def detect_language(texts: Iterable[str]) -> str | None:
    """The most likely language code, or None when the evidence is thin.

    A text mostly in a script other than Latin is named by its script (and, where languages
    share one, by the letters only one of them has); a Latin-script text by its short words.
    Scripts are counted outside quotation marks where enough letters stand there: a story
    is in the language it tells, whatever its speakers said.
    """
    texts = list(texts)
    told = [_QUOTED.sub(" ", text) for text in texts]
    scripts, chars = _letters(told)
    if scripts.total() < _MIN_LETTERS:
        scripts, chars = _letters(texts)
    letters = scripts.total()
    if letters - scripts["LATIN"] > letters / 2:
        return _by_script(scripts, chars) if letters >= _MIN_LETTERS else None
    return _by_words(texts)
