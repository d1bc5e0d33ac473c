"""Control characters made visible, so untrusted text can never restyle a terminal."""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls (CSI \x9b is one of them).
_ALL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def control_pictures(text: str, *, keep_layout: bool = False) -> str:
    """Replace control characters by Unicode control pictures (ESC becomes "␛").

    With keep_layout, tab and newline are left alone.
    """
    return (_BUT_LAYOUT if keep_layout else _ALL).sub(_picture, text)
