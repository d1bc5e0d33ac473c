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
#: The markers of one language alone: Spanish "de", "que", "a", "para" are Portuguese words too,
#: so only words no other listed language shares tell two related languages apart.
_OWN = {
    lang: frozenset(w for w in words if not any(w in other for k, other in _WORDS.items() if k != lang))
    for lang, words in _WORDS.items()
}
_TOKEN = re.compile(r"[^\W\d_]+")


def detect_language(texts: Iterable[str]) -> str | None:
    """The most likely language code, or None when the evidence is thin."""
    tokens: Counter[str] = Counter()
    for text in texts:
        tokens.update(_TOKEN.findall(text.lower()))
    total = tokens.total()
    count = tokens.get  # without Counter's __missing__ for the markers a text lacks
    counts = {lang: sum(count(word, 0) for word in words) for lang, words in _WORDS.items()}
    if total < 20 or max(counts.values()) < 0.1 * total:
        return None
    own = {lang: sum(count(word, 0) for word in words) for lang, words in _OWN.items()}
    best = max(sorted(own), key=lambda lang: own[lang])
    ranked = sorted(own.values(), reverse=True)
    if ranked[0] < 1.3 * ranked[1]:
        return None
    return best
