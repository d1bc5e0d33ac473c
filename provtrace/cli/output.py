"""Where rendered output goes: the terminal, a pipe, or a file written atomically.

Part of the command-line layer: the library itself never writes output.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from pathlib import Path

from provtrace.errors import OutputError
from provtrace.models import Trace
from provtrace.render import OutputFormat, Renderer, RenderOptions, renderer

#: Width of text output when it does not go to a terminal (files, pipes).
PLAIN_WIDTH = 100


def _to_string(renderable: object, width: int) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False)
    console.print(renderable)
    return buffer.getvalue()


def _mode_for(path: Path) -> int:
    """An existing file's permissions, else the default for a new file (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        # mkstemp makes a private file; give the report the mode a plain write would.
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def emit(
    trace: Trace,
    fmt: OutputFormat,
    options: RenderOptions,
    output: Path | None,
    render: Renderer | None = None,
) -> None:
    """Render trace in fmt (with render, when given) to output (a file) or to standard output."""
    from rich.console import Console

    render = render or renderer(fmt)
    if output is not None:
        result = render(trace, options)
        write_atomic(output, result if isinstance(result, str) else _to_string(result, PLAIN_WIDTH))
        return
    console = Console(highlight=False, soft_wrap=False)
    if os.environ.get("NO_COLOR"):
        # NO_COLOR asks for plain text: no colour, and no bold or italics either.
        console = Console(highlight=False, soft_wrap=False, color_system=None)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(highlight=False, width=PLAIN_WIDTH)
    colour = console.color_system is not None and console.is_terminal
    result = render(trace, RenderOptions(color=colour, brief=options.brief))
    if isinstance(result, str):
        sys.stdout.write(result)
        sys.stdout.flush()
    else:
        console.print(result)
