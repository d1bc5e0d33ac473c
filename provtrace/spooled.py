"""A trace kept as the JSON of its parts, not as objects: what a large run writes out.

spool_trace() runs the same stages as pipeline.trace(), but each connected
component's part of the result (edges, judgements, alignments...) is turned
into the text of its provtrace.trace/1 items as soon as it is inferred (by
the worker that inferred it, for a small component) and held in a Spill:
in memory up to a budget, then in temporary files. SpooledTrace.write_json()
merges them by the contract's sort keys and writes the same bytes as
render_json(trace(...)), without the whole result or its text ever held.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import BinaryIO, TextIO

from provtrace.align.corpus import CorpusAlignment
from provtrace.align.progress import SentenceCount
from provtrace.models import Article, Progress
from provtrace.options import TraceOptions
from provtrace.parallel import fewer_full_collections
from provtrace.pipeline import (
    PartLanguages,
    PartTrace,
    infer_part,
    infer_parts,
    language_warnings,
    load_shelved,
    related_in_index,
)
from provtrace.render.json import SECTIONS, item_json, write_json
from provtrace.shelf import Shelf
from provtrace.spill import SPILL_BUDGET, Spill

#: The progress stage of writing the result out.
WRITING = "writing"
#: A part's items: (section, sort key, text of the item).
_Item = tuple[str, tuple[str, ...], str]


class SpooledTrace:
    """A finished trace whose result is held as JSON texts in a Spill (see the module).

    Use as a context manager (or call close()): the temporary files go with it.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        warnings: Sequence[str],
        spill: Spill,
        edges: int,
        semantic: bool,
    ) -> None:
        self.articles = articles  # sorted by id
        self.warnings = tuple(warnings)
        self.edges = edges  # the number of edges of the forest
        self.semantic = semantic  # as Trace.semantic
        self._spill = spill

    def write_json(self, out: TextIO, progress: Progress | None = None) -> None:
        """The trace as render_json writes it (provtrace.trace/1), to out; once only.

        progress hears of the items written (stage WRITING) every PROGRESS_EVERY.
        """
        texts = {name: self._spill.sorted(name) for name in SECTIONS if name != "articles"}
        sections = {**texts, "articles": (item_json("articles", a) for a in self.articles)}
        count = SentenceCount(progress, WRITING, self._spill.added + len(self.articles))
        if progress is not None:  # no counting where nobody listens
            sections = {name: _counted(items, count) for name, items in sections.items()}
        write_json(sections, out, semantic=self.semantic)
        count.finish()

    def close(self) -> None:
        """Remove the temporary files."""
        self._spill.close()

    def __enter__(self) -> SpooledTrace:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


@fewer_full_collections()
def spool_trace(
    paths: Iterable[str],
    options: TraceOptions | None = None,
    *,
    index: str | os.PathLike[str] | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    budget: int = SPILL_BUDGET,
) -> SpooledTrace:
    """pipeline.trace (or, given an index, trace_with_index), its result spooled (see the module)."""
    options = options or TraceOptions()
    articles, warnings = load_shelved(paths, stdin, progress, options.workers, options.scheduler)
    if index is not None:
        archive = related_in_index(articles, index, progress)
        if archive:
            articles = _joined(articles, archive)
    return spool_articles(articles, options, warnings=warnings, progress=progress, budget=budget)


def spool_articles(
    articles: Sequence[Article],
    options: TraceOptions,
    *,
    warnings: Sequence[str] = (),
    progress: Progress | None = None,
    budget: int = SPILL_BUDGET,
) -> SpooledTrace:
    """pipeline.trace_articles, its result spooled. The temporary files are removed on any error."""
    if not isinstance(articles, Shelf):
        articles = sorted(articles, key=lambda a: a.id)
    spill = Spill(budget)
    try:
        edges = 0
        languages: list[PartLanguages] = []
        for part in infer_parts(articles, options, part_items, progress):
            edges += part.edges
            languages.append(part.languages)
            for section, key, text in part.items:
                spill.add(section, key, text)
    except BaseException:
        spill.close()
        raise
    warnings = (*warnings, *language_warnings(languages, options))
    return SpooledTrace(articles, warnings, spill, edges, options.semantic)


def _counted(items: Iterable[str], count: SentenceCount) -> Iterator[str]:
    """items, each one counted as it is taken."""
    for text in items:
        count.step()
        yield text


def _joined(articles: Sequence[Article], more: Sequence[Article]) -> Sequence[Article]:
    """Both lists of articles, on a shelf if the first was on one."""
    if isinstance(articles, Shelf):
        return Shelf.of([*articles, *more])
    return (*articles, *more)


@dataclass(frozen=True, slots=True)
class PartItems:
    """What one connected component adds to the trace, as the texts of its JSON items."""

    articles: int
    edges: int
    items: tuple[_Item, ...]
    languages: PartLanguages


def part_items(context: tuple[frozenset[str], TraceOptions], part: CorpusAlignment) -> PartItems:
    """infer_part's result as JSON items, each with its sort key (run by a worker when the part is small)."""
    found: PartTrace = infer_part(context, part)
    items: list[_Item] = []
    items += (("edges", (e.parent, e.child), item_json("edges", e)) for e in found.edges)
    items += (("unseen", (u.id,), item_json("unseen", u)) for u in found.unseen)
    items += (("unrelated", (i,), item_json("unrelated", i)) for i in found.unrelated)
    items += (("related", (r.a, r.b), item_json("related", r)) for r in found.related)
    items += (("alignments", k, item_json("alignments", a)) for k, a in found.alignments.items())
    return PartItems(found.articles, len(found.edges), tuple(items), found.languages)
