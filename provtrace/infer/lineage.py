"""Refining the derivation tree with what versions inherit from one another.

The branching picks each article's parent by how much of it a candidate
explains. The refinements follow the logic of textual criticism: a copy
inherits the changes of the text it copies, so shared changes, not shared
readings, show descent. A tie between an original and its near-identical
copy goes to the original; a child that keeps its grandparent's wording
where its parent changed it, or that carries none of its parent's changes,
is taken to be its parent's sibling; a version that carries the changes a
sibling made came through that sibling; of two versions sharing changes,
the later is the one that also lost wording of the common source the other
kept, or else made more edits to it.

A change is a distinctive word (used in few sentences of the folder) that a
version brought in or removed, or a sentence it reworded, compared as sets
weighted by rarity, so that they survive rewording around them and
alignment mistakes. Words that outlets add when they credit an agency are
left out: two outlets writing "according to Reuters" have not copied each
other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from provtrace.agencies import credit_words
from provtrace.align.core import PairResult, PairStats, Prepared, Vocabulary, profile
from provtrace.align.normalize import Features, normalize, stem
from provtrace.models import Alignment, Article

#: Two texts each holding this share of the other are near-identical twins.
_TWIN_CONTAINMENT = 0.85
#: Inherited words outweighing kept ones (or the reverse) this many times decide;
#: closer, independent rewordings of the same text could explain both.
_DECISIVE = 3.0
#: Edge weights closer than this are a tie.
_TIE = 0.001


def prefer_originals_over_twins(
    weights: dict[tuple[str, str], float],
    directions: Mapping[tuple[str, str], object],
    pairs: Mapping[tuple[str, str], PairResult],
) -> set[frozenset[str]]:
    """Where a copy explains a child no better than the text it copies, prefer that text.

    A near-verbatim copy adds nothing, so a child owes it nothing unless it
    carries the copy's own changes (which then make the copy explain it
    better). Without this a tie between an original and its copy would be
    broken by chance. Lowers the copy's edge weights in place; returns the twins.
    """
    twins = []
    for (a, b), result in sorted(pairs.items()):
        if min(result.stats.target_in_source, result.stats.source_in_target) >= _TWIN_CONTAINMENT:
            upstream = (a, b) if (a, b) in directions else (b, a)
            twins.append(upstream)
    successors: dict[str, list[str]] = {}
    for parent, child in sorted(weights):
        successors.setdefault(parent, []).append(child)
    for original, copy in twins:
        for child in successors.get(copy, []):
            if child == original or (original, child) not in weights:
                continue
            via_copy, via_original = weights[copy, child], weights[original, child]
            if via_original >= via_copy - _TIE:
                weights[copy, child] = round(via_original - 2 * _TIE, 6)
    return {frozenset(pair) for pair in twins}


class Pairs:
    """The related pairs and what lineage compares of each article, built once.

    results: the aligned related pairs (smaller id as source); stems: the
    content stems of each sentence of each article; profiles: each article's
    distinctive stems and sentence marks with their rarity weights (see
    profile_of). Alignments are seen from either side, each reversal made once.
    """

    def __init__(
        self,
        results: Mapping[tuple[str, str], PairResult],
        stems: Mapping[str, Sequence[Sequence[str]]],
        profiles: Mapping[str, Profile],
    ) -> None:
        self.results = results
        self.profiles = profiles
        self._stems = stems
        self._reversed: dict[tuple[str, str], Alignment] = {}
        self._words: dict[str, tuple[frozenset[str], ...]] = {}
        self._related: dict[str, list[str]] | None = None
        self._linked_of: dict[str, set[int]] = {}

    def own_share(self, x: str, y: str, n_sentences: int) -> float:
        """Share of x's sentences linked to no other text: x's own material, as far as can be told.

        A sentence of x missing from y is x's own only when some third text
        related to x could have had it and does not either; with y as x's only
        related text nothing tells an addition by x from a cut by y (0).
        """
        if not n_sentences or all(o == y for o in self.related_to(x)):  # no text related to x but y
            return 0.0
        # y and the others are every text related to x (y adds nothing when it is not).
        return 1 - len(self._linked(x)) / n_sentences

    def _linked(self, x: str) -> set[int]:
        """x's sentences linked to some related text (worked out once for x)."""
        if x not in self._linked_of:
            linked: set[int] = set()
            for other in self.related_to(x):
                alignment = self.oriented(x, other)
                if alignment is not None:
                    linked.update(alignment.source_linked())
            self._linked_of[x] = linked
        return self._linked_of[x]

    def related_to(self, x: str) -> Sequence[str]:
        """The articles in a related pair with x (looked up once for all)."""
        if self._related is None:
            self._related = {}
            for a, b in self.results:
                self._related.setdefault(a, []).append(b)
                self._related.setdefault(b, []).append(a)
        return self._related.get(x, ())

    def only(self, keep: Callable[[tuple[str, str]], bool]) -> Pairs:
        """The same, with only the pairs that keep accepts."""
        kept = Pairs({k: v for k, v in self.results.items() if keep(k)}, self._stems, self.profiles)
        # Its pairs are some of these, each with the same alignment: their reversals are these.
        kept._reversed = self._reversed
        return kept

    def also(self, results: Mapping[tuple[str, str], PairResult]) -> Pairs:
        """The same, with these pairs added."""
        return Pairs({**self.results, **results}, self._stems, self.profiles)

    def stems(self, article: Article) -> Sequence[Sequence[str]]:
        """The content-word stems of each sentence of the article, in order."""
        return self._stems[article.id]

    def words(self, article: Article) -> tuple[frozenset[str], ...]:
        """The content-word stems of each sentence of the article, as sets (computed once)."""
        if article.id not in self._words:
            self._words[article.id] = tuple(frozenset(stems) for stems in self.stems(article))
        return self._words[article.id]

    def oriented(self, up: str, down: str) -> Alignment | None:
        """The alignment with up as the source side, if the two are related."""
        if (up, down) in self.results:
            return self.results[up, down].alignment
        if (down, up) not in self.results:
            return None
        if (up, down) not in self._reversed:
            self._reversed[up, down] = self.results[down, up].alignment.reversed()
        return self._reversed[up, down]

    def oriented_result(self, up: str, down: str) -> tuple[Alignment, PairStats]:
        """The alignment and statistics of a related pair with up as the source side."""
        if (up, down) in self.results:
            result = self.results[up, down]
            return result.alignment, result.stats
        result = self.results[down, up]
        reversed_alignment = self.oriented(up, down)  # reversed once, as oriented keeps it
        assert reversed_alignment is not None  # (down, up) is a related pair
        return reversed_alignment, result.stats.flipped()


#: Stems of one article and their rarity weights.
Profile = Mapping[str, float]


@lru_cache(maxsize=1)
def _credit_stems() -> frozenset[str]:
    """Stems of the credit words of the agency table (agencies.credit_words).

    Outlets add them on their own when they credit a wire story ("according to
    Reuters", "told AFP", "Associated Press contributed"): two versions sharing
    them have not inherited anything from each other.
    """
    return frozenset(stem(w) for w in normalize(" ".join(sorted(credit_words()))).split())


#: Sentences with fewer content words than this are too plain to mark a version.
_MARKED_SENTENCE = 4


#: Words used in more sentences of the folder than this are too common for one
#: version to be told from another by them: writers pick them independently.
DISTINCTIVE = 30


def profile_of(prepared: Prepared, vocab: Vocabulary) -> dict[str, float]:
    """What lineage compares of an article: its distinctive stems and its sentence marks, weighted."""
    return {
        **profile(prepared, vocab.rarer_than(DISTINCTIVE)),
        **sentence_marks(prepared.feats, vocab.default),
    }


def sentence_marks(feats: Sequence[Features], weight: float) -> dict[str, float]:
    """A mark for each sentence's wording, to be compared like a rare word.

    A word inserted or dropped is not distinctive when the word is common
    ("still", "now"), but the sentence that has it, word for word, is: two
    versions sharing it share that change. Credit words are left out, so
    that adding "according to AFP" to a sentence is no change.
    """
    return {mark: weight for f in feats if (mark := sentence_mark(f.stems)) is not None}


#: What starts a sentence mark, so that marks and stems never collide.
MARK = "¶ "


def sentence_mark(stems: Sequence[str]) -> str | None:
    """The mark of a sentence's wording, or None for a sentence too plain to mark a version."""
    credit = _credit_stems()
    words = [s for s in stems if s not in credit]
    return MARK + " ".join(words) if len(words) >= _MARKED_SENTENCE else None


@dataclass(frozen=True, slots=True)
class Inheritance:
    """What c shares of the changes b made to a, in rarity-weighted content words.

    carried: words b brought into a's story (in b, not in a) that c has too;
    kept: words of a that b dropped or replaced (in a, not in b) that c still has.
    A version inherits its parent's changes, so c came through b when it
    carries b's changes and keeps little of what b removed; c came from a
    directly when it keeps a's wording where b changed it.
    """

    carried: float
    kept: float
    carried_stems: frozenset[str]
    kept_stems: frozenset[str]

    @property
    def through(self) -> bool:
        """c clearly carries b's changes: it came through b."""
        return self.carried > _DECISIVE * self.kept

    @property
    def around(self) -> bool:
        """c clearly keeps a's wording where b changed it: it did not come through b."""
        return self.kept > _DECISIVE * self.carried


def inheritance(profiles: Mapping[str, Profile], a: str, b: str, c: str) -> Inheritance:
    """How far c carries the changes b made to a (see Inheritance)."""
    pa, pb, pc = profiles[a], profiles[b], profiles[c]
    credit = _credit_stems()
    carried = frozenset(pb.keys() & pc.keys() - pa.keys() - credit)
    kept = frozenset(pa.keys() & pc.keys() - pb.keys() - credit)
    # fsum is exact, so the totals do not depend on the order of iteration.
    return Inheritance(math.fsum(pb[s] for s in carried), math.fsum(pa[s] for s in kept), carried, kept)
