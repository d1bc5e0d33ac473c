"""Report formats: golden output for the example family, structure, and hostile article text."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provtrace.cli.app import app
from provtrace.models import Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace_articles
from provtrace.render import FORMAT_BY_SUFFIX, OutputFormat, RenderOptions, renderer
from provtrace.render.escape import markdown as md_escape

from .conftest import require_tool
from .helpers import HOSTILE, article, hostile_files, hostile_trace

runner = CliRunner()

GOLDEN_NAMES = {
    OutputFormat.MARKDOWN: "examples.md",
    OutputFormat.HTML: "examples.html",
    OutputFormat.DOT: "examples.dot",
    OutputFormat.GRAPHML: "examples.graphml",
    OutputFormat.CSV: "examples.csv",
}


def render(fmt: OutputFormat, result: Trace, brief: bool = False) -> str:
    text = renderer(fmt)(result, RenderOptions(brief=brief))
    assert isinstance(text, str)
    return text


@pytest.mark.parametrize("fmt", list(GOLDEN_NAMES), ids=str)
def test_golden_for_the_example_family(fmt: OutputFormat, example_trace: Trace, golden) -> None:  # type: ignore[no-untyped-def]
    # The golden fixture reads files with universal newlines; CRLF is checked on its own below.
    golden(GOLDEN_NAMES[fmt], render(fmt, example_trace).replace("\r\n", "\n"))


def test_every_format_has_a_renderer_and_an_extension() -> None:
    for fmt in OutputFormat:
        assert callable(renderer(fmt))
        assert fmt in FORMAT_BY_SUFFIX.values()


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("r.md", "# Provenance report"),
        ("r.html", "<!DOCTYPE html>"),
        ("r.htm", "<!DOCTYPE html>"),
        ("r.dot", "digraph provtrace {"),
        ("r.gv", "digraph provtrace {"),
        ("r.graphml", "<graphml"),
        ("r.csv", "source,target,source_indices"),
        ("r.json", '"schema": "provtrace.trace/1"'),
        ("r.txt", "near-verbatim copy of wire-original"),
    ],
)
def test_output_extension_picks_the_format(examples: Path, tmp_path: Path, name: str, marker: str) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["trace", str(examples), "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    assert marker in target.read_text(encoding="utf-8")


def test_format_option_wins_over_the_extension(examples: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    assert runner.invoke(app, ["trace", str(examples), "-o", str(target), "-f", "csv"]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("source,target,")


def test_markdown_lists_the_tree_and_a_table_row_per_edge(example_trace: Trace) -> None:
    text = render(OutputFormat.MARKDOWN, example_trace)
    assert "- **wire-original**" in text
    assert "  - **harbourtimes-syndicated**" in text
    table = [l for l in text.splitlines() if l.startswith("| harbourtimes-syndicated | wire-original |")]
    assert len(table) == 1 and table[0].count("|") == 10
    assert "~~pay rise~~" in text and "**wage increase**" in text


def test_markdown_brief_leaves_out_the_sentences(example_trace: Trace) -> None:
    assert "~~pay rise~~" not in render(OutputFormat.MARKDOWN, example_trace, brief=True)


def test_csv_has_one_row_per_link_added_and_dropped_sentence(example_trace: Trace) -> None:
    rows = list(csv.DictReader(io.StringIO(render(OutputFormat.CSV, example_trace), newline="")))
    expected = sum(len(al.links) + len(al.added) + len(al.dropped) for al in example_trace.alignments)
    assert len(rows) == expected
    assert {r["kind"] for r in rows} == {"verbatim", "altered", "paraphrase", "added", "dropped"}
    added = [r for r in rows if r["kind"] == "added"]
    assert all(r["source_indices"] == r["source_text"] == r["score"] == r["partial"] == "" for r in added)
    assert all(r["target_text"] for r in added)
    linked = [r for r in rows if r["kind"] not in ("added", "dropped")]
    assert all(r["partial"] in ("true", "false") and 0 <= float(r["score"]) <= 1 for r in linked)


def test_csv_uses_crlf_and_rfc4180_quoting(example_trace: Trace) -> None:
    text = render(OutputFormat.CSV, example_trace)
    assert text.count("\r\n") == text.count("\n")
    assert '"""If the ships do not sail by Thursday' in text  # quotes doubled inside a quoted cell


def test_graphml_parses_with_every_node_and_edge(example_trace: Trace) -> None:
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(render(OutputFormat.GRAPHML, example_trace))
    nodes = root.findall(".//g:node", ns)
    edges = root.findall(".//g:edge", ns)
    assert len(nodes) == len(example_trace.articles) + len(example_trace.unseen)
    assert len(edges) == len(example_trace.edges)
    relations = {e.find("g:data[@key='relation']", ns).text for e in edges}  # type: ignore[union-attr]
    assert relations == {"rewrite", "near-verbatim copy", "summary"}


def test_dot_has_a_statement_per_node_and_edge(example_trace: Trace) -> None:
    text = render(OutputFormat.DOT, example_trace)
    assert text.count(" -> ") == len(example_trace.edges)
    assert len(re.findall(r'^  "[^"]+" \[label=', text, re.M)) == len(example_trace.articles)
    copy = next(e for e in example_trace.edges if e.relation == "near-verbatim copy")
    assert f'relation="near-verbatim copy", confidence="{copy.confidence:.2f}"' in text


def test_graphviz_reads_the_dot_output(example_trace: Trace) -> None:
    done = subprocess.run(
        [require_tool("dot", "graphviz"), "-Tplain"],
        input=render(OutputFormat.DOT, example_trace),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert sum(line.startswith("node ") for line in done.stdout.splitlines()) == len(example_trace.articles)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


def test_html_is_self_contained(example_trace: Trace) -> None:
    text = render(OutputFormat.HTML, example_trace)
    page = parse_html(text)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "link", "iframe", "object", "embed", "image", "use", "foreignobject"}
    for _, attrs in page.tags:
        assert "src" not in attrs
        assert not [a for a in attrs if a.startswith("on")]
        assert (attrs.get("href") or "#").startswith("#")
    assert "@import" not in text and "url(http" not in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def test_html_draws_a_node_per_article_and_a_panel_per_edge(example_trace: Trace) -> None:
    page = parse_html(render(OutputFormat.HTML, example_trace))
    nodes = [a for tag, a in page.tags if tag == "g" and "node" in (a.get("class") or "").split()]
    assert len(nodes) == len(example_trace.articles) + len(example_trace.unseen)
    assert [a.get("data-id") for a in nodes if "source" in (a.get("class") or "")] == ["wire-original"]
    panels = [a for tag, a in page.tags if tag == "section" and "panel" in (a.get("class") or "")]
    assert len(panels) == len(example_trace.edges)
    assert any(tag == "del" for tag, _ in page.tags) and any(tag == "ins" for tag, _ in page.tags)
    assert "@media print" in render(OutputFormat.HTML, example_trace)


# --- hostile article text ---------------------------------------------------------------



@pytest.fixture(scope="module")
def hostile() -> Trace:
    return hostile_trace()


@pytest.mark.parametrize("fmt", [f for f in OutputFormat if f is not OutputFormat.TEXT], ids=str)
def test_no_format_lets_a_control_character_through(fmt: OutputFormat, hostile: Trace) -> None:
    text = render(fmt, hostile)
    if fmt is OutputFormat.JSON:
        assert "\\u001b" in text  # JSON keeps the text exactly, escaped
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)


def test_html_escapes_article_text_everywhere(hostile: Trace) -> None:
    text = render(OutputFormat.HTML, hostile)
    page = parse_html(text)
    assert "script" not in {tag for tag, _ in page.tags}
    assert "blink" not in {tag for tag, _ in page.tags}  # the id's <blink> stays text
    assert "<script>alert(1)</script>" in "".join(page.text)  # shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&amp;amp;" in text
    ids = [a.get("data-id") for tag, a in page.tags if tag == "g"]
    assert 'evil"<blink>|#*`␛[2J' in ids  # a quote in an attribute value is escaped, not closing it


def test_markdown_shows_article_text_literally(hostile: Trace) -> None:
    from markdown_it import MarkdownIt

    text = render(OutputFormat.MARKDOWN, hostile)
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[bold red]x[/]" in html
    assert html.count("<em>") == html.count("<em>rewrite</em>")  # no stray emphasis from * or _
    assert "<b>" not in html and "<code>" not in html  # no raw HTML or code spans from article text
    assert "&amp;amp;" in html  # an entity in the article is shown as written
    for line in text.splitlines():  # table rows keep their cells: unescaped pipes are only separators
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) in (6, 10), line


def test_markdown_escape_neutralises_line_starts() -> None:
    for start in ("# heading", "- item", "+ item", "> quote", "1. item", "12) item", "=== rule"):
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").render(md_escape(start))
        assert html.startswith("<p>"), (start, html)


def test_dot_keeps_article_text_inside_quoted_strings(hostile: Trace) -> None:
    text = render(OutputFormat.DOT, hostile)
    outside = re.sub(r'"(?:[^"\\]|\\.)*"', "S", text)
    assert re.fullmatch(r"[\sA-Za-z_=,;\[\]{}\->S]*", outside), outside
    assert 'label="evil\\"<blink>|#*`␛[2J\\nTitle [bold red]x[/]' in text


def test_graphviz_reads_hostile_dot(hostile: Trace) -> None:
    done = subprocess.run(
        [require_tool("dot", "graphviz"), "-Tplain"],
        input=render(OutputFormat.DOT, hostile),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert sum(line.startswith("node ") for line in done.stdout.splitlines()) == 2


def test_graphml_round_trips_hostile_text(hostile: Trace) -> None:
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(render(OutputFormat.GRAPHML, hostile))
    titles = {d.text for d in root.findall(".//g:data[@key='title']", ns)}
    assert f"Title {HOSTILE}".replace("\x1b", "␛").replace("\x07", "␇") in titles


def test_csv_neutralises_formulas_and_keeps_text(hostile: Trace) -> None:
    rows = list(csv.reader(io.StringIO(render(OutputFormat.CSV, hostile), newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.lstrip()[:1] in ("=", "+", "-", "@")]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert {"'@SUM(A1) too", "'+1+1", "'-2+3"} <= set(cells)
    assert 'evil"<blink>|#*`␛[2J' in cells  # an id is kept as written, control characters made visible
    assert all("\n" not in c and "\r" not in c for c in cells)


def test_no_format_of_a_hostile_file_has_escape_sequences(tmp_path: Path) -> None:
    hostile_files(tmp_path)
    for fmt in OutputFormat:
        result = runner.invoke(app, ["trace", str(tmp_path), "-f", fmt.value])
        assert result.exit_code == 0, (fmt, result.stderr)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, fmt
        if fmt in (OutputFormat.TEXT, OutputFormat.CSV):
            for literal in ("[bold red]x[/] <script>alert(1)</script>", "␛[31mred␛[0m"):
                assert literal in result.stdout, (fmt, literal)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 _*`[]()<>#|~&!\\-+=.:/\"'{}é")), max_size=40))
def test_markdown_escape_always_renders_the_text_itself(text: str) -> None:
    from html import escape

    from markdown_it import MarkdownIt

    text = text.strip()
    if not text:
        return
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md_escape(text))
    assert html == "<p>" + escape(text, quote=False).replace('"', "&quot;") + "</p>\n"


def unseen_trace() -> Trace:
    """Two siblings citing an agency no article represents: they hang from an unseen source."""
    from .helpers import FULL

    left = article("left", [*FULL[:6], "A local reporter saw queues of lorries at the gates."], cites="AFP")
    right = article(
        "right", [*FULL[3:], "Residents near the port said the quays were eerily quiet."], cites="AFP"
    )
    lonely = article("lonely", ["The Brennock council approved a lean budget after a long debate on Monday."])
    result = trace_articles([left, right, lonely], TraceOptions())
    assert [u.id for u in result.unseen] == ["unseen:afp"] and result.unrelated == ("lonely",)
    return result


@pytest.mark.parametrize("fmt", [f for f in OutputFormat if f is not OutputFormat.TEXT], ids=str)
def test_an_unseen_source_is_a_node_without_text_to_compare(fmt: OutputFormat) -> None:
    text = render(fmt, unseen_trace())
    if fmt is OutputFormat.HTML:
        page = parse_html(text)
        nodes = [a.get("class") for tag, a in page.tags if tag == "g" and "node" in (a.get("class") or "")]
        assert sorted(nodes) == [
            "node derived rel-unseen",
            "node derived rel-unseen",
            "node unrelated",
            "node unseen",
        ]
        assert "no text to compare" in text
        assert '<span class="chip unseen">unseen source</span> An unseen AFP original, not among' in text
        # Prose never names it by its id (review, session 14): the summary table, headings, why-lists.
        assert "<td>an unseen AFP original</td>" in text
        assert "<b>Why an unseen AFP original is taken to be upstream:</b>" in text
        assert '<span class="id">unseen:afp</span>' not in text
        assert "not in folder" not in text  # files may be named one by one
    elif fmt is OutputFormat.MARKDOWN:
        # Prose names the unseen source as prose does, never by its id (review, session 13).
        assert "- **an unseen AFP original** — not among the articles traced" in text
        assert "| an unseen AFP original | derived from unseen source |" in text
        assert "unseen:afp" not in text
        assert "The source is not among the articles traced: there is no text to compare." in text
    elif fmt is OutputFormat.GRAPHML:
        assert '<data key="kind">unseen</data>' in text
    elif fmt is OutputFormat.DOT:
        assert '"unseen:afp" -> "left"' in text
    elif fmt is OutputFormat.CSV:
        assert text.count("\r\n") == 1  # no alignment to list: the header only


@pytest.mark.parametrize("fmt", list(OutputFormat), ids=str)
def test_a_single_article_renders_in_every_format(fmt: OutputFormat) -> None:
    lonely = trace_articles(
        [article("x", ["One sentence about the harbour strike on Monday."])], TraceOptions()
    )
    out = renderer(fmt)(lonely, RenderOptions())
    assert out is not None
    if isinstance(out, str):
        assert "x" in out


@pytest.mark.parametrize("fmt", [OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.HTML], ids=str)
def test_every_view_names_sentence_changes_with_the_json_vocabulary(
    fmt: OutputFormat, example_trace: Trace
) -> None:
    """verbatim, altered, paraphrased, added, dropped everywhere: never edited, reworded or kept word for
    word (across languages without --semantic, "not matched": see test_unmatched)."""
    from rich.console import Console

    result = renderer(fmt)(example_trace, RenderOptions())
    if not isinstance(result, str):
        buffer = io.StringIO()
        Console(file=buffer, width=200, color_system=None).print(result)
        result = buffer.getvalue()
    words = result.lower()
    assert all(term in words for term in ("verbatim", "altered", "paraphrased", "added", "dropped"))
    assert "not matched" not in words
    assert not [term for term in ("edited", "reworded", "kept word for word", ">same<") if term in words]


def test_html_keeps_dates_and_merged_sentence_numbers_on_one_line(example_trace: Trace) -> None:
    """'2026-03-03' never breaks at a hyphen and '13+14' never splits (checked by eye at 700 px too)."""
    page = render(OutputFormat.HTML, example_trace)
    assert '<span class="fact">published 2026-03-03</span>' in page
    assert re.search(r'<td class="date">\d{4}-\d\d-\d\d</td>', page)
    assert "table.sbs td.n { white-space: nowrap; }" in page and ".fact, td.date { white-space: nowrap; }" in page
    assert "@media (max-width: 760px)" in page and "table.summary td.num .muted { display: none; }" in page


def test_the_text_tree_names_an_unseen_root_as_prose_does() -> None:
    from .test_render import plain

    text = plain(renderer(OutputFormat.TEXT)(unseen_trace(), RenderOptions()), width=200)
    assert "an unseen AFP original  not among the articles traced" in text and "unseen:afp" not in text
