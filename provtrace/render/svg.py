"""The derivation forest drawn as inline SVG, laid out here (no Graphviz).

Left to right: a column per generation, a row per leaf, each parent centred
on its children; unrelated articles sit in a grey band below. Text is
measured by an average glyph width and cut with "…" (the full text is in
each node's tooltip). Everything from an article is html.escape'd.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape

from provtrace.models import Relation, Trace
from provtrace.render.common import Node, meta, order_note, outside_tree, walk
from provtrace.render.escape import one_line

NODE_W, NODE_H = 290, 88
COL_GAP, ROW_GAP = 200, 22
MARGIN = 24

#: Relation -> CSS class, shared with the page's legend and table.
RELATION_CLASS: dict[Relation, str] = {
    Relation.VERBATIM_COPY: "copy",
    Relation.NEAR_VERBATIM_COPY: "copy",
    Relation.EXCERPT: "excerpt",
    Relation.SUMMARY: "summary",
    Relation.REWRITE: "rewrite",
    Relation.TRANSLATION: "rewrite",  # a rewrite into another language: the same colour
    Relation.UNSEEN_SOURCE: "unseen",
}


def relation_class(relation: Relation) -> str:
    """The CSS class that colours a relation ("rewrite", "copy", ...)."""
    return RELATION_CLASS[relation]


def _e(text: str) -> str:
    return escape(one_line(text), quote=True)


def _cells(char: str) -> int:
    """Display cells of a character: two for a wide (Chinese, Japanese, Korean) one."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _cut(text: str, width: float, glyph: float) -> str:
    """Text that fits width, cut by display cells (never mid-character) and ended with "…"."""
    room = max(1, int(width / glyph))
    if sum(map(_cells, text)) <= room:
        return text
    used, end = 0, 0
    while end < len(text) and used + _cells(text[end]) <= room - 1:
        used += _cells(text[end])
        end += 1
    return text[:end].rstrip() + "…"


def _wrap(text: str, width: float, glyph: float, lines: int) -> list[str]:
    """Text broken at spaces into at most `lines` lines, the last one cut with "…"."""
    room = max(1, int(width / glyph))
    out: list[str] = []
    rest = text
    while rest and len(out) < lines - 1 and len(rest) > room:
        cut = rest.rfind(" ", 0, room + 1)
        cut = cut if cut > room // 2 else room
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        out.append(_cut(rest, width, glyph))
    return out


@dataclass(frozen=True, slots=True)
class _Box:
    node: Node
    x: float
    y: float
    kind: str  # source, derived, unseen, unrelated


def _layout(trace: Trace) -> tuple[list[_Box], float, float]:
    nodes = list(walk(trace))
    kids: dict[str, list[Node]] = {}
    for node in nodes:
        if node.edge is not None:
            kids.setdefault(node.edge.parent, []).append(node)
    rows: dict[str, float] = {}
    next_row = 0.0

    def place(node: Node) -> float:
        nonlocal next_row
        below = [place(child) for child in kids.get(node.id, [])]
        rows[node.id] = (below[0] + below[-1]) / 2 if below else next_row
        if not below:
            next_row += 1
        return rows[node.id]

    for node in nodes:
        if node.depth == 0:
            place(node)
    boxes = []
    for node in nodes:
        kind = "unseen" if node.article is None else "source" if node.edge is None else "derived"
        x = MARGIN + node.depth * (NODE_W + COL_GAP)
        boxes.append(_Box(node, x, MARGIN + 16 + rows[node.id] * (NODE_H + ROW_GAP), kind))
    columns = 1 + max((n.depth for n in nodes), default=0)
    width = 2 * MARGIN + columns * NODE_W + (columns - 1) * COL_GAP
    height = MARGIN + 16 + next_row * (NODE_H + ROW_GAP)
    if trace.unrelated:
        height += 34
        per_row = max(1, int((width - 2 * MARGIN + 20) // (NODE_W + 20)))
        for n, article_id in enumerate(trace.unrelated):
            node = Node(article_id, 0, None, trace.article(article_id))
            x = MARGIN + (n % per_row) * (NODE_W + 20)
            y = height + (n // per_row) * (NODE_H + ROW_GAP)
            boxes.append(_Box(node, x, y, "unrelated"))
        height += ((len(trace.unrelated) - 1) // per_row + 1) * (NODE_H + ROW_GAP)
    return boxes, width, height + MARGIN - ROW_GAP


def _node(
    box: _Box, href: Callable[[str], str | None], hedged: frozenset[str] = frozenset()
) -> Iterator[str]:
    """A node's box; hedged: the nodes drawn above a child whose order against them is unknown."""
    node, x, y = box.node, box.x, box.y
    cls = f"node {box.kind}"
    if node.edge is not None:
        cls += f" rel-{relation_class(node.edge.relation)}"
    article = node.article
    tip = node.id + (f" — {article.title}" if article and article.title else "")
    tip += f" ({article.path})" if article else f" — {node.label or ''}"
    link = href(node.id)
    yield f'<g class="{cls}" data-id="{_e(node.id)}">'
    if link:
        yield f'<a href="{_e(link)}">'
    yield f"<title>{_e(tip)}</title>"
    badge = {"source": "SOURCE", "unseen": "UNSEEN SOURCE"}.get(box.kind)
    if badge == "SOURCE" and node.id in hedged:
        badge = "SOURCE AS DRAWN"
    if badge:
        yield f'<text class="badge" x="{x + 2:.0f}" y="{y - 7:.0f}">{badge}</text>'
    yield f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="8"/>'
    room = NODE_W - 24
    lines = [("nid", _cut(one_line(node.id), room, 8.0))]
    title = (article.title if article is not None else node.label) or ""
    lines += [("ntitle", part) for part in _wrap(one_line(title), room, 6.7, 2)]
    if not title:
        lines.append(("nnotitle", "no title found"))
    if article is not None:
        lines.append(("nmeta", _cut(one_line(" · ".join(meta(article))), room, 6.1)))
    baseline = y + 24
    for n, (kind, text) in enumerate(lines):
        if n:  # a title's second line sits closer to its first
            baseline += 16 if kind == lines[n - 1][0] else 20
        yield f'<text class="{kind}" x="{x + 12:.0f}" y="{baseline:.0f}">{_e(text)}</text>'
    if link:
        yield "</a>"
    yield "</g>"


def _edge(parent: _Box, child: _Box) -> str:
    edge = child.node.edge
    assert edge is not None
    x1, y1 = parent.x + NODE_W, parent.y + NODE_H / 2
    x2, y2 = child.x, child.y + NODE_H / 2
    mid = (x1 + x2) / 2
    cls = f"edge rel-{relation_class(edge.relation)}"
    width = 1.2 + 3 * edge.confidence
    # No arrowhead where the texts do not tell which came first.
    arrow = ' marker-end="url(#arrow)"' if edge.direction_known else ""
    return (
        f'<path class="{cls}" d="M{x1:.0f},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} '
        f'{x2 - 6:.0f},{y2:.0f}"'
        f' stroke-width="{width:.1f}"{arrow}/>'
    )


def _edge_label(parent: _Box, child: _Box) -> Iterator[str]:
    edge = child.node.edge
    assert edge is not None
    y1, x2, y2 = parent.y + NODE_H / 2, child.x, child.y + NODE_H / 2
    # The curve arrives from the parent's side: the label goes on the other side of it.
    top = y2 - 24 if y2 <= y1 else y2 + 18
    said = f"{edge.relation}{order_note(edge)}"
    yield f'<text class="elabel" x="{x2 - 10:.0f}" y="{top:.0f}">{_e(said)}</text>'
    yield f'<text class="econf" x="{x2 - 10:.0f}" y="{top + 14:.0f}">confidence {edge.confidence:.2f}</text>'


def tree_svg(trace: Trace, href: Callable[[str], str | None]) -> str:
    """The forest as an <svg> element; href(id) gives each node's link target, if any."""
    boxes, width, height = _layout(trace)
    by_id = {b.node.id: b for b in boxes if b.kind != "unrelated"}
    out = [
        f'<svg class="tree" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}"'
        f' width="{width:.0f}" height="{height:.0f}" role="img" aria-label="Derivation tree">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="11" markerHeight="11"'
        ' markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#56606d"/></marker></defs>',
    ]
    linked = [(by_id[b.node.edge.parent], b) for b in boxes if b.node.edge and b.node.edge.parent in by_id]
    out.extend(_edge(parent, child) for parent, child in linked)
    # Every label after every curve, so no later curve is drawn over one.
    for parent, child in linked:
        out.extend(_edge_label(parent, child))
    unrelated = [b for b in boxes if b.kind == "unrelated"]
    if unrelated:
        label_y = unrelated[0].y - 12
        band = "UNRELATED — shares no content"
        if outside_tree(trace)[1]:
            band = "OUTSIDE THE TREE — unrelated, or related but placed under no other"
        out.append(f'<text class="band" x="{MARGIN}" y="{label_y:.0f}">{band}</text>')
    hedged = frozenset(e.parent for e in trace.edges if not e.direction_known)
    for box in boxes:
        out.extend(_node(box, href, hedged))
    out.append("</svg>")
    return "\n".join(out)
