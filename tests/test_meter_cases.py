"""Cases from the METER corpus (dev split, read in place from ../shared/corpora; skipped where absent).

Each pins a behaviour found wrong on real wire copy, not a score: the scores are benchmarks/realdata.py's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from provtrace.models import CreditKind, Derivation
from provtrace.options import TraceOptions
from provtrace.pipeline import trace
from provtrace.render import OutputFormat, RenderOptions, renderer

ROOT = Path(__file__).resolve().parent.parent
PLACES = (ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora")
METER = next((p / "meter-dev" for p in PLACES if (p / "meter-dev").is_dir()), None)
pytestmark = pytest.mark.skipif(METER is None, reason="../shared/corpora/meter-dev is not present on this machine")

STORY = "express-mccartney-0336"
NL = "pa-showbiz_14.12.99_mccartney_mccartney1nl"


def _mccartney():  # type: ignore[no-untyped-def]
    assert METER is not None
    wire = sorted(str(p) for p in (METER / "wire" / "pa").glob("pa-showbiz_14.12.99_mccartney_*.txt"))
    return trace([str(METER / "stories" / f"{STORY}.txt"), *wire], TraceOptions())


def test_a_pa_byline_with_a_desk_before_the_role_marks_pa_copy() -> None:
    """'By Anthony Barnes, PA News Showbusiness Correspondent' is PA's own byline."""
    nl = _mccartney().article(NL)
    assert nl is not None
    assert any(c.agency == "PA" and c.kind is CreditKind.OWNER for c in nl.credits)
    assert nl.author == "Anthony Barnes"


def test_an_agency_copy_is_never_judged_taken_from_a_newspaper_story() -> None:
    """Outlets take from agencies: of the story and a PA item, the story's wording is measured, also
    where PA items are judged together (the PA item was once 'derived' from the story together)."""
    result = _mccartney()
    pair = next(r for r in result.related if {r.a, r.b} == {STORY, NL})
    assert pair.evidence[0].startswith(f"1% of {STORY}’s words")
    for r in result.related:
        if STORY in (r.a, r.b) and r.judgement is Derivation.DERIVED:
            assert f"{STORY}’s words" in r.evidence[0]


def test_a_story_written_independently_is_not_called_unrelated_to_what_it_reports_on() -> None:
    console = Console(width=400, record=True, color_system=None, force_terminal=False)
    console.print(renderer(OutputFormat.TEXT)(_mccartney(), RenderOptions()))
    out = console.export_text()
    unrelated = out.split("Unrelated (shares no meaningful content with the others):")[-1].split("\n\n")[0]
    assert STORY not in unrelated
    outside = out.split("Related to others, but not in the tree (see the pairs below):")[1].split("\n\n")[0]
    assert STORY in outside


def test_a_story_is_judged_together_only_with_the_agency_copy_among_its_partners() -> None:
    """Stepmother: 14 papers and 10 PA items. A paper's story compiled from PA's takes is pooled
    with the takes, never with another paper's story: no paper hangs from a paper, and the pooled
    judgement of a pair of papers never stands in for the pair (the Sun was once called a rewrite
    of the Telegraph, from a figure measured against three PA items and the Telegraph together)."""
    assert METER is not None
    files = sorted(
        str(p)
        for folder in (METER / "stories", METER / "wire" / "pa")
        for p in folder.glob("*stepmother*.txt")
    )
    result = trace(files, TraceOptions())
    papers = {a.id for a in result.articles if not a.id.startswith("pa-")}
    assert len(papers) == 14
    assert not [e for e in result.edges if e.parent in papers and e.child in papers]
    for r in result.related:
        if {r.a, r.b} <= papers:
            assert not any(line.startswith("taken together") for line in r.evidence)
