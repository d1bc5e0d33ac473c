"""Pairwise directions -> derivation forest (networkx is used here and nowhere else).

Each candidate edge parent -> child (see direction.weigh) is weighted by how
much of the child the parent explains times how sure its direction is; a
maximum branching over those weights gives the forest, which lineage then
refines by the changes versions inherit. An agency cited by two related
articles that no article in the folder represents becomes an unseen source
when it explains them better.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from provtrace.align.moved import out_of_order
from provtrace.infer import calibration, lineage
from provtrace.infer.credited import agencies, quote, wire_copy
from provtrace.infer.direction import Direction, weigh
from provtrace.infer.judging import judge_all
from provtrace.infer.refine import refine
from provtrace.infer.relations import relation
from provtrace.infer.translations import with_unaligned
from provtrace.infer.unplaced import explain_between, explain_unplaced
from provtrace.models import Alignment, Article, CreditKind, Derivation, Edge, Related, Relation, Unseen
from provtrace.wording import order_unknown, plural, possessive

#: Candidate edges weaker than this are not considered at all; except a translation judged derived:
#: across languages (without embeddings) the share explained counts only the words both texts spell
#: alike (names, figures), so it reads low however much of the child the parent explains.
_MIN_EDGE_WEIGHT = 0.08
#: Weight of the edge to a translation from its original where the aligner matched too few of their
#: sentences to relate them (known through a sibling translation): below any edge the aligner found.
_UNALIGNED_WEIGHT = 0.01
#: Direction probability from which a candidate parent counts in full.
_SURE_DIRECTION = 0.75
#: Weight of the edge from an unseen agency original to an article citing it.
_UNSEEN_WEIGHT = 0.4
#: Confidence of an edge from an unseen source: the citation is sure, the grouping less so.
_UNSEEN_CONFIDENCE = 0.6
#: Inherited changes are strong evidence of direction: at least this probability.
_INHERITED_PROBABILITY = 0.75
#: A rival parent explaining the child as well as the chosen one halves the confidence.
_RIVAL_PENALTY = 0.5
#: A direction whose probability is within this of a coin toss is said to be undecided.
_UNDECIDED = 0.1
#: Evidence read outside the shared wording (Direction.external) this strong for one text coming
#: first (an agency's own credit against a text citing it) keeps lineage from hanging it under the other.
_OUTSIDE_VETO = 1.5


@dataclass(frozen=True, slots=True)
class Forest:
    """The edges of the derivation forest, the unseen sources they use, and articles left out."""

    edges: tuple[Edge, ...]
    unseen: tuple[Unseen, ...]
    unrelated: tuple[str, ...]
    related: tuple[Related, ...] = ()


def _edge_weight(d: Direction) -> float:
    """How strongly parent -> child is preferred when choosing each child's parent.

    Closeness decides among plausible parents: once the direction is fairly
    sure, how much of the child a candidate explains matters, not how sure the
    direction is. Otherwise a wire original, surely upstream of everything,
    would take every child from the copy or rewrite it actually came through.
    """
    sure = min(1.0, max(0.0, (d.probability - 0.5) / (_SURE_DIRECTION - 0.5)))
    return d.explained * (0.5 + 0.5 * sure)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _common_sources(
    by_id: Mapping[str, Article], related: Mapping[tuple[str, str], Related]
) -> dict[frozenset[str], tuple[str, str]]:
    """For a derived pair {z, x}: (z, y) where x and y are translations of z written independently.

    Only across languages: within one language two independent versions related
    to a third may be its siblings as well as its descendants.
    """
    derived = {frozenset(k) for k, r in related.items() if r.judgement is Derivation.DERIVED}
    linked = _neighbours(derived)
    out: dict[frozenset[str], tuple[str, str]] = {}
    for (x, y), r in sorted(related.items()):
        if r.judgement is not Derivation.INDEPENDENT or by_id[x].in_other_language(by_id[y]):
            continue
        for z in sorted(linked.get(x, set()) & linked.get(y, set())):
            if by_id[z].in_other_language(by_id[x]):
                out.setdefault(frozenset((z, x)), (z, y))
                out.setdefault(frozenset((z, y)), (z, x))
    return out


def _borrowed(
    by_id: Mapping[str, Article], related: lineage.Pairs, x: str, y: str, in_wire: dict[str, frozenset[int]]
) -> float:
    """Share of x's sentences missing from y that only agency copy other than y has, where x is no
    agency copy: what a story compiled from several takes took from the others (every related
    text counts, copied or independently written: a take the story took facts from).

    in_wire caches, for each x asked about, its sentences linked to some related agency copy: y's
    own links are taken out of them afterwards, which leaves what the agency copy other than y has.
    """
    if wire_copy(by_id[x]) or not by_id[x].sentences:
        return 0.0
    if x not in in_wire:
        linked: set[int] = set()
        for z in related.related_to(x):
            alignment = related.oriented(x, z)
            if alignment is not None and wire_copy(by_id[z]):
                linked |= alignment.source_linked()
        in_wire[x] = frozenset(linked)
    alignment = related.oriented(x, y)
    in_y = alignment.source_linked() if alignment is not None else frozenset()
    return len(in_wire[x] - in_y) / len(by_id[x].sentences)


def _neighbours(pairs: Iterable[frozenset[str]]) -> dict[str, set[str]]:
    """For each id, the ids paired with it."""
    out: dict[str, set[str]] = {}
    for pair in pairs:
        a, b = sorted(pair)
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def _candidates(
    by_id: Mapping[str, Article],
    pairs: lineage.Pairs,
    common: Mapping[frozenset[str], tuple[str, str]],
    related: lineage.Pairs,
) -> tuple[dict[tuple[str, str], Direction], dict[tuple[str, str], float]]:
    """The direction of every derived pair, and the weight of each candidate edge
    (related: every related pair, derived or written independently)."""
    directions: dict[tuple[str, str], Direction] = {}
    weights: dict[tuple[str, str], float] = {}
    in_wire: dict[str, frozenset[int]] = {}  # see _borrowed
    for a_id, b_id in sorted(pairs.results):
        a, b = by_id[a_id], by_id[b_id]
        own = (pairs.own_share(a_id, b_id, len(a.sentences)), pairs.own_share(b_id, a_id, len(b.sentences)))
        borrowed = (
            _borrowed(by_id, related, a_id, b_id, in_wire),
            _borrowed(by_id, related, b_id, a_id, in_wire),
        )
        result = pairs.results[a_id, b_id]
        d = weigh(a, b, result.stats, own, common.get(frozenset((a_id, b_id))), result.alignment, borrowed)
        directions[d.parent, d.child] = d
        weight = _edge_weight(d)
        if not result.alignment.links:  # known through a sibling translation (with_unaligned)
            weight = max(weight, _UNALIGNED_WEIGHT)
        if weight >= _MIN_EDGE_WEIGHT or (a.in_other_language(b) and weight > 0):
            weights[d.parent, d.child] = round(weight, 6)
    return directions, weights


def owned_agencies(articles: Sequence[Article]) -> frozenset[str]:
    """Agencies whose own copy (an owner credit) is among the articles."""
    return frozenset(c.agency for a in articles for c in a.credits if c.kind is CreditKind.OWNER)


def unseen_groups(articles: Sequence[Article], owners: frozenset[str]) -> list[list[str]]:
    """For each agency cited but owned by none of the articles, the ids of its citers
    (the articles that may hang from one unseen source, so must be inferred together)."""
    groups = []
    for agency in sorted({c.agency for a in articles for c in a.credits} - owners):
        citers = sorted(a.id for a in articles if agency in agencies(a, CreditKind.CITES))
        if len(citers) >= 2:
            groups.append(citers)
    return groups


def _unseen_sources(
    articles: Sequence[Article], pairs: lineage.Pairs, owners: frozenset[str]
) -> dict[str, tuple[Unseen, list[str]]]:
    """Unseen agency originals (cited by two or more related articles, owned by none), with their citers."""
    related = {x for pair in pairs.results for x in pair}
    unseen: dict[str, tuple[Unseen, list[str]]] = {}
    for agency in sorted({c.agency for a in articles for c in a.credits} - owners):
        citers = sorted(a.id for a in articles if a.id in related and agency in agencies(a, CreditKind.CITES))
        linked = [c for c in citers if any(pairs.oriented(c, o) is not None for o in citers)]
        if len(linked) >= 2:
            node = f"unseen:{_slug(agency)}"
            unseen[node] = (Unseen(node, f"{agency} original, not among the articles traced", agency), linked)
    return unseen


def _branch(graph: Any, unseen: Mapping[str, object]) -> dict[str, str]:
    """Each child's parent in a maximum branching; unseen sources left with one child are dropped."""
    import networkx as nx

    while True:
        branching = nx.maximum_branching(graph, attr="weight", preserve_attrs=True)
        idle = [u for u in unseen if u in graph and branching.out_degree(u) < 2]
        if not idle:
            break
        graph.remove_nodes_from(idle)
    return {child: parent for parent, child in branching.edges()}


def _unseen_edge(parent: str, child: Article, agency: str) -> Edge:
    cited = agencies(child, CreditKind.CITES)[agency]
    return Edge(
        parent,
        child.id,
        Relation.UNSEEN_SOURCE,
        _UNSEEN_CONFIDENCE,
        (
            f"{child.id} cites {agency} ({quote(cited)})",
            f"no article traced carries {possessive(agency)} own credit, and {child.id} "
            "shares content with other articles citing it that neither explains",
        ),
    )


@dataclass(frozen=True, slots=True)
class _Chosen:
    """What the confidence of the chosen edges depends on, beyond each edge's direction."""

    graph: Any  # the candidate graph (networkx.DiGraph), weights on its edges
    twins: set[frozenset[str]]
    moved: Mapping[str, tuple[str, bool]]  # lineage's evidence, and whether it rests on inheritance
    related: Mapping[tuple[str, str], Related]  # the judgement on each related pair

    def confidence(self, d: Direction, translation: bool) -> float:
        """The probability that the edge is right, estimated from its signals (infer/calibration.py)."""
        return round(calibration.calibrate(self.signals(d, translation)), 2)

    def signals(self, d: Direction, translation: bool) -> calibration.EdgeSignals:
        """What the edge's confidence rests on: that the pair is derived at all, that of its
        direction, and how far rival parents and what is left unexplained weaken it."""
        judged = self.related.get((d.parent, d.child)) or self.related[d.child, d.parent]
        parent, child = d.parent, d.child
        inherited = child in self.moved and self.moved[child][1]
        if inherited:
            # Inherited changes overrule a closer-looking grandparent; they are strong evidence.
            margin = 1.0
            probability = max(d.probability, _INHERITED_PROBABILITY)
        else:
            # A near-identical twin of the parent is no rival: it carries the same text.
            rivals = [
                w
                for (u, v, w) in self.graph.in_edges(child, data="weight")
                if u != parent and frozenset((u, parent)) not in self.twins
            ]
            best = (
                self.graph[parent][child]["weight"] if self.graph.has_edge(parent, child) else _edge_weight(d)
            )
            margin = max(0.0, 1.0 - _RIVAL_PENALTY * (max(rivals) / best if rivals else 0.0))
            probability = d.probability
        undecided = _undecided(d, self.moved)
        return calibration.EdgeSignals(
            judged.probability,
            probability,
            margin,
            d.explained,
            undecided,
            inherited,
            translation,
            d.external,
        )


def _may_follow(directions: Mapping[tuple[str, str], Direction], child: str, parent: str) -> bool:
    """Whether lineage may hang child under parent: not where evidence read outside their shared
    wording (an agency's credit or desk's sign-off, "today" against "yesterday") puts child first.
    Inherited words cannot tell which of two texts brought them in: a story that merged an agency's
    takes "brought" into one take what it took from another."""
    if (child, parent) in directions:
        return directions[child, parent].external < _OUTSIDE_VETO
    return (parent, child) not in directions or directions[parent, child].external > -_OUTSIDE_VETO


def _apply_lineage(
    directions: dict[tuple[str, str], Direction],
    parent_of: Mapping[str, str],
    moved: Mapping[str, tuple[str, bool]],
) -> None:
    """Record lineage's evidence on the directions of the edges it chose (flipping reversed ones)."""
    for child, (evidence, _) in sorted(moved.items()):
        parent = parent_of[child]
        known = directions.get((parent, child))
        if known is None:
            directions[parent, child] = directions[child, parent].flipped([evidence])
        else:
            directions[parent, child] = replace(known, evidence=(evidence, *known.evidence))


def _reordered(alignment: Alignment, parent: str, child: str) -> tuple[str, ...]:
    """A line of evidence saying how many of the child's sentences are told in another order."""
    moved = out_of_order(alignment)
    if not moved:
        return ()
    verb = "is" if moved == 1 else "are"
    return (f"{plural(moved, 'sentence')} of {child} {verb} told in another order than in {parent}",)


def _undecided(d: Direction, moved: Mapping[str, tuple[str, bool]]) -> bool:
    """Whether the texts cannot tell which of the two came first (no inherited change decides)."""
    return abs(d.probability - 0.5) < _UNDECIDED and not (d.child in moved and moved[d.child][1])


def _said_undecided(d: Direction) -> Direction:
    """The direction with its evidence opening on the words saying the order is unknown."""
    said = f"{order_unknown(d.parent, d.child)}: {d.parent} is shown as the parent only to draw the tree"
    return replace(d, evidence=(said, *d.evidence))


def _edges(
    by_id: Mapping[str, Article],
    pairs: lineage.Pairs,
    parent_of: Mapping[str, str],
    directions: Mapping[tuple[str, str], Direction],
    unseen: Mapping[str, tuple[Unseen, list[str]]],
    chosen: _Chosen,
) -> tuple[list[Edge], dict[tuple[str, str], Alignment]]:
    """The tree's edges, with relation, confidence and evidence, and each edge's alignment."""
    edges: list[Edge] = []
    alignments: dict[tuple[str, str], Alignment] = {}
    for child, parent in sorted(parent_of.items(), key=lambda item: (item[1], item[0])):
        if parent in unseen:
            edges.append(_unseen_edge(parent, by_id[child], unseen[parent][0].agency))
            continue
        d = directions[parent, child]
        unknown = _undecided(d, chosen.moved)
        if unknown:
            d = _said_undecided(d)
        alignment, stats = pairs.oriented_result(parent, child)
        kind = relation(alignment, by_id[parent], by_id[child], stats)
        confidence = chosen.confidence(d, kind is Relation.TRANSLATION)
        evidence = (*d.evidence, *_reordered(alignment, parent, child))
        edges.append(Edge(parent, child, kind, confidence, evidence, direction_known=not unknown))
        alignments[parent, child] = alignment
    return edges, alignments


def infer_forest(
    articles: Sequence[Article], pairs: lineage.Pairs, owners: frozenset[str] | None = None
) -> tuple[Forest, dict[tuple[str, str], Alignment]]:
    """The derivation forest, and the alignment (parent side first) of each edge.

    pairs holds the related pairs with what lineage compares of each article
    (its distinctive stems and the content stems of each sentence). owners
    are the agencies whose own copy the run holds (by default: found among
    articles; given when articles are one part of a larger run).
    """
    import networkx as nx

    by_id = {a.id: a for a in articles}
    related, originals = judge_all(by_id, pairs)
    pairs = with_unaligned(by_id, pairs, related)
    # Independent pairs are no candidate edges, and lineage compares only versions of one text.
    every = pairs
    pairs = pairs.only(lambda key: related[key].judgement is Derivation.DERIVED)
    common = {**_common_sources(by_id, related), **originals}
    directions, weights = _candidates(by_id, pairs, common, every)
    twins = lineage.prefer_originals_over_twins(weights, directions, pairs.results)
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(by_id))
    for (parent, child), weight in sorted(weights.items()):
        graph.add_edge(parent, child, weight=weight)
    unseen = _unseen_sources(articles, pairs, owned_agencies(articles) if owners is None else owners)
    # A translation of an original found in the folder carries that original's citations along.
    translations = {x for key, (z, _) in originals.items() for x in key - {z}}
    for node, (_, linked) in unseen.items():
        for c in linked:
            if c not in translations:
                graph.add_edge(node, c, weight=_UNSEEN_WEIGHT)
    parent_of = _branch(graph, unseen)
    moved = refine(
        parent_of,
        pairs,
        by_id,
        lambda x, y: (x, y) in directions and directions[x, y].probability > 0.5,
        lambda child, parent: _may_follow(directions, child, parent),
    )
    _apply_lineage(directions, parent_of, moved)
    edges, alignments = _edges(
        by_id, pairs, parent_of, directions, unseen, _Chosen(graph, twins, moved, related)
    )
    used_unseen = sorted({e.parent for e in edges if e.parent in unseen})
    in_tree = {e.parent for e in edges} | {e.child for e in edges}
    unrelated = tuple(sorted(a.id for a in articles if a.id not in in_tree))
    related = explain_unplaced(related, in_tree, directions, weights, _edge_weight, _MIN_EDGE_WEIGHT)
    names = {u: f"an unseen {unseen[u][0].agency} original" for u in used_unseen}
    related = explain_between(related, edges, lambda node: names.get(node, node))
    forest = Forest(
        tuple(edges),
        tuple(unseen[u][0] for u in used_unseen),
        unrelated,
        tuple(related[k] for k in sorted(related)),
    )
    return forest, alignments
