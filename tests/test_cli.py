"""The command line: exit codes, formats, output files, streams."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provtrace import __version__
from provtrace.cli.app import app, run
from provtrace.errors import ExitCode

from .conftest import ROOT

runner = CliRunner()


def test_version_prints_the_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"provtrace {__version__}"


def test_help_explains_every_option() -> None:
    result = runner.invoke(app, ["trace", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--output", "--all-pairs", "--brief", "--quiet", "--traceback"):
        assert option in result.stdout


def test_trace_on_examples_exits_0_with_the_tree(examples: Path) -> None:
    result = runner.invoke(app, ["trace", str(examples)])
    assert result.exit_code == ExitCode.OK
    assert "near-verbatim copy of wire-original" in result.stdout
    assert "Unrelated" in result.stdout


def test_json_format_writes_the_contract_to_stdout(examples: Path) -> None:
    result = runner.invoke(app, ["trace", str(examples), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "provtrace.trace/1"
    assert {e["child"] for e in data["edges"]} == {
        "harbourtimes-syndicated",
        "coastalpost-rewrite",
        "morning-briefing-summary",
    }


def test_output_file_format_follows_its_extension(examples: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = runner.invoke(app, ["trace", str(examples), "--output", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "provtrace.trace/1"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_output_through_a_symbolic_link_writes_the_file_it_points_to(examples: Path, tmp_path: Path) -> None:
    """-o LINK writes the linked file (as a plain write would) and leaves the link a link."""
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    assert runner.invoke(app, ["trace", str(examples), "-o", str(link)]).exit_code == 0
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["schema"] == "provtrace.trace/1"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["latest.json"]


def test_output_into_a_missing_folder_is_exit_2(examples: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["trace", str(examples), "-o", str(tmp_path / "no" / "r.json")])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("error: cannot write")


def test_a_missing_path_is_exit_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["trace", str(tmp_path / "missing")])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'missing'}: no such file or folder"]


def test_a_folder_without_usable_articles_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["trace", str(tmp_path)])
    assert result.exit_code == ExitCode.USAGE
    assert "warning: skipped" in result.stderr
    assert "error: no usable article found" in result.stderr


def test_an_unknown_format_is_a_usage_error(examples: Path) -> None:
    result = runner.invoke(app, ["trace", str(examples), "--format", "pdf"])
    assert result.exit_code == ExitCode.USAGE


def test_an_internal_error_is_exit_3_with_a_hint(examples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import provtrace.pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(provtrace.pipeline, "trace", boom)
    result = runner.invoke(app, ["trace", str(examples)])
    assert result.exit_code == ExitCode.INTERNAL
    assert "internal error: RuntimeError: simulated bug (rerun with --traceback" in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_during_a_run_is_exit_130(examples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import provtrace.pipeline

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(provtrace.pipeline, "trace", interrupted)
    result = runner.invoke(app, ["trace", str(examples)])
    assert result.exit_code == ExitCode.INTERRUPTED == 130
    assert result.stderr.strip() == "error: interrupted"


def test_ctrl_c_at_a_prompt_or_in_typer_is_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer

    import provtrace.cli.app as cli

    def aborted(*args: object, **kwargs: object) -> None:
        raise typer.Abort()

    monkeypatch.setattr(cli, "app", aborted)
    with pytest.raises(SystemExit) as caught:
        run(["trace", "x"])
    assert caught.value.code == ExitCode.INTERRUPTED
    assert capsys.readouterr().err == "provtrace: interrupted\n"


def test_warnings_go_to_stderr_and_quiet_silences_them(examples: Path, tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    args = ["trace", str(examples), str(tmp_path), "--format", "json"]
    loud = runner.invoke(app, args)
    assert "warning: skipped" in loud.stderr and "warning: skipped" not in loud.stdout
    quiet = runner.invoke(app, [*args, "--quiet"])
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_standard_input_is_read_with_a_dash(examples: Path) -> None:
    text = (examples / "wire-original.txt").read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["trace", "-", str(examples / "harbourtimes-syndicated.html"), "-f", "json"], input=text
    )
    assert result.exit_code == 0
    assert "stdin" in {a["id"] for a in json.loads(result.stdout)["articles"]}


def test_text_output_in_a_pipe_has_no_colour_codes(examples: Path) -> None:
    result = runner.invoke(app, ["trace", str(examples)])
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize("command", ["trace", "diff"])
def test_piped_text_is_one_sentence_a_line_without_trailing_spaces(command: str, examples: Path) -> None:
    """grep finds any sentence of a story in the piped text view: nothing is wrapped."""
    wire = examples / "wire-original.txt"
    argv = [str(examples)] if command == "trace" else [str(wire), str(examples / "coastalpost-rewrite.txt")]
    result = runner.invoke(app, [command, *argv])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    dropped = (
        "Shipping lines have begun diverting vessels to Puerto Cabral, a smaller port about 180 kilometres"
    )
    assert any(dropped in line and line.rstrip().endswith(".") for line in lines), dropped


def test_output_is_byte_identical_for_every_order_of_the_example_files(examples: Path) -> None:
    import itertools

    files = sorted(str(p) for p in examples.iterdir())
    outputs = set()
    for order in itertools.islice(itertools.permutations(files), 0, None, 7):
        outputs.add(runner.invoke(app, ["trace", *order]).stdout)
        outputs.add(runner.invoke(app, ["trace", *reversed(order)]).stdout)
    assert len(outputs) == 1


def test_output_files_get_the_usual_permissions_not_private_ones(examples: Path, tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        target = tmp_path / "report.json"
        assert runner.invoke(app, ["trace", str(examples), "-o", str(target)]).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o640)
        assert runner.invoke(app, ["trace", str(examples), "-o", str(target)]).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its mode
    finally:
        os.umask(old)


def test_an_output_name_with_an_unknown_extension_is_a_usage_error(examples: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["trace", str(examples), "-o", str(tmp_path / "report.pdf")])
    assert result.exit_code == ExitCode.USAGE
    assert "cannot tell the format from the file name 'report.pdf'" in result.stderr
    assert not (tmp_path / "report.pdf").exists()


@pytest.mark.parametrize(
    ("command", "name", "said"),
    [
        ("diff {w} {c}", "pair.csv", "provtrace diff has no csv output"),
        ("diff {w} {c}", "pair.graphml", "provtrace diff has no graphml output"),
        ("trace {w} {c}", "report.sarif", "provtrace trace has no sarif output"),
        ("check {c} --wire {w}", "findings.csv", "provtrace check has no csv output"),
    ],
)
def test_an_output_name_of_another_commands_format_says_this_command_has_none(
    examples: Path, tmp_path: Path, command: str, name: str, said: str
) -> None:
    # "diff -o x.csv" said it could not tell the format from the name (review, session 12).
    w, c = examples / "wire-original.txt", examples / "coastalpost-rewrite.txt"
    result = runner.invoke(app, [*command.format(w=w, c=c).split(), "-o", str(tmp_path / name)])
    assert result.exit_code == ExitCode.USAGE
    assert said in result.stderr and "end the file name with one of" in result.stderr
    assert not (tmp_path / name).exists()


def test_no_color_gives_text_without_any_escape_codes(
    examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    result = runner.invoke(app, ["trace", str(examples)], color=True)
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize("command", ["trace", "diff", "check"])
def test_no_color_is_honoured_by_every_command(
    command: str, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One writer serves every command, so NO_COLOR holds for all of them."""
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then treats the captured output as a terminal
    monkeypatch.setenv("TERM", "xterm-256color")
    wire, copy = str(examples / "wire-original.txt"), str(examples / "coastalpost-rewrite.txt")
    argv = {"trace": [str(examples)], "diff": [wire, copy], "check": [copy, "--wire", wire]}[command]
    assert "\x1b[" in runner.invoke(app, [command, *argv]).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    result = runner.invoke(app, [command, *argv])
    assert result.stdout.strip() and "\x1b[" not in result.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["trace", "--bogus", "x"], "provtrace trace: No such option: --bogus (see provtrace trace --help)"),
        (["trace"], "provtrace trace: Missing argument 'PATH'. (see provtrace trace --help)"),
        (
            ["check", "stories"],
            "provtrace check: Invalid value for '--wire' / '--index': give the wire copy with --wire PATH or "
            "an index with --index FILE, one of them is needed (see provtrace check --help)",
        ),
    ],
)
def test_a_usage_error_is_one_line_with_where_to_look_and_exit_code_2(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        run(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.replace("python -m pytest", "provtrace").strip().endswith(expected.split(": ", 1)[1]), err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_entry_point_exits_with_the_commands_code(
    examples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["trace", str(examples), "--format", "json", "--quiet"])
    assert caught.value.code == 0
    assert '"provtrace.trace/1"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("command", "name"), [("trace", "PATH..."), ("check", "STORY..."), ("check", "--wire PATH")]
)
def test_help_names_arguments_without_python_types(command: str, name: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert name in result.stdout
    assert "list[str]" not in result.stdout and "<str>" not in result.stdout.split("Options")[0]


def test_a_bad_option_value_is_one_clean_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["trace", "--format", "bogus", "x"])
    assert caught.value.code == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "'bogus' is not one of" in err and "Value error" not in err and err.count("\n") == 1


def test_an_empty_standard_input_says_so() -> None:
    result = runner.invoke(app, ["trace", "-"], input="")
    assert result.exit_code == ExitCode.USAGE
    assert "error: no usable article on standard input: it is empty" in result.stderr
    assert "given paths" not in result.stderr and "file(s)" not in result.stderr


def test_one_skipped_file_is_counted_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["trace", str(tmp_path)])
    assert result.exit_code == ExitCode.USAGE
    assert "(1 file skipped; see the warnings above)" in result.stderr


def test_a_pipe_gets_utf8_even_under_an_ascii_locale(examples: Path) -> None:
    """LC_ALL=C (common in containers and CI) must not turn '·' or '→' into an internal error."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-m", "provtrace", "trace", str(examples), "-q"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "articles · 3 derivations" in done.stdout.decode("utf-8")


def test_json_that_fails_half_written_leaves_the_output_file_as_it_was(
    examples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The streamed JSON goes through a temporary file too: never a half-written report."""
    from typing import TextIO

    from provtrace.spooled import SpooledTrace

    def half(self: SpooledTrace, out: TextIO, progress: object = None) -> None:
        out.write('{\n  "alignments": [')
        raise OSError(28, "No space left on device")

    target = tmp_path / "report.json"
    target.write_text("the old report", encoding="utf-8")
    monkeypatch.setattr(SpooledTrace, "write_json", half)
    result = runner.invoke(app, ["trace", str(examples), "-o", str(target)])
    assert result.exit_code != 0
    assert "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize(
    "args",
    [
        ["trace", "examples"],
        ["check", "examples", "--wire", "examples"],
        ["index", "add", "examples", "--index", "never-written.sqlite"],
    ],
)
@pytest.mark.parametrize("address", ["bogus", "tcp://host", "tcp://host:port", "http://h:1/x"])
def test_a_malformed_scheduler_address_is_a_prompt_one_line_usage_error(
    args: list[str], address: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused before any file is read or any connection tried, without Dask's traceback noise."""
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as caught:
        run([*args, "--scheduler", address])
    assert caught.value.code == ExitCode.USAGE
    err = capsys.readouterr().err
    assert f"malformed Dask scheduler address {address!r}" in err
    assert "cannot reach" not in err and "Exception ignored" not in err and err.count("\n") == 1
    assert not (ROOT / "never-written.sqlite").exists()


def test_a_well_formed_scheduler_address_passes_the_check() -> None:
    from provtrace.parallel import check_address

    for address in (
        "tcp://127.0.0.1:8786",
        "10.0.0.5:8786",
        "tls://sched.example.org:8786",
        "tcp://[::1]:8786",
    ):
        check_address(address)


@pytest.mark.parametrize(
    ("extra", "said"), [([], "one of them is needed"), (["--wire", "w", "--index", "i.sqlite"], "not both")]
)
def test_check_says_whether_wire_and_index_are_both_missing_or_both_given(
    extra: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["check", "stories", *extra])
    assert caught.value.code == ExitCode.USAGE
    assert f"an index with --index FILE, {said} (see " in capsys.readouterr().err


@pytest.mark.parametrize("command", ["trace", "diff", "check"])
def test_an_output_name_ending_in_a_slash_is_a_usage_error_not_a_file(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    wire, copy = "examples/wire-original.txt", "examples/coastalpost-rewrite.txt"
    argv = {"trace": [wire, copy], "diff": [wire, copy], "check": [copy, "--wire", wire]}[command]
    with pytest.raises(SystemExit) as caught:
        run([command, *argv, "-o", f"{tmp_path}/dir.json/"])
    assert caught.value.code == ExitCode.USAGE
    assert "dir.json/ names a folder: give the file to write" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("fmt", "option", "said"),
    [
        ("json", "--brief", "--brief has no effect on -f json (it applies to html, markdown, text)"),
        ("text", "--all-pairs", "--all-pairs has no effect on -f text (it applies to csv, json)"),
        ("dot", "--brief", "--brief has no effect on -f dot"),
    ],
)
def test_an_option_the_format_does_not_use_is_warned_about_in_one_line(
    examples: Path, fmt: str, option: str, said: str
) -> None:
    result = runner.invoke(app, ["trace", str(examples), "-f", fmt, option])
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if "no effect" in line]
    assert len(warned) == 1 and warned[0].startswith(f"warning: {said}")
    used = runner.invoke(
        app, ["trace", str(examples), "-f", "json" if option == "--all-pairs" else "text", option]
    )
    assert "no effect" not in used.stderr


@pytest.mark.parametrize("fmt", ["json", "text", "csv"])
def test_a_reader_that_stops_early_is_not_an_error(examples: Path, fmt: str) -> None:
    """`provtrace trace DIR -f json | head -1`: the pipe closed under the writer is normal use."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    argv = [sys.executable, "-m", "provtrace", "trace", str(examples), "-f", fmt, "-q"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # the reader leaves before the writer is done
        err = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait(timeout=120)
    assert code == 0, err
    assert err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux) to fill a disk")
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_standard_output_on_a_full_disk_is_a_usage_error_not_a_bug(examples: Path, fmt: str) -> None:
    # New-user review, session 15: "> /dev/full" was exit 3, "internal error ... report it".
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    argv = [sys.executable, "-m", "provtrace", "trace", str(examples), "-f", fmt, "-q"]
    with open("/dev/full", "w") as full:
        done = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, env=env, timeout=120, check=False)
    assert done.returncode == ExitCode.USAGE
    assert done.stderr.decode() == "error: cannot write to standard output: No space left on device\n"


def test_an_output_path_below_a_file_says_that_it_is_a_file(examples: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("a file", encoding="utf-8")
    result = CliRunner().invoke(app, ["trace", str(examples), "-o", str(target / "x.md")])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip() == f"error: cannot write {target / 'x.md'}: {target} is a file, not a folder"


def _provtrace_with(examples: Path, shell_tail: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """provtrace run by a shell, with shell_tail after the command (``>&-``, ``2>&-``)."""
    import os
    import shlex
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "provtrace", *args])
    return subprocess.run(f"{argv} {shell_tail}", shell=True, capture_output=True, env=env, timeout=120, check=False)


def test_a_closed_standard_output_is_an_output_error_and_a_closed_stderr_changes_no_exit_code(
    examples: Path,
) -> None:
    # New-user review, session 16: ">&-" was exit 3 ("internal error: AttributeError"), and "2>&-"
    # turned a missing path (exit 2) into exit 1, check's code for findings.
    closed = _provtrace_with(examples, ">&-", "trace", str(examples), "-q")
    assert closed.returncode == ExitCode.USAGE
    assert closed.stderr.decode() == "error: cannot write to standard output: it is closed\n"
    assert _provtrace_with(examples, "2>&-", "trace", str(examples / "missing")).returncode == ExitCode.USAGE
    quiet = _provtrace_with(examples, "2>&-", "trace", str(examples), "--brief")
    assert quiet.returncode == 0 and quiet.stdout.decode().startswith("5 articles")
    assert _provtrace_with(examples, "2>&-", "trace", str(examples), "-f", "json", "-o", "/dev/null").returncode == 0


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes (POSIX)")
def test_output_to_a_named_pipe_or_a_device_is_written_into_not_replaced(examples: Path, tmp_path: Path) -> None:
    # New-user review, session 16: -o renamed a temporary file over the path, so a named pipe (or,
    # as root, /dev/null itself) became a regular file holding the report.
    import os
    import stat
    import threading

    pipe = tmp_path / "report.json"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    result = CliRunner().invoke(app, ["trace", str(examples), "-f", "json", "-o", str(pipe)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert json.loads(got[0])["edges"]
    if Path("/dev/null").exists():
        result = CliRunner().invoke(app, ["trace", str(examples), "-f", "json", "-o", "/dev/null"])
        assert result.exit_code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
