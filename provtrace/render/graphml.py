"""The derivation graph in GraphML, for Gephi, yEd or networkx.

Nodes are the articles and unseen sources (label, kind, title, site,
published, path, sentences); edges carry relation, confidence and direction_known. The XML is
built with xml.etree, which escapes markup; control characters, which XML 1.0
cannot hold at all, are shown as control pictures first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from provtrace.models import Trace
from provtrace.render import RenderOptions
from provtrace.render.common import node_kind
from provtrace.render.escape import visible

_NS = "http://graphml.graphdrawing.org/xmlns"

# (id, for, attr.name, attr.type)
_KEYS = (
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("title", "node", "title", "string"),
    ("site", "node", "site", "string"),
    ("published", "node", "published", "string"),
    ("path", "node", "path", "string"),
    ("sentences", "node", "sentences", "int"),
    ("relation", "edge", "relation", "string"),
    ("confidence", "edge", "confidence", "double"),
    ("direction_known", "edge", "direction_known", "boolean"),
)


def _data(parent: ET.Element, key: str, value: str | None) -> None:
    if value is not None:
        ET.SubElement(parent, "data", key=key).text = visible(value)


def render_graphml(trace: Trace, options: RenderOptions) -> str:
    """A GraphML document of the derivation forest (unrelated articles as lone nodes)."""
    root = ET.Element("graphml", xmlns=_NS)
    for key, domain, name, kind in _KEYS:
        ET.SubElement(root, "key", {"id": key, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="provtrace", edgedefault="directed")
    for unseen in trace.unseen:
        node = ET.SubElement(graph, "node", id=visible(unseen.id))
        _data(node, "label", unseen.id)
        _data(node, "kind", "unseen")
        _data(node, "title", unseen.label)
    for article in trace.articles:
        node = ET.SubElement(graph, "node", id=visible(article.id))
        kind = node_kind(trace, article.id)
        _data(node, "label", article.id)
        _data(node, "kind", kind)
        _data(node, "title", article.title)
        _data(node, "site", article.site)
        _data(node, "published", article.published)
        _data(node, "path", article.path)
        _data(node, "sentences", str(len(article.sentences)))
    for n, edge in enumerate(trace.edges):
        element = ET.SubElement(
            graph, "edge", id=f"e{n}", source=visible(edge.parent), target=visible(edge.child)
        )
        _data(element, "relation", edge.relation)
        _data(element, "confidence", f"{edge.confidence:.2f}")
        _data(element, "direction_known", "true" if edge.direction_known else "false")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
