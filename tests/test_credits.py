"""Credits: an agency's own copy versus an article that cites the agency."""

from __future__ import annotations

from provtrace.ingest.credits import find_credits
from provtrace.models import CreditKind


def kinds(text: str) -> set[tuple[str, str]]:
    return {(c.agency, c.kind.value) for c in find_credits([text])}


def test_dateline_marks_the_agency_copy() -> None:
    assert ("Reuters", "owner") in kinds("WASHINGTON (Reuters) - The senate voted.")
    assert ("AFP", "owner") in kinds("PARIS, May 2 (AFP) — Strikes spread.")


def test_copyright_line_marks_the_agency_copy() -> None:
    assert ("Reuters", "owner") in kinds("© 2026 Thomson/Reuters. All rights reserved.")
    assert ("AP", "owner") in kinds("Copyright 2025 The Associated Press. All rights reserved.")


def test_attribution_phrases_cite_the_agency() -> None:
    assert kinds("Two officials told Reuters the plan was dropped.") == {("Reuters", "cites")}
    assert kinds("The port was closed, according to AP.") == {("AP", "cites")}
    assert ("EFE", "cites") in kinds("EFE reported that the talks failed.")
    assert ("Reuters", "cites") in kinds("an investigation published by the Reuters agency")


def test_lowercase_ap_is_not_the_agency() -> None:
    assert kinds("Students sat the ap exam and sent a rap song.") == set()


def test_first_mention_of_each_kind_is_kept_with_its_line() -> None:
    credits = find_credits(
        ["Intro line.\nOfficials told Reuters it was over.\nLater, Reuters reported more."]
    )
    assert len(credits) == 1
    assert credits[0].kind is CreditKind.CITES
    assert credits[0].text == "Officials told Reuters it was over."


def test_spanish_dateline_and_attributions_are_recognised() -> None:
    assert ("EFE", "owner") in kinds("Madrid, 3 may (EFE).- El Gobierno aprobó el plan.")
    assert ("AP", "cites") in kinds("La presa cedió, según informó la agencia AP.")
    assert ("AP", "cites") in kinds("El alcalde declaró a AP que no hubo heridos.")
