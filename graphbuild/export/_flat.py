"""Helpers shared by the exporters: flattening attributes and naming labels and types."""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx

__all__ = [
    "TYPE_LABELS",
    "flat_graph",
    "relationship_type",
    "type_label",
    "xml_safe",
]

#: The Neo4j label each entity type gets besides ``Entity``.
TYPE_LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "OTHER": "Other",
}

# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_TYPE_CHAR = re.compile(r"[^A-Z0-9]+")


def xml_safe(text: str) -> str:
    """Remove the characters XML 1.0 cannot carry."""
    return _XML_FORBIDDEN.sub("", text)


def relationship_type(relation: str) -> str:
    """Reduce a relation to a Neo4j relationship type matching ``[A-Z][A-Z0-9_]*``.

    >>> relationship_type("travel_to")
    'TRAVEL_TO'
    >>> relationship_type("}) DETACH DELETE n //")
    'DETACH_DELETE_N'
    >>> relationship_type("2nd")
    'R_2ND'
    """
    import unicodedata

    folded = unicodedata.normalize("NFKD", relation)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).upper()
    cleaned = _NOT_TYPE_CHAR.sub("_", folded).strip("_")
    if not cleaned:
        return "RELATED_TO"
    if not cleaned[0].isalpha():
        cleaned = f"R_{cleaned}"
    return cleaned


def type_label(entity_type: str) -> str:
    """Return the Neo4j label for an entity type (``PERSON`` → ``Person``)."""
    return TYPE_LABELS.get(entity_type, "Other")


def _flatten_value(value: Any, *, xml: bool) -> Any:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return xml_safe(value) if xml else value
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return xml_safe(text) if xml else text


def flat_graph(graph: nx.MultiDiGraph[str], *, xml: bool = True) -> nx.MultiDiGraph[str]:
    """Copy ``graph`` with list and dict attributes as JSON strings and ``None`` attributes dropped.

    GraphML and GEXF hold only scalars; with ``xml=True`` text is also made XML-safe.
    """
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for name, value in graph.graph.items():
        if value is not None and not isinstance(value, list | dict):
            flat.graph[name] = _flatten_value(value, xml=xml)
    for node, data in graph.nodes(data=True):
        key = xml_safe(str(node)) if xml else node
        flat.add_node(key, **{k: _flatten_value(v, xml=xml) for k, v in data.items() if v is not None})
    for u, v, k, data in graph.edges(keys=True, data=True):
        attrs = {a: _flatten_value(b, xml=xml) for a, b in data.items() if b is not None}
        if xml:
            u, v, k = xml_safe(str(u)), xml_safe(str(v)), xml_safe(str(k))
        flat.add_edge(u, v, key=k, **attrs)
    return flat
