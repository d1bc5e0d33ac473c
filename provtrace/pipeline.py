"""trace(paths, options) -> Trace: the stages, in order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO, Protocol, TypeVar

from provtrace.align.core import PairResult
from provtrace.align.corpus import CorpusAlignment, map_components
from provtrace.align.kinds import with_flips
from provtrace.align.semantic import LANGUAGES as SEMANTIC_LANGUAGES
from provtrace.align.semantic import available as semantic_installed
from provtrace.errors import InputError
from provtrace.infer.forest import infer_forest, owned_agencies, unseen_groups
from provtrace.infer.lineage import Pairs, profile_of
from provtrace.ingest.extract import build_article, extract_document
from provtrace.ingest.load import Found, find_documents, read_document
from provtrace.ingest.reports import skip_messages
from provtrace.ingest.types import named_suffixes
from provtrace.models import (
    Alignment,
    Article,
    Credit,
    Edge,
    Progress,
    RawDocument,
    Related,
    Skip,
    Trace,
    Unseen,
)
from provtrace.options import TraceOptions
from provtrace.parallel import fewer_full_collections, ordered_map
from provtrace.shelf import Head, Shelf, head_of, heads, pack_article
from provtrace.wording import across_languages, plural, unread_languages, unrelated_across_languages

#: From this many articles on, a run holds them packed (see load_shelved): below it, a shelf
#: saves little, and the articles are read whole often enough that unpacking would show.
SHELF_ARTICLES = 3000


def _ids(paths: Sequence[str]) -> list[str]:
    """File name without extension, made unique in path order ("story", "story-2")."""
    ids: list[str] = []
    taken: set[str] = set()
    for path in paths:
        base = "stdin" if path == "-" else os.path.splitext(os.path.basename(path))[0] or "article"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


def load_articles(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    workers: int = 0,
    scheduler: str | None = None,
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Load and extract every article under paths; return articles and warnings.

    Raises InputError when no usable article is found at all.
    """
    paths = list(paths)
    return _articles(paths, find_documents(paths, stdin), progress, workers, scheduler)


def _articles(
    paths: Sequence[str], found: Found, progress: Progress | None, workers: int, scheduler: str | None
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """load_articles of the documents found."""
    extracted, warnings = _extract_all(paths, found, progress, workers, scheduler, _read_one)
    ids = _ids([a.path for a in extracted])
    articles = tuple(replace(a, id=i) for i, a in zip(ids, extracted, strict=True))
    return tuple(sorted(articles, key=lambda a: a.id)), warnings


def load_shelved(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    workers: int = 0,
    scheduler: str | None = None,
) -> tuple[Sequence[Article], tuple[str, ...]]:
    """load_articles, the articles held packed (a shelf.Shelf) from SHELF_ARTICLES inputs on.

    The same articles and warnings. Each article is held packed (by the worker
    that extracts it) and unpacked when it is read: a quarter of the memory.
    """
    paths = list(paths)
    found = find_documents(paths, stdin)
    if len(found.sources) < SHELF_ARTICLES:
        return _articles(paths, found, progress, workers, scheduler)
    packed, warnings = _extract_all(paths, found, progress, workers, scheduler, _read_packed)
    ids = _ids([path for path, _, _ in packed])
    return Shelf((i, data, head) for i, (_, data, head) in zip(ids, packed, strict=True)), warnings


R = TypeVar("R")


def _extract_all(
    paths: Sequence[str],
    found: Found,
    progress: Progress | None,
    workers: int,
    scheduler: str | None,
    extract: Callable[[None, RawDocument], R | Skip],
) -> tuple[list[R], tuple[str, ...]]:
    """extract over every document found (in path order), each read and extracted by the
    workers, and the warnings: no file's bytes are held longer than its extraction, and
    this process neither reads them nor sends them.

    Raises InputError when no usable article is found at all.
    """
    total = len(found.sources)
    report = None if progress is None else (lambda done: progress("reading", done, total))
    sources: Sequence[str | RawDocument | Skip] = found.sources
    if scheduler is not None:  # a cluster's workers may not see these files: read them here
        sources = [read_document(s) if isinstance(s, str) else s for s in found.sources]
    results = ordered_map(_read_and, sources, extract, workers=workers, progress=report, scheduler=scheduler)
    unread = [r.skip for r in results if isinstance(r, _Unread)]
    skipped = [*dict.fromkeys([*found.skipped, *unread]), *(r for r in results if isinstance(r, Skip))]
    extracted: list[R] = [r for r in results if not isinstance(r, (Skip, _Unread))]
    del results
    if not extracted:
        raise InputError(_nothing_usable(paths, skipped), tuple(skipped))
    return extracted, tuple(skip_messages(skipped))


def _nothing_usable(paths: Sequence[str], skipped: list[Skip]) -> str:
    """Why there is nothing to work on, in the words of what was given."""
    if list(paths) == ["-"] and len(skipped) == 1:
        return f"no usable article on standard input: {skipped[0].reason}"
    if skipped:
        return (
            f"no usable article found in the given paths ({plural(len(skipped), 'file')} skipped; "
            "see the warnings above)"
        )
    return (
        "no usable article found in the given paths "
        f"(no files there: provtrace reads {named_suffixes('and')})"
    )


def _with_flips(
    kept: Mapping[tuple[str, str], Alignment],
    pairs: Mapping[tuple[str, str], PairResult],
    by_id: Mapping[str, Article],
) -> dict[tuple[str, str], Alignment]:
    """The kept alignments with their meaning flips, read on each pair as it was aligned."""
    out: dict[tuple[str, str], Alignment] = {}
    for (up, down), alignment in kept.items():
        if (up, down) in pairs:
            out[up, down] = with_flips(alignment, by_id[up], by_id[down])
        elif (down, up) in pairs:  # the reversal of the aligned pair (down, up)
            out[up, down] = with_flips(pairs[down, up].alignment, by_id[down], by_id[up]).reversed()
        else:  # a translation inference found through its sibling: no links, no flips to read
            out[up, down] = alignment
    return out


def _read_one(state: None, document: RawDocument) -> Article | Skip:
    """Extract one document into an article (its id is given afterwards), or why it was skipped."""
    result = extract_document(document)
    return result if isinstance(result, Skip) else build_article("", result)


@dataclass(frozen=True, slots=True)
class _Unread:
    """A file that could not be read (a skip of reading, not of extracting)."""

    skip: Skip


def _read_packed(state: None, document: RawDocument) -> tuple[str, bytes, Head] | Skip:
    """Extract one document: its path, packed article (shelf.pack_article) and head (shelf.head_of),
    or why it was skipped."""
    result = _read_one(state, document)
    return result if isinstance(result, Skip) else (result.path, pack_article(result), head_of(result))


def _read_and(
    extract: Callable[[None, RawDocument], R | Skip], source: str | RawDocument | Skip
) -> R | Skip | _Unread:
    """The file read (unless given read, or found unreadable), then extract of it."""
    document = read_document(source) if isinstance(source, str) else source
    if isinstance(document, Skip):
        return _Unread(document)
    return extract(None, document)


@fewer_full_collections()
def trace(
    paths: Iterable[str],
    options: TraceOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Trace:
    """Trace the provenance of the articles found under paths."""
    options = options or TraceOptions()
    articles, warnings = load_articles(paths, stdin, progress, options.workers, options.scheduler)
    return trace_articles(articles, options, warnings=warnings, progress=progress)


@fewer_full_collections()
def trace_with_index(
    paths: Iterable[str],
    index_path: str | os.PathLike[str],
    options: TraceOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Trace:
    """Trace the articles under paths together with the indexed articles related to them.

    Those are each story's candidates in the index and, one step further,
    their own candidates, so an article that shares a source with a story is
    found through that source. Archive articles keep their index ids
    ("wire/2024/x.txt"). Raises InputError or IndexFileError.
    """
    options = options or TraceOptions()
    stories, warnings = load_articles(paths, stdin, progress, options.workers, options.scheduler)
    archive = related_in_index(stories, index_path, progress)
    return trace_articles([*stories, *archive], options, warnings=warnings, progress=progress)


def related_in_index(
    stories: Sequence[Article], index_path: str | os.PathLike[str], progress: Progress | None
) -> list[Article]:
    """The indexed articles within two candidate steps of a story, the stories' own files left out."""
    from provtrace.index import ArchiveIndex
    from provtrace.index.query import sharing_a_sentence

    given = {os.path.realpath(s.path) for s in stories if s.path != "-"}
    with ArchiveIndex(index_path) as index:
        loaded: dict[str, Article] = {}  # each candidate read from the index once

        def related(article: Article, candidates: Sequence[str]) -> list[str]:
            """The candidates that share a sentence with article, as check keeps its wire copy, or
            are in another language (a translation shares names and figures, not words): an index
            of a few articles proposes every one of them, and a story is not traced with whatever
            else it holds."""
            new = [i for i in sorted(candidates) if i not in loaded]
            loaded.update(zip(new, index.load(new), strict=True))
            found = [loaded[i] for i in sorted(candidates)]
            kept = set(sharing_a_sentence(article, found))
            return [c.id for k, c in enumerate(found) if k in kept or article.in_other_language(c)]

        first: set[str] = set()
        for done, story in enumerate(stories, start=1):
            first.update(related(story, index.query(story)))
            if progress is not None:
                progress("querying the index", done, len(stories))
        found = set(first)
        for i in sorted(first):
            found.update(related(loaded[i], index.query(loaded[i], exclude=i)))
        wanted = [i for i in sorted(found) if os.path.realpath(index.file_path(i)) not in given]
        paths = [index.file_path(i) for i in wanted]
    return [replace(loaded[i], path=_shown(p)) for i, p in zip(wanted, paths, strict=True)]


def _shown(path: str) -> str:
    """A path relative to the current folder when it lies below it, else absolute."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def trace_articles(
    articles: Sequence[Article],
    options: TraceOptions,
    *,
    warnings: Sequence[str] = (),
    progress: Progress | None = None,
) -> Trace:
    """Align and infer over articles already loaded.

    Each connected component of the candidate graph is aligned and inferred
    on its own (articles citing one agency that no article owns stay in one,
    as they may hang from one unseen source), by the workers for a small
    component, and the parts combined in sorted order: the same trace as over
    the whole folder at once, with only a few components' alignments held at a time.
    """
    articles = sorted(articles, key=lambda a: a.id)
    edges: list[Edge] = []
    unseen: list[Unseen] = []
    unrelated: list[str] = []
    related: list[Related] = []
    alignments: dict[tuple[str, str], Alignment] = {}
    languages: list[PartLanguages] = []
    for part in infer_parts(articles, options, infer_part, progress):
        edges += part.edges
        unseen += part.unseen
        unrelated += part.unrelated
        related += part.related
        alignments.update(part.alignments)
        languages.append(part.languages)
    return Trace(
        articles=tuple(articles),
        edges=tuple(sorted(edges, key=lambda e: (e.parent, e.child))),
        unseen=tuple(sorted(unseen, key=lambda u: u.id)),
        unrelated=tuple(sorted(unrelated)),
        alignments=tuple(alignments[k] for k in sorted(alignments)),
        warnings=(
            *warnings,
            *language_warnings(languages, options),
        ),
        related=tuple(sorted(related, key=lambda r: (r.a, r.b))),
        semantic=options.semantic,
    )


def bilingual_warnings(pairs: int, options: TraceOptions) -> tuple[str, ...]:
    """The warning a run gives when it shows pairs of articles in two languages aligned by their
    words alone (see Trace.unlinked_may_be_translated), else none."""
    return (across_languages(pairs, semantic_installed()),) if pairs and not options.semantic else ()


@dataclass(frozen=True, slots=True)
class PartLanguages:
    """What the run's warnings about languages need of one connected component."""

    bilingual: int  # how many of the alignments shown are of two articles in different languages
    known: frozenset[str]  # the languages of its articles, where known
    #: (id, language) of its articles related to no other text, where the language is known
    alone: tuple[tuple[str, str], ...]


def part_languages(
    by_id: Mapping[str, Article],
    shown: Iterable[tuple[str, str]],
    unrelated: Iterable[str],
    related: Iterable[Related],
) -> PartLanguages:
    """The languages of one component's articles, of the pairs it shows, and of those it relates
    to nothing."""
    bilingual = sum(by_id[a].in_other_language(by_id[b]) for a, b in shown)
    known = frozenset(a.language for a in by_id.values() if a.language is not None)
    linked = {i for r in related for i in (r.a, r.b)}
    alone = tuple((i, lang) for i in unrelated if i not in linked and (lang := by_id[i].language) is not None)
    return PartLanguages(bilingual, known, alone)


def language_warnings(parts: Sequence[PartLanguages], options: TraceOptions) -> tuple[str, ...]:
    """The run's warnings about languages: pairs in two languages shown aligned by their words alone
    (bilingual_warnings), and articles related to nothing while others of the run are in another
    language (without --semantic, any; with it, those in a language the model does not read)."""
    warnings = bilingual_warnings(sum(p.bilingual for p in parts), options)
    known = frozenset().union(*(p.known for p in parts))
    # In another language than some article of the run: its own known, and another known too
    # (Article.in_other_language against each article, without comparing every pair).
    lone = sorted((i, lang) for p in parts for i, lang in p.alone if known - {lang})
    if not options.semantic:
        if lone:
            own = sorted({lang for _, lang in lone})
            warnings += (unrelated_across_languages(len(lone), own, sorted(known), semantic_installed()),)
        return warnings
    unread = sorted({lang for _, lang in lone if lang not in SEMANTIC_LANGUAGES})
    if unread:
        warnings += (unread_languages(sum(lang in unread for _, lang in lone), unread),)
    return warnings


def _credited(articles: Sequence[Article]) -> list[Article]:
    """Each article as its id and the agency and kind of each credit, and nothing else (what the
    agencies it owns and cites are read from), from its head (a shelf's: no article unpacked)."""
    return [
        Article(i, "", None, None, None, None, tuple(Credit(a, "", kind) for a, kind in head.credits), (), ())
        for i, head in heads(articles)
    ]


class _Sized(Protocol):
    @property
    def articles(self) -> int: ...


S = TypeVar("S", bound=_Sized)


def infer_parts(
    articles: Sequence[Article],
    options: TraceOptions,
    finish: Callable[[tuple[frozenset[str], TraceOptions], CorpusAlignment], S],
    progress: Progress | None = None,
) -> Iterator[S]:
    """finish(context, part) for each connected component of the articles (sorted by id), aligned,
    in align.corpus.map_components' order: finish is infer_part, or a function of its result.

    Articles citing one agency that no article owns share a component. Progress is counted
    in the articles of the components finished (the articles attribute of each result).
    """
    credited = _credited(articles)
    owners = owned_agencies(credited)
    together = unseen_groups(credited, owners)
    del credited
    # Meaning flips are only shown: they are read for the alignments the trace keeps.
    parts = map_components(articles, options, finish, (owners, options), progress, together, flips=False)
    inferred = 0
    for part in parts:
        inferred += part.articles
        if progress is not None:
            progress("inferring", inferred, len(articles))
        yield part


@dataclass(frozen=True, slots=True)
class PartTrace:
    """What one connected component adds to the trace."""

    articles: int
    edges: tuple[Edge, ...]
    unseen: tuple[Unseen, ...]
    unrelated: tuple[str, ...]
    related: tuple[Related, ...]
    alignments: Mapping[tuple[str, str], Alignment]
    languages: PartLanguages


def infer_part(context: tuple[frozenset[str], TraceOptions], part: CorpusAlignment) -> PartTrace:
    """The tree of one component and the alignments shown with it (run by a worker when it is small)."""
    owners, options = context
    ids = sorted(part.prepared)
    by_id = {i: part.prepared[i].article for i in ids}
    profiles = {k: profile_of(part.prepared[k], part.vocabulary) for k in ids}
    forest, edge_alignments = infer_forest(
        [by_id[i] for i in ids], Pairs(part.pairs, part.stems(), profiles), owners
    )
    kept = dict(edge_alignments)
    if options.all_pairs:
        for (a, b), result in part.pairs.items():
            if (a, b) not in kept and (b, a) not in kept:
                kept[a, b] = result.alignment
    shown = _with_flips(kept, part.pairs, by_id)
    languages = part_languages(by_id, shown, forest.unrelated, forest.related)
    found = (forest.edges, forest.unseen, forest.unrelated, forest.related)
    return PartTrace(len(ids), *found, shown, languages)
