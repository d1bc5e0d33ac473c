"""Where rendered output goes: the terminal, a pipe, or a file written atomically.

Part of the command-line layer: the library itself never writes output.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from provtrace.errors import OutputError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

#: Width given to text that does not go to a terminal (files, pipes): so wide that
#: nothing wraps or is cut, one sentence a line (trailing padding is stripped).
UNWRAPPED_WIDTH = 20_000


def _to_string(renderable: RenderableType) -> str:
    """Plain, unwrapped text: no colour, no line cut, no trailing spaces."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=UNWRAPPED_WIDTH, color_system=None, force_terminal=False, highlight=False
    )
    console.print(renderable, soft_wrap=True)
    return _strip_line_ends(buffer.getvalue())


def _strip_line_ends(text: str) -> str:
    """No line of plain output ends in spaces (they would spoil a grep or a diff)."""
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


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
    write_atomic_with(path, lambda handle: handle.write(text))


def write_atomic_with(path: Path, write: Callable[[TextIO], object]) -> None:
    """What write writes to a text stream, written to path through a temporary file in the same
    folder: path is left as it was if write fails. A symbolic link is written through, to the
    file it points to, and stays a link."""
    if path.exists() and not path.is_file() and not path.is_dir():
        # A device, a named pipe or a socket, or a link to one (/dev/null, /dev/stdout into a pipe):
        # written into, never replaced by a file (as root, a rename would replace /dev/null itself).
        _write_into(path, write)
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        why = "is a file, not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"cannot write {path}: {folder} {why}")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            write(handle)
        # mkstemp makes a private file; give the report the mode a plain write would.
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def _write_into(path: Path, write: Callable[[TextIO], object]) -> None:
    """What write writes, written straight into a path that is no regular file (a device or a pipe:
    nothing there to keep whole)."""
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            write(handle)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _stdout_console() -> Console:
    """The console for standard output; NO_COLOR (any value) means no colour, bold or italics."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    return Console(highlight=False, soft_wrap=False, color_system=None if plain else "auto")


def emit(render: Callable[[bool], RenderableType | str], output: Path | None) -> None:
    """Write what render gives to output (a file, atomically) or to standard output.

    The one writer of every command and format: render is called with True
    when the result goes to a terminal that shows colour, else with False.
    A string is written as it is. A rich renderable is wrapped to the width
    of a terminal; in a pipe it is plain text that is not wrapped (one
    sentence a line, no trailing spaces), so grep finds it, unless COLUMNS
    asks for a width; in a file (output) it is never wrapped.
    """
    if output is not None:
        result = render(False)
        write_atomic(output, result if isinstance(result, str) else _to_string(result))
        return
    console = _stdout_console()
    result = render(console.is_terminal and console.color_system is not None)
    with _reader_may_leave():
        if isinstance(result, str):
            sys.stdout.write(result)
            sys.stdout.flush()
        elif console.is_terminal or "COLUMNS" in os.environ:
            console.print(result)  # wrapped to the terminal's width, or to the COLUMNS asked for
        else:
            sys.stdout.write(_to_string(result))
            sys.stdout.flush()


def emit_stream(write: Callable[[TextIO], object], output: Path | None) -> None:
    """What write writes to a text stream, to output (a file, atomically) or to standard output.

    For a format written as it is made (a spooled trace's JSON), never held whole.
    """
    if output is not None:
        write_atomic_with(output, write)
        return
    with _reader_may_leave():
        write(sys.stdout)
        sys.stdout.flush()


@contextmanager
def _reader_may_leave() -> Iterator[None]:
    """Standard output whose reader may stop reading (``provtrace trace ... | head``): that is
    not an error. What is left unwritten goes nowhere, and the command ends with the exit
    code it would have had (check's findings still fail a CI step)."""
    try:
        yield
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as exc:
        if exc.filename is not None:
            raise  # a file of the run's own (a spill read back), not standard output
        # A full disk, a device that refuses writes: not a bug of provtrace.
        _quiet_stdout()
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def _quiet_stdout() -> None:
    """Point stdout at the null device: Python would meet the same error again when it flushes
    stdout at exit (the way the Python documentation gives for SIGPIPE)."""
    try:
        target = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # no descriptor (stdout was closed before the run): nothing to flush at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, target)
    os.close(devnull)
