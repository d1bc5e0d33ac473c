"""The data of `provtrace check`: severities, findings and the report.

Rules themselves (their names, descriptions, default severities and bodies)
live in rules.py; everything here is plain frozen data that the runner
builds and the report formats read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from provtrace.errors import ExitCode

if TYPE_CHECKING:
    from provtrace.check.inputs import WireArticle
    from provtrace.check.rules import Rule
    from provtrace.infer.pickup import Pickup
    from provtrace.models import Alignment


class Severity(StrEnum):
    """How a rule's findings count: error fails the check, warning only with --fail-on warning."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


class FailOn(StrEnum):
    """The severities --fail-on accepts: the least severity that fails the check."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one story, at one line."""

    path: str
    line: int  # 1-based line in the story file
    rule: Rule
    severity: Severity
    message: str
    agency: str | None = None  # the agency whose copy is involved, when known
    source: str | None = None  # the wire file involved
    waiver: str | None = None  # the reason, when an inline waiver waives it


@dataclass(frozen=True, slots=True)
class Comparison:
    """A wire article a story shares sentences with, and whether the story derives from it."""

    wire: WireArticle
    alignment: Alignment  # wire as the upstream side; at least one link
    derived: bool  # the story reuses the wire's expression (judge.judge_source)
    probability: float  # that it is derived
    #: The wire article credits the story's own outlet for its story (infer/pickup.py): the agency
    #: took the story from the story's outlet, not the reverse.
    pickup: Pickup | None = None


@dataclass(frozen=True, slots=True)
class SourceUse:
    """How much of a story comes from one wire article, and whether it derives from it."""

    path: str
    agency: str | None
    reused: int  # story sentences linked to this wire article
    share: float  # reused / the story's sentences
    derived: bool  # judged derived (only derived sources count for uncredited-reuse)
    probability: float  # that the story derives from this wire article
    #: Why the wire article took its story from the story's outlet, when it did (then its reuse is
    #: the agency's, and uncredited-reuse does not count it).
    picked_up: str | None = None


@dataclass(frozen=True, slots=True)
class StoryResult:
    """What the check learnt about one story."""

    path: str
    sentences: int
    credits: tuple[str, ...]  # agencies the story credits
    sources: tuple[SourceUse, ...]  # most reused first


def _every_rule() -> tuple[Rule, ...]:
    # Imported here: rules.py builds Findings, so it imports this module first.
    from provtrace.check.rules import Rule

    return tuple(Rule)


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of a check: findings, waived findings, per-story results and counts."""

    findings: tuple[Finding, ...]
    waived: tuple[Finding, ...]
    stories: tuple[StoryResult, ...]
    wire_articles: int
    aligned_pairs: int  # story/wire pairs whose sentences were aligned
    fail_on: Severity = Severity.ERROR
    rules: tuple[Rule, ...] = field(default_factory=_every_rule)  # the rules that ran (not off)
    warnings: tuple[str, ...] = field(default=())

    @property
    def total_pairs(self) -> int:
        """Every story/wire pair: what a check without the index would align."""
        return len(self.stories) * self.wire_articles

    def failing(self) -> tuple[Finding, ...]:
        """Findings at or above the failing severity."""
        levels = {Severity.ERROR} if self.fail_on is Severity.ERROR else {Severity.ERROR, Severity.WARNING}
        return tuple(f for f in self.findings if f.severity in levels)

    @property
    def exit_code(self) -> ExitCode:
        """FINDINGS when a finding is at failing severity, else OK."""
        return ExitCode.FINDINGS if self.failing() else ExitCode.OK
