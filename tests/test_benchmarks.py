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


def test_overhead_benchmark_prints_a_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import overhead

    gold = Path(__file__).resolve().parent / "data" / "gold-dev.jsonl"
    assert overhead.main(["--corpus", str(gold), "--limit", "3", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"ratio \d\.\d{3} \(target >= 0\.90", out)


def test_overhead_benchmark_skips_without_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import overhead

    assert overhead.main(["--corpus", str(tmp_path / "none.jsonl")]) == 0
    assert "skipped" in capsys.readouterr().out
