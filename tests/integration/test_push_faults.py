"""The server dies in the middle of a push: pushing again ends with exactly the counts of a clean push."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from neo4j import Driver, GraphDatabase

from graphbuild.graph import build_graph
from graphbuild.model import Entity, EntityType, Evidence, Triple
from graphbuild.neo4j.localserver import LocalBoltServer, local_server_available
from graphbuild.neo4j.writer import push_graph
from tests.integration.conftest import counts

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not local_server_available(), reason="needs arcadedb-embedded (pip install -e '.[dev]')"),
]


def _graph() -> nx.MultiDiGraph[str]:
    """A graph whose push takes a few seconds: 300 relations between 120 actors in 60 articles."""
    people = [Entity(key=f"person {i}", name=f"Person {i}", type=EntityType.PERSON, aliases=frozenset({f"P{i}"}))
              for i in range(120)]
    triples = [
        Triple(subject=people[i % 120], relation=f"act_{i % 300}", object=people[(i * 7 + 1) % 120],
               evidence=Evidence(article_id=f"a{i % 60}", sentence=f"Sentence {i}.", start=i, end=i + 12,
                                 date=f"2024-01-{1 + i % 28:02d}"))
        for i in range(600)
    ]
    return build_graph([t for t in triples if t.subject.key != t.object.key])


def _state(driver: Driver, database: str) -> tuple[Any, ...]:
    weights = driver.execute_query("MATCH ()-[r]->() WHERE r.weight IS NOT NULL "
                                   "RETURN sum(r.weight) AS w, sum(size(r.evidence)) AS e", database_=database)
    mentions = driver.execute_query("MATCH (n:Entity) RETURN sum(n.mentions) AS m", database_=database)
    return (*counts(driver, database), weights.records[0]["w"], weights.records[0]["e"], mentions.records[0]["m"])


def test_push_after_the_server_was_killed_mid_push_equals_a_clean_push(tmp_path: Path) -> None:
    graph = _graph()
    with LocalBoltServer(root=tmp_path / "clean") as clean, \
            GraphDatabase.driver(clean.uri, auth=(clean.user, clean.password)) as driver:
        push_graph(graph, driver, database=clean.database, batch_size=50)
        expected = _state(driver, clean.database)
    assert expected[0] == graph.number_of_nodes() + 60

    server = LocalBoltServer(root=tmp_path / "crash")
    server.start()
    try:
        with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
            outcome: dict[str, Any] = {}
            halfway = threading.Event()
            written = [0]

            def progress(rows: int) -> None:
                written[0] += rows
                if written[0] >= graph.number_of_nodes() + 20:  # the entities and a first few relationships
                    halfway.set()
                    time.sleep(0.5)  # hold the push here while the server goes down

            def push() -> None:
                try:
                    outcome["report"] = push_graph(graph, driver, database=server.database, batch_size=10,
                                                   progress=progress)
                except Exception as err:  # the test only records how the first push ended
                    outcome["error"] = err

            pusher = threading.Thread(target=push)
            pusher.start()
            assert halfway.wait(timeout=120), "the push never got halfway"
            assert pusher.is_alive(), "the push finished before the server could be killed"
            server.kill()
            server.start()  # the same data directory and ports, as after a crash and restart
            pusher.join(timeout=300)
            assert not pusher.is_alive()
            push_graph(graph, driver, database=server.database, batch_size=50)
            assert _state(driver, server.database) == expected
            push_graph(graph, driver, database=server.database, batch_size=50)
            assert _state(driver, server.database) == expected
    finally:
        server.close()
