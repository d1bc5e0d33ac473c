"""Guess an article's language from its commonest short words.

Enough to tell a translation from a rewrite; not a general language identifier.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_MARKERS = {
    "en": "the of and to in is that for was with on said by as at from his her are were has have it",
    "es": "el la los las de del que y en por para con una se su al es fue según dijo sus más pero como",
    "fr": "le la les des du de et que en un une est pour dans sur au aux qui a été selon il elle",
    "pt": "o a os as do da dos das de que e em um uma para com não por se foi segundo disse ao",
    "de": "der die das und den dem des ist nicht mit sich auf für ein eine im zu von sagte wurde",
    "it": "il lo la gli le di del della che e è per con una un non sono ha nel alla secondo",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _MARKERS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")


def detect_language(texts: Iterable[str]) -> str | None:
    """The most likely language code, or None when the evidence is thin."""
    tokens: Counter[str] = Counter()
    for text in texts:
        tokens.update(_TOKEN.findall(text.lower()))
    total = tokens.total()
    counts = {lang: sum(tokens[word] for word in words) for lang, words in _WORDS.items()}
    if total < 20:
        return None
    best = max(sorted(counts), key=lambda lang: counts[lang])
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] < 0.1 * total or ranked[0] < 1.3 * ranked[1]:
        return None
    return best
