"""Graph exporters, one module per format, and the registry the CLI picks from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from graphbuild.export._flat import TYPE_LABELS, relationship_type, type_label
from graphbuild.export.csv import write_csv
from graphbuild.export.gexf import write_gexf
from graphbuild.export.graphml import write_graphml
from graphbuild.export.json import read_json, write_json

__all__ = ["EXPORTERS", "FORMATS", "TYPE_LABELS", "export_graph", "read_json", "relationship_type", "type_label"]


def _csv(graph: nx.MultiDiGraph[str], path: Path) -> None:
    write_csv(graph, path.parent)


#: format name → (file name in the output directory, writer)
EXPORTERS: dict[str, tuple[str, Callable[[nx.MultiDiGraph[str], Path], None]]] = {
    "graphml": ("graph.graphml", write_graphml),
    "json": ("graph.json", write_json),
    "gexf": ("graph.gexf", write_gexf),
    "csv": ("nodes.csv", _csv),
}
FORMATS = tuple(EXPORTERS)


def export_graph(graph: nx.MultiDiGraph[str], out_dir: str | Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write ``graph`` into ``out_dir`` in each of ``formats``; return the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in formats:
        file_name, writer = EXPORTERS[name]
        writer(graph, out / file_name)
        written.append(out / file_name)
        if name == "csv":
            written.append(out / "relationships.csv")
    return written
