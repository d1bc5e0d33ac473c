"""dumps_sorted writes the very text json.dumps(sort_keys=True, indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provtrace.render.jsontext import dumps_sorted

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.lists(inner, max_size=4).map(tuple)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30,
)


def _standard(value: Any) -> str:
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False)


@settings(max_examples=400)
@given(_VALUES)
def test_the_text_is_the_standard_librarys(value: Any) -> None:
    assert dumps_sorted(value) == _standard(value)


class _Kind(enum.IntEnum):
    ONE = 1


class _Word(enum.StrEnum):
    A = "a"


def test_keys_and_values_of_other_types_are_written_as_the_standard_library_writes_them() -> None:
    for value in (
        {"a": [_Kind.ONE, _Word.A]},
        {1: "one", 2: None, 0: []},
        {2.5: "a", 1.5: None},
        {True: [], False: {}},
        [{"b": 1, "a": {"é\n\u2028": "\x00\"\\"}}],
        {"": float("nan"), "x": -float("inf"), "y": 1e300, "z": -0.0},
    ):
        assert dumps_sorted(value) == _standard(value)


def test_keys_the_standard_library_cannot_sort_fail_as_there() -> None:
    with pytest.raises(TypeError):
        dumps_sorted({"a": {1: 0, "b": 1}})
