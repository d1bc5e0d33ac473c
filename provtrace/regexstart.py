"""The characters a regular expression's matches can start with.

Used to put a cheap lookahead in front of a long alternation, so that the
alternatives are only tried where one of them could match. The answer is a
superset (case variants are left to the IGNORECASE flag of the pattern the
lookahead goes into), or None when the pattern is beyond this analysis
(a match may be empty, or start with any character): then no lookahead.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The standard library's own regex parser: no public interface gives a pattern's structure.
_PARSER: Any = importlib.import_module("re._parser")
_CONST: Any = importlib.import_module("re._constants")
#: A character range wider than this is "any character" for this purpose: no useful lookahead.
_MAX_RANGE = 128


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a non-empty match of pattern can start with, or None if unknown."""
    try:
        parsed = _PARSER.parse(pattern, flags)
    except re.error:
        return None
    chars, nullable = _sequence(list(parsed))
    if chars is None or nullable:
        return None
    return frozenset(chars)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """First characters of a sequence of parsed items, and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    """First characters of one parsed item, and whether it can match empty."""
    c = _CONST
    if op is c.LITERAL:
        return {chr(av)}, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width: the next item gives the first character
    if op is c.IN:
        return _charset(av), False
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is c.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _sequence(list(branch))
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, body = av
        chars, empty = _sequence(list(body))
        return chars, empty or low == 0
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av))
    return None, False


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a character class, or None for a negated or wide one."""
    c = _CONST
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(i) for i in range(av[0], av[1] + 1))
        else:
            return None
    return out
