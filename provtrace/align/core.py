"""Sentences of two articles -> links (rapidfuzz is used here and nowhere else).

The aligner scores every sentence pair on several signals (content words
weighted by rarity, anchors such as names and numbers, character similarity
of the normalised text, and a weak prior that stories keep their order),
then decides the links for the pair jointly: a one-to-one core taken best
first, extended with merges (one target sentence covering several source
sentences) and splits (one source sentence spread over several targets).
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from provtrace.align.changes import meaning_changes
from provtrace.align.normalize import Features, features, surface
from provtrace.models import Alignment, Article, Link, LinkKind
from provtrace.options import TraceOptions

#: The least shared content weight (in idf units) that can make a link: about
#: two uncommon words. Protects against short sentences matching on one word.
_MIN_SHARED = 5.0
#: A sentence joins a merge or split when this share of it is in the other side ...
_MERGE_CONTAINMENT = 0.5
#: ... and it raises the coverage of the other side by at least this much.
_MERGE_GAIN = 0.1
#: Filling gaps in story order: the least shared weight and mean containment.
_GAP_SHARED = 4.0
_GAP_COVER = 0.22
#: A link is "altered" rather than a paraphrase when the target keeps more than
#: this share of its content words from the source.
_ALTERED_WORDS = 0.7
#: ... and with embeddings: the similarity that admits a pair without shared
#: words, and how much similarity above a floor adds to the word overlap.
_GAP_MEANING = 0.5
_GAP_MEANING_FLOOR = 0.5
_GAP_MEANING_WEIGHT = 0.8
#: The highest score of a link that is not verbatim: content words alone can all
#: match ("not" is a stopword), but a changed text never reads as identical.
_NOT_IDENTICAL = 0.999


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Rarity weights (inverse document frequency over sentences) for stems."""

    weights: Mapping[str, float]
    default: float

    def weight(self, stem: str) -> float:
        return self.weights.get(stem, self.default)

    def rarer_than(self, sentences: int) -> float:
        """The weight below which a stem is used in more than that many sentences."""
        return self.default - math.log(sentences + 1)


def sentence_features(article: Article) -> tuple[Features, ...]:
    """The comparison features of each sentence of an article."""
    return tuple(features(s.text) for s in article.sentences)


def build_vocabulary(
    articles: Iterable[Article], feats: Mapping[str, Sequence[Features]] | None = None
) -> Vocabulary:
    """Weights from how many sentences, across all articles, use each stem.

    feats maps article id to precomputed sentence features (computed here if absent).
    """
    df: Counter[str] = Counter()
    total = 0
    for article in articles:
        article_feats = feats[article.id] if feats is not None else sentence_features(article)
        for f in article_feats:
            df.update(set(f.stems))
            total += 1
    weights = {s: 1.0 + math.log((total + 1) / (n + 1)) for s, n in df.items()}
    return Vocabulary(weights, 1.0 + math.log(total + 1))


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
) -> Prepared:
    """Compute what the aligner needs of one article, once."""
    feats = tuple(feats) if feats is not None else sentence_features(article)
    bags = tuple({s: vocab.weight(s) for s in f.stems} for f in feats)
    return Prepared(article, feats, bags, tuple(sum(b.values()) for b in bags), vectors)


def profile(prepared: Prepared, floor: float = 0.0) -> dict[str, float]:
    """The article's content stems of at least floor rarity weight, each with its weight."""
    merged: dict[str, float] = {}
    for bag in prepared.bags:
        merged.update(bag)
    return {s: w for s, w in merged.items() if w >= floor}


@dataclass(frozen=True, slots=True)
class PairStats:
    """Article-level containment derived from an alignment."""

    #: Share of the target's content weight found in linked source sentences.
    target_in_source: float
    #: Share of the source's content weight found in linked target sentences.
    source_in_target: float
    #: Within linked sentences: anchors (names, numbers, quoted words) the
    #: target lacks that its source sentences have, and the reverse.
    target_lacks: int = 0
    source_lacks: int = 0
    shared_anchors: int = 0

    def flipped(self) -> PairStats:
        """The same statistics seen from the other side."""
        return PairStats(
            self.source_in_target,
            self.target_in_source,
            self.source_lacks,
            self.target_lacks,
            self.shared_anchors,
        )


@dataclass(frozen=True, slots=True)
class PairResult:
    """An aligned pair of articles and its statistics (source: the side with the smaller id)."""

    alignment: Alignment
    stats: PairStats


def _shared(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w for s, w in a.items() if s in b)


def _union(bags: Iterable[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for bag in bags:
        out.update(bag)
    return out


def _coverage(covered: dict[str, float], by: dict[str, float]) -> float:
    mass = sum(covered.values())
    return _shared(covered, by) / mass if mass else 0.0


def _wording(prepared: Prepared, indices: Sequence[int]) -> str:
    """The side's text as shown."""
    return " ".join(prepared.article.sentences[i].text for i in indices)


def _words_kept_in_order(s_norm: str, t_norm: str) -> bool:
    """Whether one side is the other with words only added or only removed (a clause dropped)."""
    a, b = s_norm.split(), t_norm.split()
    blocks = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks()
    return min(len(a), len(b)) > 0 and sum(block.size for block in blocks) == min(len(a), len(b))


def _kind(
    s_words: str, t_words: str, s_norm: str, t_norm: str, char: float, partial: bool, options: TraceOptions
) -> LinkKind:
    """Verbatim only when identical but for case, quotes, dashes and spacing (the reused part,
    for a partial link); otherwise altered when the character similarity is high or every word
    of one side is kept in order by the other, else a paraphrase."""
    s_surface, t_surface = surface(s_words), surface(t_words)
    shorter, longer = sorted((s_surface, t_surface), key=len)
    if s_surface == t_surface or (partial and shorter in longer):
        return LinkKind.VERBATIM
    if char >= options.altered_threshold or _words_kept_in_order(s_norm, t_norm):
        return LinkKind.ALTERED
    return LinkKind.PARAPHRASE


def _classify(
    src: Prepared, tgt: Prepared, sources: Sequence[int], targets: Sequence[int], options: TraceOptions
) -> Link:
    s_bag = _union(src.bags[i] for i in sources)
    t_bag = _union(tgt.bags[j] for j in targets)
    s_text = " ".join(src.feats[i].norm for i in sources)
    t_text = " ".join(tgt.feats[j].norm for j in targets)
    cov_s, cov_t = _coverage(s_bag, t_bag), _coverage(t_bag, s_bag)
    partial = min(cov_s, cov_t) < 0.6 and max(cov_s, cov_t) >= 0.6
    scorer = fuzz.partial_ratio if partial else fuzz.ratio
    char = scorer(s_text, t_text) / 100
    s_words, t_words = _wording(src, sources), _wording(tgt, targets)
    kind = _kind(s_words, t_words, s_text, t_text, char, partial, options)
    changes = meaning_changes(s_words, t_words) if kind is not LinkKind.VERBATIM else ()
    dice = 2 * _shared(s_bag, t_bag) / (sum(s_bag.values()) + sum(t_bag.values()) or 1.0)
    score = max(char, dice) if not partial else max(char, max(cov_s, cov_t))
    if kind is not LinkKind.VERBATIM:
        score = min(score, _NOT_IDENTICAL)
    return Link(tuple(sorted(sources)), tuple(sorted(targets)), kind, round(score, 3), partial, changes)


def align_articles(
    source: Article, target: Article, vocab: Vocabulary, options: TraceOptions
) -> tuple[Alignment, PairStats]:
    """Link the sentences of target to those of source (the upstream side)."""
    return align_prepared(prepare(source, vocab), prepare(target, vocab), options)


def _semantic_matrix(src: Prepared, tgt: Prepared) -> list[list[float]] | None:
    if src.vectors is None or tgt.vectors is None or not len(src.feats) or not len(tgt.feats):
        return None
    product = src.vectors @ tgt.vectors.T
    return [[float(x) for x in row] for row in product]


def align_prepared(src: Prepared, tgt: Prepared, options: TraceOptions) -> tuple[Alignment, PairStats]:
    """Link the sentences of tgt to those of src (the upstream side)."""
    source, target = src.article, tgt.article
    m, n = len(src.feats), len(tgt.feats)
    semantic = _semantic_matrix(src, tgt)
    # Score candidate pairs that share enough rare content.
    scored: list[tuple[float, int, int]] = []
    cov_t: dict[tuple[int, int], float] = {}
    cov_s: dict[tuple[int, int], float] = {}
    weak: dict[tuple[int, int], float] = {}  # lower-evidence pairs, for filling gaps in order
    postings: dict[str, list[int]] = {}
    for j, bag in enumerate(tgt.bags):
        for stem in bag:
            postings.setdefault(stem, []).append(j)
    for i in range(m):
        # Shared weight with every target sentence that has any stem in common.
        overlap: dict[int, float] = {}
        for stem, weight in src.bags[i].items():
            for j in postings.get(stem, ()):
                overlap[j] = overlap.get(j, 0.0) + weight
        for j in range(n) if semantic is not None else sorted(overlap):
            cos = semantic[i][j] if semantic is not None else 0.0
            # Embeddings can link sentences that share no words (a translation).
            by_meaning = (cos - options.semantic_threshold) / (1.0 - options.semantic_threshold)
            shared = overlap.get(j, 0.0)
            if shared >= _GAP_SHARED:
                weak[i, j] = 0.5 * (shared / tgt.mass[j] + shared / src.mass[i])
            if shared < min(_MIN_SHARED, 0.6 * min(src.mass[i], tgt.mass[j])) or not shared:
                if by_meaning > 0 and 0.5 + 0.5 * by_meaning >= options.link_threshold:
                    scored.append((0.5 + 0.5 * by_meaning, i, j))
                continue
            ct, cs = shared / tgt.mass[j], shared / src.mass[i]
            cov_t[i, j], cov_s[i, j] = ct, cs
            dice = 2 * shared / (src.mass[i] + tgt.mass[j])
            char = fuzz.ratio(src.feats[i].norm, tgt.feats[j].norm) / 100
            anchors_a, anchors_b = src.feats[i].anchors, tgt.feats[j].anchors
            anchor = len(anchors_a & anchors_b) / len(anchors_a | anchors_b) if anchors_a | anchors_b else 0.0
            order = 1.0 - abs(i / max(m - 1, 1) - j / max(n - 1, 1))
            strength = max(char, 0.45 * dice + 0.35 * max(ct, cs) + 0.1 * anchor + 0.1 * order)
            if by_meaning > 0:
                strength = max(strength, 0.5 + 0.5 * by_meaning)
            if strength >= options.link_threshold:
                scored.append((strength, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    # One-to-one core, best first.
    pairs: set[tuple[int, int]] = set()
    src_used: set[int] = set()
    tgt_used: set[int] = set()
    for _, i, j in scored:
        if i not in src_used and j not in tgt_used:
            pairs.add((i, j))
            src_used.add(i)
            tgt_used.add(j)
    # Merges: an unlinked source sentence largely contained in a linked target.
    for i in range(m):
        if i in src_used:
            continue
        best = _best_extension(i, tgt_used, pairs, src, tgt, cov_s, merge=True)
        if best is not None:
            pairs.add((i, best))
            src_used.add(i)
    # Splits: an unlinked target sentence largely contained in a linked source.
    for j in range(n):
        if j in tgt_used:
            continue
        best = _best_extension(j, src_used, pairs, src, tgt, cov_t, merge=False)
        if best is not None:
            pairs.add((best, j))
            tgt_used.add(j)
    _fill_gaps(pairs, src_used, tgt_used, weak, m, n)
    links = tuple(
        sorted(
            (_classify(src, tgt, s, t, options) for s, t in _components(pairs)),
            key=lambda l: (l.source, l.target),
        )
    )
    added = tuple(j for j in range(n) if j not in tgt_used)
    dropped = tuple(i for i in range(m) if i not in src_used)
    alignment = Alignment(source.id, target.id, links, added, dropped)
    return alignment, _stats(src, tgt, links, semantic, options.semantic_threshold)


def _fill_gaps(
    pairs: set[tuple[int, int]],
    src_used: set[int],
    tgt_used: set[int],
    weak: dict[tuple[int, int], float],
    m: int,
    n: int,
) -> None:
    """Link leftover sentences on weaker evidence where the story order supports it.

    Versions of a story mostly keep its order: a sentence left unlinked between
    two linked neighbours most likely corresponds to something between their
    counterparts. There, a few shared rare words are enough.
    """
    for flip in (False, True):
        size, other_size = (m, n) if flip else (n, m)
        used = src_used if flip else tgt_used
        other_used = tgt_used if flip else src_used
        links: dict[int, list[int]] = {}  # this side -> linked indices on the other side
        for i, j in pairs:
            x, o = (i, j) if flip else (j, i)
            links.setdefault(x, []).append(o)
        for k in range(size):
            if k in used:
                continue
            before = [max(links[x]) for x in links if x < k]
            after = [min(links[x]) for x in links if x > k]
            lo = max(before) if before else 0
            hi = min(after) if after else other_size - 1
            lo, hi = min(lo, hi), max(lo, hi)
            best: tuple[float, int] | None = None
            for o in range(max(0, lo - 1), min(other_size, hi + 2)):
                score = weak.get((k, o) if flip else (o, k), 0.0)
                if score >= _GAP_COVER and (best is None or score > best[0]):
                    best = (score, o)
            if best is not None:
                pairs.add((k, best[1]) if flip else (best[1], k))
                links.setdefault(k, []).append(best[1])
                used.add(k)
                other_used.add(best[1])


def _best_extension(
    k: int,
    linked_other: set[int],
    pairs: set[tuple[int, int]],
    src: Prepared,
    tgt: Prepared,
    containment: dict[tuple[int, int], float],
    *,
    merge: bool,
) -> int | None:
    """The linked sentence on the other side that sentence k best extends, if any."""
    best: tuple[float, int] | None = None
    for o in sorted(linked_other):
        key = (k, o) if merge else (o, k)
        share = containment.get(key, 0.0)
        if share < _MERGE_CONTAINMENT:
            continue
        if merge:
            partners = [i for i, j in pairs if j == o]
            before = _coverage(tgt.bags[o], _union(src.bags[i] for i in partners))
            after = _coverage(tgt.bags[o], _union(src.bags[i] for i in [*partners, k]))
        else:
            partners = [j for i, j in pairs if i == o]
            before = _coverage(src.bags[o], _union(tgt.bags[j] for j in partners))
            after = _coverage(src.bags[o], _union(tgt.bags[j] for j in [*partners, k]))
        gain = after - before
        if gain >= _MERGE_GAIN and (best is None or (gain, -o) > (best[0], -best[1])):
            best = (gain, o)
    return None if best is None else best[1]


def _components(pairs: set[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """Group linked pairs into n:m links (connected components)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(pairs):
        a, b = find(("s", i)), find(("t", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for i, j in sorted(pairs):
        sources, targets = groups.setdefault(find(("s", i)), ([], []))
        if i not in sources:
            sources.append(i)
        if j not in targets:
            targets.append(j)
    return list(groups.values())


def _stats(
    src: Prepared,
    tgt: Prepared,
    links: Sequence[Link],
    semantic: list[list[float]] | None = None,
    semantic_threshold: float = 1.0,
) -> PairStats:
    """Weighted share of each side's content that its linked counterparts hold,
    discounted by how closely each link reproduces the wording, and the detail
    (anchors) each side's linked sentences lack.

    With embeddings, a link's meaning similarity stands in for word overlap
    where that is higher (a translation shares meaning, not words)."""
    in_source = in_target = 0.0
    target_lacks = source_lacks = shared = 0
    for link in links:
        s_bag = _union(src.bags[i] for i in link.source)
        t_bag = _union(tgt.bags[j] for j in link.target)
        meaning = 0.0
        if semantic is not None:
            meaning = max(semantic[i][j] for i in link.source for j in link.target)
            meaning = meaning if meaning >= semantic_threshold else 0.0
        # Closeness counts too: of two near-identical candidate parents, the one
        # whose wording the child keeps (verbatim rather than altered) explains it better.
        in_source += link.score * sum(
            tgt.mass[j] * max(meaning, _coverage(tgt.bags[j], s_bag)) for j in link.target
        )
        in_target += link.score * sum(
            src.mass[i] * max(meaning, _coverage(src.bags[i], t_bag)) for i in link.source
        )
        s_anchors = frozenset().union(*(src.feats[i].anchors for i in link.source))
        t_anchors = frozenset().union(*(tgt.feats[j].anchors for j in link.target))
        target_lacks += len(s_anchors - t_anchors)
        source_lacks += len(t_anchors - s_anchors)
        shared += len(s_anchors & t_anchors)
    return PairStats(
        round(min(in_source / (sum(tgt.mass) or 1.0), 1.0), 4),
        round(min(in_target / (sum(src.mass) or 1.0), 1.0), 4),
        target_lacks,
        source_lacks,
        shared,
    )
