"""How long sentence splitting, alignment and reading take on a ~5 MB story.

Builds a text of about --mb megabytes from the sentences of examples/, each
repeat varied (a serial number and a rotating word) so that sentences do not
repeat exactly, then a copy of it with every tenth sentence reworded. Prints
the median time of splitting the text and of aligning the two, over --runs
runs. Target: both under 10 s for 5 MB.

Then the splitting of one megabyte of prose and of each pathological
punctuation unit repeated to one megabyte (formerly timed unit tests): each
should stay well under a second for prose and grow linearly (the 4 MB column
about 4 times the 1 MB one).

Then the "reading" figure: the median time of provtrace.pipeline.load_articles
(decoding, furniture, credits, language, sentences) on a file of about --mb
megabytes built from the story paragraphs of examples/wire-original.txt,
varied, every third one without its final full stop (those lines are checked
as possible pull quotes).

Last, the "check" figure: the median time of check.runner.check of that story, one word of
every seventh paragraph changed, against the story file as wire copy, and of its altered-quote
rule alone (each story quotation is compared with the wire quotations that can match it).

    python benchmarks/large_input.py [--mb 5] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Punctuation whose repetition once made the splitter quadratic or backtrack.
DENSE_PUNCTUATION = [".", "a.", "U.S. ", "J. ", "“?” ", "a.Bc", "(" * 9 + "!"]
PROSE = (
    "Dr. Ines Ortega of the U.S. office said 4.5 percent was enough. "
    '"Is it over?" she asked. The Tallow Co. board met at 9 a.m. It adjourned. '
)
WORDS = ["harbour", "quay", "terminal", "crane", "vessel", "cargo", "union", "ministry", "tariff", "convoy"]


def build_text(megabytes: float) -> tuple[str, str]:
    """A long story (paragraphs of varied example sentences) and a lightly edited copy of it."""
    from provtrace.ingest.sentences import split_sentences

    sentences: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        sentences += split_sentences(path.read_text(encoding="utf-8"))
    target = int(megabytes * 1_000_000)
    paragraphs, copy, size, n = [], [], 0, 0
    while size < target:
        block = []
        for k, sentence in enumerate(sentences):
            word = WORDS[(n + k) % len(WORDS)]
            block.append(f"{sentence[:-1]} near {word} number {n * 1000 + k}{sentence[-1]}")
        paragraph = " ".join(block)
        paragraphs.append(paragraph)
        copy.append(" ".join(s.replace(" the ", " a ", 1) if i % 10 == 0 else s for i, s in enumerate(block)))
        size += len(paragraph) + 1
        n += 1
    return "\n".join(paragraphs), "\n".join(copy)


def build_story(megabytes: float) -> str:
    """A long plain-text story of about megabytes: only the story paragraphs of the wire example.

    Each repeat is varied (every third word replaced by a rotating word and the
    repeat's number) and every third paragraph loses its final full stop, as in captures whose paragraphs end
    without one: such lines are the ones checked as possible pull quotes.
    """
    raw = (ROOT / "examples" / "wire-original.txt").read_text(encoding="utf-8")
    # The story paragraphs: lines of prose, without the headline and the copyright footer.
    paragraphs = [line for line in raw.splitlines() if len(line.split()) >= 12 and not line.startswith("©")]
    target = int(megabytes * 1_000_000)
    out, size, n = [], 0, 0
    while size < target:
        for k, paragraph in enumerate(paragraphs):
            words = paragraph[:-1].split()
            # Every third word of a repeat replaced: repeats differ as much as distinct paragraphs do.
            varied = " ".join(
                f"{WORDS[(n + i) % len(WORDS)]}{n}" if 0 < i < len(words) - 1 and i % 3 == n % 3 else w
                for i, w in enumerate(words)
            )
            varied += "" if (n + k) % 3 == 0 else paragraph[-1]
            out.append(varied)
            size += len(varied) + 2
        n += 1
    return "\n\n".join(out) + "\n"


def time_reading(megabytes: float, runs: int) -> tuple[float, int]:
    """Median seconds of pipeline.load_articles on a story file of about megabytes; its sentence count."""
    import tempfile

    from provtrace.pipeline import load_articles

    times, count = [], 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.txt"
        path.write_text(build_story(megabytes), encoding="utf-8")
        for _ in range(max(runs, 1)):
            start = time.perf_counter()
            articles, _ = load_articles([str(path)], workers=1)
            times.append(time.perf_counter() - start)
        count = sum(len(article.sentences) for article in articles)
    return statistics.median(times), count


def time_check(megabytes: float, runs: int) -> tuple[float, float, int, int]:
    """Median seconds of check.runner.check of a story of about megabytes against a wire copy of it
    (build_story; the story is the copy with one word of every seventh paragraph changed, inside a
    quotation or out), and of its altered-quote rule alone; the story's quotations and the findings."""
    import dataclasses
    import tempfile

    from provtrace.check import rules
    from provtrace.check.quotes import find_quotes
    from provtrace.check.runner import check
    from provtrace.ingest.sentences import split_sentences
    from provtrace.models import Sentence

    spent: list[float] = []
    spec = rules.RULES[rules.Rule.ALTERED_QUOTE]
    rule = spec.find

    def timed(given: rules.RuleInput, severity: rules.Severity) -> list[rules.Finding]:
        start = time.perf_counter()
        try:
            return rule(given, severity)
        finally:
            spent.append(time.perf_counter() - start)

    text = build_story(megabytes)
    paragraphs = text.split("\n\n")
    copy = "\n\n".join(p.replace(" the ", " a ", 1) if k % 7 == 0 else p for k, p in enumerate(paragraphs))
    times, rule_times, quotes, findings = [], [], 0, 0
    with tempfile.TemporaryDirectory() as folder:
        wire, story = Path(folder) / "wire.txt", Path(folder) / "story.txt"
        wire.write_text(text, encoding="utf-8")
        story.write_text(copy, encoding="utf-8")
        rules.RULES[rules.Rule.ALTERED_QUOTE] = dataclasses.replace(spec, find=timed)
        try:
            for _ in range(max(runs, 1)):
                spent.clear()
                start = time.perf_counter()
                report = check([str(story)], [str(wire)])
                times.append(time.perf_counter() - start)
                rule_times.append(sum(spent))
        finally:
            rules.RULES[rules.Rule.ALTERED_QUOTE] = spec
        quotes = len(find_quotes([Sentence(i, t) for i, t in enumerate(split_sentences(copy))]))
        findings = sum(1 for f in report.findings if f.rule is rules.Rule.ALTERED_QUOTE)
    return statistics.median(times), statistics.median(rule_times), quotes, findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the text in megabytes (default 5)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is shown")
    args = parser.parse_args(argv)

    from provtrace.align.core import align_pair
    from provtrace.ingest.sentences import split_sentences
    from provtrace.models import Article, Sentence
    from provtrace.options import TraceOptions

    text, copy = build_text(args.mb)
    split_times, align_times = [], []
    for _ in range(max(args.runs, 1)):
        start = time.perf_counter()
        first, second = split_sentences(text), split_sentences(copy)
        split_times.append((time.perf_counter() - start) / 2)
        a = Article(
            "a", "a.txt", None, None, None, None, (), tuple(Sentence(i, s) for i, s in enumerate(first)), ()
        )
        b = Article(
            "b", "b.txt", None, None, None, None, (), tuple(Sentence(i, s) for i, s in enumerate(second)), ()
        )
        start = time.perf_counter()
        alignment, _ = align_pair(a, b, TraceOptions())
        align_times.append(time.perf_counter() - start)
    print(f"text: {len(text) / 1e6:.1f} MB, {len(first)} sentences; copy: {len(second)} sentences")
    print(f"split (one text): median {statistics.median(split_times):.2f} s over {len(split_times)} run(s)")
    print(f"align (the pair): median {statistics.median(align_times):.2f} s; {len(alignment.links)} links")
    _splitting(max(args.runs, 1))
    reading, count = time_reading(args.mb, args.runs)
    print(f"reading (load_articles, {args.mb:g} MB story file): median {reading:.2f} s; {count} sentences")
    checking, rule, quotes, findings = time_check(args.mb, args.runs)
    print(
        f"check (the copy against the text as wire): median {checking:.2f} s, of it the altered-quote rule "
        f"{rule:.2f} s; {quotes} quotations in the story, {findings} altered-quote findings"
    )
    return 0


def _splitting(runs: int) -> None:
    """Median seconds to split 1 MB and 4 MB of prose and of each dense punctuation unit."""
    from provtrace.ingest.sentences import split_sentences

    print("split 1 MB / 4 MB (median s):")
    for unit in [PROSE, *DENSE_PUNCTUATION]:
        cells = []
        for megabytes in (1, 4):
            line = unit * (megabytes * 1_000_000 // len(unit))
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                split_sentences(line)
                times.append(time.perf_counter() - start)
            cells.append(statistics.median(times))
        name = "prose" if unit is PROSE else repr(unit)
        print(f"  {name:>14}  {cells[0]:6.2f}  {cells[1]:6.2f}  ratio {cells[1] / max(cells[0], 1e-9):4.1f}")


if __name__ == "__main__":
    sys.exit(main())
