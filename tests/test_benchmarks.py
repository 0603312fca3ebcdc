"""The CaRB harness writes CaRB's tabbed format and the scorer reads it back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks import carb

CARB = Path(carb.__file__).resolve().parent / "carb"


def test_carb_on_a_slice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentences = (CARB / "data" / "dev.txt").read_text(encoding="utf-8").splitlines()[:40]
    (tmp_path / "s.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    keep = set(sentences)
    gold = [line for line in (CARB / "data" / "gold" / "dev.tsv").read_text(encoding="utf-8").splitlines()
            if line.split("\t", 1)[0] in keep]
    (tmp_path / "gold.tsv").write_text("\n".join(gold) + "\n", encoding="utf-8")
    assert carb.main([str(tmp_path / "s.txt"), "-o", str(tmp_path / "sys.tsv"), "--gold",
                      str(tmp_path / "gold.tsv")]) == 0
    rows = [line.split("\t") for line in (tmp_path / "sys.tsv").read_text(encoding="utf-8").splitlines()]
    assert rows
    assert all(len(r) >= 5 and r[0] in keep and 0 < float(r[1]) <= 1 for r in rows)
    found = re.search(r"CaRB: F1=([\d.]+) P=([\d.]+) R=([\d.]+) AUC=([\d.]+)", capsys.readouterr().out)
    assert found is not None
    assert float(found.group(1)) > 0.35  # the whole dev split scores 0.55; a 40-sentence slice varies


def test_overhead_benchmark_prints_a_ratio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import overhead

    articles = Path(__file__).resolve().parent / "data" / "articles.jsonl"
    assert overhead.main(["--corpus", str(articles), "--limit", "3", "--rounds", "1", "--workers", "1,2",
                          "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"overhead, 1 process\(es\): .* ratio \d\.\d{3} \(target >= 0\.9", out)
    assert re.search(r"cores: graphbuild --workers 2 vs --workers 1: \d+\.\d\dx", out)


ARTICLES = Path(__file__).resolve().parent / "data" / "articles.jsonl"


def test_incremental_benchmark_extracts_only_the_new_articles(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import incremental

    assert incremental.main(["--corpus", str(ARTICLES), "--new", "2", "--workers", "1", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "up to date, nothing extracted" in out
    assert "2 extracted, 4 from the cache (met" in out
    assert re.search(r"\d+\.\dx faster \(target >= 20", out)


def test_memory_benchmark_prints_the_ratio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import memory

    assert memory.main(["--corpus", str(ARTICLES), "--times", "2", "--workers", "1", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for measure in ("peak PSS", "summed RSS"):
        found = re.search(measure + r" x2 / x1 = (\d\.\d{3})", out)
        assert found is not None, out
        assert 0.8 < float(found.group(1)) < 1.5


def test_graph_benchmark_prints_time_and_memory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import graph

    assert graph.main(["--corpus", str(ARTICLES), "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"graph build: [\d.]+ s, peak \d+ MiB", out)


@pytest.mark.parametrize("name", ["overhead", "incremental", "memory", "graph", "push", "build", "long", "cached",
                                  "explorer"])
def test_every_benchmark_skips_without_the_corpus(name: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import importlib

    module = importlib.import_module(f"benchmarks.{name}")
    assert module.main(["--corpus", str(tmp_path / "none.jsonl"), "--work", str(tmp_path)]) == 0
    assert "skipped: corpus" in capsys.readouterr().out


def test_startup_benchmark_times_each_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import startup

    assert startup.main(["--rounds", "1", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for command in ("--help", "--version", "build --help"):
        assert re.search(rf"^{re.escape(command)}: \d\.\d{{3}} s .* \(target <= 0\.3: (met|NOT met)\)", out, re.M), out


needs_vis = pytest.mark.skipif(not (Path(__file__).resolve().parents[1] / ".cache" / "explorer").exists(),
                               reason="vis-network not installed (make install)")


@needs_vis
def test_cached_benchmark_serves_every_article_from_the_cache(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import cached

    assert cached.main(["--corpus", str(ARTICLES), "--limit", "3", "--rounds", "1", "--workers", "1",
                        "--work", str(tmp_path)]) == 0
    assert re.search(r"from the cache [\d.]+-[\d.]+ s; [\d.]+x faster \(target >= 10", capsys.readouterr().out)
    assert (tmp_path / "cached-out-cached" / "explorer.html").exists()


@needs_vis
def test_explorer_benchmark_checks_the_page_is_the_same_every_round(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import explorer

    assert explorer.main(["--corpus", str(ARTICLES), "--rounds", "2", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "same bytes every round: yes" in out
    assert re.search(r"former layout alone \(NetworkX spring, 60 iterations\): [\d.]+ s", out)
