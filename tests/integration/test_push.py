"""Pushing to a real Bolt server: model, idempotence, increments, hostile text, errors."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver

from graphbuild.graph import build_graph, classify_graph
from graphbuild.model import Entity, EntityType, Evidence, Triple
from graphbuild.neo4j.writer import Neo4jWriteError, connect, push_graph
from graphbuild.schema import load_schema
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
        "MATCH (w:Entity:Person {key: 'ben wallace'})-[r:CONSULT {predicate: 'travel_to'}]->"
        "(m:Entity:Place {name: 'Moscow'}) "
        "RETURN r.tone AS tone, r.surface AS surface, r.weight AS weight, r.evidence AS evidence, "
        "r.dates AS dates, w.aliases AS aliases, w.mentions AS mentions", database_=bolt.database).records
    assert records
    row = records[0]
    assert (row["tone"], row["weight"], row["dates"]) == ("cooperation", 1, ["2022-01-27"])
    assert row["surface"] == "will head for"
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
        "MATCH (:Entity {key: 'alpha'})-[r:CONSULT {predicate: 'visit'}]->(:Entity {key: 'beta'}) "
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
    assert types <= {*load_schema().names, "MENTIONS"}
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


def test_relationship_types_are_the_classes(driver: Driver, bolt: BoltTarget) -> None:
    wipe(driver, bolt.database)
    relations = ["visit", "meet", "criticise", "accuse", "condemn", "invade", "praise", "mumble_at"] + [
        f"verb{i}" for i in range(40)]
    graph = build_graph([_triple("Ann", rel, "Rome", "art", i) for i, rel in enumerate(relations)])
    report = push_graph(graph, driver, database=bolt.database, batch_size=7)
    assert report.relationships == len(relations)
    records = driver.execute_query(
        "MATCH (:Entity {key: 'ann'})-[r]->(:Entity {key: 'rome'}) RETURN type(r) AS type, r.predicate AS p",
        database_=bolt.database).records
    found = {r["p"]: r["type"] for r in records}
    assert set(found) == set(relations)
    assert {found["visit"], found["meet"], found["criticise"], found["invade"], found["verb3"]} == {
        "CONSULT", "ACCUSE", "ASSAULT", "OTHER"}
    assert found["accuse"] == found["condemn"] == "ACCUSE"


def test_another_schema_moves_relationships_to_its_classes(driver: Driver, bolt: BoltTarget, tmp_path: Path) -> None:
    wipe(driver, bolt.database)
    graph = build_graph([_triple("Ann", "visit", "Rome", "a1", 0), _triple("Ann", "praise", "Rome", "a1", 9)])
    push_graph(graph, driver, database=bolt.database)
    custom = tmp_path / "schema.yaml"
    custom.write_text("default: OTHER\nclasses:\n  TRAVEL: {tone: neutral, words: [visit]}\n  OTHER: {}\n")
    push_graph(classify_graph(graph, load_schema(custom)), driver, database=bolt.database)
    records = driver.execute_query(
        "MATCH (:Entity {key: 'ann'})-[r]->(:Entity {key: 'rome'}) RETURN type(r) AS type, r.predicate AS p, "
        "r.weight AS weight, r.tone AS tone ORDER BY p", database_=bolt.database).records
    assert [(r["p"], r["type"], r["weight"], r["tone"]) for r in records] == [
        ("praise", "OTHER", 1, "neutral"), ("visit", "TRAVEL", 1, "neutral")]
    (model,) = driver.execute_query("MATCH (m:GraphbuildModel) RETURN m.version AS v, m.classes AS classes",
                                    database_=bolt.database).records
    assert (model["v"], model["classes"]) == (2, ["OTHER", "TRAVEL"])


def test_first_model_database_is_refused_then_migrated(driver: Driver, bolt: BoltTarget) -> None:
    wipe(driver, bolt.database)
    driver.execute_query("CREATE (:Entity {key: 'a', name: 'A'})-[:TRAVEL_TO {predicate: 'travel_to', weight: 1}]->"
                         "(:Entity {key: 'b', name: 'B'})", database_=bolt.database)
    graph = build_graph([_triple("A", "travel_to", "B", "a1", 0)])
    with pytest.raises(Neo4jWriteError, match=r"first data model.*--migrate.*--database"):
        push_graph(graph, driver, database=bolt.database)
    push_graph(graph, driver, database=bolt.database, migrate=True)
    records = driver.execute_query("MATCH ()-[r]->(:Entity) RETURN type(r) AS type ORDER BY type",
                                   database_=bolt.database).records
    assert [r["type"] for r in records] == ["CONSULT", "MENTIONS", "MENTIONS"]


def test_newer_model_is_refused(driver: Driver, bolt: BoltTarget) -> None:
    wipe(driver, bolt.database)
    driver.execute_query("CREATE (:GraphbuildModel {name: 'graphbuild', version: 3})", database_=bolt.database)
    with pytest.raises(Neo4jWriteError, match="newer graphbuild"):
        push_graph(build_graph([_triple("A", "visit", "B", "a1", 0)]), driver, database=bolt.database)
