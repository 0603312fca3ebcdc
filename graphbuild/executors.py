"""Where extraction runs: in this process, in worker processes here, or on a Dask cluster.

Every executor takes a batch of articles and returns, for each, its extraction result (before
alias resolution) or a :class:`RecordError` saying why it failed. All of them call the same
:func:`extract_batch` on the same batches, so the triples do not depend on where they were made.

Worker processes and Dask workers load the model once each and keep it for every batch they
run: a process pool through its initializer, a Dask worker through a worker plugin.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

from spacy.language import Language

from graphbuild.errors import ExecutorError, ModelError
from graphbuild.extract import Extractor
from graphbuild.model import Article, ArticleEntity, ArticleResult, RecordError
from graphbuild.nlp import DEFAULT_MODEL, load_model

__all__ = [
    "CHUNK_CHARS",
    "DaskExecutor",
    "ExtractionJob",
    "Handle",
    "LocalExecutor",
    "available_cores",
    "extract_batch",
]

log = logging.getLogger(__name__)

#: Largest piece of text parsed at once; longer articles are parsed in chunks.
CHUNK_CHARS = 100_000
BatchResult = list[ArticleResult | RecordError]


def available_cores() -> int:
    """Return the cores this process may run on (the default for ``workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionJob:
    """What a worker needs to extract: the model to load, the rules, and how to batch."""

    model: str = DEFAULT_MODEL
    extractor: Extractor = field(default_factory=Extractor)
    batch_size: int = 32
    chunk_chars: int = CHUNK_CHARS


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
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


def merge_chunks(article: Article, parts: Sequence[ArticleResult]) -> ArticleResult:
    """Join the results of an article's chunks into one result."""
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


def _failure(article: Article, err: Exception) -> RecordError:
    return RecordError(source=article.source or article.id, line=None, record_id=article.id,
                       reason=f"extraction failed: {type(err).__name__}: {err}")


def _extract_one(nlp: Language, extractor: Extractor, article: Article, limit: int, batch_size: int) -> (
        ArticleResult | RecordError):
    try:
        pieces = list(chunks(article.text, limit))
        docs = nlp.pipe((text for _, text in pieces), batch_size=batch_size)
        parts = [extractor.extract(doc, article, offset=offset) for doc, (offset, _) in zip(docs, pieces, strict=True)]
        return merge_chunks(article, parts)
    except Exception as err:  # one article's failure must not stop the others
        log.warning("article %s: extraction failed: %s", article.id, err)
        return _failure(article, err)


def extract_batch(nlp: Language, job: ExtractionJob, articles: Sequence[Article]) -> BatchResult:
    """Parse and extract ``articles`` in one ``nlp.pipe`` stream; return a result or error for each, in order.

    An article whose parsing or extraction raises becomes a :class:`RecordError`; the batch is then
    redone one article at a time so the others still get their results.
    """
    limit = min(job.chunk_chars, nlp.max_length)
    pieces = [(index, offset, text) for index, article in enumerate(articles)
              for offset, text in chunks(article.text, limit)]
    parts: list[list[ArticleResult]] = [[] for _ in articles]
    try:
        docs = nlp.pipe(((text, (index, offset)) for index, offset, text in pieces), as_tuples=True,
                        batch_size=job.batch_size)
        for doc, (index, offset) in docs:
            parts[index].append(job.extractor.extract(doc, articles[index], offset=offset))
    except Exception:  # isolate the article that failed
        return [_extract_one(nlp, job.extractor, article, limit, job.batch_size) for article in articles]
    return [merge_chunks(article, part) for article, part in zip(articles, parts, strict=True)]


class Handle(Protocol):
    """A batch under way: a ``concurrent.futures.Future`` or a ``distributed.Future``."""

    def done(self) -> bool: ...

    def result(self) -> Any: ...


class Executor(Protocol):
    """Runs batches of articles through :func:`extract_batch` somewhere."""

    #: Batches worth keeping under way at once.
    capacity: int

    def submit(self, articles: list[Article]) -> Handle: ...

    def close(self) -> None: ...


def _ready(value: BatchResult) -> Future[BatchResult]:
    future: Future[BatchResult] = Future()
    future.set_result(value)
    return future


# Worker processes of a LocalExecutor pool keep their model here: each is a separate process,
# set up once by the pool initializer and used by every batch that process runs.
_worker_state: dict[str, Any] = {}


def _init_worker(job: ExtractionJob, nlp: Language | None) -> None:
    _worker_state["nlp"] = nlp if nlp is not None else load_model(job.model)
    _worker_state["job"] = job
    _worker_state["trim"] = _malloc_trim()


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, which hands freed heap pages back to the system, where there is one."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    trim: Callable[[int], int] | None = getattr(libc, "malloc_trim", None)
    return trim


def _run_in_worker(articles: list[Article]) -> BatchResult:
    results = extract_batch(_worker_state["nlp"], _worker_state["job"], articles)
    trim = _worker_state.get("trim")
    if trim is not None:  # keep a long-running worker's resident memory at its working set
        trim(0)
    return results


#: Batches a model serves before it is replaced by a fresh one. spaCy's vocabulary only grows (every
#: new word and name is added), so a long-lived process would grow with the stream it reads.
RECYCLE_BATCHES = 64


class LocalExecutor:
    """Extract on this machine: in this process (``workers=1``) or in a pool of worker processes.

    Memory stays bounded on an endless stream: after ``recycle_every`` batches per worker the pool
    is drained and replaced by fresh processes (and a model this executor loaded itself is
    reloaded), which drops the vocabulary the old ones had grown.

    Args:
        job: the model, rules and batch size.
        workers: processes; 1 runs in the calling process with ``nlp`` (loaded on first use).
        nlp: an already loaded pipeline; used in this process, and inherited by forked workers.
        recycle_every: batches per worker before the workers are replaced.
    """

    def __init__(self, job: ExtractionJob, *, workers: int = 1, nlp: Language | None = None,
                 recycle_every: int = RECYCLE_BATCHES) -> None:
        self.job = job
        self.workers = max(1, workers)
        self.capacity = 1 if self.workers == 1 else 2 * self.workers
        self.recycle_every = max(1, recycle_every)
        #: How many times a pool was started or the in-process model (re)loaded.
        self.starts = 0
        self._nlp = nlp
        self._owns_nlp = nlp is None
        self._pool: ProcessPoolExecutor | None = None
        self._batches = 0
        self._futures: list[Future[BatchResult]] = []

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            fork = "fork" in multiprocessing.get_all_start_methods()
            # forked workers inherit the imported modules and a model the caller already loaded
            # (nothing is copied until written), so they start in a fraction of a second
            context = multiprocessing.get_context("fork" if fork else "spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_init_worker,
                                             initargs=(self.job, self._nlp if fork else None))
            self._batches, self._futures = 0, []
            self.starts += 1
        return self._pool

    def _retire_pool(self) -> None:
        """Let the pool finish what it was given, then stop its processes."""
        if self._pool is not None:
            wait(self._futures)
            self._pool.shutdown(wait=True)
            self._pool = None

    def submit(self, articles: list[Article]) -> Handle:
        if self.workers == 1:
            if self._nlp is None or (self._owns_nlp and self._batches >= self.recycle_every):
                self._nlp = load_model(self.job.model)
                self._batches = 0
                self.starts += 1
            self._batches += 1
            return _ready(extract_batch(self._nlp, self.job, articles))
        if self._batches >= self.recycle_every * self.workers:
            self._retire_pool()
        pool = self._start()
        try:
            future = pool.submit(_run_in_worker, articles)
        except BrokenProcessPool as err:
            raise ExecutorError(f"a worker process died ({err}); run again with --workers 1 to see why") from err
        self._futures.append(future)
        self._batches += 1
        return _checked(future)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class _CheckedFuture:
    """A pool future whose failures become :class:`ExecutorError` with advice."""

    def __init__(self, future: Future[BatchResult]) -> None:
        self._future = future

    def done(self) -> bool:
        return self._future.done()

    def result(self) -> BatchResult:
        try:
            return self._future.result()
        except BrokenProcessPool as err:
            raise ExecutorError("a worker process died (out of memory?); run again with fewer --workers, "
                                "or --workers 1 to see the error") from err
        except ModelError:
            raise
        except OSError as err:
            raise ExecutorError(f"a worker process failed: {err}") from err


def _checked(future: Future[BatchResult]) -> Handle:
    return _CheckedFuture(future)


PLUGIN_PREFIX = "graphbuild-model-"


class DaskExecutor:
    """Extract on a Dask cluster; every worker loads the model once, through a worker plugin.

    Args:
        job: the model, rules and batch size.
        scheduler: the scheduler's address (``tcp://host:8786``) or a connected ``distributed.Client``.
        timeout: seconds to wait for the scheduler (default: Dask's ``distributed.comm.timeouts.connect``,
            30 s unless configured, e.g. with ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``).

    Raises:
        ExecutorError: ``dask.distributed`` is not installed, or the scheduler cannot be reached.
    """

    def __init__(self, job: ExtractionJob, scheduler: Any, *, timeout: float | None = None) -> None:
        try:
            from distributed import Client
        except ImportError as err:
            raise ExecutorError("the Dask executor needs dask.distributed: pip install 'graphbuild[cluster]'") from err
        from graphbuild._dask import ModelPlugin, plugin_name

        self.job = job
        self._own = isinstance(scheduler, str)
        try:
            options = {} if timeout is None else {"timeout": timeout}
            self._client = Client(scheduler, **options) if self._own else scheduler  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as err:
            raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {err}; check that "
                                "'dask scheduler' runs there and its port is open") from err
        self._plugin = plugin_name(job)
        self._client.register_plugin(ModelPlugin(job), name=self._plugin)
        workers = len(self._client.scheduler_info(n_workers=-1).get("workers", {})) or 1
        self.capacity = 2 * workers

    def submit(self, articles: list[Article]) -> Handle:
        from graphbuild._dask import run_on_worker

        future: Handle = self._client.submit(run_on_worker, articles, self._plugin, pure=False)
        return future

    def close(self) -> None:
        if self._own:
            self._client.close()


ExecutorFactory = Callable[[ExtractionJob], Executor]
