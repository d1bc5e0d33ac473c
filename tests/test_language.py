"""Guessing an article's language from its commonest short words."""

from __future__ import annotations

from provtrace.ingest.language import detect_language


def test_spanish_full_of_words_portuguese_shares_is_still_spanish() -> None:
    text = (
        "A un hombre le dispararon varias veces con un rifle de aire mientras caminaba a casa después de "
        "salir esa noche. La víctima estaba en el área cuando le dispararon en el pecho y en la mano. "
        "Los oficiales dijeron que el tiroteo ocurrió a las once de la noche, según la policía."
    )
    assert detect_language([text]) == "es"


def test_english_and_thin_evidence() -> None:
    text = "The man was shot several times with an air rifle as he walked home, police said on Sunday."
    assert detect_language([text + " " + text]) == "en"
    assert detect_language(["Ilfracombe Devon 40"]) is None
