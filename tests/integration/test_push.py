"""Pushing to a real Bolt server: model, idempotence, increments, hostile text, errors."""

from __future__ import annotations

import networkx as nx
import pytest
from neo4j import Driver

from graphbuild.graph import build_graph
from graphbuild.model import Entity, EntityType, Evidence, Triple
from graphbuild.neo4j.queries import relationships_query
from graphbuild.neo4j.writer import TYPES_PER_STATEMENT, Neo4jWriteError, connect, push_graph
from tests.integration.conftest import BoltTarget, counts, wipe

pytestmark = pytest.mark.integration


def _triple(subject: str, relation: str, obj: str, article: str, start: int,
            *, negated: bool = False) -> Triple:
    return Triple(
        subject=Entity(key=subject.lower(), name=subject, type=EntityType.PERSON, aliases=frozenset({subject})),
        relation=relation,
        object=Entity(key=obj.lower(), name=obj, type=EntityType.GPE, aliases=frozenset({obj})),
        evidence=Evidence(article_id=article, sentence=f"{subject} {relation} {obj} ({start}).", start=start,
                          end=start + 10, date=f"2022-01-{10 + start % 10:02d}"),
        negated=negated,
    )


def test_seed_model_in_neo4j(driver: Driver, bolt: BoltTarget, seed_graph: nx.MultiDiGraph[str]) -> None:
    wipe(driver, bolt.database)
    report = push_graph(seed_graph, driver, database=bolt.database, batch_size=7)
    assert report.entities == seed_graph.number_of_nodes()
    records = driver.execute_query(
        "MATCH (w:Entity:Person {key: 'ben wallace'})-[r:TRAVEL_TO]->(m:Entity:Place {name: 'Moscow'}) "
        "RETURN r.predicate AS predicate, r.weight AS weight, r.evidence AS evidence, w.aliases AS aliases, "
        "w.mentions AS mentions", database_=bolt.database).records
    assert records
    row = records[0]
    assert row["weight"] >= 1
    assert any("Moscow" in s for s in row["evidence"])
    assert {"Ben Wallace", "Mr Wallace", "Wallace"} <= set(row["aliases"])
    assert row["mentions"] == seed_graph.nodes["ben wallace"]["mentions"]
    mention = driver.execute_query(
        "MATCH (a:Article)-[m:MENTIONS]->(:Entity {key: 'russia'}) RETURN a.id AS id, m.count AS count",
        database_=bolt.database).records
    assert [(r["id"], r["count"]) for r in mention] == [
        ("uk-defence-secretary-2022-01", seed_graph.nodes["russia"]["mentions"])]


def test_push_twice_changes_nothing(driver: Driver, bolt: BoltTarget, seed_graph: nx.MultiDiGraph[str]) -> None:
    wipe(driver, bolt.database)
    push_graph(seed_graph, driver, database=bolt.database)
    first = counts(driver, bolt.database)
    weights = driver.execute_query("MATCH ()-[r]->() RETURN sum(r.weight) AS w, sum(r.count) AS c",
                                   database_=bolt.database).records[0]
    push_graph(seed_graph, driver, database=bolt.database, batch_size=3)
    assert counts(driver, bolt.database) == first
    again = driver.execute_query("MATCH ()-[r]->() RETURN sum(r.weight) AS w, sum(r.count) AS c",
                                 database_=bolt.database).records[0]
    assert (again["w"], again["c"]) == (weights["w"], weights["c"])


def test_later_articles_add_to_weight_and_evidence(driver: Driver, bolt: BoltTarget) -> None:
    wipe(driver, bolt.database)
    push_graph(build_graph([_triple("Alpha", "visit", "Beta", "a1", 0), _triple("Alpha", "visit", "Beta", "a1", 5)]),
               driver, database=bolt.database)
    # a2 is new; a1:5 is already there and must not count twice
    push_graph(build_graph([_triple("Alpha", "visit", "Beta", "a1", 5),
                            _triple("Alpha", "visit", "Beta", "a2", 3, negated=True)]),
               driver, database=bolt.database)
    (row,) = driver.execute_query(
        "MATCH (:Entity {key: 'alpha'})-[r:VISIT]->(:Entity {key: 'beta'}) "
        "RETURN r.weight AS weight, r.articles AS articles, r.first_seen AS first, r.last_seen AS last, "
        "r.negated AS negated, r.negated_count AS negated_count, size(r.evidence) AS evidence",
        database_=bolt.database).records
    assert (row["weight"], sorted(row["articles"]), row["evidence"]) == (3, ["a1", "a2"], 3)
    assert (row["first"], row["last"]) == ("2022-01-10", "2022-01-15")
    assert (row["negated"], row["negated_count"]) == (False, 1)
    assert counts(driver, bolt.database) == (4, 5)  # 2 entities + 2 articles; 1 VISIT + 4 MENTIONS


HOSTILE = ["O'Brien \"the quote\"", "`backtick` name", "'}) DETACH DELETE n //", "Zoë ∑ 北京 🚀",
           "x:$(evil)", "\\u0027; MATCH (n) DELETE n"]


def test_hostile_names_and_relations_stay_data(driver: Driver, bolt: BoltTarget) -> None:
    wipe(driver, bolt.database)
    push_graph(build_graph([_triple("Alpha", "visit", "Beta", "a0", 0)]), driver, database=bolt.database)
    before = counts(driver, bolt.database)
    triples = [_triple(name, relation, "Target", f"h{i}", i)
               for i, (name, relation) in enumerate(zip(HOSTILE, ["}) DETACH DELETE n //", "`x`", "a'b", "r\"s",
                                                                  "ünïcödé", "DROP CONSTRAINT entity_key"],
                                                         strict=True))]
    graph = build_graph(triples)
    push_graph(graph, driver, database=bolt.database)
    names = {r["name"] for r in driver.execute_query("MATCH (n:Entity) RETURN n.name AS name",
                                                     database_=bolt.database).records}
    assert set(HOSTILE) <= names
    assert counts(driver, bolt.database) == (before[0] + len(HOSTILE) + 1 + len(HOSTILE),
                                             before[1] + 3 * len(HOSTILE))  # relation + 2 MENTIONS each
    types = {r["t"] for r in driver.execute_query("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t",
                                                  database_=bolt.database).records}
    assert all(t.replace("_", "").isalnum() and t == t.upper() for t in types)
    predicates = {r["p"] for r in driver.execute_query("MATCH ()-[r]->() WHERE r.predicate IS NOT NULL "
                                                       "RETURN r.predicate AS p", database_=bolt.database).records}
    assert "}) DETACH DELETE n //" in predicates


def test_unreachable_server_is_one_clear_error() -> None:
    with pytest.raises(Neo4jWriteError, match=r"cannot reach Neo4j at bolt://127.0.0.1:1 .*check"), \
            connect("bolt://127.0.0.1:1", "neo4j", "secret-pw"):
        pass


def test_wrong_password_names_user_not_password(bolt: BoltTarget) -> None:
    with pytest.raises(Neo4jWriteError) as info, connect(bolt.uri, bolt.user, "wrong-" + bolt.password):
        pass
    assert "credentials" in str(info.value) or "cannot reach" in str(info.value)
    assert bolt.password not in str(info.value)


def test_bad_scheme() -> None:
    with pytest.raises(Neo4jWriteError, match="not a Neo4j URI"), connect("http://localhost:7474", "u", "p"):
        pass


@pytest.mark.parametrize("scheme", ["bolt://", "neo4j://"])
def test_uri_schemes(bolt: BoltTarget, scheme: str) -> None:
    uri = bolt.uri.replace("bolt://", scheme, 1) if bolt.server is not None else bolt.uri
    with connect(uri, bolt.user, bolt.password) as drv:
        assert drv.execute_query("RETURN 1 AS one", database_=bolt.database).records[0]["one"] == 1


def test_min_confidence_leaves_out_weak_relations(driver: Driver, bolt: BoltTarget,
                                                  seed_graph: nx.MultiDiGraph[str]) -> None:
    wipe(driver, bolt.database)
    report = push_graph(seed_graph, driver, database=bolt.database, min_confidence=0.8)
    strong = sum(1 for _, _, d in seed_graph.edges(data=True) if d["confidence"] >= 0.8)
    assert 0 < report.relationships == strong < seed_graph.number_of_edges()


def test_chained_statement_goes_on_past_empty_and_unmatched_parts(driver: Driver, bolt: BoltTarget) -> None:
    wipe(driver, bolt.database)
    driver.execute_query("UNWIND ['a', 'b'] AS key CREATE (:Entity {key: key})", database_=bolt.database)
    rows = [[{"source": "a", "target": "b", "predicate": "one"}], [],
            [{"source": "a", "target": "nobody", "predicate": "lost"}],
            [{"source": "b", "target": "a", "predicate": "four"}]]
    query = relationships_query(["ONE", "TWO", "THREE", "FOUR"])
    driver.execute_query(query, {f"r{i}": part for i, part in enumerate(rows)}, database_=bolt.database)
    records = driver.execute_query("MATCH (s)-[r]->(t) RETURN s.key AS s, type(r) AS type, t.key AS t ORDER BY type",
                                   database_=bolt.database).records
    assert [(r["s"], r["type"], r["t"]) for r in records] == [("b", "FOUR", "a"), ("a", "ONE", "b")]


def test_many_relation_types_all_arrive(driver: Driver, bolt: BoltTarget) -> None:
    wipe(driver, bolt.database)
    relations = [f"verb{i}" for i in range(2 * TYPES_PER_STATEMENT + 3)]
    graph = build_graph([_triple("Ann", rel, "Rome", "art", i) for i, rel in enumerate(relations)])
    report = push_graph(graph, driver, database=bolt.database, batch_size=7)
    assert report.relationships == len(relations)
    records = driver.execute_query(
        "MATCH (:Entity {key: 'ann'})-[r]->(:Entity {key: 'rome'}) RETURN type(r) AS type, r.weight AS weight",
        database_=bolt.database).records
    assert sorted((r["type"], r["weight"]) for r in records) == sorted((rel.upper(), 1) for rel in relations)
