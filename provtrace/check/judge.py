"""Whether a story derives from a wire article it shares sentences with: the one seam for that judgement.

uncredited-reuse fires only for sources a story is derived from, and each
source in the report carries the judgement (derived, probability). The
judgement is trace's (infer/judgement.py): copying shows as shared wording
beyond the facts two reports of one event share, so a reporter who sat in the
same hearing as the agency's is not taken for a copier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from provtrace.align.core import PairStats
from provtrace.align.features import prepare, vocabulary_of
from provtrace.align.normalize import Features
from provtrace.infer.judgement import judge
from provtrace.infer.lineage import Profile, profile_of
from provtrace.models import Alignment, Article

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
    judged = judge(wire.article, story.article, profiles, cover)
    return judged.derived, judged.probability
