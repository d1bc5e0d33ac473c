"""trace(paths, options) -> Trace: the stages, in order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, BinaryIO

from provtrace.align.candidates import candidate_pairs
from provtrace.align.core import (
    PairResult,
    PairStats,
    Prepared,
    align_prepared,
    build_vocabulary,
    prepare,
    sentence_features,
)
from provtrace.errors import InputError
from provtrace.infer.forest import infer_forest
from provtrace.infer.lineage import Pairs, Profile, profile_of
from provtrace.ingest.extract import build_article, extract_document
from provtrace.ingest.load import load_documents
from provtrace.models import Alignment, Article, RawDocument, Skip, Trace
from provtrace.options import TraceOptions
from provtrace.parallel import ordered_map

#: Called as progress(stage, done, total); the CLI turns it into a progress bar.
Progress = Callable[[str, int, int], None]


def _ids(paths: Sequence[str]) -> list[str]:
    """File name without extension, made unique in path order ("story", "story-2")."""
    ids: list[str] = []
    taken: set[str] = set()
    for path in paths:
        base = "stdin" if path == "-" else os.path.splitext(os.path.basename(path))[0] or "article"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


def load_articles(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    workers: int = 0,
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Load and extract every article under paths; return articles and warnings.

    Raises InputError when no usable article is found at all.
    """
    loaded = load_documents(paths, stdin)
    skipped = list(loaded.skipped)
    total = len(loaded.documents)
    report = None if progress is None else (lambda done: progress("reading", done, total))
    results = ordered_map(_read_one, loaded.documents, None, workers=workers, progress=report)
    extracted: list[Article] = []
    for result in results:
        if isinstance(result, Skip):
            skipped.append(result)
        else:
            extracted.append(result)
    if not extracted:
        hint = (
            f" ({len(skipped)} file(s) skipped; see the warnings above)"
            if skipped
            else " (no files there: provtrace reads .txt, .html, .htm, .md and .json)"
        )
        raise InputError(f"no usable article found in the given paths{hint}", tuple(skipped))
    ids = _ids([a.path for a in extracted])
    articles = tuple(replace(a, id=i) for i, a in zip(ids, extracted, strict=True))
    return tuple(sorted(articles, key=lambda a: a.id)), tuple(str(s) for s in skipped)


def _read_one(state: None, document: RawDocument) -> Article | Skip:
    """Extract one document into an article (its id is given afterwards), or why it was skipped."""
    result = extract_document(document)
    return result if isinstance(result, Skip) else build_article("", result)


def _related(result: PairResult, a: Article, b: Article, options: TraceOptions) -> bool:
    alignment = result.alignment
    linked_b = sum(len(link.target) for link in alignment.links)
    linked_a = sum(len(link.source) for link in alignment.links)
    shorter = min(len(a.sentences), len(b.sentences)) or 1
    return (
        min(linked_a, linked_b) >= min(options.min_shared_sentences, shorter)
        and max(linked_a, linked_b) / shorter >= options.min_shared_share
    )


def align_pairs(
    articles: Sequence[Article], options: TraceOptions, progress: Progress | None = None
) -> tuple[dict[tuple[str, str], PairResult], dict[str, Profile], dict[str, list[tuple[str, ...]]]]:
    """Align candidate pairs of articles (smaller id as source); keep related pairs.

    Also returns each article's lineage profile (see lineage.profile_of) and
    the content stems of each of its sentences.
    """
    feats = {a.id: sentence_features(a) for a in articles}
    vocab = build_vocabulary(articles, feats)
    vectors: dict[str, Any] = {}
    if options.semantic:
        from provtrace.align.semantic import Embedder

        vectors = Embedder().embed(articles)
    prepared = {a.id: prepare(a, vocab, feats[a.id], vectors.get(a.id)) for a in articles}
    if options.semantic:
        ids = sorted(prepared)
        todo = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    else:
        todo = candidate_pairs(articles, feats)
    pairs: dict[tuple[str, str], PairResult] = {}
    results = _align_all(prepared, todo, options, progress)
    for (a, b), (alignment, stats) in zip(todo, results, strict=True):
        result = PairResult(alignment, stats)
        if _related(result, prepared[a].article, prepared[b].article, options):
            pairs[a, b] = result
    profiles: dict[str, Profile] = {k: profile_of(p, vocab) for k, p in prepared.items()}
    return pairs, profiles, {k: [f.stems for f in fs] for k, fs in feats.items()}


def _align_one(
    state: tuple[dict[str, Prepared], TraceOptions], pair: tuple[str, str]
) -> tuple[Alignment, PairStats]:
    prepared, options = state
    return align_prepared(prepared[pair[0]], prepared[pair[1]], options)


def _align_all(
    prepared: dict[str, Prepared],
    todo: list[tuple[str, str]],
    options: TraceOptions,
    progress: Progress | None,
) -> list[tuple[Alignment, PairStats]]:
    """Align every pair in todo, in order, on one core or several."""
    report = None if progress is None else (lambda done: progress("aligning", done, len(todo)))
    return ordered_map(_align_one, todo, (prepared, options), workers=options.workers, progress=report)


def trace(
    paths: Iterable[str],
    options: TraceOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Trace:
    """Trace the provenance of the articles found under paths."""
    options = options or TraceOptions()
    articles, warnings = load_articles(paths, stdin, progress, options.workers)
    return trace_articles(articles, options, warnings=warnings, progress=progress)


def trace_articles(
    articles: Sequence[Article],
    options: TraceOptions,
    *,
    warnings: Sequence[str] = (),
    progress: Progress | None = None,
) -> Trace:
    """Align and infer over articles already loaded."""
    articles = sorted(articles, key=lambda a: a.id)
    pairs, profiles, stems = align_pairs(articles, options, progress)
    forest, edge_alignments = infer_forest(articles, Pairs(pairs, stems, profiles))
    alignments: dict[tuple[str, str], Alignment] = dict(edge_alignments)
    if options.all_pairs:
        for (a, b), result in pairs.items():
            if (a, b) not in alignments and (b, a) not in alignments:
                alignments[a, b] = result.alignment
    return Trace(
        articles=tuple(articles),
        edges=forest.edges,
        unseen=forest.unseen,
        unrelated=forest.unrelated,
        alignments=tuple(alignments[k] for k in sorted(alignments)),
        warnings=tuple(warnings),
        related=forest.related,
    )
