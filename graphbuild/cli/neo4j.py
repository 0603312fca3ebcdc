"""``graphbuild push``: the graph into Neo4j over Bolt."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

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
    password,
    progress,
    run,
    setup_logging,
)
from graphbuild.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_CAP

if TYPE_CHECKING:
    import networkx as nx

    from graphbuild.neo4j.writer import PushReport

__all__ = ["push_cli", "push_to"]


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
