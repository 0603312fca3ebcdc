"""Run extraction over a stream of articles: read → parse → extract → resolve, in input order.

The public functions here are the library twins of ``graphbuild extract``:
:func:`extract_articles` (results and bad records), :func:`extract_triples` (triples only) and
:func:`extract_to_file` / :func:`extract_open_to_file` (JSON Lines). :mod:`graphbuild.building`
goes on from here to the graph and its files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graphbuild.aliases import AliasTable
from graphbuild.cache import ExtractionCache, config_id
from graphbuild.errors import ExecutorError
from graphbuild.executors.base import CHUNK_CHARS, Executor, chunks
from graphbuild.executors.batch import ExtractionJob
from graphbuild.executors.dask import DaskExecutor
from graphbuild.executors.local import LocalExecutor
from graphbuild.executors.stream import PARTITION_SIZE, ResultStream, error_text
from graphbuild.extraction.extractor import Extractor
from graphbuild.extraction.nlp import DEFAULT_MODEL, check_model, load_model
from graphbuild.io import (
    JSONL_SUFFIXES,
    STDIN,
    iter_input_files,
    read_articles,
    record_error_to_dict,
    write_jsonl,
)
from graphbuild.model import Article, ArticleResult, RecordError, Triple
from graphbuild.records import triple_to_row

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "BuildReport",
    "SkipTally",
    "Skipped",
    "count_records",
    "error_text",
    "extract_articles",
    "extract_open_to_file",
    "extract_to_file",
    "extract_triples",
    "records",
]

log = logging.getLogger(__name__)

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
        chunk_chars: longer articles are parsed in pieces of at most this many characters, spread
            over the workers like articles of their own.
        strict: raise :class:`StrictModeError` at the first bad record instead of yielding it.
        progress: called with 1 after each record (article or error).

    Yields:
        An :class:`ArticleResult` per article and a :class:`RecordError` per bad record, in input order.

    Raises:
        InputError: a path does not exist. StrictModeError: a bad record with ``strict=True``.
        ModelError: the model is not installed. ExecutorError: workers or the cluster failed.
    """
    extractor = extractor if extractor is not None else Extractor()
    if nlp is None and not (executor == "local" and workers <= 1):
        check_model(model)
    job = ExtractionJob(model=model, extractor=extractor, batch_size=batch_size, chunk_chars=chunk_chars)
    stream = ResultStream(
        start=lambda: _make_executor(job, executor, workers, scheduler, nlp), cache=cache,
        config=config_id(model, extractor) if cache is not None else "",
        aliases=aliases if aliases is not None else AliasTable(), strict=strict, progress=progress,
        partition_size=partition_size, chunk_chars=chunk_chars)
    return stream.run(records(list(inputs)))


def extract_triples(inputs: Iterable[str | Path | Article], **options: Any) -> Iterator[Triple]:
    """Yield only the triples of :func:`extract_articles` (bad records are logged and skipped)."""
    for item in extract_articles(inputs, **options):
        if isinstance(item, RecordError):
            log.warning("%s", error_text(item))
        else:
            yield from item.triples


@dataclass(frozen=True, slots=True)
class Skipped:
    """Skipped records of one kind: how many, and where the first one was (``file:line``)."""

    kind: str
    count: int
    first: str


class SkipTally:
    """Skipped records counted by kind as they go by, the first place of each kept."""

    def __init__(self) -> None:
        self._kinds: dict[str, Skipped] = {}

    def add(self, error: RecordError) -> None:
        seen = self._kinds.get(error.kind)
        where = f"{error.source}:{error.line}" if error.line else error.source
        self._kinds[error.kind] = Skipped(error.kind, seen.count + 1 if seen else 1, seen.first if seen else where)

    def summary(self) -> tuple[Skipped, ...]:
        """The kinds, most frequent first."""
        return tuple(sorted(self._kinds.values(), key=lambda s: (-s.count, s.kind)))


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
    #: the skipped records by kind, most frequent first
    skipped: tuple[Skipped, ...] = ()


def _write_rows(output: str | Path, rows: Iterator[dict[str, Any]], errors_path: str | Path | None,
                errors: list[RecordError], counts: dict[str, int]) -> BuildReport:
    """Stream ``rows`` to ``output``, then the collected errors, and report the counts."""
    write_jsonl(output, rows)
    files: list[Path] = [] if str(output) == STDIN else [Path(output)]
    if errors_path is not None:
        write_jsonl(errors_path, (record_error_to_dict(e) for e in errors))
        files.append(Path(errors_path))
    return BuildReport(inputs=counts["articles"] + counts["errors"], articles=counts["articles"],
                       errors=counts["errors"], triples=counts["triples"], files=tuple(files),
                       skipped=_tally(errors))


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
    from graphbuild.extraction.openie import open_triples

    nlp = nlp if nlp is not None else load_model(model)
    limit = min(CHUNK_CHARS, nlp.max_length)
    counts = {"articles": 0, "errors": 0, "triples": 0}
    errors: list[RecordError] = []

    def texts() -> Iterator[tuple[str, tuple[str, int]]]:
        for record in read_articles(list(inputs)):
            if isinstance(record, RecordError):
                counts["errors"] += 1
                errors.append(record)
                log.warning("%s", error_text(record))
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


def _tally(errors: Iterable[RecordError]) -> tuple[Skipped, ...]:
    tally = SkipTally()
    for error in errors:
        tally.add(error)
    return tally.summary()


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
    errors: list[RecordError] = []

    def rows() -> Iterator[dict[str, Any]]:
        for item in extract_articles(inputs, **options):
            if isinstance(item, RecordError):
                counts["errors"] += 1
                errors.append(item)
                log.warning("%s", error_text(item))
                continue
            counts["articles"] += 1
            for triple in item.triples:
                counts["triples"] += 1
                yield triple_to_row(triple)

    return _write_rows(output, rows(), errors_path, errors, counts)


def records(items: list[str | Path | Article]) -> Iterator[Article | RecordError]:
    paths = [i for i in items if not isinstance(i, Article)]
    if paths:
        yield from read_articles(paths)
    yield from (i for i in items if isinstance(i, Article))
