"""Errors the library raises, each carrying the exit code the CLI should use."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented process exit codes (see the README)."""

    OK = 0
    FINDINGS = 1  # `check` found problems at failing severity
    USAGE = 2  # bad input, bad option or nothing usable to work on
    INTERNAL = 3  # a bug: rerun with --traceback and report it


class ProvtraceError(Exception):
    """Base class for every error a user can act on.

    warnings holds per-file problems met before the error, so the user sees
    why nothing was usable.
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, warnings: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.warnings = warnings


class InputError(ProvtraceError):
    """The inputs cannot be used (missing paths, nothing readable, bad format)."""


class OutputError(ProvtraceError):
    """The output could not be written."""
