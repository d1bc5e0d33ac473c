"""The candidate graph cut into connected components, and components grouped into batches.

Two articles in different components were never compared and so can be
related only through neither: each component is aligned and inferred on its
own and the results combined. Components are small (a story family and the
odd stray pair), but a process pool costs a start-up, so consecutive
components are aligned together in batches of a bounded size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

#: Pairs aligned in one batch: enough to keep a pool of workers busy, few
#: enough that a batch's alignments stay a small part of memory.
BATCH_PAIRS = 5000
#: Articles prepared in one batch when their components have few pairs (singletons).
BATCH_ARTICLES = 5000

#: A component: its article ids (sorted) and its candidate pairs (sorted).
Component = tuple[tuple[str, ...], list[tuple[str, str]]]


def _root(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _join(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def components(
    ids: Sequence[str], pairs: Iterable[tuple[str, str]], together: Iterable[Sequence[str]] = ()
) -> list[Component]:
    """Connected components of the articles under the pairs (and each group in together),
    in the order of their smallest id."""
    parent = {i: i for i in ids}
    pairs = sorted(pairs)
    for a, b in pairs:
        _join(parent, a, b)
    for group in together:
        for other in group[1:]:
            _join(parent, group[0], other)
    members: dict[str, list[str]] = {}
    for i in sorted(ids):
        members.setdefault(_root(parent, i), []).append(i)
    edges: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        edges.setdefault(_root(parent, pair[0]), []).append(pair)
    return [(tuple(m), edges.get(root, [])) for root, m in sorted(members.items(), key=lambda kv: kv[1][0])]


def batches(parts: Sequence[Component]) -> Iterator[list[Component]]:
    """Consecutive components in groups of about BATCH_PAIRS pairs or BATCH_ARTICLES articles."""
    batch: list[Component] = []
    pairs = articles = 0
    for part in parts:
        batch.append(part)
        pairs += len(part[1])
        articles += len(part[0])
        if pairs >= BATCH_PAIRS or articles >= BATCH_ARTICLES:
            yield batch
            batch, pairs, articles = [], 0, 0
    if batch:
        yield batch
