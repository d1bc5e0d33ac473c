"""Renderers: one module per format, each a pure function of a Trace.

Two registries map a format enum (which typer uses directly for --format)
to its renderer, so the CLI never branches on the format: OutputFormat for
`provtrace trace` (the derivation forest) and DiffFormat for `provtrace diff`
(one alignment side by side: a Trace built by provtrace.diff.diff_articles).
Renderers are imported lazily to keep start-up fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, cast

from provtrace.models import Trace

if TYPE_CHECKING:
    from rich.console import RenderableType


class OutputFormat(StrEnum):
    """The output formats of `provtrace trace`."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    DOT = "dot"
    GRAPHML = "graphml"
    CSV = "csv"


class DiffFormat(StrEnum):
    """The output formats of `provtrace diff`."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: colour (word diffs by style) or plain (word diffs by markers)."""

    color: bool = False
    brief: bool = False


Renderer = Callable[[Trace, RenderOptions], "RenderableType | str"]

#: File extensions that select a format when --output is given without --format.
FORMAT_BY_SUFFIX = {
    ".json": OutputFormat.JSON,
    ".txt": OutputFormat.TEXT,
    ".text": OutputFormat.TEXT,
    ".md": OutputFormat.MARKDOWN,
    ".markdown": OutputFormat.MARKDOWN,
    ".html": OutputFormat.HTML,
    ".htm": OutputFormat.HTML,
    ".dot": OutputFormat.DOT,
    ".gv": OutputFormat.DOT,
    ".graphml": OutputFormat.GRAPHML,
    ".csv": OutputFormat.CSV,
}

#: The same for `provtrace diff`, which has fewer formats.
DIFF_FORMAT_BY_SUFFIX = {
    suffix: DiffFormat(fmt.value)
    for suffix, fmt in FORMAT_BY_SUFFIX.items()
    if fmt.value in {f.value for f in DiffFormat}
}

# format -> (module under provtrace.render, function name)
_TRACE_RENDERERS: dict[OutputFormat, tuple[str, str]] = {
    OutputFormat.TEXT: ("text", "render_text"),
    OutputFormat.JSON: ("json", "render_json"),
    OutputFormat.MARKDOWN: ("markdown", "render_markdown"),
    OutputFormat.HTML: ("html", "render_html"),
    OutputFormat.DOT: ("dot", "render_dot"),
    OutputFormat.GRAPHML: ("graphml", "render_graphml"),
    OutputFormat.CSV: ("csv", "render_csv"),
}

_DIFF_RENDERERS: dict[DiffFormat, tuple[str, str]] = {
    DiffFormat.TEXT: ("textdiff", "render_text_diff"),
    DiffFormat.JSON: ("json", "render_json"),
    DiffFormat.MARKDOWN: ("markdown", "render_markdown_diff"),
    DiffFormat.HTML: ("html", "render_html_diff"),
}


def _load(module: str, name: str) -> Renderer:
    return cast(Renderer, getattr(import_module(f"{__name__}.{module}"), name))


def renderer(fmt: OutputFormat) -> Renderer:
    """The render function of `provtrace trace` for fmt."""
    return _load(*_TRACE_RENDERERS[fmt])


def diff_renderer(fmt: DiffFormat) -> Renderer:
    """The render function of `provtrace diff` for fmt (JSON is the trace contract of the pair)."""
    return _load(*_DIFF_RENDERERS[fmt])
