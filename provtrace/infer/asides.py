"""Asides in brackets that one version of a linked sentence has and the other lacks.

A writer's parenthetical asides ("(instances of which are called objects)", "(i.e., an
apple is-a fruit)", "(42)") are detail a copy can leave out without losing the sentence:
a rewording smooths them into prose or drops them far more often than it adds new ones.
So within the sentences two texts share, the side whose asides the other lacks is more
likely the earlier. An agency's credit in brackets ("(AP)", a dateline's "(Reuters)") is
no aside: credits are weighed as credits. Nor is a name's short form in brackets after
it ("General Directorate of Military Counterintelligence (Dgcim)", "(NATO)", "(PTSD, por
sus siglas en inglés)"): it is part of the name, which a copy shortens or keeps for
reasons of style, not detail left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from provtrace.agencies import canonical_agency
from provtrace.align.normalize import features, strip_dateline
from provtrace.models import Alignment, Article

#: An aside: a bracketed span without nested brackets, of a readable length, not written onto the
#: word before it ("alert(1)" in a page's script, "section 3(b)", a footnote's "said(1)" are no asides).
_ASIDE = re.compile(r"(?<!\w)\(([^()]{1,300})\)")
#: A word of a name, capitalised; and how many words before a bracket may hold the name it shortens.
_WORD = re.compile(r"\w+")
_NAME_WORDS = 8


@dataclass(frozen=True, slots=True)
class Asides:
    """What the linked sentences of a pair (a, b) do with each other's asides."""

    b_lacks: int  # asides of a's linked sentences that b's counterparts lack
    a_lacks: int  # and the reverse
    kept: int  # asides of a that b keeps
    #: The first aside the lacking side dropped (the one with more dropped), for the evidence.
    example: str = ""


@lru_cache(maxsize=1 << 14)  # a sentence is in the links of many pairs of its story
def asides(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The asides of a sentence, each as its text and its content-word stems (its folded text if none)."""
    if "(" not in text:  # the common case: no bracket, no aside
        return ()
    found = []
    for match in _ASIDE.finditer(strip_dateline(text)):
        inner = match.group(1).strip()
        if not inner or canonical_agency(inner) is not None or short_form(inner, text[: match.start()]):
            continue
        found.append((match.group(0), frozenset(features(inner).stems) or frozenset([inner.casefold()])))
    return tuple(found)


def short_form(inner: str, before: str) -> bool:
    """Whether a bracket's text is the short form of a name (before: the text up to the bracket).

    One word, perhaps glossed after a comma, that is an acronym (two capitals or more:
    "NATO", "PTSD") or a capitalised word whose initial starts one of the capitalised
    words just before it ("Directorate ... (Dgcim)"; "Mr Smith (Labour)" stays an aside)."""
    head = inner.split(",")[0].strip()
    if not head or not head[0].isupper() or _WORD.fullmatch(head.replace("&", "").replace(".", "")) is None:
        return False
    if sum(c.isupper() for c in head) >= 2:
        return True
    return any(w[0] == head[0] for w in _WORD.findall(before)[-_NAME_WORDS:] if w[0].isupper())


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
