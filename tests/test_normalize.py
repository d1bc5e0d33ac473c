"""Normalisation: versions of a sentence that differ only in form compare equal."""

from __future__ import annotations

from provtrace.align.normalize import features, normalize, numbers_to_digits, stem, strip_dateline


def test_case_quotes_and_diacritics_are_folded() -> None:
    assert normalize("“Rodríguez,” she said.") == normalize('"rodriguez," She said.')


def test_us_abbreviation_matches_us() -> None:
    assert normalize("The U.S. military said") == normalize("The US military said")


def test_number_words_become_digits() -> None:
    assert normalize("Thirty-two Cubans were killed") == normalize("32 Cubans were killed")
    assert normalize("according to eleven sources") == normalize("according to 11 sources")
    assert numbers_to_digits("two hundred and five ships") == "205 ships"


def test_once_is_not_read_as_a_spanish_number() -> None:
    assert "11" not in normalize("The port was once the busiest in the region.")


def test_datelines_are_not_content() -> None:
    assert strip_dateline("WASHINGTON (Reuters) - The senator said no.") == "The senator said no."
    assert strip_dateline("Havana/The Cuban presence grew.") == "The Cuban presence grew."
    assert strip_dateline("PORT SELWYN, Marisca, March 3 (AFP) - A strike began.") == "A strike began."


def test_a_sentence_without_dateline_is_unchanged() -> None:
    assert strip_dateline("The senator said no.") == "The senator said no."


def test_stems_unify_spelling_variants() -> None:
    assert stem("advisers") == stem("advisors")
    assert stem("withdrawing")[:5] == stem("withdrawal")[:5]


def test_anchors_hold_names_numbers_and_quoted_words() -> None:
    f = features('Mayor Lena Brask said 14 buses would run "every single night".')
    assert "14" in f.anchors
    assert stem("brask") in f.anchors
    assert stem("single") in f.anchors


def test_stopwords_are_not_content() -> None:
    assert features("It was said that they would have been there.").stems == ()


def test_a_number_with_thousands_separators_is_one_figure() -> None:
    english = features("Donors gave 10,000 dollars and 1,234,567 pesos.")
    spanish = features("Los donantes dieron 10.000 dólares.")
    assert {"10000", "1234567"} <= english.anchors and "000" not in english.anchors
    assert "10000" in spanish.anchors
    # two different figures share no anchor through their thousands
    assert features("About 20,000 people marched.").anchors.isdisjoint({"10000", "000"})
    assert "10000" in features("Donors gave 10000 dollars.").anchors
