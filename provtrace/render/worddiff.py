"""Word-level differences inside an altered sentence, for every renderer."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from provtrace.align.normalize import surface

_WORDS = re.compile(r"\S+")


class Op(StrEnum):
    """What happened to a run of words: kept, deleted from the old side, or inserted."""

    SAME = "same"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words of a word diff and what happened to it."""

    op: Op
    text: str


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments that turn old into new, word by word, deletions before insertions.

    Words are compared as verbatim compares them (case, quote and dash style
    folded), so every marked word is a real change and every change is marked;
    SAME segments show the old side's spelling.
    """
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    matcher = difflib.SequenceMatcher(a=[surface(w) for w in a], b=[surface(w) for w in b], autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(Op.SAME, " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment(Op.DELETE, " ".join(a[i1:i2])))
        if j2 > j1:
            segments.append(Segment(Op.INSERT, " ".join(b[j1:j2])))
    return tuple(segments)
