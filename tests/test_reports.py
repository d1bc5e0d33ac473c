"""provtrace never reads its own output as an article, and never reads a waiver line as story."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from provtrace.ingest.extract import build_article, extract_document
from provtrace.ingest.load import load_documents
from provtrace.ingest.reports import REPORT_REASON, report_format, skip_messages
from provtrace.models import RawDocument, Skip, Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace
from provtrace.render import OutputFormat, RenderOptions, renderer

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
REPORTS = sorted(p for p in GOLDEN.rglob("*") if p.is_file())


def test_the_goldens_cover_every_format_of_trace_diff_and_check() -> None:
    suffixes = {p.suffix for p in REPORTS}
    assert {".txt", ".md", ".csv", ".json", ".dot", ".graphml", ".html", ".sarif", ".xml"} <= suffixes


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: str(p.relative_to(GOLDEN)))
def test_every_report_format_is_recognised(report: Path) -> None:
    assert report_format(report.read_bytes()) is not None


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: str(p.relative_to(GOLDEN)))
def test_a_report_in_a_folder_is_skipped_with_one_note_naming_it(report: Path, tmp_path: Path) -> None:
    shutil.copy(report, tmp_path / report.name)
    (tmp_path / "story.txt").write_text("The ferry company suspended all crossings on Tuesday.\n")
    loaded = load_documents([str(tmp_path)])
    assert [Path(d.path).name for d in loaded.documents] == ["story.txt"]
    assert loaded.skipped == (Skip(str(tmp_path / report.name), REPORT_REASON, lost=False),)
    assert str(loaded.skipped[0]) == f"skipped {tmp_path / report.name}: a provtrace report, not an article"


def test_several_reports_in_a_folder_are_named_in_one_warning(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dir"
    shutil.copytree(examples, folder)
    for name in ("examples.md", "examples.csv", "examples.json"):
        shutil.copy(GOLDEN / name, folder / name)
    result = trace([str(folder)], TraceOptions())
    names = ", ".join(str(folder / name) for name in ("examples.csv", "examples.json", "examples.md"))
    assert result.warnings == (f"skipped 3 provtrace reports, not articles: {names}",)


def test_a_report_named_on_the_command_line_or_piped_in_is_skipped(tmp_path: Path) -> None:
    report = GOLDEN / "examples.md"
    assert load_documents([str(report)]).skipped == (Skip(str(report), REPORT_REASON, lost=False),)
    piped = load_documents(["-"], io.BytesIO(report.read_bytes()))
    assert piped.documents == () and piped.skipped == (Skip("standard input", REPORT_REASON, lost=False),)


def test_a_report_saved_in_utf16_is_still_recognised() -> None:
    """A shell that redirects output as UTF-16 with a byte-order mark (PowerShell) keeps the signature."""
    text = (GOLDEN / "examples.txt").read_text(encoding="utf-8")
    assert report_format(text.encode("utf-16")) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "Provenance report\n\nThe museum published a provenance report on the painting on Tuesday.\n",
        "# Provenance report\n\nThe museum's provenance report lists 5 articles of clothing.\n",
        "source,target,weight\na,b,1\n",
        '{"title": "Port strike", "text": "The schema of the talks: provtrace.trace/1 was not mentioned."}',
        "digraph G { a -> b }",
        "The council compared with last year's budget.\nThe council is a body of elected members.\n",
    ],
)
def test_articles_that_resemble_a_report_are_read(text: str) -> None:
    assert report_format(text.encode()) is None


def _tree(result: Trace) -> list[tuple[str, str, str]]:
    return sorted((e.parent, e.child, str(e.relation)) for e in result.edges)


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_tracing_a_folder_again_after_saving_a_report_in_it_gives_the_same_tree(
    fmt: OutputFormat, examples: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "dir"
    shutil.copytree(examples, folder)
    first = trace([str(folder)], TraceOptions())
    out = renderer(fmt)(first, RenderOptions())
    suffix = {"text": "txt", "markdown": "md"}.get(fmt.value, fmt.value)
    text = out if isinstance(out, str) else _plain(out)
    (folder / f"report.{suffix}").write_text(text, encoding="utf-8")
    second = trace([str(folder)], TraceOptions())
    assert [a.id for a in second.articles] == [a.id for a in first.articles]
    assert _tree(second) == _tree(first)


def _plain(renderable: object) -> str:
    from rich.console import Console

    console = Console(file=io.StringIO(), width=100, color_system=None, force_terminal=False)
    console.print(renderable)
    out = console.file.getvalue()
    assert isinstance(out, str)
    return out


WAIVER = "provtrace: allow uncredited-reuse Reuters -- licensed via the Reuters partner deal"
STORY = (
    "Fire on cargo ship forces evacuation at Port Selwyn\n\n"
    "A fire swept through the cargo ship Alba Serena in Port Selwyn harbour on Tuesday, forcing all 23 "
    "crew members to evacuate, the port authority said.\n\n"
    "Firefighters fought the blaze for nine hours before bringing it under control late in the evening, "
    "harbour master Julio Reyes said.\n"
)


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        ("txt", f"{WAIVER}\n\n{STORY}"),
        ("txt", STORY.replace("\n\nFirefighters", f"\n\n{WAIVER}\n\nFirefighters")),
        ("md", f"<!-- {WAIVER} -->\n\n# {STORY}"),
    ],
)
def test_a_waiver_line_is_never_a_title_a_sentence_or_a_credit(suffix: str, text: str) -> None:
    extracted = extract_document(RawDocument(f"story.{suffix}", text.encode(), suffix))
    assert not isinstance(extracted, Skip)
    article = build_article("story", extracted)
    assert article.title == "Fire on cargo ship forces evacuation at Port Selwyn"
    assert not any("provtrace" in s.text for s in article.sentences)
    assert not any("provtrace" in line for line in article.removed)
    assert article.credits == ()


def test_a_wire_index_in_a_folder_is_skipped_as_a_provtrace_index(examples: Path, tmp_path: Path) -> None:
    import sqlite3

    from provtrace.index import ArchiveIndex
    from provtrace.ingest.load import INDEX_REASON

    shutil.copy(examples / "wire-original.txt", tmp_path / "wire.txt")
    with ArchiveIndex(tmp_path / "provtrace-index.sqlite", create=True) as archive:
        archive.add([str(tmp_path / "wire.txt")])
    sqlite3.connect(tmp_path / "other.sqlite").execute("CREATE TABLE t (x)").connection.close()
    skipped = {Path(s.path).name: s.reason for s in load_documents([str(tmp_path)]).skipped}
    assert skipped["provtrace-index.sqlite"] == INDEX_REASON == "a provtrace index, not an article"
    assert skipped["other.sqlite"].startswith("not an article file")
    # Kept in the wire folder, as the README suggests, it goes unsaid; the other file does not.
    said = skip_messages(load_documents([str(tmp_path)]).skipped)
    assert not any("provtrace-index" in line for line in said)
    assert any("other.sqlite" in line for line in said)


def test_a_diff_report_of_a_pair_whose_order_cannot_be_told_is_recognised() -> None:
    head = "b compared with a\nWhich of a and b came first cannot be told from the texts (…): …\n"
    assert report_format(head.encode()) == "diff text"
    assert report_format(("# " + head.replace("\n", "\n\n", 1)).encode()) == "diff Markdown"
