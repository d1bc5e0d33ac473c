"""What several report formats share: the walk of the forest, headline sentences.

Strings returned here may hold article-derived text (ids, titles): each
renderer escapes them for its format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from provtrace.models import (
    Alignment,
    Article,
    Change,
    CreditKind,
    Derivation,
    Edge,
    Link,
    Related,
    Relation,
    Trace,
)
from provtrace.render.rows import NOT_MATCHED, ONLY_LEFT, ONLY_RIGHT, ChangeCounts, count_changes
from provtrace.wording import AGAINST, indefinite, order_unknown, plural


@dataclass(frozen=True, slots=True)
class Node:
    """One node of the forest in display order; edge is None for a root."""

    id: str
    depth: int
    edge: Edge | None
    article: Article | None  # None for an unseen source
    label: str | None = None  # the unseen source's label


def roots(trace: Trace) -> list[str]:
    """Ids that head a tree: parents that are nobody's child, in id order."""
    children = {e.child for e in trace.edges}
    return sorted({e.parent for e in trace.edges} - children)


def walk(trace: Trace) -> Iterator[Node]:
    """Every node of the forest, depth first, children in id order (unrelated excluded)."""
    unseen = {u.id: u.label for u in trace.unseen}

    def visit(node_id: str, depth: int, edge: Edge | None) -> Iterator[Node]:
        yield Node(node_id, depth, edge, trace.article(node_id), unseen.get(node_id))
        for child in sorted((e for e in trace.edges if e.parent == node_id), key=lambda e: e.child):
            yield from visit(child.child, depth + 1, child)

    for root in roots(trace):
        yield from visit(root, 0, None)


def node_kind(trace: Trace, article_id: str) -> str:
    """The role of an article in the graph: source, derived, undecided (in the tree by edges whose
    direction the texts cannot tell, and by no edge from a source known to come first), outside
    (in no edge but related to another text) or unrelated."""
    if article_id in trace.unrelated:
        return "outside" if any(article_id in (r.a, r.b) for r in trace.related) else "unrelated"
    above = [e for e in trace.edges if e.child == article_id]
    if any(e.direction_known for e in above):
        return "derived"
    below = [e for e in trace.edges if e.parent == article_id]
    if above or (below and not any(e.direction_known for e in below)):
        return UNDECIDED
    return "source"


def outside_tree(trace: Trace) -> tuple[list[str], list[str]]:
    """The articles in no edge of the tree: those related to no other text (unrelated), and those
    related to some but placed under none (written independently, or derived too weakly to draw)."""
    related = {x for r in trace.related for x in (r.a, r.b)}
    return [i for i in trace.unrelated if i not in related], [i for i in trace.unrelated if i in related]


def independent_pairs(trace: Trace) -> list[Related]:
    """The related pairs judged written independently: no edges, but worth saying."""
    return [r for r in trace.related if r.judgement is Derivation.INDEPENDENT]


def unplaced_pairs(trace: Trace) -> list[Related]:
    """The pairs judged derived of which a text is in no edge (their evidence says why)."""
    outside = set(trace.unrelated)
    return [r for r in trace.related if r.judgement is Derivation.DERIVED and {r.a, r.b} & outside]


def pairs_not_drawn(trace: Trace) -> list[tuple[Related, str]]:
    """The related pairs the tree does not draw that reports list, each with what it is:
    'written independently', or 'derived, not drawn' (see unplaced_pairs)."""
    out = [(r, "written independently") for r in independent_pairs(trace)]
    return out + [(r, "derived, not drawn") for r in unplaced_pairs(trace)]


#: Headings of the lists of articles outside the tree, and of the related pairs not drawn in it.
UNRELATED_HEADING = "Unrelated (shares no meaningful content with the others):"
OUTSIDE_HEADING = "Related to others, but not in the tree (see the pairs below):"
INDEPENDENT_HEADING = "Same story, written independently (related, but neither copies the other):"
UNPLACED_HEADING = "Judged derived, but not drawn in the tree:"


def outside_lists(trace: Trace) -> list[tuple[str, list[str]]]:
    """What the text, Markdown and HTML reports list of the articles in no edge, as (heading, ids),
    the empty lists left out (see outside_tree)."""
    unrelated, outside = outside_tree(trace)
    return [
        (heading, ids) for heading, ids in ((UNRELATED_HEADING, unrelated), (OUTSIDE_HEADING, outside)) if ids
    ]


def pair_lists(trace: Trace) -> list[tuple[str, list[Related]]]:
    """What those reports list of the related pairs that are no tree edges, as (heading, pairs),
    the empty lists left out: those written independently, then those derived but not drawn."""
    lists = ((INDEPENDENT_HEADING, independent_pairs(trace)), (UNPLACED_HEADING, unplaced_pairs(trace)))
    return [(heading, pairs) for heading, pairs in lists if pairs]


def summary_line(trace: Trace) -> str:
    """'5 articles · 3 derivations · 0 unseen sources · 1 unrelated' (· 'N related, not in the tree')."""
    unrelated, outside = outside_tree(trace)
    line = (
        f"{plural(len(trace.articles), 'article')} · {plural(len(trace.edges), 'derivation')} · "
        f"{plural(len(trace.unseen), 'unseen source')} · {len(unrelated)} unrelated"
    )
    return line + (f" · {len(outside)} related, not in the tree" if outside else "")


def credit_notes(article: Article) -> list[str]:
    """'AFP copy' for an agency's own credit, 'cites AFP' for a citation."""
    owned = {c.agency for c in article.credits if c.kind is CreditKind.OWNER}
    notes: list[str] = []
    for credit in article.credits:
        note = f"{credit.agency} copy" if credit.kind is CreditKind.OWNER else f"cites {credit.agency}"
        if (credit.kind is CreditKind.OWNER or credit.agency not in owned) and note not in notes:
            notes.append(note)
    return notes


def meta(article: Article) -> list[str]:
    """Sentence count, date, site and credits of an article, for a one-line summary."""
    parts = [plural(len(article.sentences), "sentence")]
    if article.published:
        parts.append(f"published {article.published}")
    if article.site:
        parts.append(article.site)
    return parts + credit_notes(article)


def edge_counts(trace: Trace, edge: Edge) -> tuple[Alignment, Article, Article, ChangeCounts] | None:
    """The alignment, parent, child and change counts of an edge (None for an unseen parent)."""
    alignment = trace.alignment(edge.parent, edge.child)
    parent, child = trace.article(edge.parent), trace.article(edge.child)
    if alignment is None or parent is None or child is None:
        return None
    unmatched = trace.unlinked_may_be_translated(parent, child)
    return alignment, parent, child, count_changes(alignment, parent, child, unmatched)


def unlinked_columns(counts: Iterable[ChangeCounts]) -> tuple[str, str, bool]:
    """The headings of a table's columns counting the child's and the parent's sentences no link
    holds, and whether each cell must say which it counts: as usual where every row's are added
    and dropped, "Not matched" where every row's are not matched (ChangeCounts.unmatched), "Only on
    the right/left" for a pair neither of which derives from the other (ChangeCounts.pair), and
    both words where rows differ."""
    counts = list(counts)
    kinds = {c.unmatched for c in counts}
    if True not in kinds:
        if counts and all(c.pair for c in counts):
            return ONLY_RIGHT.capitalize(), ONLY_LEFT.capitalize(), False
        return "Added", "Dropped from source", False
    if False not in kinds:
        return NOT_MATCHED.capitalize(), f"{NOT_MATCHED.capitalize()} in source", False
    return f"Added or {NOT_MATCHED}", f"Dropped from or {NOT_MATCHED} in source", True


def evidence_label(item: str) -> tuple[str, str]:
    """A line of evidence as a report labels it: ("why", item), or ("against", the rest) for one
    arguing against the conclusion, so that it never reads "why: against: …"."""
    if item.startswith(AGAINST):
        return "against", item[len(AGAINST) :]
    return "why", item


#: What stands between two sentences of one side of a link that are not next to each other in
#: their article, so that a merge of sentences 11, 12 and 14 never reads as one passage.
GAP = "[…]"


def link_text(article: Article, indices: Sequence[int], gaps: bool = True) -> str:
    """One side of a link (or a lone sentence) as reports show it: its sentences in order, with GAP
    between two that are not neighbours when gaps (an altered link's word diff is read without:
    the marker would be a word of it)."""
    kept = [i for i in indices if 0 <= i < len(article.sentences)]
    out: list[str] = []
    for n, i in enumerate(kept):
        if gaps and n and i != kept[n - 1] + 1:
            out.append(GAP)
        out.append(article.sentences[i].text)
    return " ".join(out)


def flips(changes: tuple[Change, ...]) -> str:
    """The meaning flips of a link as shown beside it: "negation · number", or ""."""
    return " · ".join(change.value for change in changes)


def pct(share: float) -> str:
    """A share as a whole percentage."""
    return f"{round(100 * share)}%"


def _between(trace: Trace) -> list[Edge]:
    """The edges joining a diff's two texts (none, or one)."""
    alignment = trace.alignments[0]
    return [e for e in trace.edges if {e.parent, e.child} == {alignment.source, alignment.target}]


def diff_heading(pair: bool, parent: str, child: str) -> str:
    """A diff's heading: the version compared with its source, or (pair: compared_as_pair) two texts
    set side by side named as they stand, left then right."""
    return f"{parent} compared with {child}" if pair else f"{child} compared with {parent}"


def compared_as_pair(trace: Trace) -> bool:
    """Whether a diff's two texts are only set side by side: no edge joins them, or one whose
    direction the texts cannot tell, so neither is known to be the source of the other, and what
    no link holds is only on one side (ONLY_LEFT)."""
    between = _between(trace)
    return not between or not between[0].direction_known


#: What reports say beside an unseen source's name.
UNSEEN_NOTE = "not among the articles traced"


def node_name(trace: Trace, node: str) -> str:
    """A tree node as prose names it: the article's id, or "an unseen Reuters original"."""
    agency = next((u.agency for u in trace.unseen if u.id == node), None)
    return node if agency is None else f"an unseen {agency} original"


def direction(trace: Trace) -> str:
    """For a diff: which side is shown as the source, and what the inference says."""
    alignment = trace.alignments[0]
    source, target = alignment.source, alignment.target
    between = _between(trace)
    if between and not between[0].direction_known:
        edge = between[0]
        said = order_unknown(edge.parent, edge.child)
        shown = "only to set them side by side" if edge.parent == source else "as asked"
        return (
            f"{said[:1].upper()}{said[1:]}: one is {indefinite(str(edge.relation))} of the other "
            f"(confidence {edge.confidence:.2f}); {source} is shown as the source {shown}."
        )
    if between and between[0].parent == source:
        edge = between[0]
        return f"{relation_sentence(trace, edge)} (confidence {edge.confidence:.2f})."
    if between:
        edge = between[0]
        return (
            f"{source} is shown as the source as asked, but provtrace infers the opposite: "
            f"{relation_sentence(trace, edge)} (confidence {edge.confidence:.2f})."
        )
    shared = sorted(
        {e.parent for e in trace.edges if e.child == source}
        & {e.parent for e in trace.edges if e.child == target}
    )
    side = f"they are set side by side, {source} on the left and {target} on the right."
    if shared:
        return f"Neither derives from the other: both derive from {node_name(trace, shared[0])}; {side}"
    return f"provtrace finds no derivation between them; {side}"


def unseen_agency(trace: Trace, edge: Edge) -> str | None:
    """The agency of the unseen original an edge derives from, or None for a parent in the folder."""
    if edge.relation is not Relation.UNSEEN_SOURCE:
        return None
    return next((u.agency for u in trace.unseen if u.id == edge.parent), edge.parent)


#: Beside the relation of an edge whose direction the texts cannot tell (Edge.direction_known).
ORDER_UNKNOWN = "order unknown"
#: The graph formats' kind of a node placed in the tree by such edges alone (node_kind).
UNDECIDED = "undecided"
#: Beside a tree edge's parent named in a table, where which of it and the child came first cannot be told.
AS_DRAWN = "as drawn"


#: Relations that could hold the other way round: an excerpt or a summary is the shorter text.
_EITHER_WAY = frozenset(
    {Relation.VERBATIM_COPY, Relation.NEAR_VERBATIM_COPY, Relation.REWRITE, Relation.TRANSLATION}
)


def order_note(edge: Edge) -> str:
    """What follows an edge's relation, named alone (a table cell, a label), where the texts cannot
    tell its direction: " (order unknown)"; else nothing."""
    return "" if edge.direction_known else f" ({ORDER_UNKNOWN})"


def or_reverse(edge: Edge, name: Callable[[str], str] = str) -> str:
    """What follows an edge's relation where its direction cannot be told from the texts, so that
    no format states a direction the inference did not find: ", or a of b (order unknown)", or
    ", or a derives from b (order unknown)" where the relation holds one way only (an excerpt)."""
    if edge.direction_known or edge.relation is Relation.UNSEEN_SOURCE:
        return ""
    if edge.relation in _EITHER_WAY:
        return f", or {name(edge.parent)} of {name(edge.child)} ({ORDER_UNKNOWN})"
    return f", or {name(edge.parent)} derives from {name(edge.child)} ({ORDER_UNKNOWN})"


def only_in(edge: Edge, counts: ChangeCounts) -> tuple[str, str] | None:
    """What a table's cells call the child's and the parent's sentences no link holds where the
    edge's direction cannot be told: ("only in c", "only in b"), as neither is added nor dropped
    (else None: the column headings say it; not matched sentences keep that name)."""
    if edge.direction_known or counts.unmatched:
        return None
    return f"only in {edge.child}", f"only in {edge.parent}"


def unknown_below(trace: Trace, node: str) -> list[str]:
    """The children of a node whose edge's direction the texts cannot tell, by id: the node is
    their parent only to draw the tree."""
    return sorted(e.child for e in trace.edges if e.parent == node and not e.direction_known)


def relation_of(trace: Trace, edge: Edge, name: Callable[[str], str] = str) -> str:
    """'rewrite of wire-original', or 'derived from an unseen Reuters original'; name escapes names.
    An edge of unknown direction says so: 'near-verbatim copy of a, or a of b (order unknown)'."""
    agency = unseen_agency(trace, edge)
    if agency is not None:
        return f"derived from an unseen {name(agency)} original"
    return f"{edge.relation} of {name(edge.parent)}{or_reverse(edge, name)}"


def relation_sentence(trace: Trace, edge: Edge, name: Callable[[str], str] = str) -> str:
    """'b is a rewrite of a', 'b is an excerpt of a', 'b is derived from an unseen Reuters original'."""
    phrase = relation_of(trace, edge, name)
    return f"{name(edge.child)} is {phrase if unseen_agency(trace, edge) else indefinite(phrase)}"


def link_count(links: Sequence[Link]) -> str:
    """How many links, and how many of the child's sentences they cover where those differ
    ("11 links, 12 sentences": a merge or split links several sentences at once), so that a
    heading's count agrees with the sentence counts of the summary."""
    sentences = sum(len(link.target) for link in links)
    if sentences == len(links):
        return str(len(links))
    return f"{len(links)} links, {sentences} sentences"
