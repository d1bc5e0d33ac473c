"""Whether two texts retell each other sentence by sentence: what a translation does to its original.

Across languages (without embeddings) the aligner links a sentence only where
names, figures or borrowed words show, so the share of content it matches
reads low for a translation as for a text written apart. What tells them
apart is structure: a translation retells its original whole, in order, one
sentence for one; the unlinked sentences between two links stand in step, as
many on each side, each of a length that matches its counterpart's (Gale and
Church's reading of a translation). A text written apart tells the facts it
shares in its own order, among its own sentences.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from provtrace.models import Alignment, Article, Sentence

#: Two translations of one text, or a translation and its original, retell all of each other: each
#: has at least this share of its sentences linked to the other (past half, most of it; a summary
#: leaves most of its source out, and a story written apart adds much of its own).
PARALLEL_SHARE = 0.5
#: A translation follows its original sentence by sentence: at least this share of the pairs of its
#: links keep the order of both texts (a merged or moved sentence may cross a link; two reports
#: written apart tell the facts they share in their own order).
IN_ORDER = 0.9
#: A sentence and its translation differ in length little beyond the two languages' ratio (Gale and
#: Church, 1993): an unlinked sentence is read as translating the one in step with it only within
#: this factor of the length expected (wide for a translation, narrow for two sentences written apart).
STEP_LENGTH = 1.5
#: Links that put two texts in step: one shared name may fall anywhere in a text written apart.
STEP_LINKS = 2


def parallel(alignment: Alignment, source: Article, target: Article) -> bool:
    """Whether each side of the alignment has at least PARALLEL_SHARE of its sentences linked to the other."""
    if not source.sentences or not target.sentences:
        return False
    return (
        _least_share(alignment.source_linked(), alignment.target_linked(), source, target) >= PARALLEL_SHARE
    )


def _least_share(
    linked_s: Collection[int], linked_t: Collection[int], source: Article, target: Article
) -> float:
    return min(len(linked_s) / len(source.sentences), len(linked_t) / len(target.sentences))


def _retold(alignment: Alignment, source: Article, target: Article) -> float:
    """The share of its sentences the other retells, on the side less of which it retells: its
    sentences linked to the other's, and those the links leave in step (as many unlinked sentences
    on each side between two links, or before the first, or after the last, each of a length
    matching its counterpart's: Gale and Church's reading of a translation, one sentence for one)."""
    if not source.sentences or not target.sentences or len(alignment.links) < STEP_LINKS:
        return 0.0
    linked_s, linked_t = set(alignment.source_linked()), set(alignment.target_linked())
    scale = _length(target.sentences) / max(1, _length(source.sentences))
    spots = sorted(
        (min(link.source), min(link.target), max(link.source), max(link.target)) for link in alignment.links
    )
    after_s = after_t = -1  # the last sentence of each side the links so far reach
    for start_s, start_t, end_s, end_t in [*spots, (len(source.sentences), len(target.sentences), -1, -1)]:
        pairs = list(zip(range(after_s + 1, start_s), range(after_t + 1, start_t), strict=False))
        if start_s - after_s == start_t - after_t and all(
            _matching(len(source.sentences[i].text) * scale, len(target.sentences[j].text)) for i, j in pairs
        ):
            linked_s.update(i for i, _ in pairs)
            linked_t.update(j for _, j in pairs)
        after_s, after_t = max(after_s, end_s), max(after_t, end_t)
    return _least_share(linked_s, linked_t, source, target)


def _length(sentences: Sequence[Sentence]) -> int:
    return sum(len(s.text) for s in sentences)


def _matching(expected: float, length: int) -> bool:
    """Whether a sentence of this length may translate one expected to come out this long."""
    return expected / STEP_LENGTH <= length <= expected * STEP_LENGTH


def _in_order(alignment: Alignment) -> float:
    """Share of the pairs of links that keep the order of both texts (1 with fewer than two links)."""
    spots = sorted((min(link.source), min(link.target)) for link in alignment.links)
    pairs = [(u, v) for k, u in enumerate(spots) for v in spots[k + 1 :]]
    return sum(u[1] < v[1] for u, v in pairs) / len(pairs) if pairs else 1.0


def retold_in_order(alignment: Alignment, source: Article, target: Article) -> float:
    """The share of its sentences the other retells, in order (see _retold), on the side less of
    which it retells; 0 where the links do not keep the order of both texts."""
    return _retold(alignment, source, target) if _in_order(alignment) >= IN_ORDER else 0.0
