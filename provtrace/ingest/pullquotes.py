"""Pull quotes: display lines that repeat a sentence of the story they sit in.

A page sets a striking sentence of the story again in large type between its
paragraphs. Kept, it would count twice; furniture.clean_capture drops each
line that Paragraphs finds repeating a longer line of the same story.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rapidfuzz import fuzz

from provtrace.scripts import SENTENCE_END, word_count

_WORD = re.compile(r"\w+")


#: How many of a line's rarest words name the paragraphs it may repeat: a pull quote copies a
#: sentence of the story, so its rarer words are in the paragraph it quotes; three spare a typo.
_PULL_QUOTE_KEY_WORDS = 3
#: A story of fewer lines compares each display line with every line (quick at that size, and
#: exact for markup-like lines that share no rare word with the line they repeat).
_PULL_QUOTE_INDEX_FROM = 300
#: Below this many distinct inner words ("| --- | --- |", "[11 → 5] (partial)") words say too
#: little: such a line is compared with every longer line, as before the index.
_PULL_QUOTE_MIN_WORDS = 4
#: The share of a line's inner words a paragraph must hold to be compared with it: a line that
#: is 85% the same text as a stretch of the paragraph keeps far more of its words than this.
_PULL_QUOTE_SHARED_WORDS = 0.5
#: What a pull quote must have in common with the paragraph it repeats (rapidfuzz partial ratio).
_PULL_QUOTE_SIMILARITY = 85


#: Combining marks (the diacritics NFKD decomposition separates from their letters).
_COMBINING_MARK = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _unaccented(text: str) -> str:
    """text without diacritics: a display line may drop the accents its paragraph has, and the
    comparison (character similarity) forgives that, so the word index must too."""
    if text.isascii():
        return text
    return _COMBINING_MARK.sub("", unicodedata.normalize("NFKD", text))


def _index_words(lowered: str) -> set[str]:
    """The words a line is indexed by (lower-case, without diacritics)."""
    return set(_WORD.findall(_unaccented(lowered)))


class Paragraphs:
    """The lines of a story indexed by their words, to find the lines a display line may repeat.

    Comparing every line with every longer one is quadratic (minutes on a 5 MB file); only the
    lines sharing one of a line's rarest words can hold its text, so only those are compared.
    The index is built on the first question: most stories have no line to ask about.
    """

    def __init__(self, body: list[str]) -> None:
        self._lines = body
        self._lowered: list[str] = []
        self._where: dict[str, list[int]] = {}
        self._words: list[set[str]] = []

    def _index(self) -> dict[str, list[int]]:
        if not self._lowered and self._lines:
            self._lowered = [line.lower() for line in self._lines]
            self._words = [_index_words(lowered) for lowered in self._lowered]
            for i, words in enumerate(self._words):
                for word in words:
                    self._where.setdefault(word, []).append(i)
        return self._where

    def _candidates(self, lowered: str) -> Iterator[int]:
        """In a long story, the lines holding one of lowered's rarest inner words and half of them.

        The first and last words are left out: a display line may cut a word at either end.
        """
        where = self._index()
        inner = set(_WORD.findall(_unaccented(lowered))[1:-1])
        if len(self._lines) < _PULL_QUOTE_INDEX_FROM or len(inner) < _PULL_QUOTE_MIN_WORDS:
            yield from range(len(self._lines))  # every line, as before the index
            return
        shared = sorted((len(where[w]), w) for w in inner if len(where.get(w, ())) > 1)
        seen: set[int] = set()
        for _, word in shared[:_PULL_QUOTE_KEY_WORDS]:
            for i in where[word]:
                if i not in seen:
                    seen.add(i)
                    if len(inner & self._words[i]) >= _PULL_QUOTE_SHARED_WORDS * len(inner):
                        yield i

    def is_pull_quote(self, line: str) -> bool:
        """A display line repeating words of a paragraph elsewhere in the story."""
        if SENTENCE_END.search(line) or word_count(line) < 5:
            return False
        lowered = line.lower()
        # Only longer lines can hold it (which also leaves the line itself out).
        return any(
            len(self._lines[i]) > len(line)
            # The cutoff lets rapidfuzz give up early; the answer is the same.
            and fuzz.partial_ratio(lowered, self._lowered[i], score_cutoff=_PULL_QUOTE_SIMILARITY)
            >= _PULL_QUOTE_SIMILARITY
            for i in self._candidates(lowered)
        )
