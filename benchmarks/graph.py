"""Graph building: the NetworkX graph from ``triples.jsonl`` + ``articles.jsonl`` of the whole corpus.

    python -m benchmarks.graph [--build DIR | --corpus PATH] [--limit N]

Prints the time and peak Python memory (tracemalloc) of building the graph, beside the time and
memory of only reading and decoding the same files (the floor any graph builder pays), and
their ratio. By default it builds the corpus first (with the extraction cache).
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import GRAPHBUILD, check, corpus_missing, corpus_slice, parser, run, save
from graphbuild.building import load_triples
from graphbuild.graph import GraphBuilder
from graphbuild.records import row_to_article_entities


def measure(action: Callable[[], Any]) -> tuple[float, int, Any]:
    """Time ``action`` on its own, then run it again under tracemalloc for its peak memory."""
    started = time.perf_counter()
    value = action()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, value


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--build", type=Path, help="an existing build directory")
    args = p.parse_args(argv)
    out = args.build
    if out is None:
        if corpus_missing(args.corpus):
            return 0
        path = corpus_slice(args.corpus, args.limit, args.work) if args.limit else args.corpus
        out = args.work / f"build-{args.limit or 'all'}"
        check(run([*GRAPHBUILD, "build", str(path), "-o", str(out), "-q", "--no-explorer", "--format", "json",
                   "--cache-dir", str(args.work / "cache")]), "graphbuild build")
    triples, articles = out / "triples.jsonl", out / "articles.jsonl"

    def read_only() -> int:
        lines = 0
        for name in (triples, articles):
            with name.open(encoding="utf-8") as handle:
                for line in handle:
                    json.loads(line)
                    lines += 1
        return lines

    def build_graph() -> Any:
        builder = GraphBuilder()
        with articles.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                builder.add_article(str(row["id"]), row_to_article_entities(row),
                                    **{k: row.get(k) for k in ("title", "date", "url", "source")})
        for triple in load_triples(triples):
            builder.add_triple(triple)
        return builder.graph()

    read_s, read_peak, lines = measure(read_only)
    build_s, build_peak, graph = measure(build_graph)
    print(f"{lines:,} rows read; graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges")
    print(f"read and decode only: {read_s:.2f} s, peak {read_peak / 2**20:,.1f} MiB")
    print(f"graph build: {build_s:.2f} s, peak {build_peak / 2**20:,.0f} MiB; "
          f"{build_s / read_s:.1f}x the time of reading the files")
    save("graph", {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "read_s": round(read_s, 2),
                   "build_s": round(build_s, 2), "build_peak_mib": round(build_peak / 2**20),
                   "read_peak_mib": round(read_peak / 2**20)}, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
