"""An inverted index of wire copy, so a story is aligned only with the wire
articles it could derive from.

Checking 50 stories against thousands of wire articles must not compare
every pair of sentences. The index maps content-word keys to the wire
articles using them. A story's rarer keys (used by few wire articles) pick
the candidates sharing most of them; a candidate is kept when one of its
sentences shares several such keys with one of the story's sentences, the
least a reused sentence has in common with its source. Only those go on to
the (costly) sentence alignment.

Keys are cheaper than normalize.features (which the aligner still uses):
folded words without stopwords, cut to six letters like normalize.stem.
This index only preselects, so approximate keys lose nothing but speed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from provtrace.align.normalize import STOPWORDS
from provtrace.models import Article

_WORD = re.compile(r"[^\W_]+")

#: Keys used by more than this share of the wire articles say nothing about a match.
_COMMON_SHARE = 0.1
#: ... but a small wire folder keeps keys used by up to this many articles.
_COMMON_FLOOR = 20
#: A story sentence and a wire sentence sharing this many keys may be a reuse.
_SENTENCE_KEYS = 3
#: At most this many wire articles (those sharing most keys) are examined per story.
_MAX_CANDIDATES = 200


def keys(text: str) -> frozenset[str]:
    """Content-word keys of a sentence: folded, without stopwords, six letters at most."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    out = set()
    for word in _WORD.findall(plain):
        if word in STOPWORDS or (len(word) < 3 and not word.isdigit()):
            continue
        out.add(word[:6] if len(word) > 6 else word.removesuffix("s"))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class WireIndex:
    """Keys of every wire sentence and, for each key, the articles using it."""

    sentences: tuple[tuple[frozenset[str], ...], ...]  # per article, per sentence
    postings: dict[str, tuple[int, ...]]  # key -> article numbers
    common: int  # keys in more articles than this are not looked up

    @property
    def size(self) -> int:
        """The number of wire articles indexed."""
        return len(self.sentences)


def build_index(articles: Sequence[Article]) -> WireIndex:
    """Index the sentences of the wire articles (numbered in the given order)."""
    sentences = tuple(tuple(keys(s.text) for s in article.sentences) for article in articles)
    postings: dict[str, list[int]] = {}
    for number, article_keys in enumerate(sentences):
        for key in frozenset().union(*article_keys):
            postings.setdefault(key, []).append(number)
    common = max(_COMMON_FLOOR, math.ceil(_COMMON_SHARE * len(articles)))
    return WireIndex(sentences, {k: tuple(v) for k, v in postings.items()}, common)


def candidates(index: WireIndex, story: Article) -> list[int]:
    """Numbers of the wire articles that share a likely reused sentence with story, in order."""
    story_keys = [keys(s.text) for s in story.sentences]
    shared: Counter[int] = Counter()
    for key in frozenset().union(*story_keys):
        posting = index.postings.get(key, ())
        if len(posting) <= index.common:
            shared.update(posting)
    coarse = [n for n, count in shared.items() if count >= _SENTENCE_KEYS]
    coarse.sort(key=lambda n: (-shared[n], n))
    kept = [n for n in coarse[:_MAX_CANDIDATES] if _shares_a_sentence(index.sentences[n], story_keys, index)]
    return sorted(kept)


def _shares_a_sentence(
    wire: Sequence[frozenset[str]], story: Sequence[frozenset[str]], index: WireIndex
) -> bool:
    """Whether some wire sentence and some story sentence share enough uncommon keys."""
    where: dict[str, list[int]] = {}
    for number, sentence in enumerate(wire):
        for key in sentence:
            if len(index.postings.get(key, ())) <= index.common:
                where.setdefault(key, []).append(number)
    for sentence in story:
        hits: Counter[int] = Counter()
        for key in sentence:
            hits.update(where.get(key, ()))
        if hits and max(hits.values()) >= _SENTENCE_KEYS:
            return True
    return False
