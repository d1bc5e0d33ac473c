"""The spill behind a streamed trace: texts back in key order, temporary files always removed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from provtrace.spill import Spill


def _keyed(n: int, seed: int = 1) -> list[tuple[tuple[str, ...], str]]:
    rng = random.Random(seed)
    return [((f"a{rng.randrange(50):02d}", f"b{rng.randrange(5)}"), f"text {k}") for k in range(n)]


def test_texts_come_back_in_key_order_ties_in_the_order_added(tmp_path: Path) -> None:
    """Across many spilled runs and what is still held: as a stable sort by key would give."""
    items = _keyed(500)
    with Spill(budget=200, folder=str(tmp_path)) as spill:
        for key, text in items:
            spill.add("edges", key, text)
        assert spill.runs > 10
        assert list(spill.sorted("edges")) == [t for _k, t in sorted(items, key=lambda kt: kt[0])]


def test_sections_are_sorted_each_on_its_own(tmp_path: Path) -> None:
    with Spill(budget=30, folder=str(tmp_path)) as spill:
        for key, text in _keyed(40, seed=2):
            spill.add("a", key, text)
            spill.add("b", (key[1], key[0]), text.upper())
        a, b = list(spill.sorted("a")), list(spill.sorted("b"))
    assert a == [t for _k, t in sorted(_keyed(40, seed=2), key=lambda kt: kt[0])]
    assert b == [t.upper() for _k, t in sorted(_keyed(40, seed=2), key=lambda kt: (kt[0][1], kt[0][0]))]
    assert list(Spill().sorted("nothing")) == []


def test_nothing_is_written_while_the_texts_fit_the_budget(tmp_path: Path) -> None:
    with Spill(budget=10_000, folder=str(tmp_path)) as spill:
        for key, text in _keyed(100):
            spill.add("edges", key, text)
        assert spill.runs == 0 and not list(tmp_path.iterdir())
        assert len(list(spill.sorted("edges"))) == 100


def test_the_temporary_files_go_on_close_and_on_an_error(tmp_path: Path) -> None:
    spill = Spill(budget=10, folder=str(tmp_path))
    for key, text in _keyed(20):
        spill.add("edges", key, text)
    assert list(tmp_path.iterdir())
    spill.close()
    spill.close()  # twice is harmless
    assert not list(tmp_path.iterdir())
    with pytest.raises(RuntimeError), Spill(budget=10, folder=str(tmp_path)) as failing:
        for key, text in _keyed(20):
            failing.add("edges", key, text)
        raise RuntimeError("stopped half-way")
    assert not list(tmp_path.iterdir())
