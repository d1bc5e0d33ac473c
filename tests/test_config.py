"""Configuration of provtrace check: where it is found, what it accepts, how it refuses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from provtrace.check.config import (
    CheckConfig,
    ConfigError,
    find_config,
    load_config,
    parse_config,
)
from provtrace.check.model import Severity
from provtrace.check.rules import Rule
from provtrace.errors import ExitCode


def test_defaults_apply_without_a_file(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)
    assert config.source is None
    assert (config.reuse_share, config.reuse_sentences, config.fail_on) == (0.3, 3, Severity.ERROR)
    assert config.severity_of(Rule.CHANGED_FIGURE) is Severity.WARNING
    assert config.severity_of(Rule.ALTERED_QUOTE) is Severity.ERROR


def test_pyproject_tool_provtrace_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.provtrace.check]\nreuse-sentences = 5\n", encoding="utf-8"
    )
    (tmp_path / "stories" / "2026").mkdir(parents=True)
    config = load_config(start=tmp_path / "stories" / "2026")
    assert config.reuse_sentences == 5
    assert config.source == str(tmp_path.resolve() / "pyproject.toml")
    assert config.base == str(tmp_path.resolve())


def test_a_pyproject_without_tool_provtrace_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "provtrace.toml").write_text("[check]\nreuse-share = 0.5\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path / "sub") == tmp_path.resolve() / "provtrace.toml"
    assert load_config(start=tmp_path / "sub").reuse_share == 0.5


def test_provtrace_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.provtrace.check]\nreuse-sentences = 9\n", encoding="utf-8"
    )
    (tmp_path / "provtrace.toml").write_text("[check]\nreuse-sentences = 4\n", encoding="utf-8")
    assert load_config(start=tmp_path).reuse_sentences == 4


def test_an_explicit_file_overrides_discovery(tmp_path: Path) -> None:
    (tmp_path / "provtrace.toml").write_text("[check]\nreuse-sentences = 4\n", encoding="utf-8")
    other = tmp_path / "ci.toml"
    other.write_text('[check]\nfail-on = "warning"\n', encoding="utf-8")
    config = load_config(other)
    assert config.fail_on is Severity.WARNING and config.reuse_sentences == 3


def test_every_setting_is_read() -> None:
    config = parse_config(
        {
            "check": {
                "fail-on": "warning",
                "reuse-share": 0.5,
                "reuse-sentences": 2,
                "severity": {"changed-figure": "error", "altered-quote": "off"},
                "agencies": {"Reuters": ["Thomson Reuters Foundation"], "Agencia Nova": ["Nova"]},
                "credit-phrases": ["courtesy of {agency}"],
                "ignore": ["drafts/*"],
                "wire": {"wire/nova": "Nova", "wire/tr/": "reuters"},
            }
        },
        base="/newsroom",
    )
    assert config.fail_on is Severity.WARNING
    assert (config.reuse_share, config.reuse_sentences) == (0.5, 2)
    assert config.severity_of(Rule.CHANGED_FIGURE) is Severity.ERROR
    assert config.severity_of(Rule.ALTERED_QUOTE) is Severity.OFF
    assert config.wire == {"wire/nova": "Agencia Nova", "wire/tr": "Reuters"}
    assert "Agencia Nova" in config.agencies()
    assert config.ignore == ("drafts/*",) and config.credit_phrases == ("courtesy of {agency}",)


@pytest.mark.parametrize(
    ("check", "problem"),
    [
        ({"reuse_share": 0.3}, "unknown key 'reuse_share'"),
        ({"reuse-share": "0.3"}, "reuse-share must be a number, not a string"),
        ({"reuse-share": 0}, "reuse-share must be above 0 and at most 1"),
        ({"reuse-share": 1.5}, "reuse-share must be above 0 and at most 1"),
        ({"reuse-sentences": 2.5}, "reuse-sentences must be a whole number"),
        ({"reuse-sentences": True}, "reuse-sentences must be a whole number, not true/false"),
        ({"reuse-sentences": 0}, "reuse-sentences must be at least 1"),
        ({"fail-on": "off"}, "fail-on must be one of error, warning, not 'off'"),
        ({"severity": {"misquote": "error"}}, "rule 'misquote' is not a rule"),
        (
            {"severity": {"altered-quote": "fatal"}},
            "[tool.provtrace.check.severity]: altered-quote must be one of error, warning, off",
        ),
        ({"severity": "error"}, "severity must be a table"),
        ({"agencies": {"Reuters": "TR"}}, "must be a list of non-empty strings"),
        ({"credit-phrases": ["courtesy of the wire"]}, "needs words and an {agency} placeholder"),
        ({"credit-phrases": ["{agency}"]}, "needs words and an {agency} placeholder"),
        ({"ignore": "drafts/*"}, "ignore must be a list of non-empty strings"),
        (
            {"wire": {"wire/x": "Reuter"}},
            "[tool.provtrace.check.wire]: 'wire/x' names an unknown agency 'Reuter'",
        ),
        ({"wire": {"wire/x": 3}}, "must be an agency name, not a whole number"),
    ],
)
def test_invalid_settings_are_errors_naming_the_key(check: dict[str, Any], problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"check": check}, source="pyproject.toml")
    assert problem in str(caught.value)
    assert str(caught.value).startswith("pyproject.toml: [tool.provtrace.check")
    assert caught.value.exit_code is ExitCode.USAGE


def test_an_unknown_top_level_key_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown key 'checks'"):
        parse_config({"checks": {}})


def test_broken_toml_and_a_missing_file_are_errors(tmp_path: Path) -> None:
    broken = tmp_path / "provtrace.toml"
    broken.write_text("[check\nreuse-share = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(broken)
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "missing.toml")


def test_a_broken_pyproject_that_configures_provtrace_is_reported_when_found(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.provtrace.check]\nreuse-share = = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(start=tmp_path)


def test_the_config_object_has_defaults_for_library_callers() -> None:
    assert CheckConfig().severity_of(Rule.UNCREDITED_REUSE) is Severity.ERROR


@pytest.mark.parametrize(
    ("name", "text", "table"),
    [
        ("provtrace.toml", '[check.wire]\n"wire/partner" = "AFP"\n', "[check.wire]"),
        (
            "pyproject.toml",
            '[tool.provtrace.check.wire]\n"wire/partner" = "AFP"\n',
            "[tool.provtrace.check.wire]",
        ),
    ],
)
def test_a_wire_entry_naming_a_missing_folder_is_an_error(
    tmp_path: Path, name: str, text: str, table: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    assert caught.value.exit_code is ExitCode.USAGE
    assert str(caught.value).startswith(f"{tmp_path.resolve() / name}: {table} entry 'wire/partner' names ")
    assert "does not exist" in str(caught.value)


def test_a_wire_entry_naming_an_existing_folder_or_file_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "wire" / "partner").mkdir(parents=True)
    (tmp_path / "wire" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "provtrace.toml").write_text(
        '[check.wire]\n"wire/partner" = "AFP"\n"wire/one.txt" = "AP"\n', encoding="utf-8"
    )
    assert load_config(start=tmp_path).wire == {"wire/partner": "AFP", "wire/one.txt": "AP"}
