"""Which pairs of articles are worth aligning: an index instead of every pair.

Two versions of one sentence nearly always keep some of its rarest words.
Each sentence is keyed by the pairs of its four rarest content stems; two
articles become candidates when they share keys from at least two sentences.
Keys held by very many articles (boilerplate) are ignored. For small runs
every pair is compared, which costs little and can miss nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations

from .align import Vocabulary
from .models import Article
from .normalize import Features

#: Up to this many articles, every pair is aligned.
ALL_PAIRS_UP_TO = 40
#: Rarest stems per sentence that form its keys.
_RAREST = 4
#: A key in more articles than this is boilerplate, not evidence.
_MAX_POSTINGS = 200


def _keys(feats: Features, vocab: Vocabulary) -> set[tuple[str, str]]:
    stems = sorted(set(feats.stems), key=lambda s: (-vocab.weight(s), s))[:_RAREST]
    return {(a, b) if a < b else (b, a) for a, b in combinations(stems, 2)}


def candidate_pairs(
    articles: Sequence[Article], feats: Mapping[str, Sequence[Features]], vocab: Vocabulary
) -> list[tuple[str, str]]:
    """Pairs (smaller id first) that may share content, sorted."""
    ids = sorted(a.id for a in articles)
    if len(ids) <= ALL_PAIRS_UP_TO:
        return [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    postings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article_id in ids:
        for f in feats[article_id]:
            for key in _keys(f, vocab):
                postings[key].add(article_id)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= _MAX_POSTINGS:
            for pair in combinations(sorted(holders), 2):
                shared[pair] += 1
    return sorted(pair for pair, count in shared.items() if count >= 2)
