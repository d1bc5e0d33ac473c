"""Refining the derivation tree with what versions inherit from one another.

The branching picks each article's parent by how much of it a candidate
explains. Three refinements follow the logic of textual criticism (a copy
inherits the changes of the text it copies; shared changes, not shared
readings, show descent): a tie between an original and its near-identical
copy goes to the original; a child that keeps its grandparent's wording
where its parent changed it, or that carries none of its parent's changes
and is explained about as well by the grandparent, is taken to be its
parent's sibling; a version that carries the words a sibling brought into
the story came through that sibling.

Changes are compared as sets of content-word stems weighted by rarity, so
that they survive rewording around them and alignment mistakes. Words that
outlets add when they credit an agency are left out: two outlets writing
"according to Reuters" have not copied each other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .align import PairResult
from .models import Alignment, Article, LinkKind
from .normalize import normalize, stem

#: Two texts each holding this share of the other are near-identical twins.
_TWIN_CONTAINMENT = 0.85
#: A grandparent explaining a child within this much of its parent takes it.
_UPSTREAM_TOLERANCE = 0.02
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
    """The alignments of related pairs, seen from either side; each reversal made once."""

    def __init__(self, pairs: Mapping[tuple[str, str], PairResult]) -> None:
        self._pairs = pairs
        self._reversed: dict[tuple[str, str], Alignment] = {}

    def oriented(self, up: str, down: str) -> Alignment | None:
        """The alignment with up as the source side, if the two are related."""
        if (up, down) in self._pairs:
            return self._pairs[up, down].alignment
        if (down, up) not in self._pairs:
            return None
        if (up, down) not in self._reversed:
            self._reversed[up, down] = self._pairs[down, up].alignment.reversed()
        return self._reversed[up, down]


#: Stems of one article and their rarity weights.
Profile = Mapping[str, float]

#: Words outlets add on their own when they credit a wire story ("according to
#: Reuters", "told AFP", "Associated Press contributed"): two versions sharing
#: them have not inherited anything from each other.
_CREDIT_WORDS = (
    "according accordance reported reporting reports told citing cited quoted contributed "
    "writing editing agency agencies wire news press associated reuters thomson agence france "
    "presse afp efe agencia dpa deutsche ansa xinhua bloomberg kyodo yonhap upi united "
    "international europa anadolu tass según informó agencia"
)


@lru_cache(maxsize=1)
def _credit_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in normalize(_CREDIT_WORDS).split())


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
    carried_stems: tuple[str, ...]
    kept_stems: tuple[str, ...]

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
    carried = sorted(pb.keys() & pc.keys() - pa.keys() - credit, key=lambda s: (-pb[s], s))
    kept = sorted(pa.keys() & pc.keys() - pb.keys() - credit, key=lambda s: (-pa[s], s))
    return Inheritance(
        round(sum(pb[s] for s in carried), 6),
        round(sum(pa[s] for s in kept), 6),
        tuple(carried),
        tuple(kept),
    )


def _words(article: Article, stems: Sequence[str], n: int = 3) -> str:
    """A few of the article's words with the given stems, quoted, rarest first."""
    wanted = list(stems[:n])
    found: dict[str, str] = {}
    for sentence in article.sentences:
        for token in normalize(sentence.text).split():
            key = stem(token)
            if key in wanted and key not in found:
                found[key] = token
    words = [f"“{found.get(s, s)}”" for s in wanted]
    more = len(stems) - len(wanted)
    return ", ".join(words) + (f" and {more} more" if more > 0 else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def prefer_upstream(
    parent_of: dict[str, str],
    profiles: Mapping[str, Profile],
    by_id: Mapping[str, Article],
    weights: Mapping[tuple[str, str], float],
) -> dict[str, str]:
    """Move a child up to its grandparent when it does not carry its parent's changes.

    A child that keeps more of the grandparent's wording where its parent
    changed it than it carries of the parent's changes came from the
    grandparent directly. Where the words say nothing either way, parsimony:
    a child the grandparent explains nearly as well is taken to be its
    parent's sibling.
    """
    lifted: dict[str, str] = {}
    for _ in range(len(parent_of)):
        changed = False
        for c in sorted(parent_of):
            b = parent_of[c]
            a = parent_of.get(b)
            if a is None or a not in by_id or b not in by_id or (a, c) not in weights:
                continue
            found = inheritance(profiles, a, b, c)
            if found.around:
                because = (
                    f"{c} keeps {_count(len(found.kept_stems), 'word')} of {a} that {b} dropped or "
                    f"replaced ({_words(by_id[a], found.kept_stems)})"
                    + (
                        f" and far fewer of {_possessive(b)} own ({len(found.carried_stems)})"
                        if found.carried_stems
                        else f" and none of {_possessive(b)} own changes"
                    )
                    + f", so it comes from {a} directly"
                )
            elif (
                not found.carried
                and (b, c) in weights
                and weights[a, c] >= weights[b, c] - _UPSTREAM_TOLERANCE
            ):
                because = (
                    f"{a} explains {c} about as well as {b} (a version of {a}) does, and {c} carries "
                    f"none of {_possessive(b)} own changes, so it is taken to come from {a} directly"
                )
            else:
                continue
            parent_of[c] = a
            lifted[c] = because
            changed = True
        if not changed:
            break
    return lifted


def _possessive(name: str) -> str:
    return name + ("’" if name.endswith("s") else "’s")


def changes(pairs: Pairs, a: str, b: str) -> int:
    """How many sentences b added to a or reworded (a large number if they are not aligned)."""
    ab = pairs.oriented(a, b)
    if ab is None:
        return 1 << 30
    return len(ab.added) + sum(len(link.target) for link in ab.links if link.kind is not LinkKind.VERBATIM)


def follow_inherited_changes(
    parent_of: dict[str, str],
    profiles: Mapping[str, Profile],
    pairs: Pairs,
    by_id: Mapping[str, Article],
) -> dict[str, str]:
    """Move children under the sibling whose changes they inherited; evidence per moved child.

    Shared changes are shared both ways: of two siblings that share changes
    to their parent, the later one is the one that also lost more of the
    parent's wording the other kept (it made its own changes on top).
    """
    moved: dict[str, str] = {}
    children: dict[str, set[str]] = {}
    for child, parent in parent_of.items():
        children.setdefault(parent, set()).add(child)
    for _ in range(len(parent_of)):
        changed = False
        for c in sorted(parent_of):
            a = parent_of[c]
            if a not in by_id:
                continue
            found = []
            for b in sorted(children.get(a, ())):
                if b == c or pairs.oriented(b, c) is None:
                    continue
                ours = inheritance(profiles, a, b, c)
                if not ours.through:
                    continue
                # The same shared words seen from b: what b keeps of a where c changed it.
                theirs = inheritance(profiles, a, c, b)
                if (theirs.kept, changes(pairs, a, c)) > (ours.kept, changes(pairs, a, b)):
                    found.append((ours.carried - ours.kept, b, ours))
            if found:
                _, b, ours = max(found, key=lambda f: (f[0], f[1]))
                children[a].discard(c)
                children.setdefault(b, set()).add(c)
                parent_of[c] = b
                moved[c] = (
                    f"{c} carries {_count(len(ours.carried_stems), 'word')} that {b} brought into "
                    f"{_possessive(a)} story ({_words(by_id[b], ours.carried_stems)})"
                    + (
                        f" and far fewer of the words {b} removed ({len(ours.kept_stems)})"
                        if ours.kept_stems
                        else f" and none of the words {b} removed"
                    )
                    + f", so it came through {b}"
                )
                changed = True
        if not changed:
            break
    return moved
