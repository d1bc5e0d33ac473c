"""Acceptance on the real saved articles in ../shared/seeds (present in CI)."""

from __future__ import annotations

import itertools
from pathlib import Path

from typer.testing import CliRunner

from provtrace.cli.app import app
from provtrace.diff import diff_articles
from provtrace.models import LinkKind
from provtrace.options import TraceOptions
from provtrace.pipeline import trace

from .helpers import NEWSMAX, SUMMARY, TRANSLATION, parents


def test_newsmax_copy_is_upstream_of_the_rewrite_and_the_summary(seeds: Path) -> None:
    result = trace([str(seeds)], TraceOptions())
    assert parents(result) == {TRANSLATION: NEWSMAX, SUMMARY: NEWSMAX}
    assert result.unrelated == ()


def test_each_edge_shows_added_dropped_and_altered_sentences(seeds: Path) -> None:
    result = trace([str(seeds)], TraceOptions())
    for edge in result.edges:
        alignment = result.alignment(edge.parent, edge.child)
        assert alignment is not None
        assert alignment.added and alignment.dropped
        assert any(link.kind is not LinkKind.VERBATIM for link in alignment.links)


def test_no_page_debris_is_a_story_sentence(seeds: Path) -> None:
    result = trace([str(seeds)], TraceOptions())
    debris = (
        "Skip to",
        "Tags:",
        "Newsletter",
        "Privacy",
        "Source link",
        "Latest Posts",
        "Previous Story",
        "Thomson/Reuters",
        "All rights reserved",
        "Go to",
        "mins read",
        "Read and Post Comments",
        "Lorem",
    )
    for article in result.articles:
        for sentence in article.sentences:
            assert not any(d.lower() in sentence.text.lower() for d in debris), (article.id, sentence.text)
        assert article.removed or article.id == SUMMARY


def test_output_is_byte_identical_for_every_order_of_the_files(seeds: Path) -> None:
    files = sorted(str(p) for p in seeds.iterdir())
    outputs = {
        CliRunner().invoke(app, ["trace", *order, "--format", "json"]).stdout
        for order in itertools.permutations(files)
    }
    assert len(outputs) == 1


def test_the_translation_merges_no_unrelated_sentence_and_diff_agrees(seeds: Path) -> None:
    """001's security-agreement sentence (3) is not merged into 000's sentence 5, in trace or diff."""
    result = trace([str(seeds)], TraceOptions(all_pairs=True))
    traced = result.alignment(NEWSMAX, TRANSLATION)
    assert traced is not None
    assert not any(3 in link.source and 5 in link.target for link in traced.links)
    shown = diff_articles(str(seeds / f"{NEWSMAX}.txt"), str(seeds / f"{TRANSLATION}.txt"), source=NEWSMAX)
    assert shown.alignments[0].links == traced.links


def test_an_exact_excerpt_aligns_one_to_one(seeds: Path, tmp_path: Path) -> None:
    """The first paragraphs of 001, saved on their own, link sentence for sentence, all verbatim."""
    lines = (seeds / f"{NEWSMAX}.txt").read_text(encoding="utf-8").splitlines()
    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text("\n".join(lines[2:16]) + "\n", encoding="utf-8")
    shown = diff_articles(str(seeds / f"{NEWSMAX}.txt"), str(excerpt), source=NEWSMAX)
    (alignment,) = shown.alignments
    assert all(len(link.source) == len(link.target) == 1 for link in alignment.links)
    assert all(link.kind is LinkKind.VERBATIM for link in alignment.links)


def test_trace_diff_and_check_give_the_translation_pair_the_same_links(seeds: Path) -> None:
    """trace aligns 000 with 001 (smaller id first), check aligns the wire (001) first and diff
    the side given: the links are the same (the pair is always aligned the same way round)."""
    from provtrace.align.core import align_pair

    result = trace([str(seeds)], TraceOptions(all_pairs=True))
    traced = result.alignment(NEWSMAX, TRANSLATION)
    assert traced is not None
    shown = diff_articles(str(seeds / f"{TRANSLATION}.txt"), str(seeds / f"{NEWSMAX}.txt"), source=NEWSMAX)
    assert shown.alignments[0].links == traced.links
    by_id = {a.id: a for a in result.articles}
    checked, _ = align_pair(by_id[NEWSMAX], by_id[TRANSLATION], TraceOptions())  # as check aligns
    from_story, _ = align_pair(by_id[TRANSLATION], by_id[NEWSMAX], TraceOptions())
    assert checked.links == traced.links == from_story.reversed().links
