"""Attribution policy: stories checked against agency copy -> findings + exit code.

For each story, the wire index (wireindex.py) picks the wire articles it may
derive from; align_pair links their sentences (as trace and diff do); then every rule of the
registry in rules.py that is not off runs, at its configured severity.
Whether the story derives from each wire article it shares sentences with is
judged once (judge.py) and carried in the report.

Each finding points at the line of the story file where it sits. Waivers in
the story (waivers.py) move a finding to the waived list, with its reason.
Loading and agency knowledge live in inputs.py; the data in model.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from provtrace.align.core import PairResult, align_pair
from provtrace.align.corpus import is_related
from provtrace.align.features import sentence_features
from provtrace.align.normalize import Features
from provtrace.check.archive import indexed_inputs
from provtrace.check.config import CheckConfig, load_config
from provtrace.check.inputs import Inputs, Story, WireArticle, load_inputs
from provtrace.check.judge import judge_source, judge_together, profiles_of
from provtrace.check.model import CheckReport, Comparison, FailOn, Finding, Severity, SourceUse, StoryResult
from provtrace.check.rules import RULES, Rule, RuleInput, picked_up_reason, reused_sentences
from provtrace.check.wireindex import build_index, candidates
from provtrace.errors import InputError
from provtrace.infer.pickup import picked_up
from provtrace.models import Progress
from provtrace.options import TraceOptions
from provtrace.wording import other_language_stories

__all__ = ["CheckReport", "Finding", "SourceUse", "StoryResult", "check", "check_paths"]


_RULE_ORDER = {rule: k for k, rule in enumerate(RULES)}


def check(
    stories: Iterable[str],
    wire: Iterable[str],
    config: CheckConfig | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    index: Path | None = None,
    scheduler: str | None = None,
) -> CheckReport:
    """Check the stories under the story paths against the agency copy under the wire paths,
    or against the wire index at index (then wire must be empty).

    scheduler, if given, is a Dask scheduler to read the wire files on.
    Raises InputError when an input cannot be read or no story yields an
    article, ConfigError for a malformed waiver, IndexFileError for an
    unusable index.
    """
    config = config or CheckConfig()
    active = tuple(rule for rule in RULES if config.severity_of(rule) is not Severity.OFF)
    inputs, picked, wire_count, wire_languages = _inputs(
        list(stories), list(wire), config, stdin, progress, index, scheduler
    )
    findings: list[Finding] = []
    waived: list[Finding] = []
    results: list[StoryResult] = []
    warnings = list(inputs.warnings)
    unknown_agency: set[str] = set()
    aligned = 0
    unseen_language = 0  # stories in a language no wire article is in, linked to none
    for done, story in enumerate(inputs.stories, start=1):
        sources = [inputs.wire[n] for n in picked(done - 1, story)]
        aligned += len(sources)
        linked = _align(story, sources)
        found = _rules(story, linked, config, unknown_agency)
        kept, story_waived, unused = _apply_waivers(story, found, active)
        findings += kept
        waived += story_waived
        warnings += unused
        results.append(_result(story, linked))
        language = story.article.language
        unseen_language += bool(not linked and language and wire_languages and language not in wire_languages)
        if progress is not None:
            progress("checking", done, len(inputs.stories))
    warnings += [
        f"{path}: cannot tell which agency this wire copy belongs to, so reuse from it is not checked "
        "for credit (map its folder to an agency under [tool.provtrace.check.wire])"
        for path in sorted(unknown_agency)
    ]
    if unseen_language:
        warnings.append(other_language_stories(unseen_language))
    return CheckReport(
        findings=tuple(sorted(findings, key=_order)),
        waived=tuple(sorted(waived, key=_order)),
        stories=tuple(results),
        wire_articles=wire_count,
        aligned_pairs=aligned,
        fail_on=config.fail_on,
        rules=active,
        warnings=tuple(warnings),
    )


def _inputs(
    stories: list[str],
    wire: list[str],
    config: CheckConfig,
    stdin: BinaryIO | None,
    progress: Progress | None,
    index: Path | None,
    scheduler: str | None,
) -> tuple[Inputs, Callable[[int, Story], Sequence[int]], int, frozenset[str]]:
    """The inputs, the candidates of each story (by number and story), the wire count and the
    languages of the wire copy (of the whole index with one: not only of the articles picked)."""
    if index is None:
        inputs = load_inputs(stories, wire, config, stdin=stdin, progress=progress, scheduler=scheduler)
        wire_index = build_index([w.article for w in inputs.wire])
        languages = frozenset(w.article.language for w in inputs.wire if w.article.language)
        return inputs, lambda _, story: candidates(wire_index, story.article), len(inputs.wire), languages
    if wire:
        raise InputError("give wire copy either with --wire or with --index, not both")
    found = indexed_inputs(stories, index, config, stdin=stdin, progress=progress)
    return found.inputs, lambda number, _: found.sources[number], found.indexed, found.languages


def check_paths(
    stories: Iterable[str],
    wire: Iterable[str],
    *,
    config_path: Path | None = None,
    fail_on: FailOn | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    index: Path | None = None,
    scheduler: str | None = None,
) -> CheckReport:
    """check() with the configuration read from config_path (or found from the current
    folder up), and --fail-on applied over it."""
    config = load_config(config_path)
    if fail_on is not None:
        config = replace(config, fail_on=Severity(fail_on.value))
    return check(stories, wire, config, stdin=stdin, progress=progress, index=index, scheduler=scheduler)


def _order(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line, _RULE_ORDER[finding.rule], finding.message)


def _align(story: Story, sources: Sequence[WireArticle]) -> list[Comparison]:
    """Alignments (wire as the upstream side) with at least one link, judged, in wire path order."""
    if not sources:
        return []
    options = TraceOptions()
    articles = [story.article, *(s.article for s in sources)]
    known: dict[str, Features] = {}
    feats = {a.id: sentence_features(a, known) for a in articles}
    profiles = profiles_of(articles, feats)
    found = []
    for source in sources:
        # The pair alone decides its links, as in trace and diff.
        pair_feats = (feats[source.article.id], feats[story.article.id])
        pair = (source.article, story.article)
        alignment, stats = align_pair(source.article, story.article, options, pair_feats)
        if alignment.links:
            judged = judge_source(story, source, alignment, stats, profiles)
            near = is_related(PairResult(alignment, stats), *pair, options)
            found.append((source, alignment, judged, near))
    judged_all = judge_together(story, found, profiles)
    linked = [
        Comparison(s, a, *j, picked_up(s.article, story.article, known_wire=True))
        for (s, a, _, _), j in zip(found, judged_all, strict=True)
    ]
    return sorted(linked, key=lambda c: c.wire.article.path)


def _rules(
    story: Story, linked: Sequence[Comparison], config: CheckConfig, unknown: set[str]
) -> list[Finding]:
    given = RuleInput(story, linked, config, unknown)
    out: list[Finding] = []
    for rule, spec in RULES.items():
        severity = config.severity_of(rule)
        if severity is not Severity.OFF:
            out += spec.find(given, severity)
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
        waived.append(replace(finding, waiver=waiver.reason))
    unused = [
        f"{story.path}:{w.line}: the waiver for {w.rule.value} matches no finding"
        for k, w in enumerate(story.waivers)
        if k not in used and w.rule in active
    ]
    return kept, waived, unused


def _result(story: Story, linked: Sequence[Comparison]) -> StoryResult:
    total = len(story.article.sentences) or 1
    uses = [
        SourceUse(
            c.wire.article.path,
            c.wire.agency,
            len(reused_sentences(c.alignment)),
            round(len(reused_sentences(c.alignment)) / total, 4),
            c.derived,
            round(c.probability, 4),
            None if c.pickup is None else picked_up_reason(c),
        )
        for c in linked
    ]
    uses.sort(key=lambda u: (-u.reused, u.path))
    return StoryResult(story.path, len(story.article.sentences), tuple(sorted(story.credited)), tuple(uses))
