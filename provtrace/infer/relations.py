"""How a child reproduces its parent: copy, excerpt, summary, rewrite or translation."""

from __future__ import annotations

from provtrace.align.core import PairStats
from provtrace.align.moved import out_of_order
from provtrace.models import Alignment, Article, LinkKind, Relation

#: A copy or excerpt: this share of the child's content is in the parent ...
COPY_CONTAINED = 0.85
#: ... this share of its sentences are verbatim ...
COPY_VERBATIM = 0.6
#: ... and this share are verbatim or altered, not paraphrased.
COPY_CLOSE = 0.8
#: A copy (not an excerpt) also holds this share of the parent's content.
COPY_COMPLETE = 0.8
#: A summary is at most this long relative to its parent ...
SUMMARY_LENGTH = 0.8
#: ... and adds at most this share of sentences of its own.
SUMMARY_ADDED = 0.2


def relation(alignment: Alignment, parent: Article, child: Article, stats: PairStats) -> Relation:
    """How the child reproduces its parent: copy, excerpt, summary, rewrite or translation."""
    if parent.in_other_language(child):
        return Relation.TRANSLATION
    n_child = len(child.sentences) or 1
    verbatim = sum(len(l.target) for l in alignment.links if l.kind is LinkKind.VERBATIM)
    close = sum(len(l.target) for l in alignment.links if l.kind is not LinkKind.PARAPHRASE)
    if (
        stats.target_in_source >= COPY_CONTAINED
        and verbatim / n_child >= COPY_VERBATIM
        and close / n_child >= COPY_CLOSE
    ):
        if stats.source_in_target >= COPY_COMPLETE:
            if not alignment.added and not alignment.dropped and verbatim == n_child:
                # Identical text: every sentence word for word, and in the parent's order.
                return Relation.NEAR_VERBATIM_COPY if out_of_order(alignment) else Relation.VERBATIM_COPY
            return Relation.NEAR_VERBATIM_COPY
        return Relation.EXCERPT
    # A summary is shorter and condenses its source: it adds little of its own.
    child_chars = sum(len(x.text) for x in child.sentences)
    parent_chars = sum(len(x.text) for x in parent.sentences) or 1
    if child_chars <= SUMMARY_LENGTH * parent_chars and len(alignment.added) <= SUMMARY_ADDED * n_child:
        return Relation.SUMMARY
    return Relation.REWRITE
