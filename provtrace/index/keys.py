"""Candidate keys of an article: evidence of shared expression, and rare shared words.

Two kinds of key, both 64-bit integers that are the same in every run and on
every machine (a BLAKE2 digest, never Python's salted hash()):

- *Shingles*: every run of five consecutive normalised words inside a
  sentence. A copied or lightly edited sentence keeps most of its shingles;
  two articles on the same topic written independently share almost none.
  One shingle in four is kept, chosen by its hash so that both sides of a
  copy keep the same ones; a sentence whose shingles all fall outside the
  sample keeps its smallest, so no sentence goes unkeyed.
- *Words*: the content words of the article, cut like a crude stem. They find
  paraphrases and summaries, which keep the story's names, places and figures
  but few of its phrases; only an article's rarest words are looked up.

The normalisation lives here, not in align/, so that the keys stored in an
index change only when this module does (KEYS_VERSION is part of the index's
schema version).
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from provtrace.align.normalize import STOPWORDS
from provtrace.models import Article

#: Bump when the keys of an article change: old indexes must then be rebuilt.
KEYS_VERSION = 1
#: Words in a shingle: long enough that independent writers rarely share one.
SHINGLE_WORDS = 5
#: One shingle in SAMPLE_EVERY is kept (by hash): a quarter of the keys, and a
#: copied sentence of twelve words or more still keeps two on average.
SAMPLE_EVERY = 4
#: Content words are cut to this many letters (adviser/advisor, withdrawal/withdrawing).
WORD_LETTERS = 6

_WORD = re.compile(r"[^\W_]+")
_SHINGLE_TAG = b"s\0"
_WORD_TAG = b"w\0"


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """The keys of one article, each kind sorted."""

    shingles: tuple[int, ...]
    words: tuple[int, ...]

    def all(self) -> tuple[int, ...]:
        """Every key once, sorted (a shingle and a word never share a value in practice)."""
        return tuple(sorted(set(self.shingles) | set(self.words)))


def stable_hash(tag: bytes, text: str) -> int:
    """A signed 64-bit digest of text (SQLite's INTEGER range), the same in every run."""
    digest = hashlib.blake2b(tag + text.encode("utf-8"), digest_size=8).digest()
    value: int = struct.unpack("<q", digest)[0]
    return value


def tokens(text: str) -> list[str]:
    """Words of text, case-folded and without diacritics."""
    if text.isascii():
        return _WORD.findall(text.lower())
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return _WORD.findall(plain)


def _sentence_shingles(words: list[str]) -> set[int]:
    hashes = [
        stable_hash(_SHINGLE_TAG, " ".join(words[k : k + SHINGLE_WORDS]))
        for k in range(len(words) - SHINGLE_WORDS + 1)
    ]
    kept = {h for h in hashes if h % SAMPLE_EVERY == 0}
    if hashes and not kept:
        kept.add(min(hashes))
    return kept


def _content_word(word: str) -> str | None:
    if word in STOPWORDS or (len(word) < 3 and not word.isdigit()):
        return None
    return word if word.isdigit() else word[:WORD_LETTERS]


def sentence_keys(texts: Iterable[str]) -> ArticleKeys:
    """The keys of an article given the texts of its sentences."""
    shingles: set[int] = set()
    words: set[str] = set()
    for text in texts:
        found = tokens(text)
        shingles |= _sentence_shingles(found)
        words.update(w for w in map(_content_word, found) if w is not None)
    return ArticleKeys(
        shingles=tuple(sorted(shingles)),
        words=tuple(sorted(stable_hash(_WORD_TAG, w) for w in words)),
    )


def article_keys(article: Article) -> ArticleKeys:
    """The keys of an article (its title is left out: headlines are rewritten freely)."""
    return sentence_keys(s.text for s in article.sentences)


def pack(keys: tuple[int, ...]) -> bytes:
    """Keys as little-endian 64-bit integers, to store beside an article."""
    return struct.pack(f"<{len(keys)}q", *keys)


def unpack(data: bytes) -> tuple[int, ...]:
    """The keys stored by pack."""
    return struct.unpack(f"<{len(data) // 8}q", data)
