"""Recognise provtrace's own reports, so that they are never read as articles.

A report saved beside the articles (`trace dir -o dir/report.md`) would
otherwise become an article on the next run and the source of everything
it quotes. Each format is told by a signature that the renderer always
writes and an article never has: the JSON schema name, the HTML generator
tag, the DOT graph's name, the CSV header, the first line of the text and
Markdown reports, the check summary line.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

from provtrace.models import Skip

#: How much of the start of a file is enough to see every signature but the JSON schema.
HEAD_BYTES = 8192

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: The second line of a diff: what the inference says about the pair (render/common.direction).
_DIRECTION = (
    r"(?:[^\n]+ is an? [^\n]+ \(confidence \d\.\d\d\)\.|[^\n]+ is shown as the source"
    r"|Neither derives from the other|provtrace finds no derivation"
    r"|Which of [^\n]+ came first cannot be told)"
)
_COUNTS = r"\d+ articles? · \d+ derivations? · \d+ unseen sources? · \d+ unrelated"

#: Format -> a pattern that matches the start of its report (after leading blanks).
_HEADS: dict[str, re.Pattern[str]] = {
    "HTML": re.compile(r"<!DOCTYPE html>.{0,2000}?<meta name=\"generator\" content=\"provtrace\">", re.S),
    "DOT": re.compile(r"(?:strict\s+)?digraph\s+\"?provtrace\"?\s*\{"),
    "GraphML": re.compile(r"<\?xml[^>]*>\s*<graphml\b[^>]*>.{0,4000}?<graph id=\"provtrace\"", re.S),
    "JUnit XML": re.compile(r"<\?xml[^>]*>\s*<testsuites name=\"provtrace\b"),
    "CSV": re.compile(r"source,target,source_indices,target_indices,kind,score\b"),
    "text": re.compile(_COUNTS),
    "Markdown": re.compile(rf"# Provenance report\s*\n\s*{_COUNTS}"),
    "diff text": re.compile(rf"[^\n]+ compared with [^\n]+\n{_DIRECTION}"),
    "diff Markdown": re.compile(rf"# [^\n]+ compared with [^\n]+\n\s*{_DIRECTION}"),
    "GitHub annotations": re.compile(r"::(?:error|warning|notice) [^\n]*title=provtrace [a-z-]+::"),
    "SARIF": re.compile(r'\{\s*"\$schema":\s*"[^"]*sarif[^"]*".{0,400}?"name":\s*"provtrace"', re.S),
}
#: The JSON contracts name their schema, possibly after the rest (keys are sorted).
_JSON_SCHEMA = re.compile(r'"schema":\s*"provtrace\.[a-z]+/\d+"')
#: The last line of a check text report: "7 stories checked against 2 wire articles (…): … — check failed".
_CHECK_SUMMARY = re.compile(
    r"(?:^|\n)\d+ stor(?:y|ies) checked against \d+ wire articles? \([^\n]*\): "
    r"[^\n]* — check (?:passed|failed)\s*$"
)


def _text_of(data: bytes) -> str:
    """Enough of the bytes as text to look for ASCII signatures, whatever the encoding."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


def report_format(data: bytes) -> str | None:
    """The name of the provtrace report format data is in, or None for anything else."""
    text = _text_of(data)
    head = _ANSI.sub("", text[:HEAD_BYTES].lstrip())
    for name, pattern in _HEADS.items():
        if pattern.match(head):
            return name
    if head.startswith("{") and _JSON_SCHEMA.search(text):
        return "JSON"
    if _CHECK_SUMMARY.search(_ANSI.sub("", text[-HEAD_BYTES:])):
        return "check text"
    return None


#: Why a report is skipped, as the user reads it.
REPORT_REASON = "a provtrace report, not an article"
#: Why a provtrace index file (or the journal SQLite keeps beside it) is skipped.
INDEX_REASON = "a provtrace index, not an article"


def skip_messages(skipped: Iterable[Skip]) -> list[str]:
    """What the user is told of the inputs left out: one line each, except provtrace's own
    reports, which are named together in one line (a folder of reports says it once), and its
    wire index, which is where the README has it kept (in the wire folder) and goes unsaid."""
    skipped = [s for s in skipped if s.reason != INDEX_REASON]
    reports = [s.path for s in skipped if s.reason == REPORT_REASON]
    out = [str(s) for s in skipped if s.reason != REPORT_REASON]
    if len(reports) == 1:
        out.append(f"skipped {reports[0]}: {REPORT_REASON}")
    elif reports:
        out.append(f"skipped {len(reports)} provtrace reports, not articles: {', '.join(sorted(reports))}")
    return out
