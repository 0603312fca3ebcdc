"""The worker side of the Dask executor (imported only where ``dask.distributed`` is installed).

Every Dask worker needs graphbuild and the model package installed. The plugin loads the model
when it is registered on a worker (and on any worker that joins later) and keeps it there.
"""

from __future__ import annotations

import hashlib
import pickle
from typing import TYPE_CHECKING

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from graphbuild.executors.batch import BatchResult, ExtractionJob, extract_batch
from graphbuild.extraction.nlp import load_model

if TYPE_CHECKING:
    from distributed import Worker
    from spacy.language import Language

    from graphbuild.model import Article

__all__ = ["PLUGIN_PREFIX", "ModelPlugin", "plugin_name", "run_on_worker"]

#: Plugins graphbuild registers on Dask workers are named with this prefix.
PLUGIN_PREFIX = "graphbuild-model-"


def plugin_name(job: ExtractionJob) -> str:
    """Name the plugin after the job so two different jobs on one cluster do not share a model."""
    return PLUGIN_PREFIX + hashlib.sha256(pickle.dumps(job)).hexdigest()[:16]


class ModelPlugin(WorkerPlugin):
    """Loads the job's model once on each worker."""

    def __init__(self, job: ExtractionJob) -> None:
        self.job = job
        self.nlp: Language | None = None

    def setup(self, worker: Worker) -> None:
        self.nlp = load_model(self.job.model)


def run_on_worker(articles: list[Article], name: str) -> BatchResult:
    """Extract ``articles`` on the current Dask worker with the model its plugin ``name`` loaded."""
    plugin = get_worker().plugins[name]
    if not isinstance(plugin, ModelPlugin) or plugin.nlp is None:
        raise RuntimeError(f"worker has no graphbuild model plugin {name!r}")
    return extract_batch(plugin.nlp, plugin.job, articles)
