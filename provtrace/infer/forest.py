"""Alignments + evidence -> derivation tree (networkx is used here and nowhere else).

For every related pair the direction is weighed from independent signals:
containment asymmetry (a derived text is largely contained in its source,
not the reverse), credits (an agency's own copy against an article citing
the agency), publication dates, loss of detail downstream (names, numbers
and quotations upstream has and downstream lacks) and syndication (an
agency's copy republished on another site). Each candidate edge parent ->
child is weighted by how much of the child the parent explains times the
probability of that direction; a maximum branching over those weights gives
the forest. An agency cited by two related articles that no article in the
folder represents becomes an unseen source when it explains them better.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from provtrace.align.core import PairResult, PairStats
from provtrace.infer import lineage
from provtrace.ingest.language import AGENCY_LANGUAGE
from provtrace.models import Alignment, Article, CreditKind, Edge, LinkKind, Relation, Unseen
from provtrace.wording import plural, possessive

#: Candidate edges weaker than this are not considered at all.
_MIN_EDGE_WEIGHT = 0.08
#: Direction probability from which a candidate parent counts in full.
_SURE_DIRECTION = 0.75
#: Weight of the edge from an unseen agency original to an article citing it.
_UNSEEN_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class _Direction:
    parent: str
    child: str
    probability: float  # that parent -> child is the true direction
    explained: float  # share of the child's content found in the parent
    evidence: tuple[str, ...]
    signals: tuple[tuple[float, str], ...] = ()  # (weight for parent -> child, text)
    reverse_explained: float = 0.0  # share of the parent's content found in the child

    def flipped(self, extra: Sequence[str]) -> _Direction:
        """The opposite direction, for when stronger evidence overrules this one."""
        signals = [(-w, t) for w, t in self.signals]
        return _orient(
            self.child,
            self.parent,
            1 - self.probability,
            self.reverse_explained,
            self.explained,
            signals,
            forward=True,
            extra=extra,
        )


@dataclass(frozen=True, slots=True)
class Forest:
    edges: tuple[Edge, ...]
    unseen: tuple[Unseen, ...]
    unrelated: tuple[str, ...]


def _agencies(article: Article, kind: CreditKind) -> dict[str, str]:
    return {c.agency: c.text for c in article.credits if c.kind is kind}


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _quote(text: str) -> str:
    return "“" + (text if len(text) <= 120 else text[:119] + "…") + "”"


_LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
}


def _weigh(a: Article, b: Article, stats: PairStats) -> _Direction:
    """Weigh the direction of a related pair from independent signals.

    Each signal adds to a score (positive: a is upstream of b) and leaves a
    sentence of evidence; evidence against the chosen direction is marked so.
    """
    signals: list[tuple[float, str]] = []
    b_in_a, a_in_b = stats.target_in_source, stats.source_in_target
    if abs(b_in_a - a_in_b) < 0.05:
        signals.append(
            (
                3.0 * (b_in_a - a_in_b),
                f"each holds about the same share of the other "
                f"({_pct(b_in_a)} of {b.id} is in {a.id}, {_pct(a_in_b)} of {a.id} is in {b.id})",
            )
        )
    else:
        up, down, x, y = (a, b, b_in_a, a_in_b) if b_in_a > a_in_b else (b, a, a_in_b, b_in_a)
        signals.append(
            (
                3.0 * (b_in_a - a_in_b),
                f"{_pct(x)} of {possessive(down.id)} content is found in "
                f"{up.id}, but only {_pct(y)} of {possessive(up.id)} is found in {down.id}",
            )
        )
    for up, down, sign in ((a, b, 1.0), (b, a, -1.0)):
        owned, cited = _agencies(up, CreditKind.OWNER), _agencies(down, CreditKind.CITES)
        down_owned = _agencies(down, CreditKind.OWNER)
        for agency in sorted(owned):
            if agency in cited and agency not in down_owned:
                signals.append(
                    (
                        sign * 1.5,
                        f"{up.id} carries {possessive(agency)} own credit "
                        f"({_quote(owned[agency])}); {down.id} cites {agency} ({_quote(cited[agency])})",
                    )
                )
            elif agency in down_owned and up.site is None and down.site:
                signals.append((sign * 0.5, f"{down.id} is {agency} copy republished by {down.site}"))
    if a.published and b.published and a.published != b.published:
        earlier, later = (a, b) if a.published < b.published else (b, a)
        signals.append(
            (
                0.5 if earlier is a else -0.5,
                f"{earlier.id} was published {earlier.published}, {later.id} {later.published}",
            )
        )
    translated = a.language is not None and b.language is not None and a.language != b.language
    if translated:
        # An agency's copy is first written in its service's language.
        credited = {c.agency for c in a.credits} & {c.agency for c in b.credits}
        for agency in sorted(credited):
            home = AGENCY_LANGUAGE.get(agency)
            if home is not None and home in (a.language, b.language):
                up, down = (a, b) if home == a.language else (b, a)
                signals.append(
                    (
                        1.0 if up is a else -1.0,
                        f"{agency} writes in {_LANGUAGE_NAMES.get(home, home)}, "
                        f"as {up.id} does; {down.id} is a translation",
                    )
                )
    # Loss of detail: within the sentences they share, the derived version
    # tends to drop exact figures, names and quoted words, rarely to add them.
    # (Across languages names and words are spelled differently: no evidence.)
    b_lacks, a_lacks = stats.target_lacks, stats.source_lacks
    total = b_lacks + a_lacks + stats.shared_anchors
    if total and b_lacks != a_lacks and not translated:
        up, down, lost, added = (a, b, b_lacks, a_lacks) if b_lacks > a_lacks else (b, a, a_lacks, b_lacks)
        signals.append(
            (
                2.0 * (b_lacks - a_lacks) / total,
                f"in the sentences they share, {down.id} lacks "
                f"{plural(lost, 'name, figure or quoted word', 'names, figures or quoted words')} "
                f"that {up.id} has ({up.id} lacks {added})",
            )
        )
    score = sum(weight for weight, _ in signals)
    if [x.text for x in a.sentences] == [x.text for x in b.sentences]:
        decided = "the other evidence decides" if score else "the first by name is shown as the parent"
        signals.append(
            (
                0.0,
                f"the story texts of {a.id} and {b.id} are identical: the text cannot tell "
                f"which came first, so {decided}",
            )
        )
    probability = 1 / (1 + math.exp(-2.5 * score))
    return _orient(a.id, b.id, probability, b_in_a, a_in_b, signals, forward=probability >= 0.5)


def _orient(
    a: str,
    b: str,
    probability: float,
    b_in_a: float,
    a_in_b: float,
    signals: Sequence[tuple[float, str]],
    *,
    forward: bool,
    extra: Sequence[str] = (),
) -> _Direction:
    """The direction a -> b (forward) or b -> a, its evidence marked for or against it.

    probability and signal weights are given for a -> b.
    """
    stored = tuple((w if forward else -w, t) for w, t in signals)  # for the chosen direction
    evidence = (*extra, *(t if w >= 0 or abs(w) < 0.15 else f"against: {t}" for w, t in stored))
    if forward:
        return _Direction(a, b, probability, b_in_a, evidence, stored, a_in_b)
    return _Direction(b, a, 1 - probability, a_in_b, evidence, stored, b_in_a)


def _relation(alignment: Alignment, parent: Article, child: Article, stats: PairStats) -> Relation:
    if parent.language and child.language and parent.language != child.language:
        return Relation.TRANSLATION
    n_child = len(child.sentences) or 1
    verbatim = sum(len(l.target) for l in alignment.links if l.kind is LinkKind.VERBATIM)
    close = sum(len(l.target) for l in alignment.links if l.kind is not LinkKind.PARAPHRASE)
    if stats.target_in_source >= 0.85 and verbatim / n_child >= 0.6 and close / n_child >= 0.8:
        if stats.source_in_target >= 0.8:
            if not alignment.added and not alignment.dropped and verbatim == n_child:
                return Relation.VERBATIM_COPY
            return Relation.NEAR_VERBATIM_COPY
        return Relation.EXCERPT
    # A summary is shorter and condenses its source: it adds little of its own.
    child_chars = sum(len(x.text) for x in child.sentences)
    parent_chars = sum(len(x.text) for x in parent.sentences) or 1
    if child_chars <= 0.8 * parent_chars and len(alignment.added) <= 0.2 * n_child:
        return Relation.SUMMARY
    return Relation.REWRITE


def _edge_weight(d: _Direction) -> float:
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


def infer_forest(
    articles: Sequence[Article],
    pairs: Mapping[tuple[str, str], PairResult],
    profiles: Mapping[str, lineage.Profile],
    stems: Mapping[str, Sequence[Sequence[str]]],
) -> tuple[Forest, dict[tuple[str, str], Alignment]]:
    """The derivation forest, and the alignment (parent side first) of each edge.

    profiles gives each article's distinctive stems and their rarity weights;
    stems the content stems of each of its sentences (both from align_pairs).
    """
    import networkx as nx

    by_id = {a.id: a for a in articles}
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(by_id))
    directions: dict[tuple[str, str], _Direction] = {}
    weights: dict[tuple[str, str], float] = {}
    for a_id, b_id in sorted(pairs):
        result = pairs[a_id, b_id]
        d = _weigh(by_id[a_id], by_id[b_id], result.stats)
        directions[d.parent, d.child] = d
        weight = _edge_weight(d)
        if weight >= _MIN_EDGE_WEIGHT:
            weights[d.parent, d.child] = round(weight, 6)
    twins = lineage.prefer_originals_over_twins(weights, directions, pairs)
    for (parent, child), weight in sorted(weights.items()):
        graph.add_edge(parent, child, weight=weight)
    # Unseen agency originals: cited by two or more related articles, owned by none.
    related = {x for pair in pairs for x in pair}
    owners = {c.agency for a in articles for c in a.credits if c.kind is CreditKind.OWNER}
    unseen: dict[str, Unseen] = {}
    for agency in sorted({c.agency for a in articles for c in a.credits} - owners):
        citers = sorted(
            a.id for a in articles if a.id in related and agency in _agencies(a, CreditKind.CITES)
        )
        linked = [c for c in citers if any((c, o) in pairs or (o, c) in pairs for o in citers)]
        if len(linked) >= 2:
            node = f"unseen:{_slug(agency)}"
            unseen[node] = Unseen(node, f"{agency} original, not in folder", agency)
            for c in linked:
                graph.add_edge(node, c, weight=_UNSEEN_WEIGHT)
    while True:
        branching = nx.maximum_branching(graph, attr="weight", preserve_attrs=True)
        idle = [u for u in unseen if u in graph and branching.out_degree(u) < 2]
        if not idle:
            break
        graph.remove_nodes_from(idle)
    parent_of = {child: parent for parent, child in branching.edges()}
    moved = lineage.refine(
        parent_of,
        profiles,
        lineage.Pairs(pairs, stems),
        by_id,
        lambda x, y: (x, y) in directions and directions[x, y].probability > 0.5,
    )
    for child, (evidence, _) in sorted(moved.items()):
        parent = parent_of[child]
        known = directions.get((parent, child))
        if known is None:
            directions[parent, child] = directions[child, parent].flipped([evidence])
        else:
            directions[parent, child] = replace(known, evidence=(evidence, *known.evidence))
    edges: list[Edge] = []
    alignments: dict[tuple[str, str], Alignment] = {}
    for child, parent in sorted(parent_of.items(), key=lambda item: (item[1], item[0])):
        if parent in unseen:
            agency = unseen[parent].agency
            cited = _agencies(by_id[child], CreditKind.CITES)[agency]
            edges.append(
                Edge(
                    parent,
                    child,
                    Relation.UNSEEN_SOURCE,
                    0.6,
                    (
                        f"{child} cites {agency} ({_quote(cited)})",
                        f"no article in the folder carries {possessive(agency)} own credit, and {child} "
                        "shares content with other articles citing it that neither explains",
                    ),
                )
            )
            continue
        d = directions[parent, child]
        key = (parent, child) if (parent, child) in pairs else (child, parent)
        result = pairs[key]
        alignment = result.alignment if key == (parent, child) else result.alignment.reversed()
        stats = result.stats if key == (parent, child) else result.stats.flipped()
        if child in moved and moved[child][1]:
            # Inherited changes overrule a closer-looking grandparent; they are strong evidence.
            margin = 1.0
            probability = max(d.probability, 0.75)
        else:
            # A near-identical twin of the parent is no rival: it carries the same text.
            rivals = [
                w
                for (u, v, w) in graph.in_edges(child, data="weight")
                if u != parent and frozenset((u, parent)) not in twins
            ]
            best = graph[parent][child]["weight"] if graph.has_edge(parent, child) else _edge_weight(d)
            margin = max(0.0, 1.0 - 0.5 * (max(rivals) / best if rivals else 0.0))
            probability = d.probability
        confidence = round(min(1.0, probability * margin * min(1.0, 0.5 + d.explained)), 2)
        relation = _relation(alignment, by_id[parent], by_id[child], stats)
        edges.append(Edge(parent, child, relation, confidence, d.evidence))
        alignments[parent, child] = alignment
    used_unseen = sorted({e.parent for e in edges if e.parent in unseen})
    in_tree = {e.parent for e in edges} | {e.child for e in edges}
    unrelated = tuple(sorted(a.id for a in articles if a.id not in in_tree))
    forest = Forest(tuple(edges), tuple(unseen[u] for u in used_unseen), unrelated)
    return forest, alignments
