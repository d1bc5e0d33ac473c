"""How closely a link's sentences reproduce each other: verbatim, altered or paraphrase.

Verbatim means identical but for case, quote style, dash style and spacing;
any other change is altered (most words kept) or a paraphrase, and its
meaning flips are read by align/changes.py.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from provtrace.align.changes import WordsOf, article_words, meaning_changes
from provtrace.align.features import Prepared
from provtrace.align.features import shared_weight as _shared
from provtrace.align.features import union as _union
from provtrace.align.normalize import surface
from provtrace.models import Alignment, Article, Change, Link, LinkKind
from provtrace.options import TraceOptions

#: The two sides are uneven (scored by the best-matching part, fuzz.partial_ratio) when less
#: than this share of one's content is found in the other while at least this share of the
#: other's is found in it.
PARTIAL_COVER = 0.6
#: An uneven link is shown as partial (only part of a side reused) when at least this share of
#: the other side's content is found in it: that side is reused about whole, inside more. Two
#: paraphrases of one claim are often uneven (each reworded, one a little longer) while keeping
#: every claim; they are not called partial.
PARTIAL_WHOLE = 0.75
#: The highest score of a link that is not verbatim: content words alone can all
#: match ("not" is a stopword), but a changed text never reads as identical.
_NOT_IDENTICAL = 0.999
#: Texts (and pairs of texts) whose reading is kept: a story's sentences recur in many links.
_TEXTS_KEPT = 1 << 14


def _wording(prepared: Prepared, indices: Sequence[int]) -> str:
    """The side's text as shown."""
    return " ".join(prepared.article.sentences[i].text for i in indices)


@lru_cache(maxsize=_TEXTS_KEPT)
def _surface(text: str) -> str:
    """surface(), read once for a text in many links."""
    return surface(text)


@lru_cache(maxsize=_TEXTS_KEPT)
def _words_kept_in_order(s_norm: str, t_norm: str) -> bool:
    """Whether one side is the other with words only added or only removed (a clause dropped)."""
    a, b = s_norm.split(), t_norm.split()
    shorter, longer = sorted((a, b), key=len)
    if Counter(shorter) - Counter(longer):
        return False  # a word of the shorter side is not in the longer: the blocks cannot hold it all
    blocks = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks()
    return min(len(a), len(b)) > 0 and sum(block.size for block in blocks) == min(len(a), len(b))


def _kind(
    s_words: str, t_words: str, s_norm: str, t_norm: str, char: float, partial: bool, options: TraceOptions
) -> LinkKind:
    """Verbatim only when identical but for case, quotes, dashes and spacing (the reused part,
    for a partial link); otherwise altered when the character similarity is high or every word
    of one side is kept in order by the other, else a paraphrase."""
    if s_words == t_words:  # the common case in a copy, and the cheapest to tell
        return LinkKind.VERBATIM
    s_surface, t_surface = _surface(s_words), _surface(t_words)
    shorter, longer = sorted((s_surface, t_surface), key=len)
    if s_surface == t_surface or (partial and shorter in longer):
        return LinkKind.VERBATIM
    if char >= options.altered_threshold or _words_kept_in_order(s_norm, t_norm):
        return LinkKind.ALTERED
    return LinkKind.PARAPHRASE


def classify_link(
    src: Prepared,
    tgt: Prepared,
    sources: Sequence[int],
    targets: Sequence[int],
    options: TraceOptions,
    flips: bool = True,
) -> Link:
    """The link joining these source and target sentences: its kind, score, partial flag and meaning flips.

    With flips false the meaning flips of a link with one sentence on a side are
    left to with_flips (which reads them the same way), for the alignments kept.
    """
    if len(sources) == 1 and len(targets) == 1 and same_sentence(src, tgt, sources[0], targets[0]):
        # The common case in a copy: every measure below is exactly 1 for it.
        return Link((sources[0],), (targets[0],), LinkKind.VERBATIM, 1.0, False, ())
    s_bag = src.bags[sources[0]] if len(sources) == 1 else _union(src.bags[i] for i in sources)
    t_bag = tgt.bags[targets[0]] if len(targets) == 1 else _union(tgt.bags[j] for j in targets)
    s_text = " ".join(src.feats[i].norm for i in sources)
    t_text = " ".join(tgt.feats[j].norm for j in targets)
    s_mass, t_mass = sum(s_bag.values()), sum(t_bag.values())
    # Shared weight is summed over the smaller bag (the first of two of a size): worked out once
    # for each order it is summed in, and the coverages as features.coverage gives them.
    s_shared = _shared(s_bag, t_bag)
    t_shared = s_shared if len(s_bag) != len(t_bag) else _shared(t_bag, s_bag)
    cov_s = s_shared / s_mass if s_mass else 0.0
    cov_t = t_shared / t_mass if t_mass else 0.0
    uneven = min(cov_s, cov_t) < PARTIAL_COVER <= max(cov_s, cov_t)
    scorer = fuzz.partial_ratio if uneven else fuzz.ratio
    char = scorer(s_text, t_text) / 100
    s_words, t_words = _wording(src, sources), _wording(tgt, targets)
    kind = _kind(s_words, t_words, s_text, t_text, char, uneven, options)
    read = kind is not LinkKind.VERBATIM and (flips or not _one_sided(sources, targets))
    close = kind is not LinkKind.PARAPHRASE
    s_read, t_read = _text(src.article, sources), _text(tgt.article, targets)
    changes = (
        meaning_changes(s_read, t_read, close=close, words=_words_of(src.article, tgt.article))
        if read
        else ()
    )
    dice = 2 * s_shared / (s_mass + t_mass or 1.0)
    score = max(char, dice) if not uneven else max(char, max(cov_s, cov_t))
    if kind is not LinkKind.VERBATIM:
        score = min(score, _NOT_IDENTICAL)
    partial = uneven and max(cov_s, cov_t) >= PARTIAL_WHOLE
    return Link(tuple(sorted(sources)), tuple(sorted(targets)), kind, round(score, 3), partial, changes)


def same_sentence(src: Prepared, tgt: Prepared, i: int, j: int) -> bool:
    """Whether source sentence i and target sentence j are the same text with some content.

    Their bags are then equal, each covers all of the other and their characters match
    in full: a link between them is verbatim with score 1, and no more need be read.
    """
    return (
        src.mass[i] > 0
        and src.article.sentences[i].text == tgt.article.sentences[j].text
        and src.feats[i] == tgt.feats[j]
    )


def _one_sided(sources: Sequence[int], targets: Sequence[int]) -> bool:
    """A link with one sentence on a side: its other side comes in index order (see core._components)."""
    return len(sources) == 1 or len(targets) == 1


def aligned_first(a: Article, b: Article) -> bool:
    """Whether a pair is aligned from a rather than from b, whichever is asked as the source.

    Joining leftovers (merges before splits, gaps in story order) is not symmetric, so a
    pair is always aligned the same way round, decided by the texts alone, and the result
    turned to face the way asked: trace, diff and check then give a pair the same links.
    The longer text goes first (an excerpt, a summary or a rewrite is most often the shorter).
    """

    def key(article: Article) -> tuple[int, int, tuple[str, ...]]:
        texts = tuple(s.text for s in article.sentences)
        return len(texts), sum(map(len, texts)), texts

    return key(a) > key(b)


def with_flips(alignment: Alignment, source: Article, target: Article) -> Alignment:
    """The alignment of source and target made without flips (classify_link), with them read.

    They are read the way round the pair was aligned (aligned_first), as classify_link reads
    them: the edits of two versions need not be the same read from either side.
    """
    first, second = (target, source) if aligned_first(target, source) else (source, target)

    def flips(link: Link) -> tuple[Change, ...]:
        a, b = (link.target, link.source) if first is target else (link.source, link.target)
        close = link.kind is not LinkKind.PARAPHRASE
        return meaning_changes(_text(first, a), _text(second, b), close=close, words=_words_of(first, second))

    links = tuple(
        _changed(link, flips(link))
        if link.kind is not LinkKind.VERBATIM and _one_sided(link.source, link.target)
        else link
        for link in alignment.links
    )
    return replace(alignment, links=links)


def _changed(link: Link, changes: tuple[Change, ...]) -> Link:
    """The link with these meaning flips (itself when it has them already, most often none)."""
    return link if changes == link.changes else replace(link, changes=changes)


def _words_of(first: Article, second: Article) -> WordsOf:
    """How each article writes its words (changes.article_words), read when asked."""
    return lambda: (
        article_words([s.text for s in first.sentences]),
        article_words([s.text for s in second.sentences]),
    )


def _text(article: Article, indices: Sequence[int]) -> str:
    """The sentences' text as their meaning flips are read: one a line (a figure's words are its
    sentence's, see figures.find_figures)."""
    return "\n".join(article.sentences[i].text for i in indices)
