"""A pair judged derived whose texts are not both in the tree says why no edge joins them."""

from __future__ import annotations

from provtrace.infer.direction import Direction
from provtrace.infer.unplaced import explain_between, explain_unplaced
from provtrace.models import Derivation, Edge, Related, Relation


def _direction(weight: float) -> Direction:
    return Direction("a", "b", 0.6, weight, ("b lacks what a has",))


def _related() -> dict[tuple[str, str], Related]:
    return {
        ("a", "b"): Related("a", "b", Derivation.DERIVED, 0.58, ("a run of wording",)),
        ("a", "c"): Related("a", "c", Derivation.INDEPENDENT, 0.2, ("nothing shared",)),
    }


def test_a_derived_pair_under_the_edge_floor_says_so_with_its_figures() -> None:
    d = _direction(0.07)
    out = explain_unplaced(_related(), set(), {("a", "b"): d}, {}, lambda d: d.explained, 0.08)
    said = out["a", "b"].evidence
    assert said[0] == "a run of wording"
    assert said[1].startswith("not drawn in the tree: the evidence for a → b is too weak to draw an edge")
    assert "strength 0.070, under the 0.08 an edge needs" in said[1]
    assert out["a", "c"] == _related()["a", "c"]  # an independent pair is no edge by design


def test_a_strength_just_under_the_floor_is_never_shown_as_reaching_it() -> None:
    d = _direction(0.07999)
    out = explain_unplaced(_related(), set(), {("a", "b"): d}, {}, lambda d: d.explained, 0.08)
    assert "strength 0.079, under the 0.08" in out["a", "b"].evidence[1]


def test_a_candidate_edge_the_tree_did_not_keep_is_told_apart_from_one_too_weak() -> None:
    d = _direction(0.3)
    out = explain_unplaced(_related(), {"a"}, {("a", "b"): d}, {("a", "b"): 0.3}, lambda d: d.explained, 0.08)
    assert (
        "was a candidate edge (strength 0.300), but the tree kept other parents" in out["a", "b"].evidence[1]
    )


def test_a_derived_pair_with_both_texts_in_the_tree_is_left_as_it_is() -> None:
    d = _direction(0.07)
    out = explain_unplaced(_related(), {"a", "b"}, {("a", "b"): d}, {}, lambda d: d.explained, 0.08)
    assert out == _related()


def _edge(parent: str, child: str) -> Edge:
    return Edge(parent, child, Relation.REWRITE, 0.8, ("evidence",))


def _named(node: str) -> str:
    return "an unseen Reuters original" if node == "unseen:reuters" else node


def test_siblings_judged_derived_say_the_tree_puts_both_under_their_common_source() -> None:
    # seeds 003 and 000: the pair judgement says derived, the tree hangs both from Reuters.
    edges = [_edge("unseen:reuters", "a"), _edge("unseen:reuters", "b")]
    out = explain_between(_related(), edges, _named)
    assert out["a", "b"].evidence == (
        "a run of wording",
        "no edge between them in the tree: both derive from an unseen Reuters original, "
        "from which the wording they share can come",
    )
    assert out["a", "c"] == _related()["a", "c"]


def test_a_derived_pair_joined_through_a_middle_text_names_it() -> None:
    out = explain_between(_related(), [_edge("a", "m"), _edge("m", "b")], _named)
    assert out["a", "b"].evidence[-1] == "no edge between them in the tree: b derives from a through m"


def test_a_pair_joined_by_an_edge_or_in_separate_trees_is_left_as_it_is() -> None:
    assert explain_between(_related(), [_edge("b", "a")], _named) == _related()
    assert explain_between(_related(), [_edge("x", "a"), _edge("y", "b")], _named) == _related()


def test_a_path_through_an_edge_of_unknown_direction_says_the_tree_is_only_drawn_so() -> None:
    # New-user review, session 16: with both edges undecided, the pair's evidence still read
    # "c derives from a through b".
    from dataclasses import replace

    edges = [_edge("a", "m"), replace(_edge("m", "b"), direction_known=False)]
    said = explain_between(_related(), edges, _named)["a", "b"].evidence[-1]
    assert said == (
        "no edge between them in the tree: b derives from a through m "
        "(as the tree is drawn: which came first cannot be told at every step)"
    )
    siblings = [replace(_edge("s", "a"), direction_known=False), _edge("s", "b")]
    assert explain_between(_related(), siblings, _named)["a", "b"].evidence[-1].endswith("at every step)")
    assert not explain_between(_related(), [_edge("s", "a"), _edge("s", "b")], _named)["a", "b"].evidence[
        -1
    ].endswith("at every step)")
