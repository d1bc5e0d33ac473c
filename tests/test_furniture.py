"""Page furniture: debris lines and photo captions are removed, and padding never changes the tree."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from provtrace.ingest.extract import extract_document
from provtrace.ingest.furniture import clean_capture, is_debris
from provtrace.models import RawDocument, Skip, Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace

STORY = [
    "The ferry company suspended all crossings on Tuesday as gale-force winds battered the coast, "
    "stranding hundreds of travellers.",
    "Harbour master Julio Reyes said waves of up to six metres had been recorded overnight at the "
    "mouth of the bay.",
    '"We will not risk a single passenger," Reyes told reporters at the terminal on Tuesday morning.',
    "Crossings are expected to resume on Thursday if the forecast holds, the company said in a statement.",
]

DEBRIS = [
    "Story continues below advertisement",
    "Article continues after this advertisement",
    "Updated 2 hours ago",
    "Updated: 5 mins ago",
    "Published an hour ago",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "RELATED: Ferry operators count the cost of a stormy winter",
    "Read more: Storm warning extended across the northern islands",
    "Have a news tip? Email us at tips@example.com",
    "Got a tip? Send it to newsroom@example.com.",
    "Click to enlarge",
    "Tap image to enlarge",
    "Published March 3, 2026 at 10:15 am",
    "Updated March 3, 2026, 10:15 a.m. ET",
    "Don't miss: Ten things to know about the Brennock ferries",
    "Watch: Waves break over the harbour wall",
    "Editor's note: This story has been updated with comment from the ferry company.",
    "EDITORS’ NOTE — An earlier version of this story misspelled the harbour master's name.",
]

CAPTIONS = [
    "Waves break over the harbour wall in Brennock on March 3, 2026. REUTERS/Jane Doe",
    "A ferry sits at its berth. REUTERS/Jane Doe/File Photo",
    "Travellers wait at the terminal on Tuesday. (AP Photo/Jane Doe, File)",
    "Waves hit the coast on Monday. (Photo by Jane Doe/AFP via Getty Images)",
    "Waves hit the coast on Monday. JANE DOE/AFP via Getty Images",
    "The harbour at dawn. Photo: Jane Doe/Brennock Daily",
    "Storm clouds over the bay. EPA-EFE/JANE DOE",
]


@pytest.mark.parametrize("line", DEBRIS + CAPTIONS)
def test_each_debris_line_and_photo_caption_is_removed_from_inside_the_story(line: str) -> None:
    cleaned = clean_capture("\n".join([*STORY[:2], line, *STORY[2:]]))
    assert cleaned.text.splitlines() == STORY
    assert line in cleaned.removed


@pytest.mark.parametrize(
    "last", ["Police said no one was hurt.", "Mora denied the claim.", "The strike was called off on Friday."]
)
@pytest.mark.parametrize("footer", [[], ["© 2026 AFP. All rights reserved."], ["Follow us on Twitter", "Share"]])
def test_a_short_last_paragraph_is_story_not_furniture(last: str, footer: list[str]) -> None:
    """A sentence of three words or more ending the story is kept, with or without a footer after it."""
    cleaned = clean_capture("\n\n".join([*STORY, last, *footer]))
    assert cleaned.text.splitlines() == [*STORY, last]
    assert set(footer) <= set(cleaned.removed)


@pytest.mark.parametrize(
    "line",
    [
        "The Associated Press contributed to this report.",
        "Sign up now.",
        "Click here to subscribe.",
    ],
)
def test_a_short_credit_or_prompt_after_the_story_is_not_a_sentence_of_it(line: str) -> None:
    cleaned = clean_capture("\n\n".join([*STORY, line]))
    assert cleaned.text.splitlines() == STORY
    assert line in cleaned.removed


@pytest.mark.parametrize(
    "line",
    [
        "A Reuters/Ipsos poll found that 40 percent of voters backed the plan, according to Reuters/Ipsos.",
        "The ministry updated its figures two hours ago, officials said.",
        "Related talks were held in the capital on Monday.",
        "The photo was taken by Jane Doe in 2020 and shows the harbour wall.",
        "About 40 tonnes of roses were sitting in cold stores, growers told AFP.",
        "Click the link in the ministry's message to enlarge the map, officials told residents.",
        "Watchers of the port say the talks will resume on March 3, 2026 at the earliest.",
        "The editor's note in Tuesday's edition apologised for the error, the paper said.",
    ],
)
def test_story_sentences_that_resemble_debris_are_kept(line: str) -> None:
    assert not is_debris(line)


def test_debris_and_captions_are_removed_from_a_saved_web_page() -> None:
    paragraphs = [f"<p>{s}</p>" for s in STORY]
    page = "\n".join(
        [
            "<!doctype html><html><head><title>Ferry Service Suspended</title></head><body><article>",
            "<h1>Ferry Service Suspended as Storm Batters Brennock Coast</h1>",
            "<p>Updated 2 hours ago</p>",
            *paragraphs[:2],
            "<p>Story continues below advertisement</p>",
            f"<p>{CAPTIONS[0]}</p>",
            "<p><strong>RELATED:</strong> <a href='/x'>Ferry operators count the cost</a></p>",
            *paragraphs[2:],
            "<p>Have a news tip? Email us at tips@example.com</p>",
            "<p>Our Standards: <a href='/t'>The Thomson Reuters Trust Principles.</a></p>",
            "</article></body></html>",
        ]
    )
    extracted = extract_document(RawDocument("page.html", page.encode(), "html"))
    assert not isinstance(extracted, Skip)
    assert extracted.text.splitlines() == STORY


def _pad(text: str) -> str:
    """The story with every kind of debris around and inside it, as a careless capture has."""
    paragraphs = text.split("\n\n")
    middle = len(paragraphs) // 2
    return "\n\n".join(
        [
            paragraphs[0],
            "Updated 2 hours ago",
            *paragraphs[1:3],
            "Story continues below advertisement",
            "Dockworkers gather outside the North Terminal gates in Port Selwyn, March 2, 2026. "
            "REUTERS/Jane Doe",
            *paragraphs[3:middle],
            "RELATED: Marisca dockworkers threaten a wider strike",
            "Idle cranes at the port. (Photo by Jane Doe/AFP via Getty Images)",
            *paragraphs[middle:],
            "Have a news tip? Email us at tips@example.com",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ]
    )


def _tree(result: Trace) -> list[tuple[str, str, str]]:
    return sorted((e.parent, e.child, str(e.relation)) for e in result.edges)


def test_padding_copies_with_debris_never_changes_the_tree(examples: Path, tmp_path: Path) -> None:
    """The examples, and the examples with each text capture padded: the same edges and relations."""
    padded = tmp_path / "padded"
    shutil.copytree(examples, padded)
    for path in padded.glob("*.txt"):
        path.write_text(_pad(path.read_text(encoding="utf-8")), encoding="utf-8")
    plain, messy = trace([str(examples)], TraceOptions()), trace([str(padded)], TraceOptions())
    assert _tree(messy) == _tree(plain)
    assert [a.credits for a in messy.articles] == [a.credits for a in plain.articles]


def test_a_padded_copy_never_becomes_the_parent_of_its_clean_original(examples: Path, tmp_path: Path) -> None:
    """A made-up family: an original and a copy dropping its last paragraph, padded or not."""
    original = (examples / "wire-original.txt").read_text(encoding="utf-8")
    copy = "\n\n".join(original.split("\n\n")[:-2])
    trees = []
    for name, text in (("clean", copy), ("padded", _pad(copy))):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "original.txt").write_text(original, encoding="utf-8")
        (folder / "copy.txt").write_text(text, encoding="utf-8")
        trees.append(_tree(trace([str(folder)], TraceOptions())))
    assert trees[0] == trees[1] == [("original", "copy", "near-verbatim copy")]


def _long_story(paragraphs: int) -> list[str]:
    """Distinct paragraphs, every other one without a final full stop (each then checked as a pull quote)."""
    rng = random.Random(12)
    vocabulary = [f"{stem}{k}" for stem in ("berth", "cargo", "quay", "lot", "crane", "audit") for k in range(40)]
    out = []
    for n in range(paragraphs):
        line = "The inspectors " + " ".join(rng.choice(vocabulary) for _ in range(24)) + " in the end"
        out.append(line if n % 2 else line + ".")
    return out


def test_pull_quote_is_found_in_a_long_story() -> None:
    story = _long_story(3000)
    quote = " ".join(story[1500].split()[5:17])  # a stretch of a paragraph, shown again as a display line
    lines = [*story[:2000], quote, *story[2000:]]
    cleaned = clean_capture("\n".join(lines))
    assert quote in cleaned.removed
    assert len(cleaned.text.splitlines()) == 3000


def test_paragraphs_without_full_stop_are_kept_in_a_long_story() -> None:
    cleaned = clean_capture("\n".join(_long_story(3000)))
    assert cleaned.removed == ()


@pytest.mark.parametrize("lines", [40, 400])
def test_a_pull_quote_without_its_paragraphs_accents_is_removed_in_a_short_and_a_long_story(lines: int) -> None:
    """Stories of 300+ lines find pull quotes through a word index: it must forgive what the
    comparison forgives (here dropped accents), so both sizes give the same result."""
    paragraph = (
        "Según el ministro García, la situación económica está mejorando rápidamente en las regiones "
        "más pobres del país según los últimos datos oficiales."
    )
    quote = "la situacion economica esta mejorando rapidamente en"
    filler = [f"Línea número {n} con palabras distintas sobre el puerto {n * 7} y la grúa {n * 3}." for n in range(lines)]
    cleaned = clean_capture("\n".join([*filler[: lines // 2], paragraph, quote, *filler[lines // 2 :]]))
    assert quote in cleaned.removed
    assert paragraph in cleaned.text


@pytest.mark.parametrize(
    "note",
    [
        "(corrected repetition, correcting name of police operation in 10th par to `Flight')",
        "(ADVISORY: Note correct spelling of Khattab throughout)",
        "[Eds: adds quotes from the minister in paragraphs 5-6]",
    ],
)
def test_a_wire_desks_note_above_the_story_is_never_its_headline(note: str) -> None:
    """A note to editors in brackets, often longer than the headline, is left out of the title."""
    capture = (
        f"{note}\n\nCARE WORKERS JAILED FOR CHILD ABUSE\n\nBy Jane Doe, PA News\n\n"
        "Two care workers were jailed today for abusing children at a home in the north.\n\n"
        "The judge said the pair had betrayed the trust placed in them by the families.\n"
    )
    cleaned = clean_capture(capture)
    assert cleaned.title == "CARE WORKERS JAILED FOR CHILD ABUSE"
    assert note not in cleaned.text


def test_page_furniture_and_a_bare_signature_add_no_sentence_and_no_credit(
    examples: Path, tmp_path: Path
) -> None:
    """A copy of the wire story with a page's furniture inside it and a "Reporting by …; Editing by …"
    sign-off is the wire's near-verbatim copy: nothing added, no agency credited, the right title."""
    wire = (examples / "wire-original.txt").read_text(encoding="utf-8")
    _, *paragraphs, _ = wire.replace(" (AFP) -", " -").replace("told AFP that", "said that").split("\n\n")
    page = [
        "Marisca port strike strands ships",
        "Published March 3, 2026 at 10:15 am",
        "Editor's note: This story has been updated with comment from the port authority.",
        *paragraphs[:2],
        "Click to enlarge",
        *paragraphs[2:4],
        "Don't miss: Ten things to know about Marisca's ports",
        *paragraphs[4:6],
        "Watch: Dockworkers march through Port Selwyn",
        *paragraphs[6:],
        "Reporting by Jane Doe; Editing by John Roe",
    ]
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "story.txt").write_text("\n\n".join(page), encoding="utf-8")
    result = trace([str(tmp_path)], TraceOptions())
    story = next(a for a in result.articles if a.id == "story")
    assert story.title == "Marisca port strike strands ships"
    assert story.published == "2026-03-03"
    assert story.credits == ()
    original = next(a for a in result.articles if a.id == "wire")
    assert len(story.sentences) == len(original.sentences)
    (edge,) = result.edges
    assert (edge.parent, edge.child) == ("wire", "story")
    (alignment,) = result.alignments
    assert alignment.added == () and alignment.dropped == ()
