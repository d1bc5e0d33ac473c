"""Where rendered output goes: the terminal, a pipe, or a file written atomically.

Part of the command-line layer: the library itself never writes output.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from provtrace.errors import OutputError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

#: Width of text output when it does not go to a terminal (files, pipes).
PLAIN_WIDTH = 100


def _unwrapped(renderable: object) -> bool:
    """Whether a renderable asks never to be wrapped (rich Text with no_wrap, as check's findings)."""
    return getattr(renderable, "no_wrap", None) is True


def _to_string(renderable: RenderableType, width: int) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False)
    console.print(renderable, soft_wrap=_unwrapped(renderable))
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


def _stdout_console() -> Console:
    """The console for standard output; NO_COLOR (any value) means no colour, bold or italics."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    console = Console(highlight=False, soft_wrap=False, color_system=None if plain else "auto")
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(highlight=False, width=PLAIN_WIDTH, color_system=None if plain else "auto")
    return console


def emit(render: Callable[[bool], RenderableType | str], output: Path | None) -> None:
    """Write what render gives to output (a file, atomically) or to standard output.

    The one writer of every command and format: render is called with True
    when the result goes to a terminal that shows colour, else with False.
    A string is written as it is; a rich renderable is printed, or turned
    into plain text for a file.
    """
    if output is not None:
        result = render(False)
        write_atomic(output, result if isinstance(result, str) else _to_string(result, PLAIN_WIDTH))
        return
    console = _stdout_console()
    result = render(console.is_terminal and console.color_system is not None)
    if isinstance(result, str):
        sys.stdout.write(result)
        sys.stdout.flush()
    else:
        console.print(result, soft_wrap=_unwrapped(result))
