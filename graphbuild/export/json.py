"""Node-link JSON export, readable back with :func:`read_json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.errors import ExportError
from graphbuild.io import atomic_write

__all__ = ["from_json", "read_json", "to_json", "write_json"]


def to_json(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """Return ``graph`` as node-link data (``nodes``, ``edges``, ``graph``)."""
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    return data


def from_json(data: dict[str, Any]) -> nx.MultiDiGraph[str]:
    """Rebuild the graph from node-link data made by :func:`to_json`."""
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    if not isinstance(graph, nx.MultiDiGraph):  # pragma: no cover - node_link_graph honours the flags
        raise ExportError("node-link data did not describe a directed multigraph")
    return graph


def write_json(graph: nx.MultiDiGraph[str], path: str | Path) -> None:
    """Write ``graph`` to ``path`` as node-link JSON, atomically."""
    with atomic_write(path) as handle:
        json.dump(to_json(graph), handle, ensure_ascii=False, indent=1, sort_keys=False)
        handle.write("\n")


def read_json(path: str | Path) -> nx.MultiDiGraph[str]:
    """Read a graph written by :func:`write_json`.

    Raises:
        ExportError: the file is missing or not node-link JSON.
    """
    try:
        with Path(path).open(encoding="utf-8") as handle:
            return from_json(json.load(handle))
    except (OSError, ValueError, KeyError, nx.NetworkXError) as err:
        raise ExportError(f"{path}: cannot read node-link JSON ({err})") from err
