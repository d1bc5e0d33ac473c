"""Which way a related pair runs: the pairwise evidence of direction, and the edge's relation.

For every related pair the direction is weighed from independent signals:
containment asymmetry (a derived text is largely contained in its source,
not the reverse), credits (an agency's own copy against an article citing
the agency), an agency's pick-up of an outlet's story (agency copy crediting
the other text's own outlet: infer/pickup.py), publication dates, loss of
detail downstream (names, numbers and quotations upstream has and downstream
lacks), syndication (an agency's copy republished on another site) and, across
languages, the agency's home language. Each signal is a weight for "a is upstream of b" and a sentence of
evidence; their sum, through a logistic, is the probability of a -> b.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from provtrace.agencies import AGENCY_LANGUAGE
from provtrace.align.core import PairStats
from provtrace.infer.asides import compare_asides
from provtrace.infer.credited import (
    Signal,
    credit_signals,
    desk_signals,
    quote,
)
from provtrace.infer.pickup import picked_up
from provtrace.models import Alignment, Article
from provtrace.wording import AGAINST, plural, possessive

# --- Direction: the weight of each signal (positive: a is upstream of b) ---------------------
#: Containment asymmetry, per unit of difference: the strongest single signal, since
#: a copy is contained in its source far more often than the source in the copy.
CONTAINMENT_WEIGHT = 3.0
#: Containments closer than this are "about the same share" (the sentence says so).
BALANCED_CONTAINMENT = 0.05
#: An earlier publication date: weak, dates on pages are often updates or guesses.
EARLIER_DATE_WEIGHT = 0.5
#: Across languages, the side written in the agency's home language: agencies file
#: first in their service's language and translate from it.
HOME_LANGUAGE_WEIGHT = 1.0
#: Loss of detail, per unit of the net share of anchors one side lacks: derived
#: versions drop exact figures, names and quoted words far more often than they add them.
LOST_DETAIL_WEIGHT = 2.0
#: Asides in brackets one side's linked sentences have and the other's lack (infer/asides.py), per unit of
#: their net share, one added to the count so that a single aside is thin evidence: a copy drops asides
#: more often than it adds them (dev 2026-12-01: Clough 8 of 8 pairs where it tells, METER 26 of 39; a
#: paper adds a clarification such as "(£4.5m)" or "(Homer)" one time in three). Weaker than lost detail.
LOST_ASIDE_WEIGHT = 1.0
#: A version's own material (sentences in no other text of the folder), per unit of the
#: difference in its share: most likely added by that version, since the common source of
#: a family has little that none of its versions kept. Decides where containment cannot.
OWN_MATERIAL_WEIGHT = 2.0
#: Two texts written independently of each other that both derive from a third took it as
#: their common source; it could only derive from both by merging them, which is rarer.
COMMON_SOURCE_WEIGHT = 2.0
#: The same sentence says "today" in one text and "yesterday" in the other: the first was written
#: on the day, the second the day after (a paper's next-morning story of an agency's same-day copy).
#: As strong as the agency's own credit; a rewrite made the same day keeps "today".
RELATIVE_DAY_WEIGHT = 1.5
#: Agency copy that credits the other text's outlet for its story in its lead (infer/pickup.py): the
#: agency says in so many words that it took the story from that outlet. It overrules "outlets take
#: from agencies" (AGENCY_COPY_WEIGHT, a base rate, is then not weighed at all) and outweighs the
#: loss of detail a pick-up shows the wrong way (it adds "the local newspaper … reported").
PICKUP_WEIGHT = 3.0
#: Slope of the logistic from the summed weights to a probability: a score of 1
#: (e.g. a third of a text more contained) gives about 0.92.
SCORE_SLOPE = 2.5
#: The one sentence of evidence that weighs without arguing either way: containment nearly balanced
#: (its weight, under CONTAINMENT_WEIGHT * BALANCED_CONTAINMENT, is never marked "against:").
_BALANCED = "each holds about the same share of the other"

_LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
}

#: Words that date an event to the day of writing, and to the day before it (English, Spanish).
_SAME_DAY = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|hoy|esta (?:mañana|tarde|noche))\b", re.I
)
_DAY_BEFORE = re.compile(r"\b(?:yesterday|last night|ayer|anoche)\b", re.I)
#: What each of them must hold, lower-cased ...
_SAME_DAY_WORDS = ("today", "tonight", "this ", "hoy", "esta ")
_DAY_BEFORE_WORDS = ("yesterday", "last night", "ayer", "anoche")
#: ... unless it holds a letter that re.IGNORECASE takes for "i" or "s" and lower() does not.
_FOLDED_AWAY = ("ı", "İ", "ſ")

#: The share of a's and of b's sentences found in no other text of the folder.
Own = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Direction:
    """The chosen direction of a related pair, how sure it is, and why."""

    parent: str
    child: str
    probability: float  # that parent -> child is the true direction
    explained: float  # share of the child's content found in the parent
    evidence: tuple[str, ...]
    signals: tuple[Signal, ...] = ()  # (weight for parent -> child, text)
    reverse_explained: float = 0.0  # share of the parent's content found in the child
    #: The summed weight, for parent -> child, of the signals read outside the texts' shared content
    #: (credits, a desk's sign-off, dates, "today"/"yesterday", the agency's language): what the
    #: direction rests on besides containment, own material and lost detail.
    external: float = 0.0

    def flipped(self, extra: Sequence[str]) -> Direction:
        """The opposite direction, for when stronger evidence overrules this one."""
        signals = [(-w, t) for w, t in self.signals]
        return orient(
            self.child,
            self.parent,
            1 - self.probability,
            self.reverse_explained,
            self.explained,
            signals,
            forward=True,
            extra=extra,
            external=-self.external,
        )


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _without_own(share: float, own: float) -> float:
    """The share of a text found in another, leaving aside the text's own material."""
    return min(1.0, share / (1 - own)) if own < 1 else share


def _containment(a: Article, b: Article, stats: PairStats, own: Own, borrowed: Own) -> Signal:
    """Containment counts only where the containing text adds no material of its own:
    a version that adds background contains its source, not the reverse. Nor does material a
    text shares only with other agency copy count: a story that merged several takes of an
    agency contains each take, which is no sign that the take came from it. A pair with no
    sentence linked (a translation known through its sibling) gives no containment at all.
    Containment is weighed by the share of the containing text that is not its own material: a
    long story holding a short take whole, with much of its own, may as well have expanded the
    take as been summarised by it (METER: a paper's report hung above a two-sentence PA lead)."""
    if not stats.target_in_source and not stats.source_in_target:
        return 0.0, f"no sentence of {a.id} or {b.id} is linked to the other: the other evidence decides"
    b_in_a, a_in_b = (
        _without_own(stats.target_in_source, own[1] + borrowed[1]),
        _without_own(stats.source_in_target, own[0] + borrowed[0]),
    )
    weight = CONTAINMENT_WEIGHT * (b_in_a - a_in_b)
    weight *= 1 - (own[0] if b_in_a > a_in_b else own[1])  # the containing side's own material
    left_out = ["sentences in no other text"] if own[0] or own[1] else []
    if borrowed[0] or borrowed[1]:
        left_out.append("sentences found only in other agency copy")
    aside = f" (leaving aside {' and '.join(left_out)})" if left_out else ""
    if abs(b_in_a - a_in_b) < BALANCED_CONTAINMENT:
        return (
            weight,
            f"{_BALANCED}{aside} "
            f"({_pct(b_in_a)} of {b.id} is in {a.id}, {_pct(a_in_b)} of {a.id} is in {b.id})",
        )
    up, down, x, y = (a, b, b_in_a, a_in_b) if b_in_a > a_in_b else (b, a, a_in_b, b_in_a)
    return (
        weight,
        f"{_pct(x)} of {possessive(down.id)} content is found in "
        f"{up.id}, but only {_pct(y)} of {possessive(up.id)} is found in {down.id}{aside}",
    )


def _pickup(a: Article, b: Article) -> list[Signal]:
    """Agency copy crediting the other text's own outlet for its story: the outlet came first."""
    for wire, outlet, sign in ((a, b, -1.0), (b, a, 1.0)):
        found = picked_up(wire, outlet)
        if found is not None:
            return [
                (
                    sign * PICKUP_WEIGHT,
                    f"{wire.id} is agency copy that credits {found.outlet} for its story "
                    f"({quote(found.credit)}), and {outlet.id} is {possessive(found.outlet)} own "
                    f"({found.known_by}): the agency took the story from it",
                )
            ]
    return []


def _dates(a: Article, b: Article) -> list[Signal]:
    if not (a.published and b.published and a.published != b.published):
        return []
    earlier, later = (a, b) if a.published < b.published else (b, a)
    return [
        (
            EARLIER_DATE_WEIGHT if earlier is a else -EARLIER_DATE_WEIGHT,
            f"{earlier.id} was published {earlier.published}, {later.id} {later.published}",
        )
    ]


def _own_material(a: Article, b: Article, own: Own) -> list[Signal]:
    if abs(own[0] - own[1]) < BALANCED_CONTAINMENT:
        return []
    later, share = (b, own[1]) if own[1] > own[0] else (a, own[0])
    return [
        (
            OWN_MATERIAL_WEIGHT * (own[1] - own[0]),
            f"{_pct(share)} of {possessive(later.id)} sentences are in no other text of the folder: "
            f"material {later.id} most likely added",
        )
    ]


def _common_source(a: Article, b: Article, common: tuple[str, str]) -> Signal:
    source, sibling = common
    child = b.id if source == a.id else a.id
    return (
        COMMON_SOURCE_WEIGHT if source == a.id else -COMMON_SOURCE_WEIGHT,
        f"{child} and {sibling}, written independently of each other, both derive from {source}: "
        "it is their common source",
    )


def _home_language(a: Article, b: Article) -> list[Signal]:
    """An agency's copy is first written in its service's language."""
    signals: list[Signal] = []
    credited = {c.agency for c in a.credits} & {c.agency for c in b.credits}
    for agency in sorted(credited):
        home = AGENCY_LANGUAGE.get(agency)
        if home is not None and home in (a.language, b.language):
            up, down = (a, b) if home == a.language else (b, a)
            signals.append(
                (
                    HOME_LANGUAGE_WEIGHT if up is a else -HOME_LANGUAGE_WEIGHT,
                    f"{agency} writes in {_LANGUAGE_NAMES.get(home, home)}, "
                    f"as {up.id} does; {down.id} is a translation",
                )
            )
    return signals


def _lost_detail(a: Article, b: Article, stats: PairStats) -> list[Signal]:
    """Within the sentences they share, the derived version tends to drop exact
    figures, names and quoted words, rarely to add them."""
    b_lacks, a_lacks = stats.target_lacks, stats.source_lacks
    total = b_lacks + a_lacks + stats.shared_anchors
    if not total or b_lacks == a_lacks:
        return []
    up, down, lost, added = (a, b, b_lacks, a_lacks) if b_lacks > a_lacks else (b, a, a_lacks, b_lacks)
    return [
        (
            LOST_DETAIL_WEIGHT * (b_lacks - a_lacks) / total,
            f"in the sentences they share, {down.id} lacks "
            f"{plural(lost, 'name, figure or quoted word', 'names, figures or quoted words')} "
            f"that {up.id} has ({up.id} lacks {added})",
        )
    ]


def _lost_asides(a: Article, b: Article, alignment: Alignment | None) -> list[Signal]:
    """Within the sentences they share, a copy leaves out its source's asides in brackets."""
    if alignment is None or alignment.source != a.id:
        return []
    found = compare_asides(a, b, alignment)
    if found.b_lacks == found.a_lacks:
        return []
    net = found.b_lacks - found.a_lacks
    up, down, lost, added = (
        (a, b, found.b_lacks, found.a_lacks) if net > 0 else (b, a, found.a_lacks, found.b_lacks)
    )
    weight = LOST_ASIDE_WEIGHT * net / (found.b_lacks + found.a_lacks + found.kept + 1)
    return [
        (
            weight,
            f"in the sentences they share, {down.id} lacks {plural(lost, 'aside')} in brackets that "
            f"{up.id} has (such as {quote(found.example)}; {up.id} lacks {added}): "
            "a rewording drops asides more often than it adds them",
        )
    ]


def _relative_day(a: Article, b: Article, alignment: Alignment | None) -> list[Signal]:
    """Linked sentences where one text says "today" and the other "yesterday": written a day apart."""
    if alignment is None or alignment.source != a.id:
        return []
    votes = 0
    for link in alignment.links:
        ta = " ".join(a.sentences[i].text for i in link.source)
        tb = " ".join(b.sentences[j].text for j in link.target)
        if ta == tb:  # the common case, a sentence copied: neither way round can hold
            continue
        (a_today, a_yesterday), (b_today, b_yesterday) = _days(ta), _days(tb)
        if a_today and b_yesterday and not a_yesterday:
            votes += 1
        elif b_today and a_yesterday and not b_yesterday:
            votes -= 1
    if not votes:
        return []
    first, later = (a, b) if votes > 0 else (b, a)
    n = abs(votes)
    return [
        (
            RELATIVE_DAY_WEIGHT if votes > 0 else -RELATIVE_DAY_WEIGHT,
            f"{plural(n, 'sentence')} that {first.id} dates “today” {'is' if n == 1 else 'are'} dated "
            f"“yesterday” in {later.id}: {later.id} was written the day after",
        )
    ]


@lru_cache(maxsize=1 << 14)  # a sentence is in the links of many pairs of its story
def _days(text: str) -> tuple[bool, bool]:
    """Whether the text says "today" (or the like) and whether it says "yesterday".

    A pattern is searched only in a text holding one of its words (lower-cased), which is most
    of the cost saved: matching without case folds only these three letters otherwise.
    """
    lower = text.lower()
    odd = any(letter in text for letter in _FOLDED_AWAY)
    today = (odd or any(w in lower for w in _SAME_DAY_WORDS)) and _SAME_DAY.search(text) is not None
    before = (odd or any(w in lower for w in _DAY_BEFORE_WORDS)) and _DAY_BEFORE.search(text) is not None
    return today, before


def weigh(
    a: Article,
    b: Article,
    stats: PairStats,
    own: Own = (0.0, 0.0),
    common: tuple[str, str] | None = None,
    alignment: Alignment | None = None,
    borrowed: Own = (0.0, 0.0),
) -> Direction:
    """Weigh the direction of a related pair from independent signals.

    Each signal adds to a score (positive: a is upstream of b) and leaves a
    sentence of evidence; evidence against the chosen direction is marked so.
    own: the share of a's and of b's sentences in no other text (see lineage.Pairs.own_share);
    common: (z, y) where z is a or b, and y, written independently of the other, also derives from z;
    alignment: the pair's alignment with a as its source, for evidence read in linked sentences;
    borrowed: the share of a's and of b's sentences that the other lacks and only other agency copy
    has (not counted by containment; see wire_copy).
    """
    if a.in_other_language(b):  # unlinked sentences across languages may be translated ones: no evidence
        own = borrowed = (0.0, 0.0)
    # Where agency copy credits the other's outlet for the story, "outlets take from agencies" is not weighed.
    taken = _pickup(a, b)
    agency = [*(taken or credit_signals(a, b)), *_dates(a, b), *([] if taken else desk_signals(a, b))]
    external = [*agency, *_relative_day(a, b, alignment)]
    signals = [_containment(a, b, stats, own, borrowed), *_own_material(a, b, own), *external]
    if a.in_other_language(b):
        languages = _home_language(a, b)
        external += languages
        signals += languages
    else:  # across languages names and words are spelled differently: no evidence
        signals += [*_lost_detail(a, b, stats), *_lost_asides(a, b, alignment)]
    if common is not None:
        signals.append(_common_source(a, b, common))
    score = sum(weight for weight, _ in signals)
    if [x.text for x in a.sentences] == [x.text for x in b.sentences]:
        decided = "the other evidence decides" if score else "the first by name is shown as the parent"
        signals.append(
            (
                0.0,
                f"the story texts of {a.id} and {b.id} are identical: the text cannot tell "
                f"which came first, so {decided}",
            )
        )
    probability = 1 / (1 + math.exp(-SCORE_SLOPE * score))
    b_in_a, a_in_b = stats.target_in_source, stats.source_in_target
    outside = math.fsum(weight for weight, _ in external)
    return orient(
        a.id, b.id, probability, b_in_a, a_in_b, signals, forward=probability >= 0.5, external=outside
    )


def orient(
    a: str,
    b: str,
    probability: float,
    b_in_a: float,
    a_in_b: float,
    signals: Sequence[Signal],
    *,
    forward: bool,
    extra: Sequence[str] = (),
    external: float = 0.0,
) -> Direction:
    """The direction a -> b (forward) or b -> a, its evidence marked for or against it.

    probability, signal weights and external (see Direction) are given for a -> b.
    """
    stored = tuple((w if forward else -w, t) for w, t in signals)  # for the chosen direction
    # Every sentence that argues against the chosen direction is marked, however little it weighs:
    # unmarked, it would read as support.
    evidence = (*extra, *(f"{AGAINST}{t}" if w < 0 and not t.startswith(_BALANCED) else t for w, t in stored))
    if forward:
        return Direction(a, b, probability, b_in_a, evidence, stored, a_in_b, external)
    return Direction(b, a, 1 - probability, a_in_b, evidence, stored, b_in_a, -external)
