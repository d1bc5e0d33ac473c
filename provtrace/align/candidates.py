"""Which pairs of articles are worth aligning: an index instead of every pair.

Versions of one story share its rare words: names, places, figures, the
words of its quotations, even when a summary rewords everything else. Each
article is keyed by its rarest words that at least one other article also
uses (a word in one article only cannot pair anything, and a word in very
many is boilerplate); two articles are candidates when they share several
keys. For small runs every pair is compared, which costs little and can miss
nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations

from provtrace.align.normalize import Features
from provtrace.models import Article

#: Up to this many articles, every pair is aligned.
ALL_PAIRS_UP_TO = 40
#: Keys per article: its rarest shared words.
_KEYS = 150
#: A word in more articles than this says nothing about which belong together.
_MAX_ARTICLES = 100
#: Shared keys that make two articles candidates.
_MIN_SHARED_KEYS = 3


def candidate_pairs(
    articles: Sequence[Article], feats: Mapping[str, Sequence[Features]]
) -> list[tuple[str, str]]:
    """Pairs (smaller id first) that may share content, sorted."""
    ids = sorted(a.id for a in articles)
    if len(ids) <= ALL_PAIRS_UP_TO:
        return [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    words = {i: {s for f in feats[i] for s in f.stems} for i in ids}
    df: Counter[str] = Counter()
    for stems in words.values():
        df.update(stems)
    postings: dict[str, list[str]] = defaultdict(list)
    for article_id in ids:
        shared = [s for s in words[article_id] if 2 <= df[s] <= _MAX_ARTICLES]
        for stem in sorted(shared, key=lambda s: (df[s], s))[:_KEYS]:
            postings[stem].append(article_id)
    together: Counter[tuple[str, str]] = Counter()
    for holders in postings.values():
        for pair in combinations(holders, 2):  # holders are in id order
            together[pair] += 1
    return sorted(pair for pair, count in together.items() if count >= _MIN_SHARED_KEYS)
