"""The rules of `provtrace check`: one function each, and the registry that lists them.

A rule is a function (RuleInput, Severity) -> findings. The registry RULES
maps each Rule to its one-line description, its default severity and its
function; the runner, the configuration (default severities, the names a
[check.severity] table or a waiver accepts) and the report formats (SARIF
rule list, JUnit cases) all read it. Adding a rule is one Rule member, one
function and one registry entry, all in this file.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from provtrace.check.figures import figure_changes
from provtrace.check.judge import REUSE_PROBABILITY
from provtrace.check.model import Comparison, Finding, Severity
from provtrace.check.quotes import (
    Quote,
    Speakers,
    WireQuotes,
    altered_from,
    find_quotes,
    lower_case_words,
    misattributed,
)
from provtrace.models import Alignment, LinkKind
from provtrace.wording import plural, possessive

if TYPE_CHECKING:
    from provtrace.check.config import CheckConfig
    from provtrace.check.inputs import Story, WireArticle


class Rule(StrEnum):
    """The checks `provtrace check` runs, in the order they run and are reported."""

    UNCREDITED_REUSE = "uncredited-reuse"
    ALTERED_QUOTE = "altered-quote"
    CHANGED_FIGURE = "changed-figure"


@dataclass(frozen=True, slots=True)
class RuleInput:
    """What a rule sees of one story: the story, the wire articles linked to it, the settings."""

    story: Story
    linked: Sequence[Comparison]  # the wire articles sharing sentences with it, in wire path order
    config: CheckConfig
    #: Filled by rules: wire files reused enough to matter whose agency is unknown (for a warning).
    unknown_agency: set[str]


RuleFunction = Callable[[RuleInput, Severity], list[Finding]]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A rule's registry entry."""

    description: str  # one line, for help texts and report formats (SARIF, JUnit)
    severity: Severity  # the default, when the configuration does not set one
    find: RuleFunction


def reused_sentences(alignment: Alignment) -> set[int]:
    """The story sentences (target side) linked to the wire article."""
    return set(alignment.target_linked())


def _owner(source: WireArticle) -> str:
    """Whose copy the wire article is: "PA copy", or "wire copy" when its agency is unknown."""
    return f"{source.agency} copy" if source.agency else "wire copy"


def _copy(source: WireArticle) -> str:
    return f"the {_owner(source)} ({source.article.path})"


def picked_up_reason(comparison: Comparison) -> str:
    """Why the wire article's reuse of the story is the agency's: it credits the story's outlet."""
    found = comparison.pickup
    assert found is not None
    return (
        f"{_copy(comparison.wire)} credits {found.outlet} for its story (“{found.credit}”), and the story "
        f"is {possessive(found.outlet)} own ({found.known_by}): the agency took the story from it, "
        "so the story's sentences in it are no reuse of agency copy"
    )


def uncredited_reuse(given: RuleInput, severity: Severity) -> list[Finding]:
    """Enough of the story comes from one agency's copy, and the story never credits the agency.

    Only wire articles the story is judged derived from count (judge.judge_source), and none that
    credits the story's own outlet for its story (infer/pickup.py: the agency took it from the story).
    """
    story, config = given.story, given.config
    by_agency: dict[str, set[int]] = {}
    # The wire article most reused, per agency: of two that give as many sentences, the one that
    # gives more word for word (a copy the story repeats exactly), then the likelier, then by path.
    main: dict[str, tuple[int, int, float, str, WireArticle]] = {}
    likeliest: dict[str, float] = {}  # the highest probability of copying from the agency's articles
    copies: dict[str, int] = {}  # how many of the agency's articles the story reuses
    total = len(story.article.sentences) or 1
    for comparison in (c for c in given.linked if c.derived and c.pickup is None):
        source, probability = comparison.wire, comparison.probability
        reused = reused_sentences(comparison.alignment)
        if source.agency is None:
            if len(reused) >= config.reuse_sentences or len(reused) / total >= config.reuse_share:
                given.unknown_agency.add(source.article.path)
            continue
        by_agency.setdefault(source.agency, set()).update(reused)
        copies[source.agency] = copies.get(source.agency, 0) + 1
        likeliest[source.agency] = max(likeliest.get(source.agency, 0.0), probability)
        links = comparison.alignment.links
        verbatim = sum(len(link.target) for link in links if link.kind is LinkKind.VERBATIM)
        key = (-len(reused), -verbatim, -probability, source.article.path, source)
        if source.agency not in main or key[:4] < main[source.agency][:4]:
            main[source.agency] = key
    out = []
    for agency, reused in sorted(by_agency.items()):
        share = len(reused) / total
        if agency in story.credited or (len(reused) < config.reuse_sentences and share < config.reuse_share):
            continue
        most, _, _, _, source = main[agency]
        verb = "comes" if len(reused) == 1 else "come"
        origin = _copy(source)
        if copies[agency] > 1:  # the count is over all of them: name how many, and the main one's share
            origin = (
                f"{copies[agency]} articles of {agency} copy (most, {-most}, from {source.article.path})"
            )
        probability = likeliest[agency]
        # Shown rounded down, so a probability under the threshold never reads as the threshold.
        said = f"probability of copying {math.floor(probability * 100) / 100:.2f}"
        level = severity
        if probability < REUSE_PROBABILITY and severity is Severity.ERROR:
            # Judged derived below the probability at which a false accusation costs less than a
            # missed copy (a translation, judged on its aligned content): worth a look, not a failure.
            level = Severity.WARNING
            said += f", below the {REUSE_PROBABILITY:.2f} at which it is an error"
        message = (
            f"{len(reused)} of {plural(len(story.article.sentences), 'sentence')} ({share:.0%}) {verb} from "
            f"{origin}, but the story never credits {agency} ({said})"
        )
        line = story.line_of_sentence(min(reused))
        found = Finding(story.path, line, Rule.UNCREDITED_REUSE, level, message, agency, source.article.path)
        out.append(found)
    return out


#: Said of a finding against a wire article the story was judged written independently of.
_INDEPENDENT = (
    " (the story was found written independently of it, so this may be its own rendering: "
    "a warning, not an error)"
)


#: Said of a finding against a wire article that took its story from the story's outlet.
_PICKED_UP = (
    " (the {copy} took its story from {outlet}, the story's own outlet, so the difference is the "
    "agency's: a warning, not an error)"
)


def _against(comparison: Comparison, severity: Severity) -> tuple[Severity, str]:
    """A finding's severity and the note after its message: one against a wire article the story
    is not derived from, or that took its story from the story's outlet, is at most a warning, and
    says so (an independent story passes)."""
    if comparison.pickup is not None:
        note = _PICKED_UP.format(copy=_owner(comparison.wire), outlet=comparison.pickup.outlet)
        return (Severity.WARNING if severity is Severity.ERROR else severity), note
    if comparison.derived or severity is not Severity.ERROR:
        return severity, "" if comparison.derived else _INDEPENDENT
    return Severity.WARNING, _INDEPENDENT


def altered_quote(given: RuleInput, severity: Severity) -> list[Finding]:
    """A quotation whose words differ from the same quotation in the wire copy, or that the wire
    copy gives word for word to another speaker."""
    story = given.story
    common = lower_case_words(
        [*story.article.sentences, *(s for c in given.linked for s in c.wire.article.sentences)]
    )
    wire_quotes: list[Quote] = []
    said: list[tuple[Quote, Speakers]] = []
    owner: list[int] = []  # the comparison of each wire quotation, by its place in given.linked
    for c, comparison in enumerate(given.linked):
        sentences = comparison.wire.article.sentences
        quotes = find_quotes(sentences)
        speakers = Speakers.of(sentences, common)
        wire_quotes += quotes
        said += [(q, speakers) for q in quotes]
        owner += [c] * len(quotes)
    story_speakers = Speakers.of(story.article.sentences, common)
    index = WireQuotes(wire_quotes)
    # The quotations of each wire sentence, by comparison: (c, sentence) -> their places.
    in_sentence: dict[tuple[int, int], list[int]] = {}
    for k, wire in enumerate(wire_quotes):
        in_sentence.setdefault((owner[k], wire.sentence), []).append(k)
    # The wire sentences each story sentence is linked to, per comparison: their quotations are
    # the counterparts of the story sentence's.
    linked: dict[int, set[tuple[int, int]]] = {}
    for c, comparison in enumerate(given.linked):
        for link in comparison.alignment.links:
            for t in link.target:
                linked.setdefault(t, set()).update((c, w) for w in link.source)
    out = []
    for quote in find_quotes(story.article.sentences):
        places = sorted(k for key in linked.get(quote.sentence, ()) for k in in_sentence.get(key, ()))
        alteration = altered_from(quote, index, [wire_quotes[k] for k in places])
        if alteration is not None:
            wire, what = alteration.wire, (
                f"the story has “{alteration.story_excerpt}” where the wire has “{alteration.wire_excerpt}”"
            )
        elif (moved := misattributed(quote, story_speakers, said, index)) is not None:
            wire, what = moved.wire, (
                f"the story gives “{moved.excerpt}” to {moved.story_speaker} where the wire gives it to "
                f"{moved.wire_speaker}"
            )
        else:
            continue
        comparison = given.linked[owner[index.place(wire)]]
        source = comparison.wire
        level, note = _against(comparison, severity)
        message = f"quotation differs from {_copy(source)}: {what}{note}"
        line = story.line_of(quote.text, quote.sentence)
        out.append(
            Finding(story.path, line, Rule.ALTERED_QUOTE, level, message, source.agency, source.article.path)
        )
    return out


def changed_figure(given: RuleInput, severity: Severity) -> list[Finding]:
    """A number, amount or date in a reused sentence that differs from the wire's (check.figures)."""
    story = given.story
    seen: set[tuple[int, str]] = set()
    out = []
    for change in figure_changes(story.article, given.linked):
        if (change.sentence, change.story.text) in seen:
            continue
        seen.add((change.sentence, change.story.text))
        source = change.comparison.wire
        level, note = _against(change.comparison, severity)
        mine, theirs = change.written
        message = (
            f"figure differs from {_copy(source)}: the story has “{mine}” where the wire has “{theirs}”{note}"
        )
        line = story.line_of(change.story.text, change.sentence)
        out.append(
            Finding(story.path, line, Rule.CHANGED_FIGURE, level, message, source.agency, source.article.path)
        )
    return out


#: Every rule, in Rule order: what it finds, its default severity, its function.
RULES: dict[Rule, RuleSpec] = {
    Rule.UNCREDITED_REUSE: RuleSpec(
        "The story reuses an agency's copy without crediting the agency.", Severity.ERROR, uncredited_reuse
    ),
    Rule.ALTERED_QUOTE: RuleSpec(
        "A quotation differs in its words, or in who says it, from the same quotation in the wire copy.",
        Severity.ERROR,
        altered_quote,
    ),
    Rule.CHANGED_FIGURE: RuleSpec(
        "A number, amount or date in a reused sentence differs from the wire copy.",
        # Figures are updated legitimately (a toll rises): a warning unless a newsroom says otherwise.
        Severity.WARNING,
        changed_figure,
    ),
}
