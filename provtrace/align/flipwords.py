"""The words whose change can flip what a sentence says, English and Spanish.

Negations, modal verbs, month and weekday names (a day number beside a month
is a date), the years that are dates rather than counts, indefinite articles
(one in place of "one" is the same figure) and common irregular verb forms
(so "went" and "gone" are one verb). align.changes reads edits with them.
"""

from __future__ import annotations

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
#: Verbs that negate the verb after "to": "failed to protect" says "did not protect".
NEGATING_VERBS = frozenset(["fail", "fails", "failed", "failing"])
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
#: Indefinite articles, English and Spanish: one put in place of "one" ("uno") is the same figure.
INDEFINITE_ARTICLES = frozenset(["a", "an", "un", "una"])


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that scale a figure: "4.5 million" and "4.5 billion" are different figures.
MAGNITUDES = _words(
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "bn mn mil millón millon millones billón billon billones"
)
#: Units a figure counts in: beside a figure, "nine days" and "nine weeks" are different figures.
UNITS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "century centuries metre metres meter meters kilometre kilometres kilometer kilometers km mile miles "
    "foot feet inch inches tonne tonnes ton tons kilogram kilograms kg pound pounds gram grams litre litres "
    "liter liters gallon gallons acre acres hectare hectares percent "
    "segundo segundos minuto minutos hora horas día dia días dias semana semanas mes meses año años "
    "década décadas siglo siglos metro metros kilómetro kilómetros milla millas tonelada toneladas "
    "kilo kilos kilogramo kilogramos litro litros hectárea hectáreas"
)
#: Years written as four digits in this range are dates, not counts.
YEARS = range(1800, 2101)
#: Common English irregular verb forms and their base form, so "went" -> "might have gone" is one verb.
IRREGULAR = {
    form: base
    for base, forms in {
        "go": "went gone", "come": "came", "take": "took taken", "give": "gave given", "see": "saw seen",
        "know": "knew known", "get": "got gotten", "find": "found", "leave": "left", "tell": "told",
        "think": "thought", "become": "became", "make": "made", "say": "said", "hold": "held",
        "bring": "brought", "buy": "bought", "pay": "paid", "meet": "met", "run": "ran", "win": "won",
        "lose": "lost", "keep": "kept", "begin": "began begun", "break": "broke broken",
        "fall": "fell fallen",
        "rise": "rose risen", "speak": "spoke spoken", "write": "wrote written", "choose": "chose chosen",
        "drive": "drove driven", "fly": "flew flown", "grow": "grew grown", "throw": "threw thrown",
        "steal": "stole stolen", "sell": "sold", "send": "sent", "spend": "spent", "build": "built",
        "fight": "fought", "catch": "caught", "teach": "taught", "seek": "sought", "flee": "fled",
        "lead": "led", "feel": "felt", "stand": "stood", "understand": "understood", "hear": "heard",
    }.items()
    for form in forms.split()
}  # fmt: skip
