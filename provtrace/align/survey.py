"""The first pass over a run's articles: what aligning and candidates need of each.

Each article's sentence features are computed once and held packed
(features.pack_features) until the worker that aligns its story family
unpacks them; its candidate keys are held as compact arrays until the
candidate pairs are found; and the vocabulary (rarity weights over the run)
is built from each article's stem counts. So what the run holds for the
whole archive is a few bytes a sentence, not the features as objects.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

from provtrace.align.features import (
    Vocabulary,
    pack_features,
    sentence_features,
    stem_counts,
    unpack_features,
    vocabulary_from,
)
from provtrace.align.normalize import Features
from provtrace.align.progress import counter
from provtrace.index.keys import SentenceKeys, article_keys
from provtrace.models import Article, Progress
from provtrace.options import TraceOptions
from provtrace.parallel import ordered_chunks, worker_count
from provtrace.shelf import Shelf, heads, unpack_article

T = TypeVar("T")

#: The stage name under which sentence features (and keys) are computed.
COMPARING = "comparing sentences"
#: Sentences whose features a process remembers while reading a run (about
#: 15 MiB): enough for the copies of the stories it is reading, not the archive.
KNOWN_KEPT = 20_000


@dataclass(frozen=True, slots=True)
class Survey:
    """What the run keeps of each article once read: its features packed, its keys
    (compact arrays, when keyed), and the rarity weights over all of them."""

    packed: Mapping[str, bytes]
    shingles: Mapping[str, array[int]]
    words: Mapping[str, array[int]]
    vocabulary: Vocabulary


@dataclass(frozen=True, slots=True)
class _Surveyed:
    """One article's survey: packed features, stem counts (its share of the vocabulary), keys."""

    packed: bytes
    stems: dict[str, int]
    keys: tuple[array[int], array[int]] | None


def survey_run(
    articles: Sequence[Article], options: TraceOptions, progress: Progress | None, keyed: bool, fresh: bool
) -> Survey:
    """Each article's sentence features (packed), its candidate keys when keyed, and the
    vocabulary, on one core or several.

    Counted in sentences: on one core one long text moves the bar as it goes;
    on several, a chunk of articles at a time.
    """
    packed: dict[str, bytes] = {}
    shingles: dict[str, array[int]] = {}
    words: dict[str, array[int]] = {}
    df: Counter[str] = Counter()

    def keep(article_id: str, found: _Surveyed) -> None:
        packed[article_id] = found.packed
        df.update(found.stems)
        if found.keys is not None:
            shingles[article_id], words[article_id] = found.keys

    # From a shelf, its heads: no article unpacked here (a worker unpacks the ones it reads).
    read_once = [(head.title or "", i, head.sentences) for i, head in heads(articles)]
    # Read by title: the copies of a story, which most often keep its headline, then come
    # together, and a worker reads their shared sentences and words once, from its caches.
    order = sorted(range(len(read_once)), key=read_once.__getitem__)
    every: Sequence[Article | tuple[str, bytes]] = (
        list(articles.items()) if isinstance(articles, Shelf) else articles
    )
    items = _InOrder(every, order)
    sizes = [read_once[k][1:] for k in order]
    del read_once
    sentences = sum(n for _, n in sizes)
    read = 0
    if (
        progress is not None
        and options.scheduler is None
        and worker_count(options.workers, len(articles)) == 1
    ):
        state: _Known = ({}, {}, keyed)
        for (article_id, size), item in zip(sizes, items, strict=True):
            keep(article_id, _survey_of(state, item, counter(progress, COMPARING, read, sentences)))
            read += size
            progress(COMPARING, read, sentences)
    else:
        chunks = ordered_chunks(
            _survey_of,
            items,
            ({}, {}, keyed),
            workers=options.workers,
            scheduler=options.scheduler,
            fresh=fresh,
        )
        at = 0
        for chunk in chunks:
            for (article_id, size), found in zip(sizes[at : at + len(chunk)], chunk, strict=True):
                keep(article_id, found)
                read += size
            at += len(chunk)
            if progress is not None:
                progress(COMPARING, read, sentences)
    return Survey(packed, shingles, words, vocabulary_from(df, sentences, once=False))


#: A process's known sentences: their features and their keys (when keyed), and whether keyed.
_Known = tuple[dict[str, Features], dict[str, SentenceKeys], bool]


def _survey_of(
    state: _Known, item: Article | tuple[str, bytes], step: Callable[[int], None] | None = None
) -> _Surveyed:
    """One article's survey (item: the article, or its id and packed self from a shelf), through
    the process's cache of known sentences (copies of a story repeat most of its sentences; the
    cache is emptied when it grows past KNOWN_KEPT)."""
    article = item if isinstance(item, Article) else unpack_article(*item)
    known, known_keys, keyed = state
    if len(known) > KNOWN_KEPT:
        known.clear()
        known_keys.clear()
    found = sentence_features(article, known, step)
    keys = article_keys(article, known_keys) if keyed else None
    compact = None if keys is None else (array("q", keys.shingles), array("q", keys.words))
    return _Surveyed(pack_features(found), stem_counts(found), compact)


class _InOrder(Sequence[T]):
    """Items read in another order: the one at each of the given positions in turn."""

    def __init__(self, items: Sequence[T], order: Sequence[int]) -> None:
        self.items, self.order = items, order

    def __len__(self) -> int:
        return len(self.order)

    @overload
    def __getitem__(self, at: int) -> T: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[T]: ...

    def __getitem__(self, at: int | slice) -> T | Sequence[T]:
        if isinstance(at, slice):
            return [self.items[k] for k in self.order[at]]
        return self.items[self.order[at]]


class Unpacked(Mapping[str, tuple[Features, ...]]):
    """Packed sentence features, unpacked as they are read (the few articles that need them)."""

    def __init__(self, packed: Mapping[str, bytes]) -> None:
        self.packed = packed

    def __getitem__(self, key: str) -> tuple[Features, ...]:
        return unpack_features(self.packed[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)
