"""``graphbuild query``, ``serve`` and ``sandbox``: Cypher on your own graph, with or without Neo4j.

Without ``--uri`` each starts the local Bolt server (:mod:`graphbuild.neo4j.localserver`) and
pushes the graph into it; ``serve`` keeps it up until Ctrl-C. The curated queries ship inside
the package, so every command works from any directory.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import secrets
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from graphbuild.cli.common import (
    DatabaseOpt,
    QuietOpt,
    SourceArg,
    UserOpt,
    app,
    err,
    fail,
    load_graph,
    out,
    password,
    progress,
    run,
    setup_logging,
)
from graphbuild.errors import GraphbuildError, UsageError

if TYPE_CHECKING:
    import networkx as nx
    from neo4j import Driver

    from graphbuild.neo4j.library import CuratedQuery
    from graphbuild.neo4j.localserver import LocalBoltServer
    from graphbuild.neo4j.params import Resolved

__all__ = ["query_cli", "sandbox_cli", "serve_cli"]

ParamOpt = Annotated[list[str] | None, typer.Option(
    "--param", "-p", metavar="NAME=VALUE", show_default=False,
    help="A query parameter (repeatable), e.g. --param actor='Tony Blair'. Curated queries type it from their "
         "declaration; in your own Cypher a value that parses as JSON (5, true, null) is that value, else text.")]
NEO4J_PORT = 7687


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    """``["actor=Tony Blair"]`` as ``{"actor": "Tony Blair"}``; a pair without ``=`` is a usage error."""
    given: dict[str, str] = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        given[name.strip()] = value
    return given


def _cell(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, list | dict) else str(value)


def render(columns: list[str], rows: list[dict[str, Any]], *, as_json: bool = False, as_csv: bool = False,
           limit: int = 0, title: str | None = None) -> None:
    """Print rows to stdout as a table (at most ``limit`` when > 0), JSON or CSV; "no rows" said plainly."""
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row.get(c)) if row.get(c) is not None else "" for c in columns] for row in rows)
    elif rows:
        if title:
            out.print(title, highlight=False, soft_wrap=True)
        table = Table()
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows[:limit] if limit else rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        out.print(table)
        if limit and len(rows) > limit:
            out.print(f"… {len(rows) - limit} more rows", highlight=False)
    else:
        out.print(f"{title + ': ' if title else ''}no rows", highlight=False, soft_wrap=True)
    if as_json or as_csv:
        err.print(f"{len(rows)} rows" if rows else "no rows", highlight=False)


def _with(chosen: Resolved) -> str:
    """``actor='Tony Blair' (top), from=null``: the values a query ran with, and how each was chosen."""
    return ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}"
                     + (f" ({chosen.how[k]})" if chosen.how.get(k) != "given" else "")
                     for k, v in chosen.values.items())


@contextlib.contextmanager
def local_server(graph: nx.MultiDiGraph[str], *, quiet: bool, root: Path | None = None, port: int = 0,
                 secret: str | None = None) -> Iterator[tuple[LocalBoltServer, Driver]]:
    """Start the local Bolt server, push ``graph`` into it with a progress bar, yield it and a driver."""
    from graphbuild.neo4j.localserver import LocalBoltServer
    from graphbuild.neo4j.writer import connect, push_graph

    server = LocalBoltServer(root=root, bolt_port=port)
    if secret:
        server.password = secret
    with (err.status("starting the local Bolt server…") if not quiet else contextlib.nullcontext()):
        server.start()
    try:
        with connect(server.uri, server.user, server.password) as driver:
            total = graph.number_of_nodes() + graph.number_of_edges()
            with progress(total, "pushing the graph", quiet=quiet) as advance:
                push_graph(graph, driver, database=server.database, progress=advance)
            yield server, driver
    finally:
        server.close()


def _graph_classes(graph: nx.MultiDiGraph[str]) -> frozenset[str]:
    from graphbuild.schema import load_schema

    named = graph.graph.get("classes")
    return frozenset(named) if isinstance(named, dict) and named else frozenset(load_schema(None).names)


def _list_queries(queries: list[CuratedQuery]) -> None:
    table = Table(title="curated queries (graphbuild query OUT --name NAME --param NAME=VALUE)", title_justify="left")
    for column in ("name", "parameters (type = default)", "what it answers"):
        table.add_column(column, overflow="fold")
    for query in queries:
        table.add_row(query.name, "\n".join(str(p) for p in query.params) or "-", query.description)
    out.print(table)


@app.command("query")
def query_cli(
    source: SourceArg = Path("out"),
    statement: Annotated[str | None, typer.Argument(help="A Cypher statement (or use --name).",
                                                    show_default=False)] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", show_default=False,
                                             help="Run this curated query (--list shows them).")] = None,
    params: ParamOpt = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the curated queries and their parameters.")] = (
        False),
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as a JSON array.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print the rows as CSV with a header.")] = False,
    uri: Annotated[str | None, typer.Option(
        "--uri", show_default=False,
        help="Query this Bolt server (one graphbuild serve started, or Neo4j after graphbuild push) instead of "
             "starting a local one; the password comes from NEO4J_PASSWORD or a prompt.")] = None,
    user: UserOpt = "neo4j",
    database: DatabaseOpt = "neo4j",
    quiet: QuietOpt = False,
) -> None:
    """Run Cypher on a graph you built: your own statement, or a curated query with parameters.

    Starts the local Bolt server, pushes the graph and stops it afterwards (graphbuild serve keeps
    one up for many queries; then pass --uri). Curated queries fill parameters you leave out with
    defaults worked out on your graph (the top actor, no date bound).
    """
    from graphbuild.neo4j.library import load_queries

    setup_logging(quiet)
    queries = run(lambda: load_queries())
    if list_queries:
        _list_queries(queries)
        return
    if (statement is None) == (name is None):
        raise typer.BadParameter("give a Cypher statement or --name NAME (graphbuild query --list shows the names), "
                                 "not both", param_hint="STATEMENT")
    if as_json and as_csv:
        raise typer.BadParameter("choose one of --json and --csv", param_hint="--json")
    given = parse_params(params)
    graph = run(lambda: load_graph(source))
    text, chosen, title = _prepare(queries, name, statement, given, graph)
    if not quiet and name is not None:
        err.print(f"{title} — with {_with(chosen)}" if chosen.values else title, highlight=False, soft_wrap=True)
    columns, rows = run(lambda: _ask_remote(uri, user, database, text, chosen.values) if uri
                        else _ask_local(graph, quiet, text, chosen.values))
    render(columns, rows, as_json=as_json, as_csv=as_csv)


def _prepare(queries: list[CuratedQuery], name: str | None, statement: str | None, given: dict[str, str],
             graph: nx.MultiDiGraph[str]) -> tuple[str, Resolved, str]:
    """The statement to run, its parameter values (and how each was chosen), and a title."""
    from graphbuild.neo4j.library import find_query
    from graphbuild.neo4j.params import Resolved, guess_value, resolve_params

    if name is None:
        assert statement is not None
        own = Resolved({k: guess_value(v) for k, v in given.items()}, dict.fromkeys(given, "given"))
        return statement, own, "query"
    try:
        query = find_query(queries, name)
        resolved = resolve_params(query, graph, given, classes=_graph_classes(graph))
    except UsageError as error:
        raise typer.BadParameter(str(error), param_hint="--name/--param") from None
    return query.text, resolved, f"{query.name}: {query.description}"


Rows = tuple[list[str], list[dict[str, Any]]]


def _ask_remote(uri: str, user: str, database: str, text: str, values: dict[str, Any]) -> Rows:
    """Run ``text`` on the Bolt server at ``uri`` (the graph already there)."""
    from graphbuild.neo4j.library import run_cypher
    from graphbuild.neo4j.writer import connect

    with connect(uri, user, password(user, uri)) as driver:
        return run_cypher(driver, text, values, database=database)


def _ask_local(graph: nx.MultiDiGraph[str], quiet: bool, text: str, values: dict[str, Any]) -> Rows:
    """Run ``text`` on a local server started for ``graph``, and stop it."""
    from graphbuild.neo4j.library import run_cypher

    with local_server(graph, quiet=quiet) as (server, driver):
        return run_cypher(driver, text, values, database=server.database)


def _serve_password(data_dir: Path | None) -> tuple[str, bool]:
    """The server's password and whether it came from NEO4J_PASSWORD; kept in ``data_dir`` between runs."""
    given = os.environ.get("NEO4J_PASSWORD")
    kept = data_dir / "graphbuild-serve.json" if data_dir is not None else None
    if kept is not None and kept.exists():
        stored = str(json.loads(kept.read_text(encoding="utf-8"))["password"])
        if given is not None and given != stored:
            raise UsageError(f"{data_dir} was first served with another password; unset NEO4J_PASSWORD to use it "
                             "(it is kept in graphbuild-serve.json there), or use a new --data-dir")
        return stored, given is not None
    secret = given if given is not None else secrets.token_urlsafe(12)
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as handle:
            json.dump({"password": secret}, handle)
    return secret, given is not None


def _port(asked: int | None) -> int:
    from graphbuild.neo4j.localserver import free_port, port_free

    if asked is None:
        return NEO4J_PORT if port_free(NEO4J_PORT) else free_port()
    if asked and not port_free(asked):
        raise UsageError(f"port {asked} is in use (a Neo4j already running?); pick another with --port, or --port 0 "
                         "for any free one")
    return asked or free_port()


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@app.command("serve")
def serve_cli(
    source: SourceArg = Path("out"),
    data_dir: Annotated[Path | None, typer.Option(
        "--data-dir", file_okay=False, show_default=False,
        help="Keep the database here between runs (default: a temporary one, removed at the end).")] = None,
    port: Annotated[int | None, typer.Option(
        "--port", min=0, show_default=False,
        help=f"Bolt port (default: {NEO4J_PORT} if free, else any free one; 0: any free one).")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Serve a graph over Bolt until Ctrl-C: the local server, the graph pushed, ready for any Bolt client.

    Prints the URI, user and password for the neo4j driver, cypher-shell, Neo4j Desktop or
    graphbuild query --uri. The password is NEO4J_PASSWORD if set (then it is not printed), else
    a new one (kept in --data-dir when given). Needs pip install 'graphbuild\\[local]'.
    """
    setup_logging(quiet)
    graph = run(lambda: load_graph(source))
    secret, from_env = run(lambda: _serve_password(data_dir))
    bolt_port = run(lambda: _port(port))
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with local_server(graph, quiet=quiet, root=data_dir, port=bolt_port, secret=secret) as (server, _):
            _announce(source, graph, server, "(from NEO4J_PASSWORD)" if from_env else server.password)
            while server.pid is not None and server.running():
                time.sleep(0.5)
            raise fail(GraphbuildError(f"the local Bolt server stopped by itself; see {server.root}/server.log"))
    except KeyboardInterrupt:
        err.print("stopped the local Bolt server", highlight=False)
    except GraphbuildError as error:
        raise fail(error) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _announce(source: Path, graph: nx.MultiDiGraph[str], server: LocalBoltServer, shown_password: str) -> None:
    uri, user, db = server.uri, server.user, server.database
    lines = [
        f"serving {source} ({graph.number_of_nodes():,} actors, {graph.number_of_edges():,} relations); Ctrl-C stops",
        f"  URI       {uri}", f"  user      {user}", f"  password  {shown_password}", f"  database  {db}",
        "connect with:",
        f"  graphbuild query {source} --uri {uri} --user {user} --database {db} --name top_actors",
        f"  cypher-shell -a {uri} -u {user} -d {db}",
        f"  python: neo4j.GraphDatabase.driver('{uri}', auth=('{user}', PASSWORD)) with database_='{db}'",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


@app.command("sandbox")
def sandbox_cli(
    source: SourceArg = Path("out"),
    names: Annotated[list[str] | None, typer.Option("--query", "-q", metavar="NAME", show_default=False,
                                                    help="Run only this curated query (repeatable).")] = None,
    params: ParamOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows to print per query.")] = 8,
) -> None:
    """Try the curated queries without Neo4j: start a local Bolt server, push the graph, run them, stop.

    Parameters left out take defaults worked out on your graph (the top actor, no date bound);
    --param sets one for every query that takes it. Needs pip install 'graphbuild\\[local]'; nothing is kept.
    """
    from graphbuild.neo4j.library import find_query, load_queries, run_cypher
    from graphbuild.neo4j.params import resolve_params

    setup_logging(quiet=False)
    graph = run(lambda: load_graph(source))
    curated = run(lambda: load_queries())
    try:
        wanted = [find_query(curated, n) for n in names] if names else curated
    except UsageError as error:
        raise typer.BadParameter(str(error), param_hint="--query") from None
    given = parse_params(params)
    declared = {p.name for q in wanted for p in q.params}
    if set(given) - declared:
        raise typer.BadParameter(f"no query here takes {', '.join(sorted(set(given) - declared))}; they take "
                                 f"{', '.join(sorted(declared)) or 'no parameters'}", param_hint="--param")
    classes = _graph_classes(graph)
    try:
        plans = [(q, resolve_params(q, graph, {k: v for k, v in given.items() if k in {p.name for p in q.params}},
                                    classes=classes)) for q in wanted]
    except UsageError as error:
        raise typer.BadParameter(str(error), param_hint="--param") from None

    def sandbox() -> None:
        with local_server(graph, quiet=False) as (server, driver):
            for query, resolved in plans:
                columns, rows = run_cypher(driver, query.text, resolved.values, database=server.database)
                title = f"{query.name}: {query.description}"
                render(columns, rows, limit=limit, title=title)
                if resolved.values:
                    out.print(f"  with {_with(resolved)}; {len(rows)} rows", highlight=False,
                              soft_wrap=True)
        err.print("local Bolt server stopped")

    run(sandbox)
