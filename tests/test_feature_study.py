"""The feature study and the METER failure sorter (benchmarks/): their pure pieces on made-up inputs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from provtrace.models import Alignment, Link, LinkKind

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fs = _load("feature_study")
mf = _load("meter_failures")


def test_greedy_string_tiling_covers_each_word_once_and_only_in_tiles_long_enough() -> None:
    story = ["the", "cat", "sat", "on", "the", "mat", "today"]
    source = ["yesterday", "the", "cat", "sat", "on", "a", "mat"]
    assert fs.gst(story, [source], 3) == 4 / 7  # "the cat sat on"; "mat" alone is too short
    assert fs.gst(story + story[:4], [source], 3) == 4 / 11  # the source's words tile once


def test_tiles_never_cross_from_one_source_into_the_next() -> None:
    story = ["alpha", "beta", "gamma", "delta"]
    assert fs.gst(story, [["alpha", "beta"], ["gamma", "delta"]], 3) == 0.0


def test_auc_counts_ties_as_half() -> None:
    assert fs.auc([0.9, 0.5, 0.5], [True, True, False]) == 0.75


def _alignment(spots: list[tuple[int, int]]) -> Alignment:
    links = tuple(Link((s,), (t,), LinkKind.VERBATIM, 1.0, False) for s, t in spots)
    return Alignment("wire", "story", links, (), ())


def test_order_is_one_when_the_story_keeps_the_source_order_and_minus_one_when_reversed() -> None:
    assert fs.order([_alignment([(0, 0), (1, 1), (2, 2)])], "story") == 1.0
    assert fs.order([_alignment([(0, 2), (1, 1), (2, 0)])], "story") == -1.0
    assert fs.order([_alignment([(0, 0)])], "story") == 0.0


def test_a_derived_story_hanging_above_its_wire_item_is_reversed() -> None:
    found = {"edges": [("story", "pa1", 0.7)], "related": [("pa1", True, 0.8)]}
    assert mf.classify("story", {"pa1"}, True, found) == "reversed"


def test_a_derived_story_judged_derived_but_not_in_the_tree_is_told_apart_from_one_judged_independent() -> (
    None
):
    no_edge = {"edges": [], "related": [("pa1", True, 0.6)]}
    independent = {"edges": [], "related": [("pa1", False, 0.3), ("pa2", False, 0.4)]}
    assert mf.classify("story", {"pa1"}, True, no_edge) == "judged derived, no edge"
    assert mf.classify("story", {"pa1", "pa2"}, True, independent) == "judged independent (highest p 0.40)"
    assert mf.classify("story", {"pa1"}, True, {"edges": [], "related": []}) == "not related"


def test_stories_trace_gets_right_have_no_reason() -> None:
    under = {"edges": [("pa1", "story", 0.9)], "related": [("pa1", True, 0.9)]}
    apart = {"edges": [], "related": [("pa1", False, 0.2)]}
    assert mf.classify("story", {"pa1"}, True, under) is None
    assert mf.classify("story", {"pa1"}, False, apart) is None
    linked = mf.classify("story", {"pa1"}, False, under)
    assert linked == "judged derived (p 0.90, edge confidence 0.90)"
