"""`provtrace diff`: load two versions and decide which one is upstream.

diff_articles() is the library entry point; the reading-order rows and the
change counts of its alignment live in provtrace.render.rows.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any, BinaryIO

from provtrace.errors import InputError
from provtrace.models import Article, Progress, Trace
from provtrace.options import TraceOptions


def _load_one(path: str, stdin: BinaryIO | None, progress: Progress | None = None) -> Article:
    from provtrace.pipeline import load_articles

    if path != "-" and os.path.isdir(path):  # refused before a large folder is read
        raise InputError(f"cannot use {path}: it is a folder; diff compares two files (trace reads folders)")
    try:
        articles, _ = load_articles([path], stdin, progress)
    except InputError as exc:
        first = exc.skipped[0] if exc.skipped else None
        reason = f"{first.path}: {first.reason}" if first else str(exc)
        if not reason.startswith(path):
            reason = f"{path}: {reason}"
        raise InputError(f"cannot use {reason}") from exc
    if len(articles) != 1:
        raise InputError(f"cannot use {path}: it holds {len(articles)} articles; diff compares two files")
    return articles[0]


def _same_path(a: str, b: str) -> bool:
    return a == b or (a != "-" and b != "-" and os.path.realpath(a) == os.path.realpath(b))


def _named(given: str, path: str, article_id: str) -> tuple[bool, bool, bool]:
    """Whether --source names this article by its path, by its id, by its file name (or stem)."""
    base = os.path.basename(path)
    return _same_path(given, path), given == article_id, given in {base, os.path.splitext(base)[0]}


def _source_path(given: str, first: tuple[str, str], second: tuple[str, str]) -> str:
    """The path of the article (path, id) that --source names, a path before an id before a file
    name; an InputError saying how to name each where it names neither, or both alike."""
    by_first, by_second = _named(given, *first), _named(given, *second)
    for one, other in zip(by_first, by_second, strict=True):
        if one != other:
            return first[0] if one else second[0]
        if one:
            break
    how = f"give its path ({first[0]} or {second[0]})"
    how += ", its file name" if os.path.basename(first[0]) != os.path.basename(second[0]) else ""
    how += f" or its id ({first[1]} or {second[1]})"
    problem = "is ambiguous, naming both articles" if any(by_first) else "is neither of the two articles"
    raise InputError(f"--source {given} {problem}: {how}")


def diff_articles(
    first: str,
    second: str,
    options: TraceOptions | None = None,
    *,
    source: str | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Trace:
    """A Trace of two articles whose single alignment is the pair to show side by side.

    Without source, the upstream side is inferred by the pipeline; when it
    finds no direct derivation, first is shown as the source. With source
    (one of the two paths), that article is the source of the alignment.
    The edges are the pipeline's own inference, so a report can say when it
    disagrees with the side chosen. progress, if given, is called as in
    provtrace.pipeline.trace (each stage with its done and total).
    """
    from provtrace.align.core import align_pair
    from provtrace.pipeline import bilingual_warnings, trace_articles

    options = options or TraceOptions()
    if first == second == "-":
        raise InputError("standard input (-) is given twice: it holds one article; name a file for the other")
    if _same_path(first, second) and first != "-":
        raise InputError(f"{first} is given twice: name two different articles to compare")
    a = _load_one(first, stdin, progress)
    b = _load_one(second, stdin, progress)
    if b.id == a.id:
        b = replace(b, id=f"{b.id}-2")
    if source is not None:
        source = _source_path(source, (first, a.id), (second, b.id))
    inferred = trace_articles([a, b], replace(options, all_pairs=True), progress=progress)
    if source is not None:
        up, down = (b, a) if _same_path(source, second) and not _same_path(source, first) else (a, b)
    else:
        edge = next((e for e in inferred.edges if {e.parent, e.child} == {a.id, b.id}), None)
        up, down = (b, a) if edge is not None and edge.parent == b.id else (a, b)
    alignment = inferred.alignment(up.id, down.id)
    reverse = inferred.alignment(down.id, up.id)
    if alignment is None and reverse is not None and source is None:
        alignment = reverse.reversed()
    if alignment is None:
        # --source decides the side the alignment starts from, as trace would.
        alignment, _ = align_pair(up, down, options, vectors=_vectors(up, down, options), progress=progress)
    warnings = bilingual_warnings(int(up.in_other_language(down)), options)
    return replace(inferred, alignments=(alignment,), warnings=warnings)


def _vectors(up: Article, down: Article, options: TraceOptions) -> tuple[Any, Any]:
    """The two articles' sentence embeddings with --semantic, else none."""
    if not options.semantic:
        return None, None
    from provtrace.align.semantic import Embedder

    vectors = Embedder().embed([up, down])
    return vectors[up.id], vectors[down.id]
