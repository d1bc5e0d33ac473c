"""Edge confidence as a calibrated probability, and the script that fits the calibration."""

from __future__ import annotations

import math
import sys
from pathlib import Path

from provtrace.infer import calibration

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import fit_calibration  # noqa: E402


def test_calibration_keeps_the_order_of_raw_confidences() -> None:
    raws = [k / 100 for k in range(101)]
    mapped = [calibration.platt(r) for r in raws]
    assert all(0.0 < m < 1.0 for m in mapped)
    assert mapped == sorted(mapped)


def test_fit_recovers_a_known_logistic_map() -> None:
    # Points whose chance of being right is exactly sigmoid(2 * logit(raw) - 1), in expectation.
    points = []
    for k in range(1, 20):
        raw = k / 20
        p = 1 / (1 + math.exp(-(2 * math.log(raw / (1 - raw)) - 1)))
        right = round(p * 1000)
        points += [("a", raw, True)] * right + [("a", raw, False)] * (1000 - right)
    slope, intercept = fit_calibration.fit(points)
    assert abs(slope - 2) < 0.05 and abs(intercept + 1) < 0.05


def test_each_corpus_weighs_the_same_in_the_fit() -> None:
    points = [("big", 0.5, True)] * 90 + [("small", 0.5, False)] * 10
    weights = fit_calibration.weights(points)
    assert math.isclose(sum(weights[:90]), sum(weights[90:]))
    _, intercept = fit_calibration.fit(points)
    assert abs(1 / (1 + math.exp(-intercept)) - 0.5) < 0.01
