"""`provtrace diff` for a terminal: two articles side by side, or interleaved when narrow.

The view is chosen when rich lays it out: side by side (a table) from
SIDE_BY_SIDE_WIDTH columns, otherwise each changed sentence is shown as a
"was" line above a "now" line. With colour, word changes are struck red and
bold green; without, they are marked wdiff-style, [-deleted-] {+inserted+},
as in the text renderer. Article text is made visible (control characters as
control pictures) and always put in Text objects, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from provtrace.models import Alignment, Article, Trace
from provtrace.render import RenderOptions
from provtrace.render.common import compared_as_pair, diff_heading, direction, flips, link_text, meta
from provtrace.render.escape import one_line
from provtrace.render.rows import (
    NOT_MATCHED,
    NOT_MATCHED_WHY,
    PARTIAL,
    Row,
    RowKind,
    count_changes,
    row_label,
    rows,
)
from provtrace.render.worddiff import Op, wdiff, word_diff

#: Terminals at least this wide show the two articles side by side.
SIDE_BY_SIDE_WIDTH = 120

#: A run without spaces (Chinese, Japanese, a long URL) wider than its column is
#: folded onto more lines by display width, never cut off with "…" or mid-character.
_FOLD: Final = "fold"

_MARK = {
    RowKind.VERBATIM: "=",
    RowKind.ALTERED: "~",
    RowKind.PARAPHRASE: "≈",
    RowKind.ADDED: "+",
    RowKind.DROPPED: "-",
    RowKind.UNMATCHED: "?",
}
_STYLE = {
    RowKind.VERBATIM: "dim",
    RowKind.ALTERED: "yellow",
    RowKind.PARAPHRASE: "magenta",
    RowKind.ADDED: "green",
    RowKind.DROPPED: "red",
    RowKind.UNMATCHED: "blue",
}


def _sentence(article: Article, indices: tuple[int, ...], gaps: bool = True) -> str:
    return one_line(link_text(article, indices, gaps))


def _refs(indices: tuple[int, ...]) -> str:
    return "+".join(str(i) for i in indices)


def _side(old: str, new: str, keep: Op, options: RenderOptions) -> Text:
    """The parent's words with deletions marked (keep=DELETE) or the child's with insertions (keep=INSERT)."""
    out = Text()
    for seg in word_diff(old, new):
        if seg.op is not Op.SAME and seg.op is not keep:
            continue
        if out and seg.spaced:
            out.append(" ")
        if seg.op is Op.SAME:
            out.append(seg.spelled(keep))
        elif options.color:
            out.append(seg.text, style="strike red" if keep is Op.DELETE else "bold green")
        else:
            out.append(wdiff(seg))
    return out


def _flagged(row: Row, text: Text, options: RenderOptions) -> Text:
    """The child's side, led by the link's meaning flips when it has any."""
    if not row.changes:
        return text
    return Text(f"[{flips(row.changes)}] ", style="bold yellow" if options.color else "") + text


def _texts(row: Row, parent: Article, child: Article, options: RenderOptions) -> tuple[Text, Text]:
    gaps = row.kind is not RowKind.ALTERED
    old, new = _sentence(parent, row.source, gaps), _sentence(child, row.target, gaps)
    if row.kind is RowKind.ALTERED:
        return _side(old, new, Op.DELETE, options), _flagged(
            row, _side(old, new, Op.INSERT, options), options
        )
    style = {k: _STYLE[k] for k in (RowKind.ADDED, RowKind.DROPPED, RowKind.UNMATCHED, RowKind.VERBATIM)}.get(
        row.kind, ""
    )
    return Text(old, style=style if options.color else ""), _flagged(
        row, Text(new, style=style if options.color else ""), options
    )


def _mark(row: Row, options: RenderOptions) -> Text:
    return Text(
        _MARK[row.kind] + ("½" if row.partial else ""), style=_STYLE[row.kind] if options.color else ""
    )


def _header(alignment: Alignment, parent: Article, child: Article, trace: Trace) -> Iterator[Text]:
    pair = compared_as_pair(trace)
    yield Text(diff_heading(pair, parent=parent.id, child=child.id), style="bold")
    yield Text(one_line(direction(trace)))
    roles = ("left   ", "right  ") if pair else ("source ", "version")
    for role, article in zip(roles, (parent, child), strict=True):
        line = Text(f"{role}  ") + Text(one_line(article.id), style="bold cyan")
        if article.title:
            line.append("  “" + one_line(article.title) + "”", style="italic")
        line.append("  " + one_line(" · ".join([*meta(article), article.path])), style="dim")
        yield line
    c = count_changes(alignment, parent, child, trace.unlinked_may_be_translated(parent, child), pair)
    dropped = f"{c.dropped} {c.dropped_word}" if c.pair else f"{c.dropped} of the source’s {c.dropped_word}"
    yield Text(
        f"sentences: {c.verbatim} verbatim, {c.altered} altered, {c.paraphrased} paraphrased, "
        f"{c.added} {c.added_word}; {dropped}"
    )
    unlinked = (
        f"? {NOT_MATCHED}"
        if c.unmatched
        else f"+ {row_label(RowKind.ADDED, pair)}  - {row_label(RowKind.DROPPED, pair)}"
    )
    yield Text(
        f"= verbatim  ~ altered (word changes marked)  ≈ paraphrased  {unlinked}  ½ {PARTIAL}",
        style="dim",
    )
    if c.unmatched:
        yield Text(f"{NOT_MATCHED}: {NOT_MATCHED_WHY}", style="dim")
    yield Text("")


@dataclass(frozen=True, slots=True)
class _Shown:
    """What a diff's body shows: the alignment, its two articles, and how."""

    alignment: Alignment
    parent: Article
    child: Article
    options: RenderOptions
    unmatched: bool  # unlinked sentences are not matched (see rows)
    pair: bool  # neither derives from the other (render.common.compared_as_pair)


def _side_by_side(shown: _Shown) -> Table:
    alignment, parent, child, options = shown.alignment, shown.parent, shown.child, shown.options
    pair, unmatched = shown.pair, shown.unmatched
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True, padding=(0, 1), pad_edge=False)
    table.add_column("", no_wrap=True, width=2)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(Text(one_line(parent.id) + ("" if pair else " (source)")), ratio=1, overflow=_FOLD)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(Text(one_line(child.id)), ratio=1, overflow=_FOLD)
    for row in rows(alignment, unmatched):
        left, right = _texts(row, parent, child, options)
        table.add_row(_mark(row, options), _refs(row.source), left, _refs(row.target), right)
    return table


def _interleaved(shown: _Shown) -> Table:
    alignment, parent, child, options = shown.alignment, shown.parent, shown.child, shown.options
    unmatched = shown.unmatched
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow=_FOLD)
    for row in rows(alignment, unmatched):
        left, right = _texts(row, parent, child, options)
        where = f"{_refs(row.source) or '·'} → {_refs(row.target) or '·'}"
        # A verbatim row is one line only where both sides read the same, character for character
        # (a partial one, or one differing in case or quote marks, shows each side as written).
        both = row.kind in (RowKind.ALTERED, RowKind.PARAPHRASE) or (
            row.kind is RowKind.VERBATIM and left.plain != right.plain
        )
        if both:
            grid.add_row(_mark(row, options), where, Text("was", style="dim"), left)
            grid.add_row("", "", Text("now", style="dim"), right)
        else:
            grid.add_row(_mark(row, options), where, "", left if row.source else right)
    return grid


class _DiffView:
    """Chooses side by side or interleaved from the width rich gives it."""

    def __init__(self, trace: Trace, options: RenderOptions) -> None:
        self.trace, self.options = trace, options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        alignment = self.trace.alignments[0]
        parent, child = self.trace.article(alignment.source), self.trace.article(alignment.target)
        assert parent is not None and child is not None
        yield from _header(alignment, parent, child, self.trace)
        # Unwrapped output (a pipe, a file) is read line by line: interleaved.
        wide = options.max_width >= SIDE_BY_SIDE_WIDTH and not options.no_wrap
        body = _side_by_side if wide else _interleaved
        unmatched = self.trace.unlinked_may_be_translated(parent, child)
        yield body(_Shown(alignment, parent, child, self.options, unmatched, compared_as_pair(self.trace)))


def render_text_diff(trace: Trace, options: RenderOptions) -> RenderableType:
    """Two articles aligned sentence by sentence, as a rich renderable."""
    return Group(_DiffView(trace, options))
