"""Errors the library raises, each carrying the exit code the CLI should use."""

from __future__ import annotations

from enum import IntEnum

from provtrace.models import Skip


class ExitCode(IntEnum):
    """Documented process exit codes (see the README)."""

    OK = 0
    FINDINGS = 1  # `check` found problems at failing severity
    USAGE = 2  # bad input, bad option or nothing usable to work on
    INTERNAL = 3  # a bug: rerun with --traceback and report it
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, the shell convention


class ProvtraceError(Exception):
    """Base class for every error a user can act on.

    notes holds what was met before the error (inputs skipped, and why; other
    notes in words), so the user sees why nothing was usable.
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, notes: tuple[Skip | str, ...] = ()) -> None:
        super().__init__(message)
        self.skipped = tuple(n for n in notes if isinstance(n, Skip))
        self.warnings = tuple(str(n) for n in notes)


class InputError(ProvtraceError):
    """The inputs cannot be used (missing paths, nothing readable, bad format)."""


class OutputError(ProvtraceError):
    """The output could not be written."""
