"""Hostile text pushed to a real Bolt server (Hypothesis): it stays data, and counts come out exact."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from neo4j import Driver

from graphbuild.graph import build_graph
from graphbuild.model import Triple
from graphbuild.neo4j.writer import push_graph
from tests.integration.conftest import BoltTarget, counts, wipe
from tests.test_hostile import triples

pytestmark = pytest.mark.integration


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=triples())
def test_any_text_creates_exactly_its_nodes_and_relationships(driver: Driver, bolt: BoltTarget,
                                                               data: list[Triple]) -> None:
    wipe(driver, bolt.database)
    graph = build_graph(data)
    articles = {a for _, d in graph.nodes(data=True) for a in d["article_mentions"]}
    mentions = sum(len(d["article_mentions"]) for _, d in graph.nodes(data=True))
    expected = (graph.number_of_nodes() + len(articles), graph.number_of_edges() + mentions)
    push_graph(graph, driver, database=bolt.database)
    assert counts(driver, bolt.database) == expected
    push_graph(graph, driver, database=bolt.database)
    assert counts(driver, bolt.database) == expected
    stored = {r["k"] for r in driver.execute_query("MATCH (n:Entity) RETURN n.key AS k",
                                                   database_=bolt.database).records}
    assert stored == set(graph.nodes)
