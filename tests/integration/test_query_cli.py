"""``graphbuild query`` and ``serve`` as a user runs them: from a directory other than the checkout."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graphbuild.neo4j.localserver import local_server_available

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not local_server_available(), reason="needs arcadedb-embedded (graphbuild[local])")]

ROOT = Path(__file__).resolve().parents[2]


def graphbuild(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200", **(env or {})}, timeout=600, check=False)


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory outside the checkout holding a build of the seed (out/)."""
    where = tmp_path_factory.mktemp("elsewhere")
    built = graphbuild("build", str(ROOT / "seeds"), "-o", "out", "-q", "--no-explorer", cwd=where)
    assert built.returncode == 0, built.stderr
    return where


def test_a_curated_query_with_a_parameter_as_a_table_json_and_csv(elsewhere: Path) -> None:
    table = graphbuild("query", "out", "--name", "actor_actions", "--param", "actor=Mr Wallace", cwd=elsewhere)
    assert table.returncode == 0, table.stderr
    assert "speak_with" in table.stdout
    assert "Sergei Shoigu" in table.stdout
    assert 'actor_actions: Everything one actor did' in table.stderr
    assert 'with actor="Mr Wallace"' in table.stderr
    rows = json.loads(graphbuild("query", "out", "--name", "actor_actions", "-p", "actor=Mr Wallace", "--json", "-q",
                                 cwd=elsewhere).stdout)
    assert {"class": "CONSULT", "predicate": "speak_with", "target": "Sergei Shoigu"}.items() <= next(
        r for r in rows if r["predicate"] == "speak_with").items()
    as_csv = graphbuild("query", "out", "--name", "top_actors", "--csv", "-q", cwd=elsewhere)
    parsed = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert parsed[0]["name"] == "Russia"
    assert list(parsed[0]) == ["name", "type", "degree", "mentions"]


def test_defaults_answer_on_the_graph_and_no_rows_is_said_plainly(elsewhere: Path) -> None:
    defaults = graphbuild("query", "out", "--name", "edge_evidence", cwd=elsewhere)
    assert defaults.returncode == 0, defaults.stderr
    assert 'actor="Russia" (top), other=' in defaults.stderr
    assert "(neighbour)" in defaults.stderr
    own = graphbuild("query", "out", "MATCH (a:Entity {name: $name})-[r]->(b) RETURN b.name AS b",
                     "--param", "name=Nobody", cwd=elsewhere)
    assert own.returncode == 0, own.stderr
    assert own.stdout.strip() == "no rows"
    bad = graphbuild("query", "out", "MATCH (a RETURN a", "-q", cwd=elsewhere)
    assert bad.returncode == 2
    assert "the server refused the statement" in bad.stderr
    unknown = graphbuild("query", "out", "--name", "actor_actions", "-p", "actor=Ben Walace", cwd=elsewhere)
    assert unknown.returncode == 2
    assert "did you mean 'Ben Wallace'" in " ".join(unknown.stderr.split())


def _serve(where: Path, data_dir: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """Start ``graphbuild serve`` and read the connection details it prints."""
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", "out", "--port", "0", "--data-dir",
                                str(data_dir)], cwd=where, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"})
    assert process.stdout is not None
    details: dict[str, str] = {}
    deadline = time.monotonic() + 300
    while "database" not in details and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("URI", "user", "password", "database"):
            details[parts[0]] = parts[1]
    return process, details


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    return stderr


def _relations(details: dict[str, str]) -> list[str]:
    with GraphDatabase.driver(details["URI"], auth=(details["user"], details["password"])) as driver:
        records = driver.execute_query("MATCH (a:Entity {name: 'Ben Wallace'})-[r:CONSULT]->(b {name: 'Moscow'}) "
                                       "RETURN r.predicate AS p", database_=details["database"]).records
    return [r["p"] for r in records]


def test_serve_keeps_the_graph_up_for_any_bolt_client_until_ctrl_c(elsewhere: Path, tmp_path: Path) -> None:
    process, details = _serve(elsewhere, tmp_path / "db")
    try:
        assert set(details) == {"URI", "user", "password", "database"}, details
        assert _relations(details) == ["travel_to"]
        remote = graphbuild("query", "out", "--uri", details["URI"], "--user", details["user"], "--database",
                            details["database"], "--name", "top_actors", "--json", "-q", cwd=elsewhere,
                            env={"NEO4J_PASSWORD": details["password"]})
        assert remote.returncode == 0, remote.stderr
        assert json.loads(remote.stdout)[0]["name"] == "Russia"
        assert "stopped the local Bolt server" in _stop(process)
        again, details_again = _serve(elsewhere, tmp_path / "db")  # the data directory keeps the database
        try:
            assert details_again["password"] == details["password"]
            assert _relations(details_again) == ["travel_to"]
        finally:
            _stop(again)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
