"""JSON text exactly as json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) writes it,
about twice as fast.

The standard library writes indented JSON with its pure-Python encoder (its C encoder
writes unindented JSON only): a chain of generators, one per level. A large trace's JSON
is several hundred thousand small dictionaries, and writing them was a twentieth of the
run. Here each value is written straight into one list of strings, strings escaped by the
standard library's own C function. Only dictionaries with string keys, lists, tuples,
strings, integers, floats, booleans and None are written here (the exact types: an enum
or a subclass goes to json.dumps with the whole value, as does anything else).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INDENT = "  "


class _Other(Exception):
    """A value of a type this writer leaves to json.dumps."""


def dumps_sorted(value: Any) -> str:
    """json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False), the same text."""
    out: list[str] = []
    try:
        _write(value, out, "\n")
    except _Other:
        return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False)
    return "".join(out)


def _float(value: float) -> str:
    """A float as json writes it (its repr; NaN and the infinities by name)."""
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _write(value: Any, out: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        if any(type(k) is not str for k in value):
            raise _Other
        keys = sorted(value)
        out.append("{")
        separator = inner
        for key in keys:
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            _write(value[key], out, inner)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        out.append("[")
        separator = inner
        for item in value:
            out.append(separator)
            _write(item, out, inner)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(_float(value))
    else:
        raise _Other
