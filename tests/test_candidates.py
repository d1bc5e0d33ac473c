"""Which pairs trace aligns: shared expression, rare shared words, names across languages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provtrace.align import candidates as module
from provtrace.align import keycount
from provtrace.align.candidates import candidate_pairs
from provtrace.align.features import sentence_features
from provtrace.models import Article
from provtrace.pipeline import load_articles
from tests.helpers import article

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
if not CORPORA.is_dir():  # a git worktree sits one level deeper
    CORPORA = CORPORA.parent.parent.parent / "shared" / "corpora"


@pytest.fixture()
def selective(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The selective rule even for a handful of articles."""
    monkeypatch.setattr(module, "ALL_PAIRS_UP_TO", 0)
    yield


def _pairs(articles: list[Article]) -> set[tuple[str, str]]:
    return set(candidate_pairs(articles, {a.id: sentence_features(a) for a in articles}))


def _filler(n: int) -> list[Article]:
    """Stories on one topic, each in its own words: every topic word, between words of its own."""
    topic = "shares profits market analysts forecast quarter trading investors dividend board".split()  # noqa: SIM905
    stories = []
    for k in range(n):
        words = [w for t in range(10) for w in (topic[(k + t) % 10], f"{'zqmfp'[t % 5]}orvel{k}x{t}")]
        stories.append(article(f"filler-{k:03d}", [" ".join(words[:10]) + ".", " ".join(words[10:]) + "."]))
    return stories


def test_a_copy_is_a_candidate_and_stories_sharing_only_topic_words_are_not(selective: None) -> None:
    story = [
        "Harbour authorities in Port Selwyn closed the northern quay after a crane collapsed on Tuesday.",
        "Inspector Maren Olufsen said the crane operator had escaped with minor injuries to his arm.",
        "The quay will stay shut until engineers from Halvorsen Marine have checked every mooring.",
    ]
    copy = [*story[:2], "Engineers are checking every mooring before the quay reopens, officials said."]
    found = _pairs([article("wire", story), article("copy", copy), *_filler(module.LOOKUP_MAX_ARTICLES + 10)])
    assert ("copy", "wire") in found
    assert not any(a.startswith("filler") and b.startswith("filler") for a, b in found)


def test_a_summary_keeping_names_and_figures_is_a_candidate(selective: None) -> None:
    story = [
        "Harbour authorities in Port Selwyn closed the northern quay after a crane collapsed on Tuesday.",
        "Inspector Maren Olufsen said the crane operator had escaped with minor injuries to his arm.",
        "The quay will stay shut until engineers from Halvorsen Marine have checked 140 moorings.",
    ]
    summary = ["Port Selwyn's quay is shut: Olufsen says Halvorsen Marine must check its 140 moorings first."]
    found = _pairs(
        [article("wire", story), article("summary", summary), *_filler(module.LOOKUP_MAX_ARTICLES + 10)]
    )
    assert ("summary", "wire") in found


def test_small_folders_compare_every_pair() -> None:
    found = _pairs(_filler(5))
    assert len(found) == 10


def test_every_true_edge_of_a_generated_folder_is_a_candidate_and_few_others_are(tmp_path: Path) -> None:
    templates = generate.read_templates(Path(__file__).resolve().parent.parent / "examples")
    texts, truth = generate.generate(templates, 400, seed=3)
    generate.write_corpus(texts, truth, tmp_path / "corpus", tmp_path / "truth.json")
    articles, _ = load_articles([str(tmp_path / "corpus")])
    found = _pairs(list(articles))
    edges = {tuple(sorted((e["parent"], a))) for a, e in truth.items() if e["parent"]}
    assert edges <= found
    # The caps are counts of articles, so a small folder gets more candidates than a large
    # one: 6.2 an article here, 4.7 at 1,000 and 4.6 at 10,000 (benchmarks/scale.py).
    assert len(found) <= 7 * len(articles)


@pytest.mark.skipif(not (CORPORA / "ntrex-dev").is_dir(), reason="../shared/corpora/ntrex-dev is absent")
def test_translations_are_candidates_of_their_original_in_a_whole_ntrex_folder(selective: None) -> None:
    folder = CORPORA / "ntrex-dev"
    articles, _ = load_articles([str(folder)])
    by_path = {Path(a.path).relative_to(folder).as_posix(): a.id for a in articles}
    found = _pairs(list(articles))
    for name in sorted({p.split("/")[0] for p in by_path}):
        for child in ("es", "es-mx"):
            pair = sorted((by_path[f"{name}/en.txt"], by_path[f"{name}/{child}.txt"]))
            assert tuple(pair) in found, pair


@pytest.mark.skipif(not (CORPORA / "clough-dev").is_dir(), reason="../shared/corpora/clough-dev is absent")
def test_every_clough_answer_made_from_the_source_is_its_candidate(selective: None) -> None:
    folder = CORPORA / "clough-dev"
    labels = json.loads((folder / "truth.json").read_text())
    sources = {task: folder / f"{next(a for a in sorted(labels) if a.endswith(task))}/source.txt"
               for task in ("taska", "taskb")}  # fmt: skip
    paths = [str(p) for p in sources.values()] + [str(folder / a / "answer.txt") for a in sorted(labels)]
    articles, _ = load_articles(paths)
    by_path = {a.path: a.id for a in articles}
    found = _pairs(list(articles))
    for answer, label in sorted(labels.items()):
        if label in {"cut", "light", "heavy"}:
            source = by_path[str(sources[answer.rsplit("_", 1)[1]])]
            pair = tuple(sorted((source, by_path[str(folder / answer / "answer.txt")])))
            assert pair in found, (answer, label)


def test_the_pairs_are_sorted_with_the_smaller_id_first(selective: None) -> None:
    found = candidate_pairs(_filler(3), {})
    assert found == sorted(found)
    assert all(a < b for a, b in found)
    assert not set(found) - set(combinations(sorted(a.id for a in _filler(3)), 2))


def test_components_join_linked_articles_and_groups_that_must_stay_together() -> None:
    from provtrace.align.components import batches, components

    parts = components(["a", "b", "c", "d", "e"], [("a", "c"), ("d", "e")], together=[["b", "e"]])
    assert parts == [(("a", "c"), [("a", "c")]), (("b", "d", "e"), [("d", "e")])]
    assert [len(batch) for batch in batches(parts)] == [2]


def test_tracing_component_by_component_gives_the_trace_of_the_whole_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from provtrace.align import corpus
    from provtrace.align.components import Component
    from provtrace.options import TraceOptions
    from provtrace.pipeline import trace_articles

    templates = generate.read_templates(Path(__file__).resolve().parent.parent / "examples")
    texts, truth = generate.generate(templates, 50, seed=5)
    generate.write_corpus(texts, truth, tmp_path / "corpus", tmp_path / "truth.json")
    articles, _ = load_articles([str(tmp_path / "corpus")])
    # Two strays citing an agency nobody owns: they may share one unseen source.
    articles += (
        article(
            "stray-1", ["Officials in Vantor said the dam would reopen, Reuters reported."], cites="Reuters"
        ),
        article(
            "stray-2", ["The Vantor dam will reopen, officials said, according to Reuters."], cites="Reuters"
        ),
    )
    parts = trace_articles(articles, TraceOptions(workers=1))

    def whole(ids: Sequence[str], pairs: Iterable[tuple[str, str]], together: object = ()) -> list[Component]:
        return [(tuple(sorted(ids)), sorted(pairs))]

    monkeypatch.setattr(corpus, "components", whole)
    assert trace_articles(articles, TraceOptions(workers=1)) == parts


def _by_definition(
    shingles: dict[str, list[int]],
    words: dict[str, list[int]],
    told: dict[str, tuple[str | None, frozenset[str]]],
    caps: tuple[int, int, int],
) -> set[tuple[str, str]]:
    """keyed_pairs as the module's docstring defines it, pair by pair (slow and plain)."""
    shingle_cap, word_cap, anchor_cap = caps

    def kept(keys: dict[str, Iterable[object]], cap: int) -> dict[object, int]:
        held: dict[object, int] = {}
        for found in keys.values():
            for key in found:
                held[key] = held.get(key, 0) + 1
        return {key: n for key, n in held.items() if 2 <= n <= cap + 1}

    def rarest(keys: dict[str, Iterable[object]], cap: int, rare: int) -> dict[str, set[object]]:
        held = kept(keys, cap)
        return {
            a: set(sorted((k for k in found if k in held), key=lambda k: (held[k], k))[:rare])  # type: ignore[arg-type]
            for a, found in keys.items()
        }

    kept_shingles, kept_words = kept(shingles, shingle_cap), kept(words, word_cap)
    rare_words = rarest(words, word_cap, module.RARE_WORDS)  # type: ignore[arg-type]
    anchors = {a: anchors for a, (_, anchors) in told.items()}
    rare_anchors = rarest(anchors, anchor_cap, module.RARE_ANCHORS)  # type: ignore[arg-type]
    languages = {language for language, _ in told.values()} - {None}
    pairs = set()
    for a, b in combinations(sorted(shingles), 2):
        common_shingles = set(shingles[a]) & set(shingles[b]) & kept_shingles.keys()
        common_words = set(words[a]) & set(words[b]) & kept_words.keys()
        (told_a, anchors_a), (told_b, anchors_b) = told[a], told[b]
        translated = len(languages) >= 2 and None not in (told_a, told_b) and told_a != told_b
        if (
            len(common_shingles) >= module.MIN_SHARED_SHINGLES
            or len(common_words) >= module.MIN_COMMON_WORDS
            or len(rare_words[a] & set(words[b])) >= module.MIN_SHARED_WORDS
            or len(rare_words[b] & set(words[a])) >= module.MIN_SHARED_WORDS
            or (translated and len(rare_anchors[a] & anchors_b) >= module.MIN_SHARED_ANCHORS)
            or (translated and len(rare_anchors[b] & anchors_a) >= module.MIN_SHARED_ANCHORS)
        ):
            pairs.add((a, b))
    return pairs


class _Sentence:
    """What candidate search reads of a sentence's features: its names and figures."""

    def __init__(self, anchors: frozenset[str]) -> None:
        self.anchors = anchors


_KEYS = st.sets(st.one_of(st.integers(0, 60), st.sampled_from([-(2**63), 2**63 - 1, -7, 2**40 + 3])), max_size=40)
_ANCHORS = st.frozensets(st.sampled_from([f"name{n}" for n in range(12)]), max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(_KEYS, _KEYS, st.sampled_from(["en", "fr", None]), _ANCHORS), min_size=0, max_size=25
    ),
    st.tuples(st.integers(1, 6), st.integers(1, 8), st.integers(1, 5)),
    st.sampled_from([1, 5, 1 << 20]),
)
def test_candidate_pairs_are_those_the_rules_define_whatever_the_batches(
    monkeypatch: pytest.MonkeyPatch,
    keys: list[tuple[set[int], set[int], str | None, frozenset[str]]],
    caps: tuple[int, int, int],
    batch: int,
) -> None:
    # Small caps and batches, so that few articles reach a cap and a batch holds one article or all.
    monkeypatch.setattr(module, "SHINGLE_MAX_ARTICLES", caps[0])
    monkeypatch.setattr(module, "LOOKUP_MAX_ARTICLES", caps[1])
    monkeypatch.setattr(module, "ANCHOR_MAX_ARTICLES", caps[2])
    monkeypatch.setattr(module, "RARE_WORDS", 4)
    monkeypatch.setattr(module, "RARE_ANCHORS", 3)
    monkeypatch.setattr(module, "MIN_COMMON_WORDS", 6)
    monkeypatch.setattr(keycount, "BATCH", batch)
    ids = [f"a{n:02d}" for n in range(len(keys))]
    shingles = {i: sorted(s) for i, (s, _, _, _) in zip(ids, keys, strict=True)}
    words = {i: sorted(w, reverse=True) for i, (_, w, _, _) in zip(ids, keys, strict=True)}  # any order
    told = {i: (language, anchors) for i, (_, _, language, anchors) in zip(ids, keys, strict=True)}
    # Features of two sentences, each with some of the article's anchors.
    feats = {i: [_Sentence(frozenset(sorted(a)[::2])), _Sentence(a)] for i, (_, a) in told.items()}
    found = module.keyed_pairs(shingles, words, {i: t[0] for i, t in told.items()}, feats)  # type: ignore[arg-type]
    assert set(found) == _by_definition(shingles, words, told, caps)
    assert found == sorted(found)
