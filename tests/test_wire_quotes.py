"""check.quotes.WireQuotes: a story quotation is compared with the wire quotations that can match
it, found through the words they hold; what it finds is what comparing it with every one finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from provtrace.check.quotes import (
    Quote,
    Speakers,
    WireQuotes,
    _best_match,
    _in_runs,
    _segments,
    altered_from,
    find_quotes,
    is_faithful,
    misattributed,
)
from provtrace.models import Sentence

#: Few words, some of them stopwords and a negation, so that runs and cuts recur by chance.
_WORDS = ["we", "are", "not", "going", "back", "the", "harbour", "will", "close", "today", "never"]

_quote_text = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=9).map(" ".join)


def _quotes(texts: list[str]) -> tuple[Quote, ...]:
    return find_quotes([Sentence(i, f"“{text}”, she said.") for i, text in enumerate(texts)])


def _contains(haystack: tuple[str, ...] | list[str], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(tuple(haystack[k : k + n]) == needle for k in range(len(haystack) - n + 1))


@settings(max_examples=300, deadline=None)
@given(st.lists(_quote_text, min_size=1, max_size=8), _quote_text.map(lambda t: t.replace(" ", " … ", 1)))
def test_the_index_finds_what_reading_every_quotation_finds(wire_texts: list[str], story_text: str) -> None:
    wire = _quotes(wire_texts)
    index = WireQuotes(wire)
    (story,) = _quotes([story_text])
    segments = _segments(story.text)
    stream = [w for q in wire for w in q.words]
    assert index.faithful(story) == all(_contains(stream, s) for s in segments) == is_faithful(story, stream)
    assert index.holding(story) == [n for n, q in enumerate(wire) if all(_contains(q.words, s) for s in segments)]
    first = segments[0]
    assert index.starts(first) == [
        (n, k)
        for n, q in enumerate(wire)
        for k in range(len(q.words) - len(first) + 1)
        if q.words[k : k + len(first)] == first
    ]
    # The wire quotation a story quotation corresponds to is the same found among all of them.
    everyone = _best_match(story, wire, _in_runs(story))
    sharing = _best_match(story, index.in_runs(story.words, max(2, 0.6 * len(story.words))), _in_runs(story))
    assert (everyone and everyone[:2]) == (sharing and sharing[:2])
    assert altered_from(story, index) == altered_from(story, wire)
    assert [index.place(q) for q in wire] == [
        next(k for k, other in enumerate(wire) if other is q) for q in wire
    ]


def test_a_quotation_found_across_two_wire_quotations_is_faithful() -> None:
    """The wire is read as one stream of quoted words: a story may join two quotations."""
    wire = _quotes(["we are going", "back today"])
    (story,) = _quotes(["going back today"])
    assert WireQuotes(wire).faithful(story)
    assert altered_from(story, WireQuotes(wire)) is None


def test_misattribution_is_found_through_the_index() -> None:
    common = frozenset({"said", "she", "he"})
    wire_sentences = [Sentence(0, "“The harbour will close today for good,” Ana Varela said.")]
    story_sentences = [Sentence(0, "“The harbour will close today for good,” Jose Mora said.")]
    wire = find_quotes(wire_sentences)
    said = [(q, Speakers.of(wire_sentences, common)) for q in wire]
    (story,) = find_quotes(story_sentences)
    mine = Speakers.of(story_sentences, common)
    found = misattributed(story, mine, said, WireQuotes(wire))
    assert found is not None and (found.story_speaker, found.wire_speaker) == ("Jose Mora", "Ana Varela")
    assert misattributed(story, mine, said) == found
