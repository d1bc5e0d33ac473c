"""Two translations of one text: siblings under their original, not one a rewrite of the other.

Two independent translations of one text, in one language, share much of
their wording: the wording translating the same sentences forces. Judged as
two texts of one language they look like a copy and its source. They are
siblings when a text in another language present in the folder can be the
original both translate:

- the two are parallel: each retells most of the other, sentence by sentence,
  as two translations of one whole text do (a summary leaves most of its
  source out, and a story written from another adds much of its own);
- the third is related to one of them at least (the aligner links sentences
  across languages only where names, figures or borrowed words show; with
  embeddings, wherever the meaning does);
- nothing read outside the shared content (an agency's credit and language,
  dates) puts either of them before the third.

Then the two are judged as sibling translations (judgement.sibling_translations:
derived only if they share far more wording than translating one text forces).
Found siblings, they still share far more than chance: one did not take it
from the other, so both took it from a common source, and the third, which
they retell, is that source in the folder. Each of its pairs with them is then
judged derived, however little of the content the aligner could match across
the two languages: even where it matched too little of one to relate the two
(that one retells its sibling, which retells the third).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from provtrace.align.core import PairResult, PairStats
from provtrace.infer import lineage
from provtrace.infer.direction import weigh
from provtrace.infer.judgement import Judgement, sibling_translations
from provtrace.infer.retelling import parallel
from provtrace.models import Alignment, Article

Judged = dict[tuple[str, str], Judgement]


def _key(judged: Mapping[tuple[str, str], Judgement], x: str, y: str) -> tuple[str, str]:
    return (x, y) if (x, y) in judged else (y, x)


def _may_precede(by_id: Mapping[str, Article], pairs: lineage.Pairs, z: str, x: str) -> bool:
    """Whether z may have come before x: no evidence read outside their shared content (credits,
    the agency's language, dates) puts x first."""
    if pairs.oriented(z, x) is None:  # not related: what is read outside the content still counts
        alignment, stats = None, PairStats(0.0, 0.0)
    else:
        alignment, stats = pairs.oriented_result(z, x)
    d = weigh(by_id[z], by_id[x], stats, alignment=alignment)
    outside = d.external if d.parent == z else -d.external
    return outside >= 0


def _linked_share(pairs: lineage.Pairs, z: str, x: str, size: int) -> float:
    alignment = pairs.oriented(x, z)
    if alignment is None or not size:
        return 0.0
    return len(alignment.source_linked()) / size


def common_original(by_id: Mapping[str, Article], pairs: lineage.Pairs, a: str, b: str) -> str | None:
    """The text in another language that a and b (one language, parallel) may both translate, if any:
    of those related to either and not put after either, the one most of their sentences are linked to."""
    near = {*pairs.related_to(a), *pairs.related_to(b)}
    others = sorted(z for z in near if by_id[z].in_other_language(by_id[a]))
    alignment = pairs.oriented(a, b)
    if not others or alignment is None or not parallel(alignment, by_id[a], by_id[b]):
        return None
    sizes = {x: len(by_id[x].sentences) for x in (a, b)}
    found = [
        (sum(_linked_share(pairs, z, x, sizes[x]) for x in (a, b)), z)
        for z in others
        if _may_precede(by_id, pairs, z, a) and _may_precede(by_id, pairs, z, b)
    ]
    # The best-linked original; of equally linked ones, the first by id.
    return min(found, key=lambda item: (-item[0], item[1]))[1] if found else None


def _original_of(z: str, siblings: tuple[str, str], p: float, unaligned: bool = False) -> Judgement:
    """The judgement that z is the original that the sibling translations translate (unaligned: the
    aligner related z to one of them only)."""
    a, b = siblings
    said = (
        f"{a} and {b} share more wording than two texts written apart do, but no more than translating "
        f"one text forces (neither took it from the other): they have a common source, and {z}, in "
        "another language, whose sentences they retell, is that source, among the articles traced"
    )
    if unaligned:
        said += " (the aligner matched too few sentences of one of them to it across the languages)"
    return Judgement(True, p, (said,))


def judge_translations(
    by_id: Mapping[str, Article], pairs: lineage.Pairs, judged: Judged
) -> dict[frozenset[str], tuple[str, str]]:
    """Judge, in place, each same-language pair judged derived that may translate one original
    in the folder as sibling translations; where they are siblings, judge the original's pairs
    with them derived (see the module docstring).

    Returns, for each such pair of an original z and a translation x, (z, y): y is x's sibling
    translation (the direction's common source, as direction.weigh takes it).
    """
    originals: dict[frozenset[str], tuple[str, str]] = {}
    for (a, b), found in sorted(judged.items()):
        if not found.derived or by_id[a].in_other_language(by_id[b]):
            continue
        z = common_original(by_id, pairs, a, b)
        if z is None:
            continue
        siblings = sibling_translations(by_id[a], by_id[b], z)
        judged[a, b] = siblings
        if siblings.derived:
            continue
        for x, y in ((a, b), (b, a)):
            originals.setdefault(frozenset((z, x)), (z, y))
            if pairs.oriented(z, x) is None:  # x translates z as well as its sibling does
                judged[min(z, x), max(z, x)] = _original_of(z, (a, b), found.probability, unaligned=True)
                continue
            key = _key(judged, z, x)
            if not judged[key].derived:
                judged[key] = _original_of(z, (a, b), max(found.probability, judged[key].probability))
    return originals


def with_unaligned(
    by_id: Mapping[str, Article], pairs: lineage.Pairs, judged: Collection[tuple[str, str]]
) -> lineage.Pairs:
    """The pairs, and a pair with no links for each judged pair the aligner did not relate: a
    translation judged derived from its original through its sibling (judge_translations)."""
    missing = sorted(key for key in judged if key not in pairs.results)
    if not missing:
        return pairs
    results = {}
    for a, b in missing:
        unlinked = Alignment(
            a, b, (), tuple(range(len(by_id[b].sentences))), tuple(range(len(by_id[a].sentences)))
        )
        results[a, b] = PairResult(unlinked, PairStats(0.0, 0.0))
    return pairs.also(results)
