"""Beyond the one-to-one core: merges, splits, and gaps filled in story order.

A merge is one target sentence covering several source sentences, a split
one source sentence spread over several targets: a sentence joins a linked
one when most of it is found there and it explains some of it that the
sentence's partners do not. Then leftover sentences are linked on weaker
evidence where the story order supports it. "Explains" is measured against
what the sentence claims, not who says it (see speakers): a sentence that
shares only a speaker's name and title with a linked one does not join it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from rapidfuzz import fuzz

from provtrace.align.features import Prepared
from provtrace.align.features import coverage as _coverage
from provtrace.align.features import union as _union
from provtrace.align.scoring import MIN_SHARED, Candidates
from provtrace.align.speakers import Claims

__all__ = ["add_extensions", "fill_gaps", "fill_sandwiches"]

#: A sentence joins a merge or split when this share of it is in the other side ...
_MERGE_CONTAINMENT = 0.5
#: ... and it raises the coverage of the other side by at least this much.
_MERGE_GAIN = 0.1
#: Filling gaps in story order: the least mean containment that links a leftover sentence.
_GAP_COVER = 0.22
#: ... and, to join a sentence that is already linked, the least share of the
#: leftover found in it: a few shared words of a long sentence are chance.
_GAP_JOIN = 0.25


def add_extensions(
    pairs: set[tuple[int, int]],
    src_used: set[int],
    tgt_used: set[int],
    src: Prepared,
    tgt: Prepared,
    found: Candidates,
    merge: bool,
) -> None:
    """Merges (merge=True): an unlinked source sentence largely contained in a linked target;
    splits (merge=False): an unlinked target sentence largely contained in a linked source."""
    own_used, other_used = (src_used, tgt_used) if merge else (tgt_used, src_used)
    size = len(src.feats if merge else tgt.feats)
    if len(own_used) == size:
        return  # every sentence of the side is linked: none is left to join a link
    cover = found.cover_source if merge else found.cover_target
    reach = _reach(cover, by_first=merge)
    for k in range(size):
        if k in own_used:
            continue
        linked = [o for o in reach.get(k, ()) if o in other_used]
        best = _best_extension(k, linked, pairs, src, tgt, cover, merge=merge)
        if best is not None:
            pairs.add((k, best) if merge else (best, k))
            own_used.add(k)


def fill_gaps(
    pairs: set[tuple[int, int]],
    src_used: set[int],
    tgt_used: set[int],
    src: Prepared,
    tgt: Prepared,
    weak: dict[tuple[int, int], float],
) -> None:
    """Link leftover sentences on weaker evidence where the story order supports it.

    Versions of a story mostly keep its order: a sentence left unlinked between
    two linked neighbours most likely corresponds to something between their
    counterparts. There, a few shared rare words are enough. A sentence that is
    already linked takes a leftover only when the leftover explains more of it
    (as a merge or split must): otherwise an excerpt's verbatim sentence would
    absorb whatever later sentence shares a few of its words.
    """
    if len(src_used) == len(src.feats) and len(tgt_used) == len(tgt.feats):
        return  # nothing left over on either side
    usable = sorted((pair, score) for pair, score in weak.items() if score >= _GAP_COVER)
    for flip in (False, True):
        this, other = (src, tgt) if flip else (tgt, src)
        used, other_used = (src_used, tgt_used) if flip else (tgt_used, src_used)
        if len(used) == len(this.feats):
            continue  # every sentence of this side is linked: no leftover to place
        claims = Claims(other)
        links: dict[int, list[int]] = {}  # this side -> linked indices on the other side
        candidates: dict[int, list[tuple[int, float]]] = {}  # this side -> (other, score), by other
        for i, j in sorted(pairs):
            x, o = (i, j) if flip else (j, i)
            links.setdefault(x, []).append(o)
        for (i, j), score in usable:
            x, o = (i, j) if flip else (j, i)
            candidates.setdefault(x, []).append((o, score))
        after = _suffix_min(links, len(this.feats), len(other.feats) - 1)
        lo_so_far = 0
        for k in range(len(this.feats)):
            if k not in used:
                lo, hi = min(lo_so_far, after[k]), max(lo_so_far, after[k])
                bounds = (lo - 1, hi + 1)
                best = _best_gap_partner(k, candidates.get(k, ()), bounds, pairs, this, claims, flip)
                if best is not None:
                    pairs.add((k, best) if flip else (best, k))
                    links.setdefault(k, []).append(best)
                    used.add(k)
                    other_used.add(best)
            if k in links:
                lo_so_far = max(lo_so_far, max(links[k]))


#: A sentence left alone between two links, opposite one left alone between their counterparts,
#: is linked to it when this share of their characters agree (rapidfuzz's ratio) ...
_SANDWICH_RATIO = 70
#: ... and each has at least this many characters: "He said." and "She added." agree by chance.
_SANDWICH_CHARS = 20


def fill_sandwiches(
    pairs: set[tuple[int, int]], src_used: set[int], tgt_used: set[int], src: Prepared, tgt: Prepared
) -> None:
    """Link a lone leftover sentence to the lone leftover in the same place of the other text.

    A short sentence made mostly of small words ('"It was a mistake," she said.') shares too
    few rare words with its edited version ('"It was a success," ...') to be found by them. Where
    each is the only unlinked sentence between the same two links (or between a link and the
    end of both texts), and most of their characters agree, they are one sentence edited.
    """
    if len(src_used) == len(src.feats) or len(tgt_used) == len(tgt.feats):
        return
    by_source: dict[int, list[int]] = {}
    for i, j in pairs:
        by_source.setdefault(i, []).append(j)
    m, n = len(src.feats), len(tgt.feats)
    for i in range(m):
        if i in src_used:
            continue
        before = max(by_source[i - 1]) if i > 0 and i - 1 in by_source else (-1 if i == 0 else None)
        after = min(by_source[i + 1]) if i + 1 < m and i + 1 in by_source else (n if i == m - 1 else None)
        if before is None or after is None or after - before != 2:
            continue
        j = before + 1
        if j in tgt_used:
            continue
        a, b = src.feats[i].norm, tgt.feats[j].norm
        if min(len(a), len(b)) >= _SANDWICH_CHARS and fuzz.ratio(a, b) >= _SANDWICH_RATIO and _one_edit(a, b):
            pairs.add((i, j))
            src_used.add(i)
            tgt_used.add(j)


#: The most words the one edit of a sandwich may replace on either side.
_SANDWICH_EDIT = 3


def _one_edit(a: str, b: str) -> bool:
    """Whether two sentences differ in one place only, by a few words (_SANDWICH_EDIT), the rest
    kept: "It was a [mistake] ..." -> "It was a [success] ...", not two quotations that share only
    their attribution ("We will be back," she said / "We did all we could," she said)."""
    one, other = a.split(), b.split()
    edits = [
        (i2 - i1, j2 - j1)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=one, b=other, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    return len(edits) == 1 and max(edits[0]) <= _SANDWICH_EDIT and min(len(one), len(other)) > _SANDWICH_EDIT


def _suffix_min(links: dict[int, list[int]], size: int, default: int) -> list[int]:
    """For each k, the least counterpart of a sentence after k (default when none)."""
    out = [default] * size
    least = default
    seen = False
    for k in range(size - 1, -1, -1):
        out[k] = least if seen else default
        if k in links:
            least = min(links[k]) if not seen else min(least, min(links[k]))
            seen = True
    return out


def _best_gap_partner(
    k: int,
    candidates: Sequence[tuple[int, float]],
    bounds: tuple[int, int],
    pairs: set[tuple[int, int]],
    this: Prepared,
    claims: Claims,
    flip: bool,
) -> int | None:
    """The best-scoring candidate counterpart of leftover k within [lo, hi], if any."""
    best: tuple[float, int] | None = None
    lo, hi = bounds
    for o, score in candidates:
        if (
            lo <= o <= hi
            and (best is None or score > best[0])
            and _explains_more(k, o, pairs, this, claims, flip)
        ):
            best = (score, o)
    return None if best is None else best[1]


def _explains_more(
    k: int, o: int, pairs: set[tuple[int, int]], this: Prepared, claims: Claims, flip: bool
) -> bool:
    """Whether k may join o: always if o is unlinked, else only if k explains more of o.

    That is, adding k raises the share of o its partners cover, as a merge or split must,
    and it does so in what o claims, not only in the words that name o's speaker.
    """
    partners = [x for x, y in ((i, j) if flip else (j, i) for i, j in pairs) if y == o]
    if not partners:
        return True
    bag = claims.prepared.bags[o]
    if _coverage(this.bags[k], bag) < _GAP_JOIN:
        return False
    covered = _union(this.bags[x] for x in partners)
    before = _coverage(bag, covered)
    after = _coverage(bag, _union([covered, this.bags[k]]))
    if after - before < _MERGE_GAIN:
        return False
    # The same gain in what o claims, leaving out the words that only name its speaker: a
    # tenth of it as above, or (o being long) enough new words to make a link on their own.
    claimed = claims.bag(o)
    joined = this.bags[k]
    gain = sum(w for s, w in claimed.items() if s in joined and s not in covered)
    return gain >= MIN_SHARED or gain >= _MERGE_GAIN * sum(claimed.values())


def _reach(containment: dict[tuple[int, int], float], *, by_first: bool) -> dict[int, list[int]]:
    """For each sentence, the sentences of the other side holding enough of it to extend, in order."""
    out: dict[int, list[int]] = {}
    for (i, j), share in sorted(containment.items()):
        if share >= _MERGE_CONTAINMENT:
            k, o = (i, j) if by_first else (j, i)
            out.setdefault(k, []).append(o)
    return {k: sorted(os) for k, os in out.items()}


def _best_extension(
    k: int,
    linked_other: Sequence[int],
    pairs: set[tuple[int, int]],
    src: Prepared,
    tgt: Prepared,
    containment: dict[tuple[int, int], float],
    *,
    merge: bool,
) -> int | None:
    """The linked sentence on the other side that sentence k best extends, if any."""
    best: tuple[float, int] | None = None
    for o in linked_other:
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
