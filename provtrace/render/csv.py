"""One CSV row per sentence link, across every alignment in the trace.

Columns: source, target (article ids), source_indices, target_indices
(sentence numbers from 0, joined by "+" for merges and splits), kind
(verbatim, altered, paraphrase, added, dropped, unmatched), score, partial,
source_text, target_text, changes (the link's meaning flips, such as
"negation;number"). An added sentence has an empty source side, a dropped one
an empty target side, and neither has a score or partial flag. Between two
articles in different languages traced without --semantic, where only
sentences sharing names and figures are matched, a sentence no link holds is
"unmatched" instead of added or dropped (it may be translated), with the same
empty side, score and partial flag. Rows follow each alignment in reading
order (see provtrace.render.rows.rows).

RFC 4180 (csv module, minimal quoting, CRLF line ends), UTF-8, a header row.
Every cell is one line, and a cell whose first non-blank character is
= + - or @ is prefixed with a single quote so spreadsheets do not run it as a
formula (escape.csv_cell).
"""

from __future__ import annotations

import csv
import io

from provtrace.models import Article, Trace
from provtrace.render import RenderOptions
from provtrace.render.escape import csv_cell
from provtrace.render.rows import Row, RowKind, rows

COLUMNS = (
    "source",
    "target",
    "source_indices",
    "target_indices",
    "kind",
    "score",
    "partial",
    "source_text",
    "target_text",
    "changes",
)


def _text(article: Article | None, indices: tuple[int, ...]) -> str:
    if article is None:
        return ""
    return " ".join(article.sentences[i].text for i in indices if 0 <= i < len(article.sentences))


def _cells(source: str, target: str, row: Row, parent: Article | None, child: Article | None) -> list[str]:
    linked = row.kind not in (RowKind.ADDED, RowKind.DROPPED, RowKind.UNMATCHED)
    return [
        source,
        target,
        "+".join(map(str, row.source)),
        "+".join(map(str, row.target)),
        row.kind.value,
        f"{row.score:.3f}" if linked and row.score is not None else "",
        ("true" if row.partial else "false") if linked else "",
        _text(parent, row.source),
        _text(child, row.target),
        ";".join(change.value for change in row.changes),
    ]


def render_csv(trace: Trace, options: RenderOptions) -> str:
    """Every link, added and dropped (or unmatched) sentence of every alignment, as CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for alignment in trace.alignments:
        parent, child = trace.article(alignment.source), trace.article(alignment.target)
        unmatched = bool(parent and child and trace.unlinked_may_be_translated(parent, child))
        for row in rows(alignment, unmatched):
            cells = _cells(alignment.source, alignment.target, row, parent, child)
            writer.writerow([csv_cell(cell) for cell in cells])
    return buffer.getvalue()
