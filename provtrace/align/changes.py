"""Changes between two linked sentences that can flip what they say.

A word diff (case folded) between the two sides is read edit by edit. Each
edit is checked for what it touches: a negation added or removed, a number,
a date, a name or a modal verb whose value differs between the sides. A long
stretch only added or only removed is a clause gained or lost: what it says
is new or gone, not flipped, so it flags nothing; so is a name only added or
only removed (a name flips when one replaces another). English and Spanish
word lists; names are capitalised words that do not open a sentence.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from provtrace.align.normalize import STOPWORDS, numbers_to_digits, surface
from provtrace.models import Change

#: Words that negate what follows, English and Spanish.
NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "nowhere",
        "neither",
        "nor",
        "without",
        "cannot",
        "nunca",
        "jamás",
        "jamas",
        "ni",
        "nadie",
        "nada",
        "ninguno",
        "ninguna",
        "ningún",
        "ningun",
        "tampoco",
        "sin",
    ]
)
#: Contracted negations: "isn't", "won’t".
NEGATION_SUFFIXES = ("n't", "n’t")
#: Modal verbs: whether something may, will, could or must happen.
MODALS = frozenset(
    [
        "may",
        "might",
        "will",
        "would",
        "can",
        "could",
        "must",
        "shall",
        "should",
        "ought",
        "cannot",
        "puede",
        "pueden",
        "podría",
        "podrían",
        "podrá",
        "podrán",
        "pudo",
        "pudieron",
        "podemos",
        "debe",
        "deben",
        "debería",
        "deberían",
        "deberá",
        "deberán",
        "debió",
        "debemos",
        "quizá",
        "quizás",
    ]
)
#: Contracted modals: "we'll", "won't" (will not), "can't".
MODAL_CONTRACTIONS = frozenset(
    [
        "won't",
        "won’t",
        "can't",
        "can’t",
        "couldn't",
        "couldn’t",
        "wouldn't",
        "wouldn’t",
        "shouldn't",
        "shouldn’t",
    ]
)
MODAL_SUFFIXES = ("'ll", "’ll")
#: Month names, English and Spanish, with common abbreviations: a day number beside one is a date.
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
#: Month and weekday names.
CALENDAR = MONTHS | frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "setiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sabado",
        "domingo",
    ]
)
#: Years written as four digits in this range are dates, not counts.
YEARS = range(1800, 2101)
#: An edit that only adds or only removes more words than this is a clause gained or lost.
CLAUSE_WORDS = 3

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")
_POSSESSIVE = re.compile(r"'s?$")
#: A word opens a sentence at the start, or after a full stop and a space (not after
#: a closing quote: in '"... not anymore!" Trump wrote' the name is mid-sentence).
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+)[\"“‘'«(\[—–-]*$")


@dataclass(frozen=True, slots=True)
class _Token:
    key: str  # case-folded, as compared
    kinds: frozenset[Change]
    value: str  # what is compared within a kind: the folded word, without a possessive


def _is_number(word: str) -> bool:
    return word[0].isdigit() or numbers_to_digits(word) != word


def _month(words: Sequence[str], n: int) -> bool:
    return 0 <= n < len(words) and words[n].casefold() in MONTHS


def _of(words: Sequence[str], n: int) -> bool:
    """ "3 of March", "3 de marzo"."""
    return 0 <= n < len(words) and words[n].casefold() in ("of", "de")


def _kinds(words: Sequence[str], n: int, opening: bool) -> frozenset[Change]:
    word = words[n]
    key = word.casefold()
    out: set[Change] = set()
    if key in NEGATIONS or key.endswith(NEGATION_SUFFIXES):
        out.add(Change.NEGATION)
    if key in MODALS or key in MODAL_CONTRACTIONS or key.endswith(MODAL_SUFFIXES):
        out.add(Change.MODAL)
    near_month = _month(words, n - 1) or _month(words, n + 1) or (_month(words, n + 2) and _of(words, n + 1))
    if word[0].isdigit() and (near_month or (word.isdigit() and int(word) in YEARS)):
        out.add(Change.DATE)
    elif _is_number(key):
        out.add(Change.NUMBER)
    elif key in CALENDAR and (word[0].isupper() or key != "may"):
        out.add(Change.DATE)
    elif word[0].isupper() and not opening and key not in STOPWORDS and key not in NEGATIONS | MODALS:
        out.add(Change.NAME)
    return frozenset(out)


def _tokens(text: str) -> list[_Token]:
    text = unicodedata.normalize("NFC", text)
    matches = list(_TOKEN.finditer(text))
    words = [m.group(0) for m in matches]
    out = []
    for n, match in enumerate(matches):
        opening = bool(_SENTENCE_OPENING.search(text[: match.start()]))
        key = surface(words[n])
        out.append(_Token(key, _kinds(words, n, opening), _POSSESSIVE.sub("", key)))
    return out


def _values(tokens: Iterable[_Token], kind: Change) -> Counter[str]:
    picked = [t.value for t in tokens if kind in t.kinds]
    if kind is Change.NUMBER:
        picked = numbers_to_digits(" ".join(picked)).split()
    elif kind is Change.NEGATION:
        picked = ["negation"] * len(picked)  # "not" for "never" keeps the sense
    return Counter(picked)


def meaning_changes(old: str, new: str) -> tuple[Change, ...]:
    """The meaning flips between two versions of a sentence, in Change order.

    What the edits remove is weighed against what they add, over the whole
    sentence, so a name or number that only moved flags nothing.
    """
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(a=[t.key for t in a], b=[t.key for t in b], autojunk=False)
    removed: list[_Token] = []
    added: list[_Token] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag != "replace" and max(i2 - i1, j2 - j1) > CLAUSE_WORDS):
            continue
        removed += a[i1:i2]
        added += b[j1:j2]
    found = []
    for kind in Change:
        before, after = _values(removed, kind), _values(added, kind)
        gone, came = before - after, after - before
        # A name only added or only removed is detail gained or lost; a flip swaps one.
        if (gone and came) if kind is Change.NAME else (gone or came):
            found.append(kind)
    return tuple(found)
