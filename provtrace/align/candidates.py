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

from collections.abc import Mapping, Sequence

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
    from provtrace.align import keycount  # numpy, imported where a large run needs it

    holders = keycount.Postings(keys, ANCHOR_MAX_ARTICLES)
    pairs = keycount.pairs([keycount.rare_lookups(holders, RARE_ANCHORS, MIN_SHARED_ANCHORS)], len(ids))
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
    from provtrace.align import keycount  # numpy, imported where a large run needs it

    ids = sorted(shingles)
    by_shingle = keycount.Postings([shingles[i] for i in ids], SHINGLE_MAX_ARTICLES)
    found = [keycount.many_shared(by_shingle, MIN_SHARED_SHINGLES)]
    del by_shingle
    # One cap, and one set of holders, for both uses of the words.
    by_word = keycount.Postings([words[i] for i in ids], LOOKUP_MAX_ARTICLES)
    found.append(keycount.rare_lookups(by_word, RARE_WORDS, MIN_SHARED_WORDS))
    found.append(keycount.many_shared(by_word, MIN_COMMON_WORDS))
    del by_word
    pairs = {(ids[a], ids[b]) for a, b in keycount.pairs(found, len(ids))}
    pairs |= _across_languages(ids, languages, feats)
    return sorted(pairs)
