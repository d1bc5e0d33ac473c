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

from provtrace.align.candidates import ALL_PAIRS_UP_TO, keyed_pairs
from provtrace.align.components import Component, batches, components
from provtrace.align.core import PairResult, PairStats, align_pair
from provtrace.align.features import Prepared, Vocabulary, prepare, unpack_features
from provtrace.align.normalize import Features
from provtrace.align.progress import counter
from provtrace.align.survey import Unpacked, survey_run
from provtrace.models import Alignment, Article, LinkKind, Progress
from provtrace.options import TraceOptions
from provtrace.parallel import ordered_chunks, worker_count
from provtrace.shelf import Shelf, heads, unpack_article

#: The stage name under which pairs are aligned (sentence features: survey.COMPARING).
ALIGNING = "aligning"
#: A component with at most this many pairs is aligned and finished by one
#: worker (a story family: its inference then runs beside the others'); a
#: larger one's pairs are shared out among the workers.
WHOLE_PAIRS = 200
#: Pairs of a large component sent to a worker at a time.
SLICE_PAIRS = 64
#: From this many articles on, workers are started fresh rather than forked from
#: this process (see parallel.ordered_chunks): they then hold the story families
#: they work on and the vocabulary, not a copy of the run. Below it the run is
#: small and a forked worker starts faster.
FRESH_ARTICLES = 3000

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
    sizes: dict[str, int] = {}
    languages: dict[str, str | None] = {}
    for article_id, head in heads(articles):  # a shelf's heads: no article unpacked
        sizes[article_id], languages[article_id] = head.sentences, head.language
    ids = sorted(sizes)
    keyed = not options.semantic and len(ids) > ALL_PAIRS_UP_TO
    survey = survey_run(articles, options, progress, keyed, fresh=len(articles) >= FRESH_ARTICLES)
    if keyed:
        todo = keyed_pairs(survey.shingles, survey.words, languages, Unpacked(survey.packed))
    else:
        todo = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    vocab = survey.vocabulary
    texts = _Texts(articles if isinstance(articles, Shelf) else {a.id: a for a in articles}, survey.packed)
    del survey, languages  # the keys are not needed any more
    # Aligning is counted in sentences (both sides of each pair): one long text moves the bar as it goes.
    count = _Count(progress, sizes, todo)
    parts = components(ids, todo, together)
    del todo
    for group in batches(parts) if options.semantic else [parts]:
        vectors: dict[str, Any] = {}
        if options.semantic:
            from provtrace.align.semantic import Embedder

            vectors = Embedder().embed([texts.article(i) for part, _ in group for i in part])
        state = _State(vectors, vocab, options, flips, finish, context, len(ids) >= FRESH_ARTICLES)
        yield from _run_group(state, group, count, texts)


@dataclass(frozen=True, slots=True)
class _State(Generic[T]):
    """What every worker holds: the embeddings, the rarity weights, and how to finish a part.

    Not the articles: each unit of work carries its own (see _Unit), so that a
    worker holds the story families it works on, not the archive.
    """

    vectors: Mapping[str, Any]
    vocab: Vocabulary
    options: TraceOptions
    flips: bool
    finish: Callable[[Any, CorpusAlignment], T]
    context: Any
    fresh: bool  # workers from a fork server (parallel.ordered_chunks): a large run


#: An article as a unit of work carries it: itself, or its id and packed self (when the run's are on a shelf).
_Carried = Article | tuple[str, bytes]


@dataclass(frozen=True, slots=True)
class _Texts:
    """The run's articles (a shelf, or a mapping by id) and their packed sentence features
    (features.pack_features), by id."""

    articles: Shelf | Mapping[str, Article]
    packed: Mapping[str, bytes]

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        if isinstance(self.articles, Shelf):
            return self.articles.get(article_id)
        return self.articles[article_id]

    def carried(self, ids: Iterable[str]) -> tuple[tuple[_Carried, bytes], ...]:
        """The given articles with their packed features, as a unit of work carries them."""
        articles = self.articles
        if isinstance(articles, Shelf):
            return tuple(((i, articles.packed(i)), self.packed[i]) for i in sorted(set(ids)))
        return tuple((articles[i], self.packed[i]) for i in sorted(set(ids)))


@dataclass(frozen=True, slots=True)
class _Unit:
    """One piece of work: some pairs of a large component, or a whole small component (part set),
    with every article it reads and their packed features."""

    pairs: tuple[tuple[str, str], ...]
    part: tuple[str, ...] | None
    texts: tuple[tuple[_Carried, bytes], ...]


class _Count:
    """The run's aligning progress, in sentences (both sides of each pair)."""

    def __init__(
        self, progress: Progress | None, sizes: Mapping[str, int], pairs: Iterable[tuple[str, str]]
    ) -> None:
        self.progress, self.sizes, self.done = progress, sizes, 0
        self.total = sum(self.size(pair) for pair in pairs)

    def size(self, pair: tuple[str, str]) -> int:
        """The work of aligning a pair, in sentences (both sides)."""
        return self.sizes[pair[0]] + self.sizes[pair[1]]

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.done += sum(self.size(pair) for pair in pairs)
        if self.progress is not None:
            self.progress(ALIGNING, self.done, self.total)


def _in_order(group: Sequence[Component]) -> list[Component]:
    """Large components first, largest first, then the small ones in order: the caller finishes
    a large one while the workers go on with the small ones."""
    large = sorted((c for c in group if len(c[1]) > WHOLE_PAIRS), key=lambda c: -len(c[1]))
    return large + [c for c in group if len(c[1]) <= WHOLE_PAIRS]


def _units(group: Sequence[Component], texts: _Texts) -> list[_Unit]:
    """The components as units of work, in order: whole when small, else in slices of pairs."""
    units = []
    for part, pairs in group:
        if len(pairs) <= WHOLE_PAIRS:
            units.append(_Unit(tuple(pairs), part, texts.carried(part)))
        else:
            for k in range(0, len(pairs), SLICE_PAIRS):
                some = tuple(pairs[k : k + SLICE_PAIRS])
                units.append(_Unit(some, None, texts.carried(i for pair in some for i in pair)))
    return units


def _run_group(state: _State[T], group: Sequence[Component], count: _Count, texts: _Texts) -> Iterator[T]:
    """finish(part) for each component of the group (in _in_order's order)."""
    options = state.options
    group = _in_order(group)
    units = _units(group, texts)
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
        by_id, feats = _opened(texts.carried(part))
        yield _finish(state, part, part_pairs, aligned, by_id, feats)


def _streamed(state: _State[T], units: Sequence[_Unit], pairs: int, count: _Count) -> Iterator[Any]:
    """_run_unit over the units on several workers (or a cluster), results in order."""
    options = state.options
    chunks = ordered_chunks(
        _run_unit,
        units,
        state,
        workers=options.workers,
        scheduler=options.scheduler,
        chunk=1,
        amount=pairs,
        fresh=state.fresh,
    )
    for unit, chunk in zip(units, chunks, strict=True):
        count.add(unit.pairs)
        yield chunk[0]


def _run_unit(state: _State[T], unit: _Unit, count: _Count | None = None) -> Any:
    """A unit's alignments, or (for a whole component) what finish makes of it."""
    by_id, feats = _opened(unit.texts)
    aligned = []
    for pair in unit.pairs:
        within = None
        if count is not None and count.progress is not None:
            within = _within(count.progress, ALIGNING, count.done, count.total)
        aligned.append(_align_one(state, by_id, feats, pair, within))
        if count is not None:
            count.add([pair])
    if unit.part is None:
        return aligned
    return _finish(state, unit.part, unit.pairs, aligned, by_id, feats)


def _opened(
    texts: Iterable[tuple[_Carried, bytes]],
) -> tuple[dict[str, Article], dict[str, tuple[Features, ...]]]:
    """Articles carried by a unit, by id, and their sentence features unpacked."""
    by_id: dict[str, Article] = {}
    feats: dict[str, tuple[Features, ...]] = {}
    for carried, packed in texts:
        article = carried if isinstance(carried, Article) else unpack_article(*carried)
        by_id[article.id], feats[article.id] = article, unpack_features(packed)
    return by_id, feats


def _finish(
    state: _State[T],
    part: Sequence[str],
    pairs: Sequence[tuple[str, str]],
    aligned: Sequence[tuple[Alignment, PairStats]],
    by_id: Mapping[str, Article],
    feats: Mapping[str, tuple[Features, ...]],
) -> T:
    """finish(context, part) for one component whose pairs are aligned: its related pairs kept."""
    related: dict[tuple[str, str], PairResult] = {}
    for (a, b), found in zip(pairs, aligned, strict=True):
        result = PairResult(*found)
        if is_related(result, by_id[a], by_id[b], state.options):
            related[a, b] = result
    prepared = {i: prepare(by_id[i], state.vocab, feats[i], state.vectors.get(i)) for i in part}
    return state.finish(state.context, CorpusAlignment(related, prepared, state.vocab))


def _align_one(
    state: _State[Any],
    by_id: Mapping[str, Article],
    feats: Mapping[str, tuple[Features, ...]],
    pair: tuple[str, str],
    progress: Progress | None = None,
) -> tuple[Alignment, PairStats]:
    a, b = pair
    vectors = (state.vectors.get(a), state.vectors.get(b))
    return align_pair(by_id[a], by_id[b], state.options, (feats[a], feats[b]), vectors, progress, state.flips)


def _within(progress: Progress, stage: str, before: int, total: int) -> Progress:
    """One pair's own progress callback, reported as the run's stage (see progress.counter)."""
    count = counter(progress, stage, before, total)
    return lambda _stage, done, _total: count(done)
