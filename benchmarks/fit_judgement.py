"""Fit the derived-or-independent judgement (provtrace/infer/judgement.py) on the real dev corpora.

Reads ../shared/corpora in place (never copies it) and prints the fitted
coefficients, to be written as the constants INTERCEPT, COPIED_WEIGHT and
RARE_WEIGHT in judgement.py, with how well they separate each corpus:

- METER: each newspaper story against the union of the PA items of its event (a
  story is often compiled from several; judgement.union_features); wholly and
  partially derived are derived.
- Clough-Stevenson: each answer against its source; cut, light, heavy are derived, non is not.
- NTREX: the two Spanish translations of each article (es, es-mx): independent siblings.
  Shown, not fitted: two translations of one text share the wording the text forces
  (a third of it in runs of five words), so wording cannot tell them from copies;
  judgement.sibling_translations judges them once their original is in the tree.

The model is a logistic regression on two features with L2 regularisation;
each fitted corpus weighs the same in total, so that no one corpus decides.

    python benchmarks/fit_judgement.py [--corpora DIR] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from logistic import fit_logistic  # noqa: E402

from provtrace.align.core import build_vocabulary, prepare, sentence_features  # noqa: E402
from provtrace.infer import judgement  # noqa: E402
from provtrace.infer.lineage import profile_of  # noqa: E402
from provtrace.models import Article  # noqa: E402
from provtrace.pipeline import load_articles  # noqa: E402

PLACES = (ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora")
METER_DERIVED = frozenset({"wholly_derived", "partially_derived"})
CLOUGH_DERIVED = frozenset({"cut", "light", "heavy"})

#: The corpora the coefficients are fitted on (see the module docstring for NTREX).
FITTED = frozenset({"meter", "clough"})
#: One example: corpus, name, features (copied, rare), derived.
Example = tuple[str, str, tuple[float, float], bool]


def _folder(paths: Sequence[Path]) -> tuple[dict[str, Article], dict[str, dict[str, float]]]:
    """The articles of one folder, as provtrace reads them, and their lineage profiles."""
    articles, _ = load_articles([str(p) for p in paths])
    feats = {a.id: sentence_features(a) for a in articles}
    vocab = build_vocabulary(articles, feats)
    profiles = {a.id: profile_of(prepare(a, vocab, feats[a.id]), vocab) for a in articles}
    return {a.path: a for a in articles}, profiles


def _vector(f: judgement.Features) -> tuple[float, float]:
    return (f.copied, f.rare)


def meter(root: Path) -> list[Example]:
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    out: list[Example] = []
    for story, info in sorted(truth.items()):
        paths = [root / story, *(root / w for w in info["wire"])]
        by_path, profiles = _folder(paths)
        own = by_path[str(root / story)]
        items = [by_path[str(root / w)] for w in info["wire"] if str(root / w) in by_path]
        union = judgement.union_features(own, items, profiles)
        out.append(("meter", story, _vector(union), info["label"] in METER_DERIVED))
    return out


def clough(root: Path) -> list[Example]:
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    out: list[Example] = []
    for name, label in sorted(truth.items()):
        answer, source = root / name / "answer.txt", root / name / "source.txt"
        by_path, profiles = _folder([answer, source])
        f = judgement.features(by_path[str(answer)], by_path[str(source)], profiles)
        out.append(("clough", name, _vector(f), label in CLOUGH_DERIVED))
    return out


def ntrex(root: Path) -> list[Example]:
    out: list[Example] = []
    for folder in sorted(d for d in root.iterdir() if d.is_dir()):
        paths = [folder / "en.txt", folder / "es.txt", folder / "es-mx.txt"]
        by_path, profiles = _folder(paths)
        f = judgement.features(by_path[str(paths[1])], by_path[str(paths[2])], profiles)
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


def cross_validated(examples: Sequence[Example], l2: float) -> list[bool]:
    """Each fitted example's call (derived?) by the model fitted on the other folds (5-fold)."""
    calls = [False] * len(examples)
    for k in range(FOLDS):
        train = [e for i, e in enumerate(examples) if i % FOLDS != k]
        beta = fit(train, l2)
        for i, (_, _, x, _) in enumerate(examples):
            if i % FOLDS == k:
                calls[i] = beta[0] + beta[1] * x[0] + beta[2] * x[1] >= 0
    return calls


def report(
    examples: Sequence[Example], beta: Sequence[float], held_out: Sequence[tuple[Example, bool]] = ()
) -> str:
    """The coefficients, each corpus's figures in sample, and cross-validated ones (held_out: each
    fitted example with its cross-validated call)."""
    lines = [
        f"INTERCEPT = {beta[0]:.2f}",
        f"COPIED_WEIGHT = {beta[1]:.2f}",
        f"RARE_WEIGHT = {beta[2]:.2f}",
        "",
        "corpus   n   derived: P R F1    independent: P R F1   accuracy",
    ]
    for corpus in sorted({c for c, *_ in examples}):
        rows = [(x, y) for c, _, x, y in examples if c == corpus]
        pred = [beta[0] + beta[1] * x[0] + beta[2] * x[1] >= 0 for x, _ in rows]
        gold = [y for _, y in rows]
        lines.append(
            f"{corpus:<8}{len(rows):>4}  {_prf(gold, pred, True)}  {_prf(gold, pred, False)}  "
            f"{sum(p == g for p, g in zip(pred, gold, strict=True)) / len(rows):.3f}"
        )
    if held_out:
        lines += ["", f"{FOLDS}-fold cross-validated (each example called by a model fitted without it):"]
        for corpus in sorted({e[0] for e, _ in held_out}):
            gold = [e[3] for e, _ in held_out if e[0] == corpus]
            pred = [call for e, call in held_out if e[0] == corpus]
            lines.append(f"{corpus:<8}{len(gold):>4}  {_prf(gold, pred, True)}  {_prf(gold, pred, False)}")
    return "\n".join(lines)


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
    held_out = list(zip(fitted, cross_validated(fitted, args.l2), strict=True))
    print(report(examples, fit(fitted, args.l2), held_out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
