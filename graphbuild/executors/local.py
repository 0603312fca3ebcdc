"""Extract on this machine: in this process, or in a pool of worker processes that each load the model once."""

from __future__ import annotations

import ctypes
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from graphbuild.errors import ExecutorError, ModelError
from graphbuild.executors.base import Handle
from graphbuild.executors.batch import BatchResult, ExtractionJob, extract_batch
from graphbuild.extraction.nlp import load_model
from graphbuild.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["RECYCLE_BATCHES", "LocalExecutor"]


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
