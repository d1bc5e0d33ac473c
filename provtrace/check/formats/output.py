"""Where a check report goes: the terminal, a pipe, or a file written atomically.

Part of the command-line layer, like provtrace.cli.output: the library never writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from provtrace.check.formats import CheckFormat, FindingsOptions, findings_renderer
from provtrace.check.runner import CheckReport
from provtrace.cli.output import write_atomic


def emit_report(report: CheckReport, fmt: CheckFormat, output: Path | None) -> None:
    """Render report in fmt to output (a file) or to standard output."""
    render = findings_renderer(fmt)
    if output is not None:
        result = render(report, FindingsOptions())
        write_atomic(output, result if isinstance(result, str) else result.plain)
        # The report went to a file: still say on stderr what it found, for the CI log.
        from provtrace.check.formats.text import summary

        sys.stderr.write(f"{summary(report)} (report written to {output})\n")
        return
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    colour = console.is_terminal and console.color_system is not None
    result = render(report, FindingsOptions(color=colour))
    if isinstance(result, str) or not colour:
        sys.stdout.write(result if isinstance(result, str) else result.plain)
        sys.stdout.flush()
    else:
        console.print(result, end="")
