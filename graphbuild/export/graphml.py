"""GraphML export: lists become JSON strings, text is made XML-safe."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphbuild.export._flat import flat_graph
from graphbuild.export.xml import graphml_text
from graphbuild.io import atomic_write

__all__ = ["to_graphml", "write_graphml"]


def to_graphml(graph: nx.MultiDiGraph[str]) -> str:
    """Return ``graph`` as a GraphML document (the one NetworkX writes, written faster where possible)."""
    flat = flat_graph(graph)
    fast = graphml_text(flat)
    return fast if fast is not None else "\n".join(nx.generate_graphml(flat, named_key_ids=True)) + "\n"


def write_graphml(graph: nx.MultiDiGraph[str], path: str | Path) -> None:
    """Write ``graph`` to ``path`` as GraphML, atomically."""
    with atomic_write(path) as handle:
        handle.write(to_graphml(graph))
