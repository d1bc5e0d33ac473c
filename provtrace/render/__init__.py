"""Renderers: one module per format, each a pure function of a Trace.

The registry maps an OutputFormat (which typer uses directly for --format)
to its renderer, so the CLI never branches on the format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ..models import Trace

if TYPE_CHECKING:
    from rich.console import RenderableType


class OutputFormat(StrEnum):
    """The output formats of `provtrace trace`."""

    TEXT = "text"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: colour (word diffs by style) or plain (word diffs by markers)."""

    color: bool = False
    brief: bool = False


Renderer = Callable[[Trace, RenderOptions], "RenderableType | str"]

#: File extensions that select a format when --output is given without --format.
FORMAT_BY_SUFFIX = {".json": OutputFormat.JSON, ".txt": OutputFormat.TEXT, ".text": OutputFormat.TEXT}


def renderer(fmt: OutputFormat) -> Renderer:
    """The render function for fmt (imported lazily to keep start-up fast)."""
    if fmt is OutputFormat.JSON:
        from .json import render_json

        return render_json
    from .text import render_text

    return render_text
