"""Measure the derivation judgement on real corpora nobody on this project wrote (issue 11).

Reads the dev splits under ../shared/corpora in place (never copies them) and prints one
table of figures against the issue's targets, then a reliability table of edge confidence:

- METER `check`: each newspaper story checked against the PA wire folder; derived and
  non-derived precision, recall and F1, and their macro F1.
- METER `trace`: each story traced with the PA items of its event; the share of derived
  stories hung under a PA item, and of non-derived stories left unlinked.
- NTREX, without and with semantic: trees right, and sentence-link P/R/F1 against the
  gold segment links; and `check` of the two Spanish translations (stories) against the
  English (wire): the share found derived from it.
- Clough: derived answers under their source; independent answers unrelated.

    python benchmarks/realdata.py [--corpora DIR] [--semantic-only | --no-semantic] [--json]
                                  [--only meter,ntrex,clough] [--workers N] [--limit N]

See benchmarks/README.md for what exactly counts as right.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provtrace.check.config import CheckConfig  # noqa: E402
from provtrace.check.runner import check  # noqa: E402
from provtrace.models import Article, Trace  # noqa: E402
from provtrace.options import TraceOptions  # noqa: E402
from provtrace.pipeline import load_articles, trace_articles  # noqa: E402

SCHEMA = "provtrace.realdata/1"
#: ../shared/corpora beside the repository; the second place serves a git worktree one level deeper.
CORPORA_PLACES = (ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora")
CORPORA = ("meter", "ntrex", "clough")
METER_DERIVED = frozenset({"wholly_derived", "partially_derived"})
CLOUGH_DERIVED = frozenset({"cut", "light", "heavy"})
NTREX_CHILDREN = ("es", "es-mx")
#: Reliability bins: confidence [0, 0.1), [0.1, 0.2), ... [0.9, 1.0].
BINS = 10
#: The issue's targets, shown beside the figures.
TARGETS = {
    "meter_check_derived_f1": 0.90,
    "meter_check_non_derived_f1": 0.80,
    "meter_trace_derived_under_pa": 0.95,
    "meter_trace_non_derived_unlinked": 0.80,
    "ntrex_semantic_trees_right": 0.90,
    "ntrex_semantic_link_f1": 0.90,
    "clough_derived_under_source": 0.90,
    "clough_non_unrelated": 0.90,
    "ece": 0.05,
}
WORD = re.compile(r"\w+")

# An edge as scored here: (parent id, child id, confidence).
EdgeT = tuple[str, str, float]


# ---------------------------------------------------------------- scoring (pure)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def binary_scores(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, Any]:
    """P/R/F1 of the derived class and of the non-derived class, and their macro F1."""
    pairs = list(zip(gold, pred, strict=True))
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    tn = len(pairs) - tp - fp - fn
    derived, non = prf(tp, fp, fn), prf(tn, fn, fp)
    return {
        "n": len(pairs),
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "derived": derived,
        "non_derived": non,
        "macro_f1": round((derived["f1"] + non["f1"]) / 2, 4),
    }


def ancestors(edges: Iterable[EdgeT], node: str) -> set[str]:
    """Every node above node along parent edges."""
    parents: dict[str, set[str]] = {}
    for parent, child, _ in edges:
        parents.setdefault(child, set()).add(parent)
    seen: set[str] = set()
    todo = [node]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def linked(edges: Iterable[EdgeT], node: str, others: Iterable[str]) -> bool:
    """Whether an edge joins node and one of others, in either direction."""
    group = set(others)
    return any((p == node and c in group) or (c == node and p in group) for p, c, _ in edges)


def ntrex_tree_right(edges: Iterable[EdgeT]) -> bool:
    """es and es-mx both directly under en, and no edge between es and es-mx."""
    pairs = {(p, c) for p, c, _ in edges}
    siblings = ("es", "es-mx") in pairs or ("es-mx", "es") in pairs
    return ("en", "es") in pairs and ("en", "es-mx") in pairs and not siblings


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def sentence_segments(sentences: Sequence[str], segments: Sequence[str]) -> list[tuple[int, ...]]:
    """For each sentence, the gold segments it stands for, by word overlap.

    The words of all sentences and of all segments, in order, are matched as two sequences
    (difflib, no junk heuristic), so a common word is counted where it stands, not wherever
    it occurs. A sentence maps to the segment most of its matched words fall in (ties: the
    earliest) and to every other segment at least half of whose words fall in it (a sentence
    provtrace did not split stands for both segments). A sentence with no matched word maps
    to nothing.
    """
    sent = [(i, w) for i, text in enumerate(sentences) for w in words(text)]
    seg = [(k, w) for k, text in enumerate(segments) for w in words(text)]
    matcher = SequenceMatcher(None, [w for _, w in sent], [w for _, w in seg], autojunk=False)
    counts: list[Counter[int]] = [Counter() for _ in sentences]
    for a, b, size in matcher.get_matching_blocks():
        for d in range(size):
            counts[sent[a + d][0]][seg[b + d][0]] += 1
    sizes = Counter(k for k, _ in seg)
    out: list[tuple[int, ...]] = []
    for count in counts:
        if not count:
            out.append(())
            continue
        best = min(count, key=lambda k: (-count[k], k))
        extra = {k for k, n in count.items() if n >= sizes[k] / 2}
        out.append(tuple(sorted({best} | extra)))
    return out


def segment_pairs(
    links: Iterable[tuple[Sequence[int], Sequence[int]]],
    source_map: Sequence[tuple[int, ...]],
    target_map: Sequence[tuple[int, ...]],
) -> set[tuple[int, int]]:
    """Sentence links (source indices, target indices) as (source segment, target segment) pairs."""
    out: set[tuple[int, int]] = set()
    for source, target in links:
        for s in source:
            for t in target:
                out |= {(a, b) for a in source_map[s] for b in target_map[t]}
    return out


def reliability(points: Iterable[tuple[float, bool]]) -> dict[str, Any]:
    """Confidence bins of 0.1 (count, mean confidence, accuracy) and the expected calibration error."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for confidence, correct in points:
        bins[min(int(confidence * BINS), BINS - 1)].append((confidence, correct))
    total = sum(len(b) for b in bins)
    rows, ece = [], 0.0
    for k, members in enumerate(bins):
        if not members:
            rows.append({"bin": [k / BINS, (k + 1) / BINS], "n": 0, "confidence": None, "accuracy": None})
            continue
        conf = sum(c for c, _ in members) / len(members)
        acc = sum(ok for _, ok in members) / len(members)
        ece += len(members) / total * abs(acc - conf)
        row = {"n": len(members), "confidence": round(conf, 4), "accuracy": round(acc, 4)}
        rows.append({"bin": [k / BINS, (k + 1) / BINS], **row})
    return {"n": total, "bins": rows, "ece": round(ece, 4) if total else None}


def share(flags: Sequence[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


# ---------------------------------------------------------------- per-corpus correctness


def meter_edge_correct(edge: EdgeT, story: str, pa: set[str], derived: bool) -> bool | None:
    """A PA->story edge is right when the story is derived; story->PA and PA<->non-derived are wrong.
    Edges not between the story and a PA item are not scored (None)."""
    parent, child, _ = edge
    if parent in pa and child == story:
        return derived
    if parent == story and child in pa:
        return False
    return None


def ntrex_edge_correct(edge: EdgeT) -> bool | None:
    parent, child, _ = edge
    if {parent, child} <= {"en", *NTREX_CHILDREN}:
        return parent == "en"
    return None


def clough_edge_correct(edge: EdgeT, derived: bool) -> bool | None:
    parent, child, _ = edge
    if (parent, child) == ("source", "answer"):
        return derived
    if (parent, child) == ("answer", "source"):
        return False
    return None


# ---------------------------------------------------------------- tracing (worker processes)

_cache: dict[str, Article] = {}


def _load(paths: Sequence[str]) -> list[Article]:
    missing = [p for p in paths if p not in _cache]
    if missing:
        articles, _ = load_articles(missing, workers=1)
        by_path = {a.path: a for a in articles}
        _cache.update({p: by_path[p] for p in missing if p in by_path})
    return [_cache[p] for p in paths if p in _cache]


def _edges(result: Trace) -> list[EdgeT]:
    return [(e.parent, e.child, e.confidence) for e in result.edges]


def _meter_one(job: tuple[str, list[str]]) -> list[EdgeT]:
    story, wire = job
    return _edges(trace_articles(_load([story, *wire]), TraceOptions(workers=1)))


def _clough_one(folder: str) -> list[EdgeT]:
    paths = [os.path.join(folder, "source.txt"), os.path.join(folder, "answer.txt")]
    return _edges(trace_articles(_load(paths), TraceOptions(workers=1)))


def _ntrex_one(job: tuple[str, bool]) -> dict[str, Any]:
    folder, semantic = job
    articles = _load([os.path.join(folder, f"{v}.txt") for v in ("en", *NTREX_CHILDREN)])
    result = trace_articles(articles, TraceOptions(workers=1, semantic=semantic, all_pairs=True))
    links = [
        (a.source, a.target, [(list(l.source), list(l.target)) for l in a.links]) for a in result.alignments
    ]
    sentences = {a.id: [s.text for s in a.sentences] for a in result.articles}
    return {"edges": _edges(result), "links": links, "sentences": sentences}


def _ntrex_check_one(folder: str) -> list[bool]:
    """check of the two Spanish translations (stories) against the English original (wire): whether
    each is found derived from it."""
    stories = [os.path.join(folder, f"{v}.txt") for v in NTREX_CHILDREN]
    report = check(stories, [os.path.join(folder, "en.txt")], CheckConfig())
    derived = {story.path: any(source.derived for source in story.sources) for story in report.stories}
    return [derived.get(path, False) for path in stories]


def _check_chunk(job: tuple[list[str], list[str]]) -> list[tuple[str, bool]]:
    stories, wire = job
    config = CheckConfig()
    report = check(stories, wire, config)
    fired = {f.path for f in report.findings if f.rule.value == "uncredited-reuse"}
    out = []
    for story in report.stories:
        out.append((story.path, _predicted_derived(story, fired, config)))
    return out


def _predicted_derived(story: Any, fired: set[str], config: CheckConfig) -> bool:
    """check's `derived` per source when it has one; else the uncredited-reuse rule fires or
    would fire but for a credit (a source meets the reuse threshold)."""
    flags = [getattr(source, "derived", None) for source in story.sources]
    if any(flag is not None for flag in flags):
        return any(bool(flag) for flag in flags)
    meets = any(s.reused >= config.reuse_sentences or s.share >= config.reuse_share for s in story.sources)
    return story.path in fired or meets


def pool_map(fn: Callable[[Any], Any], items: Sequence[Any], workers: int) -> list[Any]:
    """[fn(item) for item in items] on `workers` processes, results in input order."""
    if workers <= 1 or len(items) <= 1:
        return [fn(item) for item in items]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, context) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 8))))


# ---------------------------------------------------------------- corpora


def _truth(folder: Path) -> dict[str, Any]:
    with open(folder / "truth.json", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _take(keys: Iterable[str], limit: int | None) -> list[str]:
    ordered = sorted(keys)
    return ordered if limit is None else ordered[:limit]


def run_meter(
    folder: Path, workers: int, limit: int | None
) -> tuple[dict[str, Any], list[tuple[float, bool]]]:
    truth = _truth(folder)
    stories = _take(truth, limit)
    start = time.perf_counter()
    check_scores, predicted = _meter_check(folder, truth, stories, workers, limit is not None)
    check_scores["seconds"] = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    trace_scores, items, points = _meter_trace(folder, truth, stories, workers)
    trace_scores["seconds"] = round(time.perf_counter() - start, 2)
    for item in items:
        item["check_derived"] = predicted[item["story"]]
    return {"check": check_scores, "trace": trace_scores, "items": items}, points


def _meter_check(
    folder: Path, truth: dict[str, Any], stories: list[str], workers: int, sliced: bool
) -> tuple[dict[str, Any], dict[str, bool]]:
    """Scores of check, and its call per story."""
    paths = [str(folder / s) for s in stories]
    # The whole wire folder, as `provtrace check stories --wire wire`; a --limit slice checks
    # against the PA items of its own events only, to stay fast.
    wire = [str(folder / "wire")]
    if sliced:
        wire = sorted({str(folder / w) for s in stories for w in truth[s]["wire"]})
    chunks = [paths[k :: max(1, workers)] for k in range(max(1, workers))]
    jobs = [(chunk, wire) for chunk in chunks if chunk]
    by_path = dict(item for chunk in pool_map(_check_chunk, jobs, workers) for item in chunk)
    predicted = {s: by_path.get(str(folder / s), False) for s in stories}
    gold = [truth[s]["label"] in METER_DERIVED for s in stories]
    return binary_scores(gold, [predicted[s] for s in stories]), predicted


def _meter_trace(
    folder: Path, truth: dict[str, Any], stories: list[str], workers: int
) -> tuple[dict[str, Any], list[dict[str, Any]], list[tuple[float, bool]]]:
    """Scores of trace, a record per story, and the (confidence, correct) of scored edges."""
    jobs = [(str(folder / s), [str(folder / w) for w in truth[s]["wire"]]) for s in stories]
    results = pool_map(_meter_one, jobs, workers)
    under, unlinked, points, items = [], [], [], []
    by_label: dict[str, list[bool]] = {}
    for story, edges in zip(stories, results, strict=True):
        sid, pa = Path(story).stem, {Path(w).stem for w in truth[story]["wire"]}
        derived = truth[story]["label"] in METER_DERIVED
        is_under, is_linked = bool(ancestors(edges, sid) & pa), linked(edges, sid, pa)
        ok = is_under if derived else not is_linked
        (under if derived else unlinked).append(ok)
        by_label.setdefault(truth[story]["label"], []).append(ok)
        for edge in edges:
            correct = meter_edge_correct(edge, sid, pa, derived)
            if correct is not None:
                points.append((edge[2], correct))
        record = {"story": story, "label": truth[story]["label"], "under_pa": is_under, "linked": is_linked}
        items.append({**record, "edges": [list(e) for e in edges]})
    scores = {
        "derived_under_pa": share(under),
        "non_derived_unlinked": share(unlinked),
        "n_derived": len(under),
        "n_non_derived": len(unlinked),
        "right_by_label": {k: share(v) for k, v in sorted(by_label.items())},
    }
    return scores, items, points


def _score_ntrex(gold: dict[str, Any], result: dict[str, Any]) -> tuple[int, int, int]:
    """(found, predicted, gold) segment pairs of one article, en->es and en->es-mx together."""
    segments, sentences = gold["segments"], result["sentences"]
    maps = {v: sentence_segments(sentences.get(v, []), segments[v]) for v in ("en", *NTREX_CHILDREN)}
    found = pred_n = gold_n = 0
    for child in NTREX_CHILDREN:
        want = {(a, b) for a, b in gold["links"][f"en->{child}"]}
        got: set[tuple[int, int]] = set()
        for source, target, links in result["links"]:
            if (source, target) == ("en", child):
                got |= segment_pairs(links, maps["en"], maps[child])
            elif (source, target) == (child, "en"):
                got |= {(b, a) for a, b in segment_pairs(links, maps[child], maps["en"])}
        found, pred_n, gold_n = found + len(got & want), pred_n + len(got), gold_n + len(want)
    return found, pred_n, gold_n


def run_ntrex(
    folder: Path, workers: int, limit: int | None, semantic: bool
) -> tuple[dict[str, Any], list[tuple[float, bool]]]:
    truth = _truth(folder)
    names = _take(truth, limit)
    results = pool_map(_ntrex_one, [(str(folder / n), semantic) for n in names], workers)
    right, points, items = [], [], []
    found = pred_n = gold_n = 0
    for name, result in zip(names, results, strict=True):
        right.append(ntrex_tree_right(result["edges"]))
        f, p, g = _score_ntrex(truth[name], result)
        record = {"article": name, "tree_right": right[-1], "found": f, "pred": p, "gold": g}
        items.append({**record, "edges": [list(e) for e in result["edges"]]})
        found, pred_n, gold_n = found + f, pred_n + p, gold_n + g
        for edge in result["edges"]:
            correct = ntrex_edge_correct(edge)
            if correct is not None:
                points.append((edge[2], correct))
    links = {**prf(found, pred_n - found, gold_n - found), "found": found, "pred": pred_n, "gold": gold_n}
    scores = {"n": len(names), "trees_right": share(right), "links": links, "items": items}
    if not semantic:  # check has no semantic mode
        calls = pool_map(_ntrex_check_one, [str(folder / n) for n in names], workers)
        scores["check_derived"] = share([flag for pair in calls for flag in pair])
        for item, pair in zip(items, calls, strict=True):
            item["check_derived"] = dict(zip(NTREX_CHILDREN, pair, strict=True))
    return scores, points


def run_clough(
    folder: Path, workers: int, limit: int | None
) -> tuple[dict[str, Any], list[tuple[float, bool]]]:
    truth = _truth(folder)
    names = _take(truth, limit)
    results = pool_map(_clough_one, [str(folder / n) for n in names], workers)
    under, unrelated, points, items = [], [], [], []
    by_label: dict[str, list[bool]] = {}
    for name, edges in zip(names, results, strict=True):
        items.append({"answer": name, "label": truth[name], "edges": [list(e) for e in edges]})
        derived = truth[name] in CLOUGH_DERIVED
        if derived:
            ok = any((p, c) == ("source", "answer") for p, c, _ in edges)
            under.append(ok)
        else:
            ok = not linked(edges, "answer", {"source"})
            unrelated.append(ok)
        by_label.setdefault(truth[name], []).append(ok)
        for edge in edges:
            correct = clough_edge_correct(edge, derived)
            if correct is not None:
                points.append((edge[2], correct))
    scores = {
        "derived_under_source": share(under),
        "non_unrelated": share(unrelated),
        "n_derived": len(under),
        "n_non": len(unrelated),
        "right_by_label": {k: share(v) for k, v in sorted(by_label.items())},
        "items": items,
    }
    return scores, points


def run_all(
    corpora: Path, only: Sequence[str], semantic_modes: Sequence[bool], workers: int, limit: int | None
) -> dict[str, Any]:
    """Every figure, as the JSON document (schema provtrace.realdata/1)."""
    out: dict[str, Any] = {"schema": SCHEMA, "corpora": str(corpora), "timings": {}, "absent": []}
    points: list[tuple[float, bool]] = []
    folders = {"meter": "meter-dev", "ntrex": "ntrex-dev", "clough": "clough-dev"}
    for name in only:
        folder = corpora / folders[name]
        if not (folder / "truth.json").is_file():
            out["absent"].append(name)
            continue
        if name == "ntrex":
            out["ntrex"] = {}
            for semantic in semantic_modes:
                key = "semantic" if semantic else "default"
                start = time.perf_counter()
                scores, pts = run_ntrex(folder, workers, limit, semantic)
                out["timings"][f"ntrex_{key}"] = round(time.perf_counter() - start, 2)
                out["ntrex"][key] = scores
                points += pts
            continue
        start = time.perf_counter()
        runner = run_meter if name == "meter" else run_clough
        out[name], pts = runner(folder, workers, limit)
        out["timings"][name] = round(time.perf_counter() - start, 2)
        points += pts
    out["reliability"] = reliability(points)
    return out


# ---------------------------------------------------------------- output


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _prf(scores: dict[str, float]) -> str:
    return f"{_f(scores['p'])} / {_f(scores['r'])} / {_f(scores['f1'])}"


def table_rows(doc: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(corpus, measure, value, target) rows of the main table."""
    rows: list[tuple[str, str, str, str]] = []
    if "meter" in doc:
        c, t = doc["meter"]["check"], doc["meter"]["trace"]
        rows += [
            ("METER check", f"derived P / R / F1 (n={c['n']})", _prf(c["derived"]), "F1 ≥ 0.90"),
            ("METER check", "non-derived P / R / F1", _prf(c["non_derived"]), "F1 ≥ 0.80"),
            ("METER check", "macro F1", _f(c["macro_f1"]), ""),
            (
                "METER trace",
                f"derived under a PA item (n={t['n_derived']})",
                _f(t["derived_under_pa"]),
                "≥ 0.95",
            ),
            (
                "METER trace",
                f"non-derived unlinked (n={t['n_non_derived']})",
                _f(t["non_derived_unlinked"]),
                "≥ 0.80",
            ),
        ]
    for key, scores in doc.get("ntrex", {}).items():
        label = f"NTREX {key}"
        target = key == "semantic"
        rows += [
            (label, f"trees right (n={scores['n']})", _f(scores["trees_right"]), "≥ 0.90" if target else ""),
            (label, "link P / R / F1", _prf(scores["links"]), "F1 ≥ 0.90" if target else ""),
        ]
        if "check_derived" in scores:
            said = f"check: translations found derived from en (n={2 * scores['n']})"
            rows.append(("NTREX check", said, _f(scores["check_derived"]), ""))
    if "clough" in doc:
        c = doc["clough"]
        labels = ", ".join(f"{k} {_f(v)}" for k, v in c["right_by_label"].items())
        rows += [
            ("Clough", f"derived under source (n={c['n_derived']})", _f(c["derived_under_source"]), "≥ 0.90"),
            ("Clough", f"independent unrelated (n={c['n_non']})", _f(c["non_unrelated"]), "≥ 0.90"),
            ("Clough", "right per label", labels, ""),
        ]
    rel = doc["reliability"]
    rows.append(("all", f"expected calibration error (n={rel['n']} edges)", _f(rel["ece"]), "≤ 0.05"))
    return rows


def render(doc: dict[str, Any]) -> str:
    lines = [f"Real corpora: {doc['corpora']}"]
    lines += [f"note: {name} corpus absent, not scored" for name in doc["absent"]]
    rows = [("corpus", "measure", "value", "target"), *table_rows(doc)]
    widths = [max(len(r[k]) for r in rows) for k in range(4)]
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines += [
        "",
        "Reliability of edge confidence (all scored edges):",
        "bin        n    confidence  accuracy",
    ]
    for row in doc["reliability"]["bins"]:
        lo, hi = row["bin"]
        lines.append(
            f"{lo:.1f}-{hi:.1f}  {row['n']:>4}  {_f(row['confidence']):>10}  {_f(row['accuracy']):>8}"
        )
    timings = ", ".join(f"{k} {v:.1f} s" for k, v in doc["timings"].items())
    if "meter" in doc:
        check_s, trace_s = doc["meter"]["check"]["seconds"], doc["meter"]["trace"]["seconds"]
        timings += f" (METER check {check_s:.1f} s, trace {trace_s:.1f} s)"
    lines += ["", f"timings: {timings or 'nothing run'}"]
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next((p for p in CORPORA_PLACES if p.is_dir()), CORPORA_PLACES[0])
    parser.add_argument("--corpora", type=Path, default=default, help="the corpora folder")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--semantic-only", action="store_true", help="NTREX with semantic only")
    mode.add_argument("--no-semantic", action="store_true", help="NTREX without semantic only")
    parser.add_argument("--json", action="store_true", help=f"print the figures as JSON ({SCHEMA})")
    parser.add_argument("--only", default=",".join(CORPORA), help="comma-separated: meter,ntrex,clough")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items per corpus")
    args = parser.parse_args(argv)
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(args.only) - set(CORPORA))
    if unknown:
        parser.error(f"unknown corpus: {', '.join(unknown)} (choose from {', '.join(CORPORA)})")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    modes = [True] if args.semantic_only else [False] if args.no_semantic else [False, True]
    if not args.corpora.is_dir():
        print(f"note: no corpora at {args.corpora}; nothing scored")
        return 0
    doc = run_all(args.corpora.resolve(), args.only, modes, args.workers, args.limit)
    print(json.dumps(doc, indent=2, ensure_ascii=False) if args.json else render(doc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
