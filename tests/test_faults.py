"""Faults: a build killed at any moment leaves whole files, and the next run finishes the job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import DATA, SEEDS

OUTPUTS = ("triples.jsonl", "articles.jsonl", "errors.jsonl", "graph.json", "graph.graphml", "graph.gexf",
           "nodes.csv", "relationships.csv", "manifest.json")


def _articles(path: Path, copies: int) -> Path:
    rows = [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for row in rows:
                out.write(json.dumps({"id": f"{row['id']}-{copy}", "text": row["text"]}) + "\n")
    return path


def _build(inputs: Path, out: Path, cache: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "build", str(inputs), "-o", str(out), "-q", "--no-explorer",
         "--workers", "1", "--cache-dir", str(cache), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _whole(path: Path) -> None:
    """Fail unless ``path`` is a complete file of its kind."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        for line in text.splitlines():
            json.loads(line)
    elif path.suffix == ".json":
        json.loads(text)
    elif path.suffix in (".graphml", ".gexf"):
        ET.fromstring(text)
    else:
        assert text == "" or text.endswith("\n")


def _comparable(out: Path) -> dict[str, str]:
    files = {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS if name != "manifest.json"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files["manifest.json"] = json.dumps({k: v for k, v in manifest.items() if k not in ("seconds", "started_at")})
    return files


def test_a_killed_build_leaves_whole_files_and_a_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    inputs = _articles(tmp_path / "in.jsonl", copies=4)
    clean = _build(inputs, tmp_path / "clean", tmp_path / "clean-cache", "--no-cache")
    assert clean.wait(timeout=600) == 0, clean.stderr.read() if clean.stderr else ""

    new = _comparable(tmp_path / "clean")

    out, cache = tmp_path / "out", tmp_path / "cache"
    assert _build(SEEDS, out, cache).wait(timeout=600) == 0
    old = _comparable(out)
    killed = 0
    for delay in (1.0, 3.0, 5.0, 7.0):  # while starting, while extracting, and later on
        victim = _build(inputs, out, cache)
        time.sleep(delay)
        if victim.poll() is None:
            os.killpg(victim.pid, signal.SIGKILL)
            killed += 1
        victim.wait(timeout=60)
        now = _comparable(out)
        for name in OUTPUTS:
            _whole(out / name)
            assert now[name] in (old[name], new[name]), f"{name} is neither the old nor the new file"
    assert killed >= 2
    rerun = _build(inputs, out, cache)
    assert rerun.wait(timeout=600) == 0
    assert _comparable(out) == new
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # stale temporaries cleared
