"""Articles of a run -> the alignments of every related pair.

align_corpus computes each article's features once, picks the pairs worth
aligning (see candidates), aligns them on one core or several and keeps the
related ones. align_components does the same one connected component of the
candidate graph at a time (articles that can share content only through one
another), so that what is held at once follows the largest story family,
not the folder; map_components also runs the caller's next stage (inference)
on each component, on the workers when the component is small. Each pair is
aligned on its own (words weighed by their rarity in the pair), so its links
do not depend on the rest of the folder and `provtrace diff` shows the same
links and scores as `trace`. The rarity weights over the whole run are kept
for inference, which asks which words are distinctive in the folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from provtrace.align.candidates import ALL_PAIRS_UP_TO, candidate_pairs
from provtrace.align.components import Component, batches, components
from provtrace.align.core import PairResult, PairStats, align_pair
from provtrace.align.features import Prepared, Vocabulary, build_vocabulary, prepare, sentence_features
from provtrace.align.normalize import Features
from provtrace.index.keys import ArticleKeys, article_keys
from provtrace.models import Alignment, Article, LinkKind, Progress
from provtrace.options import TraceOptions
from provtrace.parallel import ordered_chunks, worker_count

#: The stage names under which sentence features are computed and pairs aligned.
COMPARING = "comparing sentences"
ALIGNING = "aligning"
#: A component with at most this many pairs is aligned and finished by one
#: worker (a story family: its inference then runs beside the others'); a
#: larger one's pairs are shared out among the workers.
WHOLE_PAIRS = 200
#: Pairs of a large component sent to a worker at a time.
SLICE_PAIRS = 64

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CorpusAlignment:
    """The related pairs of a run and what inference needs of each article."""

    #: Related pairs, keyed (source id, target id) with the smaller id as source.
    pairs: Mapping[tuple[str, str], PairResult]
    #: Each article ready for comparison (features and rarity-weighted stems), by id.
    prepared: Mapping[str, Prepared]
    #: The rarity weights over every sentence of the run.
    vocabulary: Vocabulary

    def stems(self) -> dict[str, list[tuple[str, ...]]]:
        """The content stems of each sentence of each article, by article id."""
        return {k: [f.stems for f in p.feats] for k, p in self.prepared.items()}


def is_related(result: PairResult, a: Article, b: Article, options: TraceOptions) -> bool:
    """Whether enough sentences are linked for the two articles to count as related.

    One sentence taken with its wording (a verbatim or altered link) is no coincidence of
    topic: it relates a short text (few, long sentences) whose share it covers, as two
    links of any kind relate longer ones.
    """
    alignment = result.alignment
    linked_b = sum(len(link.target) for link in alignment.links)
    linked_a = sum(len(link.source) for link in alignment.links)
    shorter = min(len(a.sentences), len(b.sentences)) or 1
    worded = any(link.kind is not LinkKind.PARAPHRASE for link in alignment.links)
    needed = 1 if worded else min(options.min_shared_sentences, shorter)
    return min(linked_a, linked_b) >= needed and max(linked_a, linked_b) / shorter >= options.min_shared_share


def align_corpus(
    articles: Sequence[Article], options: TraceOptions, progress: Progress | None = None
) -> CorpusAlignment:
    """Align candidate pairs of articles (smaller id as source); keep related pairs."""
    pairs: dict[tuple[str, str], PairResult] = {}
    prepared: dict[str, Prepared] = {}
    vocab: Vocabulary | None = None
    for part in align_components(articles, options, progress):
        pairs.update(part.pairs)
        prepared.update(part.prepared)
        vocab = part.vocabulary
    assert vocab is not None  # at least one component: every article is in one
    return CorpusAlignment({k: pairs[k] for k in sorted(pairs)}, prepared, vocab)


def align_components(
    articles: Sequence[Article],
    options: TraceOptions,
    progress: Progress | None = None,
    together: Sequence[Sequence[str]] = (),
    flips: bool = True,
) -> Iterator[CorpusAlignment]:
    """align_corpus one connected component of the candidate graph at a time, in
    map_components' order."""
    return map_components(articles, options, _as_is, None, progress, together, flips)


def _as_is(context: object, part: CorpusAlignment) -> CorpusAlignment:
    return part


def map_components(
    articles: Sequence[Article],
    options: TraceOptions,
    finish: Callable[[Any, CorpusAlignment], T],
    context: Any = None,
    progress: Progress | None = None,
    together: Sequence[Sequence[str]] = (),
    flips: bool = True,
) -> Iterator[T]:
    """finish(context, part) for each connected component of the candidate graph, aligned.

    Components with more than WHOLE_PAIRS pairs come first, largest first, then
    the others in the order of their smallest id. The rarity weights
    are the folder's (each part's vocabulary is the whole run's). together
    lists groups of ids that must share a component whatever their candidates
    (what inference decides over several at once). All the work goes through
    one stream of workers: a small component is aligned and finished by one
    worker, a large one's pairs are shared out and it is finished here, while
    the workers go on with the next components. finish must be a module-level
    function. With embeddings, a batch of components at a time, embedded together.
    With flips false, most links' meaning flips are left to align.kinds.with_flips
    (for the alignments the caller keeps).
    """
    by_id = {a.id: a for a in articles}
    keyed = not options.semantic and len(by_id) > ALL_PAIRS_UP_TO
    feats, keys = _article_features(articles, options, progress, keyed)
    vocab = build_vocabulary(articles, feats)
    if keyed:
        todo = candidate_pairs(articles, feats, keys)
    else:
        ids = sorted(by_id)
        todo = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    del keys  # not needed any more, and not to be copied into the workers
    # Aligning is counted in sentences (both sides of each pair): one long text moves the bar as it goes.
    count = _Count(progress, sum(_size(by_id, pair) for pair in todo))
    parts = components(sorted(by_id), todo, together)
    for group in batches(parts) if options.semantic else [parts]:
        vectors: dict[str, Any] = {}
        if options.semantic:
            from provtrace.align.semantic import Embedder

            vectors = Embedder().embed([by_id[i] for part, _ in group for i in part])
        state = _State(by_id, feats, vectors, vocab, options, flips, finish, context)
        yield from _run_group(state, group, count)


@dataclass(frozen=True, slots=True)
class _State(Generic[T]):
    """What every worker holds: the articles, their features and embeddings, and how to finish a part."""

    by_id: Mapping[str, Article]
    feats: Mapping[str, tuple[Features, ...]]
    vectors: Mapping[str, Any]
    vocab: Vocabulary
    options: TraceOptions
    flips: bool
    finish: Callable[[Any, CorpusAlignment], T]
    context: Any


@dataclass(frozen=True, slots=True)
class _Unit:
    """One piece of work: some pairs of a large component, or a whole small component (part set)."""

    pairs: tuple[tuple[str, str], ...]
    part: tuple[str, ...] | None = None


class _Count:
    """The run's aligning progress, in sentences (both sides of each pair)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def add(self, state: _State[Any], pairs: Iterable[tuple[str, str]]) -> None:
        self.done += sum(_size(state.by_id, pair) for pair in pairs)
        if self.progress is not None:
            self.progress(ALIGNING, self.done, self.total)


def _in_order(group: Sequence[Component]) -> list[Component]:
    """Large components first, largest first, then the small ones in order: the caller finishes
    a large one while the workers go on with the small ones."""
    large = sorted((c for c in group if len(c[1]) > WHOLE_PAIRS), key=lambda c: -len(c[1]))
    return large + [c for c in group if len(c[1]) <= WHOLE_PAIRS]


def _units(group: Sequence[Component]) -> list[_Unit]:
    """The components as units of work, in order: whole when small, else in slices of pairs."""
    units = []
    for part, pairs in group:
        if len(pairs) <= WHOLE_PAIRS:
            units.append(_Unit(tuple(pairs), part))
        else:
            units += [_Unit(tuple(pairs[k : k + SLICE_PAIRS])) for k in range(0, len(pairs), SLICE_PAIRS)]
    return units


def _run_group(state: _State[T], group: Sequence[Component], count: _Count) -> Iterator[T]:
    """finish(part) for each component of the group (in _in_order's order)."""
    options = state.options
    group = _in_order(group)
    units = _units(group)
    pairs = sum(len(u.pairs) for u in units)
    if count.progress is not None and options.scheduler is None and worker_count(options.workers, pairs) == 1:
        results: Iterator[Any] = (_run_unit(state, unit, count) for unit in units)
    else:
        results = _streamed(state, units, pairs, count)
    for part, part_pairs in group:
        if len(part_pairs) <= WHOLE_PAIRS:
            yield next(results)
            continue
        aligned: list[tuple[Alignment, PairStats]] = []
        while len(aligned) < len(part_pairs):
            aligned += next(results)
        yield _finish(state, part, part_pairs, aligned)


def _streamed(state: _State[T], units: Sequence[_Unit], pairs: int, count: _Count) -> Iterator[Any]:
    """_run_unit over the units on several workers (or a cluster), results in order."""
    options = state.options
    chunks = ordered_chunks(
        _run_unit, units, state, workers=options.workers, scheduler=options.scheduler, chunk=1, amount=pairs
    )
    for unit, chunk in zip(units, chunks, strict=True):
        count.add(state, unit.pairs)
        yield chunk[0]


def _run_unit(state: _State[T], unit: _Unit, count: _Count | None = None) -> Any:
    """A unit's alignments, or (for a whole component) what finish makes of it."""
    aligned = []
    for pair in unit.pairs:
        within = None
        if count is not None and count.progress is not None:
            within = _within(count.progress, ALIGNING, count.done, count.total)
        aligned.append(_align_one(state, pair, within))
        if count is not None:
            count.add(state, [pair])
    if unit.part is None:
        return aligned
    return _finish(state, unit.part, unit.pairs, aligned)


def _finish(
    state: _State[T],
    part: Sequence[str],
    pairs: Sequence[tuple[str, str]],
    aligned: Sequence[tuple[Alignment, PairStats]],
) -> T:
    """finish(context, part) for one component whose pairs are aligned: its related pairs kept."""
    related: dict[tuple[str, str], PairResult] = {}
    for (a, b), found in zip(pairs, aligned, strict=True):
        result = PairResult(*found)
        if is_related(result, state.by_id[a], state.by_id[b], state.options):
            related[a, b] = result
    prepared = {i: prepare(state.by_id[i], state.vocab, state.feats[i], state.vectors.get(i)) for i in part}
    return state.finish(state.context, CorpusAlignment(related, prepared, state.vocab))


def _article_features(
    articles: Sequence[Article], options: TraceOptions, progress: Progress | None, keyed: bool
) -> tuple[dict[str, tuple[Features, ...]], dict[str, ArticleKeys]]:
    """Each article's sentence features and (when keyed) candidate keys, on one core or several.

    Counted in sentences: on one core one long text moves the bar as it goes;
    on several, a chunk of articles at a time.
    """
    feats: dict[str, tuple[Features, ...]] = {}
    keys: dict[str, ArticleKeys] = {}
    sentences = sum(len(a.sentences) for a in articles)
    read = 0
    local = options.scheduler is None and worker_count(options.workers, len(articles)) == 1
    if progress is not None and local:
        known: dict[str, Features] = {}  # a sentence repeated across copies is read once
        for article in articles:
            step = _counter(progress, COMPARING, read, sentences)
            feats[article.id], found = _features_of((known, keyed), article, step)
            if found is not None:
                keys[article.id] = found
            read += len(article.sentences)
            progress(COMPARING, read, sentences)
        return feats, keys
    chunks = ordered_chunks(
        _features_of, articles, ({}, keyed), workers=options.workers, scheduler=options.scheduler
    )
    at = 0
    known = {}  # a sentence repeated across copies is held once, as when read on one core
    for chunk in chunks:
        for article, (found_feats, found_keys) in zip(articles[at : at + len(chunk)], chunk, strict=True):
            feats[article.id] = tuple(
                known.setdefault(s.text, f) for s, f in zip(article.sentences, found_feats, strict=True)
            )
            if found_keys is not None:
                keys[article.id] = found_keys
            read += len(article.sentences)
        at += len(chunk)
        if progress is not None:
            progress(COMPARING, read, sentences)
    return feats, keys


def _features_of(
    state: tuple[dict[str, Features], bool], article: Article, step: Callable[[int], None] | None = None
) -> tuple[tuple[Features, ...], ArticleKeys | None]:
    """One article's sentence features (through the process's cache of known sentences) and keys."""
    known, keyed = state
    found = sentence_features(article, known, step)
    return found, article_keys(article) if keyed else None


def _size(by_id: Mapping[str, Article], pair: tuple[str, str]) -> int:
    """The work of aligning a pair, in sentences (both sides)."""
    return len(by_id[pair[0]].sentences) + len(by_id[pair[1]].sentences)


def _align_one(
    state: _State[Any], pair: tuple[str, str], progress: Progress | None = None
) -> tuple[Alignment, PairStats]:
    a, b = pair
    feats, vectors = (state.feats[a], state.feats[b]), (state.vectors.get(a), state.vectors.get(b))
    return align_pair(state.by_id[a], state.by_id[b], state.options, feats, vectors, progress, state.flips)


def _counter(progress: Progress, stage: str, before: int, total: int) -> Callable[[int], None]:
    """Reports the items done in one part (an article, a pair) as the run's stage, after before of total."""

    def count(done: int) -> None:
        progress(stage, before + done, total)

    return count


def _within(progress: Progress, stage: str, before: int, total: int) -> Progress:
    """One pair's own progress callback, reported as the run's stage (see _counter)."""
    count = _counter(progress, stage, before, total)
    return lambda _stage, done, _total: count(done)
