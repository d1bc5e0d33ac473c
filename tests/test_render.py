"""Renderers: golden output for the example family, and article text kept literal."""

from __future__ import annotations

import io
import json

from rich.console import Console

from provtrace.models import Article, Derivation, Related, Sentence, Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace_articles
from provtrace.render import OutputFormat, RenderOptions, renderer

from .helpers import article


def plain(renderable: object, width: int = 100) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(renderable)
    return buffer.getvalue()


def test_text_golden_for_the_example_family(example_trace: Trace, golden) -> None:  # type: ignore[no-untyped-def]
    golden("examples.txt", plain(renderer(OutputFormat.TEXT)(example_trace, RenderOptions())))


def test_json_golden_for_the_example_family(example_trace: Trace, golden) -> None:  # type: ignore[no-untyped-def]
    text = renderer(OutputFormat.JSON)(example_trace, RenderOptions())
    assert isinstance(text, str)
    golden("examples.json", text)


def test_json_written_an_item_at_a_time_is_render_json_byte_for_byte(example_trace: Trace) -> None:
    """Every list full and empty, the unseen sources included: the layout of one json.dumps."""
    from dataclasses import replace

    from provtrace.render.json import render_json, write_trace_json

    for trace in (example_trace, replace(example_trace, edges=(), unseen=(), alignments=(), related=())):
        out = io.StringIO()
        write_trace_json(trace, out)
        assert out.getvalue() == render_json(trace, RenderOptions())


def test_json_reads_back_as_the_same_trace_with_unseen_sources(example_trace: Trace) -> None:
    from dataclasses import replace

    from provtrace.models import Edge, Relation, Unseen
    from provtrace.render.json import trace_from_json

    first = example_trace.articles[0].id
    unseen = Unseen("unseen:reuters", "unseen Reuters original", "Reuters")
    edge = Edge(unseen.id, first, Relation.UNSEEN_SOURCE, 0.5, ("shared credit",))
    result = replace(example_trace, unseen=(unseen,), edges=(*example_trace.edges, edge))
    text = renderer(OutputFormat.JSON)(result, RenderOptions())
    assert isinstance(text, str)
    assert trace_from_json(text) == replace(result, warnings=())


def test_json_has_every_contract_field(example_trace: Trace) -> None:
    text = renderer(OutputFormat.JSON)(example_trace, RenderOptions())
    assert isinstance(text, str)
    data = json.loads(text)
    assert set(data) >= {"schema", "articles", "edges", "unseen", "unrelated", "alignments"}
    assert set(data["articles"][0]) >= {
        "id",
        "path",
        "title",
        "site",
        "published",
        "author",
        "credits",
        "sentences",
        "removed",
    }
    assert set(data["edges"][0]) >= {
        "parent",
        "child",
        "relation",
        "confidence",
        "evidence",
        "direction_known",
    }
    assert set(data["alignments"][0]) >= {"source", "target", "links", "added", "dropped"}
    assert set(data["alignments"][0]["links"][0]) >= {"source", "target", "kind", "score", "partial"}


def test_alignments_cover_every_edge_parent_side_first(example_trace: Trace) -> None:
    pairs = {(al.source, al.target) for al in example_trace.alignments}
    assert pairs == {(e.parent, e.child) for e in example_trace.edges}


HOSTILE = [
    "The council [bold red]approved[/] the budget on Monday after a long debate in the hall.",
    "Councillors said <script>alert(1)</script> was found on the council website this week.",
    "A resident typed ␛[31m into the comment box of the council budget page on Monday.",
]


NEUTRAL = [
    "The Brennock council approved a lean budget after a debate that ran past midnight.",
    "Councillors voted seven to four for the plan, which cuts road maintenance by a fifth.",
    "Mayor Lena Brask said the library opening hours would be protected despite the cuts.",
    "Opposition councillors warned that potholes would multiply across the northern districts.",
]


def hostile_trace() -> Trace:
    """Hostile sentences only one article has, so they are listed as added or dropped."""
    a = article("a", [*NEUTRAL, *HOSTILE])
    b = article("b", NEUTRAL)
    return trace_articles([a, b], TraceOptions())


def test_rich_markup_in_article_text_is_printed_literally() -> None:
    result = hostile_trace()
    assert len(result.edges) == 1
    out = plain(renderer(OutputFormat.TEXT)(result, RenderOptions(color=True)), width=200)
    assert "[bold red]approved[/]" in out
    assert "<script>alert(1)</script>" in out


def test_json_round_trips_article_text_exactly() -> None:
    text = renderer(OutputFormat.JSON)(hostile_trace(), RenderOptions())
    assert isinstance(text, str)
    sentences = [s["text"] for s in json.loads(text)["articles"][0]["sentences"]]
    assert sentences == [*NEUTRAL, *HOSTILE]


def test_plain_text_marks_word_changes_without_colour() -> None:
    a = article("a", ["Harbour master Julio Reyes said waves of up to six metres were recorded overnight."])
    b = article("b", ["Harbour master Julio Reyes said waves of up to seven metres were recorded overnight."])
    out = plain(
        renderer(OutputFormat.TEXT)(trace_articles([a, b], TraceOptions()), RenderOptions()), width=200
    )
    assert "[-six-] {+seven+}" in out


def test_a_trace_with_no_edges_renders() -> None:
    lonely = Trace(
        (Article("x", "x.txt", None, None, None, None, (), (Sentence(0, "One."),), ()),), (), (), ("x",), ()
    )
    out = plain(renderer(OutputFormat.TEXT)(lonely, RenderOptions()))
    assert out.startswith("1 article · 0 derivations")
    assert "Only one article" in out
    assert json.loads(str(renderer(OutputFormat.JSON)(lonely, RenderOptions())))["unrelated"] == ["x"]


def test_control_characters_from_the_api_are_shown_not_sent_to_the_terminal() -> None:
    """Extraction already neutralises files; an Article built in Python must be safe too."""
    a = article(
        "a\x1b[2J", [*NEUTRAL, "An escape \x1b]0;title\x07 sequence sits in this council budget line."]
    )
    b = article("b", NEUTRAL)
    out = plain(
        renderer(OutputFormat.TEXT)(trace_articles([a, b], TraceOptions()), RenderOptions(color=True)), 200
    )
    assert "\x1b" not in out and "\x07" not in out
    assert "␛]0;title␇" in out


def test_relations_read_as_english_with_a_or_an_and_unseen_agencies() -> None:
    from provtrace.models import Edge, Relation, Unseen
    from provtrace.render.common import relation_sentence
    from provtrace.wording import indefinite

    assert indefinite("excerpt") == "an excerpt" and indefinite("rewrite") == "a rewrite"
    unseen = Unseen("unseen:reuters", "unseen Reuters original", "Reuters")
    a, b = article("a", ["One."]), article("b", ["One."])
    trace_ = Trace((a, b), (), (unseen,), (), ())
    excerpt = Edge("a", "b", Relation.EXCERPT, 0.9, ())
    derived = Edge(unseen.id, "b", Relation.UNSEEN_SOURCE, 0.6, ())
    assert relation_sentence(trace_, excerpt) == "b is an excerpt of a"
    assert relation_sentence(trace_, derived) == "b is derived from an unseen Reuters original"
    tree = plain(renderer(OutputFormat.TEXT)(replace_edges(trace_, derived), RenderOptions()))
    assert "derived from an unseen Reuters original" in tree and "unseen source of" not in tree


def replace_edges(result: Trace, *edges: object) -> Trace:
    from dataclasses import replace

    return replace(result, edges=tuple(edges))  # type: ignore[arg-type]


def test_every_edge_label_of_a_big_tree_is_drawn_above_every_curve() -> None:
    """No curve is painted over a label: each edge has its label, and labels follow all paths."""
    import re

    from provtrace.models import Edge, Relation
    from provtrace.render.svg import tree_svg

    articles = [article("root", ["One."])]
    edges = []
    for i in range(8):
        articles.append(article(f"child-{i}", ["One."]))
        edges.append(Edge("root", f"child-{i}", Relation.REWRITE, 0.5, ()))
        for j in range(3):
            articles.append(article(f"grand-{i}-{j}", ["One."]))
            edges.append(Edge(f"child-{i}", f"grand-{i}-{j}", Relation.NEAR_VERBATIM_COPY, 0.6, ()))
    svg = tree_svg(Trace(tuple(articles), tuple(edges), (), (), ()), lambda _id: None)
    paths = [m.start() for m in re.finditer(r"<path class=\"edge ", svg)]
    labels = [m.start() for m in re.finditer(r"<text class=\"elabel\"", svg)]
    assert len(paths) == len(labels) == len(edges)
    assert max(paths) < min(labels)
    places = re.findall(r'<text class="elabel" x="(\d+)" y="(\d+)"', svg)
    assert len(set(places)) == len(places)


def test_tree_labels_are_cut_by_display_width_not_characters() -> None:
    """A Chinese title takes two cells a character: cut at half as many characters, whole ones."""
    from provtrace.render.svg import _cut

    assert _cut("北京" * 20, 100, 5.0) == "北京" * 4 + "北…"
    assert _cut("Beijing " * 10, 100, 5.0) == ("Beijing " * 10)[:19].rstrip() + "…"
    assert _cut("北京", 100, 5.0) == "北京"


def test_wrapped_evidence_lines_keep_their_indent_and_carry_no_trailing_spaces(example_trace: Trace) -> None:
    buffer = io.StringIO()
    Console(file=buffer, width=60, force_terminal=True, color_system="standard", highlight=False).print(
        renderer(OutputFormat.TEXT)(example_trace, RenderOptions())
    )
    lines = [_strip_ansi(line) for line in buffer.getvalue().split("\n")]
    why = [k for k, line in enumerate(lines) if "why: " in line]
    assert why
    for k in why:
        assert not lines[k].endswith(" ")
        start = lines[k].index("why: ") + len("why: ")
        nxt = lines[k + 1]
        if "why: " not in nxt and "sentences:" not in nxt and nxt.strip():
            # a continuation line: its text starts under the evidence's first word
            assert nxt[:start].strip(" │├└─") == "" and nxt[start] != " "


def _strip_ansi(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _outside_trace() -> Trace:
    """Three articles in no edge: x related to none, y and z related (z derived from y, not drawn)."""
    articles = tuple(
        Article(i, f"{i}.txt", None, None, None, None, (), (Sentence(0, "One."),), ())
        for i in ("x", "y", "z")
    )
    related = (
        Related("y", "z", Derivation.DERIVED, 0.6, ("they share a run", "not drawn in the tree: too weak")),
    )
    return Trace(articles, (), (), ("x", "y", "z"), (), related=related)


def test_an_article_related_to_others_is_never_listed_as_sharing_nothing_with_them() -> None:
    """Outside the tree, 'unrelated' is only said of a text related to none; a derived pair not
    drawn is listed with its reason, in the text view, Markdown and HTML alike."""
    trace = _outside_trace()
    for fmt in (OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.HTML):
        out = renderer(fmt)(trace, RenderOptions())
        out = plain(out, width=200) if fmt is OutputFormat.TEXT else str(out)
        unrelated = out.split("Unrelated (shares no meaningful content with the others):")[1]
        unrelated = unrelated.split("Related to others, but not in the tree")[0]
        assert "x" in unrelated and "y" not in unrelated and "z" not in unrelated
        assert "Judged derived, but not drawn in the tree:" in out
        assert "not drawn in the tree: too weak" in out
    assert plain(renderer(OutputFormat.TEXT)(trace, RenderOptions())).startswith(
        "3 articles · 0 derivations · 0 unseen sources · 1 unrelated · 2 related, not in the tree"
    )


def test_dot_draws_related_pairs_that_are_no_edges_as_dashed_lines_without_arrows() -> None:
    out = str(renderer(OutputFormat.DOT)(_outside_trace(), RenderOptions()))
    assert '"y" -> "z" [label="derived, not drawn\\nprobability of copying 0.60"' in out
    assert 'dir="none"' in out and 'style="dashed"' in out
    assert 'kind="unrelated"' in out and 'kind="outside"' in out


def test_a_marked_run_ending_in_its_markers_sign_is_set_off_by_a_space() -> None:
    # "[-(AFP) --]" read as "(AFP) --" (review, session 12).
    from provtrace.render.worddiff import Op, Segment, wdiff

    assert wdiff(Segment(Op.DELETE, "March 3 (AFP) -")) == "[-March 3 (AFP) - -]"
    assert wdiff(Segment(Op.DELETE, "-5C")) == "[- -5C-]"
    assert wdiff(Segment(Op.INSERT, "C++")) == "{+C++ +}"
    assert wdiff(Segment(Op.DELETE, "C++")) == "[-C++-]"
    assert wdiff(Segment(Op.INSERT, "stuck")) == "{+stuck+}"


def test_evidence_against_a_conclusion_is_labelled_against_never_why_against() -> None:
    # "why: against: 15% of …" (review, session 12).
    articles = tuple(
        Article(i, f"{i}.txt", None, None, None, None, (), (Sentence(0, "One."),), ()) for i in ("y", "z")
    )
    related = (Related("y", "z", Derivation.DERIVED, 0.6, ("against: z adds a sentence", "not drawn: weak")),)
    trace = Trace(articles, (), (), ("y", "z"), (), related=related)
    for fmt in (OutputFormat.TEXT, OutputFormat.MARKDOWN):
        out = renderer(fmt)(trace, RenderOptions())
        out = plain(out, width=200) if fmt is OutputFormat.TEXT else str(out)
        assert "against: z adds a sentence" in out and "why: not drawn: weak" in out
        assert "why: against" not in out


def test_a_merge_of_sentences_not_next_to_each_other_shows_the_gap() -> None:
    # "[11+12+14 → 11] was: … […] …" read as one passage without the marker (review, session 12).
    from provtrace.render.common import GAP, link_text

    sentences = tuple(Sentence(i, f"S{i}.") for i in range(6))
    a = Article("a", "a.txt", None, None, None, None, (), sentences, ())
    assert link_text(a, (1, 2, 4)) == f"S1. S2. {GAP} S4."
    assert link_text(a, (1, 2, 4), gaps=False) == "S1. S2. S4."
    assert link_text(a, (3,)) == "S3." and link_text(a, (2, 3)) == "S2. S3."


def test_an_edge_whose_direction_is_unknown_claims_no_direction_in_any_format() -> None:
    # New-user review, session 15: the tree line of such an edge read "near-verbatim copy of a",
    # a direction a fact-checker could quote, while only its evidence hedged.
    import xml.etree.ElementTree as ET
    from dataclasses import replace

    import networkx as nx

    from provtrace.models import Edge, Relation

    a, b, c = (article(name, ["The port reopened on Monday.", "Ships queued for days."]) for name in "abc")
    known = Edge("a", "b", Relation.NEAR_VERBATIM_COPY, 0.8, ("b lacks a word that a has",))
    balanced = Edge("b", "c", Relation.VERBATIM_COPY, 0.5, ("which came first cannot be told",), direction_known=False)
    result = Trace((a, b, c), (known, balanced), (), (), ())
    result = replace(result, alignments=trace_articles([a, b, c], TraceOptions(workers=1, all_pairs=True)).alignments)
    hedge = "or b of c (order unknown)"

    def out(fmt: OutputFormat) -> str:
        text = renderer(fmt)(result, RenderOptions())
        return plain(text, width=400) if fmt is OutputFormat.TEXT else str(text)

    text = out(OutputFormat.TEXT)
    assert f"verbatim copy of b, {hedge}" in text
    assert "near-verbatim copy of a ·" in text and "or a of b" not in text
    markdown = out(OutputFormat.MARKDOWN)
    assert f"*verbatim copy* of b, {hedge}, confidence 0.50" in markdown
    assert "c is a *verbatim copy* of b, or b of c (order unknown), confidence 0.50." in markdown
    assert "| c | b (as drawn) | verbatim copy (order unknown) | 0.50 |" in markdown
    assert "| b | a | near-verbatim copy | 0.80 |" in markdown
    html = out(OutputFormat.HTML)
    assert '<span class="id">b</span> of <span class="id">c</span> (order unknown)</h3>' in html
    assert "Why one is taken to derive from the other:" in html and "Why <span" in html
    assert html.count('marker-end="url(#arrow)"') == 1  # the tree's curves: only a to b has a head
    dot = out(OutputFormat.DOT)
    assert '"b" -> "c" [label="verbatim copy (order unknown)' in dot
    assert 'direction_known="false", dir="none"' in dot and dot.count('dir="none"') == 1
    graph = nx.parse_graphml(out(OutputFormat.GRAPHML))
    assert graph.edges["b", "c"]["direction_known"] is False
    assert graph.edges["a", "b"]["direction_known"] is True
    ET.fromstring(out(OutputFormat.GRAPHML))  # well-formed
    assert json.loads(out(OutputFormat.JSON))["edges"][1]["direction_known"] is False
    # The parent of such an edge is the source only as drawn (helpers 52 and 53, session 16).
    assert "- **b** — *near-verbatim copy* of a, confidence 0.80" in markdown
    assert "### c ↔ b" in markdown and "### b ← a" in markdown
    assert "the source as drawn" not in markdown  # a's one child is known to come from it
    assert '<text class="elabel"' in html and ">verbatim copy (order unknown)</text>" in html
    assert html.count("SOURCE AS DRAWN") == 0  # b is no root: its badge is the relation's
    # The tables' "Derived from" and "Added" columns, the bars' legend and the graph formats'
    # node kinds stated the direction as drawn (session 16's leftovers).
    row = next(line for line in markdown.splitlines() if line.startswith("| c |"))
    assert row.endswith("| 0 only in c (0%) | 0 only in b (0%) |")
    assert '<td><span class="id">b</span> (as drawn)</td>' in html and "0 only in c <span" in html
    assert "On a row whose order is unknown, the last two columns count" in markdown
    # The edge's own counts and bar, above its side-by-side, said "added" (review, session 17).
    assert "</b> only on the right (0%)" in html and "only on the right of 2 sentences" in html
    assert "added (not in the source; where which came first cannot be told, only in the version)" in html
    assert '"c" [label="c", kind="undecided"' in dot and '"b" [label="b", kind="derived"' in dot
    assert '"a" [label="a", kind="source"' in dot
    assert {n: graph.nodes[n]["kind"] for n in "abc"} == {"a": "source", "b": "derived", "c": "undecided"}


def test_a_root_above_an_edge_of_unknown_direction_is_the_source_only_as_drawn() -> None:
    import networkx as nx

    from provtrace.models import Edge, Relation
    from provtrace.render.common import or_reverse

    a, b = (article(name, ["The port reopened on Monday.", "Ships queued for days."]) for name in "ab")
    balanced = Edge("a", "b", Relation.VERBATIM_COPY, 0.5, ("which came first cannot be told",), direction_known=False)
    result = Trace((a, b), (balanced,), (), (), ())
    markdown = str(renderer(OutputFormat.MARKDOWN)(result, RenderOptions()))
    assert "- **a** — the source as drawn (which of it and b came first cannot be told)" in markdown
    html = str(renderer(OutputFormat.HTML)(result, RenderOptions()))
    assert "is drawn as the source, though which of it and" in html and "the others derive from" not in html
    assert "SOURCE AS DRAWN" in html
    graph = nx.parse_graphml(str(renderer(OutputFormat.GRAPHML)(result, RenderOptions())))
    assert graph.nodes["a"]["kind"] == graph.nodes["b"]["kind"] == "undecided"  # "source" was said of a
    # An excerpt or a summary is the shorter text: "a of b" would say the other is, so it is not said.
    excerpt = Edge("a", "b", Relation.EXCERPT, 0.5, (), direction_known=False)
    assert or_reverse(excerpt) == ", or a derives from b (order unknown)"
    assert or_reverse(Edge("unseen:afp", "b", Relation.UNSEEN_SOURCE, 0.5, (), direction_known=False)) == ""


def test_what_no_link_holds_on_an_edge_of_unknown_direction_is_only_in_one_text() -> None:
    # New-user review, session 16: "Added by b" and "Dropped from a" told which came first.
    from dataclasses import replace


    shared = ["The port reopened on Monday after a week of strikes.", "Ships queued for days outside the harbour."]
    a = article("a", [*shared, "Officials expect trade to recover by June."])
    b = article("b", [*shared, "The Housing Minister visited the docks on Tuesday."])
    traced = trace_articles([a, b], TraceOptions(workers=1))
    edge = next(e for e in traced.edges if {e.parent, e.child} == {"a", "b"})
    for known in (True, False):
        result = replace(traced, edges=(replace(edge, direction_known=known),))
        text = plain(renderer(OutputFormat.TEXT)(result, RenderOptions()), width=300)
        markdown = str(renderer(OutputFormat.MARKDOWN)(result, RenderOptions()))
        html = str(renderer(OutputFormat.HTML)(result, RenderOptions()))
        child, parent = edge.child, edge.parent
        if known:
            assert "1 added; 1 of the source’s dropped" in text and f"#### Added by {child} (1)" in markdown
            assert f"{parent}</span> (source)</th>" in html
        else:
            assert f"1 only in {child}; 1 only in {parent}" in text and "added" not in text.split("sentences:")[1]
            assert f"Only in {child} (1)" in text and f"Only in {parent} (1)" in text
            assert f"#### Only in {child} (1)" in markdown and f"#### Only in {parent} (1)" in markdown
            assert "Added by" not in markdown and "Dropped from" not in markdown.split("## What each")[1].split("###")[1]
            assert "(source)</th>" not in html and "only on the right" in html and "only on the left" in html
