"""Report formats of `provtrace check`: one module per format, each a pure function.

The registry (a provtrace.render.registry.Formats, the mechanism every
command shares) maps a CheckFormat, which typer uses directly for --format,
to its renderer, so the CLI never branches on the format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from provtrace.render.registry import Formats

if TYPE_CHECKING:
    from rich.text import Text

    from provtrace.check.model import CheckReport


class CheckFormat(StrEnum):
    """The output formats of `provtrace check`."""

    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"
    SARIF = "sarif"


@dataclass(frozen=True, slots=True)
class FindingsOptions:
    """How to render: with colour (text in a terminal) or plain."""

    color: bool = False


FindingsRenderer = Callable[["CheckReport", FindingsOptions], "Text | str"]

#: File extensions that select a format when --output is given without --format.
CHECK_FORMAT_BY_SUFFIX = {
    ".txt": CheckFormat.TEXT,
    ".text": CheckFormat.TEXT,
    ".json": CheckFormat.JSON,
    ".xml": CheckFormat.JUNIT,
    ".sarif": CheckFormat.SARIF,
}

#: The formats of `provtrace check`: module:function under provtrace.check.formats.
CHECK_FORMATS: Formats[CheckFormat, FindingsRenderer] = Formats(
    __name__,
    {
        CheckFormat.TEXT: "text:render_text",
        CheckFormat.JSON: "json:render_json",
        CheckFormat.JUNIT: "junit:render_junit",
        CheckFormat.GITHUB: "github:render_github",
        CheckFormat.SARIF: "sarif:render_sarif",
    },
    CHECK_FORMAT_BY_SUFFIX,
)


def findings_renderer(fmt: CheckFormat) -> FindingsRenderer:
    """The render function for fmt."""
    return CHECK_FORMATS.renderer(fmt)
