"""Asides in brackets that one version of a linked sentence has and the other lacks.

A writer's parenthetical asides ("(instances of which are called objects)", "(i.e., an
apple is-a fruit)", "(42)") are detail a copy can leave out without losing the sentence:
a rewording smooths them into prose or drops them far more often than it adds new ones.
So within the sentences two texts share, the side whose asides the other lacks is more
likely the earlier. An agency's credit in brackets ("(AP)", a dateline's "(Reuters)") is
no aside: credits are weighed as credits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from provtrace.agencies import canonical_agency
from provtrace.align.normalize import features, strip_dateline
from provtrace.models import Alignment, Article

#: An aside: a bracketed span without nested brackets, of a readable length.
_ASIDE = re.compile(r"\(([^()]{1,300})\)")


@dataclass(frozen=True, slots=True)
class Asides:
    """What the linked sentences of a pair (a, b) do with each other's asides."""

    b_lacks: int  # asides of a's linked sentences that b's counterparts lack
    a_lacks: int  # and the reverse
    kept: int  # asides of a that b keeps
    #: The first aside the lacking side dropped (the one with more dropped), for the evidence.
    example: str = ""


def asides(text: str) -> list[tuple[str, frozenset[str]]]:
    """The asides of a sentence, each as its text and its content-word stems (its folded text if none)."""
    found = []
    for match in _ASIDE.finditer(strip_dateline(text)):
        inner = match.group(1).strip()
        if not inner or canonical_agency(inner) is not None:
            continue
        found.append((match.group(0), frozenset(features(inner).stems) or frozenset([inner.casefold()])))
    return found


def _missing(
    mine: Sequence[tuple[str, frozenset[str]]], theirs: Sequence[tuple[str, frozenset[str]]]
) -> list[str]:
    """My asides that no aside of theirs shares a content word with."""
    return [text for text, words in mine if not any(words & other for _, other in theirs)]


def compare_asides(a: Article, b: Article, alignment: Alignment) -> Asides:
    """Count, link by link, the asides each side has that the other's linked sentences lack.

    alignment has a as its source (its links index a's sentences, then b's)."""
    b_lacks = a_lacks = kept = 0
    lost_by_b: list[str] = []
    lost_by_a: list[str] = []
    for link in alignment.links:
        mine = [x for i in link.source for x in asides(a.sentences[i].text)]
        theirs = [x for j in link.target for x in asides(b.sentences[j].text)]
        if not mine and not theirs:
            continue
        dropped, added = _missing(mine, theirs), _missing(theirs, mine)
        b_lacks, a_lacks, kept = b_lacks + len(dropped), a_lacks + len(added), kept + len(mine) - len(dropped)
        lost_by_b += dropped
        lost_by_a += added
    lost = lost_by_b if b_lacks >= a_lacks else lost_by_a
    return Asides(b_lacks, a_lacks, kept, lost[0] if lost else "")
