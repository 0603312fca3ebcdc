"""A real Bolt + Cypher server for the session: NEO4J_URI if set, else the bundled local server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver, GraphDatabase
from spacy.language import Language

from graphbuild.building import build
from graphbuild.neo4j.localserver import LocalBoltServer, local_server_available


@dataclass(frozen=True)
class BoltTarget:
    uri: str
    user: str
    password: str
    database: str
    server: LocalBoltServer | None


@pytest.fixture(scope="session")
def bolt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltTarget]:
    """Connection details of a real server; a local one is started from an empty root and killed at the end."""
    if os.environ.get("NEO4J_URI"):
        yield BoltTarget(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                         os.environ["NEO4J_PASSWORD"], os.environ.get("NEO4J_DATABASE", "neo4j"), None)
        return
    if not local_server_available():
        pytest.skip("no Bolt server: set NEO4J_URI or install arcadedb-embedded (pip install -e '.[dev]')")
    server = LocalBoltServer(root=tmp_path_factory.mktemp("bolt-root"))
    server.start()
    try:
        yield BoltTarget(server.uri, server.user, server.password, server.database, server)
    finally:
        server.close()


@pytest.fixture(scope="session")
def driver(bolt: BoltTarget) -> Iterator[Driver]:
    with GraphDatabase.driver(bolt.uri, auth=(bolt.user, bolt.password)) as drv:
        yield drv


def wipe(driver: Driver, database: str) -> None:
    """Delete everything, so each test starts from an empty database."""
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)


def counts(driver: Driver, database: str) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) WHERE NOT n:GraphbuildModel RETURN count(n) AS c",
                                 database_=database).records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database).records[0]["c"]
    return int(nodes), int(rels)


@pytest.fixture(scope="session")
def seed_graph(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph[str]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    report = build([seeds], tmp_path_factory.mktemp("seed-out"), nlp=nlp)
    assert report.graph is not None
    return report.graph
