"""`provtrace check`: the CI gate's command over provtrace.check. No logic."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from provtrace.check.formats import CHECK_FORMATS, CheckFormat, FindingsOptions
from provtrace.check.model import FailOn
from provtrace.cli.common import (
    OutputOption,
    QuietOption,
    ReadIndexOption,
    SchedulerOption,
    TracebackOption,
    format_for,
    guard,
    progress_bar,
    warn,
)
from provtrace.ingest.types import named_suffixes
from provtrace.render import TRACE_FORMATS


def check_command(
    stories: Annotated[
        list[str],
        typer.Argument(
            help="The newsroom's stories: files or folders (searched recursively); '-' reads one "
            f"story from standard input. Formats: {named_suffixes()}.",
            show_default=False,
            metavar="STORY",
        ),
    ],
    wire: Annotated[
        list[str],
        typer.Option(
            "--wire",
            "-w",
            help="Agency copy to check against: a folder or a file (repeat for more). "
            "Give --wire or --index, not both.",
            show_default=False,
            metavar="PATH",
        ),
    ] = [],  # noqa: B006 (typer copies it)
    index: ReadIndexOption = None,
    fmt: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, json (the provtrace.check/1 contract), junit (XML), github "
            "(workflow annotations) or sarif (2.1.0). Default: from the --output extension, else text.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="The least severity that fails the check (exit code 1). Default: the "
            "configuration's fail-on, else error.",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Read the configuration from this file (provtrace.toml, or pyproject.toml with "
            "[tool.provtrace]) instead of the nearest one from the current folder up.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
    show_traceback: TracebackOption = False,
) -> None:
    """Check stories for uncredited agency copy, altered quotations and changed figures.

    The agency copy is files (--wire) or a wire index (--index), not both.
    Exit codes: 0 nothing at failing severity, 1 findings at failing severity,
    2 bad input, usage or configuration (an unreadable story or wire file, an
    unusable index too), 3 internal error.
    """
    from provtrace.check.formats.text import summary
    from provtrace.check.runner import check_paths
    from provtrace.cli.output import emit

    if bool(wire) == (index is not None):
        which = "not both" if wire else "one of them is needed"
        raise typer.BadParameter(
            f"give the wire copy with --wire PATH or an index with --index FILE, {which}",
            param_hint="'--wire' / '--index'",
        )
    chosen = fmt or format_for(output, CHECK_FORMATS, "check", (TRACE_FORMATS,)) or CheckFormat.TEXT
    stdin = sys.stdin.buffer
    with progress_bar(sys.stderr.isatty()) as progress:
        report = guard(
            show_traceback,
            lambda: check_paths(
                stories,
                wire,
                config_path=config,
                fail_on=fail_on,
                stdin=stdin,
                progress=progress,
                index=index,
                scheduler=scheduler,
            ),
            quiet,
        )
    warn(report.warnings, quiet)
    render = CHECK_FORMATS.renderer(chosen)
    guard(show_traceback, lambda: emit(lambda color: render(report, FindingsOptions(color)), output))
    if output is not None:  # the report went to a file: still say what it found, for the CI log
        sys.stderr.write(f"{summary(report)} (report written to {output})\n")
    if report.exit_code:
        raise typer.Exit(int(report.exit_code))
