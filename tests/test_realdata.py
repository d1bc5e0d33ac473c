"""The real-corpora benchmark: its scoring functions on made-up inputs, and its output on a slice.

No accuracy threshold is asserted: the benchmark measures, the tests keep its arithmetic honest.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realdata", ROOT / "benchmarks" / "realdata.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["realdata"] = module
    spec.loader.exec_module(module)
    return module


rd = _load_benchmark()
CORPORA = next((p for p in rd.CORPORA_PLACES if p.is_dir()), None)


def test_binary_scores_count_both_classes() -> None:
    scores = rd.binary_scores([True, True, False, False], [True, False, True, False])
    assert scores["confusion"] == {"tp": 1, "fp": 1, "fn": 1, "tn": 1}
    assert scores["derived"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert scores["non_derived"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert scores["macro_f1"] == 0.5


def test_everything_called_derived_gives_the_non_derived_class_zero() -> None:
    scores = rd.binary_scores([True, False, False], [True, True, True])
    assert scores["derived"]["p"] == pytest.approx(0.3333)
    assert scores["non_derived"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_a_story_is_under_a_pa_item_through_an_intermediate_parent() -> None:
    edges = [("pa1", "pa2", 0.9), ("pa2", "story", 0.8)]
    assert rd.ancestors(edges, "story") == {"pa1", "pa2"}
    assert rd.ancestors(edges, "pa1") == set()


def test_a_pa_item_under_the_story_is_linked_but_not_above_it() -> None:
    edges = [("story", "pa1", 0.6)]
    assert rd.linked(edges, "story", {"pa1"})
    assert not rd.ancestors(edges, "story") & {"pa1"}
    assert not rd.linked(edges, "story", {"pa2"})


def test_ntrex_tree_is_right_only_with_both_translations_under_english_as_siblings() -> None:
    assert rd.ntrex_tree_right([("en", "es", 0.9), ("en", "es-mx", 0.9)])
    assert not rd.ntrex_tree_right([("en", "es", 0.9), ("es", "es-mx", 0.9)])
    assert not rd.ntrex_tree_right([("en", "es", 0.9), ("en", "es-mx", 0.9), ("es", "es-mx", 0.5)])
    assert not rd.ntrex_tree_right([("es", "en", 0.9), ("en", "es-mx", 0.9)])


def test_a_sentence_maps_to_the_segment_it_overlaps_most_and_to_segments_it_contains() -> None:
    segments = ["The mayor spoke today.", "She said taxes would rise.", "Nobody else came."]
    sentences = ["The mayor spoke today and she said taxes would rise.", "Nobody came.", "Zzz."]
    assert rd.sentence_segments(sentences, segments) == [(0, 1), (2,), ()]


def test_sentence_links_become_segment_pairs_through_both_maps() -> None:
    links = [([0], [0, 1]), ([1], [2])]
    source_map = [(0,), (1, 2)]
    target_map = [(0,), (1,), ()]
    assert rd.segment_pairs(links, source_map, target_map) == {(0, 0), (0, 1)}


def test_reliability_bins_and_calibration_error() -> None:
    points = [(0.95, True), (0.95, False), (0.15, False), (1.0, True)]
    result = rd.reliability(points)
    top, low = result["bins"][9], result["bins"][1]
    assert (top["n"], top["confidence"], top["accuracy"]) == (3, pytest.approx(0.9667), pytest.approx(0.6667))
    assert (low["n"], low["confidence"], low["accuracy"]) == (1, 0.15, 0.0)
    assert result["ece"] == pytest.approx(3 / 4 * 0.3 + 1 / 4 * 0.15, abs=1e-3)


def test_reliability_of_nothing_has_no_calibration_error() -> None:
    assert rd.reliability([])["ece"] is None


@pytest.mark.parametrize(
    ("edge", "derived", "expected"),
    [
        (("pa1", "story", 0.7), True, True),
        (("pa1", "story", 0.7), False, False),
        (("story", "pa1", 0.7), True, False),
        (("pa1", "pa2", 0.7), True, None),
    ],
)
def test_meter_edge_correctness(edge: tuple[str, str, float], derived: bool, expected: bool | None) -> None:
    assert rd.meter_edge_correct(edge, "story", {"pa1", "pa2"}, derived) is expected


def test_ntrex_and_clough_edge_correctness() -> None:
    assert rd.ntrex_edge_correct(("en", "es", 0.5)) is True
    assert rd.ntrex_edge_correct(("es", "es-mx", 0.5)) is False
    assert rd.ntrex_edge_correct(("es", "en", 0.5)) is False
    assert rd.clough_edge_correct(("source", "answer", 0.5), True) is True
    assert rd.clough_edge_correct(("source", "answer", 0.5), False) is False
    assert rd.clough_edge_correct(("answer", "source", 0.5), True) is False


def test_absent_corpora_are_noted_and_nothing_is_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert rd.main(["--corpora", str(tmp_path / "nowhere")]) == 0
    assert "nothing scored" in capsys.readouterr().out
    doc = rd.run_all(tmp_path, ["meter", "clough"], [False], 1, None)
    assert doc["absent"] == ["meter", "clough"]
    assert doc["reliability"]["n"] == 0


@pytest.mark.skipif(CORPORA is None, reason="../shared/corpora is not present on this machine")
def test_a_slice_of_every_corpus_yields_every_figure() -> None:
    assert CORPORA is not None
    doc = rd.run_all(CORPORA, ["meter", "ntrex", "clough"], [False], 1, 2)
    assert doc["schema"] == "provtrace.realdata/1"
    assert doc["absent"] == []
    assert set(doc["meter"]["check"]) >= {"derived", "non_derived", "macro_f1"}
    assert doc["meter"]["check"]["n"] == 2
    assert [set(item) for item in doc["meter"]["items"]] == [
        {"story", "label", "under_pa", "linked", "edges", "check_derived"}
    ] * 2
    assert set(doc["meter"]["trace"]) >= {"derived_under_pa", "non_derived_unlinked"}
    assert set(doc["ntrex"]["default"]) == {"n", "trees_right", "links", "items", "check_derived"}
    assert [set(item["check_derived"]) for item in doc["ntrex"]["default"]["items"]] == [{"es", "es-mx"}] * 2
    assert set(doc["clough"]) >= {"derived_under_source", "non_unrelated", "right_by_label"}
    assert len(doc["reliability"]["bins"]) == 10
    assert set(doc["timings"]) == {"meter", "ntrex_default", "clough"}
    assert "expected calibration error" in rd.render(doc)
