"""Alignment: n:m links, reordering, partial reuse and honest added/dropped sets."""

from __future__ import annotations

from provtrace.align.core import PairResult, PairStats, align_articles, build_vocabulary
from provtrace.align.corpus import align_corpus, is_related
from provtrace.align.normalize import features
from provtrace.models import Alignment, Link, LinkKind
from provtrace.options import TraceOptions

from .helpers import FILLER, FULL, WIRE, article


def align(source: list[str], target: list[str]) -> Alignment:
    a, b = article("a", source), article("b", target)
    vocab = build_vocabulary([a, b, article("c", FILLER)])
    return align_articles(a, b, vocab, TraceOptions())[0]


def pairs(alignment: Alignment) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(link.source, link.target) for link in alignment.links}


def test_identical_sentences_link_as_verbatim() -> None:
    result = align(WIRE, WIRE)
    assert pairs(result) == {((i,), (i,)) for i in range(len(WIRE))}
    assert all(link.kind is LinkKind.VERBATIM for link in result.links)
    assert result.added == () and result.dropped == ()


def test_case_quote_dash_and_spacing_differences_still_count_as_verbatim() -> None:
    target = [
        "THIRTY-TWO strikers were briefly detained after scuffles  with police outside the "
        '"North Terminal" gates.',
        "Shipping lines have begun diverting vessels to Puerto Cabral -- a smaller harbour further south.",
    ]
    source = [*WIRE[:2], WIRE[2].replace("North Terminal", "“North Terminal”"), *WIRE[3:]]
    source[5] = source[5].replace(", a", " — a")
    result = align(source, target)
    assert [(l.source, l.kind) for l in result.links] == [
        ((2,), LinkKind.VERBATIM),
        ((5,), LinkKind.VERBATIM),
    ]


def test_a_number_written_in_digits_is_altered_but_not_a_changed_number() -> None:
    target = [
        "32 strikers were briefly detained after scuffles with police outside the North Terminal gates."
    ]
    result = align(WIRE, target)
    assert [(l.source, l.kind, l.changes) for l in result.links] == [((2,), LinkKind.ALTERED, ())]


def test_a_few_changed_words_make_an_altered_link() -> None:
    target = [
        "Dockworkers at Port Selwyn went on strike on Sunday after pay talks with the port authority broke down."
    ]
    result = align(WIRE, target)
    assert [(l.source, l.kind) for l in result.links] == [((0,), LinkKind.ALTERED)]


def test_new_wording_of_the_same_facts_is_a_paraphrase() -> None:
    target = [
        "Up to 900 jobs at the East and West terminals would go under the automation plan, the union argues."
    ]
    result = align(WIRE, target)
    assert [(l.source, l.kind) for l in result.links] == [((1,), LinkKind.PARAPHRASE)]


def test_moved_sentences_are_still_linked() -> None:
    target = [WIRE[5], WIRE[0], WIRE[3]]
    result = align(WIRE, target)
    assert pairs(result) == {((5,), (0,)), ((0,), (1,)), ((3,), (2,))}
    assert result.dropped == (1, 2, 4)


def test_two_source_sentences_merged_into_one_make_a_two_to_one_link() -> None:
    target = [
        "Labour Minister Carla Montiel will meet union leaders on Wednesday, while shipping lines "
        "have begun diverting vessels to Puerto Cabral."
    ]
    result = align(WIRE, target)
    assert pairs(result) == {((4, 5), (0,))}


def test_one_source_sentence_split_in_two_makes_a_one_to_two_link() -> None:
    target = [
        "Dockworkers at Port Selwyn walked out on Sunday.",
        "Their wage talks with the port authority had collapsed.",
    ]
    result = align(WIRE, target)
    assert pairs(result) == {((0,), (0, 1))}


def test_reuse_of_one_clause_is_a_partial_link() -> None:
    target = [
        "Thirty-two strikers were briefly detained after scuffles with police outside the North Terminal "
        "gates, and the city's mayor has called for calm in a televised address to residents of every district."
    ]
    result = align(WIRE, target)
    assert len(result.links) == 1
    assert result.links[0].source == (2,)
    assert result.links[0].partial


def test_a_rewording_that_keeps_every_claim_is_not_partial() -> None:
    # The examples' rewrite of the wire's economist sentence: each side reworded, one a little
    # longer, every claim kept. Only part of neither side is reused (review, session 12).
    source = [
        "Dr. Helena Prado, an economist at the National University of Marisca, said a prolonged "
        "stoppage could shave half a percentage point off growth this year."
    ]
    target = [
        "A drawn-out dispute could knock as much as half a point off the country's growth in 2026, "
        "warned Dr. Helena Prado, an economist at Marisca's national university."
    ]
    result = align(source, target)
    assert pairs(result) == {((0,), (0,))}
    assert not result.links[0].partial


def test_an_unrelated_sentence_is_left_unlinked_as_added() -> None:
    target = [WIRE[0], FILLER[0]]
    result = align(WIRE, target)
    assert pairs(result) == {((0,), (0,))}
    assert result.added == (1,)


def test_one_shared_common_word_does_not_make_a_link() -> None:
    target = ["The port of a distant country has opened a museum about its history of fishing."]
    assert align(WIRE, target).links == ()


def test_links_are_sorted_and_scores_are_in_range() -> None:
    result = align(WIRE, list(reversed(WIRE)))
    assert list(result.links) == sorted(result.links, key=lambda l: (l.source, l.target))
    assert all(0.0 <= l.score <= 1.0 for l in result.links)


LATER = [
    "Police said the thirty-two strikers detained outside the North Terminal gates were released by evening.",
    "Exporters said the roses spoiling in containers on the quays were worth more than a season of sales.",
    "Montiel said the capital meeting with union leaders would also cover the diverted shipping lines.",
]


def test_an_excerpt_aligns_one_to_one() -> None:
    """Later source sentences that share words with the excerpt's are not merged into them."""
    source = WIRE + LATER
    result = align(source, WIRE[:4])
    assert pairs(result) == {((i,), (i,)) for i in range(4)}
    assert all(link.kind is LinkKind.VERBATIM for link in result.links)
    assert result.dropped == tuple(range(4, len(source)))


def test_a_pairs_links_do_not_depend_on_the_rest_of_the_folder() -> None:
    """Aligning a pair among other articles gives the links and scores it gets on its own."""
    a = article("a", WIRE + LATER)
    b = article("b", [WIRE[5], WIRE[0], LATER[0], WIRE[3] + " " + LATER[2], FILLER[0]])
    alone = align_corpus([a, b], TraceOptions())
    others = [article(f"c{n}", [*FILLER, WIRE[n], LATER[n % 3]]) for n in range(4)]
    among = align_corpus([a, b, *others], TraceOptions())
    assert among.pairs["a", "b"] == alone.pairs["a", "b"]


def _long_story(repeats: int) -> list[str]:
    """The wire story repeated, each repeat's sentences made distinct by a serial number."""
    return [f"{s[:-1]} in report {n * 10 + k}." for n in range(repeats) for k, s in enumerate(WIRE)]


def test_a_long_pair_reports_its_progress_as_it_goes_up_to_every_sentence_of_both_sides() -> None:
    """The callback advances monotonically, more than once, and ends at the total (both sides' sentences)."""
    from provtrace.align.core import ALIGNING_SENTENCES, align_pair
    from provtrace.models import PROGRESS_EVERY

    source = _long_story(400)  # 2,400 sentences: several reports per side
    a, b = article("a", source), article("b", [s.replace(" the ", " a ", 1) for s in source])
    calls: list[tuple[str, int, int]] = []
    alignment, _ = align_pair(a, b, TraceOptions(), progress=lambda *call: calls.append(call))
    total = len(a.sentences) + len(b.sentences)
    assert {stage for stage, _, _ in calls} == {ALIGNING_SENTENCES}
    assert {t for _, _, t in calls} == {total}
    done = [d for _, d, _ in calls]
    assert done == sorted(done) and done[-1] == total
    assert len(calls) >= total // PROGRESS_EVERY  # it moved on the way, not only at the end
    assert alignment == align_pair(a, b, TraceOptions())[0]  # reporting changes nothing


def test_a_pair_gets_the_same_links_whichever_side_is_asked_as_the_source() -> None:
    """Aligning b from a is aligning a from b turned round: trace (smaller id first), diff and
    check (wire first) agree on a pair."""
    from provtrace.align.core import align_pair

    a = article("a", FULL)
    b = article("b", [WIRE[0], WIRE[2] + " " + WIRE[3], "A brand new closing line about the harbour."])
    forward, stats = align_pair(a, b, TraceOptions())
    backward, back_stats = align_pair(b, a, TraceOptions())
    assert backward.reversed() == forward
    assert back_stats.flipped() == stats


def _one_link(kind: LinkKind) -> PairResult:
    links = (Link((0,), (1,), kind, 0.85, False),)
    return PairResult(
        Alignment("source", "short", links, (0, 2, 3), tuple(range(1, 20))), PairStats(0.3, 0.1)
    )


def test_one_sentence_taken_with_its_wording_relates_a_short_text_and_one_paraphrase_does_not() -> None:
    """A text of four long sentences may keep the wording of only one (Clough's answers)."""
    source = article("source", [f"{FILLER[k % len(FILLER)]} ({k})" for k in range(20)])
    short = article("short", WIRE[:4])
    options = TraceOptions()
    assert is_related(_one_link(LinkKind.ALTERED), source, short, options)
    assert is_related(_one_link(LinkKind.VERBATIM), source, short, options)
    assert not is_related(_one_link(LinkKind.PARAPHRASE), source, short, options)
    longer = article("short", WIRE[:6])  # one sentence of six is below the share that relates
    assert not is_related(_one_link(LinkKind.ALTERED), source, longer, options)


def test_packed_features_unpack_to_the_features_they_were() -> None:
    from provtrace.align.features import pack_features, unpack_features

    texts = [
        "Police said 42 people were hurt in Lyon on Tuesday.",
        "« Nous ne céderons pas », a-t-il dit.",
        "",
    ]
    feats = tuple(features(t) for t in texts)
    assert unpack_features(pack_features(feats)) == feats


def test_a_vocabulary_from_stem_counts_weighs_as_one_from_the_texts() -> None:
    from provtrace.align.features import stem_counts, vocabulary_from, vocabulary_of

    texts = [
        [features("The minister resigned on Monday."), features("The minister denied it.")],
        [features("Shares fell after the minister resigned.")],
    ]
    counts: dict[str, int] = {}
    for text in texts:
        for stem, n in stem_counts(text).items():
            counts[stem] = counts.get(stem, 0) + n
    assert vocabulary_from(counts, 3) == vocabulary_of(texts)


def test_a_vocabulary_without_its_one_use_stems_weighs_every_counted_stem_the_same() -> None:
    """What a trace builds (once=False): the one-use stems not held, not one weight changed for them."""
    from provtrace.align.features import prepare, sentence_features, stem_counts, vocabulary_from

    story = article("a", ["The minister resigned on Monday.", "The minister denied it.", "Shares fell."])
    feats = sentence_features(story)
    counts = stem_counts(feats)
    full, lean = vocabulary_from(counts, 3), vocabulary_from(counts, 3, once=False)
    assert set(lean.weights) == {s for s, n in counts.items() if n > 1} != set(counts)
    assert {s: lean.weight(s) for s in counts} == {s: full.weight(s) for s in counts}
    assert lean.default == full.default and lean.rarer_than(2) == full.rarer_than(2)
    assert full.weight("unseen") == full.default  # only a full vocabulary tells an unseen stem
    assert prepare(story, lean, feats).bags == prepare(story, full, feats).bags


#: A speaker introduced with her title (0), then quoted (1, 2); the target names and describes
#: her again and restates only the quotations (the shape of seed 001's 38-40 and 003's 26).
_SPEAKER_SOURCE = [
    *WIRE[:3],
    "Maria Ortega, a historian at the National University of Lisbon who has studied the harbour "
    "records, said the legacy of the old guild rules is still visible in the northern docks, where "
    "its former clerks keep their posts.",
    "“The guild never managed to stop the strike, but it played a central part in keeping the dock "
    "board together,” Ortega said.",
    "“The arrangement worked remarkably well.”",
]
_SPEAKER_TARGET = [
    *WIRE[:3],
    "Maria Ortega, a historian at the National University of Lisbon, noted that while the guild "
    "failed to stop the strike, its arrangement played a central part in keeping the dock board intact.",
]


def test_naming_and_describing_a_speaker_is_not_content_that_links_a_sentence() -> None:
    """The sentence that introduced the speaker shares her name and title with the target, but none
    of its claims: the target links to the quotations it restates, not to it."""
    from provtrace.align.core import align_pair

    source, target = article("a", _SPEAKER_SOURCE), article("b", _SPEAKER_TARGET)
    result = align_pair(source, target, TraceOptions())[0]
    assert [link.source for link in result.links if link.target == (3,)] == [(4,)]
    assert 3 in result.dropped


def test_speaker_stems_are_the_words_that_only_name_or_describe_who_speaks() -> None:
    from provtrace.align.speakers import speaker_stems

    opening = speaker_stems(_SPEAKER_TARGET[3])
    assert {"maria", "ortega", "histor", "lisbon"} <= opening
    assert not opening & {"guild", "strike", "arrang", "board"}
    assert speaker_stems(_SPEAKER_SOURCE[4]) == {"ortega"}
    assert speaker_stems("The strike ended on Monday, Ortega said.") == {"ortega"}
    assert speaker_stems("The strike ended on Monday.") == frozenset()
    # A clause after the speaker goes on with the story: it is not taken as a description.
    assert speaker_stems("“We stay,” said Ortega, and the union voted to strike.") == frozenset()



def test_two_different_short_quotations_in_one_place_are_not_linked() -> None:
    # Review of session 15's fixes: the lone sentences of one place were linked on their shared
    # attribution ('"We will be back," she said' and '"We did all we could," she said').
    from provtrace.align.core import align_pair
    from provtrace.options import TraceOptions

    lines = [
        "The port authority said on Monday that talks with the dockworkers' union had failed again.",
        '"We will be back," she said.',
        "The strike has closed the North Terminal of the port for nine days and idled its cranes.",
    ]
    other = [lines[0], '"We did all we could," she said.', lines[2]]
    alignment, _ = align_pair(article("a", lines), article("b", other), TraceOptions())
    assert [(link.source, link.target) for link in alignment.links] == [((0,), (0,)), ((2,), (2,))]
