"""Escaping article text for each output format.

Article text is untrusted: a crafted article must not restyle a terminal,
inject markup or structure into a report, or a formula into a spreadsheet.
Every renderer passes article-derived strings (text, titles, ids, paths,
sites) through the function for its format.
"""

from __future__ import annotations

import re

from provtrace.controls import control_pictures

_LINE_BREAK = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")

# Every ASCII punctuation character may be backslash-escaped in CommonMark;
# these are the ones that can start emphasis, links, images, code, HTML,
# headings, tables, strikethrough or an entity anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*\[\]<>#|~&])")
# A run of underscores inside a word (snake_case ids) cannot start or end emphasis; others can.
_MD_UNDERSCORES = re.compile(r"_+")
# At the start of a line these begin a list item, quote, heading or setext rule.
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@")


def visible(text: str) -> str:
    """Text with control characters shown as control pictures (ESC as "␛")."""
    return control_pictures(text)


def one_line(text: str) -> str:
    """Visible text on one line: line breaks and tabs become single spaces."""
    return visible(_LINE_BREAK.sub(" ", text))


def markdown(text: str) -> str:
    """Text that Markdown shows literally, on one line, safe inside a table cell.

    Metacharacters are backslash-escaped (so ``<script>`` is shown, not
    interpreted, and ``|`` cannot end a table cell) and list, quote and
    heading markers at the start are neutralised.
    """
    escaped = _MD_INLINE.sub(r"\\\1", one_line(text))
    escaped = _MD_UNDERSCORES.sub(_underscores, escaped)
    return _MD_LINE_START.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1], escaped, count=1)


def _underscores(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    inside = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return match[0] if inside else "\\_" * len(match[0])


def dot(*lines: str) -> str:
    """A Graphviz double-quoted string (quotes included) showing lines literally.

    Backslashes and quotes are escaped; lines are joined by Graphviz's own
    line-break escape, and line breaks inside a line become spaces.
    """
    return '"' + "\\n".join(one_line(t).replace("\\", "\\\\").replace('"', '\\"') for t in lines) + '"'


def csv_cell(text: str) -> str:
    """A spreadsheet-safe cell: one line, and a leading ' before a formula trigger.

    A cell whose first non-blank character is = + - or @ would be evaluated
    as a formula by Excel, LibreOffice or Google Sheets; the quote makes it text.
    """
    value = one_line(text)
    return "'" + value if value.lstrip().startswith(FORMULA_TRIGGERS) else value
