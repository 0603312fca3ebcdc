"""Graph building: merging, weights, evidence, flags and determinism."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import networkx as nx

from graphbuild.graph import build_graph, classify_graph, graph_summary
from graphbuild.model import Article, ArticleEntity, ArticleResult, Entity, EntityType, Evidence, Triple
from graphbuild.schema import load_schema

A = Entity(key="alpha", name="Alpha", type=EntityType.PERSON, aliases=frozenset({"Alpha", "Mr Alpha"}))
B = Entity(key="beta", name="Beta", type=EntityType.ORG, aliases=frozenset({"Beta"}))


def _triple(article: str, start: int, *, negated: bool = False, date: str | None = None) -> Triple:
    ev = Evidence(article_id=article, sentence=f"sentence {start}", start=start, end=start + 10, date=date)
    return Triple(subject=A, relation="meet", object=B, evidence=ev, negated=negated)


def _result(article: str, *triples: Triple) -> ArticleResult:
    return ArticleResult(article=Article(id=article, text="x", date=triples[0].evidence.date if triples else None),
                         entities=(ArticleEntity(entity=A, mentions=2), ArticleEntity(entity=B, mentions=1)),
                         triples=triples)


def test_one_edge_per_subject_relation_object() -> None:
    graph = build_graph([
        _result("a1", _triple("a1", 0, date="2022-01-02"), _triple("a1", 20, negated=True, date="2022-01-02")),
        _result("a2", _triple("a2", 0, date="2022-01-01")),
    ])
    assert graph.number_of_edges() == 1
    data = graph.get_edge_data("alpha", "beta")["meet"]
    assert data["weight"] == 3
    assert data["articles"] == ["a1", "a2"]
    assert (data["first_seen"], data["last_seen"]) == ("2022-01-01", "2022-01-02")
    assert data["negated"] is False
    assert data["negated_count"] == 1
    node = graph.nodes["alpha"]
    assert (node["name"], node["type"], node["mentions"], node["articles"]) == ("Alpha", "PERSON", 4, ["a1", "a2"])
    assert node["aliases"] == ["Alpha", "Mr Alpha"]


def test_same_evidence_twice_counts_once() -> None:
    graph = build_graph([_triple("a1", 0), _triple("a1", 0)])
    assert graph.get_edge_data("alpha", "beta")["meet"]["weight"] == 1


def test_order_does_not_matter() -> None:
    items = [_result("a2", _triple("a2", 0)), _result("a1", _triple("a1", 5), _triple("a1", 0))]
    one, two = build_graph(items), build_graph(list(reversed(items)))
    assert nx.utils.graphs_equal(one, two)
    assert list(one.nodes) == list(two.nodes)
    assert one.get_edge_data("alpha", "beta") == two.get_edge_data("alpha", "beta")


def test_summary() -> None:
    summary = graph_summary(build_graph([_result("a1", _triple("a1", 0))]))
    assert (summary["nodes"], summary["edges"], summary["articles"]) == (2, 1, 1)
    assert summary["top_relations"] == [{"relation": "meet", "weight": 1}]
    assert {a["name"] for a in summary["top_actors"]} == {"Alpha", "Beta"}


def test_summary_ranks_ties_by_mentions_like_the_cypher_query() -> None:
    graph = build_graph([_result("a1", _triple("a1", 0))])
    graph.nodes["beta"]["mentions"] = graph.nodes["alpha"]["mentions"] + 5
    assert [a["name"] for a in graph_summary(graph)["top_actors"]] == ["Beta", "Alpha"]


def _person(name: str) -> Entity:
    return Entity(key=name.lower(), name=name, type=EntityType.PERSON, aliases=frozenset({name}))


def _says(subject: Entity, obj: Entity, article: str) -> Triple:
    return Triple(subject=subject, relation="criticise", object=obj,
                  evidence=Evidence(article_id=article, sentence=f"{article} s", start=0, end=5))


def test_surname_merges_across_articles_only_when_unambiguous() -> None:
    blair, tony, cherie, brown = _person("Blair"), _person("Tony Blair"), _person("Cherie Blair"), _person("Brown")
    gordon = _person("Gordon Brown")
    graph = build_graph([_says(tony, B, "a1"), _says(gordon, B, "a2"), _says(brown, B, "a3"), _says(blair, B, "a4"),
                         _says(cherie, B, "a5")])
    assert "brown" not in graph  # one Brown: merged into Gordon Brown
    assert graph.get_edge_data("gordon brown", "beta")["criticise"]["weight"] == 2
    assert "Brown" in graph.nodes["gordon brown"]["aliases"]
    assert "blair" in graph  # two Blairs: left apart


def test_edges_carry_the_class_of_most_of_their_triples_and_its_tone() -> None:
    classed = [dataclasses.replace(_triple("a1", i), relation_class=c, tone=t)
               for i, (c, t) in enumerate([("ACCUSE", "conflict"), ("ACCUSE", "conflict"), ("CONSULT", "cooperation")])]
    data = build_graph(classed).get_edge_data("alpha", "beta")["meet"]
    assert (data["class"], data["tone"]) == ("ACCUSE", "conflict")
    # triples without a class (made by hand, read from an old file) are classed by the bundled schema
    data = build_graph([_triple("a1", 0)]).get_edge_data("alpha", "beta")["meet"]
    assert (data["class"], data["tone"]) == ("CONSULT", "cooperation")


def test_classify_graph_uses_another_schema_and_records_it(tmp_path: Path) -> None:
    path = tmp_path / "schema.yaml"
    path.write_text("default: OTHER\nclasses:\n  ENCOUNTER: {tone: neutral, words: [meet]}\n  OTHER: {}\n")
    schema = load_schema(path)
    graph = classify_graph(build_graph([_triple("a1", 0)]), schema)
    assert graph.get_edge_data("alpha", "beta")["meet"]["class"] == "ENCOUNTER"
    assert (graph.graph["schema"], graph.graph["classes"]) == (schema.fingerprint(), {"ENCOUNTER": "neutral",
                                                                                      "OTHER": "neutral"})


def test_summary_counts_classes_and_ranks_conflictual_and_cooperative_pairs() -> None:
    gamma = Entity(key="gamma", name="Gamma", type=EntityType.GPE, aliases=frozenset({"Gamma"}))

    def classed(subject: Entity, obj: Entity, relation: str, start: int) -> Triple:
        return Triple(subject=subject, relation=relation, object=obj,
                      evidence=Evidence(article_id="a", sentence=f"s{start}", start=start, end=start + 1))

    graph = build_graph([classed(A, B, "criticise", 0), classed(B, A, "accuse", 1), classed(A, gamma, "meet", 2),
                         classed(gamma, A, "threaten", 3), classed(A, B, "meet", 4)])
    summary = graph_summary(graph)
    assert [(r["class"], r["tone"], r["edges"], r["weight"]) for r in summary["classes"]] == [
        ("ACCUSE", "conflict", 2, 2), ("CONSULT", "cooperation", 2, 2), ("THREATEN", "conflict", 1, 1)]
    assert summary["conflict_pairs"] == [{"a": "Alpha", "b": "Beta", "weight": 2},
                                         {"a": "Alpha", "b": "Gamma", "weight": 1}]
    assert [(p["a"], p["b"]) for p in summary["cooperation_pairs"]] == [("Alpha", "Beta"), ("Alpha", "Gamma")]
