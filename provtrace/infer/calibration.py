"""Edge confidence as a probability: a small logistic model of what the edge rests on.

An edge is right when its pair is derived at all and its direction is right.
The tracer measures both, but its numbers are not probabilities of that on real
text: the judgement's probability means different things on different corpora
(a reporter at the same hearing shares names and quotes; two translations of one
text share the wording it forces), the direction's probability is over-sure where
its signals agree by construction, and a balanced direction is a coin toss. So
the confidence is a logistic model
over a few of the edge's signals (calibration.features), one coefficient each,
fitted by benchmarks/fit_calibration.py on the real dev corpora (METER, NTREX,
Clough; every scored edge weighing the same) and written below. Confidence is
computed after the tree is chosen: it never changes the tree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Coefficients: fit_calibration.py, dev corpora 2026-12-01 (after sibling translations and asides),
# 457 scored edges, L2 1.0 (not on the intercept).
#: Intercept: a same-language edge whose direction is a coin toss and whose parent explains none of the
#: child is right about one time in four.
INTERCEPT = -0.9715
#: Per unit logit of the direction's probability: how sure the direction is tells most, on every corpus.
W_DIRECTION = 0.4455
#: A translation with a sure direction is right as often as a sure same-language copy: the direction of a
#: translation rests on the agency's language and on unlinked sentences, never on a coin toss.
W_TRANSLATION = 2.5404
#: The direction is undecided (balanced evidence, said so in the evidence): such an edge is rarely right,
#: beyond what its near-even direction logit says.
W_UNDECIDED = -0.6908
#: Per unit of the share of the child its parent explains: a parent that explains most of its child is
#: rarely a wrong one, on every corpus. It replaced the judgement's probability (2026-12-01), which means
#: something different on each corpus (a reporter at the same hearing on METER, two translations of one
#: text on NTREX) and so did not carry from two corpora to the third: leave-one-corpus-out Brier score
#: 0.202 with it, 0.159 with the share explained (5-fold 0.105 and 0.104).
W_EXPLAINED = 1.5468
#: The coefficients in the order of features(), as fit_calibration.py prints and sets them.
COEFFICIENTS = ("W_DIRECTION", "W_TRANSLATION", "W_UNDECIDED", "W_EXPLAINED")
#: Probabilities are clipped this far from 0 and 1 before taking logits (they are printed to two decimals).
CLIP = 0.005


@dataclass(frozen=True, slots=True)
class EdgeSignals:
    """What an edge's confidence is estimated from, each part as the tracer measured it (derived, margin,
    inherited and external are not in the model: on the dev corpora they told nothing more that carried
    from corpus to corpus; kept for refits to try)."""

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
    return (logit(s.direction), float(s.translation), float(s.undecided), s.explained)


def calibrate(s: EdgeSignals) -> float:
    """The probability that an edge with these signals has its parent and direction right."""
    weights = (globals()[name] for name in COEFFICIENTS)
    z = INTERCEPT + math.fsum(w * x for w, x in zip(weights, features(s), strict=True))
    return 1.0 / (1.0 + math.exp(-z))
