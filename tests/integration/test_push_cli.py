"""`graphbuild push`, `build --push` and `sandbox` from the command line, against a real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from graphbuild.cli import app
from tests.integration.conftest import BoltTarget, counts, wipe

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def _env(bolt: BoltTarget, password: str | None = None) -> dict[str, str]:
    return {"NEO4J_URI": bolt.uri, "NEO4J_USER": bolt.user, "NEO4J_DATABASE": bolt.database,
            "NEO4J_PASSWORD": password if password is not None else bolt.password}


def test_build_push_then_push_again(driver: Driver, bolt: BoltTarget, tmp_path: Path) -> None:
    wipe(driver, bolt.database)
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "--push"], env=_env(bolt))
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output
    first = counts(driver, bolt.database)
    assert first[0] > 20
    again = runner.invoke(app, ["push", str(out), "--batch-size", "5"], env=_env(bolt))
    assert again.exit_code == 0, again.output
    assert counts(driver, bolt.database) == first
    assert bolt.password not in result.output + again.output


def test_push_refuses_a_first_model_database_until_told_to_migrate(driver: Driver, bolt: BoltTarget,
                                                                   tmp_path: Path) -> None:
    wipe(driver, bolt.database)
    driver.execute_query("CREATE (:Entity {key: 'ben wallace', name: 'Ben Wallace'})-[:TRAVEL_TO "
                         "{predicate: 'travel_to', weight: 1}]->(:Entity {key: 'moscow', name: 'Moscow'})",
                         database_=bolt.database)
    out = tmp_path / "out"
    CliRunner().invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "-q"], catch_exceptions=False)
    refused = CliRunner().invoke(app, ["push", str(out)], env={**_env(bolt), "COLUMNS": "300"})
    assert refused.exit_code == 1
    assert "first data model" in refused.output
    assert "--migrate" in refused.output
    migrated = CliRunner().invoke(app, ["push", str(out), "--migrate"], env=_env(bolt))
    assert migrated.exit_code == 0, migrated.output
    records = driver.execute_query(
        "MATCH (:Entity {key: 'ben wallace'})-[r]->(:Entity {key: 'moscow'}) RETURN type(r) AS t, r.predicate AS p",
        database_=bolt.database).records
    assert [(r["t"], r["p"]) for r in records] == [("CONSULT", "travel_to")]


def test_wrong_password_is_one_line_and_never_shown(bolt: BoltTarget, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    secret = "Sup3r-Secret-Pa55word"
    out = tmp_path / "out"
    caplog.set_level("DEBUG")
    built = CliRunner().invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "--push"], env=_env(bolt, secret))
    result = CliRunner().invoke(app, ["push", str(out)], env=_env(bolt, secret))
    assert result.exit_code != 0
    assert built.exit_code != 0
    assert "Traceback" not in result.output
    assert bolt.uri in result.output or "credentials" in result.output
    # not on the screen, in the logs, in an exception, or in any file the runs wrote
    assert secret not in result.output + built.output + caplog.text
    assert secret not in repr(result.exception) + repr(built.exception)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


def test_unreachable_uri(tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "-q"])
    result = CliRunner().invoke(app, ["push", str(out), "--uri", "bolt://127.0.0.1:1"],
                                env={"NEO4J_PASSWORD": "pw-not-shown"})
    assert result.exit_code == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in result.output
    assert "pw-not-shown" not in result.output
    assert "pushing" not in result.output  # the progress line is cleared before the error, not left below it


def test_sandbox_runs_curated_queries_with_given_and_default_parameters(tmp_path: Path, bolt: BoltTarget,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if bolt.server is None:
        pytest.skip("the sandbox starts the bundled server; not tested against an external NEO4J_URI")
    out = tmp_path / "out"
    CliRunner().invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "-q"])
    monkeypatch.chdir(tmp_path)  # the curated queries ship in the package: no checkout needed
    result = CliRunner().invoke(app, ["sandbox", "out", "--query", "roles", "--query", "articles_about",
                                      "--query", "acted_on", "--param", "actor=Mr Wallace"],
                                catch_exceptions=False, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "defence_minister_of" in result.output
    assert 'with actor="Mr Wallace"; 1 rows' in result.output
    assert "acted_on: Who acted on one actor" in result.output
    assert "local Bolt server stopped" in result.output
    unknown = CliRunner().invoke(app, ["sandbox", "out", "--query", "roles", "--param", "actor=Mr Wallace"])
    assert unknown.exit_code == 2
    assert "no query here takes actor" in unknown.output
