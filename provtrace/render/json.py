"""The provtrace.trace/1 JSON contract: a faithful serialisation of a Trace."""

from __future__ import annotations

import json
from typing import Any

from provtrace.models import Alignment, Article, Edge, Trace
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
        "unseen": [{"id": u.id, "label": u.label} for u in trace.unseen],
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
