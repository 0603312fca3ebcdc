"""Graph exporters, one module per format, the registry the CLI picks from, and writing them side by side."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from graphbuild.errors import ExportError
from graphbuild.export._flat import TYPE_LABELS, relationship_type, type_label
from graphbuild.export.csv import write_csv
from graphbuild.export.gexf import write_gexf
from graphbuild.export.graphml import write_graphml
from graphbuild.export.json import read_json, write_json

__all__ = ["EXPORTERS", "FORMATS", "TYPE_LABELS", "export_graph", "read_json", "relationship_type", "type_label"]

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

Writer = Callable[["nx.MultiDiGraph[str]", Path], None]
Job = tuple[str, Writer, float]


def _csv(graph: nx.MultiDiGraph[str], path: Path) -> None:
    write_csv(graph, path.parent)


def _explorer(graph: nx.MultiDiGraph[str], path: Path, layouts: Path | None = None) -> None:
    from graphbuild.view.explorer import write_explorer

    write_explorer(graph, path, layouts=layouts)


#: format name → (file name in the output directory, writer, relative cost on a news graph)
EXPORTERS: dict[str, Job] = {
    "graphml": ("graph.graphml", write_graphml, 0.9),
    "json": ("graph.json", write_json, 0.6),
    "gexf": ("graph.gexf", write_gexf, 0.9),
    "csv": ("nodes.csv", _csv, 0.4),
}
FORMATS = tuple(EXPORTERS)
#: the explorer page, written beside the formats when asked for
EXPLORER: Job = ("explorer.html", _explorer, 0.8)


def _write(graph: nx.MultiDiGraph[str], out: Path, jobs: Sequence[Job]) -> None:
    for file_name, writer, _ in jobs:
        writer(graph, out / file_name)


def _child(graph: nx.MultiDiGraph[str], out: Path, jobs: Sequence[Job],
           report: Connection) -> None:
    try:
        _write(graph, out, jobs)
        report.send(None)
    except Exception as err:  # the parent raises it
        report.send(f"{type(err).__name__}: {err}")


def _shares(jobs: list[Job], processes: int) -> list[list[Job]]:
    """Split the jobs into ``processes`` shares of about equal cost, dearest first."""
    shares: list[list[Job]] = [[] for _ in range(max(1, min(processes, len(jobs))))]
    for job in sorted(jobs, key=lambda j: (-j[2], j[0])):
        min(shares, key=lambda s: sum(j[2] for j in s)).append(job)
    return shares


def export_graph(graph: nx.MultiDiGraph[str], out_dir: str | Path, formats: tuple[str, ...] = FORMATS, *,
                 explorer: bool = False, processes: int = 1, layouts: Path | None = None) -> list[Path]:
    """Write ``graph`` into ``out_dir`` in each of ``formats`` (and the explorer page); return the files written.

    With ``processes`` > 1 the files are written side by side in forked processes that share the
    graph (each file is the same as when written alone). ``layouts`` is where the explorer keeps
    and finds its layouts (see :func:`graphbuild.view.explorer.explorer_data`).

    Raises:
        ExportError: a writer failed (the explorer's library is missing, say).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    page: Job = (EXPLORER[0], functools.partial(_explorer, layouts=layouts), EXPLORER[2])
    jobs = [EXPORTERS[name] for name in formats] + ([page] if explorer else [])
    shares = _shares(jobs, processes if "fork" in multiprocessing.get_all_start_methods() else 1)
    if len(shares) == 1:
        _write(graph, out, jobs)
    else:
        context = multiprocessing.get_context("fork")
        children = []
        for share in shares[1:]:
            receive, send = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(graph, out, share, send), daemon=True)
            child.start()
            send.close()
            children.append((child, receive))
        try:
            _write(graph, out, shares[0])
        finally:
            failures = [_outcome(child, receive) for child, receive in children]
        if any(failures):
            raise ExportError(f"writing {out}: {'; '.join(f for f in failures if f)}")
    written = [out / job[0] for job in jobs]
    if "csv" in formats:
        written.insert(written.index(out / "nodes.csv") + 1, out / "relationships.csv")
    return written


def _outcome(child: BaseProcess, receive: Connection) -> str | None:
    try:
        failure: str | None = receive.recv()
    except EOFError:
        failure = f"a writer process died (exit code {child.exitcode})"
    child.join()
    return failure
