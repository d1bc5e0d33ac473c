"""The configuration of `provtrace check`: severities, thresholds, agencies, wire folders.

It lives under ``[tool.provtrace.check]`` in pyproject.toml or under
``[check]`` in provtrace.toml, found in the current folder or the nearest
one above it (``--config FILE`` names it instead). Every key is checked: an
unknown key, a value of the wrong type, an unknown rule or severity is an
error naming the file and the key, never a silent default.

Reading the configuration file is the one filesystem access outside load.py:
it happens once, before the run, and only for the file the user pointed at
or the nearest one found.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provtrace.agencies import agency_table, canonical_agency
from provtrace.check.model import Severity
from provtrace.check.rules import RULES, Rule
from provtrace.errors import ProvtraceError


class ConfigError(ProvtraceError):
    """The configuration (a file or a waiver in a story) is invalid."""


#: Each rule's severity when the configuration does not set one (from the rule registry).
DEFAULT_SEVERITY: dict[Rule, Severity] = {rule: spec.severity for rule, spec in RULES.items()}


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Settings for one run of `provtrace check` (defaults when no file is found)."""

    #: uncredited-reuse fires when at least this share of the story's sentences ...
    reuse_share: float = 0.3
    #: ... or at least this many of them come from one agency's copy.
    reuse_sentences: int = 3
    #: The least severity that makes the check fail (exit code 1).
    fail_on: Severity = Severity.ERROR
    severity: Mapping[Rule, Severity] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))
    #: Extra names of known agencies, or new agencies with their names.
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Extra ways a story credits an agency, each with an "{agency}" placeholder.
    credit_phrases: tuple[str, ...] = ()
    #: Globs (relative to base) of story and wire files to leave out.
    ignore: tuple[str, ...] = ()
    #: Wire folder or file (relative to base) -> the agency whose copy it holds.
    wire: Mapping[str, str] = field(default_factory=dict)
    #: The folder the paths above are relative to: the configuration file's.
    base: str = "."
    #: The configuration file, when one was read.
    source: str | None = None

    def severity_of(self, rule: Rule) -> Severity:
        """The configured severity of rule."""
        return self.severity.get(rule, DEFAULT_SEVERITY[rule])

    def agencies(self) -> dict[str, str]:
        """The agency table (name -> pattern) with this configuration's aliases."""
        return agency_table(self.aliases)


_KEYS = {
    "fail-on",
    "reuse-share",
    "reuse-sentences",
    "severity",
    "agencies",
    "credit-phrases",
    "ignore",
    "wire",
}


def find_config(start: Path) -> Path | None:
    """The nearest provtrace.toml, or pyproject.toml with a [tool.provtrace] table, at or above start."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "provtrace.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_provtrace_table(pyproject):
            return pyproject
    return None


def _has_provtrace_table(path: Path) -> bool:
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml is ours to report only when it seems to configure provtrace.
        return b"[tool.provtrace" in raw
    tool = data.get("tool")
    return isinstance(tool, dict) and "provtrace" in tool


def load_config(path: Path | None = None, *, start: Path | None = None) -> CheckConfig:
    """Read the configuration from path, or from the nearest file found from start.

    Without a file, the defaults apply (with start as the base folder).
    Raises ConfigError for a file that cannot be read or holds invalid settings.
    """
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return CheckConfig(base=str(start or Path(".")))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table: Any = data.get("tool", {}).get("provtrace", {})
        prefix = "[tool.provtrace]"
    else:
        table, prefix = data, f"[{path.name}]"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {prefix} must be a table")
    config = parse_config(table, source=str(path), base=str(path.parent))
    _require_wire_paths(
        config, f"{prefix[:-1]}.check.wire]" if prefix == "[tool.provtrace]" else "[check.wire]"
    )
    return config


def _require_wire_paths(config: CheckConfig, table: str) -> None:
    """Refuse a wire entry naming nothing: a misspelt folder would silently lose its agency."""
    for folder in config.wire:
        target = os.path.join(config.base, folder)
        if not os.path.exists(target):
            raise ConfigError(
                f"{config.source}: {table} entry {folder!r} names {target}, which does not exist; "
                "fix the path (relative to the configuration file's folder) or remove the entry"
            )


def parse_config(table: Mapping[str, Any], *, source: str = "configuration", base: str = ".") -> CheckConfig:
    """Validate the provtrace table (whose one known key is "check") into a CheckConfig."""
    unknown = sorted(set(table) - {"check"})
    if unknown:
        raise ConfigError(f"{source}: unknown key {unknown[0]!r} (known: check)")
    check = table.get("check", {})
    pyproject = source.endswith("pyproject.toml")
    where = f"{source}: [tool.provtrace.check]" if pyproject else f"{source}: [check]"
    if not isinstance(check, dict):
        raise ConfigError(f"{where} must be a table")
    unknown = sorted(set(check) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    reader = _Reader(check, where)
    aliases = reader.aliases()
    table_of_agencies = agency_table(aliases)
    return CheckConfig(
        reuse_share=reader.number("reuse-share", 0.3, low=0.0, high=1.0),
        reuse_sentences=reader.integer("reuse-sentences", 3, low=1),
        fail_on=reader.fail_on(),
        severity=reader.severities(),
        aliases=aliases,
        credit_phrases=reader.phrases(),
        ignore=reader.strings("ignore"),
        wire=reader.wire(table_of_agencies),
        base=base,
        source=source,
    )


class _Reader:
    """Typed access to the keys of the [check] table, with errors that name the key."""

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        self.table = table
        self.where = where

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: {key} {problem}")

    def number(self, key: str, default: float, *, low: float, high: float) -> float:
        value = self.table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number, not {_kind(value)}")
        if not low < value <= high:
            raise self.fail(key, f"must be above {low:g} and at most {high:g}, not {value!r}")
        return float(value)

    def integer(self, key: str, default: int, *, low: int) -> int:
        value = self.table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be a whole number, not {_kind(value)}")
        if value < low:
            raise self.fail(key, f"must be at least {low}, not {value}")
        return value

    def severity(self, key: str, value: Any, allowed: tuple[Severity, ...]) -> Severity:
        names = ", ".join(s.value for s in allowed)
        if not isinstance(value, str) or value not in {s.value for s in allowed}:
            raise self.fail(key, f"must be one of {names}, not {value!r}")
        return Severity(value)

    def fail_on(self) -> Severity:
        value = self.table.get("fail-on", Severity.ERROR.value)
        return self.severity("fail-on", value, (Severity.ERROR, Severity.WARNING))

    def child(self, key: str) -> _Reader:
        """The reader of the table under key, whose errors name that table ("[check.severity]: x")."""
        return _Reader(self.mapping(key), f"{self.where[:-1]}.{key}]")

    def severities(self) -> dict[Rule, Severity]:
        table = self.child("severity")
        out = dict(DEFAULT_SEVERITY)
        for rule, value in table.table.items():
            if rule not in {r.value for r in Rule}:
                known = ", ".join(r.value for r in Rule)
                raise table.fail(f"rule {rule!r}", f"is not a rule (rules: {known})")
            out[Rule(rule)] = table.severity(rule, value, tuple(Severity))
        return out

    def mapping(self, key: str) -> Mapping[str, Any]:
        value = self.table.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table, not {_kind(value)}")
        return value

    def strings(self, key: str, value: Any = None) -> tuple[str, ...]:
        value = self.table.get(key, []) if value is None else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, "must be a list of non-empty strings")
        return tuple(value)

    def aliases(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        table = self.child("agencies")
        for name, aliases in table.table.items():
            if not name.strip():
                raise self.fail("agencies", "has an empty agency name")
            out[name] = table.strings(repr(name), aliases)
        return out

    def phrases(self) -> tuple[str, ...]:
        phrases = self.strings("credit-phrases")
        for phrase in phrases:
            if "{agency}" not in phrase or not phrase.replace("{agency}", "").strip():
                problem = f"entry {phrase!r} needs words and an {{agency}} placeholder"
                raise self.fail("credit-phrases", problem)
        return phrases

    def wire(self, agencies: Mapping[str, str]) -> dict[str, str]:
        out: dict[str, str] = {}
        table = self.child("wire")
        for folder, agency in table.table.items():
            if not isinstance(agency, str):
                raise table.fail(repr(folder), f"must be an agency name, not {_kind(agency)}")
            name = canonical_agency(agency, agencies)
            if name is None:
                raise table.fail(
                    repr(folder),
                    f"names an unknown agency {agency!r} (add it under [check.agencies] to declare it)",
                )
            out[os.path.normpath(folder)] = name
        return out


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {str: "a string", int: "a whole number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )
