"""Sentences of two articles -> links.

The aligner scores candidate sentence pairs (see scoring), then decides the
links for the pair jointly: a one-to-one core taken best first, extended
with merges (one target sentence covering several source sentences) and
splits (one source sentence spread over several targets; see extensions), then a sentence
moved out of story order linked where a figure pins it down (see moved), and
finally gaps filled where the story order supports a weaker link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from provtrace.align.extensions import add_extensions, fill_gaps, fill_sandwiches
from provtrace.align.features import (
    Prepared,
    Vocabulary,
    build_vocabulary,
    prepare,
    profile,
    sentence_features,
    vocabulary_of,
)
from provtrace.align.features import coverage as _coverage
from provtrace.align.features import union as _union
from provtrace.align.kinds import aligned_first, classify_link, same_sentence
from provtrace.align.moved import link_moved
from provtrace.align.normalize import Features
from provtrace.align.progress import SentenceCount
from provtrace.align.scoring import Candidates, score_candidates, semantic_matrix
from provtrace.models import Alignment, Article, Link, LinkKind, Progress
from provtrace.options import TraceOptions

__all__ = [
    "ALIGNING_SENTENCES",
    "PairResult",
    "PairStats",
    "Prepared",
    "Vocabulary",
    "align_articles",
    "align_pair",
    "align_prepared",
    "build_vocabulary",
    "prepare",
    "profile",
    "sentence_features",
]

#: The stage name align_prepared reports its progress under.
ALIGNING_SENTENCES = "aligning sentences"


@dataclass(frozen=True, slots=True)
class PairStats:
    """Article-level containment derived from an alignment."""

    #: Share of the target's content weight found in linked source sentences.
    target_in_source: float
    #: Share of the source's content weight found in linked target sentences.
    source_in_target: float
    #: Within linked sentences: anchors (names, numbers, quoted words) the
    #: target lacks that its source sentences have, and the reverse.
    target_lacks: int = 0
    source_lacks: int = 0
    shared_anchors: int = 0

    def flipped(self) -> PairStats:
        """The same statistics seen from the other side."""
        return PairStats(
            self.source_in_target,
            self.target_in_source,
            self.source_lacks,
            self.target_lacks,
            self.shared_anchors,
        )


@dataclass(frozen=True, slots=True)
class PairResult:
    """An aligned pair of articles and its statistics (source: the side with the smaller id)."""

    alignment: Alignment
    stats: PairStats


def align_articles(
    source: Article, target: Article, vocab: Vocabulary, options: TraceOptions
) -> tuple[Alignment, PairStats]:
    """Link the sentences of target to those of source (the upstream side)."""
    return align_prepared(prepare(source, vocab), prepare(target, vocab), options)


def align_pair(
    source: Article,
    target: Article,
    options: TraceOptions,
    feats: tuple[Sequence[Features], Sequence[Features]] | None = None,
    vectors: tuple[Any, Any] = (None, None),
    progress: Progress | None = None,
    flips: bool = True,
) -> tuple[Alignment, PairStats]:
    """Link the sentences of target to those of source, weighing words by their rarity in the pair.

    The links of a pair depend on the two articles alone: the same whether
    the pair is traced in a folder of a hundred stories or compared on its
    own with `provtrace diff`. feats (each side's sentence features) and
    vectors (each side's embeddings) are computed here when not given.
    With flips false, most links' meaning flips are left to kinds.with_flips.
    """
    if feats is None:
        known: dict[str, Features] = {}
        feats = (sentence_features(source, known), sentence_features(target, known))
    s_feats, t_feats = feats
    vocab = vocabulary_of((s_feats, t_feats))
    bags: dict[tuple[str, ...], tuple[dict[str, float], float]] = {}  # shared by both sides
    src = prepare(source, vocab, s_feats, vectors[0], bags)
    tgt = prepare(target, vocab, t_feats, vectors[1], bags)
    if aligned_first(target, source):
        alignment, stats = align_prepared(tgt, src, options, progress, flips)
        return alignment.reversed(), stats.flipped()
    return align_prepared(src, tgt, options, progress, flips)


def align_prepared(
    src: Prepared,
    tgt: Prepared,
    options: TraceOptions,
    progress: Progress | None = None,
    flips: bool = True,
) -> tuple[Alignment, PairStats]:
    """Link the sentences of tgt to those of src (the upstream side).

    progress, if given, is called as progress(ALIGNING_SENTENCES, done, total)
    with total the sentences of both sides: the source sentences scored, then
    the target sentences whose links are classified (a long pair reports as it goes).
    flips=False leaves each link's meaning flips empty, for kinds.with_flips to fill in later.
    """
    m, n = len(src.feats), len(tgt.feats)
    report = SentenceCount(progress, ALIGNING_SENTENCES, m + n)
    semantic = semantic_matrix(src, tgt)
    found = score_candidates(src, tgt, semantic, options, None if progress is None else report.step)
    pairs = _one_to_one(found)
    src_used = {i for i, _ in pairs}
    tgt_used = {j for _, j in pairs}
    add_extensions(pairs, src_used, tgt_used, src, tgt, found, merge=True)
    add_extensions(pairs, src_used, tgt_used, src, tgt, found, merge=False)
    link_moved(pairs, src_used, tgt_used, src, tgt, found.weak)
    fill_gaps(pairs, src_used, tgt_used, src, tgt, found.weak)
    fill_sandwiches(pairs, src_used, tgt_used, src, tgt)
    classified = []
    for s, t in _components(pairs):
        classified.append(classify_link(src, tgt, s, t, options, flips))
        report.step(len(t))
    links = tuple(sorted(classified, key=lambda l: (l.source, l.target)))
    report.finish()
    added = tuple(j for j in range(n) if j not in tgt_used)
    dropped = tuple(i for i in range(m) if i not in src_used)
    alignment = Alignment(src.article.id, tgt.article.id, links, added, dropped)
    return alignment, _stats(src, tgt, links, semantic, options.semantic_threshold)


def _one_to_one(found: Candidates) -> set[tuple[int, int]]:
    """The one-to-one core: candidate pairs taken best first, each sentence once."""
    pairs: set[tuple[int, int]] = set()
    src_used: set[int] = set()
    tgt_used: set[int] = set()
    for _, i, j in found.scored:
        if i not in src_used and j not in tgt_used:
            pairs.add((i, j))
            src_used.add(i)
            tgt_used.add(j)
    return pairs


def _components(pairs: set[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """Group linked pairs into n:m links (connected components)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(pairs):
        a, b = find(("s", i)), find(("t", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for i, j in sorted(pairs):
        sources, targets = groups.setdefault(find(("s", i)), ([], []))
        if i not in sources:
            sources.append(i)
        if j not in targets:
            targets.append(j)
    return list(groups.values())


def _stats(
    src: Prepared,
    tgt: Prepared,
    links: Sequence[Link],
    semantic: list[list[float]] | None = None,
    semantic_threshold: float = 1.0,
) -> PairStats:
    """Weighted share of each side's content that its linked counterparts hold,
    discounted by how closely each link reproduces the wording, and the detail
    (anchors) each side's linked sentences lack.

    With embeddings, a link's meaning similarity stands in for word overlap
    where that is higher (a translation shares meaning, not words)."""
    in_source = in_target = 0.0
    target_lacks = source_lacks = shared = 0
    for link in links:
        if semantic is None and _identical(src, tgt, link):
            # Each side wholly covers the other with score 1: its mass counts in full, no anchor lacks.
            in_source += tgt.mass[link.target[0]]
            in_target += src.mass[link.source[0]]
            shared += len(src.feats[link.source[0]].anchors)
            continue
        s_bag = _union(src.bags[i] for i in link.source)
        t_bag = _union(tgt.bags[j] for j in link.target)
        meaning = 0.0
        if semantic is not None:
            meaning = max(semantic[i][j] for i in link.source for j in link.target)
            meaning = meaning if meaning >= semantic_threshold else 0.0
        # Closeness counts too: of two near-identical candidate parents, the one
        # whose wording the child keeps (verbatim rather than altered) explains it better.
        in_source += link.score * sum(
            tgt.mass[j] * max(meaning, _coverage(tgt.bags[j], s_bag)) for j in link.target
        )
        in_target += link.score * sum(
            src.mass[i] * max(meaning, _coverage(src.bags[i], t_bag)) for i in link.source
        )
        s_anchors = frozenset().union(*(src.feats[i].anchors for i in link.source))
        t_anchors = frozenset().union(*(tgt.feats[j].anchors for j in link.target))
        target_lacks += len(s_anchors - t_anchors)
        source_lacks += len(t_anchors - s_anchors)
        shared += len(s_anchors & t_anchors)
    return PairStats(
        round(min(in_source / (sum(tgt.mass) or 1.0), 1.0), 4),
        round(min(in_target / (sum(src.mass) or 1.0), 1.0), 4),
        target_lacks,
        source_lacks,
        shared,
    )


def _identical(src: Prepared, tgt: Prepared, link: Link) -> bool:
    """Whether a link joins one sentence to the same sentence (see kinds.same_sentence)."""
    return (
        link.kind is LinkKind.VERBATIM
        and len(link.source) == 1
        and len(link.target) == 1
        and same_sentence(src, tgt, link.source[0], link.target[0])
    )
