"""The figures a story changed from the wire copy it reuses: what the changed-figure rule reports.

Each link between story and wire sentences is read as trace reads it for its number
and date flags (align.figurepairs): a story figure standing where the wire sentence
had another figure of its kind is a change. A story figure that a sentence of another
linked wire article (another version of the copy: a toll updated from 23 to 25) has in
the same place, or holds without another figure in its place, is right, whichever
version is compared.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from provtrace.align.figurepairs import joined, pair_figures
from provtrace.align.figures import Figure, find_figures
from provtrace.check.model import Comparison
from provtrace.models import Article, LinkKind


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A figure of a story sentence that stands where a wire sentence linked to it had another."""

    sentence: int  # the story sentence it is in
    story: Figure  # where it stands, within that sentence
    wire: Figure
    comparison: Comparison  # the wire article of that sentence

    @property
    def written(self) -> tuple[str, str]:
        """The two figures as a message quotes them: with their units where only a unit differs."""
        if self.story.value == self.wire.value:  # "nine days" and "nine weeks"
            return self.story.shown, self.wire.shown
        return self.story.text, self.wire.text


def figure_changes(story: Article, linked: Sequence[Comparison]) -> list[FigureChange]:
    """The changed figures of story against the wire articles linked to it, link by link in order.

    A story figure is right when some linked wire sentence vouches for it: pairs it with an
    equal figure, or holds its value without pairing it with another (a figure moved, or read
    as another kind there). One that a link pairs with another figure is reported otherwise.
    """
    right: set[tuple[int, int]] = set()  # (sentence, start) of the story figures some link vouches for
    changes: list[FigureChange] = []
    for comparison in linked:
        wire = comparison.wire.article.sentences
        for link in comparison.alignment.links:
            texts = [story.sentences[j].text for j in link.target]
            starts = [sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts))]
            # Joined by line breaks, as trace joins a link's sentences to read its flips.
            wire_text, story_text = "\n".join(wire[i].text for i in link.source), "\n".join(texts)
            close = link.kind is not LinkKind.PARAPHRASE
            paired = {p.new.start: p for p in pair_figures(wire_text, story_text, close=close)}
            held = {f.value for f in find_figures(wire_text)}
            found: list[tuple[Figure, Figure]] = []
            for figure in find_figures(story_text):
                n = bisect_right(starts, figure.start) - 1
                pair = paired.get(figure.start)
                if pair is not None and pair.changed:
                    found.append((figure, pair.old))
                elif pair is not None or figure.value in held:
                    right.add((link.target[n], figure.start - starts[n]))
            for figure, old in _whole_scores(found, story_text, wire_text):
                n = bisect_right(starts, figure.start) - 1
                mine = replace(figure, start=figure.start - starts[n], end=figure.end - starts[n])
                changes.append(FigureChange(link.target[n], mine, old, comparison))
    return [c for c in changes if (c.sentence, c.story.start) not in right]


def _whole_scores(
    found: Sequence[tuple[Figure, Figure]], story_text: str, wire_text: str
) -> list[tuple[Figure, Figure]]:
    """The changed (story, wire) figures, those of a score whose two figures traded places ("5-2"
    made "2-5") made one change quoting the whole score, not two (figurepairs.joined)."""
    out: list[tuple[Figure, Figure]] = []
    for figure, old in found:
        if out:
            first, first_old = out[-1]
            swapped = figure.value == first_old.value and old.value == first.value
            if swapped and joined(story_text, first, figure) and joined(wire_text, first_old, old):
                story = replace(first, text=story_text[first.start : figure.end], end=figure.end)
                out[-1] = (story, replace(first_old, text=wire_text[first_old.start : old.end], end=old.end))
                continue
        out.append((figure, old))
    return out
