"""Every curated query runs on the pushed seed graph with its @example and returns what it promises."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver

from graphbuild.graph import GraphBuilder
from graphbuild.model import ArticleEntity, Entity, EntityType, Evidence, Triple
from graphbuild.neo4j.library import CuratedQuery, load_queries, run_query
from graphbuild.neo4j.writer import push_graph
from tests.integration.conftest import BoltTarget, wipe

pytestmark = pytest.mark.integration

CYPHER = Path(__file__).resolve().parents[2] / "cypher"
QUERIES = load_queries()  # the ones the package ships


def test_the_checkout_links_the_packaged_queries() -> None:
    assert load_queries(CYPHER / "queries.cypher") == QUERIES


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


def _by_name() -> dict[str, CuratedQuery]:
    return {q.name: q for q in QUERIES}


@pytest.fixture(scope="module")
def shared_actors(driver: Driver, bolt: BoltTarget) -> Driver:
    """Three articles that share actors: what a one-article seed cannot show about sums and sorting."""
    def entity(name: str, type_: EntityType) -> Entity:
        return Entity(key=name.lower(), name=name, type=type_, aliases=frozenset({name}))

    blair, uk = entity("Tony Blair", EntityType.PERSON), entity("United Kingdom", EntityType.GPE)
    brown, ant = entity("Gordon Brown", EntityType.PERSON), entity("Adam Ant", EntityType.PERSON)
    labour = entity("Labour Party", EntityType.ORG)
    builder = GraphBuilder()
    mentions = {"a1": [(blair, 5), (uk, 2), (ant, 1), (labour, 1)], "a2": [(blair, 3), (uk, 4)],
                "a3": [(blair, 1), (brown, 7), (uk, 1)]}
    for article, counts in mentions.items():
        builder.add_article(article, [ArticleEntity(entity=e, mentions=n) for e, n in counts],
                            date=f"2005-0{article[-1]}-01")
    s1, s2 = "Mr Blair, the prime minister, leads the UK.", "Blair is prime minister of the UK."

    def triple(subject: Entity, relation: str, obj: Entity, article: str, sentence: str, start: int) -> Triple:
        return Triple(subject=subject, relation=relation, object=obj,
                      evidence=Evidence(article_id=article, sentence=sentence, start=start, end=start + len(sentence),
                                        date=f"2005-0{article[-1]}-01"))

    for t in (triple(blair, "prime_minister_of", uk, "a1", s1, 0), triple(blair, "lead", uk, "a1", s1, 0),
              triple(blair, "prime_minister_of", uk, "a2", s2, 40), triple(brown, "chancellor_of", uk, "a3", "x", 3),
              triple(ant, "chairman_of", labour, "a1", "Adam Ant chairs Labour.", 90)):
        builder.add_triple(t)
    wipe(driver, bolt.database)
    push_graph(builder.graph(), driver, database=bolt.database)
    return driver


def test_co_mentioned_counts_each_mention_once(shared_actors: Driver, bolt: BoltTarget) -> None:
    rows = run_query(shared_actors, _by_name()["co_mentioned"], database=bolt.database, params={"actor": "Tony Blair"})
    assert [(r["actor"], r["articles"], r["mentions"]) for r in rows] == [
        ("United Kingdom", 3, 7), ("Gordon Brown", 1, 7), ("Adam Ant", 1, 1), ("Labour Party", 1, 1)]


def test_edge_evidence_lists_each_sentence_once_with_its_own_article(shared_actors: Driver, bolt: BoltTarget) -> None:
    rows = run_query(shared_actors, _by_name()["edge_evidence"], database=bolt.database,
                     params={"actor": "Tony Blair", "other": "United Kingdom"})
    assert [(r["article"], r["sentence"], sorted(r["predicates"]), r["classes"]) for r in rows] == [
        ("a1", "Mr Blair, the prime minister, leads the UK.", ["lead", "prime_minister_of"], ["ROLE"]),
        ("a2", "Blair is prime minister of the UK.", ["prime_minister_of"], ["ROLE"])]


def test_roles_come_best_attested_first(shared_actors: Driver, bolt: BoltTarget) -> None:
    rows = run_query(shared_actors, _by_name()["roles"], database=bolt.database)
    assert [(r["person"], r["role"], r["weight"]) for r in rows] == [
        ("Tony Blair", "prime_minister_of", 2), ("Adam Ant", "chairman_of", 1), ("Gordon Brown", "chancellor_of", 1),
        ("Tony Blair", "lead", 1)]
