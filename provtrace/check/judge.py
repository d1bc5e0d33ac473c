"""Whether a story derives from a wire article it shares sentences with: the one seam for that judgement.

uncredited-reuse fires only for sources a story is derived from, and each
source in the report carries the judgement (derived, probability). Today's
judgement is the one check has always made: any aligned sentence is reuse,
with certainty. The derivation judgement of infer/ (copying versus the same
event reported independently) is meant to replace the body of judge_source,
and nothing else in check needs to change when it does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provtrace.models import Alignment

if TYPE_CHECKING:
    from provtrace.check.inputs import Story, WireArticle

#: The probability given to today's judgement, which has no doubt: a shared sentence is reuse.
CERTAIN = 1.0


def judge_source(story: Story, wire: WireArticle, alignment: Alignment) -> tuple[bool, float]:
    """(derived, probability that the story derives from wire), given their alignment (wire upstream)."""
    derived = bool(alignment.links)
    return derived, CERTAIN if derived else 1.0 - CERTAIN
