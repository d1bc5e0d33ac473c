"""The provtrace.trace/1 JSON contract: a faithful serialisation of a Trace.

trace_from_json() reads it back: trace_from_json(render_json(t)) equals t
in everything but the run's warnings, which are not part of the contract.
"""

from __future__ import annotations

import json
from typing import Any

from provtrace.errors import InputError
from provtrace.models import (
    Alignment,
    Article,
    Change,
    Credit,
    CreditKind,
    Derivation,
    Edge,
    Link,
    LinkKind,
    Related,
    Relation,
    Sentence,
    Trace,
    Unseen,
)
from provtrace.render import RenderOptions

SCHEMA = "provtrace.trace/1"


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "site": a.site,
        "published": a.published,
        "author": a.author,
        "language": a.language,
        "credits": [{"agency": c.agency, "text": c.text, "kind": c.kind.value} for c in a.credits],
        "sentences": [{"index": s.index, "text": s.text} for s in a.sentences],
        "removed": list(a.removed),
    }


def _edge(e: Edge) -> dict[str, Any]:
    return {
        "parent": e.parent,
        "child": e.child,
        "relation": e.relation,
        "confidence": e.confidence,
        "evidence": list(e.evidence),
    }


def _alignment(al: Alignment) -> dict[str, Any]:
    return {
        "source": al.source,
        "target": al.target,
        "links": [
            {
                "source": list(link.source),
                "target": list(link.target),
                "kind": link.kind.value,
                "score": link.score,
                "partial": link.partial,
                "changes": [change.value for change in link.changes],
            }
            for link in al.links
        ],
        "added": list(al.added),
        "dropped": list(al.dropped),
    }


def trace_to_dict(trace: Trace) -> dict[str, Any]:
    """The JSON-ready dictionary of a trace."""
    return {
        "schema": SCHEMA,
        "articles": [_article(a) for a in trace.articles],
        "edges": [_edge(e) for e in trace.edges],
        "unseen": [{"id": u.id, "label": u.label, "agency": u.agency} for u in trace.unseen],
        "unrelated": list(trace.unrelated),
        "related": [
            {
                "a": r.a,
                "b": r.b,
                "judgement": str(r.judgement),
                "probability": r.probability,
                "evidence": list(r.evidence),
            }
            for r in trace.related
        ],
        "alignments": [_alignment(al) for al in trace.alignments],
    }


def render_json(trace: Trace, options: RenderOptions) -> str:
    """Deterministic JSON: sorted keys, stable order, UTF-8 text kept readable."""
    return json.dumps(trace_to_dict(trace), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _article_from(a: dict[str, Any]) -> Article:
    return Article(
        id=a["id"],
        path=a["path"],
        title=a["title"],
        site=a["site"],
        published=a["published"],
        author=a["author"],
        credits=tuple(Credit(c["agency"], c["text"], CreditKind(c["kind"])) for c in a["credits"]),
        sentences=tuple(Sentence(s["index"], s["text"]) for s in a["sentences"]),
        removed=tuple(a["removed"]),
        language=a["language"],
    )


def _alignment_from(al: dict[str, Any]) -> Alignment:
    links = tuple(
        Link(
            tuple(k["source"]),
            tuple(k["target"]),
            LinkKind(k["kind"]),
            k["score"],
            k["partial"],
            tuple(Change(c) for c in k.get("changes", ())),
        )
        for k in al["links"]
    )
    return Alignment(al["source"], al["target"], links, tuple(al["added"]), tuple(al["dropped"]))


def trace_from_json(text: str) -> Trace:
    """The Trace a provtrace.trace/1 document describes (warnings, not serialised, are empty)."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(f"not a {SCHEMA} document")
    try:
        return Trace(
            articles=tuple(_article_from(a) for a in data["articles"]),
            edges=tuple(
                Edge(e["parent"], e["child"], Relation(e["relation"]), e["confidence"], tuple(e["evidence"]))
                for e in data["edges"]
            ),
            unseen=tuple(Unseen(u["id"], u["label"], u["agency"]) for u in data["unseen"]),
            unrelated=tuple(data["unrelated"]),
            alignments=tuple(_alignment_from(al) for al in data["alignments"]),
            related=tuple(
                Related(r["a"], r["b"], Derivation(r["judgement"]), r["probability"], tuple(r["evidence"]))
                for r in data.get("related", ())
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"not a valid {SCHEMA} document: {exc}") from exc
