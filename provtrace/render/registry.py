"""The one mechanism behind every format registry: enum -> renderer, file suffix -> enum.

Each product (`trace`, `diff`, `check`) declares its formats as a StrEnum,
which typer uses directly for --format, and a Formats table naming the
module and function that renders each one. Renderers are imported only
when asked for, to keep start-up fast, so adding a format is one module
and one line in its product's table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from importlib import import_module
from typing import Any, Generic, TypeVar, cast

E = TypeVar("E", bound=StrEnum)
R = TypeVar("R", bound=Callable[..., Any])


class Formats(Generic[E, R]):
    """The formats of one command: where each renderer lives, and which file suffixes select it."""

    def __init__(self, package: str, renderers: Mapping[E, str], suffixes: Mapping[str, E]) -> None:
        """renderers maps a format to "module:function" under package; suffixes maps ".ext" to a format."""
        self.package = package
        self.renderers = dict(renderers)
        self.suffixes = dict(suffixes)

    def renderer(self, fmt: E) -> R:
        """The render function for fmt, imported on first use."""
        module, name = self.renderers[fmt].split(":")
        return cast(R, getattr(import_module(f"{self.package}.{module}"), name))

    def for_suffix(self, suffix: str) -> E | None:
        """The format a file extension (".md", any case) selects, or None."""
        return self.suffixes.get(suffix.lower())
