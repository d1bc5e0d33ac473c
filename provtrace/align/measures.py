"""What a number measures, read from the words written around it: a unit ("40 tonnes", "19 long
hours", "40C"), a person's age ("Blake, 27,", "aged ten", "a 24-year-old"), a sum of money or a
percentage. Figures in two dimensions never stand for one another (align.figures)."""

from __future__ import annotations

import re

from provtrace.align.figurewords import TEMPERATURE_LETTERS, UNITS

#: What each unit measures; a unit not listed (age, money, percent) is a dimension of its own.
_DIMENSIONS = dict(UNITS.values())


def dimension(unit: str) -> str:
    """What a unit measures: "span" for "days", "length" for "km"; "age", "money", "percent" themselves."""
    return _DIMENSIONS.get(unit, unit)


#: A person's age ("Blake, 27,", "aged ten", "a 24-year-old") and a sum of money never stand for
#: a count of something else.
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")  # "Blake, 27,": after a name and a comma ...
_NAMED_AFTER = re.compile(r"^,(?!\d)")  # ... and before a comma
_AGED_BEFORE = re.compile(r"\b(?:aged|age\s+of)\s+$")  # "aged ten", "at the age of 62"
_YEARS_OLD_AFTER = re.compile(r"^[-\s]years?[-\s]olds?\b", re.IGNORECASE)  # "24-year-old"
#: A currency written before a sum: a sign ("#" is "£" in PA's copy), a dollar sign with its
#: country's letters ("US$", "A$"), or a code ("USD 4.5m").
_CODES = "USD|EUR|GBP|JPY|CNY|CHF|MXN|INR|BRL|ARS|CLP|COP|CAD|AUD|NZD|HKD|SGD|KRW|RUB|TRY|ZAR|SEK|NOK|DKK|PLN"
#: The currencies' codes, as written.
CURRENCY_CODES = frozenset(_CODES.split("|"))
MONEY_BEFORE = re.compile(r"((?:\b(?:US|AU|A|CA|C|NZ|HK|S|R))?\$|[£€¥₹₽₩#]|\b(?:" + _CODES + r")\s)\s*$")
#: A currency written after a sum: a word, in English or Spanish ("4,5 millones de dólares"),
#: "p" glued to the digits ("50p"), or a code.
_MONEY_AFTER = re.compile(
    r"^(?:(?:m|bn|k)?\s*(?:de\s+)?(?:U\.?S\.?\s+)?(pounds?|sterling|dollars?|d[oó]lar(?:es)?|euros?|pence"
    r"|cents?|pesos?|yen|yuan|renminbi|rupees?|roubles?|rubles?|francs?|libras?|reais|centavos?|c[ée]ntimos?"
    r"|(?-i:" + _CODES + r"))\b"
    r"|(p)(?!\w|\.\w))",
    re.IGNORECASE,
)
_DOLLARS = frozenset({"usd", "aud", "cad", "nzd", "hkd", "sgd"})
#: The currencies a sign, code or word may name: "$" and "dollars" a dollar of any country (a
#: peso written "$", as in Mexico, is read as a dollar: a fact-checker sees both as written),
#: "¥" a yen or a yuan.
_CURRENCIES: dict[str, frozenset[str]] = {
    "$": _DOLLARS,
    "us$": frozenset({"usd"}),
    "a$": frozenset({"aud"}),
    "au$": frozenset({"aud"}),
    "c$": frozenset({"cad"}),
    "ca$": frozenset({"cad"}),
    "nz$": frozenset({"nzd"}),
    "hk$": frozenset({"hkd"}),
    "s$": frozenset({"sgd"}),
    "r$": frozenset({"brl"}),
    "dollar": _DOLLARS,
    "dólar": _DOLLARS,
    "dolar": _DOLLARS,
    "€": frozenset({"eur"}),
    "euro": frozenset({"eur"}),
    "£": frozenset({"gbp"}),
    "#": frozenset({"gbp"}),
    "pound": frozenset({"gbp"}),
    "sterling": frozenset({"gbp"}),
    "libra": frozenset({"gbp"}),
    "pence": frozenset({"penny"}),
    "p": frozenset({"penny"}),
    "cent": frozenset({"cent"}),
    "peso": frozenset({"mxn", "ars", "clp", "cop", "php", "uyu", "dop", "cup"}),
    "real": frozenset({"brl"}),
    "reais": frozenset({"brl"}),
    "centavo": frozenset({"centavo"}),
    "céntimo": frozenset({"cent"}),
    "centimo": frozenset({"cent"}),
    "¥": frozenset({"jpy", "cny"}),
    "yen": frozenset({"jpy"}),
    "yuan": frozenset({"cny"}),
    "renminbi": frozenset({"cny"}),
    "₹": frozenset({"inr"}),
    "rupee": frozenset({"inr"}),
    "₽": frozenset({"rub"}),
    "rouble": frozenset({"rub"}),
    "ruble": frozenset({"rub"}),
    "₩": frozenset({"krw"}),
    "franc": frozenset({"chf", "franc"}),
    **{code.lower(): frozenset({code.lower()}) for code in CURRENCY_CODES},
}
#: Coins that are a hundredth of a currency: a sum in them is that currency's, over 100.
_HUNDREDTHS = {
    "penny": frozenset({"gbp"}),
    "cent": _DOLLARS | {"eur"},
    "centavo": _CURRENCIES["peso"] | {"brl", "usd"},  # pesos', reais' (and Ecuador's dollars)
}


def currencies(written: str) -> frozenset[str]:
    """The currencies a sum's currency as written may name ("$": any dollar; "pesos": a peso);
    none where it is not written or not known."""
    word = written.lower().split()[-1] if written.strip() else ""
    for key in (word, word.removesuffix("es"), word.removesuffix("s")):
        if key in _CURRENCIES:
            return _CURRENCIES[key]
    return frozenset()


def currency_after(text: str) -> bool:
    """Whether text, just after a sum, opens with a currency's word or code ("m euros": after "4")."""
    named = _MONEY_AFTER.match(text)
    return named is not None and named[1] is not None


def hundredths(written: str) -> frozenset[str]:
    """The currencies whose hundredth a sum's currency as written is ("50p": pounds; "50 cents":
    a dollar or a euro), or none."""
    named = currencies(written)
    return frozenset().union(*(_HUNDREDTHS[c] for c in named if c in _HUNDREDTHS))


def same_currency(a: str, b: str) -> bool:
    """Whether two sums' currencies as written may be one ("$" and "US$", "€" and "euros"), as
    they are where either is unknown."""
    one, other = currencies(a), currencies(b)
    return not one or not other or not one.isdisjoint(other)


_CALENDAR = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june"
    r"|july|august|september|october|november|december),\s*$",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s*cent\b|percent\b|por\s+ciento\b)", re.IGNORECASE)
#: A temperature: "40C", "104°F", "-5 °C", "30 degrees Celsius" (a lone capital only glued or after a
#: degree sign or "degrees": "grade C" is no temperature).
_TEMPERATURE_AFTER = re.compile(
    r"^(?:\s?°\s?|\s*degrees?\s+)?([CF])(?![^\W\d_])"
    r"|^(?:\s?°\s?|\s*(?i:degrees?|grados)\s+)((?i:celsius|centigrade|fahrenheit))\b"
)
#: The unit after a number, one word in between at most: "40 tonnes", "19 long hours".
_UNIT_AFTER = re.compile(r"^\s*-?\s*(?:([^\W\d_][^\W\d_.']*)(?:\s+([^\W\d_][^\W\d_.']*))?)")


def measure(text: str, start: int, end: int) -> tuple[str, str, bool]:
    """What the number written at text[start:end] measures, where the words around it say so
    (a unit of UNITS, "age", "money", "percent", or ""), and the unit as written where a word
    or letter names it ("long hours", "C"), and whether it is written before the number ("$5",
    "EUR 20"; not "20 EUR")."""
    before, after = text[max(0, start - 40) : start], text[end : end + 20]
    sign, named = MONEY_BEFORE.search(before), _MONEY_AFTER.match(after)
    if sign or named:  # the currency as written: "$", "US$", "pesos", "de dólares"
        return "money", (sign[1].strip() if sign else named[0].strip() if named else ""), sign is not None
    if _PERCENT_AFTER.match(after):
        return "percent", "", False
    if _YEARS_OLD_AFTER.match(after):
        return "age", "", False
    temperature = _TEMPERATURE_AFTER.match(after)
    if temperature:
        letter, word = temperature.groups()
        scale = TEMPERATURE_LETTERS[letter] if letter else UNITS[word.lower()][0]
        return scale, temperature[0].strip(), False
    if re.match(r"in\b", after):  # "7in": inches only when written onto the number
        return "inches", "in", False
    words = _UNIT_AFTER.match(after)
    for n in (1, 2) if words else ():
        word = words[n] if words else None
        if words and word and word.lower().rstrip(".") in UNITS:
            return UNITS[word.lower().rstrip(".")][0], after[: words.end(n)].strip(" -"), False
    if not re.fullmatch(r"\d{1,3}|[^\W\d_]+(?:[- ][^\W\d_]+)*", text[start:end]) or _CALENDAR.search(before):
        return "", "", False  # an age is a small number, and "On Monday, 12," is no one's
    if (_NAMED_BEFORE.search(before) and _NAMED_AFTER.match(after)) or _AGED_BEFORE.search(before):
        return "age", "", False
    return "", "", False
