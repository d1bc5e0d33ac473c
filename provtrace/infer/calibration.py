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

#: Slope on the logit of the raw confidence (fit_calibration.py, dev corpora 2026-12-01; the raw
#: score orders edges only weakly, so the map is flat).
SLOPE = 0.2694
#: Intercept of the map (same fit): a raw coin toss (0.5) is right about seven times in ten.
INTERCEPT = 0.9238
#: Raw confidences are clipped this far from 0 and 1 (the raw score is printed to two decimals).
CLIP = 0.005


def calibrate(raw: float) -> float:
    """The probability that an edge of raw confidence `raw` is right."""
    clipped = min(1.0 - CLIP, max(CLIP, raw))
    z = SLOPE * math.log(clipped / (1.0 - clipped)) + INTERCEPT
    return 1.0 / (1.0 + math.exp(-z))
