"""provtrace's own directives written in a story: waiver lines, never story text.

A newsroom signs off an exception to `provtrace check` in the story file
itself (``provtrace: allow RULE [AGENCY] -- REASON``, in .md and .html inside
an HTML comment). check/waivers.py parses them; every reader of a story, in
`trace` as in `check`, removes them first, so a directive is never a title,
a sentence or a credit.
"""

from __future__ import annotations

import re

#: One directive: "provtrace: allow" and the rest of its line.
DIRECTIVE = re.compile(r"provtrace:\s*allow\b(?P<body>[^\n\r]*)")
#: A directive inside an HTML comment.
COMMENT = re.compile(r"<!--(?:(?!-->).)*?provtrace:\s*allow\b.*?-->", re.DOTALL)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def lines_of(text: str) -> list[str]:
    """The lines of text, each with its line ending."""
    return [m.group(0) for m in _LINE.finditer(text) if m.group(0)]


def strip_directives(text: str) -> str:
    """text without its directives (a line left empty by one is dropped)."""
    if "provtrace:" not in text:
        return text
    out: list[str] = []
    for line in lines_of(text):
        if "provtrace:" not in line:
            out.append(line)
            continue
        cleaned = DIRECTIVE.sub("", COMMENT.sub("", line))
        if cleaned.strip():
            out.append(cleaned)
    return "".join(out)
