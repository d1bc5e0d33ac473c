"""Find where a piece of extracted text sits in the file it came from.

Extraction loses positions: markup is removed, lines are joined, quotes and
dashes stay as written. A SourceMap tokenises the raw decoded file once
(words folded to lower case without diacritics, markup and escapes blanked
out so offsets stay true) and finds a sentence, a quotation or a figure by
its first words, searching forward from a hint so that repeated phrases
resolve to the right occurrence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict

from provtrace.ingest.types import InputKind, kind_of

_WORD = re.compile(r"[^\W_]+")
_HTML_NOISE = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>|&#?\w+;", re.DOTALL | re.IGNORECASE
)
_MD_NOISE = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)|<!--.*?-->|<[^>]*>", re.DOTALL)
_JSON_NOISE = re.compile(r"\\u[0-9a-fA-F]{4}|\\.")
#: What is blanked out of each kind of file before its words are indexed (plain text: nothing).
_NOISE = {InputKind.HTML: _HTML_NOISE, InputKind.MARKDOWN: _MD_NOISE, InputKind.JSON: _JSON_NOISE}
_NEWLINE = re.compile(r"\r\n|\r|\n")

#: How many leading words identify a passage; fewer are tried when markup splits it.
_PREFIX_WORDS = (8, 5, 3, 2)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def fold_word(word: str) -> str:
    """Lower case without diacritics: how words are compared with the file."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words_of(text: str) -> list[str]:
    """The folded words of text, in order."""
    return [fold_word(w) for w in _WORD.findall(text)]


class SourceMap:
    """Offsets and 1-based line numbers of passages in one raw file."""

    def __init__(self, raw: str, suffix: str = "") -> None:
        kind = kind_of(suffix)
        noise = _NOISE.get(kind) if kind is not None else None
        searchable = noise.sub(_blank, raw) if noise is not None else raw
        self._words: list[str] = []
        self._starts: list[int] = []
        self._where: defaultdict[str, list[int]] = defaultdict(list)
        for match in _WORD.finditer(searchable):
            self._where[fold_word(match.group(0))].append(len(self._words))
            self._words.append(fold_word(match.group(0)))
            self._starts.append(match.start())
        self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(raw)]

    def find(self, text: str, after: int = 0) -> int | None:
        """The offset where text begins, preferring the first occurrence at or after offset `after`."""
        words = words_of(text)
        if not words:
            return None
        # Try a later start when the first words are lost in extraction (a dateline, markup).
        for skip in range(min(3, len(words))):
            for size in _PREFIX_WORDS:
                probe = words[skip : skip + size]
                hit = self._search(probe, after) if len(probe) >= 2 or len(words) == 1 else None
                if hit is not None:
                    return hit
        return None

    def _search(self, probe: list[str], after: int) -> int | None:
        first = bisect.bisect_left(self._starts, after)
        candidates = self._where.get(probe[0], [])
        cut = bisect.bisect_left(candidates, first)
        for k in candidates[cut:] + candidates[:cut]:
            if self._words[k : k + len(probe)] == probe:
                return self._starts[k]
        return None

    def line(self, offset: int | None) -> int:
        """The 1-based line of offset (line 1 when the passage was not found)."""
        if offset is None:
            return 1
        return bisect.bisect_right(self._line_starts, offset)
