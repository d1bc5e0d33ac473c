"""Inline waivers: an editor's signed-off exception, written in the story itself.

Syntax (one directive per line; in .md and .html inside an HTML comment)::

    provtrace: allow RULE [AGENCY] -- REASON
    <!-- provtrace: allow uncredited-reuse Reuters -- licensed via partner deal -->

- ``uncredited-reuse`` waivers cover the whole file; naming an agency limits
  the waiver to that agency.
- ``altered-quote`` and ``changed-figure`` waivers cover the line they are on
  and the next non-blank line (put the comment just above the paragraph).
- The reason is required: a waiver without one is a configuration error.

The directives are removed from the text before the story is read, so a
reason that names an agency never counts as crediting it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from provtrace.agencies import canonical_agency
from provtrace.check.config import ConfigError
from provtrace.check.rules import Rule
from provtrace.ingest.directives import COMMENT as _COMMENT
from provtrace.ingest.directives import DIRECTIVE as _DIRECTIVE
from provtrace.ingest.directives import lines_of as _lines
from provtrace.ingest.directives import strip_directives

_BODY = re.compile(
    r"^\s*(?P<rule>[A-Za-z][\w-]*)(?P<arg>(?:\s+(?!--|—|–)\S+)*)\s*(?:(?:--|—|–)(?P<reason>.*))?$"
)


@dataclass(frozen=True, slots=True)
class Waiver:
    """One waiver directive found in a story."""

    path: str
    line: int  # 1-based line of the directive
    rule: Rule
    agency: str | None  # for uncredited-reuse: the agency it is limited to
    reason: str
    scope: tuple[int, ...]  # lines it covers; empty for the whole file

    def covers(self, rule: Rule, line: int, agency: str | None) -> bool:
        """Whether this waiver waives a finding of rule at line (about agency)."""
        if rule is not self.rule:
            return False
        if rule is Rule.UNCREDITED_REUSE:
            return self.agency is None or self.agency == agency
        return line in self.scope


def find_waivers(path: str, text: str, agencies: Mapping[str, str]) -> tuple[Waiver, ...]:
    """Parse every waiver directive in text; raise ConfigError for a malformed one."""
    lines = _lines(text)
    waivers: list[Waiver] = []
    for number, line in enumerate(lines, start=1):
        for match in _DIRECTIVE.finditer(line):
            body = match.group("body").split("-->")[0]
            waivers.append(_parse(path, number, body, lines, agencies))
    return tuple(waivers)


def _parse(path: str, number: int, body: str, lines: Sequence[str], agencies: Mapping[str, str]) -> Waiver:
    where = f"{path}:{number}: waiver"
    parsed = _BODY.match(body)
    if parsed is None:
        raise ConfigError(f"{where} must read 'provtrace: allow RULE -- reason'")
    rule_name, arg = parsed.group("rule"), parsed.group("arg").strip()
    reason = " ".join((parsed.group("reason") or "").split())
    if rule_name not in {r.value for r in Rule}:
        known = ", ".join(r.value for r in Rule)
        raise ConfigError(f"{where} names an unknown rule {rule_name!r} (rules: {known})")
    rule = Rule(rule_name)
    if not reason:
        raise ConfigError(f"{where} for {rule.value} needs a reason after ' -- ' (who agreed, and why)")
    agency = None
    if arg:
        if rule is not Rule.UNCREDITED_REUSE:
            raise ConfigError(f"{where}: only uncredited-reuse takes an agency, not {arg!r}")
        agency = canonical_agency(arg, agencies)
        if agency is None:
            raise ConfigError(f"{where} names an unknown agency {arg!r}")
    scope: tuple[int, ...] = ()
    if rule is not Rule.UNCREDITED_REUSE:
        following = [k for k in range(number + 1, len(lines) + 1) if _is_content(lines[k - 1])]
        scope = (number, *following[:1])
    return Waiver(path, number, rule, agency, reason, scope)


def _is_content(line: str) -> bool:
    """A line with story text: not blank and not only another directive."""
    rest = _COMMENT.sub("", line)
    rest = _DIRECTIVE.sub("", rest)
    return bool(rest.strip())


def strip_waivers(text: str) -> str:
    """text without its waiver directives (a line left empty by one is dropped)."""
    return strip_directives(text)
