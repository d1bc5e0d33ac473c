"""Why a pair judged derived has no edge: said in the pair's evidence, never left unexplained.

A pair may be judged derived (one reuses the other's wording) while the tree
holds no edge for either text: the evidence for any one parent is too weak to
draw (the tree's edge floor). A reader who sees the pair in the report, but
neither text in the tree, is told so in words rather than left to guess.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from provtrace.infer.direction import Direction
from provtrace.models import Derivation, Edge, Related

__all__ = ["explain_between", "explain_unplaced"]


def explain_unplaced(
    related: Mapping[tuple[str, str], Related],
    in_tree: set[str],
    directions: Mapping[tuple[str, str], Direction],
    candidates: Mapping[tuple[str, str], float],
    weight: Callable[[Direction], float],
    floor: float,
) -> dict[tuple[str, str], Related]:
    """related, with a reason added to each derived pair of which a text is in no edge of the tree.

    directions holds the direction chosen for every derived pair and candidates the
    weight of each candidate edge; weight gives the strength of a direction's edge,
    and floor the least an edge needs to be a candidate.
    """
    out = dict(related)
    for key, r in related.items():
        if r.judgement is not Derivation.DERIVED or (r.a in in_tree and r.b in in_tree):
            continue
        d = directions.get(key) or directions.get((key[1], key[0]))
        if d is None:
            continue
        w = math.floor(weight(d) * 1000) / 1000  # never shown as reaching the floor it is under
        if (d.parent, d.child) in candidates:
            said = (
                f"not drawn in the tree: {d.parent} → {d.child} was a candidate edge (strength {w:.3f}), "
                "but the tree kept other parents"
            )
        else:
            said = (
                f"not drawn in the tree: the evidence for {d.parent} → {d.child} is too weak to draw an "
                f"edge (strength {w:.3f}, under the {floor:.2f} an edge needs; it grows with the share of "
                f"{d.child} that {d.parent} explains, {d.explained:.0%}, and with how sure the direction "
                f"is, {d.probability:.2f})"
            )
        out[key] = replace(r, evidence=(*r.evidence, said))
    return out


def _ancestors(parent_of: Mapping[str, str], node: str) -> list[str]:
    """node's parents in the tree, nearest first."""
    out: list[str] = []
    while node in parent_of and parent_of[node] not in out:
        node = parent_of[node]
        out.append(node)
    return out


def explain_between(
    related: Mapping[tuple[str, str], Related], edges: Sequence[Edge], name: Callable[[str], str]
) -> dict[tuple[str, str], Related]:
    """related, with a reason added to each derived pair whose two texts are both in the tree but
    joined by no edge: the pair judgement sees only the two texts, the tree sees them all, and a
    reader comparing the two must not be left with "derived" on one side and no edge on the other.
    name gives how a tree node is written (an unseen source: "an unseen Reuters original")."""
    parent_of = {e.child: e.parent for e in edges}
    unknown = {e.child for e in edges if not e.direction_known}  # the edge above each such child

    def hedged(steps: Sequence[str]) -> str:
        """What a path whose steps (the children of its edges) include one of unknown direction
        must add: the tree draws it one way only to be drawn."""
        if unknown.isdisjoint(steps):
            return ""
        return " (as the tree is drawn: which came first cannot be told at every step)"

    out = dict(related)
    for key, r in related.items():
        if r.judgement is not Derivation.DERIVED or (r.a not in parent_of and r.b not in parent_of):
            continue
        if parent_of.get(r.a) == r.b or parent_of.get(r.b) == r.a:
            continue
        up_a, up_b = _ancestors(parent_of, r.a), _ancestors(parent_of, r.b)
        if r.b in up_a or r.a in up_b:
            low, high = (r.a, r.b) if r.b in up_a else (r.b, r.a)
            chain = _ancestors(parent_of, low)
            between = chain[: chain.index(high)]
            through = ", then ".join(map(name, between))
            said = f"no edge between them in the tree: {low} derives from {high} through {through}"
            said += hedged([low, *between])
        elif set(up_a) & set(up_b):
            common = next(x for x in up_a if x in up_b)
            said = (
                f"no edge between them in the tree: both derive from {name(common)}, "
                "from which the wording they share can come"
            )
            steps = [r.a, *up_a[: up_a.index(common)], r.b, *up_b[: up_b.index(common)]]
            said += hedged(steps)
        else:
            continue  # on separate trees: explain_unplaced speaks for a text in no edge
        out[key] = replace(r, evidence=(*r.evidence, said))
    return out
