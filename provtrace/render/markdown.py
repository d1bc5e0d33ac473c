"""A Markdown report a fact-checker can paste: tree, per-edge table, changed sentences.

Every piece of article text goes through escape.markdown: metacharacters are
backslash-escaped (HTML tags and table pipes included) and kept on one line.
Word changes inside altered sentences are ~~struck~~ on the parent's side and
**bold** on the child's.
"""

from __future__ import annotations

from collections.abc import Iterator

from provtrace.models import Alignment, Article, Edge, LinkKind, Related, Trace
from provtrace.render import RenderOptions
from provtrace.render.common import (
    AS_DRAWN,
    UNSEEN_NOTE,
    Node,
    compared_as_pair,
    diff_heading,
    direction,
    edge_counts,
    evidence_label,
    flips,
    link_count,
    link_text,
    meta,
    node_name,
    only_in,
    or_reverse,
    order_note,
    outside_lists,
    pair_lists,
    pct,
    summary_line,
    unknown_below,
    unlinked_columns,
    unseen_agency,
    walk,
)
from provtrace.render.escape import markdown as md
from provtrace.render.rows import (
    NOT_MATCHED,
    NOT_MATCHED_WHY,
    PARTIAL,
    ChangeCounts,
    Row,
    RowKind,
    count_changes,
    row_label,
    rows,
)
from provtrace.render.worddiff import Op, Segment, join, word_diff
from provtrace.wording import indefinite

#: Said once beside the sentences not matched (see provtrace.render.rows).
_NOT_MATCHED_NOTE = f"*{NOT_MATCHED.capitalize()}*: {md(NOT_MATCHED_WHY)}."
#: What the summary table's counts are, where some edge's unlinked sentences are added and dropped ...
_COUNTS_ARE = (
    "Verbatim, altered, paraphrased and added count the version's sentences, as a share "
    "of the version; dropped counts the sentences of its source it left out, as a share of the source."
)
#: ... and where an edge's direction cannot be told, what its row counts instead.
_COUNTS_ONLY_IN = (
    "On a row whose order is unknown, the last two columns count the sentences only in the version "
    "and only in the parent as drawn, neither added nor dropped."
)
#: ... and where every edge's are not matched.
_COUNTS_ARE_UNMATCHED = (
    f"Verbatim, altered, paraphrased and {NOT_MATCHED} count the version's sentences, as a share "
    f"of the version; {NOT_MATCHED} in source counts the sentences of its source matched to none "
    "of the version's, as a share of the source."
)


def _refs(indices: tuple[int, ...]) -> str:
    return "+".join(str(i) for i in indices)


def _marked(old: str, new: str, side: Op) -> str:
    """One side of a word diff: the parent's with deletions struck, or the child's with insertions bold."""
    out: list[tuple[Segment, str]] = []
    for seg in word_diff(old, new):
        if seg.op is Op.SAME:
            out.append((seg, md(seg.spelled(side))))
        elif seg.op is side:
            out.append((seg, f"~~{md(seg.text)}~~" if side is Op.DELETE else f"**{md(seg.text)}**"))
    return join(out)


def _title(article: Article | None) -> str:
    return f" “{md(article.title)}”" if article is not None and article.title else ""


def _count_head(counts: list[ChangeCounts]) -> str:
    added, dropped, _ = unlinked_columns(counts)
    return f"| Verbatim | Altered | Paraphrased | {added} | {dropped} |"


def _counts_cells(c: ChangeCounts, named: bool = False, only: tuple[str, str] | None = None) -> str:
    """The counts of one row; named: the unlinked cells say what they count (see unlinked_columns);
    only: what they count instead, for an edge of unknown direction (common.only_in)."""
    cells = [f"{n} ({pct(c.share(n))})" for n in (c.verbatim, c.altered, c.paraphrased)]
    added, dropped = (f" {c.added_word}", f" {c.dropped_word}") if named else ("", "")
    if only is not None:
        added, dropped = (f" {md(word)}" for word in only)
    cells += [
        f"{c.added}{added} ({pct(c.share(c.added))})",
        f"{c.dropped}{dropped} ({pct(c.share(c.dropped, of_parent=True))})",
    ]
    return "| " + " | ".join(cells) + " |"


def _tree_line(trace: Trace, node: Node) -> str:
    indent = "  " * node.depth
    if node.article is None:
        return f"{indent}- **{md(node_name(trace, node.id))}** — {UNSEEN_NOTE}"
    line = f"{indent}- **{md(node.id)}**{_title(node.article)} — "
    if node.edge is None:
        unknown = unknown_below(trace, node.id)
        line += "the source"
        if unknown:
            line += f" as drawn (which of it and {', '.join(map(md, unknown))} came first cannot be told)"
    else:
        e = node.edge
        line += f"{_relation(trace, e)}, confidence {e.confidence:.2f}"
    return line + " · " + " · ".join(md(m) for m in meta(node.article))


def _summary_table(trace: Trace) -> Iterator[str]:
    edges = [node.edge for node in walk(trace) if node.edge is not None]
    found = {(e.parent, e.child): edge_counts(trace, e) for e in edges}
    counts = [f[3] for f in found.values() if f is not None]
    named = unlinked_columns(counts)[2]
    yield f"| Version | Derived from | Relation | Confidence {_count_head(counts)}"
    yield "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for e in edges:
        f = found[e.parent, e.child]
        cells = _counts_cells(f[3], named, only_in(e, f[3])) if f else "| — | — | — | — | — |"
        parent = md(node_name(trace, e.parent) + ("" if e.direction_known else f" ({AS_DRAWN})"))
        relation = md(f"{e.relation}{order_note(e)}")
        yield f"| {md(e.child)} | {parent} | {relation} | {e.confidence:.2f} {cells}"
    yield ""
    note = _COUNTS_ARE_UNMATCHED if counts and all(c.unmatched for c in counts) else _COUNTS_ARE
    if any(only_in(e, f[3]) for e in edges if (f := found[e.parent, e.child]) is not None):
        note += f" {_COUNTS_ONLY_IN}"
    yield note


def _changed(
    alignment: Alignment, parent: Article, child: Article, unmatched: bool, known: bool = True
) -> Iterator[str]:
    """An edge's changed sentences; known: its direction is known (else what no link holds is
    only in one text: neither added nor dropped)."""
    groups = (
        (LinkKind.ALTERED, "Altered — same sentence, words changed"),
        (LinkKind.PARAPHRASE, "Paraphrased — same content, other words"),
    )
    for kind, heading in groups:
        links = sorted((l for l in alignment.links if l.kind is kind), key=lambda l: l.target)
        if not links:
            continue
        yield f"#### {heading} ({link_count(links)})"
        yield ""
        for link in links:
            gaps = kind is not LinkKind.ALTERED
            old, new = link_text(parent, link.source, gaps), link_text(child, link.target, gaps)
            partial = f" ({PARTIAL})" if link.partial else ""
            flipped = f" · **{flips(link.changes)}**" if link.changes else ""
            yield f"- **[{_refs(link.source)} → {_refs(link.target)}]**{partial}{flipped}"
            if kind is LinkKind.ALTERED:
                yield f"  - {md(parent.id)}: {_marked(old, new, Op.DELETE)}"
                yield f"  - {md(child.id)}: {_marked(old, new, Op.INSERT)}"
            else:
                yield f"  - {md(parent.id)}: {md(old)}"
                yield f"  - {md(child.id)}: {md(new)}"
        yield ""
    for label, indices, article in (
        (f"Added by {md(child.id)}" if known else f"Only in {md(child.id)}", alignment.added, child),
        (f"Dropped from {md(parent.id)}" if known else f"Only in {md(parent.id)}", alignment.dropped, parent),
    ):
        if indices:
            label = f"{NOT_MATCHED.capitalize()} in {md(article.id)}" if unmatched else label
            yield f"#### {label} ({len(indices)})"
            yield ""
            yield from (f"- [{i}] {md(link_text(article, (i,)))}" for i in indices)
            yield ""


def _relation(trace: Trace, edge: Edge) -> str:
    """'*rewrite* of wire-original', or '*derived from* an unseen Reuters original'."""
    agency = unseen_agency(trace, edge)
    if agency is not None:
        return f"*derived from* an unseen {md(agency)} original"
    return f"*{md(edge.relation)}* of {md(edge.parent)}{or_reverse(edge, md)}"


def _edge_section(trace: Trace, edge: Edge, options: RenderOptions) -> Iterator[str]:
    arrow = "←" if edge.direction_known else "↔"  # ↔: which came first cannot be told
    yield f"### {md(edge.child)} {arrow} {md(node_name(trace, edge.parent))}"
    yield ""
    relation = _relation(trace, edge)
    a = "" if unseen_agency(trace, edge) else indefinite(edge.relation).split(" ")[0] + " "
    confidence = f"confidence {edge.confidence:.2f}"
    # "… (order unknown), confidence 0.45." rather than two brackets in a row.
    said = f" ({confidence})." if edge.direction_known else f", {confidence}."
    yield f"{md(edge.child)} is {a}{relation}{said}"
    yield ""
    if edge.evidence:
        yield "Why:"
        yield ""
        yield from (f"- {md(item)}" for item in edge.evidence)
        yield ""
    found = edge_counts(trace, edge)
    if found is None:
        yield "The source is not among the articles traced: there is no text to compare."
        yield ""
    elif found[3].unmatched:
        yield _NOT_MATCHED_NOTE
        yield ""
    if found is not None and not options.brief:
        yield from _changed(*found[:3], found[3].unmatched, edge.direction_known)


def _pairs(heading: str, pairs: list[Related]) -> list[str]:
    """Related pairs that are no tree edges, each with its probability of copying and why."""
    lines = ["", heading, ""]
    for r in pairs:
        lines.append(f"- **{md(r.a)}** · **{md(r.b)}** · probability of copying {r.probability:.2f}")
        lines += [f"  - {label}: {md(item)}" for label, item in map(evidence_label, r.evidence)]
    return lines


def render_markdown(trace: Trace, options: RenderOptions) -> str:
    """The derivation forest as a Markdown report."""
    lines = ["# Provenance report", "", summary_line(trace), "", "## Derivation tree", ""]
    lines += [_tree_line(trace, node) for node in walk(trace)]
    if not trace.edges:
        lines.append("No article derives from another.")
    for heading, ids in outside_lists(trace):
        lines += ["", heading, ""]
        lines += [f"- **{md(i)}**{_title(trace.article(i))}" for i in ids]
    for heading, pairs in pair_lists(trace):
        lines += _pairs(heading, pairs)
    if trace.edges:
        lines += ["", "## What each version changed", "", *_summary_table(trace), ""]
        for node in walk(trace):
            if node.edge is not None:
                lines += list(_edge_section(trace, node.edge, options))
    return "\n".join(lines).rstrip("\n") + "\n"


def _diff_row(row: Row, parent: Article, child: Article, pair: bool = False) -> str:
    """One row of the side-by-side table: the change, then each side's numbers and text."""
    gaps = row.kind is not RowKind.ALTERED
    old, new = link_text(parent, row.source, gaps), link_text(child, row.target, gaps)
    if row.kind is RowKind.ALTERED:
        left, right = _marked(old, new, Op.DELETE), _marked(old, new, Op.INSERT)
    else:
        left, right = md(old), md(new)
    kind = row_label(row.kind, pair)
    kind += f" ({PARTIAL})" if row.partial else ""
    kind += f" · **{flips(row.changes)}**" if row.changes else ""
    return f"| {kind} | {_refs(row.source)} | {left} | {_refs(row.target)} | {right} |"


def render_markdown_diff(trace: Trace, options: RenderOptions) -> str:
    """Two articles side by side as a Markdown table, sentence by sentence."""
    alignment = trace.alignments[0]
    parent, child = trace.article(alignment.source), trace.article(alignment.target)
    assert parent is not None and child is not None

    pair = compared_as_pair(trace)
    heading = diff_heading(pair, parent=md(parent.id), child=md(child.id))
    lines = [f"# {heading}", "", md(direction(trace)), ""]
    roles = ("Left", "Right") if pair else ("Source", "Version")
    for role, article in zip(roles, (parent, child), strict=True):
        lines.append(
            f"- {role}: **{md(article.id)}**{_title(article)} · " + " · ".join(md(m) for m in meta(article))
        )
    counts = count_changes(alignment, parent, child, trace.unlinked_may_be_translated(parent, child), pair)
    lines += ["", _count_head([counts]), "| ---: | ---: | ---: | ---: | ---: |", _counts_cells(counts), ""]
    lines += [_NOT_MATCHED_NOTE, ""] if counts.unmatched else []
    lines += [f"| Change | # | {md(parent.id)} | # | {md(child.id)} |", "| --- | ---: | --- | ---: | --- |"]
    lines += [_diff_row(row, parent, child, pair) for row in rows(alignment, counts.unmatched)]
    return "\n".join(lines) + "\n"
