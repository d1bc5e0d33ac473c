"""Credits: an agency's own copy versus an article that cites the agency."""

from __future__ import annotations

from pathlib import Path

import pytest

from provtrace.ingest.credits import find_credits
from provtrace.ingest.extract import build_article, extract_document
from provtrace.models import CreditKind, RawDocument, Skip


def kinds(text: str) -> set[tuple[str, str]]:
    return {(c.agency, c.kind.value) for c in find_credits([text])}


def test_dateline_marks_the_agency_copy() -> None:
    assert ("Reuters", "owner") in kinds("WASHINGTON (Reuters) - The senate voted.")
    assert ("AFP", "owner") in kinds("PARIS, May 2 (AFP) — Strikes spread.")


def test_copyright_line_marks_the_agency_copy() -> None:
    assert ("Reuters", "owner") in kinds("© 2026 Thomson/Reuters. All rights reserved.")
    assert ("AP", "owner") in kinds("Copyright 2025 The Associated Press. All rights reserved.")


def test_a_name_glued_to_a_digit_or_to_another_agency_name_is_still_found() -> None:
    """The quick pass skips places inside a word; a name right after a digit or a slash is read."""
    assert ("Reuters", "owner") in kinds("© 2026Reuters. All rights reserved.")
    assert ("Reuters", "cites") in kinds("ThomsonReuters said the talks had stalled.")
    assert kinds("The Xreuters band played.") == set()


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


BODY = "The port authority said the strike was costing about $4.5 million a day in lost fees.\n"

#: Every common shape of an agency's own credit: (text, agency). Each marks agency copy (OWNER).
OWNER_SHAPES = [
    (BODY + "— Reuters", "Reuters"),  # a closing sign-off on a line of its own
    ("The port reopened on Friday. — Reuters", "Reuters"),  # closing the last paragraph
    (BODY + "-- Reuters", "Reuters"),
    (BODY + "(Reuters)", "Reuters"),  # a closing "(Reuters)"
    ("The port reopened on Friday. (Reuters)", "Reuters"),
    ("Reuters\n" + BODY, "Reuters"),  # a bare byline line
    ("Source: Reuters\n" + BODY, "Reuters"),
    ("By Reuters\n" + BODY, "Reuters"),
    ("By Sinead McIntyre, PA News\n" + BODY, "PA"),  # PA's own byline, as in the METER corpus
    ("By Anthony Barnes, Showbusiness Correspondent, PA News\n" + BODY, "PA"),
    ("By Jan Colley and Cathy Gordon, PA News\n" + BODY, "PA"),
    ("By PA News Reporter\n" + BODY, "PA"),
    ("By Anthony Barnes, PA News Showbusiness Correspondent\n" + BODY, "PA"),  # desk before the role
    ("By Jane Doe, PA News Home Affairs Editor in London\n" + BODY, "PA"),
    ("By PA Reporter\n" + BODY, "PA"),  # PA's byline for unsigned copy
    ("By Jane Doe, Associated Press\n" + BODY, "AP"),
    ("By JANE DOE, Associated Press Writer\n" + BODY, "AP"),
    # Reuters' own sign-off, on a page that names Reuters too (alone it names no agency: test_credits_signoffs)
    ("A Reuters poll.\n" + BODY + "Reporting by Jane Doe in Port Selwyn; Editing by John Roe", "Reuters"),
    (
        "A Reuters poll.\n" + BODY + "(Reporting by Jane Doe; Writing by Ann Poe; Editing by John Roe)",
        "Reuters",
    ),
    (BODY + "— AFP/ks", "AFP"),  # a sign-off with the desk's initials
    (BODY + "AFP/mfl", "AFP"),
    ("The port reopened on Friday. (afp)", "AFP"),  # a closing "(afp)" in lower case
    ("PORT SELWYN, Marisca (AP) — " + BODY, "AP"),
    ("PARIS (AFP) - " + BODY, "AFP"),
    ("LONDON (PA) - " + BODY, "PA"),
    (BODY + "— AFP", "AFP"),
    ("EFE | Madrid\n" + BODY, "EFE"),
    ("Madrid | EFE\n" + BODY, "EFE"),
    (BODY + "PA Media", "PA"),
    # Found missing by review, session 13: each was an "uncredited reuse" error in check.
    ("PORT SELWYN, Marisca, May 14 (Reuters): " + BODY, "Reuters"),  # a dateline with a colon
    ("Port Selwyn, May 14 (Reuters) " + BODY, "Reuters"),  # ... or with no dash
    ("(Reuters) " + BODY, "Reuters"),
    ("MOSCOW, May 14 /Reuters/ - " + BODY, "Reuters"),  # slashes
    ("Story: Reuters\n" + BODY, "Reuters"),
    (BODY + "Credit: Reuters", "Reuters"),
    (BODY + "Courtesy: Reuters", "Reuters"),
    (BODY + "Courtesy of Reuters", "Reuters"),
    (BODY + "Fuente: EFE", "EFE"),
]

#: Credits citing the agency in a story of the outlet's own: (text, agency).
CITE_SHAPES = [
    (BODY + "(With inputs from Reuters)", "Reuters"),
    (BODY + "Reuters contributed reporting.", "Reuters"),
    ("The port authority said the strike was costly, per Reuters.", "Reuters"),
    (BODY + "(Con información de EFE)", "EFE"),
]


@pytest.mark.parametrize(("text", "agency"), OWNER_SHAPES)
def test_every_common_shape_of_an_agency_credit_marks_agency_copy(text: str, agency: str) -> None:
    assert kinds(text) == {(agency, "owner")}


@pytest.mark.parametrize(("text", "agency"), CITE_SHAPES)
def test_every_common_shape_of_an_outlets_credit_cites_the_agency(text: str, agency: str) -> None:
    assert kinds(text) == {(agency, "cites")}


def test_a_photo_label_or_a_parenthesis_mid_sentence_is_no_dateline() -> None:
    assert kinds(BODY + "Photo: Reuters") == set()
    assert kinds("The ministry (Reuters) said nothing more.") == set()
    assert kinds("He spoke per AP rules.") == set()


def test_a_byline_is_not_also_a_citation() -> None:
    """'By Reuters' is the agency's byline; it does not also cite Reuters."""
    assert kinds("By Reuters\n" + BODY) == {("Reuters", "owner")}
    assert kinds("By Reuters\n" + BODY + "Officials told Reuters it was over.") == {
        ("Reuters", "owner"),
        ("Reuters", "cites"),
    }


def test_the_reuters_sign_off_credits_reuters_and_not_another_agency_named() -> None:
    text = "Officials told Reuters the port would reopen.\n(Reporting by Jane Doe; Editing by John Roe)"
    assert kinds(text) == {("Reuters", "cites"), ("Reuters", "owner")}
    text = "Officials told AFP the port would reopen.\n(Reporting by Jane Doe; Editing by John Roe)"
    assert kinds(text) == {("AFP", "cites")}


def test_a_sign_off_on_its_own_line_is_quoted_without_the_line_before_it() -> None:
    """The credit a reader is shown is the sign-off, not the title or sentence above it."""
    (credit,) = find_credits(["Dockworkers strike at Port Selwyn enters third day\n— Reuters"])
    assert credit.text == "— Reuters"


def test_naming_an_agency_in_a_sentence_is_no_sign_off() -> None:
    assert kinds("A Reuters/Ipsos poll found 40 percent backed the plan.") == set()
    assert kinds("She worked as PA to a businessman for years before the trial.") == set()
    assert kinds("The Reuters building on the corner was sold - twice.") == set()
    assert kinds("PA Media reported the verdict on Tuesday.") == {("PA", "cites")}


def test_a_photo_credit_in_a_caption_is_not_a_credit_to_the_text() -> None:
    capture = (
        "Ferry Service Suspended as Storm Batters Brennock Coast\n\n"
        + BODY * 3
        + "Waves hit the harbour wall on Monday. (Photo by Reuters/Jane Doe)\n\n"
        + BODY
    )
    extracted = extract_document(RawDocument("s.txt", capture.encode(), "txt"))
    assert not isinstance(extracted, Skip)
    assert build_article("s", extracted).credits == ()


@pytest.mark.parametrize(("text", "agency"), OWNER_SHAPES + CITE_SHAPES)
def test_check_counts_every_shape_of_credit(tmp_path: Path, text: str, agency: str) -> None:
    """check/inputs reads credits with find_credits: a story signed off this way credits the agency."""
    from provtrace.check.config import CheckConfig
    from provtrace.check.inputs import load_inputs

    story = tmp_path / "story.txt"
    story.write_text(
        "Port strike enters third day\n\n" + BODY.join(["", "\n"]) + text.replace(BODY, BODY + "\n"),
        encoding="utf-8",
    )
    wire = tmp_path / "wire" / "w.txt"
    wire.parent.mkdir()
    wire.write_text("PORT SELWYN (Xinhua) -- " + BODY, encoding="utf-8")
    (loaded,) = load_inputs([str(story)], [str(wire)], CheckConfig()).stories
    assert agency in loaded.credited


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("© 2026 Newsmax Media, Inc. All rights reserved.", "Newsmax Media, Inc."),
        ("© Newsmax Media, Inc.", "Newsmax Media, Inc."),
        ("Copyright 2024 Coastal Post Ltd.", "Coastal Post Ltd."),
        ("© 2026 The Coastal Post. All rights reserved.", "The Coastal Post"),
        ("© 2026 Harbour Times", "Harbour Times"),
    ],
)
def test_the_publisher_keeps_the_stop_of_its_companys_abbreviation(line: str, site: str) -> None:
    from provtrace.ingest.credits import find_publisher

    assert find_publisher([line]) == site
