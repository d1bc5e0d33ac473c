"""Candidate features for the derived-or-independent judgement, measured one by one (issue 11).

For each candidate from the text-reuse literature, prints its separate AUC on
METER (each story against the union of the PA items of its event) and on
Clough-Stevenson (each answer against its source), and the 5-fold
cross-validated and left-out-corpus figures of the judgement's model
(benchmarks/fit_judgement.py: copied, rare, linked) with that one feature
added. Reads ../shared/corpora in place.

The candidates (all measured on the text that could have been taken, the story):

- tri: containment of its word trigrams in the source(s) (Clough et al.'s METER work, n-gram overlap);
- tri_out: the same, outside quotations;
- gst3 / gst5: Greedy String Tiling coverage with minimum tile length 3 / 5 words (outside quotations);
- rare_tri: share of its trigrams outside quotations holding no stop word (word choices, not
  function-word glue) that the source has;
- order: Kendall tau of its linked sentences' positions against the source's (0 with under two links);
- open: share of its sentences whose first four words open a source sentence;
- longest: log2(1 + the longest run of words it shares with one source);
- abs_gst3: log2(1 + the words covered by tiles of 3+), a count rather than a share;
- quoted: share of its words inside quotations in runs of five words the source has (which parts of
  what was said it quotes: an editorial choice);
- bi_out: containment of its word bigrams outside quotations;
- length: log2 of its length over the source's;
- excess: max(0, length) times its share not linked (a story much longer than the wire, with little
  of it covered, is written apart).

Last measured (dev, 2026-12-01): no candidate lifts METER beyond the model's cross-validated AUC
(0.837) by more than 0.01, and none improves both the cross-validated and the left-out figures; see
benchmarks/README.md.

    python benchmarks/feature_study.py [--corpora DIR] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import fit_judgement as fj  # noqa: E402

from provtrace.align.normalize import STOPWORDS  # noqa: E402
from provtrace.infer import judgement  # noqa: E402
from provtrace.models import Alignment, Article  # noqa: E402

#: One row: corpus, name, base features, candidate features by name, derived.
Row = tuple[str, str, tuple[float, ...], dict[str, float], bool]
OPENING = 4


def _words(article: Article, quotes: bool) -> list[str]:
    text = "\n".join(s.text for s in article.sentences)
    if quotes:
        return [w.lower() for w in judgement._WORD.findall(text)]
    return [w.lower() for w in judgement._words_outside_quotes(text)]


def _grams(words: Sequence[str], n: int = 3) -> list[tuple[str, ...]]:
    return [tuple(words[k : k + n]) for k in range(len(words) - n + 1)]


def _contain(
    story: Sequence[str], sources: Sequence[Sequence[str]], keep: Callable[[tuple[str, ...]], bool]
) -> float:
    mine = [g for g in _grams(story) if keep(g)]
    theirs = {g for s in sources for g in _grams(s)}
    return sum(g in theirs for g in mine) / len(mine) if mine else 0.0


def _contain2(story: Sequence[str], sources: Sequence[Sequence[str]]) -> float:
    mine = _grams(story, 2)
    theirs = {g for s in sources for g in _grams(s, 2)}
    return sum(g in theirs for g in mine) / len(mine) if mine else 0.0


def gst(story: Sequence[str], sources: Sequence[Sequence[str]], least: int) -> float:
    """Greedy String Tiling (Wise): share of story's words covered by maximal one-to-one tiles of at
    least `least` words with the sources (a tile never crosses from one source into the next)."""
    other: list[str | None] = []
    for s in sources:
        other += [*s, None]
    where: dict[str, list[int]] = {}
    for k, w in enumerate(other):
        if w is not None:
            where.setdefault(w, []).append(k)
    mark_a = [False] * len(story)
    mark_b = [False] * len(other)
    covered = 0
    while True:
        best = least - 1
        tiles: list[tuple[int, int, int]] = []
        for i in range(len(story)):
            if mark_a[i]:
                continue
            for j in where.get(story[i], ()):
                if mark_b[j]:
                    continue
                n = 0
                while (
                    i + n < len(story)
                    and j + n < len(other)
                    and not mark_a[i + n]
                    and not mark_b[j + n]
                    and story[i + n] == other[j + n]
                ):
                    n += 1
                if n > best:
                    best, tiles = n, [(i, j, n)]
                elif n == best and n >= least:
                    tiles.append((i, j, n))
        if best < least:
            break
        for i, j, n in tiles:
            if any(mark_a[i : i + n]) or any(mark_b[j : j + n]):
                continue
            for d in range(n):
                mark_a[i + d] = mark_b[j + d] = True
            covered += n
    return covered / len(story) if story else 0.0


def longest(story: Sequence[str], sources: Sequence[Sequence[str]]) -> int:
    """The longest run of words the story shares with one source."""
    best = 0
    for other in sources:
        prev: dict[int, int] = {}
        where: dict[str, list[int]] = {}
        for k, w in enumerate(other):
            where.setdefault(w, []).append(k)
        for w in story:
            cur = {j: prev.get(j - 1, 0) + 1 for j in where.get(w, ())}
            if cur:
                best = max(best, max(cur.values()))
            prev = cur
    return best


def _quoted_words(article: Article) -> list[list[str]]:
    text = "\n".join(s.text for s in article.sentences)
    return [
        [w.lower() for w in judgement._WORD.findall(m.group(0))] for m in judgement._QUOTATION.finditer(text)
    ]


def quoted(story: Article, sources: Sequence[Article]) -> float:
    """Share of the story's quoted words in runs of five words some source has (anywhere)."""
    theirs = {g for s in sources for g in _grams(_words(s, True), 5)}
    total = covered = 0
    for q in _quoted_words(story):
        total += len(q)
        mark = [False] * len(q)
        for k, g in enumerate(_grams(q, 5)):
            if g in theirs:
                for d in range(5):
                    mark[k + d] = True
        covered += sum(mark)
    return covered / total if total else 0.0


def order(alignments: Sequence[Alignment], story: str) -> float:
    """Kendall tau of the story's linked sentences against their source's, over all alignments' link
    pairs (pairs within one alignment only); 0 where fewer than two links."""
    concordant = discordant = 0
    for alignment in alignments:
        on_target = alignment.target == story
        spots = [
            (min(l.target if on_target else l.source), min(l.source if on_target else l.target))
            for l in alignment.links
        ]
        for x in range(len(spots)):
            for y in range(x + 1, len(spots)):
                a = (spots[x][0] - spots[y][0]) * (spots[x][1] - spots[y][1])
                concordant += a > 0
                discordant += a < 0
    total = concordant + discordant
    return (concordant - discordant) / total if total else 0.0


def openings(story: Article, sources: Sequence[Article]) -> float:
    def head(text: str) -> tuple[str, ...] | None:
        w = [x.lower() for x in judgement._WORD.findall(text)]
        return tuple(w[:OPENING]) if len(w) >= OPENING else None

    theirs = {h for s in sources for x in s.sentences if (h := head(x.text)) is not None}
    mine = [h for x in story.sentences if (h := head(x.text)) is not None]
    return sum(h in theirs for h in mine) / len(mine) if mine else 0.0


def candidates(
    story: Article, sources: Sequence[Article], alignments: Sequence[Alignment]
) -> dict[str, float]:
    s_all, s_out = _words(story, True), _words(story, False)
    o_all = [_words(s, True) for s in sources]
    o_out = [_words(s, False) for s in sources]
    size = sum(len(w) for w in o_all)
    return {
        "tri": _contain(s_all, o_all, lambda g: True),
        "tri_out": _contain(s_out, o_out, lambda g: True),
        "gst3": gst(s_out, o_out, 3),
        "gst5": gst(s_out, o_out, 5),
        "rare_tri": _contain(s_out, o_out, lambda g: not any(w in STOPWORDS for w in g)),
        "order": order(alignments, story.id),
        "open": openings(story, sources),
        "longest": math.log2(1 + longest(s_out, o_out)),
        "abs_gst3": math.log2(1 + gst(s_out, o_out, 3) * len(s_out)),
        "quoted": quoted(story, sources),
        "bi_out": _contain2(s_out, o_out),
        "length": math.log2(max(1, len(s_all)) / max(1, size)),
    }


def _with_excess(found: dict[str, float], base: tuple[float, ...]) -> dict[str, float]:
    """Adds excess: how much longer than the source the text is (log2, 0 if shorter), times the share of
    it not linked to the source (a story much longer than the wire and little of it linked)."""
    return {**found, "excess": max(0.0, found["length"]) * (1.0 - base[2])}


def meter(root: Path) -> list[Row]:
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    out: list[Row] = []
    for story, info in sorted(truth.items()):
        paths = [root / story, *(root / w for w in info["wire"])]
        by_path, profiles = fj._folder(paths)
        own = by_path[str(root / story)]
        items = [by_path[str(root / w)] for w in info["wire"] if str(root / w) in by_path]
        alignments = [fj._aligned(item, own) for item in items]
        base = fj._vector(judgement.union_features(own, items, profiles, alignments))
        derived = info["label"] in fj.METER_DERIVED
        out.append(("meter", story, base, _with_excess(candidates(own, items, alignments), base), derived))
    return out


def clough(root: Path) -> list[Row]:
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    out: list[Row] = []
    for name, label in sorted(truth.items()):
        answer, source = root / name / "answer.txt", root / name / "source.txt"
        by_path, profiles = fj._folder([answer, source])
        a, s = by_path[str(answer)], by_path[str(source)]
        alignment = fj._aligned(s, a)
        base = fj._vector(judgement.features(a, s, profiles, alignment))
        found = _with_excess(candidates(a, [s], [alignment]), base)
        out.append(("clough", name, base, found, label in fj.CLOUGH_DERIVED))
    return out


def auc(scores: Sequence[float], gold: Sequence[bool]) -> float:
    """Probability that a derived example scores above an independent one (ties half)."""
    pos = [s for s, g in zip(scores, gold, strict=True) if g]
    neg = [s for s, g in zip(scores, gold, strict=True) if not g]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else float("nan")


def _examples(rows: Sequence[Row], extra: Sequence[str]) -> list[fj.Example]:
    return [(c, n, (*base, *(cand[e] for e in extra)), y) for c, n, base, cand, y in rows]


def _f1s(ps: Sequence[float], gold: Sequence[bool], cut: float) -> tuple[float, float]:
    pred = [p >= cut for p in ps]

    def f1(positive: bool) -> float:
        tp = sum(g == positive and p == positive for g, p in zip(gold, pred, strict=True))
        fp = sum(g != positive and p == positive for g, p in zip(gold, pred, strict=True))
        fn = sum(g == positive and p != positive for g, p in zip(gold, pred, strict=True))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    return f1(True), f1(False)


def summary(rows: Sequence[Row], extra: Sequence[str], l2: float) -> str:
    examples = _examples(rows, extra)
    schemes = {"cv": fj.cross_validated(examples, l2), "out": fj.left_out(examples, l2)}
    parts = []
    for corpus in ("meter", "clough"):
        for name, ps in schemes.items():
            sel = [(p, e[3]) for p, e in zip(ps, examples, strict=True) if e[0] == corpus]
            gold = [g for _, g in sel]
            a = auc([p for p, _ in sel], gold)
            d5, n5 = _f1s([p for p, _ in sel], gold, 0.5)
            d6, n6 = _f1s([p for p, _ in sel], gold, 2 / 3)
            parts.append(f"{corpus[:2]}-{name} auc {a:.3f} F1@.5 {d5:.2f}/{n5:.2f} @.67 {d6:.2f}/{n6:.2f}")
    return " | ".join(parts)


def bootstrap_delta(
    rows: Sequence[Row], extra: Sequence[str], l2: float, draws: int = 300
) -> tuple[float, float, float]:
    """METER's cross-validated AUC with the extra features minus without: mean and 95% interval over
    bootstrap resamples of METER's stories (the same cross-validated probabilities, resampled)."""
    base = fj.cross_validated(_examples(rows, ()), l2)
    more = fj.cross_validated(_examples(rows, extra), l2)
    meter = [k for k, r in enumerate(rows) if r[0] == "meter"]
    rng = random.Random(0)
    deltas = []
    for _ in range(draws):
        pick = [rng.choice(meter) for _ in meter]
        gold = [rows[k][4] for k in pick]
        deltas.append(auc([more[k] for k in pick], gold) - auc([base[k] for k in pick], gold))
    deltas.sort()
    return sum(deltas) / draws, deltas[int(0.025 * draws)], deltas[int(0.975 * draws) - 1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)
    corpora = args.corpora or next((p for p in fj.PLACES if p.is_dir()), None)
    if corpora is None or not corpora.is_dir():
        print("note: no corpora found (../shared/corpora); nothing measured")
        return 0
    rows = [*meter(corpora / "meter-dev"), *clough(corpora / "clough-dev")]
    values: dict[str, Callable[[Row], float]] = {
        "copied": lambda r: r[2][0],
        "rare": lambda r: r[2][1],
        "linked": lambda r: r[2][2],
    }
    values.update({name: functools.partial(_candidate, name) for name in rows[0][3]})
    print("separate AUC of each feature (derived above independent)")
    print("feature     meter   clough")
    for name, value in values.items():
        print(f"{name:<10}  {_auc_of(rows, 'meter', value):.3f}   {_auc_of(rows, 'clough', value):.3f}")
    print()
    print("the judgement's model (copied, rare, linked), then with one feature added: AUC, and F1")
    print("derived/independent at trace's cut (0.5) and check's (2/3); cv: 5-fold on both corpora,")
    print("out: each corpus by the other's fit; last: METER cv AUC gain, 95% bootstrap interval")
    print(f"{'model':<12}", summary(rows, (), args.l2))
    for name in rows[0][3]:
        mean, low, high = bootstrap_delta(rows, (name,), args.l2)
        gain = f"| me-cv auc {mean:+.3f} [{low:+.3f}, {high:+.3f}]"
        print(f"{'+ ' + name:<12}", summary(rows, (name,), args.l2), gain)
    return 0


def _candidate(name: str, row: Row) -> float:
    return row[3][name]


def _auc_of(rows: Sequence[Row], corpus: str, value: Callable[[Row], float]) -> float:
    chosen = [r for r in rows if r[0] == corpus]
    return auc([value(r) for r in chosen], [r[4] for r in chosen])


if __name__ == "__main__":
    sys.exit(main())
