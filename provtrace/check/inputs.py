"""The inputs of `provtrace check`: stories and wire copy, read strictly.

Unlike `provtrace trace`, which skips a bad file with a warning, a check
must never pass because an input went unread: any story or wire file that
cannot be read or holds no article is an input error (exit code 2), listed
in full. Files of other types inside a folder are still skipped, and files
matching the configured ``ignore`` globs are left out on purpose.

Here too each wire article gets its agency (configuration first, then the
article's own credit, its site, its folder's name) and each story the set
of agencies it credits and its waivers.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from provtrace.agencies import agency_of_site, canonical_agency, mentions, phrase_pattern
from provtrace.check.config import CheckConfig
from provtrace.check.waivers import Waiver, find_waivers, strip_waivers
from provtrace.errors import InputError
from provtrace.ingest.credits import find_credits
from provtrace.ingest.extract import Extracted, build_article, credit_texts, decode, extract_document
from provtrace.ingest.load import load_documents
from provtrace.ingest.reports import skip_messages
from provtrace.ingest.sourcemap import SourceMap
from provtrace.ingest.types import named_suffixes
from provtrace.models import Article, CreditKind, Progress, RawDocument, Skip
from provtrace.parallel import ordered_map
from provtrace.wording import plural

#: "according to the agency", "the agency said": credit to the agency named just before.
_THE_AGENCY = re.compile(
    r"\b(?:according\s+to|cited\s+by|told|quoted\s+by)\s+the\s+(?:news\s+)?agency\b"
    r"|\bthe\s+(?:news\s+)?agency\s+(?:said|reported|says|reports|added|wrote|learned)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Story:
    """A story to check, with what is needed to point at its lines."""

    path: str
    article: Article
    source: SourceMap
    waivers: tuple[Waiver, ...]
    credited: frozenset[str]  # agencies the story credits, in any way

    offsets: tuple[int | None, ...]  # where each sentence starts in the file, when found

    def line_of_sentence(self, index: int) -> int:
        """The 1-based line where sentence index starts."""
        return self.source.line(self.offsets[index])

    def line_of(self, text: str, index: int) -> int:
        """The 1-based line of text (a quotation, a figure), searched from sentence index on."""
        start = self.offsets[index]
        hit = self.source.find(text, start or 0)
        return self.source.line(hit if hit is not None else start)


def _offsets(source: SourceMap, article: Article) -> tuple[int | None, ...]:
    # Each search starts where the previous sentence was found, so repeated phrases resolve in order.
    offsets: list[int | None] = []
    after = 0
    for sentence in article.sentences:
        found = source.find(sentence.text, after)
        offsets.append(found)
        after = found if found is not None else after
    return tuple(offsets)


@dataclass(frozen=True, slots=True)
class WireArticle:
    """An agency article, with the agency it belongs to (None when unknown)."""

    article: Article
    agency: str | None


@dataclass(frozen=True, slots=True)
class Inputs:
    """Everything a check reads, ready to compare."""

    stories: tuple[Story, ...]
    wire: tuple[WireArticle, ...]
    warnings: tuple[str, ...]


def wire_id(number: int) -> str:
    """The id of the wire article numbered number: after every story id ("story:N"), as the
    judgement breaks ties between a story and its wire by id."""
    return f"wire:{number}"


def load_inputs(
    stories: Sequence[str],
    wire: Sequence[str],
    config: CheckConfig,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> Inputs:
    """Read and extract every story and wire file; raise InputError listing every unusable one.

    progress(stage, done, total) is called as wire files are read (the long part);
    scheduler, if given, is a Dask scheduler to read them on.
    """
    if not wire:
        raise InputError(
            "no wire copy given: name agency folders or files with --wire, or an index with --index"
        )
    if "-" in wire:
        raise InputError("--wire cannot read standard input; name a folder or file")
    problems: list[str] = []
    warnings: list[str] = []
    story_docs = _documents(stories, config, problems, warnings, stdin)
    wire_docs, wire_ignored = _documents(wire, config, problems, warnings, None)
    table = config.agencies()
    built_stories = _build_stories(story_docs, config, problems, wire_docs)
    report = None if progress is None else (lambda done: progress("reading wire copy", done, len(wire_docs)))
    results = ordered_map(
        _wire_one,
        list(enumerate(wire_docs)),
        (tuple(wire), config, table),
        workers=0,
        progress=report,
        scheduler=scheduler,
    )
    built_wire = [r for r in results if isinstance(r, WireArticle)]
    problems += [r for r in results if isinstance(r, str)]
    if problems:
        count = f"{len(problems)} input file{'s' if len(problems) > 1 else ''}"
        listed = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        them = "them" if len(problems) > 1 else "it"
        raise InputError(
            f"{count} could not be used, so nothing was checked: {listed} (fix {them}, leave {them} out "
            f"of the paths given, or list {them} under [check] ignore)",
            tuple(warnings + problems),
        )
    if not built_wire and wire_ignored:
        raise InputError(
            f"the --wire paths hold {wire_ignored} wire file{'s' if wire_ignored > 1 else ''}, and the "
            "configured ignore globs leave out every one: nothing is left to check against "
            "(see [check] ignore)",
            tuple(warnings),
        )
    if not built_wire:
        raise InputError("no wire article found under the --wire paths", tuple(warnings))
    return Inputs(tuple(built_stories), tuple(built_wire), tuple(warnings))


def read_stories(
    stories: Sequence[str],
    config: CheckConfig,
    problems: list[str],
    warnings: list[str],
    stdin: BinaryIO | None,
) -> list[Story]:
    """The stories under the paths; an unusable one goes to problems, a note to warnings.

    Raises InputError when there is no story at all.
    """
    return _build_stories(_documents(stories, config, problems, warnings, stdin), config, problems, ())


def _build_stories(
    found: tuple[list[RawDocument], int],
    config: CheckConfig,
    problems: list[str],
    wire_docs: Sequence[RawDocument],
) -> list[Story]:
    story_docs, left_out = found
    wire_real = {os.path.realpath(d.path) for d in wire_docs}
    # A file given both as a story and as wire copy is wire copy (a pre-commit run over the repository).
    as_wire = [d for d in story_docs if d.path != "-" and os.path.realpath(d.path) in wire_real]
    story_docs = [d for d in story_docs if d not in as_wire]
    if not story_docs and not problems and not (left_out or as_wire):
        raise InputError(f"no story found under the given paths (expected {named_suffixes()})")
    if not story_docs and as_wire and not problems:
        raise InputError(
            f"every story given ({plural(len(as_wire), 'file')}) is itself wire copy under the --wire paths, "
            "so nothing was checked: give the stories apart from the wire copy (check stories/ --wire wire/; "
            "in a pre-commit hook, exclude: ^wire/)"
        )
    table = config.agencies()
    return [s for s in (_story(n, d, config, table, problems) for n, d in enumerate(story_docs)) if s]


def is_ignored(path: str, config: CheckConfig) -> bool:
    """Whether path matches one of the configured ignore globs (relative to the config's folder)."""
    if not config.ignore or path == "-":
        return False
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(config.base)).replace(os.sep, "/")
    given = path.replace(os.sep, "/")
    return any(fnmatch.fnmatchcase(relative, g) or fnmatch.fnmatchcase(given, g) for g in config.ignore)


def _documents(
    paths: Sequence[str],
    config: CheckConfig,
    problems: list[str],
    warnings: list[str],
    stdin: BinaryIO | None,
) -> tuple[list[RawDocument], int]:
    """The documents under paths that are not ignored, and how many were ignored."""
    loaded = load_documents(paths, stdin)
    shown = [skip for skip in loaded.skipped if not is_ignored(skip.path, config)]
    problems.extend(str(skip) for skip in shown if skip.lost)
    warnings.extend(skip_messages(skip for skip in shown if not skip.lost))
    kept = [d for d in loaded.documents if not is_ignored(d.path, config)]
    return kept, len(loaded.documents) - len(kept)


def _extract(document: RawDocument, problems: list[str]) -> Extracted | None:
    result = extract_document(document)
    if isinstance(result, Skip):
        problems.append(f"{result.path}: {result.reason}")
        return None
    return result


def _story(
    number: int, document: RawDocument, config: CheckConfig, table: Mapping[str, str], problems: list[str]
) -> Story | None:
    raw = decode(document.data)
    waivers = find_waivers(document.path, raw, table)
    clean = RawDocument(document.path, strip_waivers(raw).encode("utf-8"), document.suffix)
    extracted = _extract(clean, problems)
    if extracted is None:
        return None
    article = build_article(f"story:{number}", extracted)
    if not article.sentences:
        problems.append(f"{document.path}: no sentence of story text found in it")
        return None
    credited = _credited(credit_texts(extracted), config, table)
    source = SourceMap(raw, document.suffix)
    return Story(document.path, article, source, waivers, credited, _offsets(source, article))


def _credited(texts: Sequence[str], config: CheckConfig, table: Mapping[str, str]) -> frozenset[str]:
    """Agencies credited in texts: a credit of either kind, a configured phrase, or "the agency"."""
    found = {c.agency for c in find_credits(texts, dict(table))}
    for text in texts:
        for phrase in config.credit_phrases:
            found.update(name for name in table if phrase_pattern(phrase, name, table).search(text))
        named = mentions(text, table)
        for match in _THE_AGENCY.finditer(text):
            before = [name for offset, name in named if offset < match.start()]
            if before:
                found.add(before[-1])
    return frozenset(found)


def _wire(
    number: int,
    document: RawDocument,
    roots: Sequence[str],
    config: CheckConfig,
    table: Mapping[str, str],
    problems: list[str],
) -> WireArticle | None:
    extracted = _extract(document, problems)
    if extracted is None:
        return None
    article = build_article(wire_id(number), extracted)
    texts = credit_texts(extracted) if config.aliases else None
    return WireArticle(article, wire_agency(article, texts, document.path, roots, config, table))


def wire_agency(
    article: Article,
    texts: Sequence[str] | None,
    path: str,
    roots: Sequence[str],
    config: CheckConfig,
    table: Mapping[str, str],
) -> str | None:
    """The agency of a wire article: configured for its folder, else its own credit, its site,
    or the name of its folder below one of roots. texts, when given, are searched for credits
    again with the configured aliases."""
    credits = find_credits(texts, dict(table)) if texts is not None else article.credits
    owners = sorted(c.agency for c in credits if c.kind is CreditKind.OWNER)
    return (
        _configured(path, config)
        or (owners[0] if owners else None)
        or agency_of_site(article.site, table)
        or _folder_agency(path, roots, table)
    )


def _wire_one(
    state: tuple[tuple[str, ...], CheckConfig, Mapping[str, str]], item: tuple[int, RawDocument]
) -> WireArticle | str:
    """_wire for one document in a worker process: the article, or the problem with it."""
    roots, config, table = state
    problems: list[str] = []
    built = _wire(item[0], item[1], roots, config, table, problems)
    return built if built is not None else problems[0]


def _configured(path: str, config: CheckConfig) -> str | None:
    """The agency configured for the deepest folder (or the file itself) holding path."""
    real = os.path.realpath(path)
    best: tuple[int, str] | None = None
    for folder, agency in config.wire.items():
        target = os.path.realpath(os.path.join(config.base, folder))
        if (real == target or real.startswith(target.rstrip(os.sep) + os.sep)) and (
            best is None or len(target) > best[0]
        ):
            best = (len(target), agency)
    return best[1] if best else None


def _folder_agency(path: str, roots: Sequence[str], table: Mapping[str, str]) -> str | None:
    """The agency a folder is named after: the --wire folder itself or one below it."""
    for root in sorted(roots, key=len, reverse=True):
        root_path = os.path.normpath(root)
        if not os.path.normpath(path).startswith(root_path.rstrip(os.sep) + os.sep):
            continue
        below = os.path.relpath(os.path.dirname(os.path.normpath(path)), root_path)
        parts = [os.path.basename(os.path.abspath(root_path))]
        parts += [p for p in below.split(os.sep) if p not in {".", ""}]
        for part in reversed(parts):
            agency = canonical_agency(part, table)
            if agency:
                return agency
    return None
