"""provtrace: trace how copies of a wire story derive from one another.

The public API: load articles, trace their provenance, inspect the result.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

try:
    __version__ = version("provtrace")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Alignment",
    "Article",
    "CheckReport",
    "Edge",
    "InputError",
    "Link",
    "LinkKind",
    "ProvtraceError",
    "Sentence",
    "Trace",
    "TraceOptions",
    "Unseen",
    "__version__",
    "check_paths",
    "load_articles",
    "trace",
]

from provtrace.errors import InputError, ProvtraceError
from provtrace.models import Alignment, Article, Edge, Link, LinkKind, Sentence, Trace, Unseen
from provtrace.options import TraceOptions

if TYPE_CHECKING:
    from provtrace.check.runner import CheckReport, check_paths
    from provtrace.pipeline import load_articles, trace


def __getattr__(name: str) -> object:
    # The pipeline pulls in rapidfuzz and friends: import it only when used.
    if name in {"trace", "load_articles"}:
        from provtrace import pipeline

        return getattr(pipeline, name)
    if name in {"check_paths", "CheckReport"}:
        from importlib import import_module

        return getattr(import_module(".check.runner", __name__), name)
    raise AttributeError(name)
