"""The judgement on every related pair of a trace: derived (one reused the other's expression)
or written independently, each pair alone, then each text with all it is related to together.

infer.judgement judges one pair (or one text against a union); this module runs it over
the pairs of a connected component for infer.forest, which draws only derived pairs.
"""

from __future__ import annotations

from collections.abc import Mapping

from provtrace.infer import lineage
from provtrace.infer.credited import wire_copy
from provtrace.infer.judgement import Judgement, judge, judge_together, taker
from provtrace.infer.translations import judge_translations
from provtrace.models import Article, Derivation, Related


def judge_all(
    by_id: Mapping[str, Article], pairs: lineage.Pairs
) -> tuple[dict[tuple[str, str], Related], dict[frozenset[str], tuple[str, str]]]:
    """The judgement on every related pair: derived, or written independently; and the originals
    of sibling translations (see translations.judge_translations).

    Two texts in one language that both translate a third are judged as
    sibling translations: the wording their original forces is no copying. Of an
    agency's copy and a text that is none, the latter's wording is measured
    (judgement.taker), as check measures its story.
    """
    judged: dict[tuple[str, str], Judgement] = {}
    for a_id, b_id in sorted(pairs.results):
        result = pairs.results[a_id, b_id]
        cover = max(result.stats.target_in_source, result.stats.source_in_target)
        a, b = by_id[a_id], by_id[b_id]
        judged[a_id, b_id] = judge(a, b, pairs.profiles, cover, result.alignment, text=taker(a, b))
    _judge_together(by_id, pairs, judged)
    originals = judge_translations(by_id, pairs, judged)
    related = {
        key: Related(
            *key, Derivation.DERIVED if j.derived else Derivation.INDEPENDENT, j.probability, j.evidence
        )
        for key, j in judged.items()
    }
    return related, originals


def _judge_together(
    by_id: Mapping[str, Article], pairs: lineage.Pairs, judged: dict[tuple[str, str], Judgement]
) -> None:
    """Judge a text against all the texts it is related to together, where it derives from none alone.

    A paper's report compiled from successive agency items of an event shares a
    little with each and a lot with all: taken together (same language only) they
    may show the copying no one of them does. The texts it shares a run of
    wording with (or, failing any, the most probable: judgement.judge_together) are
    then judged its sources.
    check judges a story against its related wire articles the same way.
    """
    partners: dict[str, list[str]] = {}
    for a_id, b_id in sorted(pairs.results):
        a, b = by_id[a_id], by_id[b_id]
        if a.in_other_language(b):
            continue
        # An agency's copy is measured only against other agency copy (its earlier takes): outlets
        # take from agencies, so its wording is not measured for having been taken from an outlet's
        # (judgement.taker, as for a pair).
        measured = taker(a, b)
        if measured is not b:
            partners.setdefault(a_id, []).append(b_id)
        if measured is not a:
            partners.setdefault(b_id, []).append(a_id)
    # Where agency copy is among a text's partners, it is the agency's takes the text compiles
    # from: outlets' stories of one event are not pooled as one source of another's.
    for ms in partners.values():
        wire = [m for m in ms if wire_copy(by_id[m])]
        if wire:
            ms[:] = wire
    key = {(x, m): (x, m) if (x, m) in judged else (m, x) for x, ms in partners.items() for m in ms}
    for x, ms in sorted(partners.items()):
        if len(ms) < 2 or any(judged[key[x, m]].derived for m in ms):
            continue
        alignments = [pairs.results[key[x, m]].alignment for m in ms]
        probabilities = [judged[key[x, m]].probability for m in ms]
        together = judge_together(by_id[x], [by_id[m] for m in ms], probabilities, pairs.profiles, alignments)
        for k in together.sources:
            judged[key[x, ms[k]]] = together.judgement
