"""Normalise sentences before comparing them.

Two versions of a sentence that differ only in case, quote style,
diacritics (in any script), "U.S." against "US" or "Thirty-two" against "32" should
compare as identical. This module turns a sentence into a canonical string
and into the features the aligner weighs: content-word stems and anchors
(numbers, names, quoted words) that rarely change between versions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from provtrace.align.stopwords import STOPWORDS as STOPWORDS  # re-exported: its readers import it here
from provtrace.scripts import UNSPACED

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
    # Spanish, for rewrites of English wire copy (folded: "veintitrés" is "veintitres"; "once", 11,
    # is left out, being an English word too)
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veintiuno": 21, "veintiun": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90,
}  # fmt: skip
#: Spanish hundreds, written as one word, that tens and units follow ("ciento veinte", 120).
_HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Words that join the parts of one number: "hundred and fifty", "treinta y dos".
_JOINS = frozenset({"and", "y"})
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_HUNDREDS, "dozen"], key=len, reverse=True))
#: Every word that can open a number phrase: a text whose words include none of them has no number words.
#: The words a number written in words opens with (numbers_to_digits reads no other).
NUMBER_WORDS = frozenset([*_UNITS, *_TENS, *_HUNDREDS, "dozen"])
#: Spanish "one" after a ten and "y", where it is no article: "treinta y un soldados", "cuarenta y una".
_ONE_AFTER_TEN = frozenset({"un", "una"})
_NUMBER_PHRASE = re.compile(
    rf"\b(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:(?:and|y)[\s-]+)?(?:{_NUMBER_WORD}|hundred)|[\s-]+y[\s-]+una?)*)\b"
)
_JOIN_SPLIT = re.compile(r"([\s-]+(?:and|y)[\s-]+)")
_WORD_SPLIT = re.compile(r"[\s-]+")
# Each with the text one of its matches must contain, to skip it cheaply.
_ABBREVIATIONS = (
    (("u.",), re.compile(r"\bu\.\s?s\.(?:\s?a\.)?"), "us "),
    (("u.",), re.compile(r"\bu\.\s?n\.(?=\W|$)"), "un "),
    (("u.",), re.compile(r"\bu\.\s?k\.(?=\W|$)"), "uk "),
    (("e.",), re.compile(r"\be\.\s?u\.(?=\W|$)"), "eu "),
    (("d.",), re.compile(r"\bd\.\s?c\.(?=\W|$)"), "dc "),
    (("p.",), re.compile(r"\bp\.\s?m\.(?=\W|$)"), "pm "),
    (("a.",), re.compile(r"\ba\.\s?m\.(?=\W|$)"), "am "),
    (("per", "%"), re.compile(r"\bper\s?cent\b|%"), " percent "),
)
# A dateline opening a story: "WASHINGTON (Reuters) - ", "Havana/", "PARIS, May 2 (AFP) -"
# (always with a bracket or a slash).
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30}){0,2}"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\([^)]{1,40}\)\s*[-–—]+\s*"
    r"|[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s*/\s*(?=[A-Z]))"
)
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{3,300})[\"“”«»„]")
# A word of any script: letters and digits (after fold, so lower-case and unaccented).
_TOKEN = re.compile(r"[^\W_]+")
# A capitalised word not opening the text or a sentence. The capital comes first and the
# conditions on what precedes it follow as lookbehinds, so the engine can skip to capitals.
_CAPITALISED = re.compile(r"([A-ZÀ-Þ](?<![.!?]\s.)(?<!\w.)(?<!^.)[\w'’-]*[a-zà-ÿ][\w'’-]*)")


# Combining marks left by NFKD decomposition (diacritics), removed in one pass.
_COMBINING = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    # Hebrew points, Arabic harakat and Quranic marks, kana voicing marks.
    r"\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u3099\u309a]"
)
# Curly quotes and dashes to straight ones (str.replace: far cheaper than str.translate with a table).
_PUNCTUATION = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))


def fold(text: str) -> str:
    """Lower-case, strip diacritics, unify quotes and dashes, expand U.S. and friends."""
    if not text.isascii():  # ASCII has no diacritics to strip and no curly quotes
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = text.lower()
    for mark, plain in _PUNCTUATION:
        if mark in text:
            text = text.replace(mark, plain)
    for guard, pattern, replacement in _ABBREVIATIONS:
        for g in guard:  # a cheap test first: most sentences hold none
            if g in text:
                text = pattern.sub(replacement, text)
                break
    return text


_QUOTE_MARKS = str.maketrans(dict.fromkeys('"“”„‟«»‘’‚‛′″`´', "'"))
_HYPHENS = str.maketrans(dict.fromkeys("‐‑‒−", "-"))
#: A dash as punctuation, whatever its style: en or em dash (spaced or not),
#: a double hyphen, or a hyphen with a space on either side.
_DASH = re.compile(r"\s*(?:--+|[–—―])\s*|\s+-\s*|\s*-\s+")
#: The marks _QUOTE_MARKS and _HYPHENS fold, each with what it becomes, and the characters
#: some match of _DASH must hold.
_FOLDED_MARKS = tuple((chr(k), v) for table in (_QUOTE_MARKS, _HYPHENS) for k, v in table.items())
_DASHES = ("-", "–", "—", "―")


def surface(text: str) -> str:
    """The text as "verbatim" compares it: only case, quote style, dash style and spacing folded.

    Unlike normalize(), nothing else is forgiven: a changed word, number,
    article, diacritic or punctuation mark keeps two texts apart.
    """
    text = unicodedata.normalize("NFC", text).casefold()
    # As text.translate(_QUOTE_MARKS).translate(_HYPHENS), but a mark at a time, and only the
    # marks the text holds: several times faster (no mark maps to one another replaces).
    for mark, folded in _FOLDED_MARKS:
        if mark in text:
            text = text.replace(mark, folded)
    if any(dash in text for dash in _DASHES):  # else _DASH cannot match
        text = _DASH.sub(" - ", text)
    return " ".join(text.split())  # spacing folded: runs of whitespace (str.isspace) one space


def _number_value(phrase: str) -> int | None:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", phrase):
        if word in _JOINS:
            continue
        if word in _HUNDREDS:
            current += _HUNDREDS[word]
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _ONE_AFTER_TEN:
            current += 1
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def continues_number(previous: str, word: str) -> bool:
    """Whether number word `word` (folded) goes on with the number `previous` ends: "twenty" then
    "two", anything then "hundred", a Spanish hundred then tens or units ("ciento veinte"); not "two"
    then "three" (two numbers, as in "two, three goals")."""
    if word == "hundred" or (previous in _TENS and 1 <= _UNITS.get(word, 0) <= 9):
        return True
    return previous in _HUNDREDS and (word in _TENS or word in _UNITS)


def joins_number(previous: str, join: str, following: str) -> bool:
    """Whether `join` ("and", "y") joins two parts of one number: "hundred and fifty", "treinta y dos"
    (a Spanish ten and a unit only: "dos y tres" are two numbers)."""
    if join == "and":
        return previous == "hundred"
    unit = 1 <= _UNITS.get(following, 0) <= 9 or following in _ONE_AFTER_TEN
    return join == "y" and previous in _TENS and unit


def numbers_to_digits(folded: str) -> str:
    """Replace number words ("thirty-two", "eleven") by digits in folded text."""

    def digits(phrase: str) -> str:
        value = _number_value(phrase)
        return str(value) if value is not None else phrase

    def replace(match: re.Match[str]) -> str:
        # Parts joined by "and" or "y" are one number only where joins_number says so: "treinta y
        # dos" is 32, "dos y tres" two numbers, "uno y dos" no 3.
        pieces = _JOIN_SPLIT.split(match.group(0))
        parts, joins = [pieces[0]], []
        for join, part in zip(pieces[1::2], pieces[2::2], strict=True):
            previous, following = _WORD_SPLIT.split(parts[-1])[-1], _WORD_SPLIT.split(part)[0]
            if joins_number(previous, join.strip(" -"), following):
                parts[-1] += join + part
            else:
                parts.append(part)
                joins.append(join)
        out = [digits(parts[0])]
        for join, part in zip(joins, parts[1:], strict=True):
            out += [join, part if part in _ONE_AFTER_TEN else digits(part)]
        return "".join(out)

    return _NUMBER_PHRASE.sub(replace, folded)


def strip_dateline(text: str) -> str:
    """Drop a leading dateline so it does not count as content."""
    if "(" not in text and "/" not in text:  # the common case: no dateline can match (see _DATELINE)
        return text
    return _DATELINE.sub("", text, count=1)


def tokens(folded: str) -> list[str]:
    """The words of folded text, in any script; runs of CJK or kana become character pairs."""
    if UNSPACED.search(folded) is None:  # the common case: every word is spaced
        return _TOKEN.findall(folded)
    out: list[str] = []
    for word in _TOKEN.findall(folded):
        if UNSPACED.search(word) is None:
            out.append(word)
            continue
        at = 0
        for run in UNSPACED.finditer(word):
            if run.start() > at:
                out.append(word[at : run.start()])
            chars = run.group()
            out.extend(chars[k : k + 2] for k in range(max(len(chars) - 1, 1)))
            at = run.end()
        if at < len(word):
            out.append(word[at:])
    return out


def has_unspaced(text: str) -> bool:
    """Whether the text holds any CJK or kana (scripts written without spaces)."""
    return UNSPACED.search(text) is not None


def split_unspaced(word: str) -> list[str]:
    """A word as units of wording: each character of a CJK or kana run is one unit."""
    if UNSPACED.search(word) is None:
        return [word]
    out: list[str] = []
    at = 0
    for run in UNSPACED.finditer(word):
        if run.start() > at:
            out.append(word[at : run.start()])
        out.extend(run.group())
        at = run.end()
    if at < len(word):
        out.append(word[at:])
    return out


def _is_unspaced(token: str) -> bool:
    return UNSPACED.match(token) is not None


def normalize(text: str) -> str:
    """The canonical comparison string of a sentence."""
    return " ".join(_normal_words(strip_dateline(text)))


#: A thousands separator: a comma or full stop between a digit and exactly three more digits.
_GROUPED = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")


def _normal_words(body: str) -> list[str]:
    """The words of normalize(body) (no dateline stripping)."""
    folded = fold(body)
    if _GROUPED.search(folded) is not None:  # "10,000" and "10.000" are the number 10000, not 10 and 000
        folded = _GROUPED.sub("", folded)
    words = tokens(folded)
    # A number phrase opens with a whole word that is a number word: without one, nothing to replace.
    if not NUMBER_WORDS.isdisjoint(words):
        words = tokens(numbers_to_digits(folded))
    return words


@lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """A crude, language-agnostic stem: cut plural and verb endings, keep 6 letters.

    Prefix truncation is a known trick for cross-variant matching (adviser and
    advisor, withdrawal and withdrawing); six letters keep collisions rare.
    """
    if token.isdigit():
        return token
    for suffix in ("ies", "ers", "ors", "es", "s", "ing", "ed", "er", "or", "ly"):
        if len(token) > len(suffix) + 3 and token.endswith(suffix):
            token = token[: -len(suffix)]
            break
    return token[:6]


@dataclass(frozen=True, slots=True)
class Features:
    """What the aligner compares for one sentence."""

    norm: str
    stems: tuple[str, ...]  # content-word stems, in order, with repeats
    anchors: frozenset[str]  # numbers, names and quoted words
    #: The stems once each, in order of first use (what a bag of the sentence holds):
    #: worked out once, as a sentence is compared in many pairs.
    distinct: tuple[str, ...] = field(compare=False, repr=False)


def _fold_word(word: str) -> str:
    """Lower-case a single word and strip its diacritics (cheaper than fold)."""
    if word.isascii():
        return word.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", word)).lower()


@lru_cache(maxsize=1 << 16)
def _content_stem(token: str) -> str:
    """The stem of a normalised word that counts as content, else "" (a stopword, or too short)."""
    if token not in STOPWORDS and (len(token) > 2 or token.isdigit() or _is_unspaced(token)):
        return stem(token)
    return ""


@lru_cache(maxsize=1 << 16)
def _name_anchor(word: str) -> str:
    """The anchor a capitalised word gives (the stem of its first token), else "" (a stopword)."""
    words = tokens(_fold_word(word))
    return stem(words[0]) if words and words[0] not in STOPWORDS else ""


def features(text: str) -> Features:
    """Compute the comparison features of one sentence."""
    body = strip_dateline(text)
    normal = _normal_words(body)
    # Per word, through cached look-ups: a long text repeats most of its words.
    stems = tuple(filter(None, map(_content_stem, normal)))
    anchors: set[str] = set(filter(str.isdigit, normal))
    anchors.update(filter(None, map(_name_anchor, _CAPITALISED.findall(body))))
    for match in _QUOTED.finditer(body):
        anchors.update(stem(t) for t in normalize(match.group(1)).split() if t not in STOPWORDS)
    return Features(" ".join(normal), stems, frozenset(anchors), tuple(dict.fromkeys(stems)))
