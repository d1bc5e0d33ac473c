"""Which figure of one version of a sentence stands where a figure of the other stood, and which
of those pairs say another figure: trace's number and date flags and check's changed-figure rule.

Figures stand for one another only within a kind (align.figures: dates, weekdays, sums of money,
spans of time ...), but for one figure read as two kinds ("Downey, 10, and" an age, "Downey, 10
and" a number; "in September" and "on 23 September"). Within a kind they pair where the evidence
says they stand: each pair is worth the content words its two figures share nearby, more where
the word diff of near-identical sentences puts them in one place, and more again for an equal
value; the pairing worth most is taken. So a figure that only moved, with its words or without
them, pairs with itself, and two figures that traded places ("a 6 percent pay rise ... nine
percent" made "a 9 percent pay rise ... six percent") pair with what now stands in each place:
both are changes. Figures left unpaired, but for those whose value the other side holds in any
kind, pair in order, kind by kind, in near-identical sentences (close: whatever noun stands
beside them, as a reused sentence keeps its figures), and in a reworded sentence only where a
word near them is shared, as two different facts of one event are not. A figure only added or
only dropped pairs with nothing and says nothing changed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from provtrace.align.figures import (
    YEAR_OR_NUMBER,
    Figure,
    differs,
    find_figures,
    hedge_holds,
    one_figure,
    same_value,
)

#: An edit touching more words than this on either side is a clause gained or lost, or a
#: stretch reworded: what it says is new or gone, and no single word in it can be said to flip
#: (align.changes); a shorter one puts what it adds where what it removes stood.
LOCAL_WORDS = 4
#: What pairing two figures is worth, beside each content word they share nearby: standing in
#: the same place by the word diff of near-identical sentences (a word of both, or one short edit)
#: is worth two shared words, and so is an equal value (in a unit that agrees). Of pairings worth
#: as much, the one with more equal values wins: a figure that moved with its words pairs with
#: itself, and only figures whose words stayed while they traded places pair across ("a 6 percent
#: pay rise ... nine percent" -> "a 9 percent pay rise ... six percent": both are changes).
SAME_PLACE = 2
SAME_VALUE = 2
#: Figures of one kind on one side up to which the best pairing is searched in full; beyond it
#: (a table of results in prose), pairs are taken best first.
EXACT_PAIRING = 8
#: Kinds a reworded sentence pairs only by the words beside them, never by a word farther out:
#: an ordinal, a weekday, a month or an order of magnitude near a shared word is most often
#: another fact of the same event ("his first gig" and "the group's 274th show").
_NEAR_ONLY_BY_CONTEXT = frozenset({"ordinal", "weekday", "month", "many"})
#: What alone joins the two figures of a score or a range ("5-2", "52–48").
_DASHES = frozenset({"-", "–", "—"})
#: Pairs of texts whose pairing is kept: a story's sentences recur in many links.
_PAIRS_KEPT = 1 << 14

_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True)
class FigurePair:
    """A figure of the new version standing where a figure of the old one stood."""

    old: Figure
    new: Figure

    @property
    def changed(self) -> bool:
        """Whether the new figure says another figure than the old (see figures.differs), but for a
        hedge the new one puts on the old's value that holds ("more than 10" for 11: hedge_holds)."""
        return differs(self.old, self.new) and not hedge_holds(self.old, self.new)


def changed_figures(old: str, new: str, *, close: bool) -> tuple[FigurePair, ...]:
    """The figures of new that stand where old had another, in new's order."""
    return tuple(pair for pair in pair_figures(old, new, close=close) if pair.changed)


@lru_cache(maxsize=_PAIRS_KEPT)
def pair_figures(old: str, new: str, *, close: bool) -> tuple[FigurePair, ...]:
    """Each figure of new with the figure of old that stood in its place, where one did, in new's order.

    close: the texts are near-identical (a verbatim or altered link, not a paraphrase).
    """
    before = find_figures(old)
    if not before:  # most sentences hold no figure: the other side's need not be read
        return ()
    after = find_figures(new)
    if not after:
        return ()
    placed = _same_places(old, new, before, after) if close else frozenset()
    values_before = {v for f in before for v in (f.value, f.also) if v}
    values_after = {v for f in after for v in (f.value, f.also) if v}
    pairs = _reversed_scores(old, new, before, after) if close else []
    pairs += [
        (i, j)
        for i, j in _read_two_ways(before, after) + _year_or_number(placed, before, after)
        if all(i != p and j != q for p, q in pairs)
    ]
    for kind in sorted({f.kind for f in before} & {f.kind for f in after}):
        mine = [i for i, f in enumerate(before) if f.kind == kind and all(i != p for p, _ in pairs)]
        theirs = [j for j, f in enumerate(after) if f.kind == kind and all(j != q for _, q in pairs)]
        worth = {(i, j): _worth(before[i], after[j], (i, j) in placed) for i in mine for j in theirs}
        found = _best_pairing(mine, theirs, worth, before, after)
        pairs += found
        # Left unpaired: a figure whose value the other side holds (in any kind) may have moved
        # or be read otherwise there ("Downey, 10 and" is no age, "Downey, ten," is): no sign of a change.
        left_old = [
            before[i] for i in mine if all(i != p for p, _ in found) and not _held(before[i], values_after)
        ]
        left_new = [
            after[j] for j in theirs if all(j != q for _, q in found) and not _held(after[j], values_before)
        ]
        pairs += [(before.index(a), after.index(b)) for a, b in _leftovers(left_old, left_new, kind, close)]
    return tuple(FigurePair(before[i], after[j]) for i, j in sorted(pairs, key=lambda p: (p[1], p[0])))


def _held(figure: Figure, values: set[str]) -> bool:
    """Whether the other side holds the figure's value (in some kind, in some writing)."""
    return figure.value in values or figure.also in values


def _read_two_ways(before: Sequence[Figure], after: Sequence[Figure]) -> list[tuple[int, int]]:
    """(old, new) figures that are one figure read as two kinds (figures.one_figure), neither
    with a figure of its own kind and value on the other side: first of each, in order."""

    def alone(figure: Figure, others: Sequence[Figure]) -> bool:
        return not any(o.kind == figure.kind and same_value(o, figure) for o in others)

    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    for i, a in enumerate(before):
        if not alone(a, after):
            continue
        j = next(
            (j for j, b in enumerate(after) if j not in taken and one_figure(a, b) and alone(b, before)), None
        )
        if j is not None:
            pairs.append((i, j))
            taken.add(j)
    return pairs


def _reversed_scores(
    old: str, new: str, before: Sequence[Figure], after: Sequence[Figure]
) -> list[tuple[int, int]]:
    """(old, new) figures of a score or a range whose two figures traded places within it, in
    near-identical sentences ("voted 5-2" made "voted 2-5"): each figure pairs with the one now in
    its place, so both are changes. A score is two figures of one kind joined by a dash alone; its
    place is the word before it. The two must stand in one place, and neither text may hold the
    other's score there as well (a score that stayed: "voted 2-5 … after a 5-2 vote" made "voted
    5-2 … after a 5-2 vote" is one reversal). The capitalised words of the two must be the same,
    in the same order: "the Lions and the Tigers ended 2-5" made "the Tigers and the Lions ended
    5-2" says one result."""
    olds, news = _scores(old, before), _scores(new, after)
    if not (olds and news):  # most sentences: no score on a side, and nothing more to read
        return []
    if [w for w in _WORD.findall(old) if w[0].isupper()] != [w for w in _WORD.findall(new) if w[0].isupper()]:
        return []
    old_scores = {(x, y, word) for _, x, y, word in olds}
    new_scores = {(x, y, word) for _, x, y, word in news}
    pairs: list[tuple[int, int]] = []
    for i, x, y, word in olds:
        if x == y or (y, x, word) in old_scores or (x, y, word) in new_scores:
            continue
        for j, x2, y2, word2 in news:
            if (x2, y2) == (y, x) and word2 == word and all(i != p and j != q for p, q in pairs):
                pairs += [(i, j), (i + 1, j + 1)]
                break
    return pairs


def joined(text: str, a: Figure, b: Figure) -> bool:
    """Whether figures a and b of text (a before b) are one score or range: of one kind, joined by
    a dash alone ("5-2", "52 – 48")."""
    return a.kind == b.kind and text[a.end : b.start].strip() in _DASHES


def _scores(text: str, figures: Sequence[Figure]) -> list[tuple[int, str, str, str]]:
    """The scores and ranges of text (see _reversed_scores): the index of the first figure, the two
    values, and the word before it (case folded; "" at the start)."""
    out = []
    for k in range(len(figures) - 1):
        a, b = figures[k], figures[k + 1]
        if joined(text, a, b):
            words = _WORD.findall(text, 0, a.start)
            out.append((k, a.value, b.value, words[-1].casefold() if words else ""))
    return out


def _year_or_number(
    placed: frozenset[tuple[int, int]], before: Sequence[Figure], after: Sequence[Figure]
) -> list[tuple[int, int]]:
    """(old, new) figures that stand in one place of two near-identical sentences (placed), one read
    as a year and the other as a number ("about 2,400 members" made "about 2040 members"), neither
    with a figure of its own kind and value on the other side: first of each, in order."""

    def alone(figure: Figure, others: Sequence[Figure]) -> bool:
        return not any(o.kind == figure.kind and same_value(o, figure) for o in others)

    pairs: list[tuple[int, int]] = []
    for i, j in sorted(placed):
        a, b = before[i], after[j]
        if {a.kind, b.kind} != YEAR_OR_NUMBER or not (alone(a, after) and alone(b, before)):
            continue
        if all(i != p and j != q for p, q in pairs):
            pairs.append((i, j))
    return pairs


def _same_places(
    old: str, new: str, before: Sequence[Figure], after: Sequence[Figure]
) -> frozenset[tuple[int, int]]:
    """The (old, new) figures that stand in the same place by the word diff of two near-identical
    texts: they share a word the diff keeps ("$4.5 million" and "$4.5 billion"), or one short
    edit replaces the one by the other ("6 percent" and "9 percent")."""
    a_words, b_words = _words(old), _words(new)
    a_owner, b_owner = _owners(before, a_words), _owners(after, b_words)
    matcher = difflib.SequenceMatcher(
        a=[w for w, _, _ in a_words], b=[w for w, _, _ in b_words], autojunk=False
    )
    same: set[tuple[int, int]] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept = ((a_owner.get(i1 + d), b_owner.get(j1 + d)) for d in range(i2 - i1))
            same.update((i, j) for i, j in kept if i is not None and j is not None)
        elif tag == "replace" and max(i2 - i1, j2 - j1) <= LOCAL_WORDS:
            olds = {a_owner[n] for n in range(i1, i2) if n in a_owner}
            news = {b_owner[n] for n in range(j1, j2) if n in b_owner}
            same.update((i, j) for i in olds for j in news)
    return frozenset(same)


def _words(text: str) -> list[tuple[str, int, int]]:
    """The words of text as the diff compares them (case folded), with where each stands."""
    return [(m.group(0).casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _owners(figures: Sequence[Figure], words: Sequence[tuple[str, int, int]]) -> dict[int, int]:
    """Word index -> the index of the figure the word is part of."""
    owner: dict[int, int] = {}
    n = 0
    for k, figure in enumerate(figures):
        while n < len(words) and words[n][2] <= figure.start:
            n += 1
        m = n
        while m < len(words) and words[m][1] < figure.end:
            owner[m] = k
            m += 1
    return owner


def _equal(a: Figure, b: Figure) -> bool:
    """Whether a and b say one figure: a value in common, in units that agree."""
    return same_value(a, b) and not differs(a, b)


def _worth(a: Figure, b: Figure, same_place: bool) -> int:
    """What pairing a and b is worth (see SAME_PLACE, SAME_VALUE)."""
    return len(a.context & b.context) + SAME_PLACE * same_place + SAME_VALUE * _equal(a, b)


def _best_pairing(
    old: Sequence[int],
    new: Sequence[int],
    worth: dict[tuple[int, int], int],
    before: Sequence[Figure],
    after: Sequence[Figure],
) -> list[tuple[int, int]]:
    """The pairing of old and new figures (indices, of one kind) worth most, each pair worth something.

    Of pairings worth as much, the one with more equal values; then the one found first (old
    figures in order, each with the first new figure free, before it is left unpaired).
    """
    if len(old) > EXACT_PAIRING or len(new) > EXACT_PAIRING:
        return _greedy_pairing(old, new, worth)
    equal = {(i, j): _equal(before[i], after[j]) for i in old for j in new}

    @cache
    def best(k: int, used: int) -> tuple[int, int, tuple[tuple[int, int], ...]]:
        """The pairing of old[k:] with the new figures not in used worth most: (worth, equals, pairs)."""
        if k == len(old):
            return 0, 0, ()
        options = []
        for n, j in enumerate(new):
            pair = (old[k], j)
            if not used >> n & 1 and worth[pair]:
                value, equals, pairs = best(k + 1, used | 1 << n)
                options.append((value + worth[pair], equals + equal[pair], (pair, *pairs)))
        options.append(best(k + 1, used))  # old[k] left unpaired
        return max(options, key=lambda option: option[:2])  # the first of those worth most

    return list(best(0, 0)[2])


def _greedy_pairing(
    old: Sequence[int], new: Sequence[int], worth: dict[tuple[int, int], int]
) -> list[tuple[int, int]]:
    """Pairs taken best first (ties in order), each figure once, each pair worth something."""
    ranked = sorted((-worth[i, j], i, j) for i in old for j in new if worth[i, j])
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for _, i, j in ranked:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((i, j))
    return pairs


def _loose(figure: Figure) -> bool:
    """A figure written "one": as often a word for "a" as a count ("one grower told AFP", "late one
    night", "One was later linked"), so a distant shared word is no sign of what it counts."""
    return figure.text.lower() == "one"


def _leftovers(
    old: Sequence[Figure], new: Sequence[Figure], kind: str, close: bool
) -> list[tuple[Figure, Figure]]:
    """Figures of one kind that nothing nearby pairs: in order when the sentences are near-identical,
    else only where a word in a wider span around them is shared (for kinds where that means much)."""
    if close:
        return list(zip(old, new, strict=False))
    if kind in _NEAR_ONLY_BY_CONTEXT:
        return []
    pairs = []
    free = [a for a in old if not _loose(a)]
    for figure in (b for b in new if not _loose(b)):
        match = next((a for a in free if a.near & figure.near), None)
        if match is not None:
            pairs.append((match, figure))
            free.remove(match)
    return pairs
