"""Refining the derivation tree with what versions inherit from one another.

The branching picks each article's parent by how much of it a candidate
explains. Three refinements follow the logic of textual criticism: a tie
between an original and its near-identical copy goes to the original; a
child its grandparent explains about as well, carrying none of its parent's
own changes, is taken to be its parent's sibling; a version that carries the
changes a sibling made (sentences it added, its rewording word for word) came
through that sibling.
"""

from __future__ import annotations

from collections.abc import Mapping

from .align import PairResult
from .models import Alignment, Article, LinkKind

#: Two texts each holding this share of the other are near-identical twins.
_TWIN_CONTAINMENT = 0.85
#: A grandparent explaining a child within this much of its parent takes it.
_UPSTREAM_TOLERANCE = 0.02
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


def through_sibling(
    pairs: Pairs, by_id: Mapping[str, Article], a: str, b: str, c: str
) -> tuple[float, str] | None:
    """Evidence that c came from a through its sibling b: the changes b made to a.

    A version inherits its parent's changes: if c carries sentences that b
    added to a, or b's rewording of a sentence of a word for word, c came
    through b, unless c keeps a sentence b dropped or a's wording where b
    changed it. (That c lacks what b dropped is no evidence: a sentence an
    alignment missed looks dropped too.) Returns a strength and a sentence of
    evidence, or None.
    """
    ab, ac, bc = pairs.oriented(a, b), pairs.oriented(a, c), pairs.oriented(b, c)
    if ab is None or ac is None or bc is None:
        return None
    from_a = {i for link in ac.links for i in link.source}
    if set(ab.dropped) & from_a:
        return None
    # Sentences of b that b changed from a's wording, by b's index -> a's indices.
    b_changed = {
        j: link.source for link in ab.links if link.kind is not LinkKind.VERBATIM for j in link.target
    }
    a_changed = {i for sources in b_changed.values() for i in sources}
    kept_a_wording = {
        i for link in ac.links if link.kind is LinkKind.VERBATIM for i in link.source
    } & a_changed
    if kept_a_wording:
        return None
    b_added = set(ab.added)
    shared_added = {j for link in bc.links for j in link.source if j in b_added}
    shared_edits = {
        j for link in bc.links if link.kind is LinkKind.VERBATIM for j in link.source if j in b_changed
    }
    if not shared_added and not shared_edits:
        return None
    found = []
    if shared_added:
        found.append(f"{len(shared_added)} sentence(s) that {b} added to {a}")
    if shared_edits:
        found.append(f"{b}'s rewording of {len(shared_edits)} sentence(s) of {a} word for word")
    strength = 1.0 + len(shared_added) + len(shared_edits)
    return strength, f"{c} carries {' and '.join(found)}, so it came through {b}"


def prefer_upstream(
    parent_of: dict[str, str],
    pairs: Pairs,
    by_id: Mapping[str, Article],
    weights: Mapping[tuple[str, str], float],
) -> dict[str, str]:
    """Move a child up to its grandparent when that explains it about as well.

    Parsimony: with no change of the parent's to show for it, a child that
    the grandparent explains nearly as well is more likely a sibling of its
    parent than a descendant.
    """
    lifted: dict[str, str] = {}
    for _ in range(len(parent_of)):
        changed = False
        for c in sorted(parent_of):
            b = parent_of[c]
            a = parent_of.get(b)
            if a is None or a not in by_id or b not in by_id or (a, c) not in weights:
                continue
            if (b, c) not in weights or through_sibling(pairs, by_id, a, b, c) is not None:
                continue
            if weights[a, c] >= weights[b, c] - _UPSTREAM_TOLERANCE:
                parent_of[c] = a
                lifted[c] = (
                    f"{a} explains {c} about as well as {b} (a version of {a}) does, and {c} carries "
                    f"none of {b}'s own changes, so it is taken to come from {a} directly"
                )
                changed = True
        if not changed:
            break
    return lifted


def changes(pairs: Pairs, a: str, b: str) -> int:
    """How many sentences b added to a or reworded (a large number if they are not aligned)."""
    ab = pairs.oriented(a, b)
    if ab is None:
        return 1 << 30
    return len(ab.added) + sum(len(link.target) for link in ab.links if link.kind is not LinkKind.VERBATIM)


def follow_inherited_changes(
    parent_of: dict[str, str],
    pairs: Pairs,
    by_id: Mapping[str, Article],
    directions: Mapping[tuple[str, str], object],
) -> dict[str, str]:
    """Move children under the sibling whose changes they inherited; evidence per moved child."""
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
            # Shared changes are shared both ways: the version with fewer changes of
            # its own is the earlier one (the later adds its changes to the earlier's).
            mine = changes(pairs, a, c)
            siblings = sorted(
                b
                for b in children.get(a, ())
                if b != c and (changes(pairs, a, b), (c, b) not in directions) < (mine, True)
            )
            found = [(e[0], b, e[1]) for b in siblings if (e := through_sibling(pairs, by_id, a, b, c))]
            if found:
                _, b, evidence = max(found, key=lambda f: (f[0], f[1]))
                children[a].discard(c)
                children.setdefault(b, set()).add(c)
                parent_of[c] = b
                moved[c] = evidence
                changed = True
        if not changed:
            break
    return moved
