"""Moved sentences: a leftover pair linked out of story order only when a figure pins it down."""

from __future__ import annotations

from provtrace.align.core import align_pair
from provtrace.align.features import Prepared, prepare, sentence_features, vocabulary_of
from provtrace.align.moved import link_moved
from provtrace.align.normalize import Features
from provtrace.align.scoring import score_candidates
from provtrace.options import TraceOptions

from .helpers import article

SOURCE = [
    "Dockworkers at Port Selwyn walked out on Sunday after wage talks collapsed.",
    "Thirty-two strikers were detained in the clashes at the gates on Monday, the police said.",
    "The union wants a raise of nine percent over two years for its members.",
    "Shipping lines have begun diverting their vessels to the rival harbour of Puerto Cabral.",
    "Labour Minister Carla Montiel will meet the union leaders on Wednesday morning.",
]
TARGET = [
    "Port Selwyn dockworkers stopped work on Sunday when the wage negotiations broke down.",
    "Their union is asking for a nine percent raise spread across two years.",
    "Carriers are sending their ships to Puerto Cabral, the rival harbour, instead.",
    "Minister Carla Montiel is due to sit down with union leaders on Wednesday morning.",
    "After the clashes, in which the police say 32 strikers were held, Mayor Elena Ruiz went on television "
    "to urge calm and promised an inquiry into the conduct of her officers.",
]
#: The in-order links of the pair above (source, target), as the earlier steps would leave them.
ORDERED = {(0, 0), (2, 1), (3, 2), (4, 3)}


def _prepared(source: list[str], target: list[str]) -> tuple[Prepared, Prepared, dict[tuple[int, int], float]]:
    a, b = article("a", source), article("b", target)
    known: dict[str, Features] = {}
    feats = sentence_features(a, known), sentence_features(b, known)
    vocab = vocabulary_of(feats)
    src, tgt = prepare(a, vocab, feats[0]), prepare(b, vocab, feats[1])
    return src, tgt, score_candidates(src, tgt, None, TraceOptions()).weak


def _link(
    source: list[str], target: list[str], linked: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    src, tgt, weak = _prepared(source, target)
    pairs = set(linked)
    link_moved(pairs, {i for i, _ in pairs}, {j for _, j in pairs}, src, tgt, weak)
    return pairs - linked


def test_a_moved_sentence_sharing_a_figure_with_a_leftover_is_linked_out_of_order() -> None:
    assert _link(SOURCE, TARGET, ORDERED) == {(1, 4)}


def test_a_pair_alignment_links_a_moved_sentence_too_weak_for_an_ordinary_link() -> None:
    """Its counterpart tells much more besides, and sits outside the story order."""
    alignment = align_pair(article("a", SOURCE), article("b", TARGET), TraceOptions())[0]
    assert {(link.source, link.target) for link in alignment.links} == {
        ((0,), (0,)), ((1,), (4,)), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))
    }


def test_two_leftovers_sharing_only_common_words_are_not_linked() -> None:
    """Most of the second is in the first, but no figure pins them together."""
    target = [
        *TARGET[:4],
        "Police were at the gates again on Monday, where the clashes had started.",
    ]
    assert _link(SOURCE, target, ORDERED) == set()


def test_a_shared_figure_and_one_shared_word_are_chance() -> None:
    target = [*TARGET[:4], "32. Strikers."]
    assert _link(SOURCE, target, ORDERED) == set()


def test_a_figure_that_another_sentence_also_holds_does_not_pin_a_pair() -> None:
    source = [*SOURCE[:4], "Labour Minister Carla Montiel will meet 32 union leaders on Wednesday morning."]
    assert _link(source, TARGET, ORDERED) == set()


def test_no_moved_link_when_the_rest_of_the_pair_does_not_keep_story_order() -> None:
    """Independent reports of one event share figures but tell them in their own order."""
    scrambled = {(0, 3), (2, 2), (3, 0), (4, 1)}
    assert _link(SOURCE, TARGET, scrambled) == set()


def test_no_moved_link_when_too_few_links_show_an_order() -> None:
    assert _link(SOURCE, TARGET, {(0, 0), (2, 1)}) == set()
