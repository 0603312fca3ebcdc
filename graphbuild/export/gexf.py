"""GEXF export (Gephi): lists become JSON strings, text is made XML-safe, no timestamp."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from graphbuild.export._flat import flat_graph
from graphbuild.export.xml import gexf_text
from graphbuild.io import atomic_write

__all__ = ["to_gexf", "write_gexf"]

_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def to_gexf(graph: nx.MultiDiGraph[str]) -> str:
    """Return ``graph`` as a GEXF 1.2 document (without the writer's run date, for reproducibility)."""
    flat = flat_graph(graph)
    fast = gexf_text(flat)
    if fast is not None:
        return fast
    text = "\n".join(nx.generate_gexf(flat)) + "\n"
    return _DATE.sub("", text, count=1)


def write_gexf(graph: nx.MultiDiGraph[str], path: str | Path) -> None:
    """Write ``graph`` to ``path`` as GEXF, atomically."""
    with atomic_write(path) as handle:
        handle.write(to_gexf(graph))
