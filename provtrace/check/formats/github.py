"""GitHub Actions workflow commands: each finding becomes an annotation on its line.

``::error file=stories/a.txt,line=3,title=altered-quote::message``. Values
are escaped as the Actions toolkit does: % CR LF in the message, and also
: and , in the properties, so a path or message can never end the command
early or inject another one.
"""

from __future__ import annotations

from provtrace.check.formats import FindingsOptions
from provtrace.check.formats.text import summary
from provtrace.check.model import CheckReport, Severity


def escape_data(text: str) -> str:
    """Escape a workflow-command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: CheckReport, options: FindingsOptions) -> str:
    """One workflow command per finding, then the summary as a plain log line."""
    lines = []
    for finding in report.findings:
        command = "error" if finding.severity is Severity.ERROR else "warning"
        properties = ",".join(
            f"{key}={escape_property(value)}"
            for key, value in (
                ("file", finding.path),
                ("line", str(finding.line)),
                ("title", f"provtrace {finding.rule.value}"),
            )
        )
        lines.append(f"::{command} {properties}::{escape_data(finding.message)}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
