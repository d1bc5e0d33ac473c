"""Fit the calibration of edge confidence (provtrace/infer/calibration.py) on the real dev corpora.

Runs the same tracing and edge scoring as benchmarks/realdata.py (its functions,
imported) with the calibration switched off (the identity map), so that every
scored edge gives (raw confidence, right?). Then fits a two-parameter logistic
(Platt) map from the logit of the raw confidence to the probability of being
right, each corpus weighing the same in total (METER's many edges must not
decide alone), and prints:

- the expected calibration error (ECE, realdata's bins) on the dev edges before and after;
- leave-one-corpus-out and 5-fold cross-validated ECE: each edge scored by a map fitted
  without it, an honest estimate for the hidden test splits;
- the two coefficients, to be written as SLOPE and INTERCEPT in calibration.py.

    python benchmarks/fit_calibration.py [--corpora DIR] [--workers N] [--limit N]
                                         [--save POINTS.json | --points POINTS.json]

--save keeps the collected (corpus, raw confidence, right) points; --points refits from
such a file without tracing again (the corpora are read in place, never copied).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import realdata  # noqa: E402

from provtrace.infer import calibration  # noqa: E402

#: Folds of the k-fold cross-validation.
FOLDS = 5
#: Newton steps of the logistic fit (two parameters converge in a handful; damped steps take more).
STEPS = 200
#: A whisker of L2 on the slope and intercept, so that a fold without errors stays finite.
L2 = 1e-3

Point = tuple[str, float, bool]  # (corpus, raw confidence, right)


def collect(corpora: Path, workers: int, limit: int | None) -> list[Point]:
    """Every scored edge of the dev corpora, with its raw (uncalibrated) confidence."""
    calibration.SLOPE, calibration.INTERCEPT = 1.0, 0.0  # identity: confidence = raw score
    points: list[Point] = []
    folders = {"meter": "meter-dev", "ntrex": "ntrex-dev", "clough": "clough-dev"}
    for name, sub in folders.items():
        folder = corpora / sub
        if not (folder / "truth.json").is_file():
            print(f"note: {folder} absent; {name} not fitted", file=sys.stderr)
            continue
        if name == "ntrex":
            runs = [realdata.run_ntrex(folder, workers, limit, semantic)[1] for semantic in (False, True)]
            pts = [p for run in runs for p in run]
        elif name == "meter":
            pts = realdata.run_meter(folder, workers, limit)[1]
        else:
            pts = realdata.run_clough(folder, workers, limit)[1]
        points += [(name, confidence, correct) for confidence, correct in pts]
    return points


def logit(raw: float) -> float:
    clipped = min(1.0 - calibration.CLIP, max(calibration.CLIP, raw))
    return math.log(clipped / (1.0 - clipped))


def weights(points: Sequence[Point]) -> list[float]:
    """Each corpus weighs the same in total; the weights sum to the number of points."""
    counts: dict[str, int] = {}
    for corpus, _, _ in points:
        counts[corpus] = counts.get(corpus, 0) + 1
    return [len(points) / (len(counts) * counts[corpus]) for corpus, _, _ in points]


def fit(points: Sequence[Point]) -> tuple[float, float]:
    """(slope, intercept) of the weighted logistic map, by Newton's method."""
    xs, ys, ws = [logit(r) for _, r, _ in points], [float(ok) for _, _, ok in points], weights(points)
    a, b = 1.0, 0.0
    for _ in range(STEPS):
        ga, gb, haa, hab, hbb = L2 * (a - 1.0), L2 * b, L2, 0.0, L2
        for x, y, w in zip(xs, ys, ws, strict=True):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, a * x + b))))
            ga, gb = ga + w * (p - y) * x, gb + w * (p - y)
            v = w * p * (1.0 - p)
            haa, hab, hbb = haa + v * x * x, hab + v * x, hbb + v
        det = haa * hbb - hab * hab
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        step = max(1.0, abs(da), abs(db))  # damped: at most one unit per step, so Newton cannot overshoot
        da, db = da / step, db / step
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-10:
            break
    return a, b


def mapped(raw: float, slope: float, intercept: float) -> float:
    """The calibrated confidence as the code prints it (two decimals)."""
    return round(1.0 / (1.0 + math.exp(-(slope * logit(raw) + intercept))), 2)


def ece(pairs: Sequence[tuple[float, bool]]) -> float | None:
    value: float | None = realdata.reliability(pairs)["ece"]
    return value


def cross_validated(points: Sequence[Point], groups: Sequence[int]) -> list[tuple[float, bool]]:
    """Each point scored by the map fitted on the points of the other groups."""
    out: list[tuple[float, bool]] = [(0.0, False)] * len(points)
    for g in sorted(set(groups)):
        train = [p for p, k in zip(points, groups, strict=True) if k != g]
        slope, intercept = fit(train)
        for i, (p, k) in enumerate(zip(points, groups, strict=True)):
            if k == g:
                out[i] = (mapped(p[1], slope, intercept), p[2])
    return out


def report(points: Sequence[Point]) -> dict[str, Any]:
    corpora = sorted({c for c, _, _ in points})
    slope, intercept = fit(points)
    raw = [(r, ok) for _, r, ok in points]
    after = [(mapped(r, slope, intercept), ok) for _, r, ok in points]
    loco = cross_validated(points, [corpora.index(c) for c, _, _ in points])
    kfold = cross_validated(points, [i % FOLDS for i in range(len(points))])
    per_corpus = {}
    for c in corpora:
        idx = [i for i, p in enumerate(points) if p[0] == c]
        per_corpus[c] = {
            "n": len(idx),
            "before": ece([raw[i] for i in idx]),
            "after": ece([after[i] for i in idx]),
            "held_out": ece([loco[i] for i in idx]),
            "fold": ece([kfold[i] for i in idx]),
        }
    return {
        "n": len(points),
        "slope": round(slope, 4),
        "intercept": round(intercept, 4),
        "ece_before": ece(raw),
        "ece_after": ece(after),
        "ece_leave_one_corpus_out": ece(loco),
        "ece_5_fold": ece(kfold),
        "per_corpus": per_corpus,
        "reliability_after": realdata.reliability(after)["bins"],
    }


def render(doc: dict[str, Any]) -> str:
    counts = ", ".join(f"{c} {v['n']}" for c, v in doc["per_corpus"].items())
    lines = [
        f"scored edges: {doc['n']}  ({counts})",
        f"ECE on dev, before: {doc['ece_before']}  after: {doc['ece_after']}",
        f"ECE cross-validated, leave one corpus out: {doc['ece_leave_one_corpus_out']}"
        f"  5-fold: {doc['ece_5_fold']}",
    ]
    for c, v in doc["per_corpus"].items():
        lines.append(
            f"  {c:7} before {v['before']}  after {v['after']}  held out {v['held_out']}  5-fold {v['fold']}"
        )
    lines.append("reliability after (bin: n, mean confidence, accuracy):")
    for row in doc["reliability_after"]:
        if row["n"]:
            low, high = row["bin"]
            conf, acc = row["confidence"], row["accuracy"]
            lines.append(f"  {low:.1f}-{high:.1f}: {row['n']:4}  {conf:.3f}  {acc:.3f}")
    lines += ["constants for provtrace/infer/calibration.py:", f"SLOPE = {doc['slope']}"]
    lines.append(f"INTERCEPT = {doc['intercept']}")
    return "\n".join(lines)


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
        points = [(c, float(r), bool(ok)) for c, r, ok in json.loads(args.points.read_text())]
    elif args.corpora.is_dir():
        points = collect(args.corpora.resolve(), args.workers, args.limit)
    else:
        print(f"note: no corpora at {args.corpora}; nothing fitted")
        return 0
    if args.save:
        args.save.write_text(json.dumps(points))
    if not points:
        print("note: no scored edges; nothing fitted")
        return 0
    doc = report(points)
    if args.json:
        print(json.dumps(doc, indent=2))
        return 0
    print(render(doc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
