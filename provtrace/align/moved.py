"""Moved sentences: a leftover pair linked out of story order when a figure pins it down.

Versions of a story keep its order, so the aligner fills gaps only between linked
neighbours. But an editor sometimes moves a sentence (a death toll from the lede
into a later paragraph), and the pair is then left unlinked on both sides. Such a
pair is linked when three things hold together:

- the two sentences share a figure that no other sentence of either text holds:
  the number pins one fact told once on each side;
- most of one sentence is found in the other, as a merge or split requires, and
  they share enough words besides their figures to make an ordinary link: a number
  and one word in common are chance (a list item "10. ..." in a long sentence);
- the rest of the pair keeps story order. Independent reports of one event share
  figures too (an age, a sentence, a sum), but tell them in their own order, so
  there is no order for a moved sentence to break; a copy keeps it, and a
  sentence outside it stands out as moved.

The core calls this before filling gaps, so the gap step treats the moved pair
like any other link: a leftover beside the moved sentence may then join it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from provtrace.align.features import Prepared, coverage
from provtrace.align.scoring import MIN_SHARED
from provtrace.models import Alignment

__all__ = ["link_moved", "out_of_order"]

#: The share of one sentence the other must hold: most of it, as a merge or split must.
MOVED_CONTAINMENT = 0.5
#: The share of the pair's links that must keep story order (one increasing run):
#: four in five, so that the moved sentence is an exception to an ordered copy.
ORDERED_SHARE = 0.8
#: ... and the least number of links in that run: one or two links are always in order.
ORDERED_LINKS = 3


def link_moved(
    pairs: set[tuple[int, int]],
    src_used: set[int],
    tgt_used: set[int],
    src: Prepared,
    tgt: Prepared,
    weak: dict[tuple[int, int], float],
) -> None:
    """Link sentences left over on both sides that a shared figure shows were moved.

    Candidates are the lower-evidence pairs (weak: pair -> mean containment), taken
    best first, each sentence once.
    """
    if not _keeps_order(pairs):
        return
    left = [item for item in weak.items() if item[0][0] not in src_used and item[0][1] not in tgt_used]
    if not left:  # the common case: nothing left over on both sides that could be linked
        return
    src_figures = _figures_held_once(src)
    tgt_figures = _figures_held_once(tgt)
    ranked = sorted(left, key=lambda item: (-item[1], item[0]))
    for (i, j), _ in ranked:
        if i in src_used or j in tgt_used:
            continue
        if not src_figures.get(i, set()) & tgt_figures.get(j, set()):
            continue
        if _same_fact(src.bags[i], tgt.bags[j]):
            pairs.add((i, j))
            src_used.add(i)
            tgt_used.add(j)


def _same_fact(a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether most of one sentence is in the other, with enough shared words besides figures."""
    words = sum(weight for stem, weight in a.items() if stem in b and not stem.isdigit())
    most = max(coverage(a, b), coverage(b, a))
    return most >= MOVED_CONTAINMENT and words >= MIN_SHARED


def _keeps_order(pairs: Iterable[tuple[int, int]]) -> bool:
    """Whether enough of the linked pairs fall in one run that keeps story order on both sides."""
    ordered = sorted(pairs)
    run: list[int] = []  # run[k]: the least last target of an ordered run of k + 1 pairs
    for _, j in ordered:
        k = bisect.bisect_right(run, j)
        run[k : k + 1] = [j]
    return len(run) >= ORDERED_LINKS and len(run) >= ORDERED_SHARE * len(ordered)


def out_of_order(alignment: Alignment) -> int:
    """The target sentences told in another order than the source's: those of the links left
    out of the longest run of links that keeps the source's order (a moved paragraph, not the
    rest of the story it was moved past)."""
    links = sorted(alignment.links, key=lambda link: (min(link.target), min(link.source)))
    tails: list[int] = []  # tails[k]: the least last source of an ordered run of k + 1 links
    ends: list[int] = []  # ends[k]: the link ending that run
    before: list[int] = []  # each link's predecessor in its best run (-1: none)
    for n, link in enumerate(links):
        k = bisect.bisect_left(tails, min(link.source))
        before.append(ends[k - 1] if k else -1)
        tails[k : k + 1], ends[k : k + 1] = [min(link.source)], [n]
    kept: set[int] = set()
    at = ends[-1] if ends else -1
    while at >= 0:
        kept.add(at)
        at = before[at]
    return sum(len(link.target) for n, link in enumerate(links) if n not in kept)


def _figures_held_once(side: Prepared) -> dict[int, set[str]]:
    """For each sentence, the figures (numbers) that no other sentence of its text holds."""
    held = Counter(a for f in side.feats for a in f.anchors if a.isdigit())
    out: dict[int, set[str]] = {}
    for k, f in enumerate(side.feats):
        once = {a for a in f.anchors if a.isdigit() and held[a] == 1}
        if once:
            out[k] = once
    return out
