"""How fast, how lean and how right provtrace is as the folder grows.

    python benchmarks/scale.py            # sizes 10, 100, 1000
    python benchmarks/scale.py --full     # and 10000

For each size a corpus is generated (benchmarks/generate.py) into a temporary
folder and ``trace([folder], TraceOptions())`` runs in a fresh Python process,
so the peak memory belongs to that run alone: the larger of its maximum
resident set size (from wait4) and the sampled peak of its whole process
tree (a process pool's workers included). The median wall time of the
process over the repeats is reported with the time spent inside trace(), the
peak memory and the tree accuracy against the generator's ground truth.
``provtrace --help``/``--version`` and the seed articles (../shared/seeds)
are timed end to end as well.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

#: The issue's targets.
TARGETS = {
    "cli": 0.3,
    "seeds": 1.0,
    "time_1000": 30.0,
    "memory_1000": 1024.0,
    "growth": 12.0,
    "accuracy": 0.95,
    "candidates": 5.0,
    "candidate_recall": 0.99,
}


# ------------------------------------------------------------------- scoring


@dataclasses.dataclass(frozen=True)
class Score:
    accuracy: float  # share of articles whose inferred parent is the true one
    precision: float  # of inferred edges between articles, the share that are true
    recall: float  # of true edges, the share inferred
    failures: tuple[dict[str, Any], ...]  # one per wrong article: id, kind, depth, error
    #: Wrong parents no reading of the text could get right: the article shows none
    #: of the changes made between the ancestor it was given and its true parent.
    hidden: int = 0
    articles: int = 0

    @property
    def decidable_accuracy(self) -> float:
        """Accuracy over the articles whose text shows where they came from."""
        decidable = self.articles - self.hidden
        return 1 - (len(self.failures) - self.hidden) / decidable if decidable else 1.0


def _error(
    article: str,
    inferred: str | None,
    truth: Mapping[str, Mapping[str, Any]],
    unrelated: set[str],
    children: set[str],
) -> str | None:
    """Why the inferred parent of article is wrong, or None when it is right."""
    entry = truth[article]
    parent = entry["parent"]
    if parent is None:
        if entry["kind"] == "unrelated":
            if article in unrelated or (inferred is None and article not in children):
                return None
            return "unrelated given a parent" if inferred else "unrelated given children"
        if inferred is None or inferred.startswith("unseen:"):
            return None
        return "original given a parent" + (" (reversed)" if _descends(inferred, article, truth) else "")
    if inferred == parent:
        return None
    if inferred is None:
        return "listed as unrelated" if article in unrelated else "made a root"
    if inferred.startswith("unseen:"):
        return "hung from an unseen source"
    if inferred not in truth:
        return "unknown parent"
    if truth[inferred]["family"] != entry["family"]:
        return "parent in another family"
    if _descends(inferred, article, truth):
        return "reversed (parent is its descendant)"
    if inferred == truth[parent]["parent"]:
        return "grandparent"
    if truth[inferred]["parent"] == parent:
        return "sibling"
    return "other family member"


def _hidden(article: str, inferred: str | None, truth: Mapping[str, Mapping[str, Any]]) -> bool:
    """Whether the article was hung from an ancestor above its parent whose
    descendants' changes its text does not show (the generator's "silent")."""
    parent, levels = truth[article]["parent"], 0
    while parent is not None and inferred is not None:
        parent, levels = truth[parent]["parent"], levels + 1
        if parent == inferred:
            return levels <= truth[article].get("silent", 0)
    return False


def _descends(node: str, ancestor: str, truth: Mapping[str, Mapping[str, Any]]) -> bool:
    parent = truth[node]["parent"]
    while parent is not None:
        if parent == ancestor:
            return True
        parent = truth[parent]["parent"]
    return False


def evaluate(
    truth: Mapping[str, Mapping[str, Any]], edges: Iterable[tuple[str, str]], unrelated: Iterable[str]
) -> Score:
    """Score an inferred forest (parent, child edges) against the generator's truth."""
    inferred = {child: parent for parent, child in edges}
    unrelated_set = set(unrelated)
    children = set(inferred.values())
    failures = []
    for article in sorted(truth):
        error = _error(article, inferred.get(article), truth, unrelated_set, children)
        if error:
            entry = truth[article]
            failures.append(
                {
                    "id": article,
                    "kind": entry["kind"],
                    "depth": entry["depth"],
                    "error": error,
                    "true": entry["parent"],
                    "inferred": inferred.get(article),
                }
            )
    hidden = sum(1 for f in failures if _hidden(f["id"], f["inferred"], truth))
    true_edges = {(e["parent"], a) for a, e in truth.items() if e["parent"] is not None}
    found = {(p, c) for c, p in inferred.items() if not p.startswith("unseen:")}
    hits = len(true_edges & found)
    return Score(
        accuracy=1 - len(failures) / len(truth) if truth else 1.0,
        precision=hits / len(found) if found else 1.0,
        recall=hits / len(true_edges) if true_edges else 1.0,
        failures=tuple(failures),
        hidden=hidden,
        articles=len(truth),
    )


def evaluate_trace(truth: Mapping[str, Mapping[str, Any]], trace: Any) -> Score:
    """Score a provtrace Trace against the truth."""
    return evaluate(truth, [(e.parent, e.child) for e in trace.edges], trace.unrelated)


# ------------------------------------------------------------------- running


def _child(argv: Sequence[str]) -> int:
    """In the fresh process: run trace() on a folder, write what it found as JSON."""
    folder, out, workers, profile = argv[0], argv[1], int(argv[2]), argv[3]
    started = time.perf_counter()
    from provtrace.options import TraceOptions
    from provtrace.pipeline import trace

    options = TraceOptions(workers=workers) if workers else TraceOptions()
    imported = time.perf_counter()
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(trace, [folder], options)
        profiler.dump_stats(profile)
    else:
        result = trace([folder], options)
    done = time.perf_counter()
    Path(out).write_text(
        json.dumps(
            {
                "edges": [[e.parent, e.child, e.relation] for e in result.edges],
                "unrelated": list(result.unrelated),
                "unseen": [u.id for u in result.unseen],
                "import_seconds": imported - started,
                "trace_seconds": done - imported,
            }
        )
    )
    return 0


class _TreeMemory:
    """Peak memory (MiB) of a process and its descendants: the sum of their
    proportional set sizes, so pages a forked worker shares with its parent
    count once. Linux only (reads /proc); elsewhere it stays 0.

    Listing /proc is slow in some containers, so descendants are looked for
    once a second. The known ones are measured every 100 ms, or less often when
    measuring takes longer than a twentieth of that: the kernel walks every page
    of a process to tell its proportional size (22 ms for a trace's main process
    of 816 MiB), so measuring a large run every 100 ms took a fifth of one of the
    machine's two cores from the run it measured. The sampler now keeps to a
    twentieth of one core, while the run's memory grows and shrinks over seconds.
    """

    #: The sampler's share of one core, at most (see above).
    SHARE = 0.05

    def __init__(self, root: int) -> None:
        self.root, self.tree, self.peak = root, {root}, 0.0
        self._listed = self._measured = 0.0
        self._every = 0.1

    def sample(self, now: float) -> None:
        if now - self._listed >= 1.0:
            self._listed = now
            self.tree = self._descendants()
        if now - self._measured >= self._every:
            self._measured = now
            self.peak = max(self.peak, sum(_pss(pid) for pid in self.tree) / 1024)
            self._every = max(0.1, (time.perf_counter() - now) / self.SHARE)

    def _descendants(self) -> set[int]:
        parents: dict[int, int] = {}
        for name in os.listdir("/proc") if os.path.isdir("/proc") else ():
            if name.isdigit():
                try:
                    with open(f"/proc/{name}/stat") as handle:
                        parents[int(name)] = int(handle.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, frontier = {self.root}, {self.root}
        while frontier:
            frontier = {pid for pid, ppid in parents.items() if ppid in frontier} - tree
            tree |= frontier
        return tree


def _pss(pid: int) -> int:
    """Proportional set size of a process in KiB (0 when it is gone or unknown)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_trace(folder: Path, workers: int, timeout: float | None, profile: str = "") -> dict[str, Any]:
    """trace() on folder in a fresh process: wall time, peak memory (MiB) and the result.

    Two memory figures: ru_maxrss of the process (exact, but a process pool's
    workers are not in it) and the peak of the whole process tree's memory,
    sampled every 100 ms (workers included; a brief spike can be missed).
    """
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    cmd = [sys.executable, __file__, "--child", str(folder), out, str(workers), profile]
    measured = run_measured(cmd, timeout)
    if measured.get("timeout"):
        return measured
    result = json.loads(Path(out).read_text())
    os.unlink(out)
    return {**measured, **result}


def run_measured(cmd: Sequence[str], timeout: float | None) -> dict[str, Any]:
    """Run cmd in a fresh process (session) and measure it: wall time, ru_maxrss of the
    process and the sampled peak memory of its whole process tree (MiB). It must succeed."""
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (not a pipe: a chatty child must not block on it)
    started = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(cmd, stdout=devnull, stderr=errors, start_new_session=True)
    status: int | None = None
    rusage = None
    memory = _TreeMemory(process.pid)
    while status is None or rusage is None:
        pid, status_code, rusage = os.wait4(process.pid, os.WNOHANG)
        now = time.perf_counter()
        if pid:
            status = status_code
        elif timeout is not None and now - started > timeout:
            os.killpg(process.pid, 9)  # the run and any pool workers it started
            os.wait4(process.pid, 0)
            return {"timeout": True, "seconds": now - started}
        else:
            memory.sample(now)
            time.sleep(0.005)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    if process.returncode != 0:
        message = errors.read().decode(errors="replace")[-3000:]
        raise RuntimeError(f"{cmd[2:4]} failed ({process.returncode}):\n{message}")
    errors.close()
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = rusage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {"seconds": wall, "maxrss_mib": peak, "peak_mib": max(peak, memory.peak)}


def median_time(cmd: Sequence[str], runs: int) -> float:
    """Median wall time of a command over runs, output discarded; it must succeed."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def console_script() -> str | None:
    beside = Path(sys.executable).parent / "provtrace"
    return str(beside) if beside.exists() else shutil.which("provtrace")


def cli_timings(runs: int = 10, seed_runs: int = 5) -> list[dict[str, Any]]:
    rows = []
    commands = [
        ("python -m provtrace --help", [sys.executable, "-m", "provtrace", "--help"]),
        ("python -m provtrace --version", [sys.executable, "-m", "provtrace", "--version"]),
    ]
    script = console_script()
    if script:
        commands += [("provtrace --help", [script, "--help"]), ("provtrace --version", [script, "--version"])]
    for name, cmd in commands:
        rows.append({"what": name, "seconds": median_time(cmd, runs), "runs": runs, "target": TARGETS["cli"]})
    if SEEDS.is_dir():
        cmd = [script or sys.executable, *([] if script else ["-m", "provtrace"])]
        cmd += ["trace", str(SEEDS), "--format", "json"]
        rows.append(
            {
                "what": f"seeds end to end ({len(list(SEEDS.iterdir()))} files)",
                "seconds": median_time(cmd, seed_runs),
                "runs": seed_runs,
                "target": TARGETS["seeds"],
            }
        )
    return rows


def bench_size(size: int, templates: Sequence[str], args: argparse.Namespace, workers: int) -> dict[str, Any]:
    repeat = args.repeat or (1 if size >= 10_000 else 3)
    texts, truth = generate.generate(templates, size, args.seed)
    with tempfile.TemporaryDirectory(prefix=f"provtrace-scale-{size}-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate.write_corpus(texts, truth, corpus, Path(tmp) / "truth.json")
        runs = []
        for _ in range(repeat):
            run = run_trace(corpus, workers, args.timeout)
            runs.append(run)
            print(
                f"  {size}: {run['seconds']:.2f} s" + (" (timed out)" if run.get("timeout") else ""),
                file=sys.stderr,
            )
            if run.get("timeout"):
                return {"size": size, "articles": len(texts), "timeout": True, "seconds": run["seconds"]}
        profile = None
        if args.profile and size == max(args.sizes):
            stats_file = str(Path(tmp) / "profile.pstats")
            # One process, so that the aligning done in pool workers shows in the profile.
            run_trace(corpus, 1 if args.has_workers else workers, args.timeout, stats_file)
            profile = _top_functions(stats_file, 15)
        candidates = candidate_recall(corpus, truth)
    score = evaluate(truth, [(p, c) for p, c, _ in runs[0]["edges"]], runs[0]["unrelated"])
    return {
        **candidates,
        "size": size,
        "articles": len(texts),
        "families": len({t["family"] for t in truth.values()}),
        "repeats": repeat,
        "seconds": statistics.median(r["seconds"] for r in runs),
        "trace_seconds": statistics.median(r["trace_seconds"] for r in runs),
        "import_seconds": statistics.median(r["import_seconds"] for r in runs),
        "peak_mib": statistics.median(r["peak_mib"] for r in runs),
        "maxrss_mib": statistics.median(r["maxrss_mib"] for r in runs),
        "accuracy": score.accuracy,
        "hidden": score.hidden,
        "decidable_accuracy": score.decidable_accuracy,
        "precision": score.precision,
        "recall": score.recall,
        "unseen": runs[0]["unseen"],
        "failures": list(score.failures),
        "kinds": dict(Counter(t["kind"] for t in truth.values())),
        "profile": profile,
    }


def true_pairs(truth: Mapping[str, Mapping[str, Any]]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The pairs the truth says are related: parent-child edges, and all pairs of one family."""
    edges = {(min(e["parent"], a), max(e["parent"], a)) for a, e in truth.items() if e["parent"] is not None}
    families: dict[Any, list[str]] = {}
    for article, entry in truth.items():
        if entry["kind"] != "unrelated":
            families.setdefault(entry["family"], []).append(article)
    family = {(a, b) for members in families.values() for a, b in combinations(sorted(members), 2)}
    return edges, family


def candidate_recall(corpus: Path, truth: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The pairs trace aligns for corpus (computed here, outside the timed run) against the truth:
    candidates per article, and the share of true edges and of same-family pairs among them."""
    from provtrace.align.candidates import candidate_pairs
    from provtrace.align.features import sentence_features
    from provtrace.pipeline import load_articles

    articles, _ = load_articles([str(corpus)])
    found = set(candidate_pairs(articles, {a.id: sentence_features(a) for a in articles}))
    edges, family = true_pairs(truth)
    return {
        "candidates": len(found),
        "candidates_per_article": len(found) / len(articles),
        "edge_recall_candidates": len(edges & found) / len(edges) if edges else 1.0,
        "family_recall_candidates": len(family & found) / len(family) if family else 1.0,
    }


def _top_functions(stats_file: str, n: int) -> str:
    import io
    import pstats

    buffer = io.StringIO()
    pstats.Stats(stats_file, stream=buffer).strip_dirs().sort_stats("cumulative").print_stats(n)
    return buffer.getvalue()


# ----------------------------------------------------------------- reporting


def _ok(value: float, target: float) -> str:
    return "yes" if value <= target else "**no**"


def report(results: Sequence[dict[str, Any]], cli: Sequence[dict[str, Any]], notes: Sequence[str]) -> str:
    lines = [
        "| size | articles | median time (s) | in trace() (s) | peak memory (MiB) | tree accuracy "
        "| hidden parents | accuracy where the text shows the parent | edge precision | edge recall "
        "| candidates per article | true edges among candidates | same-family pairs among candidates |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if r.get("timeout"):
            lines.append(
                f"| {r['size']} | {r['articles']} | > {r['seconds']:.0f} (timed out) | | | | | | | | | | |"
            )
            continue
        lines.append(
            f"| {r['size']} | {r['articles']} | {r['seconds']:.2f} | {r['trace_seconds']:.2f} "
            f"| {r['peak_mib']:.0f} | {r['accuracy']:.3f} | {r['hidden']} | {r['decidable_accuracy']:.3f} "
            f"| {r['precision']:.3f} | {r['recall']:.3f} | {r['candidates_per_article']:.2f} "
            f"| {r['edge_recall_candidates']:.4f} | {r['family_recall_candidates']:.4f} |"
        )
    lines += [
        "",
        "Candidates: the pairs trace aligns (provtrace.align.candidates), computed once more "
        "outside the timed run. True edges are the generator's parent-child pairs; same-family "
        f"pairs are any two versions of one story. Targets at 10,000: ≤ {TARGETS['candidates']:g} "
        f"an article, ≥ {TARGETS['candidate_recall']:g} of the same-family pairs.",
        "",
        "Hidden parents: wrong parents that no reading of the text could get right. The article "
        "shows none of its true parent's own changes (no word the parent brought in, none of its "
        "reworded sentences), as when a summary of a syndicated copy leaves out the one sentence "
        "the copy edited; provtrace then names the grandparent, the simpler explanation.",
    ]
    by_size = {r["size"]: r for r in results if not r.get("timeout")}
    if 1000 in by_size and 10_000 in by_size:
        ratio = by_size[10_000]["seconds"] / by_size[1000]["seconds"]
        lines += [
            "",
            f"time(10k) / time(1k) = {ratio:.1f} (target ≤ {TARGETS['growth']:g}: "
            f"{_ok(ratio, TARGETS['growth'])})",
        ]
    if cli:
        lines += ["", "| command | median (s) | runs | target (s) | met |", "|---|---:|---:|---:|---|"]
        for c in cli:
            lines.append(
                f"| `{c['what']}` | {c['seconds']:.3f} | {c['runs']} | {c['target']:g} "
                f"| {_ok(c['seconds'], c['target'])} |"
            )
    if 1000 in by_size:
        r = by_size[1000]
        lines += [
            "",
            f"1,000 articles: {r['seconds']:.1f} s (target ≤ 30: {_ok(r['seconds'], 30)}), "
            f"{r['peak_mib']:.0f} MiB (target ≤ 1024: {_ok(r['peak_mib'], 1024)})",
        ]
    for r in results:
        if r.get("timeout") or not r["failures"]:
            continue
        lines += [
            "",
            f"Wrong parents at size {r['size']} ({len(r['failures'])} of {r['articles']}):",
            "",
            "| kind | articles | wrong | errors |",
            "|---|---:|---:|---|",
        ]
        for kind in generate.KINDS:
            wrong = [f for f in r["failures"] if f["kind"] == kind]
            errors = Counter(f["error"] for f in wrong).most_common()
            lines.append(
                f"| {kind} | {r['kinds'].get(kind, 0)} | {len(wrong)} | "
                + ", ".join(f"{e} ×{n}" for e, n in errors)
                + " |"
            )
    for r in results:
        if r.get("profile"):
            lines += [
                "",
                f"Profile of trace() at size {r['size']} (top 15 by cumulative time):",
                "",
                "```",
                r["profile"].strip(),
                "```",
            ]
    lines += [f"\nNote: {n}" for n in notes]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        return _child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="also run 10,000 articles")
    parser.add_argument("--sizes", help="comma-separated article counts (default 10,100,1000)")
    parser.add_argument("--repeat", type=int, help="runs per size (default 3; 1 for 10,000 and more)")
    parser.add_argument(
        "--workers", type=int, default=0, help="passed to TraceOptions(workers=N) if it has it"
    )
    parser.add_argument(
        "--input", type=Path, default=ROOT / "examples", help="articles to build stories from"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, help="give up on a run after this many seconds")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the largest size once more (in one process)"
    )
    parser.add_argument("--no-cli", action="store_true", help="skip timing --help, --version and the seeds")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [10, 100, 1000]
    if args.full and 10_000 not in args.sizes:
        args.sizes.append(10_000)
    notes = []
    from provtrace.options import TraceOptions

    workers = args.workers
    args.has_workers = "workers" in {f.name for f in dataclasses.fields(TraceOptions)}
    if workers and not args.has_workers:
        notes.append(f"TraceOptions has no `workers` field: --workers {workers} was ignored.")
        workers = 0
    templates = generate.read_templates(args.input)
    results = [bench_size(size, templates, args, workers) for size in args.sizes]
    cli = [] if args.no_cli else cli_timings()
    if not args.no_cli and not SEEDS.is_dir():
        notes.append(f"{SEEDS} is absent: the seeds were not timed.")
    if args.json:
        print(json.dumps({"sizes": results, "cli": cli, "notes": notes, "targets": TARGETS}, indent=1))
    else:
        print(report(results, cli, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
