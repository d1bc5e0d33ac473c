"""Figures in a sentence: numbers, amounts, dates, ordinals, each with its value and what it measures.

One reading serves trace's number and date flags and check's changed-figure rule
(align.figurepairs compares them). Equivalent forms have one value: "Thirty-two"
and "32", "1,200", "1 200" and "1200", "1.2 million", "$1.2m" and "1,200,000",
"January 3", "Jan. 3", "3 January" and "3 de enero", "third" and "3rd". A sign is
part of the value ("-5C" is not "5C"), and so is a scale ("million", "thousands").
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from provtrace.align.figurewords import (
    FULL_MONTHS,
    MONTH_LEADS,
    MONTH_NUMBERS,
    ORDINALS,
    SCALES,
    SHORT_SCALES,
    SPANISH_CALENDAR,
    TEMPERATURE_LETTERS,
    VAGUE_AMOUNTS,
    VAGUE_BEFORE_DE,
    WEEKDAY_NUMBERS,
    YEARS,
)
from provtrace.align.measures import (
    MONEY_BEFORE,
    currencies,
    currency_after,
    dimension,
    hundredths,
    measure,
    same_currency,
)
from provtrace.align.normalize import (
    NUMBER_WORDS,
    STOPWORDS,
    continues_number,
    fold,
    joins_number,
    numbers_to_digits,
    stem,
)

#: A number (signed: "-5"; grouped by commas, stops or spaces: "2,400", "2 400"; a decade: "1960s",
#: "'60s"; an ordinal: "3rd"), or a word. Digits right after a letter are part of a code ("M25", "G7").
_TOKEN = re.compile(
    r"(?:(?<![\w.,\-−–])[-−–](?=\d))?(?<![^\W_])"
    r"(?:\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d|[.,]\d)(?![^\W\d_])|\d+(?:[.,]\d+)*)"
    r"(?:(?<=0)['’]?s(?![^\W\d_])|(?:st|nd|rd|th)(?![^\W\d_])|[ºª])?"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"
)
_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")
#: A decade: a span of years, not the figure of its first year ("the early 1960s" holds 1962).
_DECADE = re.compile(r"(\d*0)['’]?s")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th|º|ª)")
_CONTEXT = 3  # words either side that say what a figure counts
#: Words either side that tell, in a reworded sentence, what a figure is about ("Two crew members
#: were treated" and "Three of the sailors were treated" share "treated" only six words out).
_NEAR = 6
#: Value prefixes of figures that are not plain quantities, each its own kind.
_KINDS = ("date", "weekday", "month", "decade", "ordinal", "many")
#: The kinds that are dates: a change of one is a date changed, of any other a number changed.
DATE_KINDS = frozenset({"date", "weekday", "month", "decade", "year"})


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as written, with its value, what it measures and the words around it."""

    #: Canonical: "32", "-5", "1200000", "3.5"; "date 1-3" (January 3), "weekday 3" (Wednesday),
    #: "month 3" (March), "decade 1960", "ordinal 3" (third), "many 1000" (thousands).
    value: str
    text: str  # as written: "Thirty-two", "-5", "1.2 billion", "January 3"
    context: frozenset[str]  # stems of the content words around it
    unit: str = ""  # what a number measures where its writing says so: "age", "money", "days", "km"
    near: frozenset[str] = frozenset()  # stems of the content words in a wider span around it
    start: int = 0  # where text stands in the sentence read
    end: int = 0
    unit_text: str = ""  # the unit as written, where a word or letter names it: "days", "C"
    also: str = ""  # another value its writing allows: "50m" is 50 (metres) or 50000000
    unit_before: bool = False  # its unit is written before it: "$5", "EUR 20" (not "20 EUR")
    #: What the words before it say of the true value against it (_HEDGES): "more than 10" is ">".
    hedge: str = ""

    @property
    def kind(self) -> str:
        """What the figure is, as figures are compared: only figures of one kind stand for each other.

        Dates, weekdays, months, decades, calendar years, ordinals, vague amounts ("thousands"),
        ages, sums of money, percentages, times of day, spans of time, lengths, weights, areas,
        volumes, speeds, temperatures, other numbers.
        """
        prefix = self.value.split(" ", 1)[0]
        if prefix in _KINDS:
            return prefix
        if self.unit:
            return dimension(self.unit)
        if self.value.isdigit() and len(self.value) == 4 and int(self.value) in YEARS and self.text.isdigit():
            return "year"  # written as four plain digits: "2,040" or "2 040" is a count, never a year
        return "number"

    @property
    def shown(self) -> str:
        """The figure as written with its unit, where a word names one: "nine days", "40C"."""
        if not self.unit_text:
            return self.text
        if self.unit == "money" and not self.unit_text[-1].isalpha():  # a sign: "$4.5 million", "US$5"
            return self.unit_text + self.text
        if self.unit == "money" and self.unit_before:  # a code before it: "MXN 4.5 million"
            return f"{self.unit_text} {self.text}"
        glued = (
            self.unit_text in TEMPERATURE_LETTERS or self.unit_text.startswith("°") or self.unit_text == "p"
        )
        return self.text + ("" if glued else " ") + self.unit_text


def same_value(a: Figure, b: Figure) -> bool:
    """Whether a and b have a value in common, however written ("50m" and "50 million")."""
    return a.value == b.value or a.value == b.also or (bool(a.also) and a.also in (b.value, b.also))


#: Kinds one plain number may be read as: "2040" is a year and "2400" a number, though in "about
#: 2040 members" it is a count like the other (figurepairs pairs them only where they stand in one
#: place of two near-identical sentences).
YEAR_OR_NUMBER = frozenset({"year", "number"})


def differs(a: Figure, b: Figure) -> bool:
    """Whether b, standing where a stood, says another figure: another value in the same unit ("23"
    and "32", "-5C" and "5C", "May 4" and "May 5"), or the same number in another unit of one
    dimension ("nine days" and "nine weeks"). A figure of another kind is no counterpart, but for a
    year and a number (YEAR_OR_NUMBER), and one of the same dimension in another unit and value is
    the figure converted ("7in", "18cm")."""
    if a.kind != b.kind:
        return {a.kind, b.kind} == YEAR_OR_NUMBER and not same_value(a, b)
    if a.kind == "money" and (hundredths(a.unit_text) or hundredths(b.unit_text)):
        return _sums_differ(a, b)
    if same_value(a, b):
        if a.unit == "money" == b.unit:  # "$4.5 million" and "€4.5 million"
            return not same_currency(a.unit_text, b.unit_text)
        return bool(a.unit and b.unit and a.unit != b.unit)
    return a.unit == b.unit


def _sums_differ(a: Figure, b: Figure) -> bool:
    """Whether two sums, one or both in hundredths of a currency ("50p", "50 cents"), differ: in
    currency, or in value once both are in the whole currency ("50p" and "£0.50" are one sum)."""
    (values_a, in_a), (values_b, in_b) = _whole(a), _whole(b)
    if in_a and in_b and in_a.isdisjoint(in_b):
        return True
    return values_a.isdisjoint(values_b)


def _whole(sum_: Figure) -> tuple[set[Decimal], frozenset[str]]:
    """A sum's values (as written and as its writing also allows) in whole currency, and the
    currencies it may be in."""
    coins = hundredths(sum_.unit_text)
    values = {Decimal(v) for v in (sum_.value, sum_.also) if v}
    if coins:
        return {v / 100 for v in values}, coins
    return values, currencies(sum_.unit_text)


def one_figure(a: Figure, b: Figure) -> bool:
    """Whether a and b, of two kinds, are one figure read two ways: one value where a name or a word
    around it made one an age ("Downey, 10, and") and not the other ("Downey, 10 and"), or a month
    and a date in it ("in September", "on 23 September")."""
    if a.kind == b.kind:
        return False
    if same_value(a, b):
        return True
    month, date = sorted((a, b), key=lambda f: f.kind != "month")
    return (
        month.kind == "month"
        and date.kind == "date"
        and date.value.split()[1].split("-")[0] == month.value.split()[1]
    )


@lru_cache(maxsize=1 << 16)
def _number(token: str) -> Decimal | None:
    """The value of a written number: digits with separators (and a sign), or number words.

    Cached: a sentence asks it of each word, and words repeat (a Decimal does not change)."""
    if token[0] in "-−–":
        value = _number(token[1:])
        return -value if value is not None else None
    if token[0].isdigit():
        digits = _SPACES.sub("", token) if _SPACES.search(token) else token
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
            digits = digits.replace(",", "")
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits):
            digits = digits.replace(".", "")
        try:
            return Decimal(digits.replace(",", "."))
        except InvalidOperation:
            return None
    words = fold(token).replace("-", " ")
    if words.split(" ", 1)[0] not in NUMBER_WORDS:
        return None  # the common case, a word: no number opens with it (read no further)
    words = numbers_to_digits(words)
    return Decimal(words) if words.isdigit() else None


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


#: Words before "one" that make it a pronoun, not a count: "the one", "the older one", "each one".
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "each", "every", "another", "any", "no", "which", "whichever"]
)
#: Words after "one" that make it a pronoun: a verb or a relative ("One was later linked", "one who").
_PRONOUN_AFTER = frozenset(["was", "is", "has", "had", "would", "will", "could", "can", "who", "whose"])
#: Words before an ordinal that, with "of" after it, make it a fraction: "a third of the ships".
_FRACTION_LEADS = frozenset(["a", "an", "one"])


def _pronoun(lowered: Sequence[str], k: int) -> bool:
    """Whether the "one" at k stands for a thing named before ("the older one", "One was later
    linked", "one who"), not a number."""
    before = lowered[k - 1] if k else ""
    if before in _DETERMINERS or (k + 1 < len(lowered) and lowered[k + 1] in _PRONOUN_AFTER):
        return True
    return before.endswith(("er", "est")) and k >= 2 and lowered[k - 2] in _DETERMINERS


def _day(token: str) -> int | None:
    """The day of a month a token writes (1 to 31, "14" or "14th"), if it writes one."""
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|º)?", token)
    return int(match[1]) if match and 1 <= int(match[1]) <= 31 else None


_Token = tuple[str, int, int]  # a token as written, where it starts and ends
_Span = tuple[str, int, int]  # a figure's value, its first token and its last


@lru_cache(maxsize=1 << 14)
def find_figures(text: str) -> tuple[Figure, ...]:
    """The figures in text, in order (a sentence is read once, whoever asks).

    Lines are read apart: sentences joined by line breaks (a link of several sentences) make
    no figure together, and the words around a figure are those of its own sentence.
    """
    if "\n" not in text:
        return _line_figures(text)
    out: list[Figure] = []
    at = 0
    for line in text.split("\n"):
        out += (replace(f, start=f.start + at, end=f.end + at) for f in _line_figures(line))
        at += len(line) + 1
    return tuple(out)


def _line_figures(text: str) -> tuple[Figure, ...]:
    """The figures in a text of one line, in order."""
    tokens = _tokens(text)
    lowered = [t.lower() for t, _, _ in tokens]
    spans: list[_Span] = []
    k = 0
    while k < len(tokens):
        if not _may_open(tokens[k][0], lowered[k]):
            k += 1
            continue
        span = _calendar(text, tokens, lowered, k) or _counted(text, tokens, lowered, k)
        if span is None:
            k += 1
            continue
        spans.append(span)
        k = span[2] + 1
    return tuple(_figure(text, tokens, lowered, span) for span in spans)


#: Words a date, a weekday, a month, an ordinal or a vague amount opens with, or "minus" before a
#: number: with digits and number words, the only tokens _calendar or _counted may start a figure at.
_OPENERS = frozenset(
    [*MONTH_NUMBERS, *WEEKDAY_NUMBERS, *ORDINALS, *VAGUE_AMOUNTS, *VAGUE_BEFORE_DE, "minus"]
)


def _may_open(token: str, lowered: str) -> bool:
    """Whether a figure may start at a token: a number in digits (signed or not) or in words, or a
    word of _OPENERS. Most words are none of these, and are passed over without reading them as
    dates or counts (which find nothing at them)."""
    return token[0].isdigit() or token[0] in "-−–" or lowered in _OPENERS or _number(token) is not None


def _tokens(text: str) -> list[_Token]:
    """The tokens of text with where each stands; digits grouped by spaces after a month name are
    a day and another number ("May 14 200 people"), not one figure."""
    found = [(match.group(0), match.start(), match.end()) for match in _TOKEN.finditer(text)]
    if _SPLIT.search(text) is None:  # most sentences: no token is read apart
        return found
    out: list[_Token] = []
    for word, start, end in found:
        if _SPACES.search(word) and out and out[-1][0].lower() in MONTH_NUMBERS:
            out += [(part[0], start + part.start(), start + part.end()) for part in re.finditer(r"\S+", word)]
        elif "-" in word and word[0].isalpha() and (cut := _number_prefix(word)):
            # "two-year", "twenty-five-year-old": the number words, then the rest ("2-year" is read so)
            out += [(word[:cut], start, start + cut), (word[cut + 1 :], start + cut + 1, end)]
        else:
            out.append((word, start, end))
    return out


#: What a token _tokens may read apart holds: digits grouped by a space (the only tokens holding
#: one), or a hyphen between letters (the only tokens holding one that start with a letter).
_SPLIT = re.compile(r"\d[ \u00a0\u2009\u202f]\d|[^\W\d_]-[^\W\d_]")


#: What may follow number words after a hyphen without making them a figure of their own.
_NOT_A_UNIT = frozenset({"half", "halves", "quarter", "quarters", "and", "nil", "all", "love"})


def _number_prefix(word: str) -> int:
    """Where the number words that open a hyphenated word end, when more follows ("two-year": 3,
    "twenty-five-year-old": 11); else 0 ("twenty-two" is a number whole, "well-known" holds none)."""
    parts = word.split("-")
    for n in range(len(parts) - 1, 0, -1):
        rest = parts[n].lower()
        if rest in _NOT_A_UNIT or rest in ORDINALS or rest.removesuffix("s") in ORDINALS:
            return 0  # a fraction ("two-thirds"), "two-and-a-half", a score ("three-nil")
        if _number("-".join(parts[:n])) is not None and _number(rest) is None:
            return len("-".join(parts[:n]))
    return 0


def _named(word: str, written: str) -> bool:
    """Whether a calendar name is written as one: an English one capitalised ("may" is a verb),
    a Spanish one in lower case ("Domingo" is a name)."""
    return written[0].isupper() != (word in SPANISH_CALENDAR)


def _calendar(text: str, tokens: Sequence[_Token], lowered: Sequence[str], k: int) -> _Span | None:
    """A date ("January 3", "3 January", "3rd of March", "3 de marzo"), a weekday, or a month named
    alone ("in March", "March 2024"), starting at token k."""
    word, count = lowered[k], len(tokens)
    month = MONTH_NUMBERS.get(word)
    day = _day(tokens[k + 1][0]) if month and k + 1 < count else None
    if month and day:
        return f"date {month}-{day}", k, k + 1
    day = _day(word)
    if day and k + 1 < count:  # "5 December", not the list number of "34. December 5"
        if lowered[k + 1] in MONTH_NUMBERS and not text[tokens[k][2] : tokens[k + 1][1]].strip():
            return f"date {MONTH_NUMBERS[lowered[k + 1]]}-{day}", k, k + 1
        if k + 2 < count and lowered[k + 1] in ("of", "de") and lowered[k + 2] in FULL_MONTHS:
            return f"date {MONTH_NUMBERS[lowered[k + 2]]}-{day}", k, k + 2
    written = tokens[k][0]
    if word in WEEKDAY_NUMBERS and _named(word, written):
        return f"weekday {WEEKDAY_NUMBERS[word]}", k, k
    if word in FULL_MONTHS and _named(word, written):
        led = k > 0 and lowered[k - 1] in MONTH_LEADS
        year = k + 1 < count and lowered[k + 1].isdigit() and int(lowered[k + 1]) in YEARS
        if led or year:
            return f"month {MONTH_NUMBERS[word]}", k, k
    return None


def _counted(text: str, tokens: Sequence[_Token], lowered: Sequence[str], k: int) -> _Span | None:
    """A count or an amount starting at token k: a number (with its scale), a decade, an ordinal,
    a vague amount ("thousands"), or a number after "minus"."""
    word = lowered[k]
    if word == "one" and _pronoun(lowered, k):
        return None
    decade = _DECADE.fullmatch(word)
    if decade:
        return f"decade {decade[1]}", k, k
    ordinal = _ordinal(tokens, lowered, k)
    if ordinal is not None:
        return f"ordinal {ordinal}", k, k
    vague = _vague(lowered, k)
    if vague is not None:
        return vague
    if word == "minus" and k + 1 < len(tokens) and lowered[k + 1][0].isdigit():
        amount = _amount(text, tokens, lowered, k + 1)
        if amount is not None and not amount[0].startswith("-"):
            return f"-{amount[0]}", k, amount[2]
    return _amount(text, tokens, lowered, k)


def _ordinal(tokens: Sequence[_Token], lowered: Sequence[str], k: int) -> int | None:
    """The number of an ordinal at token k ("third", "3rd"), not a fraction ("a third of") nor a
    second of time ("30 second"), nor part of a name ("Third World": ordinal words in lower case)."""
    digits = _ORDINAL_DIGITS.fullmatch(lowered[k])
    if digits:
        return int(digits[1])
    number = ORDINALS.get(lowered[k])
    if number is None or not tokens[k][0].islower():
        return None
    before = lowered[k - 1] if k else ""
    after = lowered[k + 1] if k + 1 < len(lowered) else ""
    if after == "of" and (before in _FRACTION_LEADS or (before and _number(before) is not None)):
        return None
    if lowered[k] == "second" and before and _number(before) is not None:
        return None
    return number


def _vague(lowered: Sequence[str], k: int) -> _Span | None:
    """A vague amount at token k: "thousands", "hundreds of thousands", "miles de" (thousands of)."""
    word = lowered[k]
    after = lowered[k + 1] if k + 1 < len(lowered) else ""
    order = VAGUE_AMOUNTS.get(word) or (VAGUE_BEFORE_DE.get(word) if after == "de" else None)
    if order is None:
        return None
    if after in ("of", "de") and k + 2 < len(lowered):
        inner = (
            VAGUE_AMOUNTS.get(lowered[k + 2])
            or VAGUE_BEFORE_DE.get(lowered[k + 2])
            or SCALES.get(lowered[k + 2])
        )
        if inner and inner > order:  # "tens of thousands", "decenas de miles", "tens of thousand"
            return f"many {order * inner}", k, k + 2
    return f"many {order}", k, k


def _amount(text: str, tokens: Sequence[_Token], lowered: Sequence[str], k: int) -> _Span | None:
    """A number at token k, in digits or words, with the scale after it ("4.5 million", "£4m")."""
    token = tokens[k][0]
    digits = token.lstrip("-−–")[:1].isdigit()
    value = _number(re.sub(r"['’]?s$", "", token) if digits else token)
    if value is None:
        return None
    end = k
    if not digits:
        if k > 0 and lowered[k - 1] == "por" and lowered[k] in ("ciento", "cien"):
            return None  # "por ciento", "por cien": per cent
        spaced = k > 0 and not text[tokens[k - 1][2] : tokens[k][1]].strip()
        if token[:1].isupper() and spaced and tokens[k - 1][0][:1].isupper():
            return None  # a number word in a name: "League One", "Air Force One"
        # Number words run on: "twenty-two", "two hundred and fifty" (not "one, three": two numbers).
        while end + 1 < len(tokens) and _runs_on(text, tokens, lowered, end):
            end += 1
        value = _number(" ".join(t for t, _, _ in tokens[k : end + 1])) or value
    if end + 1 < len(tokens) and lowered[end + 1] in SCALES:
        end += 1
        value *= SCALES[lowered[end]]
        if not digits:  # "two thousand four hundred", "dos mil cuatrocientos": the rest in words
            end, value = _words_after_scale(text, tokens, lowered, end, value)
    elif (  # "£4m", "$5k", "4m euros": a sum written short
        end + 1 < len(tokens)
        and lowered[end + 1] in SHORT_SCALES
        and tokens[end][2] == tokens[end + 1][1]
        and (
            MONEY_BEFORE.search(text[max(0, tokens[k][1] - 5) : tokens[k][1]])
            or currency_after(text[tokens[end + 1][2] : tokens[end + 1][2] + 20])
        )
    ):
        end += 1
        value *= SHORT_SCALES[lowered[end]]
    return _canonical(value), k, end


def _words_after_scale(
    text: str, tokens: Sequence[_Token], lowered: Sequence[str], end: int, value: Decimal
) -> tuple[int, Decimal]:
    """A number in words that goes on after its scale ("two thousand four hundred", "dos mil
    cuatrocientos"): the end and value taken on where words smaller than the scale follow."""
    scale = SCALES[lowered[end]]
    first = end + 1
    if (
        first >= len(tokens)
        or tokens[first][0][:1].isdigit()
        or text[tokens[end][2] : tokens[first][1]].strip()
    ):
        return end, value
    if lowered[first] == "and" and first + 1 < len(tokens):
        first += 1  # "two thousand and twelve"
    rest = _number(tokens[first][0])
    if rest is None:
        return end, value
    last = first
    while last + 1 < len(tokens) and _runs_on(text, tokens, lowered, last):
        last += 1
    rest = _number(" ".join(t for t, _, _ in tokens[first : last + 1])) or rest
    if rest >= scale or (last + 1 < len(tokens) and lowered[last + 1] in SCALES):
        return end, value  # not the rest of this number ("tres millones doscientos mil")
    return last, value + rest


def _runs_on(text: str, tokens: Sequence[_Token], lowered: Sequence[str], end: int) -> bool:
    """Whether the number words ending at token end go on at the next one: joined by a space or a
    hyphen only, as one number is written ("twenty-two", "two hundred and fifty")."""
    if text[tokens[end][2] : tokens[end + 1][1]].strip(" -\u00a0"):
        return False  # a comma or other stop between: a list of numbers ("One, three points")
    word, following = lowered[end], lowered[end + 1]
    if following in ("and", "y"):  # "hundred and fifty", "treinta y dos"
        return (
            end + 2 < len(tokens)
            and joins_number(word, following, lowered[end + 2])
            and (_number(tokens[end + 2][0]) is not None or lowered[end + 2] in ("un", "una"))
        )
    if word in ("and", "y"):
        return _number(tokens[end + 1][0]) is not None or following in ("un", "una")
    return continues_number(word, following)


def _figure(text: str, tokens: Sequence[_Token], lowered: Sequence[str], span: _Span) -> Figure:
    value, first, last = span
    around = [*lowered[max(0, first - _CONTEXT) : first], *lowered[last + 1 : last + 1 + _CONTEXT]]
    context = frozenset(s for s in map(_context_stem, around) if s is not None)
    wider = [*lowered[max(0, first - _NEAR) : first], *lowered[last + 1 : last + 1 + _NEAR]]
    near = frozenset(s for s in map(_context_stem, wider) if s is not None)
    start, end = tokens[first][1], tokens[last][2]
    read = ("", "", False) if value.split(" ", 1)[0] in _KINDS else measure(text, start, end)
    unit, unit_text, before = read
    also = _also(tokens, lowered, span)
    hedge = _hedge(lowered, first)
    return Figure(value, text[start:end], context, unit, near, start, end, unit_text, also, before, hedge)


#: Words before a figure that hedge it, and what they say of the true value against it: above
#: (">"), at least (">="), below ("<"), at most ("<="), near ("~"), or near and below ("-"). Not
#: "over" or "under", as often a place or a span ("over 2 days") as a hedge.
_HEDGES: dict[tuple[str, ...], str] = {
    ("more", "than"): ">",
    ("at", "least"): ">=",
    ("less", "than"): "<",
    ("fewer", "than"): "<",
    ("up", "to"): "<=",
    ("at", "most"): "<=",
    ("no", "more", "than"): "<=",
    ("about",): "~",
    ("around",): "~",
    ("some",): "~",
    ("roughly",): "~",
    ("approximately",): "~",
    ("nearly",): "-",
    ("almost",): "-",
    ("más", "de"): ">",
    ("menos", "de"): "<",
    ("unos",): "~",
    ("unas",): "~",
    ("alrededor", "de"): "~",
    ("cerca", "de"): "~",
    ("aproximadamente",): "~",
    ("casi",): "-",
}


def _hedge(lowered: Sequence[str], first: int) -> str:
    """The hedge the words before token first put on its figure (_HEDGES), or ""; "a" or "an"
    between them is passed over ("about a dozen")."""
    k = first - 1 if first > 0 and lowered[first - 1] in ("a", "an") else first
    for n in (3, 2, 1):
        if k >= n and (found := _HEDGES.get(tuple(lowered[k - n : k]))) is not None:
            return found
    return ""


#: How near a hedged "about" figure is to the true value, beside its rounding: a tenth of it
#: ("about a dozen" for 11). A convention of writing, not a fitted figure.
_NEAR_SHARE = Decimal("0.1")


#: The hedges that bound the true value, each as the comparison of the true value with the figure.
_BOUNDS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}


def hedge_holds(exact: Figure, hedged: Figure) -> bool:
    """Whether hedged, a figure the words before it hedge ("more than 10", "about a dozen", "some
    30") where exact is written without a hedge, says what exact says: a count, sum or measure of
    one kind and unit, whose hedge holds for exact's value ("more than 10" for 11; "about 2,000"
    for 2,400, as 2,400 rounds to 2,000 at its thousands; "about a dozen" for 11, within a tenth).
    Not the other way round: a figure made exact where the wire hedged it says more than it."""
    if not hedged.hedge or exact.hedge or exact.kind != hedged.kind or exact.unit != hedged.unit:
        return False
    if exact.kind in DATE_KINDS or exact.value.split(" ", 1)[0] in _KINDS:
        return False
    if exact.unit == "money" and not same_currency(exact.unit_text, hedged.unit_text):
        return False
    try:
        true, said = Decimal(exact.value), Decimal(hedged.value)
    except InvalidOperation:
        return False
    relation = hedged.hedge
    if relation in _BOUNDS:
        return _BOUNDS[relation](true, said)
    exponent = said.normalize().as_tuple().exponent  # "2000": 3, "30": 1, "4.5": -1
    step = Decimal(10) ** exponent if isinstance(exponent, int) else Decimal(0)
    near = abs(true - said) <= max(step / 2, abs(said) * _NEAR_SHARE)
    return near and (relation == "~" or true < said)


#: One group of three digits after a stop: "2.400" is 2,400 where a stop groups thousands (Spanish,
#: German…) and 2.4 in English. ("2,400" is 2,400 in English and, with three decimals, rarely 2.4
#: elsewhere, so it is read one way.)
_ONE_GROUP = re.compile(r"\d{1,3}\.\d{3}")


def _also(tokens: Sequence[_Token], lowered: Sequence[str], span: _Span) -> str:
    """Another value a number's writing allows: "50m" and "5k" without a currency sign are metres
    or kilometres, or millions and thousands ("50m attempts"); "2.400" is 2400 or 2.4, as the
    language groups digits (so a translation's "2.400" is the original's "2,400")."""
    value, first, last = span
    if value.split(" ", 1)[0] in _KINDS:
        return ""
    digits = tokens[first][0].lstrip("-−–")
    if first == last and _ONE_GROUP.fullmatch(digits):
        sign = "-" if value.startswith("-") else ""
        readings = (sign + _canonical(Decimal(r)) for r in (digits.replace(".", ""), digits))
        return next((r for r in readings if r != value), "")
    after = last + 1
    if after >= len(tokens) or lowered[after] not in SHORT_SCALES:
        return ""
    return (
        _canonical(Decimal(value) * SHORT_SCALES[lowered[after]])
        if tokens[last][2] == tokens[after][1]
        else ""
    )


@lru_cache(maxsize=1 << 16)
def _context_stem(word: str) -> str | None:
    """The stem a word around a figure adds to its context, or None where it says nothing of what
    the figure counts (cached: the words around figures repeat)."""
    return stem(fold(word).strip()) if _is_context_word(word) else None


def _is_context_word(word: str) -> bool:
    """A word that can say what a figure counts (not a stopword, number or scale)."""
    return (
        word.isalpha()
        and len(word) > 2
        and word not in STOPWORDS
        and word not in SCALES
        and word not in VAGUE_AMOUNTS
        and word != "hundred"
        and _number(word) is None
    )
