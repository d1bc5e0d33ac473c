"""Which pairs of articles are worth aligning: an index instead of every pair.

Two articles are candidates on evidence of shared *expression*, by the same
keys as the wire index (provtrace.index.keys, one implementation):

- they share several sampled five-word shingles that few articles of the
  run hold (a copied or lightly edited sentence keeps its shingles; two
  stories on one topic written independently share almost none); or
- one holds several of the other's rarest shared words (a paraphrase or a
  summary keeps the story's names, places and figures but few of its
  phrases); or
- their languages differ and they share several of their rarest names and
  figures (a translation shares no words, but keeps those).

Keys held by many articles are stock phrasing or topic words (shares,
profits, court) and pair nothing, so the number of candidates follows the
number of story families, not the square of the folder. For small runs every
pair is compared, which costs little and can miss nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, islice, repeat

from provtrace.align.normalize import Features
from provtrace.index.keys import article_keys
from provtrace.index.query import (
    MIN_SHARED_SHINGLES,
    MIN_SHARED_WORDS,
    RARE_WORDS,
    SHINGLE_MAX_ARTICLES,
    WORD_MAX_ARTICLES,
)
from provtrace.models import Article

#: Up to this many articles, every pair is aligned.
ALL_PAIRS_UP_TO = 40
#: A word in more articles than this is a topic word, not a story's own. Looser
#: than the index's WORD_MAX_ARTICLES: it only matters to an article with fewer
#: than RARE_WORDS rarer shared words (a PA snap of three sentences), which must
#: still find the stories of its event, and an event can run to 35 versions
#: (METER); 100 keeps every related METER story-PA pair but 3.
LOOKUP_MAX_ARTICLES = 100
#: Two articles sharing this many words that at most LOOKUP_MAX_ARTICLES others
#: hold are candidates whatever their rarest words: a story retold by many
#: papers shares its rarest words with the other papers, and its source shares
#: the event's names and terms (12: METER's related pairs; generated folders get
#: no extra candidate from it).
MIN_COMMON_WORDS = 12
#: A name or figure in more articles than this is a running topic (a country,
#: a year), not one story's; the index's cap on a shared word, for the same reason.
ANCHOR_MAX_ARTICLES = WORD_MAX_ARTICLES
#: An article's rarest shared names and figures that are looked up across languages.
RARE_ANCHORS = RARE_WORDS
#: Shared rare names and figures that make two articles in different languages
#: candidates: as for words, a name or two can be chance.
MIN_SHARED_ANCHORS = MIN_SHARED_WORDS

#: Bits of the filter that sets aside the keys only one article holds (16 MiB
#: for the two bit sets): few keys share a bit even in an archive of millions.
FILTER_BITS = 1 << 26


def _postings(keys: Sequence[Iterable[int]], cap: int) -> dict[int, list[int]]:
    """For each key held by 2 to cap + 1 articles, the positions in keys of the articles holding
    it, in order (each article's keys distinct).

    Most keys are one article's own and pair nothing: a first pass marks the
    keys seen twice in a bit filter, so that only those (and the few that
    share their bit with another) are given a list of holders. A key held by
    more than cap others pairs nothing either, and is dropped.
    """
    seen, twice = bytearray(FILTER_BITS >> 3), bytearray(FILTER_BITS >> 3)
    mask = FILTER_BITS - 1
    for found in keys:
        for key in found:
            h = key & mask
            at, bit = h >> 3, 1 << (h & 7)
            if seen[at] & bit:
                twice[at] |= bit
            else:
                seen[at] |= bit
    del seen
    holders: defaultdict[int, list[int]] = defaultdict(list)
    for n, found in enumerate(keys):
        for key in found:
            h = key & mask
            if twice[h >> 3] & (1 << (h & 7)):
                holders[key].append(n)
    return {key: held for key, held in holders.items() if 2 <= len(held) <= cap + 1}


def _many_shared(
    keys: Sequence[Iterable[int]], holders: Mapping[int, list[int]], needed: int
) -> set[tuple[int, int]]:
    """Pairs of positions in keys sharing at least `needed` keys that have holders (see _postings).

    Counted one article at a time, so memory holds one article's counts, not
    a count for every pair sharing a key.
    """
    found: set[tuple[int, int]] = set()
    for n, own in enumerate(keys):
        # One lookup a key: a list of holders is never empty, so None is what filter drops.
        counts = Counter(chain.from_iterable(filter(None, map(holders.get, own))))
        found.update((n, h) for h, shared in counts.items() if shared >= needed and h > n)
    return found


def _word_pairs(
    keys: Sequence[Iterable[int]],
    holders: Mapping[int, list[int]],
    rare: int,
    needed: int,
    common: int | None = None,
) -> set[tuple[int, int]]:
    """Pairs of positions in keys where one article holds `needed` of the other's `rare` rarest
    keys that have holders (see _postings), as an index query finds them, or, given common,
    where the two share at least that many such keys (as _many_shared counts), in one pass
    over the articles.
    """
    # Each key's rank by (holders, key), from 1, so that sorting an article's ranks orders its
    # keys rarest first; by_rank[r] holds the articles that hold the key of rank r.
    order = sorted(holders)
    order.sort(key=lambda key: len(holders[key]))  # stable: by key within a count
    rank = {key: r for r, key in enumerate(order, 1)}
    by_rank = [[], *map(holders.__getitem__, order)]
    found: set[tuple[int, int]] = set()
    for n, own in enumerate(keys):
        lists = list(map(by_rank.__getitem__, sorted(filter(None, map(rank.get, own)))))
        counts = Counter(chain.from_iterable(lists[:rare]))
        found.update((min(n, h), max(n, h)) for h, shared in counts.items() if shared >= needed and h != n)
        if common is None or len(lists) < common:
            continue
        rest = lists[rare:]
        # The other keys' holders after n (a list of holders is in order): the pairs before n
        # were counted from their other article.
        after = map(islice, rest, map(bisect_right, rest, repeat(n)), repeat(None))
        counts.update(chain.from_iterable(after))
        found.update((n, h) for h, shared in counts.items() if shared >= common and h > n)
    return found


def _rare_lookups(
    keys: Sequence[Iterable[int]], holders: Mapping[int, list[int]], rare: int, needed: int
) -> set[tuple[int, int]]:
    """Pairs of positions in keys where one article holds `needed` of the other's `rare` rarest
    keys that have holders (see _postings): each article looks up its rarest keys and counts the
    articles that hold them, as an index query does."""
    return _word_pairs(keys, holders, rare, needed)


def _across_languages(
    ids: Sequence[str], languages: Mapping[str, str | None], feats: Mapping[str, Sequence[Features]]
) -> set[tuple[str, str]]:
    """Pairs in different languages sharing several rare names and figures."""
    if len({languages[i] for i in ids} - {None}) < 2:
        return set()
    anchors = [sorted({a for f in feats[i] for a in f.anchors}) for i in ids]
    # Keys are integers: each anchor's rank among them all (so ordered as the anchors are).
    rank = {a: n for n, a in enumerate(sorted({a for found in anchors for a in found}))}
    keys = [[rank[a] for a in found] for found in anchors]
    pairs = _rare_lookups(keys, _postings(keys, ANCHOR_MAX_ARTICLES), RARE_ANCHORS, MIN_SHARED_ANCHORS)
    told = [languages[i] for i in ids]
    return {(ids[a], ids[b]) for a, b in pairs if None not in (told[a], told[b]) and told[a] != told[b]}


def candidate_pairs(
    articles: Sequence[Article],
    feats: Mapping[str, Sequence[Features]],
) -> list[tuple[str, str]]:
    """Pairs (smaller id first) that may share content, sorted."""
    ids = sorted(a.id for a in articles)
    if len(ids) <= ALL_PAIRS_UP_TO:
        return [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    by_id = {a.id: a for a in articles}
    keys = {i: article_keys(by_id[i]) for i in ids}
    shingles = {i: k.shingles for i, k in keys.items()}
    words = {i: k.words for i, k in keys.items()}
    return keyed_pairs(shingles, words, {i: by_id[i].language for i in ids}, feats)


def keyed_pairs(
    shingles: Mapping[str, Sequence[int]],
    words: Mapping[str, Sequence[int]],
    languages: Mapping[str, str | None],
    feats: Mapping[str, Sequence[Features]],
) -> list[tuple[str, str]]:
    """candidate_pairs given each article's shingle and word keys (distinct integers in any
    sequence: a compact array will do), its language and its sentence features (read only
    when the run mixes languages)."""
    ids = sorted(shingles)
    by_shingle = [shingles[i] for i in ids]
    shingle_holders = _postings(by_shingle, SHINGLE_MAX_ARTICLES)
    found = _many_shared(by_shingle, shingle_holders, MIN_SHARED_SHINGLES)
    del shingle_holders
    by_word = [words[i] for i in ids]
    # One cap and one pass for both uses of the words.
    word_holders = _postings(by_word, LOOKUP_MAX_ARTICLES)
    found |= _word_pairs(by_word, word_holders, RARE_WORDS, MIN_SHARED_WORDS, MIN_COMMON_WORDS)
    del word_holders
    pairs = {(ids[a], ids[b]) for a, b in found}
    pairs |= _across_languages(ids, languages, feats)
    return sorted(pairs)
