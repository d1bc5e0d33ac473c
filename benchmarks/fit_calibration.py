"""Fit the calibration of edge confidence (provtrace/infer/calibration.py) on the real dev corpora.

Runs the same tracing and edge scoring as benchmarks/realdata.py (its functions,
imported), and records, for every scored edge, the signals its confidence is
estimated from (calibration.EdgeSignals: the judgement's probability that the
pair is derived, the direction's probability, whether the direction is
undecided, the rival margin, the share explained) and whether the edge is right.
Then fits the small logistic model of calibration.py (its inputs are
calibration.features, one coefficient each, plus an intercept), every scored
edge weighing the same, and prints:

- the expected calibration error (ECE, realdata's bins) on the dev edges with the
  coefficients now in calibration.py, and with the new fit (in-sample);
- leave-one-corpus-out and 5-fold cross-validated ECE: each edge scored by a model
  fitted without it, an honest estimate for the hidden test splits;
- per-corpus ECE and the reliability table of the new fit;
- the coefficients, to be written into calibration.py.

    python benchmarks/fit_calibration.py [--corpora DIR] [--workers N] [--limit N]
                                         [--save POINTS.json | --points POINTS.json]

--save keeps the collected (corpus, signals, right) points; --points refits from
such a file without tracing again (the corpora are read in place, never copied).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import realdata  # noqa: E402

from provtrace.infer import calibration, forest  # noqa: E402
from provtrace.infer.calibration import EdgeSignals  # noqa: E402

#: Folds of the k-fold cross-validation.
FOLDS = 5
#: Newton steps of the logistic fit (a handful of parameters converge in a few; damped steps take more).
STEPS = 200
#: A little L2 on the coefficients (not the intercept): keeps a fold without errors finite and the
#: few coefficients modest, so that the model carries over to a split it was not fitted on.
L2 = 1.0

#: The intercept, then calibration.py's coefficients in the order of its features().
NAMES = ("INTERCEPT", *calibration.COEFFICIENTS)

Point = tuple[str, EdgeSignals, bool]  # (corpus, the edge's signals, right)

# ---------------------------------------------------------------- collecting (in realdata's workers)

_RECORDED: dict[tuple[str, str], EdgeSignals] = {}


def _recording_confidence(self: Any, d: Any, translation: bool) -> float:
    """forest._Chosen.confidence, also keeping the edge's signals for _edges_with_signals."""
    signals: EdgeSignals = self.signals(d, translation)
    _RECORDED[d.parent, d.child] = signals
    return round(calibration.calibrate(signals), 2)


def _edges_with_signals(result: Any) -> list[tuple[str, str, EdgeSignals | None]]:
    """realdata._edges with each edge's signals in place of its confidence (None: unseen sources)."""
    out = [(e.parent, e.child, _RECORDED.get((e.parent, e.child))) for e in result.edges]
    _RECORDED.clear()
    return out


def collect(corpora: Path, workers: int, limit: int | None) -> list[Point]:
    """Every scored edge of the dev corpora (METER trace, NTREX with and without semantic, Clough)."""
    forest._Chosen.confidence = _recording_confidence  # type: ignore[method-assign]
    realdata._edges = _edges_with_signals  # type: ignore[assignment]  # workers fork after this
    points: list[Point] = []
    folders = {"meter": "meter-dev", "ntrex": "ntrex-dev", "clough": "clough-dev"}
    for name, sub in folders.items():
        folder = corpora / sub
        if not (folder / "truth.json").is_file():
            print(f"note: {folder} absent; {name} not fitted", file=sys.stderr)
            continue
        if name == "ntrex":
            runs = [realdata.run_ntrex(folder, workers, limit, semantic)[1] for semantic in (False, True)]
            pts: list[tuple[Any, bool]] = [p for run in runs for p in run]
        elif name == "meter":
            truth = realdata._truth(folder)
            pts = realdata._meter_trace(folder, truth, realdata._take(truth, limit), workers)[2]
        else:
            pts = realdata.run_clough(folder, workers, limit)[1]
        points += [(name, signals, correct) for signals, correct in pts if signals is not None]
    return points


# ---------------------------------------------------------------- fitting


def weights(points: Sequence[Point]) -> list[float]:
    """Every scored edge weighs the same: the calibration error the issue sets is over all scored
    edges pooled, and weighing each corpus the same (tried before) left the pooled error at 0.087,
    calibrated for a mix of edges that no run sees."""
    return [1.0] * len(points)


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


def fit_rows(rows: Sequence[Sequence[float]], ys: Sequence[bool], ws: Sequence[float]) -> list[float]:
    """[intercept, coefficient per column] of the weighted, L2-regularised logistic fit (Newton)."""
    k = len(rows[0]) + 1
    beta = [0.0] * k
    for _ in range(STEPS):
        g = [L2 * b if j else 0.0 for j, b in enumerate(beta)]
        h = [[(L2 if i == j and i else 0.0) for j in range(k)] for i in range(k)]
        for row, y, w in zip(rows, ys, ws, strict=True):
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


def fit(points: Sequence[Point]) -> list[float]:
    """[intercept, coefficient per calibration.features input] fitted on the points."""
    rows = [calibration.features(s) for _, s, _ in points]
    return fit_rows(rows, [ok for _, _, ok in points], weights(points))


def predict(beta: Sequence[float], s: EdgeSignals) -> float:
    """The confidence as the code prints it (two decimals) under coefficients beta."""
    z = beta[0] + sum(b * x for b, x in zip(beta[1:], calibration.features(s), strict=True))
    return round(1.0 / (1.0 + math.exp(-z)), 2)


def ece(pairs: Sequence[tuple[float, bool]]) -> float | None:
    value: float | None = realdata.reliability(pairs)["ece"]
    return value


def brier(pairs: Sequence[tuple[float, bool]]) -> float | None:
    """Mean squared error of the confidence: low only if it is calibrated and tells right from wrong."""
    return round(math.fsum((c - ok) ** 2 for c, ok in pairs) / len(pairs), 4) if pairs else None


def auc(pairs: Sequence[tuple[float, bool]]) -> float | None:
    """The chance that a right edge has a higher confidence than a wrong one (ties half): how well the
    confidence tells them apart. A flat map can reach a low ECE with an AUC of 0.5."""
    right = [c for c, ok in pairs if ok]
    wrong = [c for c, ok in pairs if not ok]
    if not right or not wrong:
        return None
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return round(wins / (len(right) * len(wrong)), 4)


def cross_validated(points: Sequence[Point], groups: Sequence[int]) -> list[tuple[float, bool]]:
    """Each point scored by the model fitted on the points of the other groups."""
    out: list[tuple[float, bool]] = [(0.0, False)] * len(points)
    for g in sorted(set(groups)):
        beta = fit([p for p, k in zip(points, groups, strict=True) if k != g])
        for i, (p, k) in enumerate(zip(points, groups, strict=True)):
            if k == g:
                out[i] = (predict(beta, p[1]), p[2])
    return out


def report(points: Sequence[Point]) -> dict[str, Any]:
    corpora = sorted({c for c, _, _ in points})
    beta = fit(points)
    now = [(round(calibration.calibrate(s), 2), ok) for _, s, ok in points]
    after = [(predict(beta, s), ok) for _, s, ok in points]
    loco = cross_validated(points, [corpora.index(c) for c, _, _ in points])
    kfold = cross_validated(points, [i % FOLDS for i in range(len(points))])
    per_corpus = {}
    for c in corpora:
        idx = [i for i, p in enumerate(points) if p[0] == c]
        per_corpus[c] = {
            "n": len(idx),
            "right": sum(points[i][2] for i in idx),
            "now": ece([now[i] for i in idx]),
            "after": ece([after[i] for i in idx]),
            "held_out": ece([loco[i] for i in idx]),
            "fold": ece([kfold[i] for i in idx]),
        }
    return {
        "n": len(points),
        "coefficients": {n: round(b, 4) for n, b in zip(NAMES, beta, strict=True)},
        "ece_now": ece(now),
        "brier_auc": {
            name: (brier(pairs), auc(pairs))
            for name, pairs in (("now", now), ("after", after), ("5_fold", kfold), ("held_out", loco))
        },
        "ece_after": ece(after),
        "ece_leave_one_corpus_out": ece(loco),
        "ece_5_fold": ece(kfold),
        "per_corpus": per_corpus,
        "reliability_after": realdata.reliability(after)["bins"],
        "reliability_5_fold": realdata.reliability(kfold)["bins"],
    }


def _table(title: str, bins: Sequence[dict[str, Any]]) -> list[str]:
    lines = [f"{title} (bin: n, mean confidence, accuracy):"]
    for row in bins:
        if row["n"]:
            low, high = row["bin"]
            lines.append(
                f"  {low:.1f}-{high:.1f}: {row['n']:4}  {row['confidence']:.3f}  {row['accuracy']:.3f}"
            )
    return lines


def render(doc: dict[str, Any]) -> str:
    counts = ", ".join(f"{c} {v['n']} ({v['right']} right)" for c, v in doc["per_corpus"].items())
    lines = [
        f"scored edges: {doc['n']}  ({counts})",
        f"ECE on dev, coefficients now in calibration.py: {doc['ece_now']}"
        f"  new fit (in-sample): {doc['ece_after']}",
        f"ECE cross-validated, 5-fold: {doc['ece_5_fold']}"
        f"  leave one corpus out: {doc['ece_leave_one_corpus_out']}",
    ]
    scores = "  ".join(f"{k} {b} / {a}" for k, (b, a) in doc["brier_auc"].items())
    lines.append(f"Brier score / AUC: {scores}")
    for c, v in doc["per_corpus"].items():
        lines.append(
            f"  {c:7} now {v['now']}  in-sample {v['after']}  5-fold {v['fold']}  held out {v['held_out']}"
        )
    lines += _table("reliability, in-sample", doc["reliability_after"])
    lines += _table("reliability, 5-fold", doc["reliability_5_fold"])
    lines.append("constants for provtrace/infer/calibration.py:")
    lines += [f"{name} = {value}" for name, value in doc["coefficients"].items()]
    return "\n".join(lines)


def _load_points(path: Path) -> list[Point]:
    return [(c, EdgeSignals(**s), bool(ok)) for c, s, ok in json.loads(path.read_text())]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next((p for p in realdata.CORPORA_PLACES if p.is_dir()), realdata.CORPORA_PLACES[0])
    parser.add_argument("--corpora", type=Path, default=default, help="the corpora folder")
    parser.add_argument("--workers", type=int, default=2, help="processes")
    parser.add_argument("--limit", type=int, default=None, help="only the first N items per corpus")
    parser.add_argument("--save", type=Path, help="write the collected points to this JSON file")
    parser.add_argument("--points", type=Path, help="refit from points saved by --save")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.points:
        points = _load_points(args.points)
    elif args.corpora.is_dir():
        points = collect(args.corpora.resolve(), args.workers, args.limit)
    else:
        print(f"note: no corpora at {args.corpora}; nothing fitted")
        return 0
    if args.save:
        args.save.write_text(json.dumps([(c, asdict(s), ok) for c, s, ok in points]))
    if not points:
        print("note: no scored edges; nothing fitted")
        return 0
    doc = report(points)
    print(json.dumps(doc, indent=2) if args.json else render(doc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
