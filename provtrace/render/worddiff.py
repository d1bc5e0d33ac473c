"""Word-level differences inside an altered sentence, for every renderer."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from provtrace.align.normalize import surface
from provtrace.scripts import UNSPACED, UNSPACED_CHARACTERS

_WORDS = re.compile(r"\S+")
#: A word cut into characters of scripts written without spaces (each is a word of the diff, so one
#: changed character is all that is marked) and the runs of other characters between them.
_PIECES = re.compile(f"[{UNSPACED_CHARACTERS}]|[^{UNSPACED_CHARACTERS}]+")


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
    #: Whether a space comes before the run in its text (not inside Chinese or Japanese).
    spaced: bool = True
    #: A kept run as the old side writes it, where that differs (case, quote or dash style).
    old: str | None = None

    def spelled(self, side: Op) -> str:
        """The run as side writes it: a kept run on the old side (DELETE) in the old spelling."""
        return self.old if side is Op.DELETE and self.old is not None else self.text


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments that turn old into new, word by word, deletions before insertions.

    Words are compared as verbatim compares them (case, quote and dash style
    folded), so every marked word is a real change and every change is marked;
    SAME segments carry both sides' spellings (text: the new side's, old: the
    old side's where it differs), so each side is shown exactly as it is
    written. In a script written without spaces each character is a word; a
    segment says whether a space precedes it.
    """
    a, b = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(
        a=[surface(w) for w, _ in a], b=[surface(w) for w, _ in b], autojunk=False
    )
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept, was = _segment(Op.SAME, b[j1:j2]), _segment(Op.SAME, a[i1:i2]).text
            segments.append(kept if was == kept.text else replace(kept, old=was))
            continue
        if i2 > i1:
            segments.append(_segment(Op.DELETE, a[i1:i2]))
        if j2 > j1:
            segments.append(_segment(Op.INSERT, b[j1:j2]))
    return tuple(segments)


def wdiff(segment: Segment) -> str:
    """A deleted or inserted run marked as wdiff marks it, [-deleted-] or {+inserted+}; a run that
    ends or begins with the marker's own sign ("(AFP) -") is set off from it by a space, so that
    "[-(AFP) - -]" never reads as "(AFP) --"."""
    sign, opener, closer = ("-", "[-", "-]") if segment.op is Op.DELETE else ("+", "{+", "+}")
    text = segment.text
    head = " " if text.startswith(sign) else ""
    tail = " " if text.endswith(sign) else ""
    return f"{opener}{head}{text}{tail}{closer}"


def join(segments: Iterable[Segment | tuple[Segment, str]]) -> str:
    """Segments' texts (or a segment and its text as shown) joined as they stand: spaced, or not."""
    out: list[str] = []
    for item in segments:
        segment, text = item if isinstance(item, tuple) else (item, item.text)
        if out and segment.spaced:
            out.append(" ")
        out.append(text)
    return "".join(out)


def _words(text: str) -> list[tuple[str, bool]]:
    """The words of text, each with whether a space precedes it."""
    if UNSPACED.search(text) is None:  # the common case
        return [(w, True) for w in _WORDS.findall(text)]
    out: list[tuple[str, bool]] = []
    for word in _WORDS.findall(text):
        out.extend((piece, n == 0) for n, piece in enumerate(_PIECES.findall(word)))
    return out


def _segment(op: Op, words: list[tuple[str, bool]]) -> Segment:
    """A run of words as one segment, spaced as in its text."""
    text = "".join((" " if spaced and n else "") + word for n, (word, spaced) in enumerate(words))
    return Segment(op, text, words[0][1])
