"""Where extraction runs: in this process, in worker processes here, or on a Dask cluster.

Every executor takes a batch of articles and returns, for each, its extraction result (before
alias resolution) or a :class:`~graphbuild.model.RecordError` saying why it failed. All of them
call the same :func:`~graphbuild.executors.batch.extract_batch` on the same batches, so the
triples do not depend on where they were made.

* :mod:`~graphbuild.executors.base`: the protocol, text chunking and the usable cores (no spaCy);
* :mod:`~graphbuild.executors.batch`: the work on one batch;
* :mod:`~graphbuild.executors.local`: this process or a pool of processes;
* :mod:`~graphbuild.executors.dask`: a Dask cluster (its worker side in ``dask_worker``).

Worker processes and Dask workers load the model once each and keep it for every batch they
run: a process pool through its initializer, a Dask worker through a worker plugin.
"""

from graphbuild.executors.base import CHUNK_CHARS, Executor, Handle, available_cores, chunks

__all__ = ["CHUNK_CHARS", "Executor", "Handle", "available_cores", "chunks"]
