"""provtrace check on the command line: formats (golden files), output files, exit codes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provtrace.check.formats import CheckFormat, FindingsOptions, findings_renderer
from provtrace.check.formats.github import escape_data, escape_property
from provtrace.check.model import Severity
from provtrace.check.rules import RULES, Rule
from provtrace.check.runner import CheckReport, Finding, SourceUse, StoryResult
from provtrace.cli.app import app
from provtrace.errors import ExitCode

DATA = Path(__file__).resolve().parent / "data" / "check"
runner = CliRunner()


@pytest.fixture
def newsroom(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from tests/data/check, so paths are relative and its provtrace.toml is found."""
    monkeypatch.chdir(DATA)
    return DATA


@pytest.mark.parametrize(
    ("fmt", "golden_name"),
    [
        ("text", "check.txt"),
        ("json", "check.json"),
        ("junit", "check.xml"),
        ("github", "check.github.txt"),
        ("sarif", "check.sarif"),
    ],
)
def test_each_format_matches_its_golden_file(newsroom: Path, golden, fmt: str, golden_name: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["check", "stories", "--wire", "wire", "--format", fmt])
    assert result.exit_code == ExitCode.FINDINGS, result.output
    golden(f"check/{golden_name}", result.stdout)


def test_the_json_report_is_the_documented_contract(newsroom: Path) -> None:
    data = json.loads(runner.invoke(app, ["check", "stories", "--wire", "wire", "-f", "json"]).stdout)
    assert data["schema"] == "provtrace.check/1" and data["passed"] is False
    assert set(data) == {"schema", "passed", "fail_on", "rules", "summary", "findings", "waived", "stories"}
    assert {f["rule"] for f in data["findings"]} == {"uncredited-reuse", "altered-quote", "changed-figure"}
    assert all(w["waiver"] for w in data["waived"])


@pytest.mark.parametrize(
    ("suffix", "check"), [(".sarif", "2.1.0"), (".xml", "<testsuites"), (".json", "provtrace.check/1")]
)
def test_the_output_file_format_follows_its_extension(
    newsroom: Path, tmp_path: Path, suffix: str, check: str
) -> None:
    target = tmp_path / f"report{suffix}"
    result = runner.invoke(app, ["check", "stories", "--wire", "wire", "--output", str(target)])
    assert result.exit_code == ExitCode.FINDINGS
    assert result.stdout == ""
    assert check in target.read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == [target]  # written atomically: no temporary file left


def test_exit_0_when_no_finding_fails(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "stories/credited.txt", "stories/council.html", "--wire", "wire"])
    assert result.exit_code == ExitCode.OK
    assert result.stdout.strip().endswith("check passed")


def test_warnings_pass_unless_fail_on_warning(newsroom: Path) -> None:
    args = ["check", "stories/changed-figure.txt", "--wire", "wire"]
    assert runner.invoke(app, args).exit_code == ExitCode.OK
    assert runner.invoke(app, [*args, "--fail-on", "warning"]).exit_code == ExitCode.FINDINGS
    assert runner.invoke(app, [*args, "--fail-on", "off"]).exit_code == ExitCode.USAGE


def test_a_missing_story_or_wire_path_is_exit_2(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "stories/missing.txt", "--wire", "wire"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip() == "error: stories/missing.txt: no such file or folder"
    missing_wire = runner.invoke(app, ["check", "stories", "--wire", "wire", "--wire", "nowhere"])
    assert missing_wire.exit_code == ExitCode.USAGE
    assert missing_wire.stderr.strip() == "error: nowhere: no such file or folder"


def test_a_configured_wire_folder_that_does_not_exist_is_exit_2_naming_entry_and_file(tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "story.txt").write_text("A story of our own. It has two sentences.\n", encoding="utf-8")
    config = tmp_path / "provtrace.toml"
    config.write_text('[check.wire]\n"wire/partner" = "AFP"\n', encoding="utf-8")
    result = runner.invoke(
        app, ["check", str(tmp_path / "story.txt"), "--wire", str(tmp_path / "wire"), "--config", str(config)]
    )
    assert result.exit_code == ExitCode.USAGE
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {config}: [check.wire] entry 'wire/partner' names ")
    assert line.endswith(
        "does not exist; fix the path (relative to the configuration file's folder) or remove the entry"
    )


def test_without_wire_the_command_is_a_usage_error(newsroom: Path) -> None:
    assert runner.invoke(app, ["check", "stories"]).exit_code == ExitCode.USAGE


def test_an_unreadable_wire_file_is_exit_2_never_a_pass(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "reuters.txt").write_text(
        (DATA / "wire" / "reuters" / "harbour-fire.txt").read_text(encoding="utf-8")
    )
    (wire / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = runner.invoke(app, ["check", str(DATA / "stories" / "credited.txt"), "--wire", str(wire)])
    assert result.exit_code == ExitCode.USAGE
    assert "photo.txt: a PNG image, not text" in result.stderr
    assert "could not be used, so nothing was checked" in result.stderr
    assert "leave it out of the paths given, or list it under [check] ignore" in result.stderr  # what to do


def test_a_story_folder_with_no_story_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    result = runner.invoke(app, ["check", str(tmp_path), "--wire", str(DATA / "wire")])
    assert result.exit_code == ExitCode.USAGE
    assert "no story found" in result.stderr


def test_an_invalid_configuration_is_exit_2_with_the_key(tmp_path: Path) -> None:
    config = tmp_path / "provtrace.toml"
    config.write_text('[check]\nreuse-share = "most"\n', encoding="utf-8")
    result = runner.invoke(
        app, ["check", str(DATA / "stories"), "--wire", str(DATA / "wire"), "--config", str(config)]
    )
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip() == f"error: {config}: [check]: reuse-share must be a number, not a string"


def test_a_missing_configuration_file_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "check",
            str(DATA / "stories"),
            "--wire",
            str(DATA / "wire"),
            "--config",
            str(tmp_path / "none.toml"),
        ],
    )
    assert result.exit_code == ExitCode.USAGE
    assert "configuration file not found" in result.stderr


def test_a_waiver_without_a_reason_is_exit_2(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("<!-- provtrace: allow uncredited-reuse -->\n\nSome text about a fire in the harbour.\n")
    result = runner.invoke(
        app, ["check", str(story), "--wire", str(DATA / "wire"), "--config", str(DATA / "provtrace.toml")]
    )
    assert result.exit_code == ExitCode.USAGE
    assert f"{story}:1: waiver for uncredited-reuse needs a reason" in result.stderr


def test_an_internal_error_is_exit_3(newsroom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import provtrace.check.runner

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(provtrace.check.runner, "check_paths", boom)
    result = runner.invoke(app, ["check", "stories", "--wire", "wire"])
    assert result.exit_code == ExitCode.INTERNAL
    assert "internal error: RuntimeError: simulated bug" in result.stderr


def test_help_explains_every_option() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    for option in ("--wire", "--format", "--output", "--fail-on", "--config", "--quiet", "--traceback"):
        assert option in result.stdout


def test_text_in_a_pipe_has_no_colour_codes(newsroom: Path) -> None:
    assert "\x1b[" not in runner.invoke(app, ["check", "stories", "--wire", "wire"]).stdout


# --- escaping, on a report with hostile text ----------------------------------------------------

HOSTILE = CheckReport(
    findings=(
        Finding(
            "news/a,b: c%.txt",
            3,
            Rule.ALTERED_QUOTE,
            Severity.ERROR,
            'quote "<b>&amp;</b>" 100%\nnext\r::error::x',
        ),
        Finding("news/d.txt", 1, Rule.CHANGED_FIGURE, Severity.WARNING, "figure ]]> </failure>"),
    ),
    waived=(),
    stories=(StoryResult("news/a,b: c%.txt", 3, (), ()), StoryResult("news/d.txt", 2, (), ())),
    wire_articles=1,
    aligned_pairs=2,
)


def render(fmt: CheckFormat) -> str:
    result = findings_renderer(fmt)(HOSTILE, FindingsOptions())
    return result if isinstance(result, str) else result.plain


def test_github_commands_escape_data_and_properties() -> None:
    assert escape_data("100%\r\n") == "100%25%0D%0A"
    assert escape_property("a,b: c%") == "a%2Cb%3A c%25"
    first = render(CheckFormat.GITHUB).splitlines()[0]
    assert first == (
        "::error file=news/a%2Cb%3A c%25.txt,line=3,title=provtrace altered-quote::"
        'quote "<b>&amp;</b>" 100%25%0Anext%0D::error::x'
    )
    assert render(CheckFormat.GITHUB).splitlines()[1].startswith("::warning file=news/d.txt,line=1,")


def test_junit_is_well_formed_whatever_the_text() -> None:
    root = ET.fromstring(render(CheckFormat.JUNIT))
    assert root.tag == "testsuites" and root.get("failures") == "1" and root.get("tests") == "6"
    failure = root.find(".//failure")
    assert failure is not None and failure.get("type") == "altered-quote"
    assert failure.get("message", "").startswith('line 3: quote "<b>&amp;</b>" 100%\nnext')
    outs = [e.text or "" for e in root.iter("system-out")]
    assert any("figure ]]> </failure>" in text for text in outs)  # a warning does not fail the case


def test_sarif_is_minimal_valid_2_1_0() -> None:
    log = json.loads(render(CheckFormat.SARIF))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.value for r in Rule]
    result = run["results"][0]
    assert result["ruleId"] == "altered-quote" and result["level"] == "error"
    assert result["ruleIndex"] == 1
    location = result["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "news/a%2Cb%3A%20c%25.txt"}, "region": {"startLine": 3}}
    assert run["results"][1]["level"] == "warning"


def test_a_story_can_come_from_standard_input() -> None:
    text = (DATA / "stories" / "uncredited.md").read_text(encoding="utf-8")
    result = runner.invoke(
        app,
        ["check", "-", "--wire", str(DATA / "wire"), "--config", str(DATA / "provtrace.toml")],
        input=text,
    )
    assert result.exit_code == ExitCode.FINDINGS
    assert result.stdout.startswith("-:") and "[uncredited-reuse]" in result.stdout


def test_the_pre_commit_hook_runs_provtrace_check_on_stories() -> None:
    import re

    hooks = (DATA.parent.parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: provtrace-check" in hooks
    assert "entry: provtrace check" in hooks and "language: python" in hooks
    files = re.search(r"^\s*files: (.+)$", hooks, re.MULTILINE)
    assert files is not None
    pattern = re.compile(files.group(1).strip())
    assert all(pattern.search(f) for f in ("a/story.txt", "b.md", "c.html", "d.htm"))
    assert not any(pattern.search(f) for f in ("pyproject.toml", "photo.png", "story.txt.bak"))


def test_stories_that_are_all_wire_copy_are_exit_2_saying_nothing_was_checked(newsroom: Path) -> None:
    """A wire file given as a story is wire copy; when every story is, nothing was checked: no pass."""
    result = runner.invoke(app, ["check", "wire/reuters/harbour-fire.txt", "--wire", "wire"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr.startswith("error: every story given (1 file) is itself wire copy")
    assert "nothing was checked" in result.stderr and result.stderr.count("\n") == 1


def test_a_wire_file_given_among_stories_is_left_out_as_wire_copy(newsroom: Path) -> None:
    """pre-commit may hand the hook files under the wire folder: they are wire copy, not stories."""
    alone = runner.invoke(app, ["check", "stories", "--wire", "wire"])
    result = runner.invoke(app, ["check", "stories", "wire/reuters/harbour-fire.txt", "--wire", "wire"])
    assert result.exit_code == alone.exit_code == ExitCode.FINDINGS
    assert result.stdout == alone.stdout


def test_a_report_written_to_a_file_still_says_on_stderr_what_it_found(
    newsroom: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.xml"
    result = runner.invoke(app, ["check", "stories", "--wire", "wire", "-f", "junit", "-o", str(target)])
    assert result.exit_code == ExitCode.FINDINGS
    assert result.stdout == ""
    assert "check failed (report written to" in result.stderr
    assert target.exists()


def test_the_readme_rule_table_lists_every_rule_of_the_registry_in_order() -> None:
    """A rule added to rules.RULES must be documented: the README table follows the registry."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z-]+)` \| .* \| (error|warning|off) \|$", readme, re.MULTILINE)
    assert documented == [(rule.value, spec.severity.value) for rule, spec in RULES.items()]


def _story_with(*derived: bool) -> CheckReport:
    sources = tuple(
        SourceUse(f"wire/{k}.txt", "AP", 3, 0.5, flag, 0.9 if flag else 0.2) for k, flag in enumerate(derived)
    )
    return CheckReport((), (), (StoryResult("news/a.txt", 6, (), sources),), wire_articles=2, aligned_pairs=1)


def test_text_says_a_story_was_compared_and_found_independent_only_when_no_source_is_derived() -> None:
    render = findings_renderer(CheckFormat.TEXT)
    independent = render(_story_with(False, False), FindingsOptions())
    assert str(independent).startswith(
        "news/a.txt: compared with 2 wire articles, found independent "
        "(probability of copying 0.20; reuse is called from 0.67)\n\n"
    )
    for derived in [(True,), (True, False), ()]:
        assert "found independent" not in str(render(_story_with(*derived), FindingsOptions()))


def test_json_gives_each_source_its_judgement() -> None:
    data = json.loads(str(findings_renderer(CheckFormat.JSON)(_story_with(True, False), FindingsOptions())))
    judged = [(s["derived"], s["probability"]) for s in data["stories"][0]["sources"]]
    assert judged == [(True, 0.9), (False, 0.2)]


def test_another_item_of_the_same_agency_is_not_a_source_for_its_shared_names(
    tmp_path: Path, examples: Path
) -> None:
    """A copy of AFP's strike story, checked against that story and AFP's item on the terminal
    sale (same port, same union: it shares two sentences' names with the copy): only the strike
    story is a source the copy derives from. The terminal item adds no wording of its own to
    the copy, and the copy's AFP credit is the strike story's."""
    import shutil

    wire = tmp_path / "wire" / "afp"
    wire.mkdir(parents=True)
    shutil.copy(examples / "wire-original.txt", wire / "port-strike.txt")
    shutil.copy(Path(__file__).resolve().parent / "data" / "scoop" / "wire" / "afp" / "terminal-sale.txt", wire)
    story = tmp_path / "copy.txt"
    shutil.copy(examples / "wire-original.txt", story)
    result = runner.invoke(app, ["check", str(story), "--wire", str(tmp_path / "wire"), "-f", "json"])
    assert result.exit_code == 0, result.output
    sources = {Path(s["path"]).name: s for s in json.loads(result.stdout)["stories"][0]["sources"]}
    assert sources["port-strike.txt"]["derived"] is True
    assert sources["terminal-sale.txt"]["reused"] >= 1  # compared, and it shares sentences
    assert sources["terminal-sale.txt"]["derived"] is False
