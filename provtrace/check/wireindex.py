"""The wire copy of `check --wire`, keyed as an index file keys it, so a story is aligned only
with the wire articles it could derive from.

Checking 50 stories against thousands of wire articles must not compare
every pair of sentences. The candidates of a story are picked by the one
candidate rule of provtrace.index.query, over the keys of the wire articles
read for this run (held in memory) instead of an index file's, then kept
when they share a sentence with the story, as check/archive.py keeps the
index's: the same wire copy gives the same candidates, hence the same
findings, with --wire and with --index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from provtrace.index.keys import article_keys
from provtrace.index.query import CHECK_RARE_WORDS, MemoryKeys, choose, sharing_a_sentence
from provtrace.models import Article


@dataclass(frozen=True, slots=True)
class WireIndex:
    """The candidate keys of the wire articles of one run, numbered in the given order."""

    table: MemoryKeys
    articles: tuple[Article, ...]

    @property
    def size(self) -> int:
        """The number of wire articles indexed."""
        return len(self.articles)


def build_index(articles: Sequence[Article]) -> WireIndex:
    """Key the wire articles (numbered in the given order)."""
    return WireIndex(MemoryKeys(article_keys(a) for a in articles), tuple(articles))


def candidates(index: WireIndex, story: Article) -> list[int]:
    """Numbers of the wire articles the story may derive from, in order."""
    chosen = choose(index.table, article_keys(story), rare=CHECK_RARE_WORDS)
    kept = sharing_a_sentence(story, [index.articles[n] for n in chosen])
    return [chosen[k] for k in kept]
