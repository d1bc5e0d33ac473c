"""When two spellings name one thing, so that putting one in place of the other swaps no name.

align.changes flags a name put in place of another; these are the exceptions
it asks about: an initialism and its words ("U.S.", "United States") and a
name and the form for its people ("Venezuela", "Venezuelan").
"""

from __future__ import annotations

from collections.abc import Sequence

#: A name's stem at least this long may begin a form of the same name ("cuba", "cuban"): shorter
#: stems begin unrelated names too often.
NAME_ROOT = 4
#: The endings that make a name's people, adjective or plural ("Cuba", "Cuban", "Cubans"; "Sudanese";
#: "Iraqi"): other endings make other names ("Cubana" the airline, "Indiana" the state).
NAME_ENDINGS = frozenset({"n", "an", "ian", "ns", "ans", "ians", "i", "is", "ese", "s", "es"})


def one_name(gone: Sequence[str], came: Sequence[str]) -> bool:
    """Whether two spellings (lower-cased words) name one thing: an initialism and its words
    ("U.S." and "United States", read as the letters u, s), or a name and a form of it
    ("Venezuela", "Venezuelan")."""
    for letters, words in ((gone, came), (came, gone)):
        if all(len(x) == 1 for x in letters) and sorted(letters) == sorted(w[0] for w in words):
            return True
    return all(any(name_form(x, y) for y in came) for x in gone) and all(
        any(name_form(x, y) for x in gone) for y in came
    )


def name_form(a: str, b: str) -> bool:
    """One name's stem is the other's with the ending of a people or its plural ("venezuela",
    "venezuelan"; "israel", "israeli"), past a few letters ("india", "indiana" are two names)."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= NAME_ROOT and longer.startswith(shorter) and longer[len(shorter) :] in NAME_ENDINGS
