"""Ego-network pictures for reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.errors import ExportError
from graphbuild.view.plot import plot_ego
from tests.view.test_explorer import _graph


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_ego(tmp_path: Path, suffix: str) -> None:
    path = plot_ego(_graph(), "Mr A", tmp_path / f"ego{suffix}")
    assert path.stat().st_size > 1000


def test_a_hub_shows_its_strongest_neighbours_apart(tmp_path: Path) -> None:
    from graphbuild.view.plot import _positions, _rings

    graph = _graph(80)
    graph.edges["alpha", "place 7", "travel_to"]["weight"] = 5
    rings = _rings(graph, "alpha", 1, 30)
    assert len(rings[1]) == 29
    assert "place 7" in rings[1]  # the best attested neighbour is never cut
    assert rings[1] == sorted(rings[1], key=lambda n: graph.nodes[n]["name"].lower())
    points = list(_positions(rings).values())
    gaps = [((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(points) for b in points[i + 1:]]
    assert min(gaps) > 0.2
    path = plot_ego(graph, "Alpha", tmp_path / "hub.svg")
    assert "the 29 strongest of 80" in path.read_text(encoding="utf-8")


def test_plot_unknown_actor(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no actor named"):
        plot_ego(_graph(), "Nobody", tmp_path / "x.png")
