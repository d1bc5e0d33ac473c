"""Counting the articles that share keys, for candidate search (provtrace.align.candidates).

An archive of 100,000 articles holds about ten million (article, key) entries whose keys
are held by 2 to a cap of articles, and every two holders of such a key share it: these
are counted in numpy arrays, in batches of whole articles, so that memory holds a batch's
pairs and the holders, not a count for every pair. Imported only by a run large enough to
need it (numpy takes a tenth of a second to import).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain

import numpy as np
from numpy.typing import NDArray

#: Pairs of articles counted at once while searching (memory: about 50 bytes each while counting).
BATCH = 1 << 20
#: Parts the keys are split into, by their lowest bits, while their holders are gathered: a key's
#: holders are all in one part, and each part is sorted alone (less memory at once).
KEY_PARTS = 8

_Array = NDArray[np.int64]


class Postings:
    """For each key held by 2 to cap + 1 articles, the positions of the articles holding it.

    The holders of all kept keys are one array, one run a key, each run in article order
    (numpy: an archive of 100,000 articles holds ten million such entries, counted in C).
    """

    def __init__(self, keys: Sequence[Sequence[int]], cap: int) -> None:
        lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        flat = np.fromiter(chain.from_iterable(keys), dtype=np.int64, count=int(lengths.sum()))
        # Where each article's keys end in flat: an entry's article is found from its position.
        bounds = np.cumsum(lengths)
        found: list[tuple[_Array, _Array, NDArray[np.int32]]] = []
        low = (flat & (KEY_PARTS - 1)).astype(np.int8)
        for part in range(KEY_PARTS):
            mine = np.flatnonzero(low == part)
            part_keys = flat[mine]
            part_owners = np.searchsorted(bounds, mine, side="right").astype(np.int32)
            del mine
            order = np.argsort(part_keys, kind="stable")  # stable: each run stays in article order
            part_keys, part_owners = part_keys[order], part_owners[order]
            del order
            starts = _run_starts(part_keys)
            sizes = np.diff(np.append(starts, len(part_keys)))
            kept = (sizes >= 2) & (sizes <= cap + 1)
            found.append((part_keys[starts[kept]], sizes[kept], part_owners[np.repeat(kept, sizes)]))
        del flat, low
        #: The kept keys, how many articles hold each, and the holders, run after run.
        self.keys = np.concatenate([k for k, _, _ in found])
        self.sizes = np.concatenate([n for _, n, _ in found])
        self.holders = np.concatenate([h for _, _, h in found])
        del found
        #: Where each key's run ends in holders, and the key of each entry of holders.
        self.ends = np.cumsum(self.sizes)
        self.key_of = np.repeat(np.arange(len(self.sizes), dtype=np.int32), self.sizes)
        self.articles = len(keys)
        #: How many entries each article has, and where its entries would start were they
        #: ordered by article (both searches walk the articles in batches of whole ones).
        self.held = np.bincount(self.holders, minlength=self.articles)
        self.firsts = np.concatenate(([0], np.cumsum(self.held)))


def _run_starts(values: _Array) -> _Array:
    """Where each run of equal values starts in a sorted array."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))


#: What _counted_pairs needs of a batch of articles (their positions, from the first up to the
#: last): the article of each entry of theirs, and where the holders it is counted with start
#: and end in the postings.
_Batch = Callable[[int, int], tuple[NDArray[np.int32], _Array, _Array]]


def _counted_pairs(postings: Postings, entries: NDArray[np.int64], batch: _Batch, needed: int) -> _Array:
    """Pairs (a, h) where h is a holder in at least `needed` of the runs batch gives article a
    (h is not a), as codes a * articles + h, counted over batches of whole articles; entries:
    how many runs each article has, so that a batch counts about BATCH pairs (or one article's,
    never split, where they are more)."""
    n = postings.articles
    bounds = np.concatenate(([0], np.cumsum(entries)))
    most = max(1, BATCH // max(1, int(postings.sizes.max(initial=1))))
    found: list[_Array] = []
    first = 0
    while first < n:
        last = max(first + 1, int(np.searchsorted(bounds, bounds[first] + most, side="right")) - 1)
        left, starts, ends = batch(first, last)
        first = last
        counts = ends - starts
        offsets = np.cumsum(counts) - counts
        others = postings.holders[np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()))]
        mine = np.repeat(left, counts)
        apart = others != mine
        codes = mine[apart].astype(np.int64) * n + others[apart]
        codes.sort()
        runs = _run_starts(codes)
        found.append(codes[runs[np.diff(np.append(runs, len(codes))) >= needed]])
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def many_shared(postings: Postings, needed: int) -> _Array:
    """Pairs (a < b) of articles that share at least `needed` of the kept keys, as codes (see
    pairs): each entry is counted with the holders after it in its key's run (in article order)."""
    by_article = np.argsort(postings.holders).astype(np.int32)  # each article's entries together
    firsts = postings.firsts

    def batch(lo: int, hi: int) -> tuple[NDArray[np.int32], _Array, _Array]:
        at = by_article[firsts[lo] : firsts[hi]]
        return postings.holders[at], at + np.int64(1), postings.ends[postings.key_of[at]]

    return _counted_pairs(postings, postings.held, batch, needed)


def rare_lookups(postings: Postings, rare: int, needed: int) -> _Array:
    """Pairs (a < b) where one article holds `needed` of the other's `rare` rarest kept keys,
    rarest by how many articles hold them, then by key, as an index query finds them; as codes
    (see pairs)."""
    by_rank = np.lexsort((postings.keys, postings.sizes))
    rank = np.empty(len(by_rank), dtype=np.int32)
    rank[by_rank] = np.arange(len(by_rank))
    # One sort orders each article's keys, rarest first: (article, rank) in one integer.
    codes = postings.holders.astype(np.int64)
    codes <<= 32  # in place: each step of the expression would be another array of every entry
    codes |= rank[postings.key_of]
    codes.sort()
    del rank
    firsts = postings.firsts

    def batch(lo: int, hi: int) -> tuple[NDArray[np.int32], _Array, _Array]:
        part = codes[firsts[lo] : firsts[hi]]
        owners = (part >> 32).astype(np.int32)
        chosen = np.arange(firsts[lo], firsts[hi]) - firsts[owners] < rare
        keys = by_rank[part[chosen] & 0xFFFFFFFF]
        ends = postings.ends[keys]
        return owners[chosen], ends - postings.sizes[keys], ends

    # Batches are counted in articles: each looks up at most `rare` runs.
    found = _counted_pairs(postings, np.minimum(postings.held, rare), batch, needed)
    n = postings.articles
    a, b = found // n, found % n
    return np.minimum(a, b) * n + np.maximum(a, b)


def pairs(found: Sequence[_Array], articles: int) -> list[tuple[int, int]]:
    """The pairs (a < b) of positions that any of found holds, once each, in order: found holds
    each pair as the code a * articles + b."""
    codes = np.unique(np.concatenate([*found, np.zeros(0, dtype=np.int64)]))
    return list(zip((codes // articles).tolist(), (codes % articles).tolist(), strict=True))
