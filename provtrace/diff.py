"""Two versions side by side: rows of an alignment, change counts, `provtrace diff`.

rows() orders an alignment for reading: the target's order, each dropped
source sentence placed right after the row holding the source sentence
before it. count_changes() gives the per-edge figures every report shows.
diff_articles() loads two articles and decides which one is upstream.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import BinaryIO

from provtrace.errors import InputError
from provtrace.models import Alignment, Article, LinkKind, Trace
from provtrace.options import TraceOptions


class RowKind(StrEnum):
    """What happened to the sentence(s) of one row."""

    VERBATIM = "verbatim"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"
    ADDED = "added"  # only the target side
    DROPPED = "dropped"  # only the source side


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a side-by-side view; an empty side means the sentence has no counterpart."""

    kind: RowKind
    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float | None = None  # None for added and dropped rows
    partial: bool = False


def rows(alignment: Alignment) -> tuple[Row, ...]:
    """The alignment as rows in reading order (target order, drops where they stood)."""
    placed: list[tuple[tuple[int, int], Row]] = [
        (
            (min(link.target), 0),
            Row(RowKind(link.kind.value), link.source, link.target, link.score, link.partial),
        )
        for link in alignment.links
        if link.target
    ]
    placed += [((j, 0), Row(RowKind.ADDED, (), (j,))) for j in alignment.added]
    ordered = [row for _, row in sorted(placed, key=lambda item: (item[0], item[1].source))]
    for i in sorted(alignment.dropped):
        at = 0
        for n, row in enumerate(ordered):
            if i - 1 in row.source:
                at = n + 1
        # Keep a run of drops that follows the same row in source order.
        while at < len(ordered) and ordered[at].kind is RowKind.DROPPED and ordered[at].source[0] < i:
            at += 1
        ordered.insert(at, Row(RowKind.DROPPED, (i,), ()))
    return tuple(ordered)


@dataclass(frozen=True, slots=True)
class ChangeCounts:
    """Sentence counts of one alignment: kinds counted on the child's side, drops on the parent's."""

    verbatim: int
    altered: int
    paraphrased: int
    added: int
    dropped: int
    child_sentences: int
    parent_sentences: int

    def share(self, count: int, of_parent: bool = False) -> float:
        """count as a share (0..1) of the child's sentences, or of the parent's."""
        total = self.parent_sentences if of_parent else self.child_sentences
        return count / total if total else 0.0


def count_changes(alignment: Alignment, parent: Article, child: Article) -> ChangeCounts:
    """How many of the child's sentences were kept, altered, paraphrased or added; how many dropped."""
    kinds = {k: sum(len(l.target) for l in alignment.links if l.kind is k) for k in LinkKind}
    return ChangeCounts(
        verbatim=kinds[LinkKind.VERBATIM],
        altered=kinds[LinkKind.ALTERED],
        paraphrased=kinds[LinkKind.PARAPHRASE],
        added=len(alignment.added),
        dropped=len(alignment.dropped),
        child_sentences=len(child.sentences),
        parent_sentences=len(parent.sentences),
    )


def _load_one(path: str, stdin: BinaryIO | None) -> Article:
    from provtrace.pipeline import load_articles

    try:
        articles, _ = load_articles([path], stdin)
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
) -> Trace:
    """A Trace of two articles whose single alignment is the pair to show side by side.

    Without source, the upstream side is inferred by the pipeline; when it
    finds no direct derivation, first is shown as the source. With source
    (one of the two paths), that article is the source of the alignment.
    The edges are the pipeline's own inference, so a report can say when it
    disagrees with the side chosen.
    """
    from provtrace.align.core import align_pair
    from provtrace.pipeline import trace_articles

    options = options or TraceOptions()
    if _same_path(first, second) and first != "-":
        raise InputError(f"{first} is given twice: name two different articles to compare")
    a = _load_one(first, stdin)
    b = _load_one(second, stdin)
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
    inferred = trace_articles([a, b], replace(options, all_pairs=True))
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
        alignment, _ = align_pair(up, down, options)
    return replace(inferred, alignments=(alignment,))
