"""Neo4j push: ``graphbuild push`` vs a minimal hand-written single-query ``UNWIND … MERGE`` loader.

    python -m benchmarks.push [--graph out/graph.json | --corpus PATH] [--rounds R] [--uri bolt://…]

Both load the same graph over Bolt into an empty database of the same server, with the same
batch size and the same uniqueness constraint on ``Entity.key``, alternately for R rounds;
the best round of each counts. The baseline writes each entity and relation and nothing
else; graphbuild also writes names, types, aliases, type labels, articles, MENTIONS with
counts, mention totals and evidence. Prints nodes/s and relationships/s of both and the
ratio (target: graphbuild >= 0.8 of the baseline). By default it builds the graph of the
corpus (using the extraction cache) and starts a fresh local Bolt server (ArcadeDB) for each
load; with --uri it uses that server and empties it first (everything in it is deleted).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
from neo4j import Driver, GraphDatabase

from benchmarks.common import GRAPHBUILD, check, corpus_missing, corpus_slice, parser, run, save, verdict
from graphbuild.export import read_json
from graphbuild.neo4j.localserver import LocalBoltServer
from graphbuild.neo4j.writer import DEFAULT_BATCH_SIZE, push_graph

BASELINE = """\
UNWIND $rows AS row
MERGE (s:Entity {key: row.source})
WITH s, row WHERE row.target IS NOT NULL
MERGE (t:Entity {key: row.target})
MERGE (s)-[:RELATED {predicate: row.predicate}]->(t)"""


def baseline_rows(graph: nx.MultiDiGraph[str]) -> list[dict[str, Any]]:
    """One row per relation, plus one per entity that has none."""
    rows: list[dict[str, Any]] = [{"source": str(s), "target": str(t), "predicate": d["relation"]}
                                  for s, t, d in graph.edges(data=True)]
    rows += [{"source": str(n), "target": None, "predicate": None} for n in graph.nodes if graph.degree(n) == 0]
    return rows


def baseline_load(driver: Driver, database: str, rows: list[dict[str, Any]], batch_size: int) -> None:
    with driver.session(database=database) as session:
        session.run("CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE").consume()
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            session.execute_write(lambda tx, b=batch: tx.run(BASELINE, rows=b).consume())


def counts(driver: Driver, database: str) -> tuple[int, int]:
    with driver.session(database=database) as session:
        nodes = session.run("MATCH (n:Entity) RETURN count(n) AS c").single(strict=True)["c"]
        rels = session.run("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS c").single(strict=True)["c"]
    return int(nodes), int(rels)


@contextmanager
def server(uri: str | None, user: str, password: str, database: str) -> Iterator[tuple[Driver, str]]:
    """An empty database: a fresh local server, or the given one emptied."""
    if uri:
        with GraphDatabase.driver(uri, auth=(user, password)) as driver:
            with driver.session(database=database) as session:
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
            yield driver, database
        return
    with LocalBoltServer() as local, GraphDatabase.driver(local.uri, auth=(local.user, local.password)) as driver:
        yield driver, local.database


def graph_of(args: Any) -> nx.MultiDiGraph[str] | None:
    if args.graph:
        return read_json(args.graph)
    if corpus_missing(args.corpus):
        return None
    path = corpus_slice(args.corpus, args.limit, args.work) if args.limit else args.corpus
    out = args.work / f"build-{args.limit or 'all'}"
    check(run([*GRAPHBUILD, "build", str(path), "-o", str(out), "-q", "--no-explorer", "--format", "json",
               "--cache-dir", str(args.work / "cache")]), "graphbuild build")
    return read_json(out / "graph.json")


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--graph", type=Path, help="a graph.json to push instead of building the corpus")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    p.add_argument("--uri", default=None, help="an existing server to use (it is emptied!)")
    p.add_argument("--user", default=os.environ.get("NEO4J_USER", "neo4j"))
    p.add_argument("--database", default=os.environ.get("NEO4J_DATABASE", "neo4j"))
    args = p.parse_args(argv)
    graph = graph_of(args)
    if graph is None:
        return 0
    password = os.environ.get("NEO4J_PASSWORD", "")
    rows = baseline_rows(graph)
    nodes, rels = graph.number_of_nodes(), graph.number_of_edges()
    print(f"graph: {nodes:,} entities, {rels:,} relations, {len(graph.graph.get('articles', [])):,} articles; "
          f"batch {args.batch_size}; server {args.uri or 'local ArcadeDB (fresh per load)'}")
    best = {"baseline": float("inf"), "graphbuild": float("inf")}
    for round_number in range(1, args.rounds + 1):
        for side in ("baseline", "graphbuild"):
            with server(args.uri, args.user, password, args.database) as (driver, database):
                started = time.perf_counter()
                if side == "baseline":
                    baseline_load(driver, database, rows, args.batch_size)
                else:
                    push_graph(graph, driver, database=database, batch_size=args.batch_size)
                seconds = time.perf_counter() - started
                loaded = counts(driver, database)
            if loaded != (nodes, rels):
                raise SystemExit(f"{side} loaded {loaded}, expected {(nodes, rels)}")
            best[side] = min(best[side], seconds)
            print(f"round {round_number}, {side}: {seconds:.1f} s, {nodes / seconds:,.0f} nodes/s, "
                  f"{rels / seconds:,.0f} relationships/s", flush=True)
    ratio = best["baseline"] / best["graphbuild"]
    print(f"push: baseline {best['baseline']:.1f} s, graphbuild {best['graphbuild']:.1f} s "
          f"({nodes / best['graphbuild']:,.0f} nodes/s, {rels / best['graphbuild']:,.0f} relationships/s, plus "
          f"articles, mentions and evidence); ratio {ratio:.3f} {verdict(ratio, 0.8)}")
    save("push", {"entities": nodes, "relations": rels, "baseline_s": round(best["baseline"], 2),
                  "graphbuild_s": round(best["graphbuild"], 2), "ratio": round(ratio, 3),
                  "nodes_per_s": round(nodes / best["graphbuild"]), "rels_per_s": round(rels / best["graphbuild"]),
                  "baseline_nodes_per_s": round(nodes / best["baseline"])}, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
