"""The alignment benchmark: its gold files parse, still match the segmentation, and score right.

No F1 threshold is asserted here: the benchmark measures, the tests only keep it honest.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from provtrace.models import Link, LinkKind

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "benchmarks" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold"))


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("align_eval", ROOT / "benchmarks" / "align_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["align_eval"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


ae = _load_benchmark()

HEADER = """
source examples:a.txt
target examples:b.txt
fingerprint source 4 0000000000000000
fingerprint target 3 0000000000000000
"""


def gold_links(text: str) -> tuple:  # type: ignore[type-arg]
    return ae.parse_gold(HEADER + text).links


def link(
    source: tuple[int, ...], target: tuple[int, ...], kind: str = "paraphrase", partial: bool = False
) -> Link:
    return Link(source, target, LinkKind(kind), 0.9, partial)


# --- the gold files --------------------------------------------------------------------------


def test_there_are_gold_files_for_the_examples_and_the_seeds() -> None:
    names = {p.stem for p in GOLD_FILES}
    assert {"examples-wire-harbourtimes", "examples-wire-coastalpost", "examples-wire-morning"} <= names
    assert {"seeds-001-003", "seeds-001-000", "seeds-000-003"} <= names


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_gold_file_parses_with_links_in_range(path: Path) -> None:
    gold = ae.read_gold(path)
    assert gold.links
    assert gold.family in ae.ROOTS
    for gold_link in gold.links:
        assert max(gold_link.source) < gold.source_fingerprint.count
        assert max(gold_link.target) < gold.target_fingerprint.count


def _assert_fingerprints_match(gold, roots: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    for reference, expected in (
        (gold.source, gold.source_fingerprint),
        (gold.target, gold.target_fingerprint),
    ):
        article = ae.load_article(ae.resolve(reference, roots))
        actual = ae.fingerprint(s.text for s in article.sentences)
        assert actual == expected, (
            f"{gold.name}: provtrace's segmentation of {reference} changed ({expected} -> {actual}); "
            "re-check the gold links with 'python benchmarks/align_eval.py --show' before updating the fingerprint"
        )


@pytest.mark.parametrize(
    "path", [p for p in GOLD_FILES if p.stem.startswith(("examples-", "bilingual-"))], ids=lambda p: p.stem
)
def test_example_gold_fingerprints_match_the_current_segmentation(path: Path) -> None:
    _assert_fingerprints_match(ae.read_gold(path), ae.ROOTS)


@pytest.mark.parametrize("path", [p for p in GOLD_FILES if p.stem.startswith("seeds-")], ids=lambda p: p.stem)
def test_seed_gold_fingerprints_match_the_current_segmentation(path: Path, seeds: Path) -> None:
    _assert_fingerprints_match(ae.read_gold(path), ae.ROOTS | {"seeds": seeds})


# --- the parser ------------------------------------------------------------------------------


def test_parse_gold_reads_header_links_kinds_partial_and_comments() -> None:
    gold = ae.parse_gold(HEADER + "link 0 -> 0 verbatim  # a comment\n\nlink 2 1 -> 2 altered partial\n", "x")
    assert (gold.name, gold.source, gold.target, gold.family) == (
        "x",
        "examples:a.txt",
        "examples:b.txt",
        "examples",
    )
    assert gold.source_fingerprint == ae.Fingerprint(4, "0000000000000000")
    assert [(g.source, g.target, g.kind, g.partial) for g in gold.links] == [
        ((0,), (0,), "verbatim", False),
        ((1, 2), (2,), "altered", True),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("link 0 -> 3 altered", "target index 3"),
        ("link 0 -> 0 altered\nlink 0 1 -> 0 paraphrase", "already linked on line"),
        ("link 0 -> 0 similar", "kind must be one of"),
        ("link 0 -> 0 altered maybe", "unknown words"),
        ("link 0 0 -> 1 altered", "distinct"),
        ("link -> 1 altered", "at least one sentence"),
        ("link 0 1 altered", "expected 'link"),
        ("align 0 -> 1 altered", "unknown line"),
    ],
)
def test_parse_gold_rejects_malformed_links_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(ae.GoldError, match=message) as caught:
        ae.parse_gold(HEADER + text, "bad")
    assert str(caught.value).startswith("bad:")


def test_parse_gold_requires_both_references_and_fingerprints() -> None:
    with pytest.raises(ae.GoldError, match="fingerprint target"):
        ae.parse_gold("source examples:a.txt\ntarget examples:b.txt\nfingerprint source 1 00\n")
    with pytest.raises(ae.GoldError, match="PREFIX"):
        ae.parse_gold("source elsewhere:a.txt\n")


def test_fingerprint_changes_with_a_sentence_boundary() -> None:
    assert ae.fingerprint(["A b.", "C d."]) != ae.fingerprint(["A b. C d."])
    assert ae.fingerprint(["A b.", "C d."]).count == 2


# --- scoring ---------------------------------------------------------------------------------


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    gold = gold_links("link 0 -> 0 verbatim\nlink 1 2 -> 1 paraphrase\n")
    score = ae.score_alignment(gold, [link((0,), (0,), "verbatim"), link((1, 2), (1,))], 4, 3)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.kind_accuracy == 1.0 and score.label_accuracy == 1.0


def test_n_to_m_links_are_compared_as_sets_of_sentence_pairs() -> None:
    """Gold 1+2 -> 1 is two pairs; predicting only 1 -> 1 finds one of them."""
    gold = gold_links("link 0 -> 0 altered\nlink 1 2 -> 1 paraphrase\n")
    score = ae.score_alignment(gold, [link((0,), (0,), "altered"), link((1,), (1,)), link((3,), (2,))], 4, 3)
    assert (score.gold, score.predicted, score.found) == (3, 3, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_precision_and_recall_differ_when_counts_differ() -> None:
    gold = gold_links("link 0 -> 0 altered\nlink 1 -> 1 altered\nlink 2 -> 2 altered\n")
    score = ae.score_alignment(gold, [link((0,), (0,), "altered"), link((0, 1), (1,), "altered")], 4, 3)
    # predicted pairs (0,0) (0,1) (1,1): two right of three; gold has three, two found
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    score = ae.score_alignment(gold, [link((0,), (0,), "altered")], 4, 3)
    assert (score.precision, score.recall) == (1.0, pytest.approx(1 / 3))
    assert score.f1 == pytest.approx(2 * (1 / 3) / (1 + 1 / 3))


def test_per_kind_precision_is_by_predicted_kind_and_recall_by_gold_kind() -> None:
    gold = gold_links("link 0 -> 0 verbatim\nlink 1 -> 1 paraphrase\nlink 2 -> 2 paraphrase\n")
    predicted = [link((0,), (0,), "altered"), link((1,), (1,), "altered"), link((3,), (2,), "altered")]
    score = ae.score_alignment(gold, predicted, 4, 3)
    # two of the three pairs predicted altered exist in the gold (whatever their gold kind)
    assert score.kind_prf("altered")[0] == pytest.approx(2 / 3)
    assert score.kind_prf("altered")[1] is None  # no gold altered pair
    assert score.kind_prf("verbatim")[:2] == (None, 1.0)  # found, though labelled altered
    assert score.kind_prf("paraphrase")[1] == 0.5
    assert score.kind_accuracy == 0.0  # both found pairs carry the wrong kind
    assert score.confusion == {("verbatim", "altered"): 1, ("paraphrase", "altered"): 1}


def test_partial_flags_are_compared_on_found_pairs() -> None:
    gold = gold_links("link 0 -> 0 altered partial\nlink 1 -> 1 altered\n")
    score = ae.score_alignment(
        gold, [link((0,), (0,), "altered", True), link((1,), (1,), "altered", True)], 4, 3
    )
    assert score.partial_accuracy == 0.5


def test_added_and_dropped_labels_are_scored_on_every_sentence_of_both_sides() -> None:
    """Gold: source 3 dropped, target 2 added; the prediction wrongly links 3 -> 2."""
    gold = gold_links("link 0 -> 0 altered\nlink 1 2 -> 1 altered\n")
    predicted = [link((0,), (0,), "altered"), link((1, 2), (1,), "altered"), link((3,), (2,), "altered")]
    score = ae.score_alignment(gold, predicted, 4, 3)
    assert score.labelled == 7
    assert score.label_accuracy == pytest.approx(5 / 7)
    # predicting nothing gets only the truly dropped source 3 and added target 2 right
    assert ae.score_alignment(gold, [], 4, 3).label_accuracy == pytest.approx(2 / 7)


def test_an_empty_prediction_has_no_precision_and_zero_recall() -> None:
    score = ae.score_alignment(gold_links("link 0 -> 0 altered\n"), [], 4, 3)
    assert (score.precision, score.recall, score.f1) == (None, 0.0, None)


def test_totals_sum_counts_so_the_total_row_is_a_micro_average() -> None:
    gold = gold_links("link 0 -> 0 altered\nlink 1 -> 1 altered\n")
    first = ae.score_alignment(gold, [link((0,), (0,), "altered")], 4, 3)  # P 1, R 1/2
    second = ae.score_alignment(gold, [link((0,), (0,), "altered"), link((2,), (2,))], 4, 3)  # P 1/2, R 1/2
    total = first + second
    assert (total.gold, total.predicted, total.found) == (4, 3, 2)
    assert (total.precision, total.recall) == (pytest.approx(2 / 3), 0.5)
    assert total.labelled == 14


def test_a_predicted_pair_outside_the_articles_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        ae.score_alignment([], [link((9,), (0,))], 4, 3)


# --- the evaluator ---------------------------------------------------------------------------


def test_the_evaluator_reports_drift_instead_of_scoring(tmp_path: Path) -> None:
    text = (GOLD_DIR / "examples-wire-harbourtimes.gold").read_text(encoding="utf-8")
    stale = text.replace("fingerprint source 24 ", "fingerprint source 25 ")
    (tmp_path / "examples-stale.gold").write_text(stale, encoding="utf-8")
    [result] = ae.evaluate(
        [ae.read_gold(tmp_path / "examples-stale.gold")], ae.build_options(False)[0], ae.ROOTS, 1
    )
    assert result.status == "drift" and result.score is None
    assert "segmentation changed" in result.message


def test_the_evaluator_scores_the_example_pairs_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert ae.main(["--pairs", "examples", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "examples-wire-coastalpost" in out and "total (micro)" in out and "mode: default" in out
