"""``graphbuild push`` and ``sandbox``: the graph in Neo4j, or in a throwaway local Bolt server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from graphbuild.cli.common import (
    DatabaseOpt,
    EvidenceCapOpt,
    MinConfidenceOpt,
    QuietOpt,
    SchemaOpt,
    SourceArg,
    UriOpt,
    UserOpt,
    app,
    err,
    load_graph,
    make_schema,
    out,
    password,
    progress,
    run,
    setup_logging,
)
from graphbuild.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_CAP

if TYPE_CHECKING:
    import networkx as nx

    from graphbuild.neo4j.writer import PushReport

__all__ = ["push_cli", "push_to", "sandbox_cli"]


def push_to(graph: nx.MultiDiGraph[str], uri: str, user: str, database: str, batch_size: int, evidence_cap: int,
            *, quiet: bool, min_confidence: float = 0.0, migrate: bool = False) -> PushReport:
    """Push ``graph`` to the Neo4j at ``uri`` with a progress bar; the password comes from the environment."""
    from graphbuild.neo4j.writer import connect, push_graph

    secret = password(user, uri)
    total = graph.number_of_nodes() + graph.number_of_edges()
    with progress(total, f"pushing to {uri}", quiet=quiet) as advance:

        def push() -> PushReport:
            with connect(uri, user, secret) as driver:
                return push_graph(graph, driver, database=database, batch_size=batch_size,
                                  evidence_cap=evidence_cap, min_confidence=min_confidence, migrate=migrate,
                                  progress=advance)

        report = run(push)
    if not quiet:
        err.print(f"pushed {report.entities} entities, {report.relationships} relationships, "
                  f"{report.articles} articles to {uri} (database {database}) in {report.seconds:.1f} s",
                  highlight=False)
    return report


@app.command("push")
def push_cli(
    source: SourceArg = Path("out"),
    uri: UriOpt = "bolt://localhost:7687",
    user: UserOpt = "neo4j",
    database: DatabaseOpt = "neo4j",
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per Neo4j transaction.")] = (
        DEFAULT_BATCH_SIZE),
    evidence_cap: EvidenceCapOpt = DEFAULT_EVIDENCE_CAP,
    min_confidence: MinConfidenceOpt = 0.0,
    schema: SchemaOpt = None,
    migrate: Annotated[bool, typer.Option(
        "--migrate", help="The database holds graphbuild's first data model (a relationship type per relation): "
                          "delete those relationships first, then push.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Push a graph into Neo4j over Bolt: idempotent, batched, and safe to repeat.

    Each relationship is typed with its class (CONSULT) and keeps its wording as the predicate
    property (travel_to); --schema classes the graph's relations by another schema first. The
    password comes from NEO4J_PASSWORD or a hidden prompt; it is never printed.
    """
    setup_logging(quiet)
    classes = make_schema(schema) if schema is not None else None
    graph = run(lambda: load_graph(source, classes))
    push_to(graph, uri, user, database, batch_size, evidence_cap, quiet=quiet, min_confidence=min_confidence,
            migrate=migrate)


@app.command("sandbox")
def sandbox_cli(
    source: SourceArg = Path("out"),
    queries: Annotated[Path, typer.Option("--queries", help="The curated queries file.")] = Path(
        "cypher/queries.cypher"),
    names: Annotated[list[str] | None, typer.Option("--query", "-q",
                                                    help="Run only this curated query (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows to print per query.")] = 8,
) -> None:
    """Try Cypher without Neo4j: start a local Bolt server, push the graph, run curated queries, stop.

    Needs the arcadedb-embedded package (pip install 'graphbuild[local]'); nothing is kept.
    """
    from graphbuild.neo4j.library import load_queries, run_query
    from graphbuild.neo4j.localserver import LocalBoltServer
    from graphbuild.neo4j.writer import connect, push_graph

    setup_logging(quiet=False)
    graph = run(lambda: load_graph(source))
    curated = run(lambda: load_queries(queries))
    wanted = [q for q in curated if not names or q.name in names]
    unknown = sorted(set(names or ()) - {q.name for q in curated})
    if unknown:
        raise typer.BadParameter(f"no curated query named {', '.join(unknown)}; "
                                 f"choose from {', '.join(q.name for q in curated)}", param_hint="--query")

    def sandbox() -> None:
        with err.status("starting a local Bolt server…"), LocalBoltServer() as server:
            err.print(f"local Bolt server at {server.uri} (database {server.database})", highlight=False)
            with connect(server.uri, server.user, server.password) as driver:
                report = push_graph(graph, driver, database=server.database)
                err.print(f"pushed {report.entities} entities and {report.relationships} relationships",
                          highlight=False)
                for query in wanted:
                    rows = run_query(driver, query, database=server.database)
                    table = Table(title=f"{query.name}: {query.description}", title_justify="left")
                    columns = list(rows[0]) if rows else ["(no rows)"]
                    for column in columns:
                        table.add_column(column)
                    for row in rows[:limit]:
                        table.add_row(*(_cell(row[c]) for c in columns))
                    out.print(table)
                    if query.params:
                        out.print(f"  with {json.dumps(query.params)}; {len(rows)} rows", highlight=False)
        err.print("local Bolt server stopped")

    run(sandbox)


def _cell(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, list | dict) else str(value)
    return text if len(text) <= 80 else text[:77] + "…"
