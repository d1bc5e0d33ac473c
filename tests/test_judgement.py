"""The derived-or-independent judgement against several versions of one story taken together."""

from __future__ import annotations

from provtrace.align.core import align_pair
from provtrace.align.features import sentence_features
from provtrace.check.judge import profiles_of
from provtrace.infer.judgement import (
    judge,
    judge_together,
    judge_union,
    linked_share,
    probability,
    taker,
    union_features,
)
from provtrace.models import Article
from provtrace.options import TraceOptions

from .helpers import EXTRA, WIRE, article

OWN = [
    "The port was privatised in 2009 amid protests from the same union.",
    "Its East terminal was rebuilt after a fire four years ago at a cost of millions.",
    "Strikes in 2015 and 2018 ended after short talks with the authority.",
    "Local shopkeepers said trade had slowed sharply since the weekend.",
    *EXTRA,
    "Residents of the dock district have long complained about noise from night shifts.",
    "Economists doubt that automation alone can make the harbour competitive again.",
    "Tourism officials fear cruise ships will skip the city if the dispute drags on.",
    "Several shipping agents have moved staff to offices in the capital for now.",
    "A court hearing on the legality of the strike is set for next month.",
]
MORE = [
    "Customs officers said inspections of refrigerated cargo had been suspended until further notice.",
    "A spokesman for the port authority declined to say when the talks might resume.",
    "Truck drivers queued for several kilometres along the coastal highway waiting to unload.",
    "Fishing crews moored at the inner harbour said they had not been affected so far.",
    "The opposition called on the government to publish the automation plan in full.",
    "Insurance brokers estimated the losses at several million dollars a day.",
    "The walkout is the longest at the port since the dispute over pensions a decade ago.",
    "Union organisers said they would hold a rally outside the ministry on Thursday.",
]


def test_a_story_compiled_from_two_agency_items_is_derived_from_them_together_not_from_either() -> None:
    first = article("wire-1", [WIRE[0], WIRE[1], WIRE[2], WIRE[3], *MORE[:5]], owns="PA")
    second = article("wire-2", [WIRE[0], WIRE[1], WIRE[4], WIRE[5], MORE[1], *MORE[5:]])
    story = article(
        "story",
        [OWN[0], WIRE[2], OWN[1], WIRE[3], OWN[2], OWN[3], WIRE[4], OWN[4], OWN[5], WIRE[5], *OWN[6:]],
    )
    articles = [first, second, story]
    profiles = profiles_of(articles, {a.id: sentence_features(a) for a in articles})
    one, two = (align_pair(wire, story, TraceOptions())[0] for wire in (first, second))
    assert probability(union_features(story, [first], profiles, [one])) < 0.5
    assert probability(union_features(story, [second], profiles, [two])) < 0.5
    together = judge_union(story, [first, second], profiles, [one, two])
    assert together.derived
    assert "taken together with the other versions of its story (wire-1, wire-2)" in together.evidence[0]


def test_a_text_s_linked_share_counts_each_of_its_sentences_once_whichever_side_it_is_on() -> None:
    wire = article("wire", [WIRE[0], WIRE[1], WIRE[2], WIRE[3]])
    story = article("story", [WIRE[0], OWN[0], WIRE[1], OWN[1], OWN[2], WIRE[2], OWN[3], OWN[4]])
    alignment = align_pair(wire, story, TraceOptions())[0]
    assert linked_share(story, [alignment]) == 3 / 8
    assert linked_share(story, [alignment.reversed()]) == 3 / 8
    assert linked_share(story, [alignment, alignment]) == 3 / 8
    assert linked_share(wire, [alignment]) == 3 / 4


def test_the_cut_decides_the_call_and_leaves_the_probability_alone() -> None:
    """check calls derived from a higher probability than trace; the probability is the same."""
    wire = article("wire", [WIRE[0], WIRE[1], WIRE[2], WIRE[3], *MORE[:4]])
    story = article("story", [WIRE[0], OWN[0], WIRE[1], OWN[1], OWN[2], OWN[3], OWN[4], OWN[5]])
    profiles = profiles_of([wire, story], {a.id: sentence_features(a) for a in (wire, story)})
    alignment = align_pair(wire, story, TraceOptions())[0]
    low = judge(wire, story, profiles, 0.5, alignment, cut=0.0)
    high = judge(wire, story, profiles, 0.5, alignment, cut=1.0)
    assert low.probability == high.probability and 0 < low.probability < 1
    assert low.derived and not high.derived


#: WIRE[:4] retold in other words: no run of five words in common, the same facts and word choices.
REWORDED = [
    "Port Selwyn dockworkers staged a walkout Sunday once wage negotiations with the authority broke down.",
    "As many as 900 jobs at East and West terminals would go under the automation plan, according to the union.",
    "Police briefly held thirty-two strikers following scuffles by the North Terminal gates.",
    "Roses weighing 40 tonnes were spoiling on the quays in refrigerated containers, flower exporters warned.",
]


def _sources_of(story: Article, wire: list[Article], probabilities: list[float]) -> list[str]:
    articles = [*wire, story]
    profiles = profiles_of(articles, {a.id: sentence_features(a) for a in articles})
    alignments = [align_pair(w, story, TraceOptions())[0] for w in wire]
    together = judge_together(story, wire, probabilities, profiles, alignments)
    assert together.judgement.derived
    return [wire[k].id for k in together.sources]


def test_of_equally_probable_sources_sharing_no_run_the_earliest_dated_is_taken_whatever_the_order() -> None:
    late = article("a-wire", WIRE[:4], published="2024-05-02")
    early = article("b-wire", WIRE[:4], published="2024-05-01")
    story = article("story", REWORDED)
    assert _sources_of(story, [late, early], [0.4, 0.4]) == ["b-wire"]
    assert _sources_of(story, [early, late], [0.4, 0.4]) == ["b-wire"]


def test_of_equally_probable_undated_sources_the_smallest_id_is_taken_and_a_dated_one_before_it() -> None:
    first, second = article("a-wire", WIRE[:4]), article("b-wire", WIRE[:4])
    story = article("story", REWORDED)
    assert _sources_of(story, [second, first], [0.4, 0.4]) == ["a-wire"]
    dated = article("c-wire", WIRE[:4], published="2024-05-01")
    assert _sources_of(story, [second, first, dated], [0.4, 0.4, 0.4]) == ["c-wire"]


def test_the_most_probable_source_is_taken_before_an_earlier_one() -> None:
    early = article("a-wire", WIRE[:4], published="2024-05-01")
    late = article("b-wire", WIRE[:4], published="2024-05-02")
    assert _sources_of(article("story", REWORDED), [early, late], [0.3, 0.4]) == ["b-wire"]


def test_of_an_agency_copy_and_another_text_the_other_text_s_wording_is_measured_else_the_shorter() -> None:
    """As check measures its story against the wire: outlets take from agencies."""
    wire = article("wire", [WIRE[0], WIRE[1]], owns="PA")
    story = article("story", [WIRE[0], WIRE[1], *OWN])
    assert taker(wire, story) is story and taker(story, wire) is story
    assert taker(article("a", [WIRE[0]]), story) is None


def test_the_evidence_names_the_shorter_text_whose_words_are_measured() -> None:
    wire = article("wire", [WIRE[0], WIRE[1], WIRE[2], WIRE[3], *MORE[:4]])
    story = article("story", [WIRE[0], OWN[0], WIRE[1]])
    profiles = profiles_of([wire, story], {a.id: sentence_features(a) for a in (wire, story)})
    alignment = align_pair(wire, story, TraceOptions())[0]
    for a, b in ((wire, story), (story, wire)):
        said = judge(a, b, profiles, 0.5, alignment).evidence[-1]
        assert "of story’s words (the shorter text’s, outside quotations)" in said, said
    assert "of wire’s words (outside quotations)" in judge(wire, story, profiles, 0.5, alignment, text=wire).evidence[-1]


def test_an_articles_wording_is_read_from_its_own_sentences_whatever_its_id() -> None:
    """The wording kept for an article (by the identity of its sentences) is never another's: two
    articles with one id and other sentences, judged in turn, each have their own."""
    from provtrace.infer import judgement

    first = article("a", WIRE)
    again = article("a", OWN)
    assert judgement._wording(first) == judgement._wording_of("\n".join(WIRE))
    assert judgement._wording(again) == judgement._wording_of("\n".join(OWN))
    assert judgement._wording(first) is judgement._wording(first)  # kept, not read again
    assert judgement._wording(first).size != judgement._wording(again).size
