"""Fit the derived-or-independent judgement (provtrace/infer/judgement.py) on the real dev corpora.

Reads ../shared/corpora in place (never copies it) and prints the fitted
coefficients, to be written as the constants INTERCEPT, COPIED_WEIGHT,
RARE_WEIGHT and LINKED_WEIGHT in judgement.py, with how well they separate each
corpus (in sample, 5-fold cross-validated, and left out: each corpus called by
the model fitted on the other alone):

- METER: each newspaper story against the union of the PA items of its event (a
  story is often compiled from several; judgement.union_features); wholly and
  partially derived are derived.
- Clough-Stevenson: each answer against its source; cut, light, heavy are derived, non is not.
- NTREX: the two Spanish translations of each article (es, es-mx): independent siblings.
  Shown, not fitted: two translations of one text share the wording the text forces
  (a third of it in runs of five words), so wording cannot tell them from copies;
  judgement.sibling_translations judges them once their original is in the tree.

Each pair is aligned as trace aligns it (align_pair: the pair alone decides its
links) for the linked share. The model is a logistic regression on three
features with L2 regularisation;
each fitted corpus weighs the same in total, so that no one corpus decides.

    python benchmarks/fit_judgement.py [--corpora DIR] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from logistic import fit_logistic  # noqa: E402

from provtrace.align.core import align_pair, build_vocabulary, prepare, sentence_features  # noqa: E402
from provtrace.infer import judgement  # noqa: E402
from provtrace.infer.lineage import profile_of  # noqa: E402
from provtrace.models import Alignment, Article  # noqa: E402
from provtrace.options import TraceOptions  # noqa: E402
from provtrace.pipeline import load_articles  # noqa: E402

PLACES = (ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora")
METER_DERIVED = frozenset({"wholly_derived", "partially_derived"})
CLOUGH_DERIVED = frozenset({"cut", "light", "heavy"})

#: The corpora the coefficients are fitted on (see the module docstring for NTREX).
FITTED = frozenset({"meter", "clough"})
#: One example: corpus, name, features (copied, rare, linked), derived.
Example = tuple[str, str, tuple[float, ...], bool]


def _folder(paths: Sequence[Path]) -> tuple[dict[str, Article], dict[str, dict[str, float]]]:
    """The articles of one folder, as provtrace reads them, and their lineage profiles."""
    articles, _ = load_articles([str(p) for p in paths])
    feats = {a.id: sentence_features(a) for a in articles}
    vocab = build_vocabulary(articles, feats)
    profiles = {a.id: profile_of(prepare(a, vocab, feats[a.id]), vocab) for a in articles}
    return {a.path: a for a in articles}, profiles


def _vector(f: judgement.Features) -> tuple[float, ...]:
    return (f.copied, f.rare, f.linked)


def _aligned(up: Article, down: Article) -> Alignment:
    """The pair's alignment as trace and check make it (up as the source side)."""
    return align_pair(up, down, TraceOptions())[0]


def meter(root: Path) -> list[Example]:
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    out: list[Example] = []
    for story, info in sorted(truth.items()):
        paths = [root / story, *(root / w for w in info["wire"])]
        by_path, profiles = _folder(paths)
        own = by_path[str(root / story)]
        items = [by_path[str(root / w)] for w in info["wire"] if str(root / w) in by_path]
        alignments = [_aligned(item, own) for item in items]
        union = judgement.union_features(own, items, profiles, alignments)
        out.append(("meter", story, _vector(union), info["label"] in METER_DERIVED))
    return out


def clough(root: Path) -> list[Example]:
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    out: list[Example] = []
    for name, label in sorted(truth.items()):
        answer, source = root / name / "answer.txt", root / name / "source.txt"
        by_path, profiles = _folder([answer, source])
        a, s = by_path[str(answer)], by_path[str(source)]
        f = judgement.features(a, s, profiles, _aligned(s, a))
        out.append(("clough", name, _vector(f), label in CLOUGH_DERIVED))
    return out


def ntrex(root: Path) -> list[Example]:
    out: list[Example] = []
    for folder in sorted(d for d in root.iterdir() if d.is_dir()):
        paths = [folder / "en.txt", folder / "es.txt", folder / "es-mx.txt"]
        by_path, profiles = _folder(paths)
        es, mx = by_path[str(paths[1])], by_path[str(paths[2])]
        f = judgement.features(es, mx, profiles, _aligned(es, mx))
        out.append(("ntrex", folder.name, _vector(f), False))
    return out


def fit(examples: Sequence[Example], l2: float, steps: int = 200) -> list[float]:
    """Newton's method for an L2-regularised, corpus-balanced logistic regression (intercept free)."""
    counts: dict[str, int] = {}
    for corpus, *_ in examples:
        counts[corpus] = counts.get(corpus, 0) + 1
    total = len(examples)
    weights = [total / (len(counts) * counts[c]) for c, *_ in examples]
    return fit_logistic([x for _, _, x, _ in examples], [y for *_, y in examples], weights, l2, steps)


#: Folds of the cross-validation printed beside the in-sample figures.
FOLDS = 5
#: The two decisions the probability serves: trace's (derived at 0.5) and check's flag
#: (check/judge.py REUSE_PROBABILITY: a false accusation of copying costs twice a missed copy).
CUTS = (0.5, 2 / 3)
#: Bins of the expected calibration error.
BINS = 10


def probability(beta: Sequence[float], x: Sequence[float]) -> float:
    z = beta[0] + sum(b * v for b, v in zip(beta[1:], x, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validated(examples: Sequence[Example], l2: float) -> list[float]:
    """Each example's probability by the model fitted on the other folds (FOLDS-fold)."""
    out = [0.0] * len(examples)
    for k in range(FOLDS):
        beta = fit([e for i, e in enumerate(examples) if i % FOLDS != k], l2)
        for i, (_, _, x, _) in enumerate(examples):
            if i % FOLDS == k:
                out[i] = probability(beta, x)
    return out


def left_out(examples: Sequence[Example], l2: float) -> list[float]:
    """Each example's probability by the model fitted on the other corpora only (leave one corpus out)."""
    out = [0.0] * len(examples)
    for corpus in sorted({e[0] for e in examples}):
        beta = fit([e for e in examples if e[0] != corpus], l2)
        for i, (c, _, x, _) in enumerate(examples):
            if c == corpus:
                out[i] = probability(beta, x)
    return out


def report(
    examples: Sequence[Example], beta: Sequence[float], held: Sequence[tuple[str, Sequence[float]]] = ()
) -> str:
    """The coefficients, then each corpus's figures in sample and under each held-out scheme in held
    (name, each example's probability): derived and independent P R F1 at each cut, and ECE."""
    names = ("INTERCEPT", "COPIED_WEIGHT", "RARE_WEIGHT", "LINKED_WEIGHT")
    lines = [f"{n} = {b:.2f}" for n, b in zip(names, beta, strict=True)]
    lines += ["", "corpus  scheme      n  cut   derived: P R F1    independent: P R F1   ECE"]
    schemes = [("in-sample", [probability(beta, x) for _, _, x, _ in examples]), *held]
    for corpus in sorted({c for c, *_ in examples}):
        for scheme, ps in schemes:
            rows = [(p, e[3]) for p, e in zip(ps, examples, strict=False) if e[0] == corpus]
            if len(rows) < len([e for e in examples if e[0] == corpus]):
                continue  # a scheme that does not cover the corpus (NTREX is not fitted)
            gold = [y for _, y in rows]
            for cut in CUTS:
                pred = [p >= cut for p, _ in rows]
                lines.append(
                    f"{corpus:<8}{scheme:<10}{len(rows):>4}  {cut:.2f}  {_prf(gold, pred, True)}  "
                    f"{_prf(gold, pred, False)}  {_ece([p for p, _ in rows], gold):.3f}"
                )
    return "\n".join(lines)


def _ece(ps: Sequence[float], gold: Sequence[bool]) -> float:
    """Expected calibration error over BINS equal-width bins of probability."""
    total = 0.0
    for b in range(BINS):
        rows = [(p, g) for p, g in zip(ps, gold, strict=True) if min(BINS - 1, int(p * BINS)) == b]
        if rows:
            total += abs(sum(p for p, _ in rows) - sum(g for _, g in rows))
    return total / len(ps)


def _prf(gold: Sequence[bool], pred: Sequence[bool], positive: bool) -> str:
    tp = sum(g == positive and p == positive for g, p in zip(gold, pred, strict=True))
    fp = sum(g != positive and p == positive for g, p in zip(gold, pred, strict=True))
    fn = sum(g == positive and p != positive for g, p in zip(gold, pred, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.2f} {r:.2f} {f:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the two feature weights")
    args = parser.parse_args(argv)
    corpora = args.corpora or next((p for p in PLACES if p.is_dir()), None)
    if corpora is None or not corpora.is_dir():
        print("note: no corpora found (../shared/corpora); nothing fitted")
        return 0
    examples = [
        *meter(corpora / "meter-dev"),
        *clough(corpora / "clough-dev"),
        *ntrex(corpora / "ntrex-dev"),
    ]
    fitted = [e for e in examples if e[0] in FITTED]
    examples = [*fitted, *(e for e in examples if e[0] not in FITTED)]
    held = [(f"{FOLDS}-fold", cross_validated(fitted, args.l2)), ("left-out", left_out(fitted, args.l2))]
    print(report(examples, fit(fitted, args.l2), held))
    return 0


if __name__ == "__main__":
    sys.exit(main())
