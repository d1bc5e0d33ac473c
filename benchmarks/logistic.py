"""The small logistic regression the fitting scripts share (fit_judgement.py, fit_calibration.py).

Newton's method on a weighted, L2-regularised log-loss (the intercept is not penalised), in
plain Python: the inputs are a few hundred rows of two to six columns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def fit_logistic(
    rows: Sequence[Sequence[float]],
    ys: Sequence[bool],
    weights: Sequence[float],
    l2: float,
    steps: int = 200,
) -> list[float]:
    """[intercept, coefficient per column] minimising the weighted, L2-regularised log-loss."""
    k = len(rows[0]) + 1
    beta = [0.0] * k
    for _ in range(steps):
        g = [l2 * b if j else 0.0 for j, b in enumerate(beta)]
        h = [[(l2 if i == j and i else 0.0) for j in range(k)] for i in range(k)]
        for row, y, w in zip(rows, ys, weights, strict=True):
            x = (1.0, *row)
            z = sum(b * xi for b, xi in zip(beta, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            v = w * p * (1.0 - p)
            for i in range(k):
                g[i] += w * (p - y) * x[i]
                for j in range(k):
                    h[i][j] += v * x[i] * x[j]
        step = _solve(h, g)
        damp = max(1.0, *(abs(s) for s in step))  # at most one unit per step, so Newton cannot overshoot
        beta = [b - s / damp for b, s in zip(beta, step, strict=True)]
        if sum(abs(s) for s in step) / damp < 1e-10:
            break
    return beta


def _solve(h: list[list[float]], g: list[float]) -> list[float]:
    """h x = g by Gaussian elimination with partial pivoting (h is small and positive definite)."""
    n = len(g)
    m = [[*row, gi] for row, gi in zip(h, g, strict=True)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            m[r] = [a - f * b for a, b in zip(m[r], m[c], strict=True)]
    x = [0.0] * n
    for r in reversed(range(n)):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x
