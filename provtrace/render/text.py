"""The derivation tree for a terminal (rich), or as plain text without colour.

Article text always goes into rich Text objects, never into markup strings,
so "[bold]" in an article is printed as written. Without colour, word-level
changes are marked wdiff-style: [-deleted-] {+inserted+}.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text
from rich.tree import Tree

from provtrace.models import Alignment, Article, CreditKind, Edge, Link, LinkKind, Related, Trace
from provtrace.render import RenderOptions
from provtrace.render.common import (
    UNSEEN_NOTE,
    evidence_label,
    flips,
    link_count,
    link_text,
    node_name,
    outside_lists,
    pair_lists,
    relation_of,
    summary_line,
)
from provtrace.render.escape import visible
from provtrace.render.rows import NOT_MATCHED, NOT_MATCHED_WHY
from provtrace.render.worddiff import Op, wdiff, word_diff

_ID = "bold cyan"
_ADDED = "green"
_DROPPED = "red"
_ALTERED = "yellow"
_UNMATCHED = "blue"
_DIM = "dim"


def _meta(article: Article) -> Text:
    n = len(article.sentences)
    parts = [f"{n} sentence{'' if n == 1 else 's'}"]
    if article.published:
        parts.append(f"published {article.published}")
    if article.site:
        parts.append(visible(article.site))
    owned = {c.agency for c in article.credits if c.kind is CreditKind.OWNER}
    for credit in article.credits:
        if credit.kind is CreditKind.OWNER:
            parts.append(f"{credit.agency} copy")
        elif credit.agency not in owned:
            parts.append(f"cites {credit.agency}")
    parts.append(visible(article.path))
    return Text(" · ".join(parts), style=_DIM)


def _heading(article: Article) -> Text:
    text = Text(visible(article.id), style=_ID)
    if article.title:
        text.append("  “" + visible(article.title) + "”", style="italic")
    return text


def _sentence(article: Article, index: int) -> str:
    return visible(article.sentences[index].text) if 0 <= index < len(article.sentences) else ""


def _joined(article: Article, indices: tuple[int, ...], gaps: bool = True) -> str:
    return visible(link_text(article, indices, gaps))


class _Hanging:
    """label then text, dim; when a terminal wraps it, the text's lines stay indented under its start.

    Unlike a rich table cell, no line is padded to the width: nothing trails a line."""

    def __init__(self, label: str, text: str) -> None:
        self.label = Text(label, style=_DIM)
        self.text = Text(text, style=_DIM)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.label.cell_len
        lines = self.text.wrap(console, max(1, options.max_width - indent))
        for k, line in enumerate(lines):
            line.rstrip()
            yield (self.label if k == 0 else Text(" " * indent)) + line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.label + self.text)


def _hanging(label: str, text: str) -> RenderableType:
    return _Hanging(label, text)


def _refs(indices: tuple[int, ...]) -> str:
    return "+".join(str(i) for i in indices)


def _diff_text(old: str, new: str, options: RenderOptions) -> Text:
    out = Text()
    for n, seg in enumerate(word_diff(old, new)):
        if n and seg.spaced:
            out.append(" ")
        if seg.op is Op.SAME:
            out.append(seg.text)
        elif options.color:
            style = "strike red" if seg.op is Op.DELETE else "bold green"
            out.append(seg.text, style=style)
        else:
            out.append(wdiff(seg))
    return out


def _counts(alignment: Alignment, unmatched: bool, known: bool = True) -> str:
    """The counts line of an edge; known: its direction is known (else neither side is the source,
    and what no link holds is only in one text)."""
    kinds = {k: sum(len(l.target) for l in alignment.links if l.kind is k) for k in LinkKind}
    added, dropped = (NOT_MATCHED, NOT_MATCHED) if unmatched else ("added", "dropped")
    unlinked = f"{len(alignment.added)} {added}; {len(alignment.dropped)} of the source’s {dropped}"
    if not known and not unmatched:
        child, parent = visible(alignment.target), visible(alignment.source)
        unlinked = f"{len(alignment.added)} only in {child}; {len(alignment.dropped)} only in {parent}"
    return (
        f"sentences: {kinds[LinkKind.VERBATIM]} verbatim, {kinds[LinkKind.ALTERED]} altered, "
        f"{kinds[LinkKind.PARAPHRASE]} paraphrased, {unlinked}"
    )


def _unlinked(
    alignment: Alignment, parent: Article, child: Article, unmatched: bool, known: bool = True
) -> Iterator[RenderableType]:
    """The sentences no link holds: added and dropped, or each side's not matched (see rows), or
    only in one text where the edge's direction is unknown."""
    sides = (
        ("Added" if known else f"Only in {visible(child.id)}", "+", _ADDED, alignment.added, child),
        ("Dropped" if known else f"Only in {visible(parent.id)}", "-", _DROPPED, alignment.dropped, parent),
    )
    for heading, mark, style, indices, article in sides:
        if not indices:
            continue
        if unmatched:
            heading, mark, style = f"{NOT_MATCHED.capitalize()} in {visible(article.id)}", "?", _UNMATCHED
        yield Text(f"{heading} ({len(indices)})", style=f"bold {style}")
        for i in indices:
            yield Text(f"{mark} [{i}] ", style=style) + Text(_sentence(article, i), style=style)


def _changes(
    alignment: Alignment,
    parent: Article,
    child: Article,
    options: RenderOptions,
    unmatched: bool,
    known: bool = True,
) -> Iterator[RenderableType]:
    def link_line(link: Link, mark: str, style: str) -> Text:
        where = f"[{_refs(link.source)} → {_refs(link.target)}]"
        line = Text(f"{mark} {where} ", style=style)
        if link.partial:
            line.append("(partial) ", style=_DIM)
        if link.changes:
            line.append(f"· {flips(link.changes)} · ", style=f"bold {_ALTERED}")
        return line

    altered = [l for l in alignment.links if l.kind is LinkKind.ALTERED]
    paraphrased = [l for l in alignment.links if l.kind is LinkKind.PARAPHRASE]
    if altered:
        yield Text(f"Altered ({link_count(altered)})", style=f"bold {_ALTERED}")
        for link in sorted(altered, key=lambda l: l.target):
            line = link_line(link, "~", _ALTERED)
            old, new = _joined(parent, link.source, False), _joined(child, link.target, False)
            line.append_text(_diff_text(old, new, options))
            yield line
    if paraphrased:
        yield Text(f"Paraphrased ({link_count(paraphrased)})", style=f"bold {_ALTERED}")
        for link in sorted(paraphrased, key=lambda l: l.target):
            line = link_line(link, "≈", _ALTERED)
            line.append(_joined(child, link.target))
            yield line
            yield _hanging("    was: ", _joined(parent, link.source))
    yield from _unlinked(alignment, parent, child, unmatched, known)


def _edge_label(edge: Edge, trace: Trace, options: RenderOptions) -> RenderableType:
    child = trace.article(edge.child)
    parent = trace.article(edge.parent)
    assert child is not None
    head = _heading(child)
    head.append(f"  {relation_of(trace, edge, visible)}", style="bold")
    head.append(f" · confidence {edge.confidence:.2f}", style=_DIM)
    lines: list[RenderableType] = [head, _meta(child)]
    evidence = map(evidence_label, edge.evidence)
    lines.extend(_hanging(f"  {label}: ", visible(item)) for label, item in evidence)
    alignment = trace.alignment(edge.parent, edge.child)
    if alignment is not None and parent is not None:
        unmatched = trace.unlinked_may_be_translated(parent, child)
        lines.append(Text(_counts(alignment, unmatched, edge.direction_known)))
        if unmatched:
            lines.append(_hanging(f"  {NOT_MATCHED}: ", NOT_MATCHED_WHY))
        if not options.brief:
            lines.extend(_changes(alignment, parent, child, options, unmatched, edge.direction_known))
    return Group(*lines)


def _add_children(node: Tree, parent_id: str, trace: Trace, options: RenderOptions) -> None:
    for edge in sorted((e for e in trace.edges if e.parent == parent_id), key=lambda e: e.child):
        branch = node.add(_edge_label(edge, trace, options), guide_style=_DIM)
        _add_children(branch, edge.child, trace, options)


def render_text(trace: Trace, options: RenderOptions) -> RenderableType:
    """The derivation forest as a rich renderable."""
    children = {e.child for e in trace.edges}
    parents = {e.parent for e in trace.edges}
    roots = sorted(parents - children)
    blocks: list[RenderableType] = []
    blocks.append(Text(summary_line(trace), style="bold"))
    unseen = {u.id: u for u in trace.unseen}
    for root in roots:
        if root in unseen:
            label: RenderableType = Text(f"{node_name(trace, root)}  ", style=_ID) + Text(
                UNSEEN_NOTE, style="italic"
            )
        else:
            article = trace.article(root)
            assert article is not None
            label = Group(_heading(article), _meta(article))
        tree = Tree(label, guide_style=_DIM)
        _add_children(tree, root, trace, options)
        blocks.append(Text(""))
        blocks.append(tree)
    for heading, ids in outside_lists(trace):
        blocks.append(Text(""))
        if len(trace.articles) == 1:
            heading = "Only one article: give provtrace the other versions to compare it with."
        blocks.append(Text(heading, style="bold"))
        for article_id in ids:
            article = trace.article(article_id)
            line = Text("  ") + Text(visible(article_id), style=_ID)
            if article is not None and article.title:
                line.append("  “" + visible(article.title) + "”", style="italic")
            blocks.append(line)
    for heading, pairs in pair_lists(trace):
        blocks.extend(_pairs(heading, pairs))
    return Group(*blocks)


def _pairs(heading: str, pairs: list[Related]) -> list[RenderableType]:
    """Related pairs that are no tree edges, each with its probability of copying and why."""
    blocks: list[RenderableType] = [Text(""), Text(heading, style="bold")]
    for r in pairs:
        line = Text("  ") + Text(visible(r.a), style=_ID) + Text(" · ") + Text(visible(r.b), style=_ID)
        line.append(f" · probability of copying {r.probability:.2f}", style=_DIM)
        blocks.append(line)
        for label, item in map(evidence_label, r.evidence):
            blocks.append(Text(f"    {label}: " + visible(item), style=_DIM))
    return blocks
