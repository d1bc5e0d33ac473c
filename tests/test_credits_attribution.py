"""Credits are read from attribution, never from a name in passing (issues 11 and 12).

An outlet that says where its reporting came from ("according to an AFP report", "told
Reuters", "— AFP/ks") credits the agency; one that only names it ("the union has criticised
AFP's coverage") does not, and check must not count that as a credit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provtrace.check.config import CheckConfig
from provtrace.check.rules import Rule
from provtrace.check.runner import check
from provtrace.ingest.credits import find_credits
from provtrace.ingest.extract import build_article, extract_document
from provtrace.models import RawDocument, Skip

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WIRE = (EXAMPLES / "wire-original.txt").read_text(encoding="utf-8")


def kinds(text: str, site: str | None = None) -> set[tuple[str, str]]:
    return {(c.agency, c.kind.value) for c in find_credits([text], site=site)}


#: Attribution of an outlet's reporting to an agency, each of which cites it.
CITING = [
    ("The mayor said, according to an AFP report, that the port would reopen.", "AFP"),
    ("An AFP report said the port would reopen.", "AFP"),
    ("The port would reopen, according to the French news agency AFP.", "AFP"),
    ("The port would reopen, according to wire service AFP.", "AFP"),
    ("Guards have left, according to a Reuters report citing 11 sources.", "Reuters"),
    ("Guards have left, according to documents seen by Reuters.", "Reuters"),
    ("The toll rose to 40, according to a tally by AFP.", "AFP"),
    ("AFP's tally showed 40 dead.", "AFP"),
    ("Reuters' count found 40 dead.", "Reuters"),
    ("An AFP correspondent at the scene saw three bodies.", "AFP"),
    ("He told an AFP reporter he was leaving.", "AFP"),
    ("He told the French news agency AFP he was leaving.", "AFP"),
    ("The minister said in an interview with AFP that talks were over.", "AFP"),
    ("A spokesman spoke to Reuters on condition of anonymity.", "Reuters"),
    ("The figures were published on Friday by the Reuters agency.", "Reuters"),
    ("AFP could not independently verify the claims.", "AFP"),
    ("Reuters could not immediately reach the company.", "Reuters"),
    ("The paper, citing AFP, said the port was shut.", "AFP"),
    ("The port was shut.\n— With AFP", "AFP"),
    ("The port was shut, with additional reporting by Reuters.", "Reuters"),
    ("The port was shut, AFP reported.", "AFP"),
    ("In a statement issued after the case to PA News, the couple said they were relieved.", "PA"),
]


@pytest.mark.parametrize(("text", "agency"), CITING)
def test_attribution_to_an_agency_cites_it(text: str, agency: str) -> None:
    assert kinds(text) == {(agency, "cites")}


#: Names of agencies that attribute nothing to them.
MENTIONS = [
    "The union, which has criticised AFP's coverage, says the project would cut 900 jobs.",
    "People familiar with AFP's plans said it would cut jobs.",
    "According to people familiar with AFP's plans, it will cut jobs.",
    "The paper signed a distribution deal with AFP.",
    "He switched from AFP to Reuters in 2010.",
    "The award was given by AFP to the photographer.",
    "She was sued by AFP over a photograph.",
    "The minister criticised an AFP report on the strike.",
    "Two AFP journalists were detained, the union said.",
    "A Reuters/Ipsos poll found 40 percent backed the plan.",
    "She sent a letter of complaint to AFP.",
    "He said he would go to AFP next year.",
]


@pytest.mark.parametrize("text", MENTIONS)
def test_naming_an_agency_in_passing_credits_nothing(text: str) -> None:
    assert kinds(text) == set()


def test_the_credit_kept_is_the_first_attribution_in_the_text_whatever_its_shape() -> None:
    (credit,) = find_credits(["An AFP report said so.\nLater the minister told AFP more."])
    assert credit.text == "An AFP report said so."


# --- sign-offs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sign_off",
    ["— AFP/ks", "AFP/mfl", "(AFP/ks/jm)", "-- AFP/bur"],
)
def test_an_agency_sign_off_with_the_desk_initials_marks_its_copy(sign_off: str) -> None:
    assert kinds("The port reopened on Friday.\n\n" + sign_off) == {("AFP", "owner")}


def test_a_photo_credit_after_a_slash_is_not_a_desk_sign_off() -> None:
    """Desk initials are lower case; a photographer's name is not."""
    assert kinds("The port reopened on Friday.\n\nAFP/Jane Doe") == set()


def test_a_closing_sign_off_in_lower_case_marks_the_agency_copy() -> None:
    assert kinds("The port reopened on Friday. (afp)") == {("AFP", "owner")}
    assert kinds("Die Hafen ist offen. (dpa)") == {("dpa", "owner")}


def test_a_lower_case_acronym_in_brackets_is_no_sign_off_where_no_sentence_ends_before_it() -> None:
    assert kinds("The post pays £20,000 (pa).") == set()
    assert kinds("They sat the exam (ap) and left.") == set()


# --- an agency's signature that names no agency ---------------------------------------------------

SIGNED = "The port reopened on Friday.\n\n(Reporting by Jane Doe; Editing by John Roe)"


def test_reuters_signature_alone_credits_no_agency() -> None:
    """'Reporting by …; Editing by …' names people, not Reuters: outlets sign their own work so."""
    assert kinds(SIGNED) == set()


def test_reuters_signature_marks_reuters_copy_where_the_page_names_reuters_too() -> None:
    assert kinds("Officials told Reuters the port would reopen.\n" + SIGNED) == {
        ("Reuters", "cites"),
        ("Reuters", "owner"),
    }
    assert kinds("A Reuters/Ipsos poll was published.\n" + SIGNED) == {("Reuters", "owner")}
    assert kinds(SIGNED, site="www.reuters.com") == {("Reuters", "owner")}
    assert kinds(SIGNED, site="The Coastal Post") == set()


def test_reuters_signature_does_not_credit_reuters_on_a_page_naming_another_agency() -> None:
    assert kinds("Officials told AFP the port would reopen.\n" + SIGNED) == {("AFP", "cites")}


# --- what check makes of them -------------------------------------------------------------------


def _check(tmp_path: Path, story: str) -> list[str]:
    wire = tmp_path / "wire" / "afp" / "w.txt"
    wire.parent.mkdir(parents=True)
    wire.write_text(WIRE, encoding="utf-8")
    path = tmp_path / "st" / "s.txt"
    path.parent.mkdir()
    path.write_text(story, encoding="utf-8")
    report = check([str(path)], [str(tmp_path / "wire")], CheckConfig())
    return [f.message for f in report.findings if f.rule is Rule.UNCREDITED_REUSE]


def _uncredited(replacement: str) -> str:
    """The wire story with AFP's dateline and copyright gone and 'told AFP that' replaced."""
    story = WIRE.replace(" (AFP) -", " -").replace("© 2026 AFP. All rights reserved.", "")
    assert "told AFP that" in story
    return story.replace("told AFP that", replacement)


@pytest.mark.parametrize(
    "replacement",
    [
        "said, according to an AFP report, that",
        "said, an AFP report said, that",
        "said, according to the French news agency AFP, that",
        "said, according to wire service AFP, that",
    ],
)
def test_check_takes_an_explicit_attribution_to_the_agency_as_its_credit(
    tmp_path: Path, replacement: str
) -> None:
    assert _check(tmp_path, _uncredited(replacement)) == []


def test_check_flags_a_story_that_only_names_the_agency_in_passing(tmp_path: Path) -> None:
    story = _uncredited("said that").replace(
        "The union says the project", "The union, which has criticised AFP's coverage, says the project"
    )
    (message,) = _check(tmp_path, story)
    assert "never credits AFP" in message


@pytest.mark.parametrize("sign_off", ["(Reuters)", "(afp)", "(AFP)"])
def test_a_sign_off_split_from_the_last_sentence_is_a_credit_not_a_sentence(sign_off: str) -> None:
    text = WIRE.replace(" (AFP) -", " -").replace("© 2026 AFP. All rights reserved.", "")
    last = '"Everything is on the table except violence."'
    assert last in text
    signed = text.replace(last, f"{last} {sign_off}")
    extracted = extract_document(RawDocument("s.txt", signed.encode(), "txt"))
    assert not isinstance(extracted, Skip)
    article = build_article("s", extracted)
    assert article.sentences[-1].text.endswith(last)
    assert [(c.agency, c.kind.value) for c in article.credits if c.kind.value == "owner"] == [
        ("Reuters" if "Reuters" in sign_off else "AFP", "owner")
    ]
