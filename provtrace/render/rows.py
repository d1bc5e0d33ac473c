"""Reading-order rows of an alignment and its change counts: what every report shows.

rows() orders an alignment for reading: the target's order, each dropped
source sentence placed right after the row holding the source sentence
before it. count_changes() gives the per-edge figures every report shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from provtrace.models import Alignment, Article, Change, LinkKind


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
    changes: tuple[Change, ...] = ()  # the link's meaning flips


def rows(alignment: Alignment) -> tuple[Row, ...]:
    """The alignment as rows in reading order (target order, drops where they stood)."""
    placed: list[tuple[tuple[int, int], Row]] = [
        (
            (min(link.target), 0),
            Row(RowKind(link.kind.value), link.source, link.target, link.score, link.partial, link.changes),
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
