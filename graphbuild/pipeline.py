"""Run the stages end to end: read → parse → extract → resolve → graph → files.

The public functions here are the library twins of the CLI commands:
:func:`extract_articles` / :func:`extract_triples` (``graphbuild extract``), :func:`build`
(``graphbuild build``) and :func:`export_triples` (``graphbuild export``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from spacy.language import Language

from graphbuild._version import __version__
from graphbuild.errors import InputError, StrictModeError
from graphbuild.export import FORMATS, export_graph
from graphbuild.extract import EXTRACTOR_VERSION, Extractor
from graphbuild.graph import GraphBuilder
from graphbuild.io import (
    JSONL_SUFFIXES,
    STDIN,
    atomic_write,
    dumps,
    iter_input_files,
    read_articles,
    read_jsonl,
    record_error_to_dict,
    write_jsonl,
)
from graphbuild.model import Article, ArticleEntity, ArticleResult, RecordError, Triple
from graphbuild.nlp import DEFAULT_MODEL, load_model, model_version, package_version
from graphbuild.records import article_to_row, row_to_article_entities, row_to_triple, triple_to_row
from graphbuild.resolve import AliasTable, resolve

__all__ = [
    "BuildReport",
    "build",
    "count_records",
    "export_triples",
    "extract_articles",
    "extract_open_to_file",
    "extract_to_file",
    "extract_triples",
]

log = logging.getLogger(__name__)

#: Largest piece of text parsed at once; longer articles are parsed in chunks.
CHUNK_CHARS = 100_000
Progress = Callable[[int], None]


def count_records(inputs: Iterable[str | Path]) -> int | None:
    """Count the records the inputs hold (files and non-blank JSON lines), or None for stdin."""
    total = 0
    for item in iter_input_files(inputs):
        if item == STDIN:
            return None
        path = Path(item)
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Split ``text`` into pieces of at most ``limit`` characters at line or sentence ends."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), window.rfind(". ") + 1)
        if cut <= limit // 2:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def _merge_chunks(article: Article, parts: list[ArticleResult]) -> ArticleResult:
    if len(parts) == 1:
        return parts[0]
    entities: dict[str, ArticleEntity] = {}
    for part in parts:
        for item in part.entities:
            prev = entities.get(item.entity.key)
            if prev is None:
                entities[item.entity.key] = item
            else:
                entities[item.entity.key] = ArticleEntity(entity=prev.entity, mentions=prev.mentions + item.mentions)
    triples = tuple(t for part in parts for t in part.triples)
    return ArticleResult(article=article, entities=tuple(entities[k] for k in sorted(entities)), triples=triples)


def extract_articles(
    inputs: Iterable[str | Path | Article],
    *,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    extractor: Extractor | None = None,
    aliases: AliasTable | None = None,
    batch_size: int = 32,
    workers: int = 1,
    strict: bool = False,
    progress: Progress | None = None,
) -> Iterator[ArticleResult | RecordError]:
    """Extract actors and triples from articles, streaming one result per input record.

    Args:
        inputs: paths (``.txt``, ``.jsonl``, directories, ``-``) or :class:`Article` values.
        nlp: a loaded spaCy pipeline; loaded from ``model`` when omitted.
        model: the spaCy model to load when ``nlp`` is omitted.
        extractor: the rule set (default :class:`Extractor` with the bundled gazetteer).
        aliases: a user alias table for cross-article resolution.
        batch_size: texts per spaCy batch.
        workers: spaCy processes (``nlp.pipe(n_process=...)``).
        strict: raise :class:`StrictModeError` at the first bad record instead of yielding it.
        progress: called with 1 after each record (article or error).

    Yields:
        An :class:`ArticleResult` per article and a :class:`RecordError` per bad record, in input order.

    Raises:
        InputError: a path does not exist. StrictModeError: a bad record with ``strict=True``.
        ModelError: the model is not installed.
    """
    nlp = nlp if nlp is not None else load_model(model)
    extractor = extractor if extractor is not None else Extractor()
    aliases = aliases if aliases is not None else AliasTable()
    limit = min(CHUNK_CHARS, nlp.max_length)
    pending: dict[int, tuple[Article, int, list[ArticleResult]]] = {}
    queue: list[tuple[int, RecordError | None]] = []

    items = list(inputs)

    def records() -> Iterator[Article | RecordError]:
        paths = [i for i in items if not isinstance(i, Article)]
        if paths:
            yield from read_articles(paths)
        yield from (i for i in items if isinstance(i, Article))

    def texts() -> Iterator[tuple[str, tuple[int, int]]]:
        for index, record in enumerate(records()):
            if isinstance(record, RecordError):
                if strict:
                    raise StrictModeError(_error_text(record))
                queue.append((index, record))
                continue
            chunks = list(_chunks(record.text, limit))
            pending[index] = (record, len(chunks), [])
            queue.append((index, None))
            for offset, chunk in chunks:
                yield chunk, (index, offset)

    docs = nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=max(1, workers))

    def drain(upto: int | None) -> Iterator[ArticleResult | RecordError]:
        while queue and (upto is None or queue[0][0] <= upto):
            index, error = queue[0]
            if error is not None:
                queue.pop(0)
                if progress:
                    progress(1)
                yield error
                continue
            article, expected, parts = pending[index]
            if len(parts) < expected:
                return
            queue.pop(0)
            del pending[index]
            result = resolve(_merge_chunks(article, parts), aliases)
            if progress:
                progress(1)
            yield result

    for doc, (index, offset) in docs:
        article, _, parts = pending[index]
        parts.append(extractor.extract(doc, article, offset=offset))
        yield from drain(index)
    yield from drain(None)


def _error_text(error: RecordError) -> str:
    where = f"{error.source}:{error.line}" if error.line else error.source
    return f"{where}: {error.reason}"


def extract_triples(inputs: Iterable[str | Path | Article], **options: Any) -> Iterator[Triple]:
    """Yield only the triples of :func:`extract_articles` (bad records are logged and skipped)."""
    for item in extract_articles(inputs, **options):
        if isinstance(item, RecordError):
            log.warning("%s", _error_text(item))
        else:
            yield from item.triples


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildReport:
    """What a build or extraction did: counts, files written and the manifest."""

    inputs: int
    articles: int
    errors: int
    triples: int
    nodes: int = 0
    edges: int = 0
    files: tuple[Path, ...] = ()
    manifest: dict[str, Any] = field(default_factory=dict)
    graph: nx.MultiDiGraph[str] | None = None


def _versions() -> dict[str, str | None]:
    return {name: package_version(name) for name in ("graphbuild", "spacy", "networkx", "neo4j", "typer")}


def _write_rows(output: str | Path, rows: Iterator[dict[str, Any]], errors_path: str | Path | None,
                errors: list[dict[str, Any]], counts: dict[str, int]) -> BuildReport:
    """Stream ``rows`` to ``output``, then the collected errors, and report the counts."""
    write_jsonl(output, rows)
    files: list[Path] = [] if str(output) == STDIN else [Path(output)]
    if errors_path is not None:
        write_jsonl(errors_path, errors)
        files.append(Path(errors_path))
    return BuildReport(inputs=counts["articles"] + counts["errors"], articles=counts["articles"],
                       errors=counts["errors"], triples=counts["triples"], files=tuple(files))


def extract_open_to_file(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    workers: int = 1,
    min_confidence: float = 0.0,
    errors_path: str | Path | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Write every open subject–relation–object tuple of ``inputs`` (not only actor ones) as JSON Lines.

    Each row has ``article_id``, ``arg1``, ``relation``, ``arg2``, ``args`` (further arguments),
    ``confidence``, ``rule``, ``sentence``, ``start`` and ``end``.
    """
    from graphbuild.openie import open_triples

    nlp = nlp if nlp is not None else load_model(model)
    limit = min(CHUNK_CHARS, nlp.max_length)
    counts = {"articles": 0, "errors": 0, "triples": 0}
    errors: list[dict[str, Any]] = []

    def texts() -> Iterator[tuple[str, tuple[str, int]]]:
        for record in read_articles(list(inputs)):
            if isinstance(record, RecordError):
                counts["errors"] += 1
                errors.append(record_error_to_dict(record))
                log.warning("%s", _error_text(record))
                if progress:
                    progress(1)
                continue
            counts["articles"] += 1
            if progress:
                progress(1)
            for offset, chunk in _chunks(record.text, limit):
                yield chunk, (record.id, offset)

    def rows() -> Iterator[dict[str, Any]]:
        for doc, (article_id, offset) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size,
                                                  n_process=max(1, workers)):
            for t in open_triples(doc, offset=offset):
                if t.confidence < min_confidence:
                    continue
                counts["triples"] += 1
                yield {"article_id": article_id, "arg1": t.arg1, "relation": t.relation, "arg2": t.arg2,
                       "args": list(t.extra), "confidence": t.confidence, "rule": t.rule,
                       "sentence": t.sentence, "start": t.start, "end": t.end}

    return _write_rows(output, rows(), errors_path, errors, counts)


def extract_to_file(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    errors_path: str | Path | None = None,
    **options: Any,
) -> BuildReport:
    """Extract triples from ``inputs`` into a JSON Lines file (``-`` for stdout).

    Bad records go to ``errors_path`` when given (and are always counted in the report).
    """
    counts = {"articles": 0, "errors": 0, "triples": 0}
    errors: list[dict[str, Any]] = []

    def rows() -> Iterator[dict[str, Any]]:
        for item in extract_articles(inputs, **options):
            if isinstance(item, RecordError):
                counts["errors"] += 1
                errors.append(record_error_to_dict(item))
                log.warning("%s", _error_text(item))
                continue
            counts["articles"] += 1
            for triple in item.triples:
                counts["triples"] += 1
                yield triple_to_row(triple)

    return _write_rows(output, rows(), errors_path, errors, counts)


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    model: str = DEFAULT_MODEL,
    nlp: Language | None = None,
    **options: Any,
) -> BuildReport:
    """Build the actor graph of ``inputs`` and write every output file into ``out_dir``.

    Writes ``triples.jsonl``, ``articles.jsonl``, ``errors.jsonl``, the graph in each of
    ``formats`` (``graph.graphml``, ``graph.json``, ``graph.gexf``, ``nodes.csv`` +
    ``relationships.csv``) and ``manifest.json``. Every file is written atomically.

    Args:
        inputs: paths as for :func:`extract_articles`.
        out_dir: the output directory (created if missing).
        formats: the graph formats to write.
        model, nlp: the spaCy model name, or an already loaded pipeline.
        **options: passed on to :func:`extract_articles` (``aliases``, ``workers``, ``strict`` …).

    Returns:
        A :class:`BuildReport` with the counts, the files and the graph.
    """
    started = time.monotonic()
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nlp = nlp if nlp is not None else load_model(model)
    builder = GraphBuilder()
    counts = {"articles": 0, "errors": 0, "triples": 0}
    with (
        atomic_write(out / "triples.jsonl") as triples_file,
        atomic_write(out / "articles.jsonl") as articles_file,
        atomic_write(out / "errors.jsonl") as errors_file,
    ):
        for item in extract_articles(inputs, nlp=nlp, **options):
            if isinstance(item, RecordError):
                counts["errors"] += 1
                errors_file.write(dumps(record_error_to_dict(item)) + "\n")
                log.warning("%s", _error_text(item))
                continue
            counts["articles"] += 1
            counts["triples"] += len(item.triples)
            builder.add_result(item)
            articles_file.write(dumps(article_to_row(item)) + "\n")
            for triple in item.triples:
                triples_file.write(dumps(triple_to_row(triple)) + "\n")
    graph = builder.graph()
    files = [out / "triples.jsonl", out / "articles.jsonl", out / "errors.jsonl"]
    files += export_graph(graph, out, formats)
    manifest = {
        "inputs": counts["articles"] + counts["errors"],
        "articles": counts["articles"],
        "errors": counts["errors"],
        "triples": counts["triples"],
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "model": model,
        "model_version": model_version(nlp),
        "extractor_version": EXTRACTOR_VERSION,
        "versions": _versions(),
        "graphbuild": __version__,
        "started_at": when,
        "seconds": round(time.monotonic() - started, 3),
        "files": sorted(p.name for p in files),
    }
    with atomic_write(out / "manifest.json") as handle:
        json.dump(manifest, handle, indent=2)
        handle.write("\n")
    files.append(out / "manifest.json")
    return BuildReport(
        inputs=counts["articles"] + counts["errors"], articles=counts["articles"], errors=counts["errors"],
        triples=counts["triples"], nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
        files=tuple(files), manifest=manifest, graph=graph,
    )


def load_triples(path: str | Path) -> Iterator[Triple]:
    """Read a ``triples.jsonl`` file back into :class:`Triple` values.

    Raises:
        InputError: a line is not a graphbuild triple (the message names file and line).
    """
    for number, row in read_jsonl(path):
        yield row_to_triple(row, where=f"{path}:{number}: ")


def export_triples(
    triples_path: str | Path,
    out_dir: str | Path,
    *,
    articles_path: str | Path | None = None,
    formats: tuple[str, ...] = FORMATS,
) -> BuildReport:
    """Turn a triples file (and optionally its ``articles.jsonl``) into the graph formats.

    With the ``articles.jsonl`` written by :func:`build` beside it, the graph equals the one
    ``build`` made; without it, mention counts come from the triples alone.
    """
    triples_path = Path(triples_path)
    if not triples_path.exists():
        raise InputError(f"{triples_path}: no such file; give a triples.jsonl or a build directory")
    builder = GraphBuilder()
    articles = 0
    if articles_path is not None and Path(articles_path).exists():
        for _, row in read_jsonl(articles_path):
            articles += 1
            builder.add_article(
                str(row["id"]), row_to_article_entities(row),
                **{k: row.get(k) for k in ("title", "date", "url", "source")},
            )
    count = 0
    for triple in load_triples(triples_path):
        builder.add_triple(triple)
        count += 1
    graph = builder.graph()
    files = export_graph(graph, out_dir, formats)
    return BuildReport(inputs=articles, articles=articles, errors=0, triples=count,
                       nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
                       files=tuple(files), graph=graph)
