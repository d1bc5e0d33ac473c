"""Small helpers for the sentences provtrace writes: counts and possessives."""

from __future__ import annotations

from collections.abc import Sequence


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 article', '3 articles'; words is the plural when it is not word + 's'."""
    return f"{n} {word if n == 1 else words or word + 's'}"


def indefinite(phrase: str) -> str:
    """'a rewrite', 'an excerpt': the indefinite article by the phrase's first letter."""
    return ("an " if phrase[:1].lower() in "aeiou" and phrase else "a ") + phrase


def possessive(name: str) -> str:
    """'AFP’s', 'Reuters’'."""
    return name + ("’" if name.endswith("s") else "’s")


def order_unknown(first: str, second: str) -> str:
    """What trace and diff say where the evidence of direction between two texts is balanced."""
    return (
        f"which of {first} and {second} came first cannot be told from the texts "
        "(the evidence of direction is balanced)"
    )


def rerun_semantic(installed: bool) -> str:
    """What to do to match translated sentences: install the semantic extra first where it is not."""
    return (
        "rerun with --semantic"
        if installed
        else "pip install 'provtrace[semantic]' and rerun with --semantic"
    )


def across_languages(pairs: int, installed: bool) -> str:
    """The warning of a run that aligned pairs of articles in two languages without --semantic."""
    return (
        f"{plural(pairs, 'aligned pair')} of articles {'is' if pairs == 1 else 'are'} in two languages: "
        "without --semantic only sentences sharing names and figures are matched across languages, so "
        f"their sentences not matched may be translated, not added or dropped; {rerun_semantic(installed)}"
    )


def unrelated_across_languages(count: int, own: Sequence[str], known: Sequence[str], installed: bool) -> str:
    """The warning of a run without --semantic that found articles related to no other text while
    other articles of the run are in another language (a translation whose names are transliterated
    shares too little): own, the languages of those articles; known, of all the run's."""
    return (
        f"{plural(count, 'unrelated article')} ({', '.join(own)}) {'is' if count == 1 else 'are'} in "
        f"another language than some of the run's articles (the run has {', '.join(known)}): without "
        "--semantic only sentences sharing names and figures are matched across languages, so a "
        f"translation of {'it' if count == 1 else 'one of them'} may go unfound; {rerun_semantic(installed)}"
    )


def unread_languages(count: int, languages: Sequence[str]) -> str:
    """The warning of a --semantic run that found unrelated articles in different languages, some
    in a language the semantic model does not read."""
    return (
        f"{plural(count, 'unrelated article')} {'is' if count == 1 else 'are'} in a language the "
        f"semantic model does not read ({', '.join(languages)}): a translation from or into it shares "
        "only names and figures with its source, so it may go unfound"
    )


def other_language_stories(count: int) -> str:
    """check's warning for stories in a language no wire article is in that link to no wire sentence."""
    return (
        f"{plural(count, 'story')} {'is' if count == 1 else 'are'} in a language no wire article is in "
        f"and {'shares' if count == 1 else 'share'} no sentence with the wire: check links sentences "
        "across languages only by the names and figures they share, so a translation of wire copy may "
        "pass unseen"
    )


#: How a line of evidence arguing against the conclusion it sits under begins (infer/direction.py
#: marks them; reports label such a line "against" instead of "why").
AGAINST = "against: "
