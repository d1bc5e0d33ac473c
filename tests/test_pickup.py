"""An agency's pick-up of a paper's own story (issue 12): the paper came first.

The fixture under tests/data/scoop is a paper's scoop ("The Coastal Post has learned …") and the
AFP copy that picked it up ("…, the local newspaper The Coastal Post reported on Wednesday").
Without reading the agency's credit, trace hung the paper under AFP ("outlets take from
agencies") and check called the paper's own story uncredited reuse of AFP copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from provtrace.check.config import CheckConfig
from provtrace.check.model import Severity
from provtrace.check.rules import Rule
from provtrace.check.runner import CheckReport, check
from provtrace.infer.pickup import Pickup, picked_up
from provtrace.ingest.extract import build_article, extract_document
from provtrace.models import Article, RawDocument, Skip
from provtrace.options import TraceOptions
from provtrace.pipeline import trace

SCOOP = Path(__file__).resolve().parent / "data" / "scoop"
PAPER = (SCOOP / "stories" / "coastalpost-terminal-sale.txt").read_text(encoding="utf-8")
PICKUP = (SCOOP / "wire" / "afp" / "terminal-sale.txt").read_text(encoding="utf-8")
FOOTER = "© 2026 The Coastal Post Media Group. All rights reserved."
SELF = ", The Coastal Post has learned."


def load(path: Path) -> Article:
    extracted = extract_document(RawDocument(str(path), path.read_bytes(), path.suffix.lstrip(".")))
    assert not isinstance(extracted, Skip)
    return build_article(path.stem, extracted)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def anonymous(paper: str = PAPER) -> str:
    """The paper's story with nothing on it that names its outlet: no footer, no "has learned"."""
    assert FOOTER in paper and SELF in paper
    return paper.replace(FOOTER, "").replace(SELF, ", according to two members of its board.")


def found_on(path: Path, text: str) -> Pickup | None:
    """What the fixture's AFP pick-up is found to credit of the page written at path."""
    return picked_up(load(SCOOP / "wire" / "afp" / "terminal-sale.txt"), load(write(path, text)))


def run_check(tmp_path: Path, story: Path, wire: str = PICKUP) -> CheckReport:
    write(tmp_path / "wire" / "afp" / "terminal-sale.txt", wire)
    return check([str(story)], [str(tmp_path / "wire")], CheckConfig())


# --- trace ----------------------------------------------------------------------------------------


def test_trace_hangs_the_agency_pickup_under_the_paper_whose_story_it_credits() -> None:
    result = trace([str(SCOOP)], TraceOptions())
    (edge,) = result.edges
    assert (edge.parent, edge.child) == ("coastalpost-terminal-sale", "terminal-sale")
    assert edge.confidence >= 0.9
    said = " ".join(edge.evidence)
    assert "terminal-sale is agency copy that credits The Coastal Post for its story" in said
    assert "the local newspaper The Coastal Post reported on Wednesday" in said
    assert "coastalpost-terminal-sale is The Coastal Post’s own (its site)" in said
    assert "outlets take from agencies" not in said


def test_without_the_agency_credit_the_paper_is_hung_under_the_agency_as_before(tmp_path: Path) -> None:
    """The pick-up rule rests on the credit alone: take it out and outlets take from agencies again."""
    shutil.copytree(SCOOP, tmp_path / "scoop")
    wire = tmp_path / "scoop" / "wire" / "afp" / "terminal-sale.txt"
    credit = ", the local newspaper The Coastal Post reported on Wednesday."
    uncredited = PICKUP.replace(credit, ".").replace(", The Coastal Post said.", ".")
    uncredited = uncredited.replace("the newspaper said, citing documents it had seen", "officials said")
    write(wire, uncredited.replace("told the newspaper", "said"))
    (edge,) = trace([str(tmp_path / "scoop")], TraceOptions()).edges
    assert (edge.parent, edge.child) == ("terminal-sale", "coastalpost-terminal-sale")
    assert "outlets take from agencies" in " ".join(edge.evidence)


def test_a_rewrite_of_the_pickup_hangs_under_it_and_is_not_taken_for_the_outlets_own(tmp_path: Path) -> None:
    """An outlet rewriting the agency's pick-up keeps "The Coastal Post reported": it cites the paper,
    it is not the paper's page, so the chain runs paper -> agency copy -> rewrite."""
    folder = tmp_path / "three"
    shutil.copytree(SCOOP / "stories", folder)
    shutil.copy(SCOOP / "wire" / "afp" / "terminal-sale.txt", folder)
    body = PICKUP.split("\n\n", 1)[1].replace("PORT SELWYN, Marisca, March 4 (AFP) - ", "")
    body = body.replace("on Wednesday.", "on Wednesday, AFP reported.", 1)
    body = body.replace(
        "AFP could not immediately reach Halvard Terminals", "Halvard Terminals could not be reached"
    )
    body = body.replace("© 2026 AFP.", "© 2026 The Harbour Times.")
    write(
        folder / "harbourtimes-sale.txt",
        "Port authority sale talks: report\n\nBy Staff, The Harbour Times\n\n" + body,
    )
    result = trace([str(folder)], TraceOptions())
    assert sorted((e.parent, e.child) for e in result.edges) == [
        ("coastalpost-terminal-sale", "terminal-sale"),
        ("terminal-sale", "harbourtimes-sale"),
    ]


# --- which page is the outlet's own --------------------------------------------------------------


def test_the_outlet_is_known_by_its_site_in_the_page_metadata(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in anonymous().split("\n\n")[3:])
    page = (
        '<html><head><meta property="og:site_name" content="The Coastal Post">'
        "<title>Port authority in secret talks</title></head><body><article>"
        f"<h1>Port authority in secret talks to sell East Terminal</h1>{paragraphs}</article></body></html>"
    )
    paper = load(write(tmp_path / "story.html", page))
    assert paper.site == "The Coastal Post"
    found = picked_up(load(SCOOP / "wire" / "afp" / "terminal-sale.txt"), paper)
    assert found is not None and found.known_by == "its site"


def test_the_outlet_is_known_by_its_byline(tmp_path: Path) -> None:
    story = anonymous().replace("By Daniela Ruiz\n", "By Daniela Ruiz, The Coastal Post\n")
    found = found_on(tmp_path / "s.txt", story)
    assert found is not None and found.known_by == "its byline, “By Daniela Ruiz, The Coastal Post”"


def test_the_outlet_is_known_by_its_own_words(tmp_path: Path) -> None:
    story = PAPER.replace(FOOTER, "")
    found = found_on(tmp_path / "s.txt", story)
    assert found is not None and found.known_by == "its own words, “The Coastal Post has learned”"


@pytest.mark.parametrize(
    ("name", "how"),
    [
        ("coastal-post/terminal.txt", "its folder’s name, coastal-post"),
        ("CoastalPost/terminal.txt", "its folder’s name, CoastalPost"),
        ("coastalpost-terminal.txt", "its file’s name, coastalpost-terminal"),
        ("the_coastal_post_terminal.txt", "its file’s name, the_coastal_post_terminal"),
    ],
)
def test_the_outlet_is_known_by_its_folder_or_the_start_of_its_file_name(
    tmp_path: Path, name: str, how: str
) -> None:
    found = found_on(tmp_path / name, anonymous())
    assert found is not None and found.known_by == how


def test_a_page_with_nothing_naming_the_outlet_is_not_taken_for_its_own(tmp_path: Path) -> None:
    assert found_on(tmp_path / "s.txt", anonymous()) is None


def test_another_outlets_page_is_not_the_credited_outlets_own(tmp_path: Path) -> None:
    story = PAPER.replace("The Coastal Post", "The Harbour Times")
    assert found_on(tmp_path / "s.txt", story) is None


def test_a_one_word_outlet_is_not_read_from_the_start_of_a_file_name_but_from_a_folder(
    tmp_path: Path,
) -> None:
    """'times-square-fire.txt' is no page of The Times; a folder named 'times' holds its pages."""
    wire = load(write(tmp_path / "w.txt", PICKUP.replace("The Coastal Post", "The Times")))
    assert picked_up(wire, load(write(tmp_path / "times-square-sale.txt", anonymous()))) is None
    assert picked_up(wire, load(write(tmp_path / "times" / "sale.txt", anonymous()))) is not None


# --- what the agency copy must say ----------------------------------------------------------------


def test_an_outlet_credited_only_below_the_lead_is_the_source_of_one_fact_not_of_the_story(
    tmp_path: Path,
) -> None:
    lead = "Marisca's state port authority has held secret talks to sell the East Terminal at Port Selwyn"
    moved = (
        PICKUP.replace(", the local newspaper The Coastal Post reported on Wednesday.", ".")
        .replace(", the newspaper said, citing documents it had seen", "")
        .replace(", The Coastal Post said.", ".")
        .replace("told the newspaper", "said")
    )
    assert lead in moved
    moved = moved.replace(
        "AFP could not immediately reach",
        "The local newspaper The Coastal Post reported on Wednesday that the talks had stalled. AFP could not reach",
    )
    wire = load(write(tmp_path / "w.txt", moved))
    assert picked_up(wire, load(SCOOP / "stories" / "coastalpost-terminal-sale.txt")) is None


def test_a_speaker_the_copy_never_calls_an_outlet_is_none(tmp_path: Path) -> None:
    """'…, Mora said' names a person: a page saying 'Mora has been told' is not Mora's own outlet."""
    wire = load(
        write(
            tmp_path / "w.txt",
            "Port talks stall\n\nPORT SELWYN, March 4 (AFP) - The union will not return to work "
            "until the automation plan is withdrawn, Mora said on Wednesday.\n\n© 2026 AFP.",
        )
    )
    paper = load(
        write(
            tmp_path / "s.txt",
            "Port talks stall\n\nMora has been told the plan stands, aides to the minister said.",
        )
    )
    assert picked_up(wire, paper) is None


@pytest.mark.parametrize(
    "credit",
    [
        "according to the local newspaper The Coastal Post",
        "The Coastal Post reported on Wednesday",
        "as first reported by The Coastal Post",
        "in a report in The Coastal Post on Wednesday",
    ],
)
def test_each_way_of_crediting_the_outlet_in_the_lead_is_read(tmp_path: Path, credit: str) -> None:
    first = "the local newspaper The Coastal Post reported on Wednesday"
    text = (
        PICKUP.replace(first, credit)
        .replace(", The Coastal Post said.", ".")
        .replace(", the newspaper said, citing documents it had seen", "")
    )
    assert credit in text
    wire = load(write(tmp_path / "w.txt", text))
    found = picked_up(wire, load(SCOOP / "stories" / "coastalpost-terminal-sale.txt"))
    assert found is not None and found.outlet == "The Coastal Post"


# --- check ----------------------------------------------------------------------------------------


def test_check_does_not_call_the_papers_own_story_reuse_of_the_agency_pickup() -> None:
    report = check([str(SCOOP / "stories")], [str(SCOOP / "wire")], CheckConfig())
    assert report.findings == ()
    (story,) = report.stories
    (source,) = story.sources
    assert source.derived  # the texts share their wording: only the direction is the agency's
    assert source.picked_up is not None
    assert "credits The Coastal Post for its story" in source.picked_up
    assert "the story is The Coastal Post’s own (its site)" in source.picked_up


def test_check_flags_the_same_story_as_reuse_where_the_agency_copy_credits_no_outlet(tmp_path: Path) -> None:
    uncredited = (
        PICKUP.replace(", the local newspaper The Coastal Post reported on Wednesday.", ".")
        .replace(", The Coastal Post said.", ".")
        .replace("the newspaper said, citing documents it had seen", "officials said")
        .replace("told the newspaper", "said")
    )
    report = run_check(tmp_path, SCOOP / "stories" / "coastalpost-terminal-sale.txt", uncredited)
    assert [f.rule for f in report.findings] == [Rule.UNCREDITED_REUSE]


def test_a_difference_from_the_pickup_is_the_agencys_so_at_most_a_warning(tmp_path: Path) -> None:
    altered = PICKUP.replace("commercial discussions", "commercial negotiations")
    report = run_check(tmp_path, SCOOP / "stories" / "coastalpost-terminal-sale.txt", altered)
    (finding,) = report.findings
    assert finding.rule is Rule.ALTERED_QUOTE and finding.severity is Severity.WARNING
    assert "took its story from The Coastal Post, the story's own outlet" in finding.message
    assert not report.failing()
