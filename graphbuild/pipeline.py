"""Run the stages end to end: read → parse → extract → resolve → graph → files.

The public functions here are the library twins of the CLI commands:
:func:`extract_articles` / :func:`extract_triples` (``graphbuild extract``), :func:`build`
(``graphbuild build``) and :func:`export_triples` (``graphbuild export``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from spacy.language import Language

from graphbuild._version import __version__
from graphbuild.cache import ExtractionCache, article_key, config_id, model_id
from graphbuild.errors import ExecutorError, InputError, StrictModeError
from graphbuild.executors import CHUNK_CHARS, DaskExecutor, Executor, ExtractionJob, Handle, LocalExecutor, chunks
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
from graphbuild.model import Article, ArticleResult, RecordError, Triple
from graphbuild.nlp import DEFAULT_MODEL, check_model, load_model, model_version, package_version
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

Progress = Callable[[int], None]
#: Articles per batch handed to a worker (a batch also closes at PARTITION_CHARS characters).
PARTITION_SIZE = 16
PARTITION_CHARS = 200_000


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


@dataclass(slots=True)
class _Batch:
    """Articles sent to a worker together, and what came back."""

    articles: list[Article] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    chars: int = 0
    handle: Handle | None = None
    results: list[ArticleResult | RecordError] | None = None


def _make_executor(job: ExtractionJob, executor: str | Executor, workers: int, scheduler: Any,
                   nlp: Language | None) -> Executor:
    if not isinstance(executor, str):
        return executor
    if executor == "local":
        return LocalExecutor(job, workers=workers, nlp=nlp)
    if executor == "dask":
        if not scheduler:
            raise ExecutorError("the Dask executor needs a scheduler address: --scheduler tcp://HOST:8786")
        return DaskExecutor(job, scheduler)
    raise ExecutorError(f"unknown executor {executor!r}; choose 'local' or 'dask'")


def extract_articles(
    inputs: Iterable[str | Path | Article],
    *,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    extractor: Extractor | None = None,
    aliases: AliasTable | None = None,
    batch_size: int = 32,
    workers: int = 1,
    executor: str | Executor = "local",
    scheduler: Any = None,
    cache: ExtractionCache | None = None,
    partition_size: int = PARTITION_SIZE,
    chunk_chars: int = CHUNK_CHARS,
    strict: bool = False,
    progress: Progress | None = None,
) -> Iterator[ArticleResult | RecordError]:
    """Extract actors and triples from articles, streaming one result per input record.

    Articles go to the executor in batches of ``partition_size``; at most a few batches per
    worker are under way at once, so memory stays bounded however long the input. Results come
    back in input order. With a ``cache``, an article already extracted with the same model and
    rules is served from it and never parsed again; new results are added to it.

    Args:
        inputs: paths (``.txt``, ``.jsonl``, directories, ``-``) or :class:`Article` values.
        nlp: a loaded spaCy pipeline, used in this process and inherited by forked worker
            processes; loaded from ``model`` on first use when omitted. Dask workers load ``model``.
        model: the spaCy model (an installed package name or a directory).
        extractor: the rule set (default :class:`Extractor` with the bundled tables).
        aliases: a user alias table for cross-article resolution.
        batch_size: texts per spaCy batch.
        workers: processes on this machine (``executor="local"``); 1 runs in this process.
        executor: ``"local"``, ``"dask"`` (needs ``scheduler``) or an :class:`Executor`.
        scheduler: the Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``.
        cache: an open :class:`ExtractionCache`, or None to extract everything.
        partition_size: articles per batch sent to a worker.
        chunk_chars: longer articles are parsed in pieces of at most this many characters.
        strict: raise :class:`StrictModeError` at the first bad record instead of yielding it.
        progress: called with 1 after each record (article or error).

    Yields:
        An :class:`ArticleResult` per article and a :class:`RecordError` per bad record, in input order.

    Raises:
        InputError: a path does not exist. StrictModeError: a bad record with ``strict=True``.
        ModelError: the model is not installed. ExecutorError: workers or the cluster failed.
    """
    extractor = extractor if extractor is not None else Extractor()
    aliases = aliases if aliases is not None else AliasTable()
    if nlp is None and not (executor == "local" and workers <= 1):
        check_model(model)
    job = ExtractionJob(model=model, extractor=extractor, batch_size=batch_size, chunk_chars=chunk_chars)
    config = config_id(model, extractor) if cache is not None else ""
    items = list(inputs)
    running: Executor | None = None
    slots: deque[tuple[ArticleResult | RecordError | None, _Batch | None, int]] = deque()
    under_way: deque[_Batch] = deque()
    batch = _Batch()
    capacity = 1

    def emit(item: ArticleResult | RecordError) -> ArticleResult | RecordError:
        if progress:
            progress(1)
        if isinstance(item, RecordError):
            if strict:
                raise StrictModeError(_error_text(item))
            return item
        return resolve(item, aliases)

    def submit(full: _Batch) -> None:
        nonlocal running, capacity
        if running is None:
            running = _make_executor(job, executor, workers, scheduler, nlp)
            capacity = running.capacity
        full.handle = running.submit(full.articles)
        under_way.append(full)

    def drain(block: bool) -> Iterator[ArticleResult | RecordError]:
        """Emit the results at the head of the queue that are ready; wait for the first one if ``block``."""
        while slots:
            ready, owner, position = slots[0]
            if owner is not None:
                if owner.results is None:
                    if owner.handle is None or not (block or owner.handle.done()):
                        return
                    owner.results = owner.handle.result()
                    under_way.remove(owner)
                    if cache is not None:
                        for key, result in zip(owner.keys, owner.results, strict=True):
                            if key is not None and isinstance(result, ArticleResult):
                                cache.put(key, config, result)
                block = False
                ready = owner.results[position]
            slots.popleft()
            assert ready is not None
            yield emit(ready)

    try:
        for record in _records(items):
            if isinstance(record, RecordError):
                slots.append((record, None, 0))
            else:
                key = cache.key(record, config) if cache is not None else None
                hit = cache.get(key) if cache is not None and key is not None else None
                if hit is not None:
                    slots.append((dataclasses.replace(hit, article=record), None, 0))
                else:
                    slots.append((None, batch, len(batch.articles)))
                    batch.articles.append(record)
                    batch.keys.append(key)
                    batch.chars += len(record.text)
                    if len(batch.articles) >= partition_size or batch.chars >= PARTITION_CHARS:
                        submit(batch)
                        batch = _Batch()
            yield from drain(False)
            limit = max(4 * capacity * partition_size, 1024)
            while len(under_way) >= capacity or (len(slots) > limit and slots[0][1] is not batch):
                yield from drain(True)
        if batch.articles:
            submit(batch)
        while slots:
            yield from drain(True)
    finally:
        if running is not None:
            running.close()


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
    up_to_date: bool = False


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
            for offset, chunk in chunks(record.text, limit):
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


def _records(items: list[str | Path | Article]) -> Iterator[Article | RecordError]:
    paths = [i for i in items if not isinstance(i, Article)]
    if paths:
        yield from read_articles(paths)
    yield from (i for i in items if isinstance(i, Article))


def _run_fingerprint(config: str, aliases: AliasTable, formats: tuple[str, ...]) -> Any:
    """Start the hash that says whether a build directory is up to date with its inputs and settings."""
    digest = hashlib.sha256()
    digest.update(json.dumps([__version__, config, sorted(formats),
                              sorted((k, v[0], str(v[1])) for k, v in aliases.entries.items())]).encode())
    return digest


def _feed(digest: Any, item: Article | RecordError, config: str) -> None:
    if isinstance(item, Article):
        digest.update(article_key(item, config).encode())
    else:
        digest.update(repr((item.source, item.line, item.reason)).encode())


def _up_to_date(out: Path, items: list[str | Path | Article], digest: Any, config: str) -> dict[str, Any] | None:
    """Return the manifest of ``out`` if it was built from the same inputs and settings, else None."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not manifest.get("fingerprint"):
        return None
    if not all((out / name).is_file() for name in manifest.get("files", [])):
        return None
    for record in _records(items):
        _feed(digest, record, config)
    return manifest if digest.hexdigest() == manifest["fingerprint"] else None


def _clear_stale_temporaries(out: Path) -> None:
    """Remove the temporary files a killed run left beside its outputs (the outputs themselves are whole)."""
    for stale in out.glob(".*.tmp"):
        if stale.is_file() and stale.name.count(".") >= 3:
            with contextlib.suppress(OSError):
                stale.unlink()


def build(
    inputs: Iterable[str | Path | Article],
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    model: str = DEFAULT_MODEL,
    nlp: Language | None = None,
    extractor: Extractor | None = None,
    aliases: AliasTable | None = None,
    cache: ExtractionCache | None = None,
    force: bool = False,
    progress: Progress | None = None,
    **options: Any,
) -> BuildReport:
    """Build the actor graph of ``inputs`` and write every output file into ``out_dir``.

    Writes ``triples.jsonl``, ``articles.jsonl``, ``errors.jsonl``, the graph in each of
    ``formats`` (``graph.graphml``, ``graph.json``, ``graph.gexf``, ``nodes.csv`` +
    ``relationships.csv``) and ``manifest.json``. Every file is written atomically.

    With a ``cache``, articles extracted before are not parsed again, and a directory already
    built from the same inputs with the same settings is left as it is (the report then has
    ``up_to_date=True`` and no graph) unless ``force``.

    Args:
        inputs: paths as for :func:`extract_articles`, or :class:`Article` values.
        out_dir: the output directory (created if missing).
        formats: the graph formats to write.
        model, nlp: the spaCy model name, or an already loaded pipeline.
        extractor, aliases: the rules and the user alias table.
        cache: an open :class:`ExtractionCache`, or None to extract everything.
        force: rebuild even when ``out_dir`` is up to date.
        progress: called with 1 after each record (and with the record count when up to date).
        **options: passed on to :func:`extract_articles` (``workers``, ``executor``, ``strict`` …).

    Returns:
        A :class:`BuildReport` with the counts, the files and the graph.
    """
    started = time.monotonic()
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out = Path(out_dir)
    extractor = extractor if extractor is not None else Extractor()
    aliases = aliases if aliases is not None else AliasTable()
    items = list(inputs)
    config = config_id(model, extractor)
    if cache is not None and not force and STDIN not in [str(i) for i in items]:
        manifest = _up_to_date(out, items, _run_fingerprint(config, aliases, formats), config)
        if manifest is not None:
            if progress:
                progress(int(manifest.get("inputs", 0)))
            return BuildReport(
                inputs=manifest["inputs"], articles=manifest["articles"], errors=manifest["errors"],
                triples=manifest["triples"], nodes=manifest["nodes"], edges=manifest["edges"],
                files=tuple(out / name for name in manifest["files"]), manifest=manifest, up_to_date=True)
    out.mkdir(parents=True, exist_ok=True)
    _clear_stale_temporaries(out)
    digest = _run_fingerprint(config, aliases, formats)
    builder = GraphBuilder()
    counts = {"articles": 0, "errors": 0, "triples": 0}
    with (
        atomic_write(out / "triples.jsonl") as triples_file,
        atomic_write(out / "articles.jsonl") as articles_file,
        atomic_write(out / "errors.jsonl") as errors_file,
    ):
        for item in extract_articles(items, nlp=nlp, model=model, extractor=extractor, aliases=aliases,
                                     cache=cache, progress=progress, **options):
            if isinstance(item, RecordError):
                _feed(digest, item, config)
                counts["errors"] += 1
                errors_file.write(dumps(record_error_to_dict(item)) + "\n")
                log.warning("%s", _error_text(item))
                continue
            _feed(digest, item.article, config)
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
        "model_version": model_version(nlp) if nlp is not None else model_id(model),
        "extractor_version": EXTRACTOR_VERSION,
        "versions": _versions(),
        "graphbuild": __version__,
        "fingerprint": digest.hexdigest(),
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
