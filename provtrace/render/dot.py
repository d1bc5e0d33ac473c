"""The derivation graph in Graphviz DOT: `dot -Tsvg report.dot > report.svg`.

Nodes are the articles and unseen sources, with kind, title, site, published,
path and sentence-count attributes; edges carry relation and confidence (an edge
whose direction the texts cannot tell: direction_known=false, drawn without an arrow), and
the related pairs listed outside the tree (render.common.pairs_not_drawn: written
independently, or derived with a text in no edge) are dashed undirected lines
carrying their judgement and probability of copying.
Every ID and value is a double-quoted string (escape.dot), so article text
cannot end a statement or inject attributes.
"""

from __future__ import annotations

from provtrace.models import Article, Trace
from provtrace.render import RenderOptions
from provtrace.render.common import node_kind, order_note, pairs_not_drawn
from provtrace.render.escape import dot as q

_SHORT = 48


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


def _statement(subject: str, pairs: list[tuple[str, str]], label: str) -> str:
    attrs = ", ".join([f"label={label}", *(f"{key}={q(value)}" for key, value in pairs)])
    return f"  {subject} [{attrs}];"


def _article_node(article: Article, kind: str) -> str:
    label = q(article.id, _short(article.title)) if article.title else q(article.id)
    pairs = [("kind", kind)]
    for key, value in (
        ("title", article.title),
        ("site", article.site),
        ("published", article.published),
        ("path", article.path),
    ):
        if value:
            pairs.append((key, value))
    pairs.append(("sentences", str(len(article.sentences))))
    if kind == "source":
        pairs.append(("penwidth", "2"))
    elif kind in ("unrelated", "outside"):
        pairs += [("color", "gray60"), ("fontcolor", "gray40")]
    return _statement(q(article.id), pairs, label)


def render_dot(trace: Trace, options: RenderOptions) -> str:
    """A Graphviz digraph of the derivation forest (unrelated articles as lone grey nodes)."""
    lines = [
        "digraph provtrace {",
        '  graph [rankdir="LR", fontname="Helvetica"];',
        '  node [shape="box", style="rounded", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize="10"];',
    ]
    for unseen in trace.unseen:
        pairs = [("kind", "unseen"), ("title", unseen.label), ("style", "rounded,dashed")]
        lines.append(_statement(q(unseen.id), pairs, q(unseen.id, unseen.label)))
    for article in trace.articles:
        kind = node_kind(trace, article.id)
        lines.append(_article_node(article, kind))
    for edge in trace.edges:
        pairs = [("relation", edge.relation), ("confidence", f"{edge.confidence:.2f}")]
        label = q(f"{edge.relation}{order_note(edge)}", f"confidence {edge.confidence:.2f}")
        if not edge.direction_known:  # drawn without an arrow: the texts do not tell which came first
            pairs += [("direction_known", "false"), ("dir", "none")]
        lines.append(_statement(f"{q(edge.parent)} -> {q(edge.child)}", pairs, label))
    # Related pairs that are no tree edges: undirected, dashed and grey, with the probability of copying.
    for r, what in pairs_not_drawn(trace):
        pairs = [("judgement", what), ("probability", f"{r.probability:.2f}"), ("dir", "none")]
        pairs += [("style", "dashed"), ("color", "gray60"), ("fontcolor", "gray40"), ("constraint", "false")]
        label = q(what, f"probability of copying {r.probability:.2f}")
        lines.append(_statement(f"{q(r.a)} -> {q(r.b)}", pairs, label))
    lines.append("}")
    return "\n".join(lines) + "\n"
