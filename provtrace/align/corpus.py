"""Articles of a run -> the alignments of every related pair.

align_corpus computes each article's features once, picks the pairs worth
aligning (see candidates), aligns them on one core or several and keeps the
related ones. align_components does the same one connected component of the
candidate graph at a time (articles that can share content only through one
another), so that what is held at once follows the largest story family,
not the folder. Each pair is aligned on its own (words weighed by their rarity
in the pair), so its links do not depend on the rest of the folder and
`provtrace diff` shows the same links and scores as `trace`. The rarity
weights over the whole run are kept for inference, which asks which words
are distinctive in the folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from provtrace.align.candidates import candidate_pairs
from provtrace.align.components import batches, components
from provtrace.align.core import PairResult, PairStats, align_pair
from provtrace.align.features import Prepared, Vocabulary, build_vocabulary, prepare, sentence_features
from provtrace.align.normalize import Features
from provtrace.models import Alignment, Article, LinkKind, Progress
from provtrace.options import TraceOptions
from provtrace.parallel import ordered_map, worker_count

#: The stage names under which sentence features are computed and pairs aligned.
COMPARING = "comparing sentences"
ALIGNING = "aligning"


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
    """align_corpus one connected component of the candidate graph at a time.

    Components come in the order of their smallest id. The rarity weights
    are the folder's (each part's vocabulary is the whole run's). together
    lists groups of ids that must share a component whatever their candidates
    (what inference decides over several at once). Pairs are aligned a batch
    of components at a time, so a process pool starts once per batch.
    With flips false, most links' meaning flips are left to align.kinds.with_flips
    (for the alignments the caller keeps).
    """
    feats: dict[str, tuple[Features, ...]] = {}
    known: dict[str, Features] = {}  # a sentence repeated across copies is read once
    # Counted in sentences: one long text moves the bar as it goes.
    sentences = sum(len(a.sentences) for a in articles)
    read = 0
    for article in articles:
        step = None if progress is None else _counter(progress, COMPARING, read, sentences)
        feats[article.id] = sentence_features(article, known, step)
        read += len(article.sentences)
        if progress is not None:
            progress(COMPARING, read, sentences)
    vocab = build_vocabulary(articles, feats)
    by_id = {a.id: a for a in articles}
    if options.semantic:
        ids = sorted(by_id)
        todo = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    else:
        todo = candidate_pairs(articles, feats)
    # Aligning is counted in sentences (both sides of each pair): one long text moves the bar as it goes.
    total = sum(_size(by_id, pair) for pair in todo)
    done = 0
    for batch in batches(components(sorted(by_id), todo, together)):
        members = [i for part, _ in batch for i in part]
        vectors: dict[str, Any] = {}
        if options.semantic:
            from provtrace.align.semantic import Embedder

            vectors = Embedder().embed([by_id[i] for i in members])
        prepared = {i: prepare(by_id[i], vocab, feats[i], vectors.get(i)) for i in members}
        batch_todo = [pair for _, pairs in batch for pair in pairs]
        results = _align_all(prepared, batch_todo, options, _offset(progress, done, total), flips)
        done += sum(_size(by_id, pair) for pair in batch_todo)
        aligned = dict(zip(batch_todo, results, strict=True))
        for part, pairs in batch:
            related: dict[tuple[str, str], PairResult] = {}
            for a, b in pairs:
                result = PairResult(*aligned[a, b])
                if is_related(result, prepared[a].article, prepared[b].article, options):
                    related[a, b] = result
            yield CorpusAlignment(related, {i: prepared[i] for i in part}, vocab)


def _size(by_id: Mapping[str, Article], pair: tuple[str, str]) -> int:
    """The work of aligning a pair, in sentences (both sides)."""
    return len(by_id[pair[0]].sentences) + len(by_id[pair[1]].sentences)


def _offset(progress: Progress | None, before: int, total: int) -> Progress | None:
    """progress for one batch, counted in the run's sentences to align."""
    if progress is None:
        return None
    return lambda stage, done, _: progress(stage, before + done, total)


def _align_one(
    state: tuple[Mapping[str, Prepared], TraceOptions, bool],
    pair: tuple[str, str],
    progress: Progress | None = None,
) -> tuple[Alignment, PairStats]:
    prepared, options, flips = state
    a, b = prepared[pair[0]], prepared[pair[1]]
    feats, vectors = (a.feats, b.feats), (a.vectors, b.vectors)
    return align_pair(a.article, b.article, options, feats, vectors, progress, flips)


def _align_all(
    prepared: Mapping[str, Prepared],
    todo: list[tuple[str, str]],
    options: TraceOptions,
    progress: Progress | None,
    flips: bool = True,
) -> list[tuple[Alignment, PairStats]]:
    """Align every pair in todo, in order, on one core or several.

    progress counts sentences: on one core, also those within each pair, as
    they are done; on several, a chunk of pairs at a time.
    """
    if not todo:
        return []
    sizes = [len(prepared[a].feats) + len(prepared[b].feats) for a, b in todo]
    before = list(accumulate(sizes, initial=0))
    total = before[-1]
    if progress is None or options.scheduler is not None or worker_count(options.workers, len(todo)) > 1:
        report = None if progress is None else (lambda done: progress(ALIGNING, before[done], total))
        return ordered_map(
            _align_one,
            todo,
            (prepared, options, flips),
            workers=options.workers,
            progress=report,
            scheduler=options.scheduler,
        )
    results = []
    for k, pair in enumerate(todo):
        within = _within(progress, ALIGNING, before[k], total)
        results.append(_align_one((prepared, options, flips), pair, within))
        progress(ALIGNING, before[k + 1], total)
    return results


def _counter(progress: Progress, stage: str, before: int, total: int) -> Callable[[int], None]:
    """Reports the items done in one part (an article, a pair) as the run's stage, after before of total."""

    def count(done: int) -> None:
        progress(stage, before + done, total)

    return count


def _within(progress: Progress, stage: str, before: int, total: int) -> Progress:
    """One pair's own progress callback, reported as the run's stage (see _counter)."""
    count = _counter(progress, stage, before, total)
    return lambda _stage, done, _total: count(done)
