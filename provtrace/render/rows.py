"""Reading-order rows of an alignment and its change counts: what every report shows.

rows() orders an alignment for reading: the target's order, each dropped
source sentence placed right after the row holding the source sentence
before it. count_changes() gives the per-edge figures every report shows.

A sentence no link holds is added (to the target) or dropped (from the
source), except between articles in two languages whose sentences were not
compared by meaning (Trace.unlinked_may_be_translated): there only sentences
sharing names and figures link, so the others are only "not matched" (the
unmatched row kind), and every report says why beside them (NOT_MATCHED_WHY).
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
    UNMATCHED = "unmatched"  # only one side, which may be translated on the other (see the module)


#: What every human-readable report calls a sentence of the unmatched kind.
NOT_MATCHED = "not matched"
#: Why such sentences are not called added or dropped, and what to do: said once beside them.
NOT_MATCHED_WHY = (
    "across languages without --semantic only sentences sharing names and figures are matched, "
    "so these may be translated; rerun with --semantic (installed by pip install 'provtrace[semantic]')"
)


#: What a diff of two texts neither of which derives from the other calls the sentences of each
#: that no link holds: neither was added nor dropped, as there is no source and version.
ONLY_LEFT = "only on the left"
ONLY_RIGHT = "only on the right"
#: What a link or a sentence no link holds is called in every report that names it in words.
_LABEL = {
    RowKind.VERBATIM: "verbatim",
    RowKind.ALTERED: "altered",
    RowKind.PARAPHRASE: "paraphrased",
    RowKind.ADDED: "added",
    RowKind.DROPPED: "dropped",
    RowKind.UNMATCHED: NOT_MATCHED,
}
#: The word for a link reusing only part of a side, beside its kind.
PARTIAL = "partial"


def row_label(kind: RowKind, pair: bool = False) -> str:
    """What a row of this kind is called in words; pair: the two texts are compared as a pair
    (neither derives from the other), so a sentence no link holds is only on one side."""
    if pair and kind in (RowKind.ADDED, RowKind.DROPPED):
        return ONLY_RIGHT if kind is RowKind.ADDED else ONLY_LEFT
    return _LABEL[kind]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a side-by-side view; an empty side means the sentence has no counterpart."""

    kind: RowKind
    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float | None = None  # None for added and dropped rows
    partial: bool = False
    changes: tuple[Change, ...] = ()  # the link's meaning flips


def rows(alignment: Alignment, unmatched: bool = False) -> tuple[Row, ...]:
    """The alignment as rows in reading order (target order, drops where they stood); with unmatched,
    the sentences no link holds are of the unmatched kind, not added or dropped."""
    added, dropped = (RowKind.UNMATCHED,) * 2 if unmatched else (RowKind.ADDED, RowKind.DROPPED)
    placed: list[tuple[tuple[int, int], Row]] = [
        (
            (min(link.target), 0),
            Row(RowKind(link.kind.value), link.source, link.target, link.score, link.partial, link.changes),
        )
        for link in alignment.links
        if link.target
    ]
    placed += [((j, 0), Row(added, (), (j,))) for j in alignment.added]
    ordered = [row for _, row in sorted(placed, key=lambda item: (item[0], item[1].source))]
    for i in sorted(alignment.dropped):
        at = 0
        for n, row in enumerate(ordered):
            if i - 1 in row.source:
                at = n + 1
        # Keep a run of drops that follows the same row in source order.
        while at < len(ordered) and not ordered[at].target and ordered[at].source[0] < i:
            at += 1
        ordered.insert(at, Row(dropped, (i,), ()))
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
    unmatched: bool = False  # the added and dropped may be translated: call them NOT_MATCHED
    pair: bool = False  # neither text derives from the other: call them ONLY_RIGHT and ONLY_LEFT

    @property
    def added_word(self) -> str:
        """What the report calls the child's sentences counted as added: "added", "not matched"
        or "only on the right"."""
        return NOT_MATCHED if self.unmatched else row_label(RowKind.ADDED, self.pair)

    @property
    def dropped_word(self) -> str:
        """What the report calls the parent's sentences counted as dropped: "dropped", "not
        matched" or "only on the left"."""
        return NOT_MATCHED if self.unmatched else row_label(RowKind.DROPPED, self.pair)

    def share(self, count: int, of_parent: bool = False) -> float:
        """count as a share (0..1) of the child's sentences, or of the parent's."""
        total = self.parent_sentences if of_parent else self.child_sentences
        return count / total if total else 0.0


def count_changes(
    alignment: Alignment, parent: Article, child: Article, unmatched: bool = False, pair: bool = False
) -> ChangeCounts:
    """How many of the child's sentences were kept, altered, paraphrased or added; how many dropped
    (with unmatched, the added and dropped are only not matched: see the module; with pair, only on
    one side: see ONLY_LEFT)."""
    kinds = {k: sum(len(l.target) for l in alignment.links if l.kind is k) for k in LinkKind}
    return ChangeCounts(
        verbatim=kinds[LinkKind.VERBATIM],
        altered=kinds[LinkKind.ALTERED],
        paraphrased=kinds[LinkKind.PARAPHRASE],
        added=len(alignment.added),
        dropped=len(alignment.dropped),
        child_sentences=len(child.sentences),
        parent_sentences=len(parent.sentences),
        unmatched=unmatched,
        pair=pair,
    )
