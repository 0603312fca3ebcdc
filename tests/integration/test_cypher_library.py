"""Every curated query in cypher/queries.cypher runs on the pushed seed graph and returns what it promises."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver

from graphbuild.neo4j.library import CuratedQuery, load_queries, run_query
from graphbuild.neo4j.writer import push_graph
from tests.integration.conftest import BoltTarget, wipe

pytestmark = pytest.mark.integration

CYPHER = Path(__file__).resolve().parents[2] / "cypher"


QUERIES = load_queries(CYPHER / "queries.cypher")


def test_there_are_at_least_ten_documented_queries() -> None:
    assert len(QUERIES) >= 10
    assert len({q.name for q in QUERIES}) == len(QUERIES)
    assert all(q.expect.get("min_rows", 0) >= 1 and q.description for q in QUERIES)


@pytest.fixture(scope="module")
def pushed(driver: Driver, bolt: BoltTarget, seed_graph: nx.MultiDiGraph[str]) -> Driver:
    wipe(driver, bolt.database)
    push_graph(seed_graph, driver, database=bolt.database)
    return driver


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_curated_query(pushed: Driver, bolt: BoltTarget, query: CuratedQuery) -> None:
    rows = run_query(pushed, query, database=bolt.database)
    assert len(rows) >= query.expect.get("min_rows", 1), rows
    if "first" in query.expect:
        assert {k: rows[0].get(k) for k in query.expect["first"]} == query.expect["first"], rows[:3]
    if "contains" in query.expect:
        wanted = query.expect["contains"]
        assert any({k: row.get(k) for k in wanted} == wanted for row in rows), rows
