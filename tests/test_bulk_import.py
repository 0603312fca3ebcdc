"""The bulk path: nodes.csv and relationships.csv read the way ``neo4j-admin database import full`` reads them.

The reader below follows the import tool's header rules (``name:type`` columns, ``:ID(group)``,
``:LABEL``, ``:START_ID(group)``, ``:END_ID(group)``, ``:TYPE``, ``type[]`` arrays split on the
array delimiter, one record a line) and checks every value the way the tool would reject it.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from graphbuild.building import build
from graphbuild.export import export_graph
from graphbuild.export.csv import ARRAY_DELIMITER
from graphbuild.graph import build_graph
from graphbuild.model import Triple
from tests.test_hostile import triples

FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<kind>ID|START_ID|END_ID|LABEL|TYPE|IGNORE)(?:\((?P<group>\w+)\))?"
                   r"|:(?P<type>int|long|float|double|boolean|byte|short|char|string|date|datetime)(?P<array>\[\])?)?$")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _value(raw: str, kind: str | None, array: bool) -> Any:
    items = raw.split(ARRAY_DELIMITER) if array else [raw]
    out: list[Any] = []
    for item in items:
        if kind in ("int", "long"):
            out.append(int(item))
        elif kind == "boolean":
            if item not in ("true", "false"):
                raise ValueError(f"not a boolean: {item!r}")
            out.append(item == "true")
        else:
            out.append(item)
    return out if array else out[0]


def read_admin_csv(path: Path) -> tuple[list[dict[str, Any]], list[re.Match[str]]]:
    """Parse ``path`` as neo4j-admin would (``--array-delimiter="|"``); raise on anything it would refuse."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    assert lines[-1] == "", "the file must end with a line break"
    header, body = next(csv.reader([lines[0]])), lines[1:-1]
    fields = [FIELD.match(h) for h in header]
    assert all(fields), f"unknown header field in {header}"
    columns = [f for f in fields if f is not None]
    records = []
    for number, line in enumerate(body, start=2):
        (row,) = list(csv.reader([line]))  # one record a line: a value may not span lines
        assert len(row) == len(columns), f"{path.name}:{number}: {len(row)} fields, header has {len(columns)}"
        record: dict[str, Any] = {}
        for field, raw in zip(columns, row, strict=True):
            kind = field.group("kind")
            if kind in ("ID", "START_ID", "END_ID", "TYPE"):
                assert raw, f"{path.name}:{number}: empty {kind}"
                record[f":{kind}"] = raw
                if kind == "ID" and field.group("name"):
                    record[field.group("name")] = raw
            elif kind == "LABEL":
                record[":LABEL"] = raw.split(ARRAY_DELIMITER)
                assert all(NAME.fullmatch(label) for label in record[":LABEL"])
            elif raw != "":
                record[field.group("name")] = _value(raw, field.group("type"), bool(field.group("array")))
        records.append(record)
    return records, columns


def check_bulk_files(out: Path, graph: nx.MultiDiGraph[str]) -> None:
    nodes, node_columns = read_admin_csv(out / "nodes.csv")
    rels, rel_columns = read_admin_csv(out / "relationships.csv")
    assert [c.group("group") for c in node_columns if c.group("kind") == "ID"] == ["Entity"]
    assert {c.group("group") for c in rel_columns if c.group("kind") in ("START_ID", "END_ID")} == {"Entity"}
    ids = [n[":ID"] for n in nodes]
    assert len(ids) == len(set(ids)) == graph.number_of_nodes(), "IDs must be unique"
    known = set(ids)
    assert all(r[":START_ID"] in known and r[":END_ID"] in known for r in rels), "a relationship to a missing node"
    assert len(rels) == graph.number_of_edges()
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", r[":TYPE"]) for r in rels)
    assert all("Entity" in n[":LABEL"] for n in nodes)


def test_the_build_csvs_load_as_neo4j_admin_reads_them(seed_dir: Path, tmp_path: Path) -> None:
    report = build([seed_dir], tmp_path, formats=("csv",))
    assert report.graph is not None
    check_bulk_files(tmp_path, report.graph)
    script = (Path(__file__).resolve().parents[1] / "cypher" / "neo4j-admin-import.sh").read_text(encoding="utf-8")
    assert f'--array-delimiter="{ARRAY_DELIMITER}"' in script
    assert "--nodes=" in script
    assert "--relationships=" in script


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=triples())
def test_hostile_text_keeps_the_bulk_files_loadable(tmp_path_factory: pytest.TempPathFactory,
                                                    data: list[Triple]) -> None:
    graph = build_graph(data)
    out = tmp_path_factory.mktemp("bulk")
    export_graph(graph, out, ("csv",))
    check_bulk_files(out, graph)
