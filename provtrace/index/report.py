"""What an index command says: one-line summaries of add and remove, and the stats.

Wording lives here, beside the reports it describes, so the CLI only prints.
"""

from __future__ import annotations

from dataclasses import asdict

from provtrace.index.store import AddReport, IndexStats, RemoveReport
from provtrace.ingest.reports import INDEX_REASON
from provtrace.render.jsontext import dumps_sorted
from provtrace.wording import plural

#: The schema of `provtrace index stats --format json`.
STATS_SCHEMA = "provtrace.index-stats/1"


def add_summary(report: AddReport, quiet: bool = False) -> str:
    """'added 120, replaced 3, unchanged 2,001, skipped 1 (see warnings)' (the warnings not
    pointed to when quiet leaves them unsaid)."""
    parts = [
        f"added {len(report.added):,}",
        f"replaced {len(report.replaced):,}",
        f"unchanged {report.unchanged:,}",
    ]
    # A provtrace index among the files is left out without a word (it is where the README keeps it).
    told = [s for s in report.skipped if s.reason != INDEX_REASON]
    if told:
        parts.append(f"skipped {len(told):,}" + ("" if quiet else " (see warnings)"))
    return ", ".join(parts)


def add_warnings(report: AddReport) -> tuple[str, ...]:
    """One warning per file that holds no article ("skipped PATH: REASON"), provtrace's own
    reports named together in one line, as trace and check name them."""
    from provtrace.ingest.reports import skip_messages

    gone: tuple[str, ...] = ()
    if report.gone:
        shown = ", ".join(report.gone[:_GONE_SHOWN]) + (", …" if len(report.gone) > _GONE_SHOWN else "")
        gone = (
            f"{plural(len(report.gone), 'indexed file')} no longer there, still in the index and still "
            f"matched by check --index: {shown} (provtrace index remove PATH takes a file out)",
        )
    return (*skip_messages(report.skipped), *gone)


#: Files no longer there that a warning names, at most.
_GONE_SHOWN = 5


def remove_summary(report: RemoveReport) -> str:
    """'removed 3 files' (articles and files that held none)."""
    return f"removed {plural(len(report.removed), 'file')}"


def remove_warnings(report: RemoveReport) -> tuple[str, ...]:
    """One warning per path given that matched nothing in the index."""
    return tuple(f"{path}: not in the index" for path in report.not_indexed)


def stats_text(stats: IndexStats, path: str) -> str:
    """The stats as aligned 'name: value' lines."""
    rows = [
        ("index", path),
        ("schema", stats.schema),
        ("updated", stats.updated or "never"),
        ("files", f"{stats.files:,}"),
        ("articles", f"{stats.articles:,}"),
        ("sentences", f"{stats.sentences:,}"),
        ("keys", f"{stats.keys:,}"),
        ("postings", f"{stats.postings:,}"),
        ("size", f"{stats.file_bytes:,} bytes"),
    ]
    width = max(len(name) for name, _ in rows) + 1
    return "".join(f"{name + ':':<{width}} {value}\n" for name, value in rows)


def stats_json(stats: IndexStats, path: str) -> str:
    """The stats as one JSON object (keys sorted), with the index path and a schema name."""
    data = {"schema_name": STATS_SCHEMA, "index": path, **asdict(stats)}
    return dumps_sorted(data) + "\n"
