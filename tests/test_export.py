"""Every export format round-trips, stays valid with hostile text, and is reproducible."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.export import FORMATS, export_graph, read_json
from graphbuild.export._flat import flat_graph, relationship_type
from graphbuild.export.csv import NODE_HEADER, RELATIONSHIP_HEADER
from graphbuild.export.xml import gexf_text, graphml_text
from graphbuild.graph import build_graph
from graphbuild.model import Entity, EntityType, Evidence, Triple

HOSTILE = "Evil \x00\x07 \"quote\" 'single' `tick` <script>alert(1)</script> }) DETACH DELETE n // | ; \ud7ff ok"


def _graph(name: str = "Alpha") -> nx.MultiDiGraph[str]:
    a = Entity(key=name.lower(), name=name, type=EntityType.PERSON, aliases=frozenset({name}))
    b = Entity(key="beta", name="Beta", type=EntityType.GPE, aliases=frozenset({"Beta"}))
    ev = Evidence(article_id="a1", sentence=f"{name} went to Beta; then home.", start=0, end=20, date="2022-01-02")
    return build_graph([Triple(subject=a, relation="travel_to", object=b, evidence=ev)])


def test_json_round_trip(tmp_path: Path) -> None:
    graph = _graph()
    export_graph(graph, tmp_path, ("json",))
    back = read_json(tmp_path / "graph.json")
    assert nx.utils.graphs_equal(graph, back)
    assert back.get_edge_data("alpha", "beta")["travel_to"]["evidence"][0]["article_id"] == "a1"


def test_graphml_and_gexf_read_back(tmp_path: Path) -> None:
    graph = _graph()
    export_graph(graph, tmp_path, ("graphml", "gexf"))
    for path in (tmp_path / "graph.graphml", tmp_path / "graph.gexf"):
        back = nx.read_graphml(path) if path.suffix == ".graphml" else nx.read_gexf(path)
        assert set(back.nodes) == {"alpha", "beta"}
        assert back.number_of_edges() == 1
    back = nx.read_graphml(tmp_path / "graph.graphml")
    assert json.loads(back.nodes["alpha"]["aliases"]) == ["Alpha"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_formats_survive_hostile_text(tmp_path: Path, fmt: str) -> None:
    export_graph(_graph(HOSTILE), tmp_path, (fmt,))
    root = ET.parse(tmp_path / f"graph.{fmt}").getroot()  # raises on invalid XML
    text = ET.tostring(root, encoding="unicode")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_csv_header_format(tmp_path: Path) -> None:
    export_graph(_graph(), tmp_path, ("csv",))
    with (tmp_path / "nodes.csv").open(encoding="utf-8") as handle:
        nodes = list(csv.reader(handle))
    with (tmp_path / "relationships.csv").open(encoding="utf-8") as handle:
        rels = list(csv.reader(handle))
    assert tuple(nodes[0]) == NODE_HEADER
    assert tuple(rels[0]) == RELATIONSHIP_HEADER
    alpha = dict(zip(nodes[0], nodes[1], strict=True))
    assert alpha[":LABEL"] == "Entity|Person"
    rel = dict(zip(rels[0], rels[1], strict=True))
    assert (rel[":START_ID(Entity)"], rel[":END_ID(Entity)"], rel[":TYPE"]) == ("alpha", "beta", "CONSULT")
    assert (rel["predicate"], rel["tone"]) == ("travel_to", "cooperation")
    assert rel["weight:int"] == "1"
    assert rel["negated:boolean"] == "false"


@pytest.mark.parametrize(
    ("relation", "expected"),
    [("travel_to", "TRAVEL_TO"), ("}) DETACH DELETE n //", "DETACH_DELETE_N"), ("`x`", "X"), ("", "RELATED_TO"),
     ("überfallen", "UBERFALLEN"), ("9lives", "R_9LIVES"), ("国", "RELATED_TO")],
)
def test_relationship_type_is_safe(relation: str, expected: str) -> None:
    result = relationship_type(relation)
    assert result == expected
    assert result[0].isalpha()
    assert all(c.isupper() or c.isdigit() or c == "_" for c in result)


def test_exports_are_reproducible(tmp_path: Path) -> None:
    export_graph(_graph(), tmp_path / "one", FORMATS)
    export_graph(_graph(), tmp_path / "two", FORMATS)
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def _networkx_documents(graph: nx.MultiDiGraph[str]) -> tuple[str, str]:
    """GraphML and GEXF as NetworkX's own writers give them (GEXF without its run date)."""
    import re

    flat = flat_graph(graph)
    graphml = "\n".join(nx.generate_graphml(flat, named_key_ids=True)) + "\n"
    gexf = re.sub(r' lastmodifieddate="[^"]*"', "", "\n".join(nx.generate_gexf(flat)) + "\n", count=1)
    return graphml, gexf


def _odd_graph(names: list[str]) -> nx.MultiDiGraph[str]:
    triples = [Triple(subject=Entity(key=a.lower() or "x", name=a or "x", type=EntityType.PERSON,
                                     aliases=frozenset({a})),
                      relation=b or "r", object=Entity(key=f"o{i}", name=f"O {i}", type=EntityType.GPE,
                                                       aliases=frozenset()),
                      evidence=Evidence(article_id=f"a{i}", sentence=a + b, start=i, end=i + 1, date=None),
                      surface=b)
               for i, (a, b) in enumerate(zip(names, reversed(names), strict=True))]
    graph = build_graph(triples)
    graph.add_node("lonely", key="lonely", name="", type="OTHER", aliases=[], mentions=0, articles=[],
                   article_mentions={}, score=float("inf"), ratio=float("nan"), flag=True)
    graph.add_node("bare")
    graph.graph["schema"] = "fingerprint"
    return graph


ODD = ["O'Brien \"q\"", "<b>&amp;</b>", "tab\there", "line\nbreak", "cr\rreturn", "crlf\r\nend", "sep\u2028line",
       "nel\x85x", "Zoë ∑ 北京 🚀", "", "]]>", "  spaces  ", "x:$(evil)", "'}) DETACH DELETE n //"]


@pytest.mark.parametrize("graph_of", ["odd", "seed-like", "empty"])
def test_fast_xml_writers_write_what_networkx_writes(graph_of: str) -> None:
    graph = {"odd": lambda: _odd_graph(ODD), "seed-like": _graph, "empty": nx.MultiDiGraph}[graph_of]()
    graphml, gexf = _networkx_documents(graph)
    flat = flat_graph(graph)
    assert graphml_text(flat) == graphml
    assert gexf_text(flat) == gexf


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=12), min_size=1, max_size=6))
def test_fast_xml_writers_match_networkx_on_any_text(names: list[str]) -> None:
    graph = _odd_graph(names)
    graphml, gexf = _networkx_documents(graph)
    flat = flat_graph(graph)
    assert graphml_text(flat) == graphml
    assert gexf_text(flat) == gexf


def test_unusual_graphs_fall_back_to_networkx() -> None:
    graph = _graph()
    graph.nodes["alpha"]["label"] = "reserved in GEXF"
    graph.nodes["alpha"]["listed"] = [1, 2]
    flat = flat_graph(graph)
    flat.nodes["alpha"]["listed"] = [1, 2]  # not a scalar
    assert graphml_text(flat) is None
    assert gexf_text(flat) is None
