"""The provtrace.trace/1 JSON contract: a faithful serialisation of a Trace.

trace_from_json() reads it back: trace_from_json(render_json(t)) equals t
in everything but the run's warnings, which are not part of the contract.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

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
from provtrace.render.jsontext import dumps_sorted

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
        "direction_known": e.direction_known,
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


def _unseen(u: Unseen) -> dict[str, Any]:
    return {"id": u.id, "label": u.label, "agency": u.agency}


def _related(r: Related) -> dict[str, Any]:
    return {
        "a": r.a,
        "b": r.b,
        "judgement": str(r.judgement),
        "probability": r.probability,
        "evidence": list(r.evidence),
    }


def trace_to_dict(trace: Trace) -> dict[str, Any]:
    """The JSON-ready dictionary of a trace."""
    return {
        "schema": SCHEMA,
        "articles": [_article(a) for a in trace.articles],
        "edges": [_edge(e) for e in trace.edges],
        "unseen": [_unseen(u) for u in trace.unseen],
        "unrelated": list(trace.unrelated),
        "related": [_related(r) for r in trace.related],
        "alignments": [_alignment(al) for al in trace.alignments],
        "semantic": trace.semantic,
    }


def _dumped(value: Any) -> str:
    return dumps_sorted(value)


def render_json(trace: Trace, options: RenderOptions) -> str:
    """Deterministic JSON: sorted keys, stable order, UTF-8 text kept readable."""
    return _dumped(trace_to_dict(trace)) + "\n"


#: The lists of the contract, each with the dictionary of one of its items (unrelated: an id).
SECTIONS = ("alignments", "articles", "edges", "related", "unrelated", "unseen")


def item_json(section: str, item: Any) -> str:
    """One item of a section (an Alignment of "alignments", say) as render_json writes it alone."""
    match section:
        case "alignments":
            return _dumped(_alignment(item))
        case "articles":
            return _dumped(_article(item))
        case "edges":
            return _dumped(_edge(item))
        case "related":
            return _dumped(_related(item))
        case "unseen":
            return _dumped(_unseen(item))
        case "unrelated":
            return _dumped(item)
    raise ValueError(f"no section {section!r}")


def write_json(sections: Mapping[str, Iterable[str]], out: TextIO, *, semantic: bool) -> None:
    """render_json's text, written a list item at a time.

    sections gives, for each of SECTIONS, its items' item_json texts in the
    trace's order (they may come from a spill as they are written); semantic
    is the trace's.
    """
    # render_json's layout: the top-level keys sorted, each list item indented by four spaces.
    scalars: dict[str, str | bool] = {"schema": SCHEMA, "semantic": semantic}
    fields: dict[str, Iterable[str] | str | bool] = {**{name: sections[name] for name in SECTIONS}, **scalars}
    out.write("{")
    for k, name in enumerate(sorted(fields)):
        out.write(",\n" if k else "\n")
        out.write(f"  {_dumped(name)}: ")
        items = fields[name]
        if isinstance(items, str | bool):
            out.write(_dumped(items))
            continue
        out.write("[")
        empty = True
        for text in items:
            out.write("\n    " if empty else ",\n    ")
            out.write(text.replace("\n", "\n    "))
            empty = False
        out.write("]" if empty else "\n  ]")
    out.write("\n}\n")


def write_trace_json(trace: Trace, out: TextIO) -> None:
    """render_json(trace) written to out a list item at a time (no whole text held)."""
    sections = {
        "alignments": trace.alignments,
        "articles": trace.articles,
        "edges": trace.edges,
        "related": trace.related,
        "unrelated": trace.unrelated,
        "unseen": trace.unseen,
    }
    write_json({name: _texts(name, items) for name, items in sections.items()}, out, semantic=trace.semantic)


def _texts(section: str, items: Iterable[Any]) -> Iterator[str]:
    return (item_json(section, item) for item in items)


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
                Edge(
                    e["parent"],
                    e["child"],
                    Relation(e["relation"]),
                    e["confidence"],
                    tuple(e["evidence"]),
                    bool(e.get("direction_known", True)),
                )
                for e in data["edges"]
            ),
            unseen=tuple(Unseen(u["id"], u["label"], u["agency"]) for u in data["unseen"]),
            unrelated=tuple(data["unrelated"]),
            alignments=tuple(_alignment_from(al) for al in data["alignments"]),
            related=tuple(
                Related(r["a"], r["b"], Derivation(r["judgement"]), r["probability"], tuple(r["evidence"]))
                for r in data.get("related", ())
            ),
            semantic=bool(data.get("semantic", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"not a valid {SCHEMA} document: {exc}") from exc
