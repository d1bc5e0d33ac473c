"""The benchmark corpus generator (benchmarks/generate.py) and its scoring (benchmarks/scale.py)."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from provtrace.options import TraceOptions
from provtrace.pipeline import trace

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import archive  # noqa: E402
import generate  # noqa: E402
import scale  # noqa: E402


@pytest.fixture(scope="module")
def templates(examples: Path) -> list[str]:
    return generate.read_templates(examples)


@pytest.fixture(scope="module")
def examples() -> Path:  # module scope: the conftest fixture is per test
    return Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def corpus(templates: list[str]) -> tuple[dict[str, str], dict[str, dict[str, object]]]:
    return generate.generate(templates, 60, seed=7)


def test_the_examples_give_enough_template_sentences_without_furniture_or_credits(
    templates: list[str],
) -> None:
    assert len(templates) >= 20
    for sentence in templates:
        assert not re.search(r"AFP|©|newsletter|Skip to", sentence)


def test_the_same_seed_gives_the_same_corpus(templates: list[str]) -> None:
    assert generate.generate(templates, 25, seed=3) == generate.generate(templates, 25, seed=3)


def test_another_seed_gives_another_corpus(templates: list[str]) -> None:
    assert generate.generate(templates, 25, seed=3)[0] != generate.generate(templates, 25, seed=4)[0]


def test_the_corpus_has_the_requested_number_of_articles(corpus, templates: list[str]) -> None:  # type: ignore[no-untyped-def]
    texts, truth = corpus
    assert len(texts) == len(truth) == 60
    assert len(generate.generate(templates, 10, seed=1)[0]) == 10


def test_truth_parents_exist_and_form_a_forest(corpus) -> None:  # type: ignore[no-untyped-def]
    texts, truth = corpus
    assert set(truth) == set(texts)
    for article, entry in truth.items():
        seen = {article}
        parent = entry["parent"]
        depth = 0
        while parent is not None:
            assert parent in truth, f"{article}: parent {parent} does not exist"
            assert parent not in seen, f"{article}: cycle through {parent}"
            assert truth[parent]["family"] == entry["family"]
            seen.add(parent)
            parent = truth[parent]["parent"]
            depth += 1
        assert depth == entry["depth"] <= generate.MAX_DEPTH
        assert (entry["parent"] is None) == (entry["kind"] in {"original", "unrelated"})


def test_every_family_has_one_original_and_the_kinds_are_mixed(corpus) -> None:  # type: ignore[no-untyped-def]
    _, truth = corpus
    roots: dict[object, list[str]] = defaultdict(list)
    for article, entry in truth.items():
        if entry["parent"] is None:
            roots[entry["family"]].append(article)
    assert all(len(r) == 1 for r in roots.values())
    kinds = {e["kind"] for e in truth.values()}
    assert {"original", "copy", "rewrite", "summary", "unrelated"} <= kinds
    assert max(e["depth"] for e in truth.values()) >= 2  # chains, not only stars


def test_distinct_families_share_no_rare_words(corpus) -> None:  # type: ignore[no-untyped-def]
    """Words in two families are function words or template words (furniture, outlets, credits)."""
    texts, truth = corpus
    common = generate.FUNCTION_WORDS | generate.template_words()
    families: dict[object, set[str]] = defaultdict(set)
    for article, text in texts.items():
        families[truth[article]["family"]].update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", text))
    holders: dict[str, int] = defaultdict(int)
    for words in families.values():
        for word in words - common:
            holders[word] += 1
    assert len(families) > 5
    assert sorted(w for w, n in holders.items() if n > 1) == []


def test_versions_keep_their_story_vocabulary(corpus) -> None:  # type: ignore[no-untyped-def]
    """A child shares most of its words with its parent (the family's vocabulary)."""
    texts, truth = corpus
    for article, entry in truth.items():
        if entry["kind"] in {"copy", "excerpt"}:
            child = set(re.findall(r"[^\W\d_]{4,}", texts[article].lower()))
            parent = set(re.findall(r"[^\W\d_]{4,}", texts[str(entry["parent"])].lower()))
            assert len(child & parent) / len(child) > 0.5


def test_originals_carry_the_agency_credit_and_versions_cite_or_keep_it(corpus) -> None:  # type: ignore[no-untyped-def]
    texts, truth = corpus
    for article, entry in truth.items():
        text = texts[article]
        if entry["kind"] == "original":
            assert re.search(
                r"^[A-Z][A-Z'’. -]+, [A-Z][a-z]+ \d{1,2} \((?:AFP|Reuters|AP|EFE|dpa)\) - ", text, re.M
            )
            assert re.search(r"^© 2026 (?:AFP|Reuters|AP|EFE|dpa)", text, re.M)
        elif entry["kind"] == "unrelated":
            assert not re.search(r"\b(?:AFP|Reuters|AP|EFE|dpa)\b", text)
        else:
            assert re.search(
                r"\((?:AFP|Reuters|AP|EFE|dpa)\) - |(?:according to|told) (?:AFP|Reuters|AP|EFE|dpa)"
                r"|(?:AFP|Reuters|AP|EFE|dpa) reported",
                text,
            )


def test_file_names_are_opaque(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts, truth = corpus
    generate.write_corpus(texts, truth, tmp_path / "corpus", tmp_path / "truth.json")
    names = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert len(names) == 60
    assert all(re.fullmatch(r"[0-9a-f]{12}\.txt", name) for name in names)
    # Sorted names are not in family order: the originals are spread over the listing.
    families = [truth[name[:-4]]["family"] for name in names]
    assert families != sorted(families)  # type: ignore[type-var]
    assert json.loads((tmp_path / "truth.json").read_text()) == truth


def test_the_cli_refuses_a_folder_that_is_not_empty(tmp_path: Path, examples: Path) -> None:
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(SystemExit):
        generate.main(["--input", str(examples), "--articles", "5", "--out", str(tmp_path)])


def test_the_cli_writes_articles_and_truth(tmp_path: Path, examples: Path) -> None:
    out = tmp_path / "corpus"
    assert (
        generate.main(["--input", str(examples), "--articles", "12", "--seed", "2", "--out", str(out)]) == 0
    )
    truth = json.loads((out / "truth.json").read_text())
    assert len(truth) == 12 == len(list(out.glob("*.txt")))


def test_a_small_corpus_runs_through_trace_and_scores_within_bounds(
    templates: list[str], tmp_path: Path
) -> None:
    texts, truth = generate.generate(templates, 10, seed=1)
    generate.write_corpus(texts, truth, tmp_path / "corpus", tmp_path / "truth.json")
    result = trace([str(tmp_path / "corpus")], TraceOptions())
    assert {a.id for a in result.articles} == set(truth)
    score = scale.evaluate_trace(truth, result)
    assert 0.0 <= score.accuracy <= 1.0
    assert 0.0 <= score.precision <= 1.0 and 0.0 <= score.recall <= 1.0


def test_scoring_counts_an_exact_forest_as_right_and_explains_mistakes() -> None:
    truth = {
        "a": {"parent": None, "kind": "original", "family": 0, "depth": 0},
        "b": {"parent": "a", "kind": "copy", "family": 0, "depth": 1},
        "c": {"parent": "b", "kind": "rewrite", "family": 0, "depth": 2},
        "u": {"parent": None, "kind": "unrelated", "family": 1, "depth": 0},
    }
    perfect = scale.evaluate(truth, [("a", "b"), ("b", "c")], ["u"])
    assert (perfect.accuracy, perfect.precision, perfect.recall) == (1.0, 1.0, 1.0)
    # A root may hang from an unseen source; an unrelated article may be a childless root.
    assert scale.evaluate(truth, [("unseen:afp", "a"), ("a", "b"), ("b", "c")], []).accuracy == 1.0
    wrong = scale.evaluate(truth, [("a", "c"), ("c", "b")], [])
    assert wrong.accuracy == 0.5
    assert {f["id"]: f["error"] for f in wrong.failures} == {
        "b": "reversed (parent is its descendant)",
        "c": "grandparent",
    }
    assert wrong.precision == 0.0 and wrong.recall == 0.0


def test_a_grandparent_named_for_an_article_that_shows_none_of_its_parents_changes_is_counted_hidden() -> (
    None
):
    truth = {
        "a": {"parent": None, "kind": "original", "family": 0, "depth": 0},
        "b": {"parent": "a", "kind": "copy", "family": 0, "depth": 1},
        "c": {"parent": "b", "kind": "summary", "family": 0, "depth": 2, "silent": 1},
        "d": {"parent": "b", "kind": "rewrite", "family": 0, "depth": 2, "silent": 0},
    }
    score = scale.evaluate(truth, [("a", "b"), ("a", "c"), ("a", "d")], [])
    assert score.accuracy == 0.5 and score.hidden == 1
    assert score.decidable_accuracy == pytest.approx(2 / 3)  # d is wrong: its text showed the way
    # Two levels too high is hidden only if the text is silent for two generations.
    deeper = {
        **truth,
        "e": {"parent": "c", "kind": "copy", "family": 0, "depth": 3, "silent": 2},
        "f": {"parent": "c", "kind": "copy", "family": 0, "depth": 3, "silent": 1},
    }
    edges = [("a", "b"), ("b", "c"), ("b", "d"), ("a", "e"), ("a", "f")]
    assert scale.evaluate(deeper, edges, []).hidden == 1


def _version(sentences: list[str]) -> generate.Version:
    return generate.Version(0, "copy", "k", "Title", [sentences], "AFP")


def test_an_article_shows_its_parents_changes_by_a_new_word_or_a_reworded_sentence() -> None:
    grandparent = _version(["The zorvat harbour closed on Monday.", "Ships waited offshore for days."])
    parent = _version(["The zorvat harbour shut on Monday.", "Ships waited offshore for days."])
    assert generate.carries_changes(_version(["The harbour shut, officials said."]), parent, grandparent)
    assert not generate.carries_changes(_version(["Ships waited offshore."]), parent, grandparent)
    # An inserted common adverb shows only through the whole sentence that has it.
    still = _version(["The zorvat harbour closed on Monday.", "Ships still waited offshore for days."])
    assert generate.carries_changes(_version(["Ships still waited offshore for days."]), still, grandparent)
    assert not generate.carries_changes(_version(["Ships still waited."]), still, grandparent)
    # A credit added by the parent is no change of the story.
    credited = _version(
        ["The zorvat harbour closed on Monday, according to AFP.", "Ships waited offshore for days."]
    )
    assert not generate.carries_changes(
        _version(["The zorvat harbour closed on Monday, according to AFP."]), credited, grandparent
    )


def test_the_memory_sampler_keeps_to_its_share_of_a_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """Measuring a process tree's memory as often as 100 ms allows, but no more often than keeps
    the sampler to scale._TreeMemory.SHARE of one core: a slow measurement spaces the next ones."""
    import os
    import time

    def slow(pid: int) -> int:
        time.sleep(0.02)
        return 2048

    monkeypatch.setattr(scale, "_pss", slow)
    memory = scale._TreeMemory(os.getpid())
    memory._listed = float("inf")  # the tree is this process alone (not looked for again)
    memory.sample(time.perf_counter())
    assert memory.tree == {os.getpid()} and memory.peak == 2.0  # MiB
    # 20 ms or more a measurement: the next one no sooner than 20 ms / SHARE (0.4 s) later.
    assert memory._every >= 0.02 / scale._TreeMemory.SHARE
    calls = []
    monkeypatch.setattr(scale, "_pss", lambda pid: calls.append(pid) or 0)
    memory.sample(memory._measured + 0.2)
    assert calls == []
    monkeypatch.setattr(scale, "_pss", lambda pid: 1024)
    memory.sample(time.perf_counter() + 1.0)
    assert memory._every == 0.1 and memory.peak == 2.0


def test_the_archive_benchmark_shows_the_median_of_repeated_runs() -> None:
    """archive.py --repeat N runs each step (but index and add) N times beside its floor and shows
    the median run: a shared machine's speed moves between runs (session 19: 48 to 97 s)."""
    runs = [{"seconds": 3.0, "peak_mib": 1}, {"seconds": 1.0, "peak_mib": 2}, {"seconds": 2.0, "peak_mib": 3}]
    assert archive._median(runs) == {"seconds": 2.0, "peak_mib": 3}
    assert archive._median([*runs[:2], {"seconds": 0.5, "timeout": True}])["seconds"] == 3.0
    assert archive._median(runs[:2])["seconds"] == 1.0  # of two, the lower


def test_the_archive_benchmark_repeats_a_trace(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--articles", "30", "--part", "30", "--steps", "trace", "--no-dask", "--repeat", "3", "--json"]
    assert archive.main(argv) == 0
    (row,) = json.loads(capsys.readouterr().out)["steps"]
    assert row["what"] == "trace 30 articles" and len(row["runs"]) == len(row["floor_runs"]) == 3
    assert row["seconds"] == sorted(row["runs"])[1] and row["floor"]["seconds"] == sorted(row["floor_runs"])[1]
    assert row["edges"] > 0
    table = archive.report([row], 30)
    assert "median of 3 (" in table and "× floor" in table
