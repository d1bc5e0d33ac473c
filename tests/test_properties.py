"""Properties over arbitrary input in any script: no crash, a valid forest, order-free, JSON round-trips."""

from __future__ import annotations

import json
from dataclasses import replace

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provtrace.ingest.extract import build_article, extract_document
from provtrace.models import RawDocument, Skip, Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace_articles
from provtrace.render import OutputFormat, RenderOptions, renderer
from provtrace.render.json import trace_from_json

WORDS = [
    "port",
    "strike",
    "Mora",
    "union",
    "said",
    "32",
    "thirty-two",
    "U.S.",
    "“quoted”",
    "[bold]",
    "<b>",
    "|",
    "#",
]
#: Letters of Latin, Greek, Cyrillic, Arabic, CJK and kana: stories may come in any script.
SCRIPTS = [(0x41, 0x7A), (0x391, 0x3C9), (0x410, 0x44F), (0x621, 0x64A), (0x4E00, 0x4FFF), (0x3041, 0x30FA)]
word = st.sampled_from(SCRIPTS).flatmap(
    lambda block: st.text(
        st.characters(min_codepoint=block[0], max_codepoint=block[1], categories=("L",)),
        min_size=1,
        max_size=8,
    )
)
sentence = st.tuples(
    st.lists(st.sampled_from(WORDS) | word, min_size=1, max_size=14),
    st.sampled_from([".", "!", "?", "。", "！", "؟"]),
).map(lambda parts: " ".join(parts[0]) + parts[1])
story = st.lists(sentence, min_size=0, max_size=8)
settings.register_profile("provtrace", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("provtrace")


def articles_from(texts: list[str]) -> list:  # type: ignore[type-arg]
    out = []
    for n, text in enumerate(texts):
        extracted = extract_document(RawDocument(f"a{n}.txt", text.encode("utf-8", "surrogatepass"), "txt"))
        if not isinstance(extracted, Skip):
            out.append(build_article(f"a{n}", extracted))
    return out


def check_forest(result: Trace) -> None:
    graph = nx.DiGraph()
    graph.add_edges_from((e.parent, e.child) for e in result.edges)
    assert all(d <= 1 for _, d in graph.in_degree())
    assert nx.is_directed_acyclic_graph(graph)
    ids = {a.id for a in result.articles}
    assert set(result.unrelated) <= ids
    assert not set(result.unrelated) & {e.child for e in result.edges}


@given(st.binary(max_size=2000), st.sampled_from(["txt", "md", "json", "html", ""]))
def test_any_bytes_extract_without_crashing(data: bytes, suffix: str) -> None:
    result = extract_document(RawDocument("x", data, suffix))
    if not isinstance(result, Skip):
        article = build_article("x", result)
        assert all(s.text.strip() for s in article.sentences)
        assert all("\x1b" not in s.text for s in article.sentences)


@given(st.lists(st.text(max_size=400), min_size=1, max_size=4))
def test_any_text_traces_to_a_forest_and_renders_in_every_format(texts: list[str]) -> None:
    articles = articles_from(texts)
    if not articles:
        return
    result = trace_articles(articles, TraceOptions())
    check_forest(result)
    for fmt in OutputFormat:
        renderer(fmt)(result, RenderOptions())


@given(st.lists(story, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_related_stories_give_the_same_result_in_any_order(stories: list[list[str]], rnd) -> None:  # type: ignore[no-untyped-def]
    texts = ["\n".join(s) for s in stories]
    # Versions of one story: shared sentences make pairs related.
    texts += ["\n".join(stories[0][: max(1, len(stories[0]) // 2)] + stories[1][:2])]
    articles = articles_from(texts)
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    first = trace_articles(articles, TraceOptions())
    again = trace_articles(shuffled, TraceOptions())
    assert first == again
    check_forest(first)


@given(st.lists(story, min_size=1, max_size=3))
def test_json_round_trips_the_whole_trace(stories: list[list[str]]) -> None:
    articles = articles_from(["\n".join(s) for s in stories])
    if not articles:
        return
    result = trace_articles(articles, TraceOptions(all_pairs=True))
    text = renderer(OutputFormat.JSON)(result, RenderOptions())
    assert isinstance(text, str)
    assert trace_from_json(text) == replace(result, warnings=())
    data = json.loads(text)
    assert json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n" == text
