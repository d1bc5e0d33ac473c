"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning and others).

A minimal valid log: one run whose tool.driver lists the rules, and one
result per finding with its ruleId, level, message and location (the story
file's URI and line). Waived findings are included with an in-source
suppression carrying the waiver's reason, as SARIF intends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from provtrace import __version__
from provtrace.check.formats import FindingsOptions
from provtrace.check.model import CheckReport, Finding
from provtrace.check.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_RULES = list(RULES)


def artifact_uri(path: str) -> str:
    """A file path as a SARIF artifact URI: relative with forward slashes, or file:// when absolute."""
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"))


def _result(finding: Finding) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule.value,
        "ruleIndex": _RULES.index(finding.rule),
        "level": finding.severity.value,
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path)},
                    "region": {"startLine": finding.line},
                }
            }
        ],
    }
    if finding.waiver is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.waiver}]
    return result


def render_sarif(report: CheckReport, options: FindingsOptions) -> str:
    """The report as a SARIF 2.1.0 log."""
    rules = [
        {
            "id": rule.value,
            "name": "".join(part.title() for part in rule.value.split("-")),
            "shortDescription": {"text": RULES[rule].description},
            "defaultConfiguration": {"enabled": rule in report.rules},
        }
        for rule in _RULES
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "provtrace",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": [_result(f) for f in (*report.findings, *report.waived)],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
