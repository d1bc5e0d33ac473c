"""Candidate keys of an article: evidence of shared expression, and rare shared words.

Two kinds of key, both 64-bit integers that are the same in every run and on
every machine (BLAKE2 digests of words, never Python's salted hash()):

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
from functools import lru_cache

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
#: Combining marks (accents once NFKD has split them from their letters).
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SHINGLE_TAG = b"s\0"
_WORD_TAG = b"w\0"
_MASK = (1 << 64) - 1
#: Odd multipliers: the polynomial base of the rolling hash (the 64-bit FNV
#: prime) and the finaliser's constant (2^64 over the golden ratio).
_BASE = 0x100000001B3
_MIX = 0x9E3779B97F4A7C15
_WORD_SALT = 0x5BD1E9955BD1E995
#: Word digests remembered: a folder's or a batch's running vocabulary, so a
#: word is digested once, not once per article (a few MiB at most).
_DIGESTS_KEPT = 1 << 16
_LEADING = pow(_BASE, SHINGLE_WORDS - 1, 1 << 64)


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """The keys of one article, each kind sorted."""

    shingles: tuple[int, ...]
    words: tuple[int, ...]

    def all(self) -> tuple[int, ...]:
        """Every key once, sorted (a shingle and a word never share a value in practice)."""
        return tuple(sorted(set(self.shingles) | set(self.words)))


@lru_cache(maxsize=_DIGESTS_KEPT)
def _unsigned(tag: bytes, text: str) -> int:
    value: int = struct.unpack("<Q", hashlib.blake2b(tag + text.encode("utf-8"), digest_size=8).digest())[0]
    return value


def _signed(value: int) -> int:
    """An unsigned 64-bit value as SQLite's signed INTEGER."""
    return value - (1 << 64) if value >= 1 << 63 else value


def stable_hash(tag: bytes, text: str) -> int:
    """A signed 64-bit digest of text (SQLite's INTEGER range), the same in every run."""
    return _signed(_unsigned(tag, text))


def tokens(text: str) -> list[str]:
    """Words of text, case-folded and without diacritics."""
    if text.isascii():
        return _WORD.findall(text.lower())
    plain = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return _WORD.findall(plain)


def _mix(value: int) -> int:
    """Spread every bit of a rolling hash over all 64 (a multiply-xorshift finaliser)."""
    value ^= value >> 31
    value = (value * _MIX) & _MASK
    return value ^ (value >> 29)


def _sentence_shingles(values: list[int]) -> set[int]:
    """Sampled shingle keys of one sentence, given its word digests: a rolling polynomial hash.

    Rolling costs a few integer operations a shingle instead of a digest of
    its text, and is as stable: the word digests are BLAKE2. (_mix is
    written out inline: this loop is most of the cost of indexing.)
    """
    if len(values) < SHINGLE_WORDS:
        return set()
    base, mask, mix, leading = _BASE, _MASK, _MIX, _LEADING
    rolling = 0
    for value in values[:SHINGLE_WORDS]:
        rolling = (rolling * base + value) & mask
    kept: set[int] = set()
    smallest = mask + 1
    for k in range(SHINGLE_WORDS, len(values) + 1):
        if k > SHINGLE_WORDS:
            rolling = ((rolling - values[k - SHINGLE_WORDS - 1] * leading) * base + values[k - 1]) & mask
        h = rolling ^ (rolling >> 31)
        h = (h * mix) & mask
        h ^= h >> 29
        if h % SAMPLE_EVERY == 0:
            kept.add(h)
        elif h < smallest:
            smallest = h
    if not kept:
        kept.add(smallest)
    return {_signed(h) for h in kept}


@lru_cache(maxsize=_DIGESTS_KEPT)
def _content_word(word: str) -> str | None:
    if word in STOPWORDS or (len(word) < 3 and not word.isdigit()):
        return None
    return word if word.isdigit() else word[:WORD_LETTERS]


def content_words(text: str) -> frozenset[str]:
    """The content words of a text, cut as word keys cut them (before hashing)."""
    return frozenset(c for c in map(_content_word, tokens(text)) if c is not None)


@lru_cache(maxsize=_DIGESTS_KEPT)
def _word_key(word: str, in_text: bool) -> int:
    """The key of a cut content word: from its shingle digest when the text holds the cut form as
    a word of its own (in_text), else from a digest of its own."""
    # A word's key reuses its digest, moved by a salt away from the shingle keys.
    return _signed(_mix(_unsigned(_SHINGLE_TAG if in_text else _WORD_TAG, word) ^ _WORD_SALT))


def _word_keys(vocabulary: set[str]) -> set[int]:
    """The keys of the content words of a vocabulary."""
    words = set(map(_content_word, vocabulary))
    return {_word_key(word, word in vocabulary) for word in words if word is not None}


#: A sentence's words and sampled shingle keys, as sentence_keys reads them.
SentenceKeys = tuple[tuple[str, ...], tuple[int, ...]]


def sentence_keys(texts: Iterable[str], known: dict[str, SentenceKeys] | None = None) -> ArticleKeys:
    """The keys of an article given the texts of its sentences.

    known maps sentence texts to their words and shingles already read (it is filled in):
    the copies of a story repeat most of its sentences word for word.
    """
    known = {} if known is None else known
    vocabulary: set[str] = set()
    shingles: set[int] = set()
    for text in texts:
        found = known.get(text)
        if found is None:
            words = tokens(text)
            digests = [_unsigned(_SHINGLE_TAG, w) for w in words]
            found = known[text] = (tuple(words), tuple(_sentence_shingles(digests)))
        vocabulary.update(found[0])
        shingles.update(found[1])
    return ArticleKeys(shingles=tuple(sorted(shingles)), words=tuple(sorted(_word_keys(vocabulary))))


def article_keys(article: Article, known: dict[str, SentenceKeys] | None = None) -> ArticleKeys:
    """The keys of an article (its title is left out: headlines are rewritten freely); known as
    for sentence_keys."""
    return sentence_keys((s.text for s in article.sentences), known)


def pack(keys: tuple[int, ...]) -> bytes:
    """Keys as little-endian 64-bit integers, to store beside an article."""
    return struct.pack(f"<{len(keys)}q", *keys)


def unpack(data: bytes) -> tuple[int, ...]:
    """The keys stored by pack."""
    return struct.unpack(f"<{len(data) // 8}q", data)
