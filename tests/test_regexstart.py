"""The characters a pattern's matches can start with (for the lookahead before agency mentions)."""

from __future__ import annotations

from provtrace.agencies import AGENCIES
from provtrace.regexstart import first_characters


def test_alternatives_optional_prefixes_and_zero_width_assertions_are_followed() -> None:
    assert first_characters(r"(?:Thomson[ /]?)?Reuters") == frozenset("TR")
    assert first_characters(r"\bAFP\b|(?<=\()PA(?=\))") == frozenset("AP")
    assert first_characters(r"[a-c]x") == frozenset("abc")


def test_patterns_that_may_match_empty_or_start_anywhere_give_no_answer() -> None:
    assert first_characters(r"x?") is None
    assert first_characters(r".x") is None
    assert first_characters(r"[^x]y") is None
    assert first_characters(r"(") is None


def test_every_agency_name_pattern_has_known_first_characters() -> None:
    assert all(first_characters(alias) for alias in AGENCIES.values())
