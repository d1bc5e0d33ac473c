"""The words whose change can flip what a sentence says, English and Spanish.

Negations, opposites, modal verbs and common irregular verb forms (so "went" and "gone"
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
#: Words whose swap for the other of their pair reverses what a sentence reports, as adding
#: "not" would ("said" -> "denied", "rose" -> "fell", "before" -> "after"); English and Spanish,
#: each form of a verb a pair of its own. A word swapped for another word is no synonym here.
OPPOSITES = frozenset(
    frozenset(pair)
    for pair in (
        ("said", "denied"), ("says", "denies"), ("confirmed", "denied"), ("confirms", "denies"),
        ("admitted", "denied"), ("admits", "denies"), ("accepted", "rejected"), ("accepts", "rejects"),
        ("approved", "rejected"), ("approves", "rejects"), ("agreed", "refused"), ("agrees", "refuses"),
        ("allowed", "banned"), ("allows", "bans"), ("supported", "opposed"), ("supports", "opposes"),
        ("won", "lost"), ("wins", "loses"), ("rose", "fell"), ("rises", "falls"), ("risen", "fallen"),
        ("increased", "decreased"), ("increases", "decreases"), ("raised", "lowered"),
        ("higher", "lower"), ("highest", "lowest"), ("more", "fewer"), ("more", "less"),
        ("most", "least"), ("before", "after"), ("above", "below"), ("guilty", "innocent"),
        ("convicted", "acquitted"), ("legal", "illegal"), ("true", "false"), ("succeeded", "failed"),
        ("opened", "closed"), ("started", "ended"), ("began", "ended"), ("resisted", "accepted"),
        ("aceptó", "rechazó"), ("confirmó", "negó"), ("subió", "bajó"), ("ganó", "perdió"),
        ("antes", "después"), ("más", "menos"), ("culpable", "inocente"),
        # rates, prices and markets (new-user review, session 15: "raised" made "cut" had no flag)
        ("raised", "cut"), ("raises", "cuts"), ("raise", "cut"), ("hiked", "cut"), ("hikes", "cuts"),
        ("raise", "lower"), ("rise", "fall"), ("rising", "falling"), ("increase", "decrease"),
        ("increasing", "decreasing"), ("increase", "cut"), ("increased", "cut"), ("boosted", "cut"),
        ("gained", "lost"), ("gain", "loss"), ("gains", "losses"), ("profit", "loss"),
        ("profits", "losses"), ("surplus", "deficit"), ("upward", "downward"),
        ("strengthened", "weakened"), ("stronger", "weaker"), ("strong", "weak"),
        ("expanded", "contracted"), ("eased", "tightened"), ("easing", "tightening"),
        ("bought", "sold"), ("buy", "sell"), ("buying", "selling"), ("minimum", "maximum"),
        # stance and outcome
        ("expected", "unexpected"), ("likely", "unlikely"), ("able", "unable"),
        ("welcomed", "criticised"), ("welcomed", "criticized"), ("praised", "criticised"),
        ("praised", "criticized"), ("success", "failure"), ("victory", "defeat"),
        ("survived", "died"), ("alive", "dead"),
        ("aumentó", "redujo"), ("subió", "recortó"), ("elevó", "recortó"), ("ganancias", "pérdidas"),
        ("superávit", "déficit"), ("compró", "vendió"),
    )
)  # fmt: skip
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
        "mustn't",
        "mustn’t",
        "shan't",
        "shan’t",
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
