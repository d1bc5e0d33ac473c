"""Score provtrace's sentence alignment against hand-annotated gold alignments.

Run from the repository root:

    python benchmarks/align_eval.py [--pairs seeds|examples|all] [--json] [--semantic] [--runs N]
    python benchmarks/align_eval.py --show examples:wire-original.txt

The gold format and the annotation guide are in benchmarks/gold/README.md; what
the figures mean is in benchmarks/README.md. parse_gold and score_alignment are
importable (tests/test_align_eval.py uses them).

Exit codes: 0 every selected pair was scored (absent seeds are a note, not a
failure); 1 a gold file no longer matches provtrace's segmentation, an article
is missing or a gold file is malformed; 2 usage, or --semantic without a
semantic backend.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "benchmarks" / "gold"
#: Where a gold reference "prefix:NAME" points: the real seeds sit beside the repository.
ROOTS = {
    "seeds": ROOT.parent / "shared" / "seeds",
    "examples": ROOT / "examples",
    "bilingual": ROOT / "tests" / "data" / "bilingual",
}
KINDS = ("verbatim", "altered", "paraphrase")
SCHEMA = "provtrace.align-eval/1"

Pair = tuple[int, int]


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


class LinkLike(Protocol):
    """A gold link or a provtrace Link: index tuples, a kind and a partial flag."""

    @property
    def source(self) -> tuple[int, ...]: ...
    @property
    def target(self) -> tuple[int, ...]: ...
    @property
    def kind(self) -> Any: ...
    @property
    def partial(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class GoldLink:
    source: tuple[int, ...]
    target: tuple[int, ...]
    kind: str
    partial: bool = False
    line: int = 0


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Sentence count and a short hash of the sentence texts of one segmentation."""

    count: int
    digest: str

    def __str__(self) -> str:
        return f"{self.count} {self.digest}"


@dataclass(frozen=True, slots=True)
class Gold:
    name: str  # the file name without .gold, e.g. "seeds-001-003"
    source: str  # reference such as "seeds:001_1d8441e6aa364e4e.txt"
    target: str
    source_fingerprint: Fingerprint
    target_fingerprint: Fingerprint
    links: tuple[GoldLink, ...]

    @property
    def family(self) -> str:
        """The prefix of the references ("seeds", "examples")."""
        return self.source.partition(":")[0]


def fingerprint(texts: Iterable[str]) -> Fingerprint:
    """Fingerprint of a segmentation: any change to a sentence's text or boundary changes it."""
    texts = list(texts)
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    return Fingerprint(len(texts), digest)


def _indices(tokens: Sequence[str], where: str) -> tuple[int, ...]:
    if not tokens:
        raise GoldError(f"{where}: a link needs at least one sentence on each side of '->'")
    try:
        values = tuple(int(t) for t in tokens)
    except ValueError:
        raise GoldError(
            f"{where}: sentence indices must be whole numbers, got {' '.join(tokens)!r}"
        ) from None
    if any(v < 0 for v in values) or len(set(values)) != len(values):
        raise GoldError(f"{where}: indices must be distinct and not negative, got {' '.join(tokens)!r}")
    return tuple(sorted(values))


def parse_gold(text: str, name: str = "<gold>") -> Gold:
    """Read a gold alignment (the format is described in benchmarks/gold/README.md).

    Raises GoldError naming the line for anything malformed: a missing header,
    an unknown kind or flag, an index past the declared sentence count, or a
    sentence pair listed twice.
    """
    refs: dict[str, str] = {}
    prints: dict[str, Fingerprint] = {}
    links: list[GoldLink] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        words = raw.split("#", 1)[0].split()
        if not words:
            continue
        keyword, rest = words[0], words[1:]
        if keyword in ("source", "target"):
            if len(rest) != 1 or rest[0].partition(":")[0] not in ROOTS or not rest[0].partition(":")[2]:
                raise GoldError(
                    f"{where}: expected '{keyword} PREFIX:FILE' with PREFIX one of {sorted(ROOTS)}"
                )
            if keyword in refs:
                raise GoldError(f"{where}: '{keyword}' given twice")
            refs[keyword] = rest[0]
        elif keyword == "fingerprint":
            if len(rest) != 3 or rest[0] not in ("source", "target") or not rest[1].isdigit():
                raise GoldError(f"{where}: expected 'fingerprint source|target COUNT HASH'")
            if rest[0] in prints:
                raise GoldError(f"{where}: fingerprint of the {rest[0]} given twice")
            prints[rest[0]] = Fingerprint(int(rest[1]), rest[2])
        elif keyword == "link":
            if "->" not in rest:
                raise GoldError(f"{where}: expected 'link I [I ...] -> J [J ...] KIND [partial]'")
            arrow = rest.index("->")
            tail = rest[arrow + 1 :]
            digits = [t for t in tail if t.isdigit()]
            labels = tail[len(digits) :]
            if not labels or labels[0] not in KINDS:
                raise GoldError(f"{where}: the kind must be one of {', '.join(KINDS)}")
            if labels[1:] not in ([], ["partial"]):
                raise GoldError(f"{where}: unknown words after the kind: {' '.join(labels[1:])!r}")
            links.append(
                GoldLink(
                    _indices(rest[:arrow], where),
                    _indices(digits, where),
                    labels[0],
                    partial=len(labels) == 2,
                    line=number,
                )
            )
        else:
            raise GoldError(
                f"{where}: unknown line {keyword!r} (expected source, target, fingerprint or link)"
            )
    for keyword in ("source", "target"):
        if keyword not in refs:
            raise GoldError(f"{name}: no '{keyword}' line")
        if keyword not in prints:
            raise GoldError(f"{name}: no 'fingerprint {keyword}' line")
    if refs["source"].partition(":")[0] != refs["target"].partition(":")[0]:
        raise GoldError(f"{name}: source and target must come from the same family (prefix)")
    seen: dict[Pair, int] = {}
    for link in links:
        for side, indices, count in (
            ("source", link.source, prints["source"].count),
            ("target", link.target, prints["target"].count),
        ):
            if indices[-1] >= count:
                raise GoldError(
                    f"{name}:{link.line}: {side} index {indices[-1]} but the {side} has {count} sentences"
                )
        for pair in _expand(link):
            if pair in seen:
                raise GoldError(
                    f"{name}:{link.line}: pair {pair[0]} -> {pair[1]} already linked on line {seen[pair]}"
                )
            seen[pair] = link.line
    return Gold(name, refs["source"], refs["target"], prints["source"], prints["target"], tuple(links))


def read_gold(path: Path) -> Gold:
    return parse_gold(path.read_text(encoding="utf-8"), path.stem)


def _expand(link: LinkLike) -> list[Pair]:
    return [(i, j) for i in link.source for j in link.target]


def _pairs(links: Iterable[LinkLike]) -> dict[Pair, tuple[str, bool]]:
    """Each n:m link as its set of (source, target) pairs, with the link's kind and flag."""
    return {pair: (str(link.kind), bool(link.partial)) for link in links for pair in _expand(link)}


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Score:
    """Counts for one pair (or, summed, for several: that is the micro-average)."""

    gold: int = 0  # gold (source, target) pairs
    predicted: int = 0
    found: int = 0  # predicted pairs that the gold has
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    found_by_gold_kind: Counter[str] = field(default_factory=Counter)
    predicted_by_kind: Counter[str] = field(default_factory=Counter)
    correct_by_predicted_kind: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(
        default_factory=Counter
    )  # (gold kind, predicted kind) on found pairs
    partial_agree: int = 0  # found pairs whose partial flags agree
    labelled: int = 0  # sentences on both sides
    labelled_right: int = 0  # ... whose linked / added / dropped status agrees with the gold

    def __add__(self, other: Score) -> Score:
        names = [f.name for f in dataclasses.fields(self)]
        return Score(*(getattr(self, n) + getattr(other, n) for n in names))

    @property
    def precision(self) -> float | None:
        return _ratio(self.found, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    def kind_prf(self, kind: str) -> tuple[float | None, float | None, float | None]:
        """Link finding within one kind: P over pairs predicted as it, R over gold pairs of it."""
        p = _ratio(self.correct_by_predicted_kind[kind], self.predicted_by_kind[kind])
        r = _ratio(self.found_by_gold_kind[kind], self.gold_by_kind[kind])
        return p, r, _f1(p, r)

    @property
    def kind_accuracy(self) -> float | None:
        """Share of found pairs whose predicted kind is the gold kind."""
        return _ratio(sum(n for (g, p), n in self.confusion.items() if g == p), self.found)

    @property
    def partial_accuracy(self) -> float | None:
        return _ratio(self.partial_agree, self.found)

    @property
    def label_accuracy(self) -> float | None:
        """Share of all sentences (both sides) rightly called linked, added or dropped."""
        return _ratio(self.labelled_right, self.labelled)

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold_pairs": self.gold,
            "predicted_pairs": self.predicted,
            "found_pairs": self.found,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "kinds": {
                kind: dict(zip(("precision", "recall", "f1"), self.kind_prf(kind), strict=True))
                | {"gold": self.gold_by_kind[kind], "predicted": self.predicted_by_kind[kind]}
                for kind in KINDS
            },
            "kind_accuracy": self.kind_accuracy,
            "kind_confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
            "partial_accuracy": self.partial_accuracy,
            "added_dropped_accuracy": self.label_accuracy,
            "sentences": self.labelled,
        }


def score_alignment(
    gold: Iterable[LinkLike], predicted: Iterable[LinkLike], n_source: int, n_target: int
) -> Score:
    """Compare predicted links with gold links, pair by pair.

    Each n:m link stands for every (source, target) pair it joins. A predicted
    pair is right when the gold joins the same two sentences, whatever the
    kind; kinds are then compared on those pairs. Every source sentence is
    linked or dropped and every target sentence linked or added, on each side.
    """
    gold_pairs, predicted_pairs = _pairs(gold), _pairs(predicted)
    for i, j in predicted_pairs:
        if not (0 <= i < n_source and 0 <= j < n_target):
            raise ValueError(f"predicted pair {i} -> {j} is outside {n_source} x {n_target} sentences")
    score = Score(gold=len(gold_pairs), predicted=len(predicted_pairs))
    for pair, (kind, partial) in predicted_pairs.items():
        score.predicted_by_kind[kind] += 1
        if pair in gold_pairs:
            gold_kind, gold_partial = gold_pairs[pair]
            score.found += 1
            score.correct_by_predicted_kind[kind] += 1
            score.found_by_gold_kind[gold_kind] += 1
            score.confusion[gold_kind, kind] += 1
            score.partial_agree += partial == gold_partial
    for kind, _ in gold_pairs.values():
        score.gold_by_kind[kind] += 1
    for side, n in ((0, n_source), (1, n_target)):
        gold_linked = {pair[side] for pair in gold_pairs}
        predicted_linked = {pair[side] for pair in predicted_pairs}
        score.labelled += n
        score.labelled_right += sum((k in gold_linked) == (k in predicted_linked) for k in range(n))
    return score


# --- running provtrace -------------------------------------------------------------------------


def resolve(reference: str, roots: dict[str, Path]) -> Path:
    prefix, _, name = reference.partition(":")
    return roots[prefix] / name


@dataclass(slots=True)
class PairResult:
    name: str
    source: str
    target: str
    status: str  # "ok", "drift", "missing" or "error"
    message: str = ""
    score: Score | None = None
    seconds: float | None = None  # median wall time of align_articles

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source,
            "target": self.target,
            "status": self.status,
            "message": self.message,
            "scores": self.score.as_dict() if self.score else None,
            "median_ms": None if self.seconds is None else round(self.seconds * 1000, 2),
        }


def load_article(path: Path) -> Any:
    """The article as provtrace sees it (furniture removed, sentences split)."""
    from provtrace.pipeline import load_articles

    articles, _ = load_articles([str(path)])
    return articles[0]


class _Aligner:
    """Aligns one family's articles as the pipeline would: one vocabulary (and, in
    semantic mode, one set of sentence embeddings) over every article of the family."""

    def __init__(self, articles: Sequence[Any], options: Any) -> None:
        from provtrace.align import core as align

        self.options = options
        self.vocab = align.build_vocabulary(articles)
        self.vectors: dict[str, Any] = {}
        self.embed_seconds: float | None = None
        if getattr(options, "semantic", False):
            # align_articles takes no embeddings: the pipeline prepares each article with its
            # vectors and calls align_prepared, so the benchmark does the same.
            from provtrace.align.semantic import Embedder

            start = time.perf_counter()
            self.vectors = Embedder().embed(list(articles))
            self.embed_seconds = time.perf_counter() - start

    def align(self, source: Any, target: Any) -> Any:
        from provtrace.align import core as align

        vectors = (self.vectors.get(source.id), self.vectors.get(target.id))
        if hasattr(align, "align_pair"):
            # As the pipeline does: each pair weighs words by their rarity in the pair.
            return align.align_pair(source, target, self.options, vectors=vectors)[0]
        if not self.vectors:
            return align.align_articles(source, target, self.vocab, self.options)[0]
        src = align.prepare(source, self.vocab, vectors=vectors[0])
        tgt = align.prepare(target, self.vocab, vectors=vectors[1])
        return align.align_prepared(src, tgt, self.options)[0]


def evaluate(
    golds: Sequence[Gold], options: Any, roots: dict[str, Path], runs: int = 3, notes: list[str] | None = None
) -> list[PairResult]:
    """Align each gold pair with provtrace and score it; report drift instead of scoring it."""
    articles: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for reference in sorted({r for g in golds for r in (g.source, g.target)}):
        path = resolve(reference, roots)
        if not path.is_file():
            problems[reference] = f"{path} not found"
            continue
        try:
            articles[reference] = load_article(path)
        except Exception as error:  # a benchmark reports a failing pair and goes on
            problems[reference] = f"cannot load {path}: {error}"
    aligners: dict[str, _Aligner] = {}
    for family in sorted({g.family for g in golds}):
        members = [a for r, a in sorted(articles.items()) if r.partition(":")[0] == family]
        aligner = aligners[family] = _Aligner(members, options)
        if aligner.embed_seconds is not None and notes is not None:
            notes.append(
                f"embedding the {family} family took {aligner.embed_seconds * 1000:.0f} ms "
                "(once per family, not included in the per-pair times)"
            )
    results: list[PairResult] = []
    for gold in golds:
        result = PairResult(gold.name, gold.source, gold.target, "ok")
        results.append(result)
        missing = [problems[r] for r in (gold.source, gold.target) if r in problems]
        if missing:
            result.status, result.message = "missing", "; ".join(missing)
            continue
        source, target = articles[gold.source], articles[gold.target]
        drift = []
        for side, reference, expected, article in (
            ("source", gold.source, gold.source_fingerprint, source),
            ("target", gold.target, gold.target_fingerprint, target),
        ):
            actual = fingerprint(s.text for s in article.sentences)
            if actual != expected:
                drift.append(f"{side} {reference}: gold says {expected}, provtrace now gives {actual}")
        if drift:
            result.status = "drift"
            result.message = (
                "segmentation changed since the gold was annotated, so its sentence numbers may point "
                "at other sentences: " + "; ".join(drift) + ". Re-check the links against "
                "'python benchmarks/align_eval.py --show REF', then update the fingerprint lines."
            )
            continue
        try:
            times = []
            for _ in range(max(runs, 1)):
                start = time.perf_counter()
                alignment = aligners[gold.family].align(source, target)
                times.append(time.perf_counter() - start)
            result.score = score_alignment(
                gold.links, alignment.links, len(source.sentences), len(target.sentences)
            )
            result.seconds = statistics.median(times)
        except Exception as error:
            result.status, result.message = "error", f"{type(error).__name__}: {error}"
    return results


def build_options(semantic: bool) -> tuple[Any, str]:
    """TraceOptions for the mode, and the mode's description; options is None when unavailable."""
    from provtrace.align import core as align
    from provtrace.options import TraceOptions

    names = {f.name for f in dataclasses.fields(TraceOptions)}
    if not semantic:
        options = TraceOptions()
        extra = f" (semantic={options.semantic!r})" if "semantic" in names else ""
        return options, "default" + extra
    if "semantic" not in names:
        return None, "semantic backend not available: this provtrace's TraceOptions has no 'semantic' field"
    if not (hasattr(align, "prepare") and hasattr(align, "align_prepared")):
        return None, "semantic backend not available: provtrace.align.core has no prepare/align_prepared"
    try:
        from provtrace.align.semantic import available
    except ImportError:
        return None, "semantic backend not available: provtrace has no provtrace.align.semantic module"
    if not available():
        return None, "semantic backend not available: install it with pip install '.[semantic]'"
    return TraceOptions(semantic=True), "semantic (TraceOptions(semantic=True))"


# --- output ------------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "  –  " if value is None else f"{value:.3f}"


def render_table(results: Sequence[PairResult], total: Score | None) -> str:
    width = max([len(r.name) for r in results] + [len("total (micro)")])
    head = f"{'pair':<{width}}  {'gold':>4} {'pred':>4} {'found':>5}  {'P':>5} {'R':>5} {'F1':>5}"
    head += f"  {'kind':>5} {'part':>5} {'A/D':>5}  {'ms':>7}"
    lines = [head, "-" * len(head)]
    rows: list[tuple[str, Score | None, PairResult | None]] = [(r.name, r.score, r) for r in results]
    if total is not None:
        rows.append(("total (micro)", total, None))
    for name, score, result in rows:
        if score is None:
            assert result is not None
            lines.append(f"{name:<{width}}  {result.status.upper()}: see below")
            continue
        ms = "" if result is None or result.seconds is None else f"{result.seconds * 1000:7.1f}"
        lines.append(
            f"{name:<{width}}  {score.gold:>4} {score.predicted:>4} {score.found:>5}  "
            f"{_fmt(score.precision)} {_fmt(score.recall)} {_fmt(score.f1)}  "
            f"{_fmt(score.kind_accuracy)} {_fmt(score.partial_accuracy)} "
            f"{_fmt(score.label_accuracy)}  {ms:>7}"
        )
    kinds = [f"{'pair':<{width}}"] + [f"{k + ' P/R/F1 (gold, pred)':<34}" for k in KINDS]
    lines += ["", "  ".join(kinds).rstrip(), "-" * len(head)]
    for name, score, _ in rows:
        if score is None:
            continue
        cells = [f"{name:<{width}}"]
        for kind in KINDS:
            p, r, f = score.kind_prf(kind)
            counts = f"({score.gold_by_kind[kind]}, {score.predicted_by_kind[kind]})"
            cells.append(f"{_fmt(p)} {_fmt(r)} {_fmt(f)} {counts:<10}"[:34].ljust(34))
        lines.append("  ".join(cells).rstrip())
    if total is not None and total.found:
        confusion = ", ".join(f"{g}→{p} {n}" for (g, p), n in sorted(total.confusion.items()) if g != p)
        lines += ["", f"kind confusions on found pairs (gold→predicted): {confusion or 'none'}"]
    return "\n".join(lines)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("provtrace")
    except Exception:
        return "?"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score provtrace's sentence alignment against gold alignments."
    )
    parser.add_argument("--pairs", choices=("seeds", "examples", "bilingual", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--semantic", action="store_true", help="run with TraceOptions(semantic=True)")
    parser.add_argument(
        "--runs", type=int, default=3, help="timed runs per pair; the median is shown (default 3)"
    )
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--seeds-dir", type=Path, default=ROOTS["seeds"])
    parser.add_argument(
        "--show", metavar="REF", help="print provtrace's numbered sentences of REF and its fingerprint"
    )
    args = parser.parse_args(argv)
    roots = ROOTS | {"seeds": args.seeds_dir}

    if args.show:
        path = resolve(args.show, roots) if args.show.partition(":")[0] in roots else Path(args.show)
        article = load_article(path)
        for sentence in article.sentences:
            print(f"[{sentence.index}] {sentence.text}")
        print(f"fingerprint {fingerprint(s.text for s in article.sentences)}")
        return 0

    options, mode = build_options(args.semantic)
    if options is None:
        print(f"mode: {mode}", file=sys.stderr)
        return 2
    golds: list[Gold] = []
    bad: list[str] = []
    for path in sorted(args.gold_dir.glob("*.gold")):
        try:
            gold = read_gold(path)
        except GoldError as error:
            bad.append(str(error))
            continue
        if args.pairs in ("all", gold.family):
            golds.append(gold)
    notes = [f"malformed gold file: {message}" for message in bad]
    if any(g.family == "seeds" for g in golds) and not roots["seeds"].is_dir():
        skipped = [g.name for g in golds if g.family == "seeds"]
        notes.append(f"skipped {', '.join(skipped)}: the seeds folder {roots['seeds']} is absent")
        golds = [g for g in golds if g.family != "seeds"]

    results = evaluate(golds, options, roots, args.runs, notes)
    scored = [r.score for r in results if r.score is not None]
    total = sum(scored, Score()) if scored else None
    failed = bool(bad) or any(r.status != "ok" for r in results)

    if args.json:
        payload = {
            "schema": SCHEMA,
            "provtrace": _version(),
            "mode": mode,
            "runs": args.runs,
            "pairs": [r.as_dict() for r in results],
            "total": total.as_dict() if total else None,
            "notes": notes,
        }
        print(json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print(
            f"provtrace {_version()} alignment benchmark · mode: {mode} · "
            f"median of {args.runs} run(s) per pair"
        )
        print(f"gold: {args.gold_dir} ({len(results)} pair(s) evaluated)\n")
        if results:
            print(render_table(results, total))
        for result in results:
            if result.status != "ok":
                print(f"\n{result.status.upper()} {result.name}: {result.message}")
        if notes:
            print()
        for note in notes:
            print(f"note: {note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
