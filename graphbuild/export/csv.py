"""CSV export in ``neo4j-admin database import`` header format.

``nodes.csv`` holds one row per entity with ``:ID(Entity)`` and ``:LABEL`` columns;
``relationships.csv`` one row per edge with ``:START_ID(Entity)``, ``:END_ID(Entity)`` and
``:TYPE`` (the relation's class, as ``graphbuild push`` types it) and its wording as
``predicate``. Arrays use ``|`` as delimiter (pass ``--array-delimiter="|"`` to neo4j-admin); a
``|`` inside a value is replaced by ``/``, line breaks by spaces, and control characters are
dropped. Load with::

    neo4j-admin database import full neo4j --array-delimiter="|" \\
        --nodes=nodes.csv --relationships=relationships.csv
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.export._flat import relationship_type, type_label, xml_safe
from graphbuild.io import atomic_write

__all__ = [
    "ARRAY_DELIMITER",
    "NODE_HEADER",
    "RELATIONSHIP_HEADER",
    "node_rows",
    "relationship_rows",
    "write_csv",
]

ARRAY_DELIMITER = "|"
#: Evidence sentences kept per relationship in the CSV (the graph files keep them all).
EVIDENCE_CAP = 20

NODE_HEADER = (
    "key:ID(Entity)", "name", "type", "aliases:string[]", "mentions:int", "articles:string[]", ":LABEL",
)
RELATIONSHIP_HEADER = (
    ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "predicate", "tone", "weight:int", "articles:string[]",
    "evidence:string[]", "first_seen", "last_seen", "negated:boolean", "hedged:boolean",
)


_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]+")


def _cell(value: Any) -> Any:
    """Keep a text cell on one line and free of control characters (neo4j-admin reads line by line)."""
    return xml_safe(_LINE_BREAKS.sub(" ", value)) if isinstance(value, str) else value


def _array(values: Iterable[Any]) -> str:
    return ARRAY_DELIMITER.join(str(_cell(str(v))).replace(ARRAY_DELIMITER, "/") for v in values)


def node_rows(graph: nx.MultiDiGraph[str]) -> Iterator[list[Any]]:
    """Yield the ``nodes.csv`` rows (header first)."""
    yield list(NODE_HEADER)
    for key, data in graph.nodes(data=True):
        yield [
            key, data["name"], data["type"], _array(data["aliases"]), data["mentions"],
            _array(data["articles"]), _array(["Entity", type_label(data["type"])]),
        ]


def relationship_rows(graph: nx.MultiDiGraph[str]) -> Iterator[list[Any]]:
    """Yield the ``relationships.csv`` rows (header first)."""
    yield list(RELATIONSHIP_HEADER)
    for u, v, data in graph.edges(data=True):
        yield [
            u, v, relationship_type(str(data.get("class") or "OTHER")), data["relation"],
            str(data.get("tone") or "neutral"), data["weight"],
            _array(data["articles"]), _array(e["sentence"] for e in data["evidence"][:EVIDENCE_CAP]),
            data["first_seen"] or "", data["last_seen"] or "",
            str(data["negated"]).lower(), str(data["hedged"]).lower(),
        ]


def write_csv(graph: nx.MultiDiGraph[str], directory: str | Path) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``directory``, atomically each."""
    directory = Path(directory)
    paths = (directory / "nodes.csv", directory / "relationships.csv")
    for path, rows in zip(paths, (node_rows(graph), relationship_rows(graph)), strict=True):
        with atomic_write(path) as handle:
            csv.writer(handle, lineterminator="\n").writerows([_cell(c) for c in row] for row in rows)
    return paths
