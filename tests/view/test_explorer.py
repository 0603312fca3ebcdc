"""The explorer's data and page (without a browser), and the ego-network picture."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.graph import build_graph
from graphbuild.model import Entity, EntityType, Evidence, Triple
from graphbuild.view.explorer import explorer_data, write_explorer

EVIL = '<script>alert("x")</script><!-- </script>'


def _graph(n: int = 3, *, name: str = "Alpha") -> nx.MultiDiGraph[str]:
    triples = []
    hub = Entity(key=name.lower(), name=name, type=EntityType.PERSON, aliases=frozenset({name, "Mr A"}))
    for i in range(n):
        other = Entity(key=f"place {i}", name=f"Place {i}", type=EntityType.GPE, aliases=frozenset({f"Place {i}"}))
        ev = Evidence(article_id=f"a{i}", sentence=f"{name} went to Place {i}.", start=0, end=10,
                      date=f"2022-01-0{i + 1}")
        triples.append(Triple(subject=hub, relation="travel_to", object=other, evidence=ev, negated=i == 0))
    return build_graph(triples)


def test_data_has_every_node_and_edge() -> None:
    data = explorer_data(_graph())
    assert len(data["nodes"]) == 4
    assert len(data["edges"]) == 3
    alpha = next(n for n in data["nodes"] if n["id"] == "alpha")
    assert alpha["aliases"] == ["Alpha", "Mr A"]
    assert {e["relation"] for e in data["edges"]} == {"travel_to"}
    assert [e["negated"] for e in data["edges"]].count(True) == 1
    assert data["edges"][0]["evidence"][0]["sentence"].startswith("Alpha went to")


def test_big_graphs_are_pruned_and_say_so() -> None:
    data = explorer_data(_graph(10), max_nodes=4)
    assert len(data["nodes"]) == 4
    assert "the 4 most connected of 11 actors with relations" in data["summary"]
    kept = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in data["edges"])


def test_page_is_self_contained_and_escapes_text(tmp_path: Path) -> None:
    page = write_explorer(_graph(name=EVIL), tmp_path / "explorer.html")
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html)
    assert "http://" not in html.split("<script>", 1)[0]
    assert "https://cdn" not in html
    assert "<script>alert" not in html  # the name is only ever inside the JSON, escaped
    payload = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert payload is not None
    names = {n["name"] for n in json.loads(payload.group(1))["nodes"]}
    assert EVIL in names


def test_actors_without_relations_are_left_out_and_counted() -> None:
    graph = _graph()
    graph.add_node("loner", key="loner", name="Loner", type="PERSON", aliases=["Loner"], mentions=3, articles=["a0"],
                   article_mentions={"a0": 3})
    data = explorer_data(graph)
    assert "loner" not in {n["id"] for n in data["nodes"]}
    assert data["summary"].endswith("; 1 actors with no relation are not drawn")
    assert data["dated"] is True


def test_layout_spreads_actors_and_is_repeatable() -> None:
    one, two = explorer_data(_graph(40)), explorer_data(_graph(40))
    assert one == two
    points = [(n["x"], n["y"]) for n in one["nodes"]]
    assert len(set(points)) == len(points)


def test_same_graph_same_page(tmp_path: Path) -> None:
    one = write_explorer(_graph(), tmp_path / "a.html").read_bytes()
    two = write_explorer(_graph(), tmp_path / "b.html").read_bytes()
    assert one == two


def test_the_library_make_installs_is_found_from_any_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graphbuild.view.explorer import find_vis_network

    installed = Path(__file__).resolve().parents[2] / ".cache" / "explorer" / "node_modules" / "vis-network"
    if not installed.exists():
        pytest.skip("vis-network is not installed in the checkout (make install)")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GRAPHBUILD_VIS_NETWORK", raising=False)
    assert find_vis_network().is_relative_to(installed)
