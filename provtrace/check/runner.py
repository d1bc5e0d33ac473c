"""Attribution policy: stories checked against agency copy -> findings + exit code.

For each story, the wire index (wireindex.py) picks the wire articles it may
derive from; align_articles links their sentences; then three rules run:

- ``uncredited-reuse``: enough of the story comes from one agency's copy
  (config.reuse_share of its sentences, or config.reuse_sentences of them)
  and the story nowhere credits that agency;
- ``altered-quote``: a quotation whose words differ from the wire's;
- ``changed-figure``: a number, amount or date in a reused sentence that
  differs from the wire's.

Each finding points at the line of the story file where it sits. Waivers in
the story (waivers.py) move a finding to the waived list, with its reason.
Loading and agency knowledge live in checkinput.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from provtrace.align.core import align_articles, build_vocabulary
from provtrace.check.config import CheckConfig, FailOn, Rule, Severity, load_config
from provtrace.check.figures import Figure, changed_figures, find_figures
from provtrace.check.inputs import Story, WireArticle, load_inputs
from provtrace.check.quotes import Quote, altered_from, find_quotes
from provtrace.check.wireindex import build_index, candidates
from provtrace.errors import ExitCode
from provtrace.models import Alignment, LinkKind
from provtrace.options import TraceOptions

#: Called as progress(stage, done, total), as in pipeline.trace.
Progress = Callable[[str, int, int], None]

_RULE_ORDER = {rule: k for k, rule in enumerate(Rule)}


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
class SourceUse:
    """How much of a story comes from one wire article."""

    path: str
    agency: str | None
    reused: int  # story sentences linked to this wire article
    share: float  # reused / the story's sentences


@dataclass(frozen=True, slots=True)
class StoryResult:
    """What the check learnt about one story."""

    path: str
    sentences: int
    credits: tuple[str, ...]  # agencies the story credits
    sources: tuple[SourceUse, ...]  # most reused first


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of a check: findings, waived findings, per-story results and counts."""

    findings: tuple[Finding, ...]
    waived: tuple[Finding, ...]
    stories: tuple[StoryResult, ...]
    wire_articles: int
    aligned_pairs: int  # story/wire pairs whose sentences were aligned
    fail_on: Severity = Severity.ERROR
    rules: tuple[Rule, ...] = tuple(Rule)  # the rules that ran (not off)
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


def check(
    stories: Iterable[str],
    wire: Iterable[str],
    config: CheckConfig | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> CheckReport:
    """Check the stories under the story paths against the agency copy under the wire paths.

    Raises InputError when an input cannot be read or no story yields an
    article, ConfigError for a malformed waiver.
    """
    config = config or CheckConfig()
    active = tuple(rule for rule in Rule if config.severity_of(rule) is not Severity.OFF)
    inputs = load_inputs(list(stories), list(wire), config, stdin=stdin, progress=progress)
    index = build_index([w.article for w in inputs.wire])
    findings: list[Finding] = []
    waived: list[Finding] = []
    results: list[StoryResult] = []
    warnings = list(inputs.warnings)
    unknown_agency: set[str] = set()
    aligned = 0
    for done, story in enumerate(inputs.stories, start=1):
        sources = [inputs.wire[n] for n in candidates(index, story.article)]
        aligned += len(sources)
        linked = _align(story, sources)
        found = _rules(story, linked, config, unknown_agency)
        kept, story_waived, unused = _apply_waivers(story, found, active)
        findings += kept
        waived += story_waived
        warnings += unused
        results.append(_result(story, linked))
        if progress is not None:
            progress("checking", done, len(inputs.stories))
    warnings += [
        f"{path}: cannot tell which agency this wire copy belongs to, so reuse from it is not checked "
        "for credit (map its folder to an agency under [tool.provtrace.check.wire])"
        for path in sorted(unknown_agency)
    ]
    return CheckReport(
        findings=tuple(sorted(findings, key=_order)),
        waived=tuple(sorted(waived, key=_order)),
        stories=tuple(results),
        wire_articles=len(inputs.wire),
        aligned_pairs=aligned,
        fail_on=config.fail_on,
        rules=active,
        warnings=tuple(warnings),
    )


def check_paths(
    stories: Iterable[str],
    wire: Iterable[str],
    *,
    config_path: Path | None = None,
    fail_on: FailOn | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> CheckReport:
    """check() with the configuration read from config_path (or found from the current
    folder up), and --fail-on applied over it."""
    config = load_config(config_path)
    if fail_on is not None:
        config = replace(config, fail_on=Severity(fail_on.value))
    return check(stories, wire, config, stdin=stdin, progress=progress)


def _order(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line, _RULE_ORDER[finding.rule], finding.message)


def _align(story: Story, sources: Sequence[WireArticle]) -> list[tuple[WireArticle, Alignment]]:
    """Alignments (wire as the upstream side) with at least one link, in wire path order."""
    if not sources:
        return []
    vocab = build_vocabulary([story.article, *(s.article for s in sources)])
    options = TraceOptions()
    linked = []
    for source in sources:
        alignment, _ = align_articles(source.article, story.article, vocab, options)
        if alignment.links:
            linked.append((source, alignment))
    return sorted(linked, key=lambda pair: pair[0].article.path)


def _copy(source: WireArticle) -> str:
    owner = f"{source.agency} copy" if source.agency else "wire copy"
    return f"the {owner} ({source.article.path})"


def _rules(
    story: Story, linked: Sequence[tuple[WireArticle, Alignment]], config: CheckConfig, unknown: set[str]
) -> list[Finding]:
    out: list[Finding] = []
    if config.severity_of(Rule.UNCREDITED_REUSE) is not Severity.OFF:
        out += _uncredited(story, linked, config, unknown)
    if config.severity_of(Rule.ALTERED_QUOTE) is not Severity.OFF:
        out += _altered_quotes(story, linked, config.severity_of(Rule.ALTERED_QUOTE))
    if config.severity_of(Rule.CHANGED_FIGURE) is not Severity.OFF:
        out += _changed_figures(story, linked, config.severity_of(Rule.CHANGED_FIGURE))
    return out


def _reused(alignment: Alignment) -> set[int]:
    return {j for link in alignment.links for j in link.target}


def _uncredited(
    story: Story, linked: Sequence[tuple[WireArticle, Alignment]], config: CheckConfig, unknown: set[str]
) -> list[Finding]:
    by_agency: dict[str, set[int]] = {}
    main: dict[str, tuple[int, str, WireArticle]] = {}  # the wire article most reused, per agency
    total = len(story.article.sentences) or 1
    for source, alignment in linked:
        reused = _reused(alignment)
        if source.agency is None:
            if len(reused) >= config.reuse_sentences or len(reused) / total >= config.reuse_share:
                unknown.add(source.article.path)
            continue
        by_agency.setdefault(source.agency, set()).update(reused)
        key = (-len(reused), source.article.path, source)
        if source.agency not in main or key[:2] < main[source.agency][:2]:
            main[source.agency] = key
    out = []
    for agency, reused in sorted(by_agency.items()):
        share = len(reused) / total
        if agency in story.credited or (len(reused) < config.reuse_sentences and share < config.reuse_share):
            continue
        source = main[agency][2]
        message = (
            f"{len(reused)} of {len(story.article.sentences)} sentences ({share:.0%}) come from "
            f"{_copy(source)}, but the story never credits {agency}"
        )
        line = story.line_of_sentence(min(reused))
        severity = config.severity_of(Rule.UNCREDITED_REUSE)
        out.append(
            Finding(story.path, line, Rule.UNCREDITED_REUSE, severity, message, agency, source.article.path)
        )
    return out


def _altered_quotes(
    story: Story, linked: Sequence[tuple[WireArticle, Alignment]], severity: Severity
) -> list[Finding]:
    wire_quotes: list[Quote] = []
    owner: list[WireArticle] = []
    for source, _ in linked:
        quotes = find_quotes(source.article.sentences)
        wire_quotes += quotes
        owner += [source] * len(quotes)
    out = []
    for quote in find_quotes(story.article.sentences):
        alteration = altered_from(quote, wire_quotes)
        if alteration is None:
            continue
        source = owner[next(k for k, q in enumerate(wire_quotes) if q is alteration.wire)]
        message = (
            f"quotation differs from {_copy(source)}: the story has “{alteration.story_excerpt}” "
            f"where the wire has “{alteration.wire_excerpt}”"
        )
        line = story.line_of(quote.text, quote.sentence)
        out.append(
            Finding(
                story.path, line, Rule.ALTERED_QUOTE, severity, message, source.agency, source.article.path
            )
        )
    return out


def _changed_figures(
    story: Story, linked: Sequence[tuple[WireArticle, Alignment]], severity: Severity
) -> list[Finding]:
    story_figures = [find_figures(s.text) for s in story.article.sentences]
    known: dict[int, set[str]] = {}  # story sentence -> figure values of every wire sentence linked to it
    links = []
    for source, alignment in linked:
        wire_figures = [find_figures(s.text) for s in source.article.sentences]
        for link in alignment.links:
            wire_side = [f for i in link.source for f in wire_figures[i]]
            for j in link.target:
                known.setdefault(j, set()).update(f.value for f in wire_side)
            links.append((source, link, wire_side))
    seen: set[tuple[int, str]] = set()
    out = []
    for source, link, wire_side in links:
        placed: list[tuple[int, Figure]] = [(j, f) for j in link.target for f in story_figures[j]]
        known_here = frozenset().union(*(known[j] for j in link.target))
        close = link.kind is not LinkKind.PARAPHRASE
        for change in changed_figures([f for _, f in placed], wire_side, known=known_here, close=close):
            j = next(j for j, f in placed if f is change.story)
            if (j, change.story.text) in seen:
                continue
            seen.add((j, change.story.text))
            message = (
                f"figure differs from {_copy(source)}: the story has “{change.story.text}” "
                f"where the wire has “{change.wire.text}”"
            )
            line = story.line_of(change.story.text, j)
            out.append(
                Finding(
                    story.path,
                    line,
                    Rule.CHANGED_FIGURE,
                    severity,
                    message,
                    source.agency,
                    source.article.path,
                )
            )
    return out


def _apply_waivers(
    story: Story, found: Sequence[Finding], active: Sequence[Rule]
) -> tuple[list[Finding], list[Finding], list[str]]:
    kept: list[Finding] = []
    waived: list[Finding] = []
    used: set[int] = set()
    for finding in found:
        match = next(
            (k for k, w in enumerate(story.waivers) if w.covers(finding.rule, finding.line, finding.agency)),
            None,
        )
        if match is None:
            kept.append(finding)
            continue
        used.add(match)
        waiver = story.waivers[match]
        waived.append(
            Finding(
                finding.path,
                finding.line,
                finding.rule,
                finding.severity,
                finding.message,
                finding.agency,
                finding.source,
                waiver.reason,
            )
        )
    unused = [
        f"{story.path}:{w.line}: the waiver for {w.rule.value} matches no finding"
        for k, w in enumerate(story.waivers)
        if k not in used and w.rule in active
    ]
    return kept, waived, unused


def _result(story: Story, linked: Sequence[tuple[WireArticle, Alignment]]) -> StoryResult:
    total = len(story.article.sentences) or 1
    uses = [
        SourceUse(source.article.path, source.agency, len(_reused(a)), round(len(_reused(a)) / total, 4))
        for source, a in linked
    ]
    uses.sort(key=lambda u: (-u.reused, u.path))
    return StoryResult(story.path, len(story.article.sentences), tuple(sorted(story.credited)), tuple(uses))
