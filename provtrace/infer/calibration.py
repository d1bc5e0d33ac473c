"""Edge confidence as a probability: a Platt map from the raw score to the chance of being right.

The raw confidence of an edge (probability derived x direction x rival and
coverage margins) orders edges well but is not itself a probability: on the
real dev corpora it was under-confident in its middle and over-confident near
one. A two-parameter logistic map of its logit, fitted by
benchmarks/fit_calibration.py on the dev corpora (each corpus weighing the
same), turns it into the estimated probability that parent and direction are
right. The map is monotonic, so it never changes which tree is chosen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Slope on the logit of the raw confidence (fit_calibration.py, dev corpora 2026-12-01; the raw
#: score orders edges only weakly, so the map is flat).
SLOPE = 0.2694
#: Intercept of the map (same fit): a raw coin toss (0.5) is right about seven times in ten.
INTERCEPT = 0.9238
#: Probabilities are clipped this far from 0 and 1 before taking logits (they are printed to two decimals).
CLIP = 0.005
#: A parent explaining half the child or more is not penalised for what it leaves unexplained.
EXPLAINED_FULL = 0.5


@dataclass(frozen=True, slots=True)
class EdgeSignals:
    """What an edge's confidence is estimated from, each part as the tracer measured it."""

    derived: float  # the judgement's probability that one text of the pair reuses the other's expression
    direction: float  # probability that parent -> child is the way round (inherited changes: at least 0.75)
    margin: float  # 1, or less when a rival parent explains the child about as well
    explained: float  # share of the child's content found in the parent
    undecided: bool  # the evidence of direction is balanced (said so in the edge's evidence)
    inherited: bool  # lineage placed the child by the changes it inherits


def logit(p: float) -> float:
    """log(p / (1 - p)), p clipped CLIP away from 0 and 1."""
    clipped = min(1.0 - CLIP, max(CLIP, p))
    return math.log(clipped / (1.0 - clipped))


def raw_score(s: EdgeSignals) -> float:
    """The single raw score: derived x direction x margin, lowered where the parent explains little."""
    return s.derived * min(1.0, s.direction * s.margin * min(1.0, EXPLAINED_FULL + s.explained))


def platt(raw: float) -> float:
    """The probability that an edge of raw score `raw` is right."""
    return 1.0 / (1.0 + math.exp(-(SLOPE * logit(raw) + INTERCEPT)))


def calibrate(s: EdgeSignals) -> float:
    """The probability that an edge with these signals has its parent and direction right."""
    return platt(raw_score(s))
