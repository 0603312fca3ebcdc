"""The explorer page for 1,500 shown actors: igraph's layout and the page, against NetworkX's spring layout.

    python -m benchmarks.explorer [--corpus PATH] [--max-nodes 1500] [--rounds 3]

Builds the corpus graph once (``--no-explorer``, cached under the work directory), then in this
process, for R rounds: writes the explorer page of its ``--max-nodes`` most connected actors
with no kept layout (the layout computed, the page written), and, side by side, computes the
seeded NetworkX spring layout the explorer used before on the same actors and relations. Checks
the page is the same bytes every round. Target: the page in <= 1 s. Skips without the corpus
or without vis-network (``make install`` fetches it).
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import networkx as nx

from benchmarks.common import GRAPHBUILD, check, corpus_missing, parser, run, save, verdict
from graphbuild.errors import ExportError
from graphbuild.export.json import read_json
from graphbuild.view import explorer


def _spring(graph: nx.MultiDiGraph[str], max_nodes: int) -> float:
    """Seconds for the explorer's former layout: NetworkX's seeded spring layout, 60 iterations."""
    degree = dict(graph.degree())
    nodes, edges = explorer._select(graph, degree, max_nodes)
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(sorted((u, v) for u, v, _ in edges if u != v))
    started = time.perf_counter()
    nx.spring_layout(simple, seed=7, scale=220.0 * max(1.0, len(nodes) ** 0.5), iterations=60)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--max-nodes", type=int, default=1500)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    try:
        explorer.find_vis_network()
    except ExportError as exc:
        print(f"skipped: {exc}")
        return 0
    out = args.work / "explorer-out"
    built = run([*GRAPHBUILD, "build", str(args.corpus), "-o", str(out), "--cache-dir",
                 str(args.work / "explorer-cache"), "--no-explorer", "-q", "--model", args.model])
    check(built, "graphbuild build")
    graph = read_json(out / "graph.json")
    shown = sum(1 for _, d in graph.degree() if d > 0)
    page, digests = args.work / "explorer-page.html", set()
    times: dict[str, list[float]] = {"explorer": [], "spring": []}
    for _ in range(args.rounds):
        started = time.perf_counter()
        explorer.write_explorer(graph, page, max_nodes=args.max_nodes)
        times["explorer"].append(time.perf_counter() - started)
        digests.add(hashlib.sha256(Path(page).read_bytes()).hexdigest())
        times["spring"].append(_spring(graph, args.max_nodes))
    best, spring = min(times["explorer"]), min(times["spring"])
    print(f"{min(shown, args.max_nodes):,} actors shown of {graph.number_of_nodes():,} "
          f"({shown:,} with a relation), {graph.number_of_edges():,} relations in the graph")
    print(f"explorer page (layout + page): best {best:.2f} s (spread {best:.2f}-{max(times['explorer']):.2f}) "
          f"{verdict(best, 1.0, at_least=False)}; same bytes every round: {'yes' if len(digests) == 1 else 'NO'}")
    print(f"former layout alone (NetworkX spring, 60 iterations): {spring:.2f} s; the page is {spring / best:.1f}x "
          f"faster")
    save("explorer", {"shown": min(shown, args.max_nodes), "nodes": graph.number_of_nodes(),
                      "explorer_s": [round(t, 3) for t in times["explorer"]],
                      "spring_s": [round(t, 2) for t in times["spring"]], "deterministic": len(digests) == 1},
         args.work)
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
