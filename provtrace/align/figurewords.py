"""The words that make a figure what it is, English and Spanish: calendar names, scales,
vague amounts, ordinals and units, each unit with what it measures.

align.figures reads figures with them; trace's number and date flags and check's
changed-figure rule both compare what it reads.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


#: Month names and their common abbreviations, English and Spanish, to their number.
MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            "january jan enero",
            "february feb febrero",
            "march mar marzo",
            "april apr abril",
            "may mayo",
            "june jun junio",
            "july jul julio",
            "august aug agosto",
            "september sep sept septiembre setiembre",
            "october oct octubre",
            "november nov noviembre",
            "december dec diciembre",
        ),
        start=1,
    )
    for name in names.split()
}
#: Month names written in full (an abbreviation alone is too often a name: "Jan", "Mar").
FULL_MONTHS = frozenset(MONTH_NUMBERS) - frozenset(_words("jan feb mar apr jun jul aug sep sept oct nov dec"))
#: Words before a month named alone that make it the month: "in March", "since May", "last June".
MONTH_LEADS = frozenset(
    _words(
        "in since until till by from of last next this early late mid end before after during through "
        "en desde hasta de para"
    )
)
#: Years written as four digits in this range are dates, not counts.
YEARS = range(1800, 2101)
#: Weekday names, English and Spanish, Monday first.
WEEKDAY_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            "monday lunes",
            "tuesday martes",
            "wednesday miércoles miercoles",
            "thursday jueves",
            "friday viernes",
            "saturday sábado sabado",
            "sunday domingo",
        ),
        start=1,
    )
    for name in names.split()
}
#: The Spanish calendar names, written in lower case ("el martes", "en marzo"): capitalised, one is
#: a name ("Plácido Domingo"). English ones are written capitalised ("may" is a verb).
SPANISH_CALENDAR = frozenset(
    _words(
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre "
        "lunes martes miércoles miercoles jueves viernes sábado sabado domingo"
    )
)
#: Words that scale the figure before them: "4.5 million", "5 mil" (Spanish thousands).
SCALES = {
    "thousand": 10**3,
    "mil": 10**3,
    "million": 10**6,
    "millón": 10**6,
    "millon": 10**6,
    "millones": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "billón": 10**12,
    "billon": 10**12,
    "billones": 10**12,
}
#: Scales written right after the digits of a sum of money: "£4m", "$5k".
SHORT_SCALES = {"k": 10**3, "m": 10**6}
#: An amount told by its order only: "hundreds", "thousands", "dozens" (Spanish "miles de", "cientos").
#: Its value is the order: "hundreds" and "thousands" are different figures.
VAGUE_AMOUNTS = {
    "tens": 10,
    "dozens": 12,
    "docenas": 12,
    "decenas": 10,
    "hundreds": 100,
    "cientos": 100,
    "centenares": 100,
    "thousands": 10**3,
    "millions": 10**6,
    "billions": 10**9,
    "trillions": 10**12,
}
#: Words that scale a figure, or tell its order: beside a number they are part of it.
MAGNITUDES = frozenset(SCALES) | frozenset(VAGUE_AMOUNTS) | {"hundred"}
#: Vague amounts that are also other words unless "de" follows: "miles de" (thousands of) is no "miles".
VAGUE_BEFORE_DE = {"miles": 10**3, "millares": 10**3, "millones": 10**6}

_ORDINAL_UNITS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_ORDINAL_TENS = _words("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth")
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
#: English ordinal words to their number: "third" 3, "twenty-first" 21 (written in lower case: "Third
#: World" and "First Minister" are names).
ORDINALS = {
    **{word: n for n, word in enumerate(_ORDINAL_UNITS, start=1)},
    **{word: 10 * n for n, word in enumerate(_ORDINAL_TENS, start=2)},
    **{
        f"{tens}-{unit}": 10 * t + u
        for t, tens in enumerate(_TENS, start=2)
        for u, unit in enumerate(_ORDINAL_UNITS[:9], start=1)
    },
    "hundredth": 100,
}
#: Suffixes of an ordinal written in digits: "3rd", "21st", "3º".
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "º", "ª")


def _units(dimension: str, table: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each word of table's values to (its unit, the dimension the unit measures)."""
    return {word: (unit, dimension) for unit, words in table.items() for word in words.split()}


#: Units written after a number, each word to (its unit, what it measures): a span of time, a
#: distance, a weight ... Two figures of one dimension in different units are a figure converted
#: ("7in", "18cm") unless the number is the same ("nine days", "nine weeks": another figure).
UNITS = {
    **_units("time", {"time": "am pm a.m p.m gmt bst o'clock"}),  # a time of day
    # A span of time ("two years ago", "for nine hours"), never a calendar year ("in 1997").
    **_units(
        "span",
        {
            "seconds": "second seconds segundo segundos",
            "minutes": "minute minutes minuto minutos",
            "hours": "hour hours hora horas",
            "days": "day days día días dia dias",
            "weeks": "week weeks semana semanas",
            "months": "month months mes meses",
            "years": "year years año años",
            "decades": "decade decades década décadas",
            "centuries": "century centuries siglo siglos",
        },
    ),
    **_units(
        "length",
        {
            "miles": "mile miles milla millas",
            "km": "km kilometre kilometres kilometer kilometers kilómetro kilómetros kilometro kilometros",
            "metres": "metre metres meter meters metro metros",
            "cm": "cm centimetre centimetres centimeter centimeters centímetros",
            "mm": "mm millimetre millimetres millimeter millimeters",
            "feet": "feet foot ft",
            "inches": "inch inches",
            "yards": "yard yards",
        },
    ),
    **_units(
        "weight",
        {
            "lb": "lb lbs pounds-weight",
            "oz": "oz ounce ounces",
            "kg": "kg kilo kilos kilogram kilograms kilogramme kilogrammes kilogramo kilogramos",
            "grams": "gram grams gramme grammes gramo gramos",
            # A ton and a tonne differ by a tenth, but news copy writes either for one weight.
            "tonnes": "tonne tonnes ton tons tonelada toneladas",
            "stone": "stone",
        },
    ),
    **_units("area", {"acres": "acre acres", "hectares": "hectare hectares hectárea hectáreas"}),
    **_units("volume", {"litres": "litre litres liter liters litro litros", "gallons": "gallon gallons"}),
    **_units("speed", {"mph": "mph", "km/h": "kph"}),
    # "Degrees" alone names no scale: "40 degrees" is read as a plain 40 (see figures._temperature).
    **_units("temperature", {"celsius": "celsius centigrade", "fahrenheit": "fahrenheit"}),
}
#: The temperature scales written as one capital after a number, a degree sign or "degrees": "40C",
#: "104°F", "-5 degrees C".
TEMPERATURE_LETTERS = {"C": "celsius", "F": "fahrenheit"}
