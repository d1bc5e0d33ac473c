"""Whether a story derives from a wire article it shares sentences with: the one seam for that judgement.

uncredited-reuse fires only for sources a story is derived from, and each
source in the report carries the judgement (derived, probability). The
judgement is trace's (infer/judgement.py): copying shows as shared wording
beyond the facts two reports of one event share, so a reporter who sat in the
same hearing as the agency's is not taken for a copier. A story compiled from
several wire articles (successive items on one event) is judged against all of
them together as well (judgement.judge_together, as trace does): each alone may
hold too little of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from provtrace.align.core import PairStats
from provtrace.align.features import prepare, vocabulary_of
from provtrace.align.normalize import Features
from provtrace.infer import judgement
from provtrace.infer.judgement import judge
from provtrace.infer.lineage import Profile, profile_of
from provtrace.models import Alignment, Article

#: What a false 'uncredited reuse' costs against a missed one. Accusing a reporter who wrote
#: the story of copying it is the worst error check can make (a desk acts on it, and trust in
#: the gate goes), while a missed copy is still listed with its probability: we count the
#: false alarm twice as costly. The choice is of policy, not fitted to any corpus.
FALSE_ALARM_COST = 2.0
#: With a calibrated probability p that the story derives from a source, flagging costs
#: (1 - p) * FALSE_ALARM_COST and keeping quiet p * 1: flag from p = 2 / 3 (the Bayes decision).
REUSE_PROBABILITY = FALSE_ALARM_COST / (FALSE_ALARM_COST + 1.0)

if TYPE_CHECKING:
    from provtrace.check.inputs import Story, WireArticle


def profiles_of(articles: Sequence[Article], feats: Mapping[str, Sequence[Features]]) -> dict[str, Profile]:
    """What the judgement compares of each article, with word rarity over these articles (a story and
    the wire it is checked against, as trace would see them in one folder); feats are their sentence
    features, by article id, computed once for alignment and judgement alike."""
    vocab = vocabulary_of(feats.values())
    return {a.id: profile_of(prepare(a, vocab, feats[a.id]), vocab) for a in articles}


def judge_source(
    story: Story,
    wire: WireArticle,
    alignment: Alignment,
    stats: PairStats,
    profiles: Mapping[str, Profile],
) -> tuple[bool, float]:
    """(derived, probability that the story derives from wire), given their alignment (wire upstream)."""
    if not alignment.links:
        return False, 0.0
    cover = max(stats.target_in_source, stats.source_in_target)
    judged = judge(wire.article, story.article, profiles, cover, alignment, REUSE_PROBABILITY, story.article)
    return judged.derived, judged.probability


def judge_together(
    story: Story,
    sources: Sequence[tuple[WireArticle, Alignment, tuple[bool, float], bool]],
    profiles: Mapping[str, Profile],
) -> list[tuple[bool, float]]:
    """The judgement of each source, given the story judged against the related ones together.

    A story is compiled from several wire articles as often as from one, so where
    two or more are related to it (enough linked sentences, as trace counts them) the
    story's wording is measured against their union (those in its language, as trace
    does: judgement.judge_together). Where the story derives from them together, the
    related sources it shares a run of wording with that no more probable one holds
    (or, failing any, the most probable one) are judged derived, and the others only
    on their own wording; where it does not, none of them is, whatever one short
    source alone seems to show. sources: (wire, alignment, (derived,
    probability) pairwise, related) each.
    """
    judged = [j for _, _, j, _ in sources]
    # Wording is compared within one language only: a translated source is judged on its own.
    alike = [k for k, (wire, *_) in enumerate(sources) if not story.article.in_other_language(wire.article)]
    near = [k for k in alike if sources[k][3]]
    if len(near) < 2:
        return judged
    others = [sources[k][0].article for k in near]
    probabilities = [judged[k][1] for k in near]
    alignments = [sources[k][1] for k in near]
    together = judgement.judge_together(
        story.article, others, probabilities, profiles, alignments, REUSE_PROBABILITY
    )
    union = together.judgement
    if not union.derived:
        return [(False, min(j[1], union.probability)) if k in alike else j for k, j in enumerate(judged)]
    takes = {near[k] for k in together.sources}
    # A related source the story is not taken from is derived only on its own wording: a credit
    # to its agency is explained by the source the story was taken from (another item of the
    # same agency), not by this one.
    return [
        (True, max(p, union.probability))
        if k in takes
        else (derived and (k not in near or p >= REUSE_PROBABILITY), p)
        for k, (derived, p) in enumerate(judged)
    ]
