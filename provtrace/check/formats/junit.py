"""JUnit XML, for CI dashboards (GitLab, Jenkins, Azure): one test case per story and rule.

A case fails with one <failure> per finding at failing severity; findings
below it and waived findings are listed in the case's <system-out>. The
document is built with ElementTree, which escapes every value.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from provtrace.check.formats import FindingsOptions
from provtrace.check.formats.text import waived_line
from provtrace.check.model import CheckReport, Finding


def _line(finding: Finding) -> str:
    return (
        f"{finding.path}:{finding.line}: {finding.severity.value}: {finding.message} [{finding.rule.value}]"
    )


def render_junit(report: CheckReport, options: FindingsOptions) -> str:
    """The report as a JUnit XML document."""
    failing = set(report.failing())
    cases = [(story.path, rule) for story in report.stories for rule in report.rules]
    failures = 0
    suite = ET.Element("testsuite", name="provtrace check")
    for path, rule in cases:
        case = ET.SubElement(suite, "testcase", classname=f"provtrace.check.{rule.value}", name=path)
        case.set("file", path)
        found = [f for f in report.findings if f.path == path and f.rule is rule]
        notes = [_line(f) for f in found if f not in failing]
        notes += [waived_line(f) for f in report.waived if f.path == path and f.rule is rule]
        bad = [f for f in found if f in failing]
        if bad:
            failures += 1
        for finding in bad:
            failure = ET.SubElement(
                case, "failure", type=rule.value, message=f"line {finding.line}: {finding.message}"
            )
            failure.text = _line(finding)
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    for element in (suite,):
        element.set("tests", str(len(cases)))
        element.set("failures", str(failures))
        element.set("errors", "0")
        element.set("skipped", "0")
    root = ET.Element("testsuites", name="provtrace check", tests=str(len(cases)), failures=str(failures))
    root.set("errors", "0")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
