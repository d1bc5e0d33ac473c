"""The words whose change can flip what a sentence says, English and Spanish.

Negations, modal verbs and common irregular verb forms (so "went" and "gone"
are one verb). align.changes reads edits with them; the words of figures
(calendar names, scales, units) are align.figurewords'.
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
