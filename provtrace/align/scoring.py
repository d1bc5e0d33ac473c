"""Scoring candidate sentence pairs of two prepared articles.

A pair is scored on several signals: content words weighted by rarity,
anchors such as names and numbers, character similarity of the normalised
text, a weak prior that stories keep their order and, with embeddings, the
similarity of meaning. Only pairs sharing enough rare content (or meaning)
are scored; weaker pairs are kept aside for filling gaps in story order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from provtrace.align.features import Prepared
from provtrace.options import TraceOptions

#: The least shared content weight (in idf units) that can make a link: about
#: two uncommon words. Protects against short sentences matching on one word.
MIN_SHARED = 5.0
#: ... unless the sentences are short: sharing this share of the shorter one's weight is enough.
_SHORT_SHARE = 0.6
#: Filling gaps in story order: the least shared weight a pair needs to be kept aside.
GAP_SHARED = 4.0
#: How a pair's strength mixes its signals: rarity-weighted overlap (Dice) leads;
#: containment lets a sentence reused inside a longer one score; anchors and
#: story order break ties between similar candidates.
_DICE_WEIGHT = 0.45
_CONTAINMENT_WEIGHT = 0.35
_ANCHOR_WEIGHT = 0.1
_ORDER_WEIGHT = 0.1
#: Character similarity qualifies a pair to link on its own (a translation shares names and
#: cognates, not stems), but ranks it among its rivals only from here, where it marks one
#: sentence edited: below, it measures shared strings (a speaker's name and title), not a copy.
_NEAR_COPY = 0.8
#: The strength of a pair linked by meaning alone, at the semantic threshold:
#: just enough to compete; full similarity of meaning reaches 1.
_MEANING_BASE = 0.5
#: A stem in more target sentences than this finds no candidates (but still
#: counts in the score): it cannot tell them apart, and would make a huge text quadratic.
_FINDING_POSTINGS = 50


@dataclass(frozen=True, slots=True)
class Candidates:
    """Scored sentence pairs (i in source, j in target) of one article pair."""

    #: (rank, i, j) of the pairs strong enough to link, best first. The rank is the pair's
    #: strength, its character similarity counted only from _NEAR_COPY on.
    scored: list[tuple[float, int, int]] = field(default_factory=list)
    #: Share of target sentence j's weight that source sentence i shares (and the reverse).
    cover_target: dict[tuple[int, int], float] = field(default_factory=dict)
    cover_source: dict[tuple[int, int], float] = field(default_factory=dict)
    #: Lower-evidence pairs and their mean containment, for filling gaps in order.
    weak: dict[tuple[int, int], float] = field(default_factory=dict)


def semantic_matrix(src: Prepared, tgt: Prepared) -> list[list[float]] | None:
    """Cosine similarity of every sentence pair, when both sides have embeddings."""
    if src.vectors is None or tgt.vectors is None or not len(src.feats) or not len(tgt.feats):
        return None
    product = src.vectors @ tgt.vectors.T
    return [[float(x) for x in row] for row in product]


def meaning_strength(by_meaning: float) -> float:
    """The strength of a link made by meaning (by_meaning: similarity above the threshold, 0..1)."""
    return _MEANING_BASE + (1.0 - _MEANING_BASE) * by_meaning


def _overlaps(src: Prepared, tgt: Prepared) -> Iterator[dict[int, float]]:
    """For each source sentence in turn, its shared weight with the target sentences it may link to.

    The candidates are found through the stems they share, except stems used in
    so many target sentences that they cannot tell one from another (their
    weight still counts in the shared weight). Below that many sentences every
    shared stem finds candidates, so this only bounds the work on huge texts.
    """
    postings: dict[str, list[int]] = {}
    held = postings.get
    for j, bag in enumerate(tgt.bags):
        for stem in bag:
            holders = held(stem)
            if holders is None:
                postings[stem] = [j]
            else:
                holders.append(j)
    if max(map(len, postings.values()), default=0) <= _FINDING_POSTINGS:
        for bag in src.bags:
            yield _shared_weights(bag, postings)
        return
    for bag in src.bags:
        found: set[int] = set()
        for stem in bag:
            holders = postings.get(stem, [])
            if len(holders) <= _FINDING_POSTINGS:
                found.update(holders)
        # The weights each found sentence shares, in the bag's order (so summed as ever),
        # gathered through the postings rather than by testing every stem against every sentence.
        shared: dict[int, list[float]] = {}
        for stem, w in bag.items():
            holders = postings.get(stem, [])
            if len(holders) > _FINDING_POSTINGS:
                holders = [j for j in found if stem in tgt.bags[j]]
            for j in holders:
                shared.setdefault(j, []).append(w)
        yield {j: sum(shared[j]) for j in found}


def _shared_weights(bag: dict[str, float], postings: dict[str, list[int]]) -> dict[int, float]:
    """Each target sentence holding a stem of bag, with the weight it shares: every stem finds
    candidates. Added up in the bag's order from zero, as sum() over a list of them would."""
    shared: dict[int, float] = {}
    get = shared.get
    held = postings.get
    for stem, w in bag.items():
        holders = held(stem)
        if holders is not None:
            for j in holders:
                shared[j] = get(j, 0.0) + w
    return shared


class _Strength:
    """How strongly words, anchors, characters and order tie a source sentence to a target sentence,
    and the rank that strength gives the pair among its rivals (character similarity only for a
    near copy); what does not depend on the sentence pair is read once for the article pair."""

    def __init__(self, src: Prepared, tgt: Prepared) -> None:
        self.s_mass, self.t_mass = src.mass, tgt.mass
        self.s_norm, self.t_norm = [f.norm for f in src.feats], [f.norm for f in tgt.feats]
        self.s_anchors, self.t_anchors = [f.anchors for f in src.feats], [f.anchors for f in tgt.feats]
        self.m_last, self.n_last = max(len(src.feats) - 1, 1), max(len(tgt.feats) - 1, 1)

    def __call__(self, i: int, j: int, shared: float, ct: float, cs: float) -> tuple[float, float]:
        """The strength and rank of source i and target j, given their shared weight and its share
        of each (ct of the target's weight, cs of the source's)."""
        dice = 2 * shared / (self.s_mass[i] + self.t_mass[j])
        char = ratio(self.s_norm[i], self.t_norm[j]) / 100
        anchors_a, anchors_b = self.s_anchors[i], self.t_anchors[j]
        common = len(anchors_a & anchors_b)
        either = len(anchors_a) + len(anchors_b) - common  # len(anchors_a | anchors_b)
        anchor = common / either if either else 0.0
        order = 1.0 - abs(i / self.m_last - j / self.n_last)
        mixed = (
            _DICE_WEIGHT * dice
            + _CONTAINMENT_WEIGHT * max(ct, cs)
            + _ANCHOR_WEIGHT * anchor
            + _ORDER_WEIGHT * order
        )
        return max(char, mixed), (char if char >= _NEAR_COPY and char > mixed else mixed)


def score_candidates(
    src: Prepared,
    tgt: Prepared,
    semantic: list[list[float]] | None,
    options: TraceOptions,
    step: Callable[[], None] | None = None,
) -> Candidates:
    """Score the pairs that share enough rare content (or, with embeddings, meaning).

    step, if given, is called once per source sentence scored.
    """
    found = Candidates()
    n = len(tgt.feats)
    s_mass, t_mass, weak = src.mass, tgt.mass, found.weak
    scored, cover_target, cover_source = found.scored, found.cover_target, found.cover_source
    link_threshold = options.link_threshold
    strength_of = _Strength(src, tgt)
    # Without embeddings only the pairs sharing words are looked at, each with no meaning to add.
    threshold = options.semantic_threshold
    no_meaning = (0.0 - threshold) / (1.0 - threshold)
    for i, overlap in enumerate(_overlaps(src, tgt)):
        if step is not None:
            step()
        for j in range(n) if semantic is not None else sorted(overlap):
            # Embeddings can link sentences that share no words (a translation).
            by_meaning = no_meaning
            if semantic is not None:
                by_meaning = (semantic[i][j] - threshold) / (1.0 - threshold)
            shared = overlap.get(j, 0.0)
            if shared >= GAP_SHARED:
                weak[i, j] = 0.5 * (shared / t_mass[j] + shared / s_mass[i])
            if (shared < MIN_SHARED and shared < _SHORT_SHARE * min(s_mass[i], t_mass[j])) or not shared:
                if by_meaning > 0 and meaning_strength(by_meaning) >= link_threshold:
                    scored.append((meaning_strength(by_meaning), i, j))
                continue
            ct = cover_target[i, j] = shared / t_mass[j]
            cs = cover_source[i, j] = shared / s_mass[i]
            strength, rank = strength_of(i, j, shared, ct, cs)
            if by_meaning > 0:
                strength = max(strength, meaning_strength(by_meaning))
                rank = max(rank, meaning_strength(by_meaning))
            if strength >= link_threshold:
                scored.append((rank, i, j))
    found.scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    return found
