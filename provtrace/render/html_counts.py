"""The HTML report's sentence counts: each version's counts and bar, the table of every edge's, the
bars' legend, and the note beside sentences not matched (see provtrace.render.rows).

Every string that comes from an article (an id) is html.escape'd, as in provtrace.render.html.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from html import escape

from provtrace.models import Edge, Trace
from provtrace.render.common import (
    AS_DRAWN,
    edge_counts,
    node_name,
    only_in,
    order_note,
    pct,
    unlinked_columns,
    unseen_agency,
    walk,
)
from provtrace.render.escape import one_line
from provtrace.render.rows import NOT_MATCHED, NOT_MATCHED_WHY, ChangeCounts
from provtrace.render.svg import relation_class

#: Said once beside the counts of sentences not matched.
NOT_MATCHED_NOTE = f'<p class="note"><b>{NOT_MATCHED.capitalize()}:</b> {escape(NOT_MATCHED_WHY)}.</p>'

_BAR_LEGEND = (
    '<div class="legend barcol">Each bar is one version’s sentences:'
    '<span><i class="swatch k-verbatim"></i>verbatim (the same words)</span>'
    '<span><i class="swatch k-altered"></i>altered (some words changed)</span>'
    '<span><i class="swatch k-paraphrase"></i>paraphrased (same content, other words)</span>'
)
_BAR_ADDED = '<span><i class="swatch k-added"></i>added (not in the source)</span>'
#: ... where some edge's direction cannot be told.
_BAR_ADDED_OR_ONLY = (
    '<span><i class="swatch k-added"></i>added (not in the source; where which came first cannot be '
    "told, only in the version)</span>"
)
_BAR_UNMATCHED = (
    f'<span><i class="swatch k-unmatched"></i>{NOT_MATCHED} (to any sentence of a source in another '
    "language: it may be translated)</span>"
)


def escaped(text: str) -> str:
    """text on one line, escaped for HTML text and attributes."""
    return escape(one_line(text), quote=True)


def id_span(article_id: str) -> str:
    """An article id as HTML shows it."""
    return f'<span class="id">{escaped(article_id)}</span>'


def source_html(trace: Trace, edge: Edge) -> str:
    """An edge's parent as the page names it: its id, or an unseen one as prose does ("an unseen
    Reuters original")."""
    if unseen_agency(trace, edge) is None:
        return id_span(edge.parent)
    return escaped(node_name(trace, edge.parent))


def as_shown(edge: Edge, c: ChangeCounts) -> ChangeCounts:
    """An edge's counts as its bar and its own counts show them: of unknown direction, what no link
    holds is only on one side ("only on the right"), as its side-by-side sets the two texts."""
    return c if edge.direction_known else replace(c, pair=True)


def bar(c: ChangeCounts) -> str:
    """The version's sentences as a bar of verbatim, altered, paraphrased and added (or not matched)."""
    parts = [
        ("verbatim", c.verbatim),
        ("altered", c.altered),
        ("paraphrase", c.paraphrased),
        ("unmatched" if c.unmatched else "added", c.added),
    ]
    spans = "".join(
        f'<span class="k-{kind}" style="width:{100 * c.share(n):.1f}%"></span>' for kind, n in parts if n
    )
    label = (
        f"{c.verbatim} verbatim, {c.altered} altered, {c.paraphrased} paraphrased, {c.added} {c.added_word} "
        f"of {c.child_sentences} sentences"
    )
    return f'<div class="bar" role="img" aria-label="{label}" title="{label}">{spans}</div>'


def counts(c: ChangeCounts) -> str:
    """The version's counts in words, each with its share and the swatch of its colour."""
    items = [
        ("verbatim", "verbatim", c.verbatim, c.share(c.verbatim)),
        ("altered", "altered", c.altered, c.share(c.altered)),
        ("paraphrase", "paraphrased", c.paraphrased, c.share(c.paraphrased)),
        ("unmatched" if c.unmatched else "added", c.added_word, c.added, c.share(c.added)),
    ]
    out = [
        f'<span><i class="swatch k-{k}"></i> <b>{n}</b> {label} ({pct(s)})</span>' for k, label, n, s in items
    ]
    side = "the left’s" if c.pair else "the source’s"
    out.append(
        f'<span><i class="swatch k-{"unmatched" if c.unmatched else "dropped"}"></i> <b>{c.dropped}</b> '
        f"of {side} {c.parent_sentences} sentences {c.dropped_word} "
        f"({pct(c.share(c.dropped, of_parent=True))})</span>"
    )
    return '<div class="counts">' + "".join(out) + "</div>"


def bar_legend(counted: list[tuple[Edge, ChangeCounts]]) -> str:
    """The legend of the bars: with added, not matched, or both, as the edges' counts have them,
    and what added is on an edge whose direction cannot be told (only in the version)."""
    kinds = {c.unmatched for _, c in counted} or {False}
    added = ""
    if False in kinds:
        added = _BAR_ADDED_OR_ONLY if any(only_in(e, c) for e, c in counted) else _BAR_ADDED
    return _BAR_LEGEND + added + (_BAR_UNMATCHED if True in kinds else "") + "</div>"


def summary_table(trace: Trace, anchors: dict[str, str]) -> Iterator[str]:
    """A row per edge: the version, its source, the relation, the confidence, the bar and the counts."""
    edges = [node.edge for node in walk(trace) if node.edge is not None]
    found = {(e.parent, e.child): edge_counts(trace, e) for e in edges}
    added, dropped, named = unlinked_columns(f[3] for f in found.values() if f)
    yield '<table class="summary"><thead><tr><th>Version</th><th>Derived from</th><th>Relation</th>'
    yield '<th class="num">Confidence</th><th class="barcol">Sentences of the version</th>'
    yield '<th class="num">Verbatim</th>'
    yield f'<th class="num">Altered</th><th class="num">Paraphrased</th><th class="num">{added}</th>'
    yield f'<th class="num">{dropped}</th></tr></thead><tbody>'
    for e in edges:
        head = (
            f'<tr><td><a href="{escaped(anchors.get(e.child, ""))}">{id_span(e.child)}</a></td>'
            f"<td>{source_html(trace, e)}{'' if e.direction_known else f' ({AS_DRAWN})'}</td>"
            f'<td><span class="chip {relation_class(e.relation)}">{escaped(e.relation)}</span>'
            f"{order_note(e)}</td>"
            f'<td class="num">{e.confidence:.2f}</td>'
        )
        edge = found[e.parent, e.child]
        if edge is None:
            yield head + '<td colspan="6" class="muted">no text to compare</td></tr>'
            continue
        c = edge[3]
        said = (f" {c.added_word}", f" {c.dropped_word}") if named else ("", "")
        if (only := only_in(e, c)) is not None:
            said = (f" {escaped(only[0])}", f" {escaped(only[1])}")
        cells = [(n, "", c.share(n)) for n in (c.verbatim, c.altered, c.paraphrased)]
        cells += [(c.added, said[0], c.share(c.added)), (c.dropped, said[1], c.share(c.dropped, True))]
        nums = "".join(
            f'<td class="num">{n}{word} <span class="muted">{pct(share)}</span></td>'
            for n, word, share in cells
        )
        yield head + f'<td class="barcol">{bar(as_shown(e, c))}</td>{nums}</tr>'
    yield "</tbody></table>"
