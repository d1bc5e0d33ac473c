"""What the aligner knows of an article: sentence features, rarity weights, weighted stem bags.

A stem's weight is its inverse document frequency over sentences, so that
sharing a rare name says more than sharing a common verb. The small helpers
at the end (shared weight, union of bags, coverage) are the arithmetic every
scoring step of the aligner uses.
"""

from __future__ import annotations

import math
import pickle
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import attrgetter
from typing import Any

from provtrace.align.normalize import Features, features
from provtrace.models import PROGRESS_EVERY, Article

#: zlib level for packed features: the fastest, which already halves pickled features.
PACK_LEVEL = 1


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Rarity weights (inverse document frequency over sentences) for stems.

    A stem not in weights weighs missing: the rarest weight (default, as for a
    stem never seen) unless the stems used in one sentence only are left out of
    weights, when it is theirs (see vocabulary_from).
    """

    weights: Mapping[str, float]
    default: float
    missing: float | None = None  # None: default

    def weight(self, stem: str) -> float:
        """The stem's weight; a stem not in weights weighs missing (an unseen one the rarest)."""
        return self.weights.get(stem, self.absent)

    @property
    def absent(self) -> float:
        """The weight of a stem not in weights."""
        return self.default if self.missing is None else self.missing

    def rarer_than(self, sentences: int) -> float:
        """The weight below which a stem is used in more than that many sentences."""
        return self.default - math.log(sentences + 1)


def sentence_features(
    article: Article, known: dict[str, Features] | None = None, step: Callable[[int], None] | None = None
) -> tuple[Features, ...]:
    """The comparison features of each sentence of an article.

    known maps sentence texts to features already computed (it is filled in):
    the copies of a story repeat most of its sentences word for word. step,
    if given, is called with the sentences done so far every PROGRESS_EVERY sentences.
    """
    known = {} if known is None else known
    out = []
    for sentence in article.sentences:
        found = known.get(sentence.text)
        if found is None:
            found = known[sentence.text] = features(sentence.text)
        out.append(found)
        if step is not None and len(out) % PROGRESS_EVERY == 0:
            step(len(out))
    return tuple(out)


def build_vocabulary(
    articles: Iterable[Article], feats: Mapping[str, Sequence[Features]] | None = None
) -> Vocabulary:
    """Weights from how many sentences, across all articles, use each stem.

    feats maps article id to precomputed sentence features (computed here if absent).
    """
    return vocabulary_of(feats[a.id] if feats is not None else sentence_features(a) for a in articles)


def vocabulary_of(texts: Iterable[Sequence[Features]]) -> Vocabulary:
    """Weights from how many sentences, across the given texts' sentence features, use each stem."""
    df: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += len(text)
        df.update(chain.from_iterable(map(_distinct, text)))
    return vocabulary_from(df, total)


_distinct = attrgetter("distinct")


def stem_counts(feats: Iterable[Features]) -> dict[str, int]:
    """For each stem, how many of the sentences use it: one text's share of a vocabulary's counts."""
    df: Counter[str] = Counter()
    df.update(chain.from_iterable(f.distinct for f in feats))
    return dict(df)


def vocabulary_from(df: Mapping[str, int], total: int, *, once: bool = True) -> Vocabulary:
    """Weights from the number of sentences using each stem (df) out of total sentences.

    With once false, the stems used in one sentence only (about half of a large
    run's) are left out and a stem not in weights weighs what they would: the
    same weights for every stem df counts, in half the memory, but a stem df
    never saw weighs as one used once, not as the rarest. So only for a
    vocabulary asked only about the stems it counted (a trace's: every stem
    looked up is one of its articles').
    """
    # Few distinct counts: each weight is worked out once and shared by the stems with that count.
    by_count = {n: _idf(n, total) for n in set(df.values())}
    default = 1.0 + math.log(total + 1)
    if once:
        weights = dict(zip(df, map(by_count.__getitem__, df.values()), strict=True))
        return Vocabulary(weights, default)
    kept = {s: n for s, n in df.items() if n != 1}
    weights = dict(zip(kept, map(by_count.__getitem__, kept.values()), strict=True))
    return Vocabulary(weights, default, _idf(1, total))


def _idf(count: int, total: int) -> float:
    """The weight of a stem used in count of total sentences."""
    return 1.0 + math.log((total + 1) / (count + 1))


def pack_features(feats: Sequence[Features]) -> bytes:
    """An article's sentence features in a few bytes, to hold or send until they are used.

    A tenth of their size as objects: a large run keeps every article's this
    way, and each is unpacked by the worker that aligns its story family.
    """
    plain = [(f.norm, f.stems, tuple(f.anchors)) for f in feats]
    return zlib.compress(pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL), PACK_LEVEL)


def unpack_features(data: bytes) -> tuple[Features, ...]:
    """The sentence features packed by pack_features."""
    return tuple(
        Features(norm, stems, frozenset(anchors), tuple(dict.fromkeys(stems)))
        for norm, stems, anchors in pickle.loads(zlib.decompress(data))
    )


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready for alignment: sentence features and rarity-weighted stem bags.

    vectors, when the semantic backend is on, holds one embedding per sentence
    (a numpy array of shape (sentences, dimensions), L2-normalised).
    """

    article: Article
    feats: tuple[Features, ...]
    bags: tuple[dict[str, float], ...]  # stem -> weight, once per stem
    mass: tuple[float, ...]
    vectors: Any = None


def prepare(
    article: Article,
    vocab: Vocabulary,
    feats: Sequence[Features] | None = None,
    vectors: Any = None,
    known: dict[tuple[str, ...], tuple[dict[str, float], float]] | None = None,
) -> Prepared:
    """Compute what the aligner needs of one article, once.

    known maps a sentence's distinct stems to its bag and mass weighed with this vocabulary
    (it is filled in): the two sides of a copy share most sentences. Bags are never changed
    once made, so a sentence's may be shared.
    """
    feats = tuple(feats) if feats is not None else sentence_features(article)
    weights, default = vocab.weights, vocab.absent  # Vocabulary.weight, without a call per stem
    known = {} if known is None else known
    bags, masses = [], []
    for f in feats:
        found = known.get(f.distinct)
        if found is None:
            # {s: weights.get(s, default) for s in f.distinct}, the look-ups made in C.
            bag = dict(zip(f.distinct, map(weights.get, f.distinct, repeat(default)), strict=True))
            found = known[f.distinct] = (bag, sum(bag.values()))
        bags.append(found[0])
        masses.append(found[1])
    return Prepared(article, feats, tuple(bags), tuple(masses), vectors)


def profile(prepared: Prepared, floor: float = 0.0) -> dict[str, float]:
    """The article's content stems of at least floor rarity weight, each with its weight."""
    merged: dict[str, float] = {}
    for bag in prepared.bags:
        merged.update(bag)
    return {s: w for s, w in merged.items() if w >= floor}


def shared_weight(a: dict[str, float], b: dict[str, float]) -> float:
    """The weight of the stems two bags have in common."""
    if len(a) > len(b):
        a, b = b, a
    # In a's order, as a generator over a.items() would sum them, but without a Python-level loop.
    return sum(map(a.__getitem__, filter(b.__contains__, a)))


def union(bags: Iterable[dict[str, float]]) -> dict[str, float]:
    """One bag holding every stem of the given bags."""
    out: dict[str, float] = {}
    for bag in bags:
        out.update(bag)
    return out


def coverage(covered: dict[str, float], by: dict[str, float]) -> float:
    """The share of covered's weight that by also holds."""
    mass = sum(covered.values())
    return shared_weight(covered, by) / mass if mass else 0.0
