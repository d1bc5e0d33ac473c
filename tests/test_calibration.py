"""Edge confidence as a calibrated probability, and the script that fits the calibration."""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from pathlib import Path

from provtrace.infer import calibration
from provtrace.infer.calibration import EdgeSignals

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import fit_calibration  # noqa: E402

SURE = EdgeSignals(derived=0.9, direction=0.99, margin=1.0, explained=0.8, undecided=False, inherited=False)


def test_a_surer_direction_gives_a_higher_confidence() -> None:
    confidences = [calibration.calibrate(replace(SURE, direction=k / 20)) for k in range(10, 21)]
    assert all(0.0 < c < 1.0 for c in confidences)
    assert confidences == sorted(confidences) and confidences[0] < confidences[-1]


def test_an_undecided_direction_is_no_better_than_a_coin_toss() -> None:
    undecided = replace(SURE, direction=0.55, undecided=True)
    assert calibration.calibrate(undecided) < 0.5 < calibration.calibrate(SURE)


def test_a_parent_explaining_more_of_its_child_gives_a_higher_confidence() -> None:
    low, high = replace(SURE, explained=0.1), replace(SURE, explained=0.9)
    assert calibration.calibrate(low) < calibration.calibrate(high)


def test_a_sure_translation_is_at_least_as_likely_right_as_a_sure_copy() -> None:
    assert calibration.calibrate(replace(SURE, translation=True)) >= calibration.calibrate(SURE)


def test_every_coefficient_is_a_named_constant_in_feature_order() -> None:
    assert len(calibration.COEFFICIENTS) == len(calibration.features(SURE))
    assert all(isinstance(getattr(calibration, name), float) for name in calibration.COEFFICIENTS)


def test_fit_recovers_a_known_logistic_model() -> None:
    # Rows whose chance of being right is exactly sigmoid(-1 + 2 x - 0.5 u), in expectation.
    rows, ys = [], []
    for k in range(1, 20):
        for u in (0.0, 1.0):
            x = math.log(k / (20 - k))
            p = 1 / (1 + math.exp(-(-1 + 2 * x - 0.5 * u)))
            right = round(p * 1000)
            rows += [(x, u)] * 1000
            ys += [True] * right + [False] * (1000 - right)
    beta = fit_calibration.fit_rows(rows, ys, [1.0] * len(rows))
    assert all(abs(b - want) < 0.05 for b, want in zip(beta, (-1.0, 2.0, -0.5), strict=True))


def test_every_scored_edge_weighs_the_same_in_the_fit() -> None:
    points = [("big", SURE, True)] * 90 + [("small", SURE, False)] * 10
    assert fit_calibration.weights(points) == [1.0] * 100
    beta = fit_calibration.fit(points)
    assert abs(fit_calibration.predict(beta, SURE) - 0.9) < 0.02
