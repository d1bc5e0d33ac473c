"""The derived-or-independent judgement against several versions of one story taken together."""

from __future__ import annotations

from provtrace.align.features import sentence_features
from provtrace.check.judge import profiles_of
from provtrace.infer.judgement import judge_union, probability, union_features

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
    assert probability(union_features(story, [first], profiles)) < 0.5
    assert probability(union_features(story, [second], profiles)) < 0.5
    together = judge_union(story, [first, second], profiles)
    assert together.derived
    assert "taken together with the other versions of its story (wire-1, wire-2)" in together.evidence[0]
