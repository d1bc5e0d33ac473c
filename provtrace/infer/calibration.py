"""Edge confidence as a probability: a small logistic model of what the edge rests on.

An edge is right when its pair is derived at all and its direction is right.
The tracer measures both, but its numbers are not probabilities of that on real
text: the judgement's probability means different things within one language
(shared wording beyond shared facts) and across languages (where no wording is
shared), the direction's probability is over-sure where lineage moved a child,
and a balanced direction is a coin toss. So the confidence is a logistic model
over a few of the edge's signals (calibration.features), one coefficient each,
fitted by benchmarks/fit_calibration.py on the real dev corpora (METER, NTREX,
Clough; every scored edge weighing the same) and written below. Confidence is
computed after the tree is chosen: it never changes the tree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Coefficients: fit_calibration.py, dev corpora 2026-12-01, 476 scored edges, L2 1.0 (not on the intercept).
#: Intercept: a same-language edge whose direction is a coin toss and whose judgement is no more than
#: even is rarely right.
INTERCEPT = -2.5455
#: Per unit logit of the direction's probability: how sure the direction is tells most (a sure 0.995
#: adds 3.7), on every corpus.
W_DIRECTION = 0.6949
#: Per unit of the judgement's probability, same-language pairs (as it is: it is a fitted logistic
#: already, and 0.99 against 0.999 tells no more). Weak: on METER a reporter at the same hearing
#: shares the names and quotes, which the judgement cannot always tell from copying.
W_DERIVED = 0.7202
#: A translation: its judgement is no evidence (no wording is shared across languages); a translation
#: with a sure direction is right as often as a sure same-language copy.
W_TRANSLATION = 2.4143
#: The direction is undecided (balanced evidence, said so in the evidence): on the dev corpora such an
#: edge was never right (27 of 27 wrong), beyond what its near-even direction logit says.
W_UNDECIDED = -1.215
#: Lineage placed the child by the changes it inherits: on METER such edges were right 22 times in 79
#: (two reports of one event "inherit" the same facts), against 190 in 261 otherwise.
W_INHERITED = -1.4854
#: The coefficients in the order of features(), as fit_calibration.py prints and sets them.
COEFFICIENTS = ("W_DIRECTION", "W_DERIVED", "W_TRANSLATION", "W_UNDECIDED", "W_INHERITED")
#: Probabilities are clipped this far from 0 and 1 before taking logits (they are printed to two decimals).
CLIP = 0.005


@dataclass(frozen=True, slots=True)
class EdgeSignals:
    """What an edge's confidence is estimated from, each part as the tracer measured it (margin and
    explained are not in the model: on the dev corpora they told nothing more; kept for refits to try)."""

    derived: float  # the judgement's probability that one text of the pair reuses the other's expression
    direction: float  # probability that parent -> child is the way round (inherited changes: at least 0.75)
    margin: float  # 1, or less when a rival parent explains the child about as well
    explained: float  # share of the child's content found in the parent
    undecided: bool  # the evidence of direction is balanced (said so in the edge's evidence)
    inherited: bool  # lineage placed the child by the changes it inherits
    translation: bool = False  # parent and child are in different languages
    #: The direction's weight, for parent -> child, from signals read outside the shared content
    #: (credits, a desk's sign-off, dates, "today"/"yesterday", the agency's language; direction.Direction).
    external: float = 0.0


def logit(p: float) -> float:
    """log(p / (1 - p)), p clipped CLIP away from 0 and 1."""
    clipped = min(1.0 - CLIP, max(CLIP, p))
    return math.log(clipped / (1.0 - clipped))


def features(s: EdgeSignals) -> tuple[float, ...]:
    """The model's inputs, in the order of COEFFICIENTS."""
    return (
        logit(s.direction),
        0.0 if s.translation else s.derived,
        float(s.translation),
        float(s.undecided),
        float(s.inherited),
    )


def calibrate(s: EdgeSignals) -> float:
    """The probability that an edge with these signals has its parent and direction right."""
    weights = (globals()[name] for name in COEFFICIENTS)
    z = INTERCEPT + math.fsum(w * x for w, x in zip(weights, features(s), strict=True))
    return 1.0 / (1.0 + math.exp(-z))
