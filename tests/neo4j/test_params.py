"""Curated queries: their declarations parse, and their parameters are typed and defaulted on any graph."""

from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.errors import InputError, UsageError
from graphbuild.graph import GraphBuilder, classify_graph
from graphbuild.model import Entity, EntityType, Evidence, Triple
from graphbuild.neo4j.library import PARAM_TYPES, find_query, load_queries
from graphbuild.neo4j.params import guess_value, resolve_params
from graphbuild.schema import load_schema

QUERIES = load_queries()


def _graph() -> nx.MultiDiGraph[str]:
    """Blair in the most relations; Brown his strongest tie; Howard and Blair the pair in conflict."""
    def entity(name: str, type_: EntityType = EntityType.PERSON) -> Entity:
        return Entity(key=name.lower(), name=name, type=type_, aliases=frozenset({name, name.split()[-1]}))

    blair, brown, howard, uk = entity("Tony Blair"), entity("Gordon Brown"), entity("Michael Howard"), entity(
        "United Kingdom", EntityType.GPE)
    builder = GraphBuilder()
    for number, (s, relation, o) in enumerate([(blair, "meet", brown), (brown, "praise", blair),
                                               (blair, "praise", brown), (howard, "praise", brown),
                                               (howard, "accuse", blair), (howard, "criticise", blair),
                                               (blair, "visit", uk), (brown, "chancellor_of", uk)]):
        builder.add_triple(Triple(subject=s, relation=relation, object=o, evidence=Evidence(
            article_id="a", sentence=f"Sentence {number}.", start=number * 20, end=number * 20 + 11, date=None)))
    graph = builder.graph()
    classify_graph(graph, load_schema(None))
    return graph


def test_every_bundled_query_declares_typed_parameters_with_defaults_and_an_example() -> None:
    assert len(QUERIES) >= 15
    for query in QUERIES:
        assert all(p.type in PARAM_TYPES and p.default is not None for p in query.params), query.name
        assert set(query.example) == {p.name for p in query.params}, query.name
        assert f"${p.name}" in query.text if (p := next(iter(query.params), None)) else True


def test_defaults_are_worked_out_on_the_graph() -> None:
    graph = _graph()
    resolved = resolve_params(find_query(QUERIES, "edge_evidence"), graph, {})
    assert resolved.values == {"actor": "Tony Blair", "other": "Gordon Brown"}
    assert resolved.how == {"actor": "top", "other": "neighbour"}
    conflict = resolve_params(find_query(QUERIES, "conflict_between"), graph, {}).values
    assert conflict == {"actor": "Tony Blair", "other": "Michael Howard"}
    assert resolve_params(find_query(QUERIES, "relations_in_date_range"), graph, {}).values == {"from": None,
                                                                                               "to": None}
    assert resolve_params(find_query(QUERIES, "relations_of_class"), graph, {}).values == {"class": "SUPPORT"}
    assert resolve_params(find_query(QUERIES, "shortest_path"), graph, {}).values["other"] == "Gordon Brown"


def test_given_values_are_typed_and_checked() -> None:
    graph = _graph()
    query = find_query(QUERIES, "edge_evidence")
    given = resolve_params(query, graph, {"actor": "Brown"})  # an alias; the neighbour follows the actor given
    assert given.values == {"actor": "Brown", "other": "Tony Blair"}
    with pytest.raises(UsageError, match=r"no actor has that name or alias in this graph; did you mean 'Tony Blair'"):
        resolve_params(query, graph, {"actor": "Tony Blar"})
    with pytest.raises(UsageError, match=r"edge_evidence has no parameter limit; it takes actor: actor = top"):
        resolve_params(query, graph, {"limit": "3"})
    dates = find_query(QUERIES, "relations_in_date_range")
    assert resolve_params(dates, graph, {"from": "2005-03"}).values == {"from": "2005-03", "to": None}
    with pytest.raises(UsageError, match="a date is YYYY, YYYY-MM or YYYY-MM-DD"):
        resolve_params(dates, graph, {"from": "March 2005"})
    classes = frozenset(load_schema(None).names)
    of_class = find_query(QUERIES, "relations_of_class")
    assert resolve_params(of_class, graph, {"class": "accuse"}, classes=classes).values == {"class": "ACCUSE"}
    with pytest.raises(UsageError, match="not a relation class; choose from ACCUSE"):
        resolve_params(of_class, graph, {"class": "blame"}, classes=classes)


def test_defaults_on_an_empty_graph_are_null_not_an_error() -> None:
    empty: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    assert resolve_params(find_query(QUERIES, "edge_evidence"), empty, {}).values == {"actor": None, "other": None}


def test_own_statement_values_are_json_when_they_parse() -> None:
    assert [guess_value(v) for v in ("5", "true", "null", "[1, 2]", "Tony Blair", "2005-01")] == [
        5, True, None, [1, 2], "Tony Blair", "2005-01"]


def test_malformed_declarations_name_the_line(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "q.cypher"
    path.write_text('// @name x\n// @params {"actor": "person = top"}\nMATCH (n) RETURN n;\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"q.cypher:3 \(x\): parameter 'actor' has type 'person'; use one of actor"):
        load_queries(path)
    with pytest.raises(UsageError, match="no curated query named 'nope'; choose from top_actors"):
        find_query(QUERIES, "nope")
