"""Extract on a Dask cluster: every worker loads the model once, through a worker plugin."""

from __future__ import annotations

from typing import Any

from graphbuild.errors import ExecutorError
from graphbuild.executors.base import Handle
from graphbuild.executors.batch import ExtractionJob
from graphbuild.model import Article

__all__ = ["DaskExecutor"]


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
        from graphbuild.executors.dask_worker import ModelPlugin, plugin_name

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
        from graphbuild.executors.dask_worker import run_on_worker

        future: Handle = self._client.submit(run_on_worker, articles, self._plugin, pure=False)
        return future

    def close(self) -> None:
        if self._own:
            self._client.close()
