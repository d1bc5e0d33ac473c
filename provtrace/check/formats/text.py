"""Text: one line per finding, as compilers print them, then a summary line.

A story that shares sentences with wire copy but was judged independent of
all of it gets a line saying so, so a pass is seen to be a judgement; so does
a story whose wire copy took its story from the story's outlet (infer/pickup.py).

Lines are never wrapped (each finding is one greppable line). The text is
literal: nothing in a story or a path is read as markup.
"""

from __future__ import annotations

from rich.text import Text

from provtrace.check.formats import FindingsOptions
from provtrace.check.judge import REUSE_PROBABILITY
from provtrace.check.model import CheckReport, Finding, Severity, StoryResult
from provtrace.wording import plural

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def summary(report: CheckReport) -> str:
    """One line: what was checked, what was found, and whether the check passed."""
    errors = sum(1 for f in report.findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in report.findings if f.severity is Severity.WARNING)
    found = [plural(errors, "error"), plural(warnings, "warning")]
    if report.waived:
        found.append(f"{len(report.waived)} waived")
    if report.warnings:  # about the input (unreadable files, wire of unknown agency): on stderr
        found.append(plural(len(report.warnings), "note") + " on the input")
    verdict = "check failed" if report.failing() else "check passed"
    return (
        f"{plural(len(report.stories), 'story', 'stories')} checked against "
        f"{plural(report.wire_articles, 'wire article')} "
        f"({report.aligned_pairs} of {plural(report.total_pairs, 'pair')} aligned): "
        f"{', '.join(found)} — {verdict}"
    )


def _finding(finding: Finding, color: bool) -> Text:
    line = Text(f"{finding.path}:{finding.line}: ")
    line.append(finding.severity.value, style=_STYLE.get(finding.severity, "") if color else "")
    line.append(f": {finding.message} [{finding.rule.value}]")
    return line


def _all_independent(story: StoryResult) -> bool:
    """The story shares sentences with wire copy but was judged derived from none of it."""
    return bool(story.sources) and not any(source.derived for source in story.sources)


def _independent(story: StoryResult) -> str:
    compared = plural(len(story.sources), "wire article")
    likeliest = max(source.probability for source in story.sources)
    return (
        f"{story.path}: compared with {compared}, found independent "
        f"(probability of copying {likeliest:.2f}; reuse is called from {REUSE_PROBABILITY:.2f})"
    )


def waived_line(finding: Finding) -> str:
    """A waived finding as every listing writes it: "waived", never its severity, and the reason."""
    return (
        f"{finding.path}:{finding.line}: waived: {finding.message} [{finding.rule.value}]"
        f" — waiver: {finding.waiver}"
    )


def render_text(report: CheckReport, options: FindingsOptions) -> Text:
    """Findings, waived findings and the summary as (optionally styled) literal text.

    The text is never wrapped, whatever the width it is printed at; printing
    it ends the last line.
    """
    out = Text(no_wrap=True, overflow="ignore")
    for finding in report.findings:
        out.append_text(_finding(finding, options.color))
        out.append("\n")
    for finding in report.waived:
        out.append(waived_line(finding) + "\n", style="dim" if options.color else "")
    independent = [_independent(story) for story in report.stories if _all_independent(story)]
    independent += [
        f"{story.path}: {source.picked_up}"
        for story in report.stories
        for source in story.sources
        if source.picked_up is not None
    ]
    for line in independent:
        out.append(line + "\n", style="dim" if options.color else "")
    if report.findings or report.waived or independent:
        out.append("\n")
    out.append(summary(report), style=("bold red" if report.failing() else "green") if options.color else "")
    return out
