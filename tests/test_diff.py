"""provtrace diff: reading order of rows, the upstream side, the views and the command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from provtrace.cli.app import app
from provtrace.diff import diff_articles
from provtrace.errors import ExitCode, InputError
from provtrace.models import Alignment, Link, LinkKind, Trace
from provtrace.render import DiffFormat, RenderOptions, diff_renderer
from provtrace.render.rows import RowKind, count_changes, rows

from .conftest import ROOT

runner = CliRunner()

WIRE = "examples/wire-original.txt"
COASTAL = "examples/coastalpost-rewrite.txt"
HARBOUR = "examples/harbourtimes-syndicated.html"


def link(source: tuple[int, ...], target: tuple[int, ...], kind: LinkKind = LinkKind.VERBATIM) -> Link:
    return Link(source, target, kind, 1.0, False)


def plain(renderable: object, width: int) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(renderable)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def coastal() -> Trace:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return diff_articles(WIRE, COASTAL)


def test_rows_follow_the_target_with_drops_after_their_predecessor() -> None:
    alignment = Alignment(
        "a",
        "b",
        (link((0,), (0,)), link((3,), (1,), LinkKind.ALTERED), link((4, 5), (3,))),
        added=(2,),
        dropped=(1, 2, 6),
    )
    got = [(r.kind, r.source, r.target) for r in rows(alignment)]
    assert got == [
        (RowKind.VERBATIM, (0,), (0,)),
        (RowKind.DROPPED, (1,), ()),
        (RowKind.DROPPED, (2,), ()),
        (RowKind.ALTERED, (3,), (1,)),
        (RowKind.ADDED, (), (2,)),
        (RowKind.VERBATIM, (4, 5), (3,)),
        (RowKind.DROPPED, (6,), ()),
    ]


def test_a_drop_before_every_link_comes_first() -> None:
    alignment = Alignment("a", "b", (link((1,), (0,)),), added=(), dropped=(0,))
    assert [r.kind for r in rows(alignment)] == [RowKind.DROPPED, RowKind.VERBATIM]


def test_rows_hold_every_link_added_and_dropped_sentence_once(coastal: Trace) -> None:
    alignment = coastal.alignments[0]
    got = rows(alignment)
    assert len(got) == len(alignment.links) + len(alignment.added) + len(alignment.dropped)
    assert sorted(j for r in got for j in r.target) == sorted(
        [*alignment.added, *(j for l in alignment.links for j in l.target)]
    )


def test_counts_are_taken_on_the_child_side_and_drops_on_the_parent(coastal: Trace) -> None:
    alignment = coastal.alignments[0]
    parent, child = coastal.article(alignment.source), coastal.article(alignment.target)
    assert parent is not None and child is not None
    c = count_changes(alignment, parent, child)
    assert (c.parent_sentences, c.child_sentences) == (24, 22)
    assert c.dropped == len(alignment.dropped) and c.share(c.dropped, of_parent=True) == c.dropped / 24


@pytest.mark.parametrize("order", [(WIRE, HARBOUR), (HARBOUR, WIRE)])
def test_the_upstream_side_is_inferred_whatever_the_order(
    order: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = diff_articles(*order)
    assert (result.alignments[0].source, result.alignments[0].target) == (
        "wire-original",
        "harbourtimes-syndicated",
    )
    assert len(result.alignments) == 1 and len(result.articles) == 2


def test_source_option_makes_that_article_the_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = diff_articles(WIRE, HARBOUR, source=HARBOUR)
    assert result.alignments[0].source == "harbourtimes-syndicated"
    out = plain(diff_renderer(DiffFormat.TEXT)(result, RenderOptions()), 100)
    assert "provtrace infers the opposite" in out


def test_source_must_name_one_of_the_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    with pytest.raises(InputError, match="neither of the two"):
        diff_articles(WIRE, HARBOUR, source=COASTAL)


def test_two_files_of_the_same_name_get_distinct_ids(tmp_path: Path) -> None:
    text = (ROOT / WIRE).read_text(encoding="utf-8")
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    result = diff_articles(str(tmp_path / "x" / "story.txt"), str(tmp_path / "y" / "story.txt"))
    assert {a.id for a in result.articles} == {"story", "story-2"}
    assert all(l.kind is LinkKind.VERBATIM for l in result.alignments[0].links)


def test_text_golden_interleaved_when_narrow(coastal: Trace, golden) -> None:  # type: ignore[no-untyped-def]
    out = plain(diff_renderer(DiffFormat.TEXT)(coastal, RenderOptions()), 100)
    assert "[-said.-]" not in out or "{+" in out
    golden("diff-coastalpost.txt", out)


def test_text_golden_side_by_side_when_wide(coastal: Trace, golden) -> None:  # type: ignore[no-untyped-def]
    out = plain(diff_renderer(DiffFormat.TEXT)(coastal, RenderOptions()), 160)
    assert "wire-original (source)" in out
    golden("diff-coastalpost-wide.txt", out)


def test_markdown_golden(coastal: Trace, golden) -> None:  # type: ignore[no-untyped-def]
    text = diff_renderer(DiffFormat.MARKDOWN)(coastal, RenderOptions())
    assert isinstance(text, str)
    golden("diff-coastalpost.md", text)


def test_html_golden(coastal: Trace, golden) -> None:  # type: ignore[no-untyped-def]
    text = diff_renderer(DiffFormat.HTML)(coastal, RenderOptions())
    assert isinstance(text, str) and "<script" not in text
    golden("diff-coastalpost.html", text)


def test_every_altered_sentence_sits_next_to_its_counterpart(coastal: Trace) -> None:
    text = diff_renderer(DiffFormat.MARKDOWN)(coastal, RenderOptions())
    assert isinstance(text, str)
    table = [line for line in text.splitlines() if line.startswith("| altered")]
    altered = [l for l in coastal.alignments[0].links if l.kind is LinkKind.ALTERED]
    assert len(table) == len(altered)
    for line, l in zip(table, sorted(altered, key=lambda l: min(l.target)), strict=True):
        cells = line.split(" | ")
        assert cells[1] == "+".join(map(str, l.source)) and cells[3] == "+".join(map(str, l.target))
        assert "~~" in cells[2] or "**" in cells[4]


# --- the command ---------------------------------------------------------------------


def test_diff_in_a_pipe_is_plain_interleaved_text(examples: Path) -> None:
    result = runner.invoke(app, ["diff", str(examples / "wire-original.txt"), str(examples / HARBOUR[9:])])
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "[-pay rise-]" in result.stdout and "{+wage increase+}" in result.stdout
    assert "harbourtimes-syndicated is a near-verbatim copy of wire-original" in result.stdout
    assert any(line.startswith("~ 9 → 9   was ") for line in result.stdout.splitlines())


def test_a_wide_terminal_gets_the_side_by_side_view(examples: Path) -> None:
    args = ["diff", str(examples / "wire-original.txt"), str(examples / "coastalpost-rewrite.txt")]
    wide = runner.invoke(app, args, env={"COLUMNS": "150"})
    narrow = runner.invoke(app, args, env={"COLUMNS": "100"})
    assert "wire-original (source)" in wide.stdout and "wire-original (source)" not in narrow.stdout
    assert max(map(len, wide.stdout.splitlines())) > 120


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_two_siblings_are_set_side_by_side_never_called_source_and_version(examples: Path, fmt: str) -> None:
    # Both cite AFP and neither derives from the other (review, session 12: seeds 003 and 000 were
    # called "source" and "version", with "added" and "dropped", under "neither derives from the other").
    args = ["diff", str(examples / "coastalpost-rewrite.txt"), str(examples / "morning-briefing-summary.md")]
    result = runner.invoke(app, [*args, "-f", fmt], env={"COLUMNS": "150"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Neither derives from the other: both derive from an unseen AFP original" in out
    assert "unseen:afp" not in out
    assert "only on the right" in out and "only on the left" in out
    for word in (
        "(source)",
        "source’s",
        "Source:",
        "Version:",
        "version  ",
        ">version<",
        ">source<",
        "Dropped",
        "| dropped |",
        ">dropped<",
        "- dropped",
        "| added |",
        ">added<",
        "+ added",
    ):
        assert word not in out, word
    assert ">left<" in out if fmt == "html" else True
    # The heading names the two as they stand, left then right (new-user review, session 19: it
    # named the right one first, then said the other was on the left).
    assert "coastalpost-rewrite compared with morning-briefing-summary" in out
    assert "morning-briefing-summary compared with coastalpost-rewrite" not in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_two_texts_whose_order_cannot_be_told_are_set_side_by_side(tmp_path: Path, fmt: str) -> None:
    # The tree hedged such an edge, but diff said "1 added; 1 of the source's dropped" (review, session 17).
    shared = (
        "Harbour board sells north pier\n\nThe harbour board voted 5-2 on Tuesday to sell the north pier to a "
        "logistics group, officials said.\n\nThe sale is expected to close by the end of the year, according "
        "to a statement from the board.\n\nDockworkers protested outside the meeting, saying the sale would "
        "cost hundreds of jobs in the town.\n\nThe logistics group plans to build a new container terminal "
        "on the site within three years.\n"
    )
    alpha = "Local shops said they feared losing customers once the pier closed to the public.\n"
    beta = "The mayor said she would ask the regional government to review the decision next month.\n"
    (tmp_path / "alpha.txt").write_text(shared + alpha, encoding="utf-8")
    (tmp_path / "beta.txt").write_text(shared + beta, encoding="utf-8")
    result = runner.invoke(app, ["diff", str(tmp_path / "alpha.txt"), str(tmp_path / "beta.txt"), "-f", fmt])
    assert result.exit_code == 0, result.stderr
    assert "cannot be told" in result.stdout
    assert "only on the right" in result.stdout and "only on the left" in result.stdout
    for word in ("source’s", "| added |", ">added<", "+ added", " dropped", ">dropped<"):
        assert word not in result.stdout, word


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("json", '"schema": "provtrace.trace/1"'), ("markdown", "| Change | # |"), ("html", "<!DOCTYPE html>")],
)
def test_diff_formats(examples: Path, fmt: str, marker: str) -> None:
    args = ["diff", str(examples / "wire-original.txt"), str(examples / "coastalpost-rewrite.txt"), "-f", fmt]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout


def test_diff_json_is_the_contract_with_one_alignment(examples: Path) -> None:
    args = [
        "diff",
        str(examples / "coastalpost-rewrite.txt"),
        str(examples / "wire-original.txt"),
        "-f",
        "json",
    ]
    data = json.loads(runner.invoke(app, args).stdout)
    assert [(a["source"], a["target"]) for a in data["alignments"]] == [
        ("wire-original", "coastalpost-rewrite")
    ]


@pytest.mark.parametrize(
    ("name", "marker"), [("d.md", "| Change |"), ("d.html", "<!DOCTYPE html>"), ("d.txt", "was")]
)
def test_diff_output_extension_picks_the_format(
    examples: Path, tmp_path: Path, name: str, marker: str
) -> None:
    target = tmp_path / name
    args = [
        "diff",
        str(examples / "wire-original.txt"),
        str(examples / "coastalpost-rewrite.txt"),
        "-o",
        str(target),
    ]
    assert runner.invoke(app, args).exit_code == 0
    assert marker in target.read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == [target]


def test_diff_reads_standard_input(examples: Path) -> None:
    text = (examples / "wire-original.txt").read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["diff", "-", str(examples / "coastalpost-rewrite.txt"), "-f", "json"], input=text
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["alignments"][0]["source"] == "stdin"


def unusable(kind: str, folder: Path) -> str:
    """A path diff cannot use."""
    if kind == "empty":
        (folder / "empty.txt").write_text("")
        return str(folder / "empty.txt")
    if kind == "not-an-article":
        (folder / "p.png").write_bytes(b"\x89PNG\r\n")
        return str(folder / "p.png")
    if kind == "a-folder":
        return str(ROOT / "examples")
    return str(folder / "missing.txt")


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "missing.txt: no such file or folder"),
        ("empty", "the file is empty"),
        ("not-an-article", "a PNG image, not text"),
        ("a-folder", "it is a folder; diff compares two files"),
    ],
)
def test_an_unusable_article_is_exit_2_with_one_line(tmp_path: Path, kind: str, message: str) -> None:
    bad = unusable(kind, tmp_path)
    for args in (["diff", bad, str(ROOT / WIRE)], ["diff", str(ROOT / WIRE), bad]):
        result = runner.invoke(app, args)
        assert result.exit_code == ExitCode.USAGE
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: cannot use {bad}") and message in lines[0]
        assert result.stdout == ""


def test_an_unknown_source_is_exit_2(examples: Path) -> None:
    args = ["diff", str(examples / "wire-original.txt"), str(examples / "coastalpost-rewrite.txt")]
    result = runner.invoke(app, [*args, "--source", "other.txt"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip().startswith("error: --source other.txt is neither of the two articles: give")
    assert result.stderr.count("\n") == 1


def test_source_may_be_named_by_path_file_name_or_id(examples: Path) -> None:
    args = [
        "diff",
        str(examples / "wire-original.txt"),
        str(examples / "coastalpost-rewrite.txt"),
        "-f",
        "json",
    ]
    outputs = {
        runner.invoke(app, [*args, "--source", given]).stdout
        for given in (
            str(examples / "coastalpost-rewrite.txt"),
            "coastalpost-rewrite.txt",
            "coastalpost-rewrite",
        )
    }
    assert len(outputs) == 1
    assert '"source": "coastalpost-rewrite"' in outputs.pop()


def test_the_same_file_twice_is_a_usage_error(examples: Path) -> None:
    path = str(examples / "wire-original.txt")
    result = runner.invoke(app, ["diff", path, path])
    assert result.exit_code == ExitCode.USAGE
    assert "given twice" in result.stderr


def test_standard_input_twice_is_a_usage_error_that_says_so(examples: Path) -> None:
    text = (examples / "wire-original.txt").read_bytes()
    result = runner.invoke(app, ["diff", "-", "-"], input=text)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip() == (
        "error: standard input (-) is given twice: it holds one article; name a file for the other"
    )


def test_hostile_articles_stay_literal_in_every_diff_format(tmp_path: Path) -> None:
    from .helpers import hostile_files

    a, b = hostile_files(tmp_path)
    for fmt in DiffFormat:
        for env in ({}, {"COLUMNS": "160"}):
            result = runner.invoke(app, ["diff", str(a), str(b), "-f", fmt], env=env)
            assert result.exit_code == 0, result.stderr
            assert "\x1b" not in result.stdout and "\x07" not in result.stdout
            if fmt is DiffFormat.HTML:
                assert "<script>" not in result.stdout and "&lt;script&gt;" in result.stdout
            if fmt is DiffFormat.MARKDOWN:
                assert "\\<script\\>" in result.stdout and "\\[bold red\\]" in result.stdout
            if fmt is DiffFormat.TEXT:
                assert "[bold red]x[/]" in result.stdout and "<script>alert(1)</script>" in result.stdout


@pytest.mark.parametrize("columns", ["60", "150"])
def test_text_without_spaces_is_folded_by_display_width_never_cut(columns: str, tmp_path: Path) -> None:
    """A Chinese sentence wider than its column is folded onto more lines, with every character kept."""
    kept = "北京市政府周二宣布将在未来三年内投资五百亿元人民币用于改善城市公共交通系统和空气质量"
    (tmp_path / "a.txt").write_text(
        kept + "。市长表示这一计划将惠及两千多万居民并显著减少交通拥堵。", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(kept + "。", encoding="utf-8")
    result = runner.invoke(
        app, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], env={"COLUMNS": columns}
    )
    assert result.exit_code == 0, result.stderr
    assert "…" not in result.stdout
    from rich.cells import cell_len

    assert max(cell_len(line) for line in result.stdout.splitlines()) <= int(columns)
    assert kept in "".join(part for line in result.stdout.splitlines() for part in line.split())


def test_diff_gives_a_pair_the_links_and_scores_trace_gives_it(examples: Path) -> None:
    """A pair's alignment does not depend on the other articles of the folder."""
    from provtrace.options import TraceOptions
    from provtrace.pipeline import trace

    folder = trace([str(examples)], TraceOptions(all_pairs=True))
    for name in ("coastalpost-rewrite.txt", "harbourtimes-syndicated.html", "morning-briefing-summary.md"):
        shown = diff_articles(str(examples / "wire-original.txt"), str(examples / name))
        (pair,) = shown.alignments
        traced = folder.alignment(pair.source, pair.target)
        assert traced is not None
        assert traced.links == pair.links


# --- a pair whose direction is balanced and whose changes flip meanings ---------------

_HARBOUR_A = """Harbour talks stall as strike enters fourth week

The government of President José Rodríguez said on Monday it would not raise the offer of a 6 percent pay rise for the 2,400 striking dockworkers.
The strike has cost the economy $4.5 million a day, the port authority said in a statement.
Union leader Tomás Mora said the members were ready to stay out for months.
Police detained 32 people after scuffles outside the North Terminal on Sunday.
The minister said the talks could resume on Wednesday if both sides agreed.
Officials in the U.S. said they were watching the situation closely.
The port handles nearly 70 percent of the country's trade.
Exporters of bananas and cut flowers have been the hardest hit by the stoppage.
A spokesman for the authority declined to comment on the union's latest demand.
The last major strike, in 2019, lasted nine days and ended with a deal.
"""
_FLIPS = {
    "were ready": "were not ready",
    "detained 32": "detained 23",
    "talks could": "talks would",
    "in 2019,": "in 2018,",
    "José Rodríguez": "Jose Rodriguez",
    "$4.5 million": "$4.5 billion",
    "U.S.": "US",
    "70 percent": "70 per cent",
    "stoppage.": "stoppage!",
    "union's": "union’s",
}


@pytest.fixture()
def flipped(tmp_path: Path) -> tuple[str, str]:
    """Two versions of one story, each as likely the first, b flipping four meanings of a."""
    b = _HARBOUR_A
    for old, new in _FLIPS.items():
        b = b.replace(old, new)
    (tmp_path / "a.txt").write_text(_HARBOUR_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    return str(tmp_path / "a.txt"), str(tmp_path / "b.txt")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_diff_shows_meaning_flip_flags_in_every_format(flipped: tuple[str, str], fmt: str) -> None:
    result = runner.invoke(app, ["diff", *flipped, "-f", fmt])
    assert result.exit_code == 0, result.stderr
    for flag in ("negation", "number", "modal", "date"):
        assert flag in result.stdout, flag
    if fmt == "markdown":
        assert "| altered · **negation** | 2 |" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_diff_headline_says_when_the_direction_cannot_be_told(flipped: tuple[str, str], fmt: str) -> None:
    result = runner.invoke(app, ["diff", *flipped, "-f", fmt])
    assert result.exit_code == 0, result.stderr
    said = "Which of a and b came first cannot be told from the texts (the evidence of direction is balanced)"
    assert said in result.stdout
    assert "b is a rewrite of a" not in result.stdout
    traced = runner.invoke(app, ["trace", *flipped])
    assert said[1:] in traced.stdout  # the same words as trace's


def test_diff_headline_says_an_undecided_source_is_shown_as_asked(flipped: tuple[str, str]) -> None:
    result = runner.invoke(app, ["diff", *flipped, "--source", "b"])
    assert "b is shown as the source as asked." in result.stdout


@pytest.fixture()
def same_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Two versions of one story in two folders, both called story.txt."""
    monkeypatch.chdir(tmp_path)
    wire, coastal = (ROOT / WIRE).read_text(encoding="utf-8"), (ROOT / COASTAL).read_text(encoding="utf-8")
    for folder, text in (("a", wire), ("b", coastal)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    return "a/story.txt", "b/story.txt"


def test_a_source_name_that_fits_both_same_named_files_is_ambiguous(same_name: tuple[str, str]) -> None:
    result = runner.invoke(app, ["diff", *same_name, "--source", "story.txt"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip() == (
        "error: --source story.txt is ambiguous, naming both articles: "
        "give its path (a/story.txt or b/story.txt) or its id (story or story-2)"
    )


@pytest.mark.parametrize(
    ("given", "source"), [("story", "story"), ("story-2", "story-2"), ("b/story.txt", "story-2")]
)
def test_source_names_either_same_named_file_by_its_id_or_path(
    same_name: tuple[str, str], given: str, source: str
) -> None:
    assert diff_articles(*same_name, source=given).alignments[0].source == source


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        # Issue 12: swapped figures, an ordinal, an order of magnitude, a weekday.
        (
            {"offered a 6 percent": "offered a 9 percent", "seeking nine percent": "seeking six percent"},
            ["number"],
        ),
        ({"its third day": "its fifth day"}, ["number"]),
        ({"stranded at anchor and thousands": "stranded at anchor and hundreds"}, ["number"]),
        ({"began on Sunday": "began on Friday"}, ["date"]),
        # One figure written otherwise: no flag.
        ({"about 2,400 members": "about 2 400 members"}, []),
        ({"about $4.5 million a day": "about $4,500,000 a day"}, []),
        ({"a $310 million plan": "a $310m plan"}, []),
        ({"on Jan. 14,": "on 14 January,"}, []),
    ],
)
def test_diff_flags_a_changed_figure_and_not_one_written_otherwise(
    examples: Path, tmp_path: Path, edits: dict[str, str], expected: list[str]
) -> None:
    text = (examples / "wire-original.txt").read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    (tmp_path / "edited.txt").write_text(text, encoding="utf-8")
    wire = str(examples / "wire-original.txt")
    result = runner.invoke(app, ["diff", wire, str(tmp_path / "edited.txt"), "--source", wire, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    (alignment,) = json.loads(result.stdout)["alignments"]
    changed = [link for link in alignment["links"] if link["kind"] != "verbatim"]
    assert changed and all(link["changes"] == expected for link in changed), changed
