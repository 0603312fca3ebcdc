"""Neo4j push: ``graphbuild push`` vs the simplest script that writes the same rows.

    python -m benchmarks.push [--graph out/graph.json | --corpus PATH] [--rounds R] [--uri bolt://…]

Both load the same graph over Bolt into an empty database of the same server, with the same
batch size, constraints and managed transactions (``execute_write``), alternately for R rounds;
the best round of each counts. The baseline writes the same rows with plain ``UNWIND … MERGE
… SET``: entities with their type labels, names, aliases and mention totals; articles;
MENTIONS with counts; and one relationship per (subject, predicate, object) typed with its
class, with predicate, surface, tone, weight, evidence, articles, dates and counts. graphbuild
also keeps what a later push must not double (evidence keyed by article and offset, aliases and
articles as sets), checks the data model, and writes only what changed. Then graphbuild pushes
the same graph again into the loaded database.

Prints rows/s of both and two ratios: baseline time / graphbuild time (target >= 0.8), and
graphbuild re-push time / first push time (target <= 0.5). By default it builds the graph of
the corpus (using the extraction cache) and starts a fresh local Bolt server (ArcadeDB) for
each load; with --uri it uses that server and empties it first (everything in it is deleted).
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
from graphbuild.export import read_json, relationship_type, type_label
from graphbuild.neo4j import DEFAULT_EVIDENCE_CAP
from graphbuild.neo4j.localserver import LocalBoltServer
from graphbuild.neo4j.queries import SCHEMA
from graphbuild.neo4j.writer import DEFAULT_BATCH_SIZE, push_graph

ENTITY = """\
UNWIND $rows AS row
MERGE (n:Entity:{label} {{key: row.key}})
SET n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.mentions = row.mentions,
    n.article_count = row.articles"""
ARTICLE = """\
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.date = row.date, a.source = row.source, a.url = row.url"""
MENTION = """\
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (n:Entity {key: row.key})
MERGE (a)-[m:MENTIONS]->(n)
SET m.count = row.count"""
RELATIONSHIP = """\
UNWIND $rows AS row
MATCH (s:Entity {{key: row.source}})
MATCH (t:Entity {{key: row.target}})
MERGE (s)-[r:{type} {{predicate: row.predicate}}]->(t)
SET r.surface = row.surface, r.tone = row.tone, r.weight = row.weight, r.evidence = row.evidence,
    r.evidence_keys = row.keys, r.articles = row.articles, r.first_seen = row.first_seen,
    r.last_seen = row.last_seen, r.negated_count = row.negated_count, r.hedged_count = row.hedged_count,
    r.negated = row.negated, r.hedged = row.hedged, r.confidence = row.confidence"""


def baseline_rows(graph: nx.MultiDiGraph[str]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The statements and their rows, in order: entities by label, articles, mentions, relationships by class."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    mentions = []
    for key, d in graph.nodes(data=True):
        by_label.setdefault(type_label(d["type"]), []).append(
            {"key": key, "name": d["name"], "type": d["type"], "aliases": d["aliases"], "mentions": d["mentions"],
             "articles": len(d["articles"])})
        mentions += [{"article": a, "key": key, "count": c} for a, c in d["article_mentions"].items()]
    articles = [{"id": a["id"], "title": a.get("title"), "date": a.get("date"), "source": a.get("source"),
                 "url": a.get("url")} for a in graph.graph.get("articles", [])]
    by_class: dict[str, list[dict[str, Any]]] = {}
    for s, t, d in graph.edges(data=True):
        ev = d["evidence"]
        by_class.setdefault(relationship_type(d["class"]), []).append({
            "source": s, "target": t, "predicate": d["relation"], "surface": (d["surface"] or [""])[0],
            "tone": d["tone"], "weight": d["weight"], "evidence": [e["sentence"] for e in ev][:DEFAULT_EVIDENCE_CAP],
            "keys": [f"{e['article_id']}:{e['start']}" for e in ev], "articles": d["articles"],
            "first_seen": d["first_seen"], "last_seen": d["last_seen"], "negated_count": d["negated_count"],
            "hedged_count": d["hedged_count"], "negated": d["negated"], "hedged": d["hedged"],
            "confidence": d["confidence"]})
    return [*((ENTITY.format(label=label), rows) for label, rows in sorted(by_label.items())),
            (ARTICLE, articles), (MENTION, mentions),
            *((RELATIONSHIP.format(type=cls), rows) for cls, rows in sorted(by_class.items()))]


def baseline_load(driver: Driver, database: str, statements: list[tuple[str, list[dict[str, Any]]]],
                  batch_size: int) -> None:
    with driver.session(database=database) as session:
        for statement in SCHEMA:
            session.execute_write(lambda tx, s=statement: tx.run(s).consume())
        for query, rows in statements:
            for start in range(0, len(rows), batch_size):
                batch = rows[start : start + batch_size]
                session.execute_write(lambda tx, q=query, b=batch: tx.run(q, rows=b).consume())


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


def _load(side: str, graph: nx.MultiDiGraph[str], statements: list[tuple[str, list[dict[str, Any]]]],
          args: Any, password: str) -> tuple[float, float]:
    """Load into an empty database; return the seconds of the load and (graphbuild) of a second push."""
    with server(args.uri, args.user, password, args.database) as (driver, database):
        started = time.perf_counter()
        if side == "baseline":
            baseline_load(driver, database, statements, args.batch_size)
        else:
            push_graph(graph, driver, database=database, batch_size=args.batch_size)
        seconds = time.perf_counter() - started
        again = 0.0
        if side == "graphbuild":
            started = time.perf_counter()
            push_graph(graph, driver, database=database, batch_size=args.batch_size)
            again = time.perf_counter() - started
        loaded = counts(driver, database)
    if loaded != (graph.number_of_nodes(), graph.number_of_edges()):
        raise SystemExit(f"{side} loaded {loaded}, expected {(graph.number_of_nodes(), graph.number_of_edges())}")
    return seconds, again


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
    statements = baseline_rows(graph)
    rows = sum(len(r) for _, r in statements)
    nodes, rels = graph.number_of_nodes(), graph.number_of_edges()
    types = len({d["class"] for _, _, d in graph.edges(data=True)})
    print(f"graph: {nodes:,} entities, {rels:,} relations in {types} classes, "
          f"{len(graph.graph.get('articles', [])):,} articles; {rows:,} rows; batch {args.batch_size}; "
          f"server {args.uri or 'local ArcadeDB (fresh per load)'}")
    best = {"baseline": float("inf"), "graphbuild": float("inf"), "again": float("inf")}
    for round_number in range(1, args.rounds + 1):
        for side in ("baseline", "graphbuild"):
            seconds, again = _load(side, graph, statements, args, password)
            best[side] = min(best[side], seconds)
            line = f"round {round_number}, {side}: {seconds:.1f} s, {rows / seconds:,.0f} rows/s"
            if side == "graphbuild":
                best["again"] = min(best["again"], again)
                line += f"; pushed again: {again:.1f} s"
            print(line, flush=True)
    ratio = best["baseline"] / best["graphbuild"]
    again_ratio = best["again"] / best["graphbuild"]
    print(f"push: baseline {best['baseline']:.1f} s, graphbuild {best['graphbuild']:.1f} s "
          f"({rows / best['graphbuild']:,.0f} rows/s); ratio {ratio:.3f} {verdict(ratio, 0.8)}")
    print(f"push again: {best['again']:.1f} s; {again_ratio:.3f} of the first push "
          f"{verdict(again_ratio, 0.5, at_least=False)}")
    save("push", {"entities": nodes, "relations": rels, "classes": types, "rows": rows,
                  "baseline_s": round(best["baseline"], 2), "graphbuild_s": round(best["graphbuild"], 2),
                  "again_s": round(best["again"], 2), "ratio": round(ratio, 3), "again_ratio": round(again_ratio, 3),
                  "rows_per_s": round(rows / best["graphbuild"]),
                  "baseline_rows_per_s": round(rows / best["baseline"])}, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
