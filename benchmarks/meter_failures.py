"""Why METER `trace` gets a story wrong: which derived stories are not hung under a PA item, and which
non-derived ones are linked, each with the reason (issue 11).

Each story is traced with the PA items of its event, as benchmarks/realdata.py does, and a wrong one
is put in one of these classes:

- derived, not under PA:
  - `reversed`: an edge hangs a PA item under the story (direction);
  - `judged derived, no edge`: the story's pair with a PA item is judged derived, yet no edge joins
    them (the candidate edge was too weak: forest._MIN_EDGE_WEIGHT);
  - `judged independent`: every pair of the story with a PA item is judged written apart (the
    judgement; the highest probability is shown);
  - `not related`: the aligner related the story to no PA item (alignment).
- non-derived, linked: `judged derived` (the judgement; its probability and the edge's confidence).

Reads ../shared/corpora in place (never copies it).

    python benchmarks/meter_failures.py [--corpora DIR] [--workers N] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import realdata  # noqa: E402

from provtrace.models import Derivation  # noqa: E402
from provtrace.options import TraceOptions  # noqa: E402
from provtrace.pipeline import trace_articles  # noqa: E402


def _one(job: tuple[str, list[str]]) -> dict[str, Any]:
    """The story's edges and its judged pairs with the PA items."""
    story, wire = job
    result = trace_articles(realdata._load([story, *wire]), TraceOptions(workers=1))
    sid = Path(story).stem
    related = [
        (r.b if r.a == sid else r.a, r.judgement is Derivation.DERIVED, r.probability)
        for r in result.related
        if sid in (r.a, r.b)
    ]
    return {"edges": realdata._edges(result), "related": related}


def classify(sid: str, pa: set[str], derived: bool, found: dict[str, Any]) -> str | None:
    """The reason a story is wrong, or None where trace has it right."""
    edges = found["edges"]
    with_pa = [(other, d, p) for other, d, p in found["related"] if other in pa]
    if derived:
        if realdata.ancestors(edges, sid) & pa:
            return None
        if any(parent == sid and child in pa for parent, child, _ in edges):
            return "reversed"
        if any(d for _, d, _ in with_pa):
            return "judged derived, no edge"
        if with_pa:
            return f"judged independent (highest p {max(p for _, _, p in with_pa):.2f})"
        return "not related"
    if not realdata.linked(edges, sid, pa):
        return None
    best = max((p for _, d, p in with_pa if d), default=0.0)
    confidence = max(c for parent, child, c in edges if {parent, child} & pa and sid in (parent, child))
    return f"judged derived (p {best:.2f}, edge confidence {confidence:.2f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    corpora = args.corpora or next((p for p in realdata.CORPORA_PLACES if p.is_dir()), None)
    if corpora is None or not (corpora / "meter-dev").is_dir():
        print("note: no METER corpus found (../shared/corpora/meter-dev); nothing measured")
        return 0
    folder = corpora / "meter-dev"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    stories = realdata._take(truth, args.limit)
    jobs = [(str(folder / s), [str(folder / w) for w in truth[s]["wire"]]) for s in stories]
    results = realdata.pool_map(_one, jobs, args.workers)
    counts: Counter[tuple[str, str]] = Counter()
    lines = []
    for story, found in zip(stories, results, strict=True):
        label = truth[story]["label"]
        sid, pa = Path(story).stem, {Path(w).stem for w in truth[story]["wire"]}
        reason = classify(sid, pa, label in realdata.METER_DERIVED, found)
        if reason is not None:
            counts[label, reason.split(" (")[0]] += 1
            lines.append(f"{label:<18} {sid:<36} {reason}")
    print("\n".join(lines))
    print()
    for (label, reason), n in sorted(counts.items()):
        print(f"{n:>4}  {label:<18} {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
