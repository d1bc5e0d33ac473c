"""Asides in brackets that one version of a linked sentence has and the other lacks (infer/asides.py)."""

from __future__ import annotations

from provtrace.infer.asides import asides, compare_asides
from provtrace.models import Alignment, Link, LinkKind

from .helpers import article


def _aligned(pairs: list[tuple[str, str]]) -> tuple[Alignment, list[str], list[str]]:
    """One link per pair of sentences, in order."""
    links = tuple(Link((i,), (i,), LinkKind.ALTERED, 0.8, False) for i in range(len(pairs)))
    return Alignment("a", "b", links, (), ()), [x for x, _ in pairs], [y for _, y in pairs]


def test_an_agency_credit_or_a_dateline_in_brackets_is_not_an_aside() -> None:
    assert asides("MADRID (Reuters) - The minister resigned on Monday.") == ()
    assert asides("The minister resigned on Monday (AP).") == ()
    assert [text for text, _ in asides("The minister (62) resigned.")] == ["(62)"]


def test_a_bracket_written_onto_a_word_is_not_an_aside() -> None:
    # Page junk ("alert(1)") counted as an aside in the direction evidence (review, session 15).
    assert asides("Click to run alert(1) on the page.") == ()
    assert asides("Under section 3(b) of the act, the mayor resigned.") == ()
    assert [text for text, _ in asides("The mayor resigned (again) on Monday.")] == ["(again)"]


def test_a_copy_dropping_its_sources_asides_is_counted_as_lacking_them() -> None:
    alignment, a, b = _aligned(
        [
            ("The bridge (opened in 1932) was closed to lorries.", "The bridge was closed to lorries."),
            ("Engineers (from the city council) found cracks.", "Engineers found cracks, it was said."),
            ("Repairs will take a year.", "Repairs will take a year (or longer)."),
        ]
    )
    found = compare_asides(article("a", a), article("b", b), alignment)
    assert (found.b_lacks, found.a_lacks, found.kept) == (2, 1, 0)
    assert found.example == "(opened in 1932)"


def test_an_aside_kept_in_other_words_is_not_lacking() -> None:
    """An aside of the other side that shares a content word with it counts as kept."""
    alignment, a, b = _aligned(
        [("The bridge (opened in 1932) was shut.", "The bridge (opening: 1932) was shut.")]
    )
    found = compare_asides(article("a", a), article("b", b), alignment)
    assert (found.b_lacks, found.a_lacks, found.kept) == (0, 0, 1)


def test_a_name_s_short_form_in_brackets_is_part_of_the_name_not_an_aside() -> None:
    text = "Advisers in the General Directorate of Military Counterintelligence (Dgcim) were removed."
    assert asides(text) == ()
    assert asides("He joined the North Atlantic Treaty Organisation (NATO) in 1999.") == ()
    assert asides("Sufre estrés postraumático (PTSD, por sus siglas en inglés) desde Irak.") == ()


def test_a_capitalised_word_in_brackets_that_shortens_no_name_before_it_is_still_an_aside() -> None:
    assert [text for text, _ in asides("Mr Smith (Labour) voted against.")] == ["(Labour)"]
    assert [text for text, _ in asides("The minister (62) resigned.")] == ["(62)"]


def test_a_copy_keeping_a_name_without_its_short_form_lacks_no_aside() -> None:
    alignment, a, b = _aligned(
        [
            (
                "Advisers in the General Directorate of Military Counterintelligence (Dgcim) were removed.",
                "Advisers in the General Directorate of Military Counterintelligence were removed.",
            )
        ]
    )
    found = compare_asides(article("a", a), article("b", b), alignment)
    assert (found.b_lacks, found.a_lacks, found.kept) == (0, 0, 0)
