"""`provtrace diff`: load two versions and decide which one is upstream.

diff_articles() is the library entry point; the reading-order rows and the
change counts of its alignment live in provtrace.render.rows.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import BinaryIO

from provtrace.errors import InputError
from provtrace.models import Article, Progress, Trace
from provtrace.options import TraceOptions


def _load_one(path: str, stdin: BinaryIO | None, progress: Progress | None = None) -> Article:
    from provtrace.pipeline import load_articles

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


def _names(given: str, path: str, article_id: str) -> bool:
    """Whether --source names this article: its path, file name, or id."""
    base = os.path.basename(path)
    return _same_path(given, path) or given in {base, os.path.splitext(base)[0], article_id}


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
    from provtrace.pipeline import trace_articles

    options = options or TraceOptions()
    if _same_path(first, second) and first != "-":
        raise InputError(f"{first} is given twice: name two different articles to compare")
    a = _load_one(first, stdin, progress)
    b = _load_one(second, stdin, progress)
    if source is not None:
        if _names(source, first, a.id):
            source = first
        elif _names(source, second, b.id):
            source = second
        else:
            raise InputError(
                f"--source {source} is neither of the two articles: give its path ({first} or {second}), "
                f"its file name or its id ({a.id} or {b.id})"
            )
    if b.id == a.id:
        b = replace(b, id=f"{b.id}-2")
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
        alignment, _ = align_pair(up, down, options, progress=progress)
    return replace(inferred, alignments=(alignment,))
