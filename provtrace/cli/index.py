"""`provtrace index add|remove|stats`: the typer sub-app over provtrace.index. No logic."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from provtrace.cli.common import (
    IndexOption,
    QuietOption,
    SchedulerOption,
    TracebackOption,
    guard,
    progress_bar,
    warn,
)
from provtrace.errors import ExitCode

index_app = typer.Typer(
    name="index",
    help="Keep a wire archive in one SQLite file, so check and trace read nothing twice.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class StatsFormat(StrEnum):
    """Formats of `provtrace index stats`."""

    TEXT = "text"
    JSON = "json"


PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Article files or folders (searched recursively).", show_default=False, metavar="PATH"
    ),
]


@index_app.command("add")
def add_command(
    paths: PathsArgument,
    index: IndexOption = Path("provtrace-index.sqlite"),
    workers: Annotated[
        int,
        typer.Option("--workers", "-j", min=0, help="Processes for extracting files; 0 uses every core."),
    ] = 0,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
    show_traceback: TracebackOption = False,
) -> None:
    """Add the articles under PATH to the index, creating it if needed.

    Incremental: a file whose bytes are unchanged is skipped, a changed one is
    replaced. Each file is known by its path relative to the index's folder.
    Exit codes: 0 success (files holding no article are warnings), 2 a path
    that does not exist or a file that is not an index, 3 internal error.
    """
    from provtrace.index import ArchiveIndex
    from provtrace.index.report import add_summary, add_warnings

    def work() -> str:
        with ArchiveIndex(index, create=True) as archive, progress_bar(sys.stderr.isatty()) as bar:
            report = archive.add(paths, workers=workers, scheduler=scheduler, progress=bar)
        warn(add_warnings(report), quiet)
        return add_summary(report, quiet)

    typer.echo(guard(show_traceback, work), err=True)


@index_app.command("remove")
def remove_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to take out of the index (they need not exist any more).",
            show_default=False,
            metavar="PATH",
        ),
    ],
    index: IndexOption = Path("provtrace-index.sqlite"),
    quiet: QuietOption = False,
    show_traceback: TracebackOption = False,
) -> None:
    """Take the files at PATH, or under it for a folder, out of the index.

    Exit codes: 0 success (a path not in the index is a warning), 2 when no
    path matched anything or the index cannot be opened, 3 internal error.
    """
    from provtrace.index import ArchiveIndex
    from provtrace.index.report import remove_summary, remove_warnings

    def work() -> tuple[str, bool]:
        with ArchiveIndex(index) as archive:
            report = archive.remove(paths)
        warn(remove_warnings(report), quiet)
        return remove_summary(report), bool(report.removed)

    summary, removed = guard(show_traceback, work)
    if not removed:
        typer.echo(f"error: nothing in {index} matches the given paths", err=True)
        raise typer.Exit(int(ExitCode.USAGE))
    typer.echo(summary, err=True)


@index_app.command("stats")
def stats_command(
    index: IndexOption = Path("provtrace-index.sqlite"),
    fmt: Annotated[
        StatsFormat,
        typer.Option("--format", "-f", help="Output format: text, or json (provtrace.index-stats/1)."),
    ] = StatsFormat.TEXT,
    show_traceback: TracebackOption = False,
) -> None:
    """Show what the index holds: files, articles, sentences, keys, size and schema.

    Exit codes: 0 success, 2 the index cannot be opened, 3 internal error.
    """
    from provtrace.cli.output import emit
    from provtrace.index import ArchiveIndex
    from provtrace.index.report import stats_json, stats_text

    def work() -> str:
        with ArchiveIndex(index) as archive:
            stats = archive.stats()
        render = stats_json if fmt is StatsFormat.JSON else stats_text
        return render(stats, str(index))

    text = guard(show_traceback, work)
    emit(lambda _color: text, None)
