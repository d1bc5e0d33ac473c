"""Benchmark `provtrace check`: 50 stories against synthetic wire folders of 500 and 5,000 articles.

The wire copy is generated in a temporary folder by recombining the
sentences and words of the fictional articles in examples/ with seeded
randomness: each wire article gets its own invented names and figures (so
articles differ the way real wire stories do), one in ten is an update of
another article (the clusters a real feed has), and the folders are named
after agencies. Of the 50 stories, 35 rewrite part of a wire article
(credited or not, some with a changed figure) and 15 are unrelated.

Prints, for each size, the median of the runs: the whole check, the part
spent reading the inputs, and how many story/wire pairs were aligned out
of all pairs.

    python benchmarks/check_bench.py [--sizes 500 5000] [--runs 3] [--stories 50]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provtrace.check.config import CheckConfig  # noqa: E402
from provtrace.check.inputs import load_inputs  # noqa: E402
from provtrace.check.runner import check  # noqa: E402
from provtrace.pipeline import load_articles  # noqa: E402

AGENCIES = {"reuters": "Reuters", "afp": "AFP", "ap": "AP"}
SYLLABLES = [c + v for c in "bcdfglmnprstvz" for v in "aeo"]


def corpus() -> tuple[list[str], list[str]]:
    """Sentences and content words of the fictional examples."""
    articles, _ = load_articles([str(ROOT / "examples")])
    sentences = [s.text for a in articles for s in a.sentences if len(s.text.split()) >= 8]
    words = sorted({w for s in sentences for w in re.findall(r"\b[a-z]{4,}\b", s)})
    return sentences, words


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


class Generator:
    """Seeded generator of wire articles and stories."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.sentences, self.words = corpus()

    def topic(self) -> dict[str, list[str]]:
        return {
            "names": [invented_name(self.rng) for _ in range(8)],
            "numbers": [str(self.rng.randint(2, 9000)) for _ in range(5)],
            "words": self.rng.sample(self.words, 12) + [invented_name(self.rng).lower() for _ in range(6)],
        }

    def sentence(self, topic: dict[str, list[str]]) -> str:
        template = self.rng.choice(self.sentences)

        def swap(match: re.Match[str]) -> str:
            word = match.group(0)
            if word.isdigit():
                return self.rng.choice(topic["numbers"])
            if word[0].isupper() and match.start() > 0:
                return self.rng.choice(topic["names"])
            if len(word) > 3 and self.rng.random() < 0.4:
                return self.rng.choice(topic["words"])
            return word

        return re.sub(r"\b\w+\b", swap, template)

    def article(self, agency: str | None, topic: dict[str, list[str]]) -> list[str]:
        body = [self.sentence(topic) for _ in range(self.rng.randint(12, 20))]
        if agency:
            body[0] = f"{topic['names'][0].upper()} ({agency}) - {body[0]}"
        return body

    def update(self, original: list[str], topic: dict[str, list[str]]) -> list[str]:
        kept = [s for s in original if self.rng.random() < 0.7]
        return kept + [self.sentence(topic) for _ in range(self.rng.randint(2, 5))]

    def rewrite(self, source: list[str], agency: str, *, credit: bool, change_figure: bool) -> list[str]:
        body = [re.sub(r"^[A-Z]+ \([^)]*\) - ", "", s) for s in source if self.rng.random() < 0.6]
        body = [self.alter(s) for s in body]
        if change_figure:
            body = [
                re.sub(r"\b\d+\b", lambda m: str(int(m.group(0)) + 7), s, count=1) for s in body[:1]
            ] + body[1:]
        if credit:
            body.append(f"{agency} contributed to this report.")
        return body

    def alter(self, sentence: str) -> str:
        words = sentence.split()
        if len(words) > 8 and self.rng.random() < 0.5:
            k = self.rng.randrange(1, len(words) - 1)
            words[k] = self.rng.choice(self.words)
        return " ".join(words)


def write(path: Path, title: str, sentences: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")


def build(root: Path, wire_count: int, story_count: int, seed: int = 7) -> tuple[Path, Path]:
    """Write wire_count wire articles and story_count stories under root."""
    gen = Generator(seed)
    wire_dir, story_dir = root / "wire", root / "stories"
    made: list[tuple[str, list[str], dict[str, list[str]]]] = []
    for n in range(wire_count):
        folder = list(AGENCIES)[n % len(AGENCIES)]
        if made and gen.rng.random() < 0.1:
            folder, original, topic = gen.rng.choice(made)  # an update stays with its agency
            body = gen.update(original, topic)
        else:
            topic = gen.topic()
            body = gen.article(AGENCIES[folder], topic)
        made.append((folder, body, topic))
        write(wire_dir / folder / f"w{n:05d}.txt", f"{' '.join(topic['names'][:3])} story {n}", body)
    for n in range(story_count):
        if n < story_count * 7 // 10:
            folder, body, _ = gen.rng.choice(made)
            story = gen.rewrite(body, AGENCIES[folder], credit=n % 3 != 0, change_figure=n % 5 == 0)
        else:
            story = gen.article(None, gen.topic())
        write(story_dir / f"s{n:03d}.txt", f"Local story number {n} for the newsroom", story)
    return story_dir, wire_dir


def bench(wire_count: int, story_count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="provtrace-bench-") as tmp:
        t0 = time.perf_counter()
        stories, wire = build(Path(tmp), wire_count, story_count)
        built = time.perf_counter() - t0
        config = CheckConfig()
        totals, loads = [], []
        report = None
        for _ in range(runs):
            t0 = time.perf_counter()
            load_inputs([str(stories)], [str(wire)], config)
            loads.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            report = check([str(stories)], [str(wire)], config)
            totals.append(time.perf_counter() - t0)
        assert report is not None
        total, load = statistics.median(totals), statistics.median(loads)
        print(
            f"{story_count} stories x {wire_count} wire articles (generated in {built:.1f} s): "
            f"check {total:.1f} s median of {runs} (reading and extracting inputs {load:.1f} s, "
            f"index + alignment + rules {total - load:.1f} s); "
            f"aligned {report.aligned_pairs} of {report.total_pairs} pairs "
            f"({report.aligned_pairs / report.total_pairs:.2%}); "
            f"{len(report.findings)} findings "
            f"({sum(1 for f in report.findings if f.rule.value == 'uncredited-reuse')} uncredited-reuse)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes:
        bench(size, args.stories, args.runs)


if __name__ == "__main__":
    main()
