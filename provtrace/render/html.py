"""One self-contained HTML page: the tree as inline SVG, then each version side by side.

Nothing is fetched: the stylesheet is inline, there are no scripts, fonts or
images, and a Content-Security-Policy forbids any request. Every string that
comes from an article (text, title, id, path, site) is html.escape'd,
attribute values included. Print CSS starts each version on a new page.
"""

from __future__ import annotations

from collections.abc import Iterator

from provtrace.models import Alignment, Article, Edge, Relation, Trace
from provtrace.render import RenderOptions
from provtrace.render.common import (
    ORDER_UNKNOWN,
    UNSEEN_NOTE,
    compared_as_pair,
    credit_notes,
    diff_heading,
    direction,
    edge_counts,
    flips,
    link_text,
    meta,
    node_name,
    or_reverse,
    outside_lists,
    pair_lists,
    roots,
    summary_line,
    unknown_below,
    unseen_agency,
)
from provtrace.render.html_counts import (
    NOT_MATCHED_NOTE,
    as_shown,
    bar,
    bar_legend,
    counts,
    source_html,
    summary_table,
)
from provtrace.render.html_counts import escaped as _e
from provtrace.render.html_counts import id_span as _id
from provtrace.render.html_style import CSS, UNMATCHED_CSS
from provtrace.render.rows import PARTIAL, Row, RowKind, count_changes, row_label, rows
from provtrace.render.svg import relation_class, tree_svg
from provtrace.render.worddiff import Op, Segment, join, word_diff
from provtrace.wording import plural

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_FOOTER = (
    "<footer>Made with provtrace. Sentence numbers count from 0. “Verbatim”: the same words; "
    "“altered”: the same sentence with some words changed (<del>removed</del> <ins>inserted</ins>); "
    "“paraphrased”: the same content in other words; “partial”: only part of a sentence is "
    "reused.</footer>"
)
_TOGGLE = '<label class="toggle"><input type="checkbox" id="only-changes"> Hide verbatim sentences</label>'

_NO_TITLE = '<span class="muted">no title found</span>'

_VERB: dict[Relation, str] = {
    Relation.VERBATIM_COPY: "copied it word for word",
    Relation.NEAR_VERBATIM_COPY: "copied it almost word for word",
    Relation.EXCERPT: "took an excerpt of it",
    Relation.SUMMARY: "summarised it",
    Relation.REWRITE: "rewrote it",
    Relation.TRANSLATION: "translated it",
    Relation.UNSEEN_SOURCE: "cites it",
}


def _facts(items: list[str], article: Article | None) -> str:
    """Facts joined by " · ": each kept on one line (a date never breaks at its hyphens), then the path."""
    spans = [f'<span class="fact">{_e(item)}</span>' for item in items]
    return " · ".join([*spans, *([_e(article.path)] if article else [])])


def _title(article: Article | None) -> str:
    return (
        f' <span class="title">“{_e(article.title)}”</span>' if article is not None and article.title else ""
    )


def _page(title: str, body: list[str], unmatched: bool = False) -> str:
    """The whole page; unmatched: it shows sentences not matched, whose styles it then carries."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="provtrace">',
            f"<title>{_e(title)}</title>",
            f"<style>{CSS}{UNMATCHED_CSS if unmatched else ''}</style>",
            "</head>",
            "<body>",
            *body,
            _FOOTER,
            "</body>",
            "</html>",
            "",
        ]
    )


def _diff_cells(old: str, new: str) -> tuple[str, str]:
    left: list[tuple[Segment, str]] = []
    right: list[tuple[Segment, str]] = []
    for seg in word_diff(old, new):
        text = _e(seg.text)
        if seg.op is Op.SAME:
            left.append((seg, _e(seg.spelled(Op.DELETE))))
            right.append((seg, text))
        elif seg.op is Op.DELETE:
            left.append((seg, f"<del>{text}</del>"))
        else:
            right.append((seg, f"<ins>{text}</ins>"))
    return join(left), join(right)


def _row(row: Row, parent: Article, child: Article, pair: bool = False) -> str:
    gaps = row.kind is not RowKind.ALTERED
    old, new = link_text(parent, row.source, gaps), link_text(child, row.target, gaps)
    if row.kind is RowKind.ALTERED:
        left, right = _diff_cells(old, new)
    else:
        left, right = _e(old), _e(new)
    partial = f' <span class="partial">({PARTIAL})</span>' if row.partial else ""
    if row.changes:
        partial += f' <span class="flips">· {_e(flips(row.changes))}</span>'
    cells = [f'<td class="tag">{row_label(row.kind, pair)}{partial}</td>']
    for side, indices, text in (("left", row.source, left), ("right", row.target, right)):
        refs = "+".join(map(str, indices))
        empty = "" if indices else " empty"
        cells.append(f'<td class="n">{refs}</td><td class="txt {side}{empty}">{text}</td>')
    return f'<tr class="r-{row.kind.value}">' + "".join(cells) + "</tr>"


def _side_by_side(
    alignment: Alignment, parent: Article, child: Article, unmatched: bool, pair: bool = False
) -> Iterator[str]:
    yield '<table class="sbs">'
    yield '<colgroup><col class="tag"><col class="n"><col><col class="n"><col></colgroup>'
    yield (
        f'<thead><tr><th></th><th class="num">#</th><th>{_id(parent.id)}{"" if pair else " (source)"}</th>'
        f'<th class="num">#</th><th>{_id(child.id)}</th></tr></thead>'
    )
    yield "<tbody>"
    yield from (_row(row, parent, child, pair) for row in rows(alignment, unmatched))
    yield "</tbody></table>"


def _anchors(trace: Trace) -> dict[str, str]:
    """Article id -> the fragment of its section: its edge's panel, else its line in the article list."""
    anchors = {a.id: f"#article-{n}" for n, a in enumerate(trace.articles)}
    anchors.update({e.child: f"#edge-{n}" for n, e in enumerate(trace.edges)})
    return anchors


def _panel(trace: Trace, edge: Edge, n: int, options: RenderOptions) -> Iterator[str]:
    child = trace.article(edge.child)
    cls = relation_class(edge.relation)
    yield f'<section class="panel rel-{cls}" id="edge-{n}">'
    unseen = unseen_agency(trace, edge) is not None
    parent = source_html(trace, edge)
    yield (
        f'<h3>{_id(edge.child)} <span class="chip {cls}">{_e(edge.relation)}</span>'
        f"{':' if unseen else ' of'} {parent}{or_reverse(edge, _id)}</h3>"
    )
    facts = _facts([f"confidence {edge.confidence:.2f}", *(meta(child) if child else [])], child)
    yield f'<p class="facts">{_title(child)} {facts}</p>'
    found = edge_counts(trace, edge)
    if found is not None:
        shown = as_shown(edge, found[3])
        yield counts(shown)
        yield bar(shown)
        if found[3].unmatched:
            yield NOT_MATCHED_NOTE
    if edge.evidence:
        upstream = f"{parent} is taken to be upstream"
        if not edge.direction_known:
            upstream = "one is taken to derive from the other"
        yield f'<div class="why"><b>Why {upstream}:</b><ul>'
        yield from (f"<li>{_e(item)}</li>" for item in edge.evidence)
        yield "</ul></div>"
    if found is None:
        yield '<p class="muted">The source is not among the articles traced: there is no text to compare.</p>'
    elif not options.brief:
        # Of unknown direction, neither side is the source: what no link holds is only on one side.
        yield from _side_by_side(*found[:3], found[3].unmatched, pair=not edge.direction_known)
    yield "</section>"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _directly(edge: Edge) -> str:
    """What a version did with the source above it: "b rewrote it", "b copied it word for word, or
    the reverse (order unknown)"."""
    hedge = "" if edge.direction_known else f", or the reverse ({ORDER_UNKNOWN})"
    return f"{_id(edge.child)} {_VERB[edge.relation]}{hedge}"


def _lede(trace: Trace) -> Iterator[str]:
    for root in roots(trace):
        article = trace.article(root)
        direct = [e for e in trace.edges if e.parent == root]
        what = "; ".join(_directly(e) for e in sorted(direct, key=lambda e: e.child))
        if article is None:
            yield (
                f'<p class="lede"><span class="chip unseen">unseen source</span> '
                f"{_e(_capitalised(node_name(trace, root)))}, {UNSEEN_NOTE}: provtrace infers "
                f"it from the credits; {plural(len(direct), 'version')} draw on it directly: {what}.</p>"
            )
        else:
            notes = ", ".join(_e(n) for n in credit_notes(article))
            unknown = unknown_below(trace, root)
            said = "is the version the others derive from. Directly from it"
            if unknown:
                others = ", ".join(map(_id, unknown))
                said = f"is drawn as the source, though which of it and {others} came first cannot be told"
                said += ". Below it"
            yield (
                f'<p class="lede"><span class="chip source">source</span> {_id(root)}{_title(article)}'
                f"{f' ({notes})' if notes else ''} {said}: {what}.</p>"
            )


_LEGEND = (
    '<div class="legend"><span><i class="swatch" style="background:var(--source)"></i>source</span>'
    '<span><i class="swatch" style="background:var(--copy)"></i>copy</span>'
    '<span><i class="swatch" style="background:var(--rewrite)"></i>rewrite</span>'
    '<span><i class="swatch" style="background:var(--summary)"></i>summary</span>'
    '<span><i class="swatch" style="background:var(--excerpt)"></i>excerpt</span>'
    '<span><i class="swatch" style="background:var(--unseen)"></i>unseen source</span>'
    "<span>thicker arrow = more confident · click a box to see what that version changed</span></div>"
)


def _article_list(trace: Trace) -> Iterator[str]:
    yield "<h2>Articles</h2><table><thead><tr><th>Article</th><th>Title</th><th>Site</th><th>Published</th>"
    yield '<th>Credits</th><th class="num">Sentences</th><th>File</th></tr></thead><tbody>'
    for n, a in enumerate(trace.articles):
        yield (
            f'<tr id="article-{n}"><td>{_id(a.id)}</td><td>{_e(a.title or "")}</td>'
            f"<td>{_e(a.site or '')}</td>"
            f'<td class="date">{_e(a.published or "")}</td><td>{_e(", ".join(credit_notes(a)))}</td>'
            f'<td class="num">{len(a.sentences)}</td><td class="muted">{_e(a.path)}</td></tr>'
        )
    yield "</tbody></table>"


def render_html(trace: Trace, options: RenderOptions) -> str:
    """The derivation forest as one self-contained HTML page."""
    anchors = _anchors(trace)
    body = ["<header>", "<h1>Provenance report</h1>", *_lede(trace)]
    body.append(f'<p class="summary">{_e(summary_line(trace))}</p>')
    body += [
        _TOGGLE,
        "</header>",
        '<section id="tree"><h2>Derivation tree</h2>',
        _LEGEND,
        '<div class="figure">',
        tree_svg(trace, lambda i: anchors.get(i)),
        "</div></section>",
    ]
    counted = [(e, found[3]) for e in trace.edges if (found := edge_counts(trace, e)) is not None]
    if trace.edges:
        body += [
            '<section id="changes"><h2>What each version changed</h2>',
            bar_legend(counted),
            *summary_table(trace, anchors),
        ]
        for n, edge in enumerate(trace.edges):
            body.extend(_panel(trace, edge, n, options))
        body.append("</section>")
    body.extend(_outside(trace))
    body.extend(_article_list(trace))
    return _page("Provenance report", body, any(c.unmatched for _, c in counted))


def _outside(trace: Trace) -> Iterator[str]:
    """The articles outside the tree, and the related pairs that are no edges, each with why."""
    lists, pairs = outside_lists(trace), pair_lists(trace)
    if not (lists or pairs):
        return
    yield '<section id="outside"><h2>Outside the tree</h2>'
    for heading, ids in lists:
        items = "".join(f"<li>{_id(i)}{_title(trace.article(i))}</li>" for i in ids)
        yield f"<p>{_e(heading)}</p><ul>{items}</ul>"
    for heading, related in pairs:
        yield f"<p>{_e(heading)}</p><ul>"
        for r in related:
            why = "".join(f"<li>{_e(item)}</li>" for item in r.evidence)
            yield (
                f"<li>{_id(r.a)} · {_id(r.b)} "
                f'<span class="muted">· probability of copying {r.probability:.2f}</span><ul>{why}</ul></li>'
            )
        yield "</ul>"
    yield "</section>"


def _card(article: Article, role: str, label: str) -> str:
    """An article's card: role "source" or "version" (its colours), label what its chip says."""
    facts = _facts(meta(article), article)
    return (
        f'<div class="card {role}"><span class="chip {"source" if role == "source" else "rewrite"}">'
        f"{label}</span> "
        f"{_id(article.id)}<div>{_title(article) or _NO_TITLE}</div>"
        f'<div class="muted">{facts}</div></div>'
    )


def render_html_diff(trace: Trace, options: RenderOptions) -> str:
    """Two articles side by side, sentence by sentence, as one self-contained HTML page."""
    alignment = trace.alignments[0]
    parent, child = trace.article(alignment.source), trace.article(alignment.target)
    assert parent is not None and child is not None
    pair = compared_as_pair(trace)
    heading = diff_heading(pair, parent=parent.id, child=child.id)
    counted = count_changes(alignment, parent, child, trace.unlinked_may_be_translated(parent, child), pair)
    labels = ("left", "right") if pair else ("source", "version")
    body = [
        "<header>",
        f"<h1>{_e(heading)}</h1>",
        f'<p class="lede">{_e(direction(trace))}</p>',
        f'<div class="cards">{_card(parent, "source", labels[0])}{_card(child, "version", labels[1])}</div>',
        counts(counted),
        bar(counted),
        *([NOT_MATCHED_NOTE] if counted.unmatched else []),
        _TOGGLE,
        "</header>",
        *_side_by_side(alignment, parent, child, counted.unmatched, pair),
    ]
    return _page(heading, body, counted.unmatched)
