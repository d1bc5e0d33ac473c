"""The wire copy of `check --index`: for each story, the archive articles the index picks.

Nothing is re-read: stories are read as usual, the index answers which of its
articles share wording with each story (ArchiveIndex.query), only those are
loaded, once each, and those sharing a sentence with the story are kept: the
one rule of provtrace.index.query, as --wire applies it. Each gets its agency
exactly as a wire file under --wire would, with the index's folder playing
the --wire folder: the configured [check.wire] folders and the folder names
below the index's folder are matched against the file's path; a file indexed
from outside that folder is named by its own folder only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from provtrace.check.config import CheckConfig
from provtrace.check.inputs import (
    Inputs,
    Story,
    WireArticle,
    is_ignored,
    read_stories,
    wire_agency,
    wire_id,
)
from provtrace.errors import InputError
from provtrace.index.query import CHECK_RARE_WORDS, sharing_a_sentence
from provtrace.ingest.furniture import is_photo_caption
from provtrace.models import Article, Progress
from provtrace.wording import plural


@dataclass(frozen=True, slots=True)
class IndexedInputs:
    """Inputs whose wire copy came from an index, with each story's share of it."""

    inputs: Inputs
    sources: tuple[tuple[int, ...], ...]  # per story, positions in inputs.wire
    indexed: int  # articles in the index, less those the ignore globs leave out
    languages: frozenset[str]  # the languages of those articles (where told)


def display_path(path: str) -> str:
    """A path relative to the current folder when it lies below it, else absolute."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _credit_texts(article: Article) -> list[str]:
    """The stored counterpart of ingest.extract.credit_texts: story, furniture, author."""
    removed = [line for line in article.removed if not is_photo_caption(line)]
    return [" ".join(s.text for s in article.sentences), "\n".join(removed), article.author or ""]


def _sharing(story: Story, positions: Sequence[int], articles: Sequence[Article]) -> tuple[int, ...]:
    """The positions of the story's candidates that share a sentence with it (as --wire keeps them)."""
    kept = sharing_a_sentence(story.article, [articles[p] for p in positions])
    return tuple(positions[k] for k in kept)


def indexed_inputs(
    stories: Sequence[str],
    index_path: Path,
    config: CheckConfig,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> IndexedInputs:
    """Read the stories and pick their wire copy from the index at index_path.

    Raises InputError when a story cannot be used, IndexFileError when the index cannot.
    """
    from provtrace.index import ArchiveIndex

    problems: list[str] = []
    warnings: list[str] = []
    built = read_stories(stories, config, problems, warnings, stdin)
    if problems:
        listed = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        raise InputError(
            f"{len(problems)} input file{'s' if len(problems) > 1 else ''} could not be used, "
            f"so nothing was checked: {listed}",
            tuple(warnings + problems),
        )
    with ArchiveIndex(index_path) as archive:
        every = archive.ids()
        # Ignored files are left out of the key counts and the wire count, as --wire never reads them.
        paths_of = {i: display_path(archive.file_path(i)) for i in every} if config.ignore else {}
        ignored = [i for i in every if i in paths_of and is_ignored(paths_of[i], config)]
        indexed = len(every) - len(ignored)
        if not every:
            raise InputError(f"the index {index_path} holds no article: add some with `provtrace index add`")
        if indexed == 0:
            raise InputError(
                f"the index {index_path} holds {len(every)} article{'s' if len(every) > 1 else ''}, and the "
                "configured ignore globs leave out every one: nothing is left to check against "
                "(see [check] ignore)"
            )
        # A file given both as a story and as wire copy is wire copy, as under --wire.
        held = set(every)
        unheld = [s for s in built if s.path == "-" or archive.file_id(s.path) not in held]
        if built and not unheld:
            raise InputError(
                f"every story given ({plural(len(built), 'file')}) is itself in the index {index_path}, "
                "so nothing was checked: give the stories apart from the wire copy (in a pre-commit "
                "hook, exclude the indexed folders)"
            )
        built = unheld
        left_out = archive.leave_out(ignored)
        picked: list[tuple[str, ...]] = []
        for done, story in enumerate(built, start=1):
            picked.append(archive.query(story.article, exclude=left_out, rare_words=CHECK_RARE_WORDS))
            if progress is not None:
                progress("querying the index", done, len(built))
        wanted = sorted({i for ids in picked for i in ids})
        articles = archive.load(wanted)
        paths = [archive.file_path(i) for i in wanted]
        root = str(archive.root)
        languages = archive.languages(ignored)
    table = config.agencies()
    wire: list[WireArticle] = []
    for number, (article, path) in enumerate(zip(articles, paths, strict=True)):
        shown = display_path(path)
        roots = [root] if Path(path).is_relative_to(root) else [os.path.dirname(path)]
        texts = _credit_texts(article) if config.aliases else None
        agency = wire_agency(article, texts, path, roots, config, table)
        # Ids as --wire gives them, so that ties the judgement breaks by id fall the same way.
        wire.append(WireArticle(replace(article, id=wire_id(number), path=shown), agency))
    position = {article_id: k for k, article_id in enumerate(wanted)}
    sources = tuple(
        _sharing(story, [position[i] for i in ids], articles)
        for story, ids in zip(built, picked, strict=True)
    )
    return IndexedInputs(Inputs(tuple(built), tuple(wire), tuple(warnings)), sources, indexed, languages)
