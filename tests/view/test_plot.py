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


def test_plot_unknown_actor(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no actor named"):
        plot_ego(_graph(), "Nobody", tmp_path / "x.png")
