"""JSON: the provtrace.check/1 contract, a faithful serialisation of a CheckReport.

Keys are sorted and lists keep the report's stable order, so the same inputs
give byte-identical output.
"""

from __future__ import annotations

from typing import Any

from provtrace.check.formats import FindingsOptions
from provtrace.check.model import CheckReport, Finding
from provtrace.render.jsontext import dumps_sorted

SCHEMA = "provtrace.check/1"


def _finding(finding: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": finding.path,
        "line": finding.line,
        "rule": finding.rule.value,
        "severity": finding.severity.value,
        "message": finding.message,
        "agency": finding.agency,
        "source": finding.source,
    }
    if finding.waiver is not None:
        out["waiver"] = finding.waiver
    return out


def report_dict(report: CheckReport) -> dict[str, Any]:
    """The report as plain data (what render_json writes)."""
    return {
        "schema": SCHEMA,
        "passed": not report.failing(),
        "fail_on": report.fail_on.value,
        "rules": [rule.value for rule in report.rules],
        "summary": {
            "stories": len(report.stories),
            "wire_articles": report.wire_articles,
            "aligned_pairs": report.aligned_pairs,
            "total_pairs": report.total_pairs,
            "errors": sum(1 for f in report.findings if f.severity.value == "error"),
            "warnings": sum(1 for f in report.findings if f.severity.value == "warning"),
            "waived": len(report.waived),
        },
        "findings": [_finding(f) for f in report.findings],
        "waived": [_finding(f) for f in report.waived],
        "stories": [
            {
                "path": story.path,
                "sentences": story.sentences,
                "credits": list(story.credits),
                "sources": [
                    {
                        "path": s.path,
                        "agency": s.agency,
                        "reused": s.reused,
                        "share": s.share,
                        "derived": s.derived,
                        "probability": s.probability,
                        "picked_up": s.picked_up,
                    }
                    for s in story.sources
                ],
            }
            for story in report.stories
        ],
    }


def render_json(report: CheckReport, options: FindingsOptions) -> str:
    """The provtrace.check/1 document."""
    return dumps_sorted(report_dict(report)) + "\n"
