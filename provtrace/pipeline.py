"""trace(paths, options) -> Trace: the stages, in order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, BinaryIO

from .align import (
    PairResult,
    PairStats,
    Prepared,
    align_prepared,
    build_vocabulary,
    prepare,
    sentence_features,
)
from .candidates import candidate_pairs
from .errors import InputError
from .extract import Extracted, build_article, extract_document
from .infer import infer_forest
from .load import load_documents
from .models import Alignment, Article, Trace
from .options import TraceOptions

#: Called as progress(stage, done, total); the CLI turns it into a progress bar.
Progress = Callable[[str, int, int], None]


def _ids(extracted: Sequence[Extracted]) -> list[str]:
    """File name without extension, made unique in path order ("story", "story-2")."""
    ids: list[str] = []
    taken: set[str] = set()
    for item in extracted:
        base = "stdin" if item.path == "-" else os.path.splitext(os.path.basename(item.path))[0] or "article"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


def load_articles(
    paths: Iterable[str], stdin: BinaryIO | None = None, progress: Progress | None = None
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Load and extract every article under paths; return articles and warnings.

    Raises InputError when no usable article is found at all.
    """
    loaded = load_documents(paths, stdin)
    warnings = list(loaded.warnings)
    extracted: list[Extracted] = []
    for done, document in enumerate(loaded.documents, start=1):
        if progress is not None:
            progress("reading", done, len(loaded.documents))
        result = extract_document(document)
        if isinstance(result, str):
            warnings.append(f"skipped {document.path}: {result}")
        else:
            extracted.append(result)
    if not extracted:
        hint = f" ({len(warnings)} file(s) skipped; see the warnings above)" if warnings else ""
        raise InputError(f"no usable article found in the given paths{hint}", tuple(warnings))
    articles = tuple(build_article(i, e) for i, e in zip(_ids(extracted), extracted, strict=True))
    return tuple(sorted(articles, key=lambda a: a.id)), tuple(warnings)


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
) -> dict[tuple[str, str], PairResult]:
    """Align candidate pairs of articles (smaller id as source); keep related pairs."""
    feats = {a.id: sentence_features(a) for a in articles}
    vocab = build_vocabulary(articles, feats)
    vectors: dict[str, Any] = {}
    if options.semantic:
        from .semantic import Embedder

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
    return pairs


#: Below this many pairs a process pool costs more than it saves.
_POOL_MIN_PAIRS = 300
_CHUNK = 64

# The prepared articles and options of the current run, for pool workers (set by
# the pool's initializer in each worker process, never in the parent).
_worker_state: tuple[dict[str, Prepared], TraceOptions] | None = None


def _init_worker(prepared: dict[str, Prepared], options: TraceOptions) -> None:
    global _worker_state
    _worker_state = (prepared, options)


def _align_chunk(chunk: list[tuple[str, str]]) -> list[tuple[Alignment, PairStats]]:
    assert _worker_state is not None
    prepared, options = _worker_state
    return [align_prepared(prepared[a], prepared[b], options) for a, b in chunk]


def _workers(options: TraceOptions, pairs: int) -> int:
    if pairs < _POOL_MIN_PAIRS:
        return 1
    if options.workers > 0:
        return options.workers
    return max(1, min(os.cpu_count() or 1, 8))


def _align_all(
    prepared: dict[str, Prepared],
    todo: list[tuple[str, str]],
    options: TraceOptions,
    progress: Progress | None,
) -> list[tuple[Alignment, PairStats]]:
    """Align every pair in todo, in order, on one core or several.

    Results come back in the order of todo whatever the number of workers, so
    the output is identical with one worker and with many.
    """
    workers = _workers(options, len(todo))
    results: list[tuple[Alignment, PairStats]] = []
    if workers == 1:
        for done, (a, b) in enumerate(todo, start=1):
            results.append(align_prepared(prepared[a], prepared[b], options))
            if progress is not None:
                progress("aligning", done, len(todo))
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [todo[k : k + _CHUNK] for k in range(0, len(todo), _CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, context, initializer=_init_worker, initargs=(prepared, options)
    ) as pool:
        for chunk_results in pool.map(_align_chunk, chunks):
            results.extend(chunk_results)
            if progress is not None:
                progress("aligning", len(results), len(todo))
    return results


def trace(
    paths: Iterable[str],
    options: TraceOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Trace:
    """Trace the provenance of the articles found under paths."""
    options = options or TraceOptions()
    articles, warnings = load_articles(paths, stdin, progress)
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
    pairs = align_pairs(articles, options, progress)
    forest, edge_alignments = infer_forest(articles, pairs)
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
    )
