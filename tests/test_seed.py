"""Acceptance: the seed article gives the graph the product promises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from spacy.language import Language

from graphbuild import build


@pytest.fixture(scope="module")
def seed_graph(nlp: Language, seed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph[str]:
    report = build([seed_dir], tmp_path_factory.mktemp("seed"), nlp=nlp)
    assert report.graph is not None
    return report.graph


def _edge_relations(graph: nx.MultiDiGraph[str], subject: str, obj: str) -> set[str]:
    if not graph.has_node(subject) or not graph.has_node(obj):
        return set()
    return {str(key) for key in graph.get_edge_data(subject, obj, default={})}


def test_wallace_travels_to_moscow(seed_graph: nx.MultiDiGraph[str]) -> None:
    assert _edge_relations(seed_graph, "ben wallace", "moscow") & {"travel_to", "head_for"}


def test_wallace_speaks_with_shoigu(seed_graph: nx.MultiDiGraph[str]) -> None:
    assert "speak_with" in _edge_relations(seed_graph, "ben wallace", "sergei shoigu")


def test_shoigu_is_russias_defence_minister(seed_graph: nx.MultiDiGraph[str]) -> None:
    assert "defence_minister_of" in _edge_relations(seed_graph, "sergei shoigu", "russia")


def test_wallace_is_one_node(seed_graph: nx.MultiDiGraph[str]) -> None:
    wallace = seed_graph.nodes["ben wallace"]
    assert {"Ben Wallace", "Wallace", "Mr Wallace"} <= set(wallace["aliases"])
    names = {data["name"] for _, data in seed_graph.nodes(data=True)}
    assert not names & {"Wallace", "Mr Wallace"}, "a partial name became its own node"


def test_resolved_he_is_wallace(seed_graph: nx.MultiDiGraph[str]) -> None:
    # "... he told the BBC that the prospect of a Russian invasion looks increasingly likely":
    # the only subject of that sentence is "he", so the edge exists only if "he" resolved to Wallace
    told: dict[Any, dict[str, Any]] = seed_graph.get_edge_data("ben wallace", "bbc", default={})
    assert "speak_to" in told
    sentences = [e["sentence"] for e in told["speak_to"]["evidence"]]
    assert any(s.startswith("Before making the trip east, he told the BBC") for s in sentences)


def test_every_edge_is_traceable(seed_graph: nx.MultiDiGraph[str], seed_dir: Path) -> None:
    (row,) = [json.loads(line) for line in (seed_dir / "uk-defence-secretary-2022-01.jsonl").open(encoding="utf-8")]
    text = row["text"]
    for _, _, data in seed_graph.edges(data=True):
        for ev in data["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["sentence"]
