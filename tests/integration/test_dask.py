"""Extraction on a real Dask cluster (a LocalCluster of two worker processes) equals a local run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.executors.dask_worker import PLUGIN_PREFIX
from graphbuild.model import Article, ArticleResult
from graphbuild.pipeline import extract_articles
from tests.conftest import DATA

pytest.importorskip("distributed", reason="install graphbuild[cluster] for the Dask executor")
from distributed import Client, LocalCluster


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,  # type: ignore[no-untyped-call]
                                  silence_logs=40) as running:
        yield running


def _articles() -> list[Article]:
    rows = [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return [Article(id=r["id"], text=r["text"]) for r in rows if r["id"] != "seed-000"]


def test_dask_results_equal_a_local_run(cluster: LocalCluster, nlp: Language, seed_dir: Path) -> None:
    inputs: list[Path | Article] = [seed_dir, *_articles()]
    local = list(extract_articles(inputs, nlp=nlp, partition_size=2))
    with Client(cluster) as client:  # type: ignore[no-untyped-call]
        remote = list(extract_articles(inputs, executor="dask", scheduler=client, partition_size=2))
        loaded = client.run(lambda dask_worker: sorted(
            name for name, plugin in dask_worker.plugins.items()
            if name.startswith(PLUGIN_PREFIX) and getattr(plugin, "nlp", None) is not None))
    assert len(remote) == 6
    assert all(isinstance(r, ArticleResult) for r in remote)
    assert remote == local
    assert len(loaded) == 2  # both workers hold the model, loaded once by the plugin
    assert all(len(names) == 1 for names in loaded.values())


def test_cli_on_a_scheduler_address_writes_the_same_triples(cluster: LocalCluster, seed_dir: Path,
                                                            tmp_path: Path) -> None:
    runner = CliRunner()
    common = ["extract", str(seed_dir), str(DATA / "articles.jsonl"), "-q", "--no-cache"]
    remote = runner.invoke(app, [*common, "-o", str(tmp_path / "dask.jsonl"), "--executor", "dask",
                                 "--scheduler", cluster.scheduler_address], catch_exceptions=False)
    assert remote.exit_code == 0
    local = runner.invoke(app, [*common, "-o", str(tmp_path / "local.jsonl"), "--workers", "1"],
                          catch_exceptions=False)
    assert local.exit_code == 0
    dask_rows = (tmp_path / "dask.jsonl").read_text(encoding="utf-8")
    assert dask_rows.count("\n") > 30
    assert dask_rows == (tmp_path / "local.jsonl").read_text(encoding="utf-8")
