"""The one table of input types: which file names provtrace reads, and as what.

load.py takes a file in a folder when its suffix is here, extract.py picks
the extractor by its kind, sourcemap.py blanks that kind's markup, and every
user-facing list of formats is made from this table. A new input type is
one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class InputKind(StrEnum):
    """How a file's text is turned into a story."""

    HTML = "html"  # a saved web page: trafilatura finds the story
    TEXT = "text"  # a plain-text capture: the furniture stripper finds the story
    MARKDOWN = "markdown"  # Markdown: markup removed, the first "#" heading is the title
    JSON = "json"  # trafilatura's JSON, or any object with title and text fields


@dataclass(frozen=True, slots=True)
class InputType:
    """One kind of input file and the suffixes (lower case, no dot) that name it."""

    kind: InputKind
    suffixes: tuple[str, ...]


#: Every input type provtrace reads, in the order user-facing lists give them.
INPUT_TYPES: tuple[InputType, ...] = (
    InputType(InputKind.TEXT, ("txt", "text")),
    InputType(InputKind.HTML, ("html", "htm", "xhtml")),
    InputType(InputKind.MARKDOWN, ("md", "markdown")),
    InputType(InputKind.JSON, ("json",)),
)

#: Suffix -> kind, for every suffix read as an article when found inside a folder.
KIND_OF_SUFFIX: dict[str, InputKind] = {s: row.kind for row in INPUT_TYPES for s in row.suffixes}

SUPPORTED_SUFFIXES = frozenset(KIND_OF_SUFFIX)


def kind_of(suffix: str) -> InputKind | None:
    """The kind of a file from its suffix (lower case, no dot), or None when it is not an input type."""
    return KIND_OF_SUFFIX.get(suffix)


def named_suffixes(conjunction: str = "or") -> str:
    """Every suffix, grouped by kind: ".txt/.text, .html/.htm/.xhtml, .md/.markdown or .json"."""
    names = ["/".join(f".{s}" for s in row.suffixes) for row in INPUT_TYPES]
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
