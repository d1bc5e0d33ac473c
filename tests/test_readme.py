"""The README's sessions and excerpts are what the commands print, byte for byte."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from provtrace.cli.app import app

from .conftest import ROOT

runner = CliRunner()
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> str:
    """The text of the first fenced block that follows marker (the command's own block skipped)."""
    rest = README[README.index(marker) + len(marker) :]
    body = re.search(r"```[a-z]*\n(.*?)```", rest, re.S)
    assert body is not None, marker
    return body.group(1)


def test_the_readme_session_is_the_exact_output_of_trace_brief(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    shown = _block_after("$ provtrace trace examples/ --brief\n```")
    assert runner.invoke(app, ["trace", "examples/", "--brief"]).stdout == shown


def test_the_readme_check_example_is_the_exact_output_of_check_with_its_waived_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT / "tests" / "data" / "check")
    marker = "$ provtrace check stories/ --wire wire/\n"
    shown = README[README.index(marker) + len(marker) :].split("```", 1)[0]
    assert "waived:" in shown
    assert runner.invoke(app, ["check", "stories/", "--wire", "wire/"]).stdout == shown


def test_the_readme_excerpts_are_whole_unwrapped_lines_of_the_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    traced = runner.invoke(app, ["trace", "examples/"]).stdout
    excerpt = _block_after("when the output is plain text):\n")
    assert excerpt in traced
    diffed = runner.invoke(app, ["diff", "examples/wire-original.txt", "examples/harbourtimes-syndicated.html"])
    assert _block_after("a `was` line above a `now` line") in diffed.stdout


def test_the_readme_excerpt_across_languages_is_whole_lines_of_the_real_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    traced = runner.invoke(app, ["trace", "tests/data/bilingual"]).stdout.splitlines()
    excerpt = _block_after("English wire story and its Spanish translation):\n").splitlines()
    shown = [line for line in excerpt if line != "…"]
    assert len(shown) == 6 and all(line in traced for line in shown)
    assert [traced.index(line) for line in shown] == sorted(traced.index(line) for line in shown)


@pytest.mark.parametrize(("command", "shorts"), [("check", ["-w/--wire", "-i/--index", "-f/--format", "-o/--output",
                                                           "-q/--quiet"])])
def test_the_readme_usage_line_names_every_short_option(command: str, shorts: list[str]) -> None:
    usage = README[README.index(f"provtrace {command} STORY...") :].split("```", 1)[0]
    for option in shorts:
        assert option in usage, option
