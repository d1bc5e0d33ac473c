"""The typer app: parse -> options -> pipeline -> render -> exit code. No logic."""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
import typer.core

from provtrace.check.formats import CHECK_FORMATS
from provtrace.cli.check import check_command
from provtrace.cli.common import (
    OutputOption,
    QuietOption,
    SchedulerOption,
    SemanticOption,
    TracebackOption,
    format_for,
    guard,
    progress_bar,
    warn,
)
from provtrace.errors import ExitCode
from provtrace.ingest.types import named_suffixes
from provtrace.render import (
    DIFF_FORMATS,
    TRACE_FORMATS,
    DiffFormat,
    OutputFormat,
    RenderOptions,
    unused_options,
)

if TYPE_CHECKING:
    from provtrace.options import TraceOptions

app = typer.Typer(
    name="provtrace",
    help=(
        "Trace how copies of a wire story derive from one another: which article is "
        "upstream, and what each other version added, dropped and altered."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _argument_name(self: typer.core.TyperArgument) -> str:
    """An argument's name in --help: "PATH..." for one that takes several, with no Python type."""
    name = self.display_name_raw
    return name + "..." if self.nargs != 1 else name


# typer lists an argument as "PATH <list[str]>"; a user needs "PATH...", not a Python type.
typer.core.TyperArgument._rich_display_name = _argument_name  # type: ignore[method-assign]
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"provtrace {version('provtrace')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Trace how copies of a wire story derive from one another."""


@app.command("trace")
def trace_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files or folders (searched recursively); '-' reads one article from "
            f"standard input. Formats: {named_suffixes()}.",
            show_default=False,
            metavar="PATH",
        ),
    ],
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text (the tree; coloured in a terminal), json (the "
            "provtrace.trace/1 contract), markdown (a report to paste), html (one self-contained "
            "page), dot (Graphviz), graphml (Gephi) or csv (one row per sentence link). "
            "Default: from the --output extension, else text.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    all_pairs: Annotated[
        bool,
        typer.Option(
            "--all-pairs",
            help="json and csv formats: include an alignment for every related pair, not only tree "
            "edges (the other formats show tree edges only; a warning says so).",
        ),
    ] = False,
    brief: Annotated[
        bool,
        typer.Option(
            "--brief",
            help="text, markdown and html formats: show the tree and counts without the changed "
            "sentences (the other formats have none to leave out; a warning says so).",
        ),
    ] = False,
    semantic: SemanticOption = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-j",
            min=0,
            help="Processes for aligning article pairs; 0 (the default) uses every core on large "
            "runs. The output is identical whatever the number.",
        ),
    ] = 0,
    index: Annotated[
        Path | None,
        typer.Option(
            "--index",
            "-i",
            help="A wire index built with `provtrace index add`: trace the articles together with "
            "the indexed articles they derive from or share a source with (their candidates in the "
            "index, and the candidates' candidates).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
    show_traceback: TracebackOption = False,
) -> None:
    """Infer the derivation tree of the articles and show what each version changed.

    Exit codes: 0 success, 2 bad input or usage (for example no usable article,
    an unusable index), 3 internal error.
    """
    from provtrace.cli.output import emit
    from provtrace.options import TraceOptions
    from provtrace.pipeline import trace, trace_with_index

    chosen = fmt or format_for(output, TRACE_FORMATS, "trace", (CHECK_FORMATS,)) or OutputFormat.TEXT
    warn(unused_options(chosen, brief=brief, all_pairs=all_pairs), quiet)
    options = TraceOptions(all_pairs=all_pairs, semantic=semantic, workers=workers, scheduler=scheduler)
    stdin = sys.stdin.buffer
    if chosen is OutputFormat.JSON:  # written as it is merged: the result is never held whole
        _trace_json(paths, options, index, output, quiet, show_traceback)
        return
    with progress_bar(sys.stderr.isatty()) as progress:
        result = guard(
            show_traceback,
            lambda: (
                trace(paths, options, stdin=stdin, progress=progress)
                if index is None
                else trace_with_index(paths, index, options, stdin=stdin, progress=progress)
            ),
            quiet,
        )
    warn(result.warnings, quiet)
    render = TRACE_FORMATS.renderer(chosen)
    guard(show_traceback, lambda: emit(lambda color: render(result, RenderOptions(color, brief)), output))


def _trace_json(
    paths: list[str],
    options: TraceOptions,
    index: Path | None,
    output: Path | None,
    quiet: bool,
    show_traceback: bool,
) -> None:
    """`trace --format json`: the result spooled (provtrace.spooled), its JSON written as it is merged."""
    from provtrace.cli.output import emit_stream
    from provtrace.spooled import spool_trace

    stdin = sys.stdin.buffer
    with progress_bar(sys.stderr.isatty()) as progress:
        spooled = guard(
            show_traceback,
            lambda: spool_trace(paths, options, index=index, stdin=stdin, progress=progress),
            quiet,
        )
    with spooled:
        warn(spooled.warnings, quiet)
        with progress_bar(sys.stderr.isatty()) as progress:
            guard(show_traceback, lambda: emit_stream(lambda out: spooled.write_json(out, progress), output))


@app.command("diff")
def diff_command(
    first: Annotated[str, typer.Argument(help="An article file ('-' for standard input).", metavar="A")],
    second: Annotated[str, typer.Argument(help="Another article file.", metavar="B")],
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help=(
                "Treat this article as the upstream one instead of inferring it: the path, file name "
                "or id of A or of B."
            ),
            metavar="ARTICLE",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text (side by side in a terminal 120 columns or wider, else "
            "interleaved), json (the provtrace.trace/1 contract of the pair), markdown or html. "
            "Default: from the --output extension, else text.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    semantic: SemanticOption = False,
    quiet: QuietOption = False,
    show_traceback: TracebackOption = False,
) -> None:
    """Show two articles aligned sentence by sentence: added, dropped and altered sentences.

    The upstream side is inferred unless --source names it. Exit codes: 0
    success, 2 when A or B cannot be used, 3 internal error.
    """
    from provtrace.cli.output import emit
    from provtrace.diff import diff_articles
    from provtrace.options import TraceOptions

    others = (TRACE_FORMATS, CHECK_FORMATS)
    chosen = fmt or format_for(output, DIFF_FORMATS, "diff", others) or DiffFormat.TEXT
    options = TraceOptions(semantic=semantic)
    stdin = sys.stdin.buffer
    with progress_bar(sys.stderr.isatty()) as progress:
        result = guard(
            show_traceback,
            lambda: diff_articles(first, second, options, source=source, stdin=stdin, progress=progress),
        )
    warn(result.warnings, quiet)
    render = DIFF_FORMATS.renderer(chosen)
    guard(show_traceback, lambda: emit(lambda color: render(result, RenderOptions(color)), output))


app.command("check")(check_command)


def _one_line(message: str) -> str:
    """A usage message on one line, without the "Value error, " of typer's validation layer."""
    return " ".join(message.replace("Value error, ", "").split())


class _ClosedStdout(io.TextIOBase):
    """Standard output closed by the caller (``provtrace trace x >&-``): writing the result is an
    error of the run's output (exit 2, as a full disk), not of provtrace."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")


def _closed(stream: object) -> bool:
    """Whether a standard stream was closed by the caller (``2>&-``): Python gives None, or a
    stream whose descriptor is gone. One without a descriptor (a test runner's) is open."""
    if stream is None:
        return True
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
        os.fstat(fd)
    except io.UnsupportedOperation:
        return False
    except (OSError, ValueError, AttributeError):
        return True
    try:
        import fcntl
    except ImportError:  # Windows
        return False
    # A descriptor open for reading only is not the caller's stream but a file that took its
    # number once it was closed (a launcher script's, as pyenv's shims leave).
    return fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY


def _closed_streams() -> None:
    """Stand-ins for standard streams the caller closed. Without stderr no message can be shown
    (the exit code still tells what happened); without stdout, writing the result is exit 2."""
    if _closed(sys.stderr):
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the whole run)
    if _closed(sys.stdout):
        sys.stdout = _ClosedStdout()


def _reconfigure_streams() -> None:
    """Pipes carry UTF-8 whatever the locale (as the files --output writes); a terminal keeps
    its encoding, and a character it cannot show becomes "?" instead of an error."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced by a test runner or an embedding program: leave it alone
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")


def run(argv: list[str] | None = None) -> None:
    """Console-script entry point: exits with the command's code.

    A usage error (unknown option, bad value, missing argument) is one line on
    stderr, "provtrace trace: No such option: --bogus (see provtrace trace --help)",
    and exit code 2.
    """
    # typer re-exports BadParameter but not its bases (click's UsageError and
    # ClickException, vendored by recent typer): find them through it.
    bases: dict[str, type[Exception]] = {
        cls.__name__: cls for cls in typer.BadParameter.__mro__ if issubclass(cls, Exception)
    }
    usage_error, click_exception = bases["UsageError"], bases["ClickException"]
    _closed_streams()
    _reconfigure_streams()
    try:
        code = app(args=argv, standalone_mode=False)
    except usage_error as error:
        context = getattr(error, "ctx", None)
        if type(error).__name__ == "NoArgsIsHelpError" and context is not None:
            print(context.get_help(), file=sys.stderr)  # a bare command shows its help
            sys.exit(int(ExitCode.USAGE))
        command = context.command_path if context is not None else "provtrace"
        message = _one_line(error.format_message())  # type: ignore[attr-defined]
        print(f"{command}: {message} (see {command} --help)", file=sys.stderr)
        sys.exit(int(ExitCode.USAGE))
    except click_exception as error:
        message = _one_line(error.format_message())  # type: ignore[attr-defined]
        print(f"provtrace: {message}", file=sys.stderr)
        sys.exit(int(getattr(error, "exit_code", ExitCode.USAGE)))
    except typer.Abort:
        print("provtrace: interrupted", file=sys.stderr)
        sys.exit(int(ExitCode.INTERRUPTED))
    sys.exit(code if isinstance(code, int) else 0)


# Registered last: the sub-app's module takes the shared options above from this one.
from provtrace.cli.index import index_app  # noqa: E402

app.add_typer(index_app, name="index")
