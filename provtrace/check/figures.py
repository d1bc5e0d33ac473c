"""Figures in a sentence (numbers, amounts, dates) and the ones a rewrite changed.

Equivalent forms have the same value: "Thirty-two" and "32", "eleven" and
"11", "1,200" and "1200", "1.2 million" and "1,200,000", "January 3" and
"3 January". A figure counts as changed when the story has a value the wire
sentence lacks and the wire sentence has one the story lacks, in the same
place: next to a shared word ("23 Cubans" against "32 Cubans"), or, whatever
words stand beside it, as one of as many differing figures on each side of a
reused sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from provtrace.align.normalize import STOPWORDS, fold, numbers_to_digits, stem

#: A number (with a decade's "s": "1960s", "1960's", "'60s"), or a word.
#: Digits right after a letter are part of a code ("M25", "G7"), no figure.
_TOKEN = re.compile(r"(?<![^\W_])\d+(?:[.,]\d+)*(?:(?<=0)['’]?s(?![^\W\d_]))?|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: A decade: a span of years, not the figure of its first year ("the early 1960s" holds 1962).
_DECADE = re.compile(r"(\d*0)['’]?s")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}
#: Scales written right after the digits of a sum of money: "£4m", "$5k".
_SHORT_SCALES = {"k": 10**3, "m": 10**6}
_CONTEXT = 3  # words either side that say what a figure counts
#: Words either side that tell, in a reworded sentence, what a figure is about ("Two crew members
#: were treated" and "Three of the sailors were treated" share "treated" only six words out).
_NEAR = 6


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as written, with its value and the words around it."""

    value: str  # canonical: "32", "1200000", "3.5", or "date 1-3" for January 3
    text: str  # as written: "Thirty-two", "$1.2 billion", "January 3"
    context: frozenset[str]  # stems of the content words around it
    unit: str = ""  # what a number measures where its writing says so: "age", "money", "percent"
    near: frozenset[str] = frozenset()  # stems of the content words in a wider span around it


#: What a number measures, read from the words written around it. A person's age ("Blake, 27,",
#: "aged ten", "a 24-year-old") and a sum of money never stand for a count of something else.
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")  # "Blake, 27,": after a name and a comma ...
_NAMED_AFTER = re.compile(r"^,(?!\d)")  # ... and before a comma
_AGED_BEFORE = re.compile(r"\b(?:aged|age\s+of)\s+$")  # "aged ten", "at the age of 62"
_YEARS_OLD_AFTER = re.compile(r"^(?:[-\s]years?[-\s]old\b|-year\b)", re.IGNORECASE)  # "24-year-old"
_MONEY_BEFORE = re.compile(r"[£$€¥#]\s*$")
_MONEY_AFTER = re.compile(r"^(?:\s*(?:pounds?|dollars?|euros?|pence|cents?)\b|p(?![.\w]))", re.IGNORECASE)
_CALENDAR = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june"
    r"|july|august|september|october|november|december),\s*$",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)


#: Units written after a number, each to its own name: a time of day, a span of time, a distance,
#: a weight, an area. Figures in two units never pair: "7in" and "18cm" are one length converted.
_UNITS = {
    **dict.fromkeys(("am", "pm", "a.m", "p.m", "gmt", "bst", "o'clock"), "time"),
    # A span of time ("two years ago", "for nine hours"), never a calendar year ("in 1997").
    **{w: w for w in ("years", "months", "weeks", "days", "hours", "minutes", "seconds")},
    **{w: w + "s" for w in ("year", "month", "week", "day", "hour", "minute", "second")},
    **dict.fromkeys(("mile", "miles"), "miles"),
    **dict.fromkeys(("km", "kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "metres"),
    **dict.fromkeys(("cm", "centimetres", "centimeters"), "cm"),
    **dict.fromkeys(("mm", "millimetres", "millimeters"), "mm"),
    **dict.fromkeys(("feet", "foot", "ft"), "feet"),
    **dict.fromkeys(("inch", "inches"), "inches"),
    **dict.fromkeys(("lb", "lbs", "pounds-weight"), "lb"),
    **dict.fromkeys(("oz", "ounces", "ounce"), "oz"),
    **dict.fromkeys(("kg", "kilos", "kilograms", "kilogrammes"), "kg"),
    **dict.fromkeys(("tonne", "tonnes"), "tonnes"),
    **dict.fromkeys(("ton", "tons"), "tons"),
    "stone": "stone",
    **dict.fromkeys(("acre", "acres"), "acres"),
    **dict.fromkeys(("hectare", "hectares"), "hectares"),
    "mph": "mph",
}
#: The unit after a number, one word in between at most: "40 tonnes", "19 long hours".
_UNIT_AFTER = re.compile(r"^\s*-?\s*(?:([a-z][a-z.']*)(?:\s+([a-z][a-z.']*))?)", re.IGNORECASE)


def _unit(text: str, start: int, end: int) -> str:
    """What the number written at text[start:end] measures, where the words around it say so."""
    before, after = text[max(0, start - 40) : start], text[end : end + 20]
    if _MONEY_BEFORE.search(before) or _MONEY_AFTER.match(after):
        return "money"
    if _PERCENT_AFTER.match(after):
        return "percent"
    if _YEARS_OLD_AFTER.match(after):
        return "age"
    if re.match(r"in\b", after):  # "7in": inches only when written onto the number
        return "inches"
    words = _UNIT_AFTER.match(after)
    for word in words.groups() if words else ():
        if word and word.lower().rstrip(".") in _UNITS:
            return _UNITS[word.lower().rstrip(".")]
    if not re.fullmatch(r"\d{1,3}|[^\W\d_]+(?:[- ][^\W\d_]+)*", text[start:end]) or _CALENDAR.search(before):
        return ""  # an age is a small number, and "On Monday, 12," is no one's
    if (_NAMED_BEFORE.search(before) and _NAMED_AFTER.match(after)) or _AGED_BEFORE.search(before):
        return "age"
    return ""


def _number(token: str) -> Decimal | None:
    """The value of a written number: digits with separators, or number words."""
    if token[0].isdigit():
        digits = token
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
            digits = digits.replace(",", "")
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits):
            digits = digits.replace(".", "")
        try:
            return Decimal(digits.replace(",", "."))
        except InvalidOperation:
            return None
    words = numbers_to_digits(fold(token).replace("-", " "))
    return Decimal(words) if words.isdigit() else None


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


#: Words before "one" that make it a pronoun, not a count: "the one", "the older one", "each one".
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "each", "every", "another", "any", "no", "which", "whichever"]
)


def _pronoun(lowered: Sequence[str], k: int) -> bool:
    """Whether the "one" at k stands for a thing named before ("the older one"), not a number."""
    before = lowered[k - 1] if k else ""
    if before in _DETERMINERS:
        return True
    return before.endswith(("er", "est")) and k >= 2 and lowered[k - 2] in _DETERMINERS


def _day(token: str) -> bool:
    """A day of a month: 1 to 31."""
    return re.fullmatch(r"\d{1,2}", token) is not None and 1 <= int(token) <= 31


def find_figures(text: str) -> list[Figure]:
    """The figures in text, in order."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    lowered = [t.lower() for t, _, _ in tokens]
    figures: list[tuple[str, int, int]] = []  # value, first token, last token
    k = 0
    while k < len(tokens):
        word = lowered[k]
        month = _MONTHS.get(word.rstrip("."))
        if month and k + 1 < len(tokens) and _day(tokens[k + 1][0]):
            figures.append((f"date {month}-{int(tokens[k + 1][0])}", k, k + 1))
            k += 2
            continue
        # "5 December", not the list number of "34. December 5"
        if (
            _day(word)
            and k + 1 < len(tokens)
            and _MONTHS.get(lowered[k + 1])
            and not text[tokens[k][2] : tokens[k + 1][1]].strip()
        ):
            figures.append((f"date {_MONTHS[lowered[k + 1]]}-{int(word)}", k, k + 1))
            k += 2
            continue
        if word == "one" and _pronoun(lowered, k):
            k += 1
            continue
        decade = _DECADE.fullmatch(word)
        if decade:
            figures.append((f"decade {decade[1]}", k, k))
            k += 1
            continue
        value = _number(re.sub(r"['’]?s$", "", tokens[k][0]) if word[0].isdigit() else tokens[k][0])
        if value is None:
            k += 1
            continue
        end = k
        if not tokens[k][0][0].isdigit():
            # Number words run on: "two hundred and fifty".
            while end + 1 < len(tokens) and (
                _number(tokens[end + 1][0]) is not None
                or lowered[end + 1] == "hundred"
                or (
                    lowered[end + 1] == "and"
                    and end + 2 < len(tokens)
                    and _number(tokens[end + 2][0]) is not None
                )
            ):
                end += 1
            value = _number(" ".join(t for t, _, _ in tokens[k : end + 1])) or value
        if end + 1 < len(tokens) and lowered[end + 1] in _SCALES:
            end += 1
            value *= _SCALES[lowered[end]]
        elif (  # "£4m", "$5k": a sum written short
            end + 1 < len(tokens)
            and lowered[end + 1] in _SHORT_SCALES
            and tokens[end][2] == tokens[end + 1][1]
            and _MONEY_BEFORE.search(text[max(0, tokens[k][1] - 2) : tokens[k][1]])
        ):
            end += 1
            value *= _SHORT_SCALES[lowered[end]]
        figures.append((_canonical(value), k, end))
        k = end + 1
    out: list[Figure] = []
    for canonical, first, last in figures:
        around = lowered[max(0, first - _CONTEXT) : first] + lowered[last + 1 : last + 1 + _CONTEXT]
        context = frozenset(stem(fold(w).strip()) for w in around if _is_context_word(w))
        wider = lowered[max(0, first - _NEAR) : first] + lowered[last + 1 : last + 1 + _NEAR]
        near = frozenset(stem(fold(w).strip()) for w in wider if _is_context_word(w))
        start, end = tokens[first][1], tokens[last][2]
        unit = "" if canonical.startswith(("date", "decade")) else _unit(text, start, end)
        out.append(Figure(canonical, text[start:end], context, unit, near))
    return out


def _is_context_word(word: str) -> bool:
    """A word that can say what a figure counts (not a stopword, number or scale)."""
    return (
        word.isalpha()
        and len(word) > 2
        and word not in STOPWORDS
        and word not in _SCALES
        and word != "hundred"
        and _number(word) is None
    )


def _kind(figure: Figure) -> str:
    """Figures only stand for one another within a kind: dates, decades, years, ages, sums of money,
    percentages, other numbers."""
    if figure.value.startswith(("date", "decade")):
        return figure.value.split()[0]
    if figure.unit:
        return figure.unit
    if figure.value.isdigit() and len(figure.value) == 4 and 1800 <= int(figure.value) < 2200:
        return "year"
    return "number"


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A figure of the story that stands where the wire had another."""

    story: Figure
    wire: Figure


def changed_figures(
    story: Sequence[Figure], wire: Sequence[Figure], *, known: frozenset[str] = frozenset(), close: bool
) -> list[FigureChange]:
    """Pairs (story figure, wire figure) that differ in the same place.

    known holds values the wire has elsewhere for this sentence (another
    version of the copy): a story figure among them is never a change.
    A story figure and a wire figure of the same kind pair up first by a
    shared neighbouring word ("23 Cubans" against "32 Cubans"); the rest pair
    up in order, whatever noun stands beside them ("23 of its citizens"
    against "Thirty-two Cubans"), when each side has as many left or, for
    near-identical sentences (close), always.
    """
    left = Counter(f.value for f in wire)
    story_only: list[Figure] = []
    for figure in story:
        if left[figure.value] > 0:
            left[figure.value] -= 1
        elif figure.value not in known:
            story_only.append(figure)
    wire_only: list[Figure] = []
    used = Counter(f.value for f in story)
    for figure in wire:
        if used[figure.value] > 0:
            used[figure.value] -= 1
        else:
            wire_only.append(figure)
    changes: list[FigureChange] = []
    for figure in list(story_only):
        candidates = [w for w in wire_only if _kind(w) == _kind(figure)]
        best = max(candidates, key=lambda w: len(w.context & figure.context), default=None)
        if best is not None and best.context & figure.context:
            changes.append(FigureChange(figure, best))
            wire_only.remove(best)
            story_only.remove(figure)
    # What is left stands in the same reused sentence, whatever noun stands beside it: taken in
    # order, kind by kind; in a reworded sentence (not close) only where the two are about the
    # same thing, a word shared in a wider span around them ("Two crew members were treated",
    # "Three of the sailors were treated"), as two different facts of one event are not.
    for kind in sorted({_kind(f) for f in story_only} & {_kind(w) for w in wire_only}):
        mine = [f for f in story_only if _kind(f) == kind]
        theirs = [w for w in wire_only if _kind(w) == kind]
        if close:
            changes += [FigureChange(f, w) for f, w in zip(mine, theirs, strict=False)]
            continue
        for figure in mine:
            match = next((w for w in theirs if w.near & figure.near), None)
            if match is not None:
                changes.append(FigureChange(figure, match))
                theirs.remove(match)
    return sorted(changes, key=lambda c: story.index(c.story))
