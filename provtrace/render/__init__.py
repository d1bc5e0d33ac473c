"""Renderers: one module per format, each a pure function of a Trace.

Two registries (provtrace.render.registry.Formats, shared with check) map
a format enum (which typer uses directly for --format) to its renderer, so
the CLI never branches on the format: OutputFormat for `provtrace trace`
(the derivation forest) and DiffFormat for `provtrace diff` (one alignment
side by side: a Trace built by provtrace.diff.diff_articles). Renderers
are imported lazily to keep start-up fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from provtrace.models import Trace
from provtrace.render.registry import Formats

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

#: The formats that show what each version changed, which --brief leaves out.
BRIEF_FORMATS = frozenset({OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.HTML})
#: The formats that hold the alignments, to which --all-pairs adds every related pair's.
ALL_PAIRS_FORMATS = frozenset({OutputFormat.JSON, OutputFormat.CSV})


def unused_options(fmt: OutputFormat, *, brief: bool, all_pairs: bool) -> tuple[str, ...]:
    """A warning for each option given that the format has no use for."""
    unused = [
        f"{option} has no effect on -f {fmt} (it applies to {', '.join(sorted(formats))})"
        for option, given, formats in (
            ("--brief", brief, BRIEF_FORMATS),
            ("--all-pairs", all_pairs, ALL_PAIRS_FORMATS),
        )
        if given and fmt not in formats
    ]
    return tuple(unused)

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

#: The formats of `provtrace trace`: module:function under provtrace.render.
TRACE_FORMATS: Formats[OutputFormat, Renderer] = Formats(
    __name__,
    {
        OutputFormat.TEXT: "text:render_text",
        OutputFormat.JSON: "json:render_json",
        OutputFormat.MARKDOWN: "markdown:render_markdown",
        OutputFormat.HTML: "html:render_html",
        OutputFormat.DOT: "dot:render_dot",
        OutputFormat.GRAPHML: "graphml:render_graphml",
        OutputFormat.CSV: "csv:render_csv",
    },
    FORMAT_BY_SUFFIX,
)

#: The formats of `provtrace diff` (JSON is the trace contract of the pair).
DIFF_FORMATS: Formats[DiffFormat, Renderer] = Formats(
    __name__,
    {
        DiffFormat.TEXT: "textdiff:render_text_diff",
        DiffFormat.JSON: "json:render_json",
        DiffFormat.MARKDOWN: "markdown:render_markdown_diff",
        DiffFormat.HTML: "html:render_html_diff",
    },
    DIFF_FORMAT_BY_SUFFIX,
)


def renderer(fmt: OutputFormat) -> Renderer:
    """The render function of `provtrace trace` for fmt."""
    return TRACE_FORMATS.renderer(fmt)


def diff_renderer(fmt: DiffFormat) -> Renderer:
    """The render function of `provtrace diff` for fmt (JSON is the trace contract of the pair)."""
    return DIFF_FORMATS.renderer(fmt)
