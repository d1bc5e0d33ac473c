"""Sentences of two languages compared without --semantic: "not matched", never added or dropped.

Across languages the words of a translation are not its original's, so without
sentence embeddings only sentences sharing names and figures link: the others
may well be translated, and no report may call them added or dropped. The
traces here are built by hand (the renderers are pure functions of a Trace),
so no embedding model is needed; the pipeline and the command line are run on
tests/data/bilingual.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from provtrace import pipeline
from provtrace.align.semantic import available as semantic_installed
from provtrace.cli.app import app
from provtrace.models import Alignment, Derivation, Edge, Link, LinkKind, Related, Relation, Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace
from provtrace.render import DiffFormat, OutputFormat, RenderOptions, diff_renderer, renderer
from provtrace.render.json import render_json, trace_from_json, write_trace_json
from provtrace.render.rows import NOT_MATCHED, NOT_MATCHED_WHY, RowKind, rows
from provtrace.spooled import spool_trace

from .conftest import ROOT
from .helpers import article

runner = CliRunner()
BILINGUAL = ROOT / "tests" / "data" / "bilingual"
CYRILLIC = ROOT / "tests" / "data" / "cyrillic"
SPANISH = BILINGUAL / "efe-reescritura-es.txt"
ENGLISH = BILINGUAL / "ap-original.txt"

#: The words a report must not use for sentences that may be translated.
ADDED_OR_DROPPED = re.compile(r"\b(?:added|dropped)\b", re.I)

SOURCE = [
    "The Brennock council approved a lean budget after a debate that ran past midnight.",
    "Councillors voted seven to four for the plan, which cuts road maintenance by 20 percent.",
    "Mayor Lena Brask said the library would stay open on Sundays.",
    "Opposition councillors warned that potholes would multiply across the northern districts.",
]
TARGET = [
    "El consistorio aprobó un presupuesto austero tras un debate que se alargó hasta la madrugada.",
    "Los concejales votaron siete a cuatro a favor del plan, que recorta un 20 por ciento el "
    "mantenimiento de las carreteras.",
    "La alcaldesa Lena Brask aseguró que la biblioteca seguirá abierta los domingos.",
    "La oposición advirtió de que los baches se multiplicarán en los barrios del norte.",
]
#: The figures and names the aligner can see across the languages link 1 -> 1 and 2 -> 2.
LINKS = (
    Link((1,), (1,), LinkKind.PARAPHRASE, 0.6, False),
    Link((2,), (2,), LinkKind.PARAPHRASE, 0.55, False),
)


def two_languages(semantic: bool = False, languages: tuple[str | None, str | None] = ("en", "es")) -> Trace:
    """A source and its translation, linked only where they share names and figures."""
    source = replace(article("council-en", SOURCE), language=languages[0], title="Council budget")
    target = replace(article("council-es", TARGET), language=languages[1], title="Presupuesto")
    alignment = Alignment(source.id, target.id, LINKS, added=(0, 3), dropped=(0, 3))
    edge = Edge(
        source.id, target.id, Relation.TRANSLATION, 0.9, ("each retells the other sentence by sentence",)
    )
    return Trace((source, target), (edge,), (), (), (alignment,), semantic=semantic)


def with_a_rewrite(result: Trace) -> Trace:
    """The trace with a second version in the source's own language, which added and dropped a sentence."""
    rewrite = replace(
        article("council-rewrite", [*SOURCE[:3], "Residents may comment until Friday."]), language="en"
    )
    links = tuple(Link((i,), (i,), LinkKind.VERBATIM, 1.0, False) for i in range(3))
    alignment = Alignment("council-en", rewrite.id, links, added=(3,), dropped=(3,))
    edge = Edge("council-en", rewrite.id, Relation.REWRITE, 0.8, ("it keeps three sentences word for word",))
    return replace(
        result,
        articles=(*result.articles, rewrite),
        edges=(*result.edges, edge),
        alignments=(*result.alignments, alignment),
    )


def shown(out: object, width: int = 400) -> str:
    """A renderer's output as a reader sees it: rich renderables printed plain, HTML without its
    stylesheet (whose class names are no words of the report)."""
    if not isinstance(out, str):
        buffer = io.StringIO()
        Console(file=buffer, width=width, color_system=None, highlight=False).print(out)
        out = buffer.getvalue()
    return html.unescape(re.sub(r"<style>.*?</style>", "", out, flags=re.S))


TRACE_VIEWS = [OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.HTML]
DIFF_VIEWS = [DiffFormat.TEXT, DiffFormat.MARKDOWN, DiffFormat.HTML]


def views(result: Trace) -> dict[str, str]:
    """Every human-readable view of the trace and of its pair, the text diff narrow and wide."""
    out = {f"trace {fmt}": shown(renderer(fmt)(result, RenderOptions())) for fmt in TRACE_VIEWS}
    out |= {
        f"trace {fmt} brief": shown(renderer(fmt)(result, RenderOptions(brief=True))) for fmt in TRACE_VIEWS
    }
    out |= {
        f"diff {fmt}": shown(diff_renderer(fmt)(result, RenderOptions()), width=100) for fmt in DIFF_VIEWS
    }
    out["diff text wide"] = shown(diff_renderer(DiffFormat.TEXT)(result, RenderOptions()), width=160)
    # Markdown as a viewer shows it: its backslash escapes ("provtrace\[semantic\]") read as the character.
    return {view: re.sub(r"\\(.)", r"\1", text) if "markdown" in view else text for view, text in out.items()}


def csv_kinds(result: Trace) -> list[str]:
    text = renderer(OutputFormat.CSV)(result, RenderOptions())
    assert isinstance(text, str)
    return [line.split(",")[4] for line in text.splitlines()[1:]]


# --- the reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("view", list(views(two_languages())))
def test_no_view_calls_sentences_that_may_be_translated_added_or_dropped(view: str) -> None:
    text = views(two_languages())[view]
    assert NOT_MATCHED in text.lower()
    assert not ADDED_OR_DROPPED.findall(text), view


@pytest.mark.parametrize("view", list(views(two_languages())))
def test_every_view_says_why_beside_the_sentences_not_matched(view: str) -> None:
    """The reason and the remedy, once per edge (the diff shows one), in the brief views too."""
    text = " ".join(views(two_languages())[view].split())
    assert text.count(NOT_MATCHED_WHY) == 1, view


def test_the_text_tree_counts_and_lists_each_side_not_matched() -> None:
    text = views(two_languages())["trace text"]
    assert (
        "sentences: 0 verbatim, 0 altered, 2 paraphrased, 2 not matched; 2 of the source’s not matched"
        in text
    )
    assert "Not matched in council-es (2)\n" in text and "Not matched in council-en (2)\n" in text
    assert f"? [3] {TARGET[3]}" in text and f"? [0] {SOURCE[0]}" in text


def test_the_text_diff_marks_each_sentence_not_matched_with_a_question_mark() -> None:
    text = views(two_languages())["diff text"]
    assert (
        "sentences: 0 verbatim, 0 altered, 2 paraphrased, 2 not matched; 2 of the source’s not matched"
        in text
    )
    assert "? not matched" in text
    marks = [line.split()[0] for line in text.splitlines() if " → " in line and line[:1] in "?+-"]
    assert marks == ["?"] * 4


def test_html_rows_of_sentences_not_matched_carry_their_own_class_and_styles() -> None:
    page = renderer(OutputFormat.HTML)(two_languages(), RenderOptions())
    assert isinstance(page, str)
    assert page.count('<tr class="r-unmatched">') == 4 and "r-added" not in page.split("</style>")[1]
    assert "tr.r-unmatched td.txt:not(.empty)" in page and ".k-unmatched" in page


def test_csv_rows_of_sentences_not_matched_are_unmatched_with_one_empty_side() -> None:
    text = renderer(OutputFormat.CSV)(two_languages(), RenderOptions())
    assert isinstance(text, str)
    unmatched = [line.split(",") for line in text.splitlines() if ",unmatched," in line]
    assert [(cells[2], cells[3]) for cells in unmatched] == [("0", ""), ("", "0"), ("3", ""), ("", "3")]
    assert all(cells[5] == cells[6] == "" for cells in unmatched)  # no score, no partial flag
    assert sorted(set(csv_kinds(two_languages()))) == ["paraphrase", "unmatched"]


def test_json_keeps_the_unlinked_sentences_as_added_and_dropped_with_semantic_false() -> None:
    data = json.loads(render_json(two_languages(), RenderOptions()))
    assert data["semantic"] is False
    assert data["alignments"][0]["added"] == [0, 3] and data["alignments"][0]["dropped"] == [0, 3]


@pytest.mark.parametrize(
    "result",
    [
        two_languages(semantic=True),
        two_languages(languages=("en", "en")),
        two_languages(languages=("en", None)),
        two_languages(languages=(None, None)),
    ],
    ids=["compared by meaning", "one language", "one language unknown", "languages unknown"],
)
def test_sentences_compared_by_meaning_or_in_one_language_are_added_and_dropped(result: Trace) -> None:
    for view, text in views(result).items():
        assert NOT_MATCHED not in text.lower() and NOT_MATCHED_WHY not in " ".join(text.split()), view
        assert {"added", "dropped"} <= {w.lower() for w in ADDED_OR_DROPPED.findall(text)}, view
    assert sorted(set(csv_kinds(result))) == ["added", "dropped", "paraphrase"]


def test_a_table_of_edges_of_both_kinds_names_the_word_in_each_cell() -> None:
    """One edge across languages, one within: 'Added or not matched', and each count says which."""
    result = with_a_rewrite(two_languages())
    markdown = shown(renderer(OutputFormat.MARKDOWN)(result, RenderOptions()))
    assert "| Added or not matched | Dropped from or not matched in source |" in markdown
    rows_of = {
        line.split(" | ")[0][2:]: line for line in markdown.splitlines() if line.startswith("| council-")
    }
    assert "| 2 not matched (50%) | 2 not matched (50%) |" in rows_of["council-es"]
    assert "| 1 added (25%) | 1 dropped (25%) |" in rows_of["council-rewrite"]
    page = renderer(OutputFormat.HTML)(result, RenderOptions())
    assert isinstance(page, str)
    assert '<th class="num">Added or not matched</th>' in page
    assert '<th class="num">Dropped from or not matched in source</th>' in page
    assert "2 not matched <span" in page and "1 added <span" in page and "1 dropped <span" in page
    assert "k-added" in page.split("</style>")[1] and "k-unmatched" in page.split("</style>")[1]


def test_the_edge_within_one_language_keeps_added_and_dropped_beside_one_across_languages() -> None:
    text = shown(renderer(OutputFormat.TEXT)(with_a_rewrite(two_languages()), RenderOptions()))
    assert "Added (1)\n" in text and "Dropped (1)\n" in text and "Not matched in council-es (2)" in text
    assert " ".join(text.split()).count(NOT_MATCHED_WHY) == 1
    assert sorted(set(csv_kinds(with_a_rewrite(two_languages())))) == [
        "added",
        "dropped",
        "paraphrase",
        "unmatched",
        "verbatim",
    ]


def test_rows_not_matched_stand_where_added_and_dropped_ones_do() -> None:
    alignment = two_languages().alignments[0]
    plain_rows, unmatched_rows = rows(alignment), rows(alignment, unmatched=True)
    assert [(r.source, r.target) for r in plain_rows] == [(r.source, r.target) for r in unmatched_rows]
    assert [r.kind for r in unmatched_rows if r.kind is not RowKind.PARAPHRASE] == [RowKind.UNMATCHED] * 4


# --- the JSON contract ---------------------------------------------------------------------


@pytest.mark.parametrize("semantic", [False, True])
def test_json_carries_whether_sentences_were_compared_by_meaning_and_reads_it_back(semantic: bool) -> None:
    result = two_languages(semantic=semantic)
    text = render_json(result, RenderOptions())
    assert json.loads(text)["semantic"] is semantic
    assert trace_from_json(text) == result
    out = io.StringIO()
    write_trace_json(result, out)
    assert out.getvalue() == text


def test_a_document_without_the_field_reads_as_compared_by_words() -> None:
    data = json.loads(render_json(two_languages(semantic=True), RenderOptions()))
    del data["semantic"]
    assert trace_from_json(json.dumps(data)).semantic is False


# --- the pipeline and the command line -----------------------------------------------------


def warnings_about_languages(warnings: tuple[str, ...]) -> list[str]:
    return [w for w in warnings if "in two languages" in w]


@pytest.mark.parametrize(("all_pairs", "installed"), [(False, False), (True, False), (False, True)])
def test_a_trace_across_languages_warns_once_and_its_spooled_run_alike(
    all_pairs: bool, installed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The advice to install the semantic extra is given only where it is not installed (review).
    monkeypatch.setattr(pipeline, "semantic_installed", lambda: installed)
    options = TraceOptions(workers=1, all_pairs=all_pairs)
    result = trace([str(BILINGUAL)], options)
    assert result.semantic is False
    install = "" if installed else "pip install 'provtrace[semantic]' and "
    assert warnings_about_languages(result.warnings) == [
        "1 aligned pair of articles is in two languages: without --semantic only sentences sharing names "
        "and figures are matched across languages, so their sentences not matched may be translated, not "
        f"added or dropped; {install}rerun with --semantic"
    ]
    with spool_trace([str(BILINGUAL)], options) as spooled:
        assert spooled.warnings == result.warnings and spooled.semantic is False


def test_a_trace_in_one_language_gives_no_such_warning(examples: Path) -> None:
    warnings = trace([str(examples)], TraceOptions(workers=1)).warnings
    assert not warnings_about_languages(warnings) and not any("different languages" in w for w in warnings)


def test_articles_in_two_languages_found_unrelated_are_said_to_need_semantic() -> None:
    # A Russian translation shares no names with its English source (they are transliterated) and
    # was listed as unrelated without a word (review, session 13).
    result = trace([str(CYRILLIC)], TraceOptions(workers=1))
    assert sorted(result.unrelated) == ["perevod-ru", "wire-en"]
    assert [w for w in result.warnings if "another language" in w] == [
        "2 unrelated articles (en, ru) are in another language than some of the run's articles (the run "
        "has en, ru): without --semantic only sentences sharing names and figures are matched across "
        "languages, so a translation of one of them may go unfound; "
        + ("" if semantic_installed() else "pip install 'provtrace[semantic]' and ")
        + "rerun with --semantic"
    ]
    assert not trace([str(CYRILLIC)], TraceOptions(workers=1, semantic=True)).warnings
    # The JSON output is spooled: it gave no such warning (review, session 17).
    with spool_trace([str(CYRILLIC)], TraceOptions(workers=1)) as spooled:
        assert spooled.warnings == result.warnings


def test_an_unrelated_article_is_said_to_be_in_another_language_only_beside_one(tmp_path: Path) -> None:
    # A bilingual folder and an English article on another story: the warning said "1 unrelated
    # article is in different languages", of an English article (new-user review, session 16).
    for path in BILINGUAL.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "weather.txt").write_text(
        "Heavy snow closed schools across the northern valleys on Monday, and forecasters said more was "
        "on the way.\n\nThe regional weather office said up to forty centimetres could fall by Wednesday "
        "in the higher villages. Road crews worked through the night to keep the main pass open, and the "
        "railway ran a reduced timetable.\n",
        encoding="utf-8",
    )
    result = trace([str(tmp_path)], TraceOptions(workers=1))
    assert result.unrelated == ("weather",)
    [warning] = [w for w in result.warnings if "another language" in w]
    assert warning.startswith(
        "1 unrelated article (en) is in another language than some of the run's articles (the run has en, es)"
    )
    alone = trace([str(tmp_path / "weather.txt"), str(tmp_path / "ap-original.txt")], TraceOptions(workers=1))
    assert alone.unrelated and not [w for w in alone.warnings if "another language" in w]


def test_articles_related_to_some_text_are_not_counted_unrelated_in_the_language_warning() -> None:
    # In a 71-article folder "4 unrelated articles are in different languages" while the header
    # said "0 unrelated": they were related to a text, not in the tree (new-user review, session 16).
    by_id = {
        i: replace(article(i, ["x"]), language=lang) for i, lang in (("a", "en"), ("b", "en"), ("c", "es"))
    }
    related = (Related("a", "b", Derivation.INDEPENDENT, 0.1, ()),)
    languages = pipeline.part_languages(by_id, [], ["a", "b", "c"], related)
    assert languages.alone == (("c", "es"),) and languages.known == {"en", "es"}
    [warning] = pipeline.language_warnings([languages], TraceOptions(semantic=False))
    assert warning.startswith("1 unrelated article (es) is in another language")
    lone_language = pipeline.part_languages({"c": by_id["c"]}, [], ["c"], ())
    assert not pipeline.language_warnings([lone_language], TraceOptions(semantic=False))


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_the_command_prints_the_warning_once_on_stderr_unless_quiet(fmt: str) -> None:
    loud = runner.invoke(app, ["trace", str(BILINGUAL), "-f", fmt])
    assert loud.exit_code == 0, loud.stderr
    lines = [line for line in loud.stderr.splitlines() if "in two languages" in line]
    assert len(lines) == 1 and lines[0].startswith("warning: 1 aligned pair of articles is in two languages")
    quiet = runner.invoke(app, ["trace", str(BILINGUAL), "-f", fmt, "-q"])
    assert quiet.exit_code == 0 and "in two languages" not in quiet.stderr


def test_diff_of_two_languages_warns_once_and_shows_sentences_not_matched() -> None:
    result = runner.invoke(app, ["diff", str(ENGLISH), str(SPANISH)])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "in two languages" in line]
    assert len(lines) == 1 and lines[0].startswith("warning: 1 aligned pair of articles is in two languages")
    assert "not matched" in result.stdout and not ADDED_OR_DROPPED.search(result.stdout)


def test_diff_in_one_language_gives_no_such_warning(examples: Path) -> None:
    result = runner.invoke(
        app, ["diff", str(examples / "wire-original.txt"), str(examples / "coastalpost-rewrite.txt")]
    )
    assert result.exit_code == 0 and "in two languages" not in result.stderr


def test_with_semantic_articles_in_a_language_the_model_does_not_read_are_said_to_be_so(
    tmp_path: Path,
) -> None:
    # Review, session 14: with --semantic, a Ukrainian (or Greek, Hebrew…) translation was listed
    # unrelated without a word; the model reads sixteen languages, Ukrainian not among them.
    (tmp_path / "en.txt").write_text((CYRILLIC / "wire-en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    ukrainian = (
        "Страйк у порту Маріска\n\n"
        "Страйк докерів у Порт-Селвіні, найбільшому контейнерному терміналі Маріски, у вівторок тривав "
        "третій день: 11 суден стоять на якорі, а на причалах накопичилися тисячі контейнерів. Страйк "
        "почався в неділю після того, як переговори між профспілкою докерів і державною портовою "
        "адміністрацією зірвалися через зарплати.\n"
    )
    (tmp_path / "uk.txt").write_text(ukrainian, encoding="utf-8")
    result = trace([str(tmp_path)], TraceOptions(workers=1, semantic=True))
    assert {a.language for a in result.articles} == {"en", "uk"}
    assert not result.edges
    assert [w for w in result.warnings if "does not read" in w] == [
        "1 unrelated article is in a language the semantic model does not read (uk): a translation from "
        "or into it shares only names and figures with its source, so it may go unfound"
    ]
