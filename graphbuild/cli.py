"""The ``graphbuild`` command line: parse arguments, call the library twin, render the result.

Exit codes: 0 success; 1 an error; 2 bad input or usage (a missing path, say); 3 the run
finished but skipped bad records (listed in ``errors.jsonl``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import networkx as nx
import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from graphbuild._version import __version__
from graphbuild.cache import ExtractionCache, default_cache_dir
from graphbuild.errors import GraphbuildError, InputError
from graphbuild.executors import available_cores
from graphbuild.explorer import DEFAULT_MAX_NODES, plot_ego, write_explorer
from graphbuild.export import FORMATS, read_json
from graphbuild.extract import Extractor
from graphbuild.graph import graph_summary
from graphbuild.neo4j_writer import DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_CAP, PushReport, connect, push_graph
from graphbuild.nlp import DEFAULT_MODEL, check_model, load_model, model_version, package_version
from graphbuild.pipeline import (
    build,
    count_records,
    export_triples,
    extract_open_to_file,
    extract_to_file,
    load_triples,
)
from graphbuild.relations import load_relations
from graphbuild.resolve import AliasTable, load_aliases

app = typer.Typer(
    name="graphbuild",
    help="Build a knowledge graph of who does what to whom from news articles.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    rich_markup_mode="rich",
)

EXIT_SKIPPED = 3
_err = Console(stderr=True)
_out = Console()
T = TypeVar("T")


class Executor(StrEnum):
    """Where extraction runs."""

    local = "local"
    dask = "dask"


class Format(StrEnum):
    """Graph file formats ``build`` and ``export`` can write."""

    graphml = "graphml"
    json = "json"
    gexf = "gexf"
    csv = "csv"


InputsArg = Annotated[
    list[str],
    typer.Argument(help="Articles: .txt files, .jsonl files (id, text, title, date, url, source), "
                        "directories (searched recursively), or - for JSON Lines on stdin.",
                   show_default=False),
]
ModelOpt = Annotated[str, typer.Option("--model", "-m", envvar="GRAPHBUILD_MODEL",
                                       help="spaCy model (an installed package name).")]
AliasOpt = Annotated[Path | None, typer.Option("--aliases", "-a", exists=True, dir_okay=False,
                                               help="Alias file (YAML or CSV) mapping names onto one entity.")]
WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", "-w", min=1, show_default=False,
    help=f"Extraction processes on this machine (default: all cores, {available_cores()} here).")]
ExecutorOpt = Annotated[Executor, typer.Option(
    "--executor", help="Where extraction runs: local processes, or a Dask cluster (needs --scheduler).")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", envvar="DASK_SCHEDULER_ADDRESS", help="Dask scheduler address, e.g. tcp://HOST:8786.")]
CacheDirOpt = Annotated[Path | None, typer.Option(
    "--cache-dir", envvar="GRAPHBUILD_CACHE_DIR", file_okay=False, show_default=False,
    help="Extraction cache directory (default: ~/.cache/graphbuild).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Extract every article again; do not read or add to "
                                                              "the cache.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Texts per spaCy batch.")]
MinConfidenceOpt = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                 help="Drop triples whose confidence is below this (0–1).")]
RelationsOpt = Annotated[Path | None, typer.Option("--relations", exists=True, dir_okay=False,
                                                   help="Relation synonyms (TSV or YAML) added to the built-in table.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Stop at the first bad record instead of skipping it.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
FormatOpt = Annotated[list[Format] | None, typer.Option("--format", "-f",
                                                        help="Graph format to write (repeatable; default: all).")]


UriOpt = Annotated[str, typer.Option("--uri", envvar="NEO4J_URI",
                                     help="Neo4j URI: bolt://, bolt+s://, neo4j:// or neo4j+s://.")]
UserOpt = Annotated[str, typer.Option("--user", envvar="NEO4J_USER", help="Neo4j user.")]
DatabaseOpt = Annotated[str, typer.Option("--database", envvar="NEO4J_DATABASE", help="Neo4j database.")]
PushBatchOpt = Annotated[int, typer.Option("--push-batch-size", min=1, help="Rows per Neo4j transaction.")]
EvidenceCapOpt = Annotated[int, typer.Option("--evidence-cap", min=0,
                                             help="Evidence sentences kept on each Neo4j relationship.")]


def _password(user: str, uri: str) -> str:
    """The Neo4j password from NEO4J_PASSWORD, else a hidden prompt; never echoed or logged."""
    password = os.environ.get("NEO4J_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise typer.BadParameter(f"set NEO4J_PASSWORD to the password of {user!r} at {uri}",
                                 param_hint="NEO4J_PASSWORD")
    value: str = typer.prompt(f"Neo4j password for {user} at {uri}", hide_input=True)
    return value


def _push(graph: nx.MultiDiGraph[str], uri: str, user: str, database: str, batch_size: int, evidence_cap: int,
          *, quiet: bool, min_confidence: float = 0.0) -> PushReport:
    password = _password(user, uri)
    total = graph.number_of_nodes() + graph.number_of_edges()
    with _progress(total, f"pushing to {uri}", quiet=quiet) as advance:

        def run() -> PushReport:
            with connect(uri, user, password) as driver:
                return push_graph(graph, driver, database=database, batch_size=batch_size,
                                  evidence_cap=evidence_cap, min_confidence=min_confidence, progress=advance)

        report = _run(run)
    if not quiet:
        _err.print(f"pushed {report.entities} entities, {report.relationships} relationships, "
                   f"{report.articles} articles to {uri} (database {database}) in {report.seconds:.1f} s",
                   highlight=False)
    return report


def _setup_logging(quiet: bool) -> None:
    logging.basicConfig(
        level=logging.ERROR if quiet else logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=_err, show_time=False, show_path=False, markup=False)],
        force=True,
    )


def _fail(err: GraphbuildError) -> typer.Exit:
    _err.print(f"[bold red]error:[/] {err}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(code=err.exit_code)


def _run(action: Callable[[], T]) -> T:
    """Run a library call, turning graphbuild errors into one line on stderr and an exit code."""
    try:
        return action()
    except GraphbuildError as err:
        raise _fail(err) from None
    except KeyboardInterrupt:
        _err.print("interrupted")
        raise typer.Exit(code=130) from None


@contextmanager
def _progress(total: int | None, label: str, *, quiet: bool) -> Iterator[Callable[[int], None]]:
    if quiet:
        yield lambda _n: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn()]
    with Progress(*columns, console=_err, transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def _aliases(path: Path | None) -> AliasTable:
    return load_aliases(path) if path is not None else AliasTable()


def _extractor(relations: Path | None, min_confidence: float) -> Extractor:
    return Extractor(relations=load_relations(relations), min_confidence=min_confidence)


def _formats(formats: list[Format] | None) -> tuple[str, ...]:
    return tuple(f.value for f in formats) if formats else FORMATS


def _version_callback(value: bool) -> None:
    if value:
        _out.print(f"graphbuild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Build a knowledge graph of who does what to whom from news articles."""


@app.command("build")
def build_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, help="Output directory.")] = Path("out"),
    model: ModelOpt = DEFAULT_MODEL,
    aliases: AliasOpt = None,
    relations: RelationsOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    formats: FormatOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = Executor.local,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when --out is up to date.")] = False,
    batch_size: BatchOpt = 32,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    explorer: Annotated[bool, typer.Option("--explorer/--no-explorer",
                                           help="Also write the interactive explorer (explorer.html).")] = True,
    push: Annotated[bool, typer.Option("--push", help="Also push the graph to Neo4j (see graphbuild push).")] = False,
    uri: UriOpt = "bolt://localhost:7687",
    user: UserOpt = "neo4j",
    database: DatabaseOpt = "neo4j",
    push_batch_size: PushBatchOpt = DEFAULT_BATCH_SIZE,
    evidence_cap: EvidenceCapOpt = DEFAULT_EVIDENCE_CAP,
) -> None:
    """Extract triples from articles, merge them into one graph and write every output file.

    Writes triples.jsonl, articles.jsonl, errors.jsonl, graph.graphml, graph.json, graph.gexf,
    nodes.csv + relationships.csv (neo4j-admin import format) and manifest.json into --out.
    """
    _setup_logging(quiet)
    alias_table = _run(lambda: _aliases(aliases))
    extractor = _run(lambda: _extractor(relations, min_confidence))
    total = _run(lambda: count_records(inputs))
    _run(lambda: check_model(model))
    with _cache(cache_dir, no_cache) as cache, _progress(total, "extracting", quiet=quiet) as advance:
        report = _run(lambda: build(inputs, out, formats=_formats(formats), model=model, aliases=alias_table,
                                    extractor=extractor, cache=cache, force=force,
                                    workers=workers or available_cores(), executor=executor.value,
                                    scheduler=scheduler, batch_size=batch_size, strict=strict, progress=advance))
    if report.up_to_date:
        if not quiet:
            _err.print(f"{out}/ is up to date with the inputs ({report.articles} articles, {report.triples} triples, "
                       f"{report.nodes} nodes, {report.edges} edges); nothing extracted. --force rebuilds it.",
                       highlight=False)
        if (explorer and not (out / "explorer.html").exists()) or push:
            report = dataclasses.replace(report, graph=_run(lambda: read_json(out / "graph.json")))
        explorer = explorer and not (out / "explorer.html").exists()
    elif not quiet:
        if report.graph is not None:
            _print_stats(graph_summary(report.graph, top=10))
        _err.print(f"{report.articles} articles{_cache_line(cache)}, {report.errors} skipped, "
                   f"{report.triples} triples, {report.nodes} nodes, {report.edges} edges → {out}/", highlight=False)
        if report.errors:
            _err.print(f"skipped records are listed in {out / 'errors.jsonl'}", highlight=False)
    if explorer and report.graph is not None:
        graph = report.graph
        page = _run(lambda: write_explorer(graph, out / "explorer.html"))
        if not quiet:
            _err.print(f"explorer: {page}", highlight=False)
    if push and report.graph is not None:
        _push(report.graph, uri, user, database, push_batch_size, evidence_cap, quiet=quiet)
    if report.errors:
        raise typer.Exit(code=EXIT_SKIPPED)


@contextmanager
def _cache(cache_dir: Path | None, no_cache: bool) -> Iterator[ExtractionCache | None]:
    if no_cache:
        yield None
        return
    cache = _run(lambda: ExtractionCache.open(cache_dir))
    try:
        yield cache
    finally:
        cache.close()


def _cache_line(cache: ExtractionCache | None) -> str:
    if cache is None:
        return " (cache off)"
    return f" ({cache.hits} from the cache, {cache.misses} extracted)"


@app.command("push")
def push_cli(
    source: Annotated[Path, typer.Argument(help="A build directory, graph.json or triples.jsonl.",
                                           show_default=False)] = Path("out"),
    uri: UriOpt = "bolt://localhost:7687",
    user: UserOpt = "neo4j",
    database: DatabaseOpt = "neo4j",
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per Neo4j transaction.")] = (
        DEFAULT_BATCH_SIZE),
    evidence_cap: EvidenceCapOpt = DEFAULT_EVIDENCE_CAP,
    min_confidence: MinConfidenceOpt = 0.0,
    quiet: QuietOpt = False,
) -> None:
    """Push a graph into Neo4j over Bolt: idempotent, batched, and safe to repeat.

    The password comes from NEO4J_PASSWORD or a hidden prompt; it is never printed.
    """
    _setup_logging(quiet)
    graph = _run(lambda: _load_graph(source))
    _push(graph, uri, user, database, batch_size, evidence_cap, quiet=quiet, min_confidence=min_confidence)


@app.command("sandbox")
def sandbox_cli(
    source: Annotated[Path, typer.Argument(help="A build directory, graph.json or triples.jsonl.",
                                           show_default=False)] = Path("out"),
    queries: Annotated[Path, typer.Option("--queries", help="The curated queries file.")] = Path(
        "cypher/queries.cypher"),
    names: Annotated[list[str] | None, typer.Option("--query", "-q",
                                                    help="Run only this curated query (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows to print per query.")] = 8,
) -> None:
    """Try Cypher without Neo4j: start a local Bolt server, push the graph, run curated queries, stop.

    Needs the arcadedb-embedded package (pip install 'graphbuild[local]'); nothing is kept.
    """
    from graphbuild.cypher_library import load_queries, run_query
    from graphbuild.localserver import LocalBoltServer

    _setup_logging(quiet=False)
    graph = _run(lambda: _load_graph(source))
    curated = _run(lambda: load_queries(queries))
    wanted = [q for q in curated if not names or q.name in names]
    unknown = sorted(set(names or ()) - {q.name for q in curated})
    if unknown:
        raise typer.BadParameter(f"no curated query named {', '.join(unknown)}; "
                                 f"choose from {', '.join(q.name for q in curated)}", param_hint="--query")

    def run() -> None:
        with _err.status("starting a local Bolt server…"), LocalBoltServer() as server:
            _err.print(f"local Bolt server at {server.uri} (database {server.database})", highlight=False)
            with connect(server.uri, server.user, server.password) as driver:
                report = push_graph(graph, driver, database=server.database)
                _err.print(f"pushed {report.entities} entities and {report.relationships} relationships",
                           highlight=False)
                for query in wanted:
                    rows = run_query(driver, query, database=server.database)
                    table = Table(title=f"{query.name}: {query.description}", title_justify="left")
                    columns = list(rows[0]) if rows else ["(no rows)"]
                    for column in columns:
                        table.add_column(column)
                    for row in rows[:limit]:
                        table.add_row(*(_cell(row[c]) for c in columns))
                    _out.print(table)
                    if query.params:
                        _out.print(f"  with {json.dumps(query.params)}; {len(rows)} rows", highlight=False)
        _err.print("local Bolt server stopped")

    _run(run)


def _cell(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, list | dict) else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


@app.command("view")
def view_cli(
    source: Annotated[Path, typer.Argument(help="A build directory, graph.json or triples.jsonl.",
                                           show_default=False)] = Path("out"),
    output: Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False,
                                                help="The page to write (default: explorer.html there).")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1,
                                           help="Show at most this many actors, the most connected.")] = (
        DEFAULT_MAX_NODES),
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")] = False,
) -> None:
    """Write a self-contained interactive explorer: one HTML file, nothing fetched when it is opened."""
    graph = _run(lambda: _load_graph(source))
    target = output or (source if source.is_dir() else source.parent) / "explorer.html"
    page = _run(lambda: write_explorer(graph, target, max_nodes=max_nodes))
    _err.print(f"wrote {page} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} relations)",
               highlight=False)
    if open_page:
        import webbrowser

        webbrowser.open(page.resolve().as_uri())


@app.command("plot")
def plot_cli(
    source: Annotated[Path, typer.Argument(help="A build directory, graph.json or triples.jsonl.",
                                           show_default=False)] = Path("out"),
    actor: Annotated[str, typer.Option("--actor", "-a", help="The actor at the centre (name or alias).")] = "",
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=3, help="Relations away from the actor.")] = 1,
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False,
                                         help="Picture to write: .png, .svg or .pdf.")] = Path("ego.png"),
) -> None:
    """Draw one actor's ego network as a picture for reports (matplotlib)."""
    if not actor:
        raise typer.BadParameter("name the actor to draw, e.g. --actor 'Ben Wallace'", param_hint="--actor")
    graph = _run(lambda: _load_graph(source))
    path = _run(lambda: plot_ego(graph, actor, output, depth=depth))
    _err.print(f"wrote {path}", highlight=False)


@app.command("extract")
def extract_cli(
    inputs: InputsArg,
    output: Annotated[str, typer.Option("--output", "-o", help="Triples file (JSON Lines); - for stdout.")] = "-",
    errors: Annotated[Path | None, typer.Option("--errors", help="Write skipped records here (JSON Lines).")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    aliases: AliasOpt = None,
    relations: RelationsOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = Executor.local,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    batch_size: BatchOpt = 32,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    open_ie: Annotated[bool, typer.Option("--open", help="Emit every subject–relation–object tuple with its words "
                                                          "as written, not only actor-to-actor triples.")] = False,
) -> None:
    """Extract actor triples only, one JSON object a line (no graph)."""
    _setup_logging(quiet)
    if open_ie:
        total = _run(lambda: count_records(inputs))
        nlp = _run(lambda: load_model(model))
        with _progress(total, "extracting", quiet=quiet or output == "-") as advance:
            report = _run(lambda: extract_open_to_file(inputs, output, nlp=nlp, batch_size=batch_size,
                                                       workers=workers or 1, min_confidence=min_confidence,
                                                       errors_path=errors, progress=advance))
        if not quiet:
            _err.print(f"{report.articles} articles, {report.errors} skipped, {report.triples} tuples",
                       highlight=False)
        if report.errors:
            raise typer.Exit(code=EXIT_SKIPPED)
        return
    alias_table = _run(lambda: _aliases(aliases))
    extractor = _run(lambda: _extractor(relations, min_confidence))
    total = _run(lambda: count_records(inputs))
    _run(lambda: check_model(model))
    with (_cache(cache_dir, no_cache) as cache,
          _progress(total, "extracting", quiet=quiet or output == "-") as advance):
        report = _run(lambda: extract_to_file(inputs, output, errors_path=errors, model=model, aliases=alias_table,
                                              extractor=extractor, cache=cache, workers=workers or available_cores(),
                                              executor=executor.value, scheduler=scheduler, batch_size=batch_size,
                                              strict=strict, progress=advance))
    if not quiet:
        _err.print(f"{report.articles} articles{_cache_line(cache)}, {report.errors} skipped, "
                   f"{report.triples} triples", highlight=False)
    if report.errors:
        raise typer.Exit(code=EXIT_SKIPPED)


@app.command("export")
def export_cli(
    source: Annotated[Path, typer.Argument(help="A triples.jsonl file, or a build directory holding one.",
                                           show_default=False)],
    out: Annotated[Path | None, typer.Option("--out", "-o", file_okay=False,
                                             help="Output directory (default: beside the triples).")] = None,
    formats: FormatOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Turn a triples file into the graph formats (GraphML, JSON, GEXF, neo4j-admin CSV)."""
    _setup_logging(quiet)
    triples = source / "triples.jsonl" if source.is_dir() else source
    articles = triples.parent / "articles.jsonl"
    target = out or triples.parent
    report = _run(lambda: export_triples(triples, target, articles_path=articles, formats=_formats(formats)))
    if not quiet:
        for path in report.files:
            _err.print(f"wrote {path}", highlight=False)
        _err.print(f"{report.triples} triples → {report.nodes} nodes, {report.edges} edges", highlight=False)


def _load_graph(path: Path) -> nx.MultiDiGraph[str]:
    if path.is_dir():
        if (path / "graph.json").exists():
            return read_json(path / "graph.json")
        path = path / "triples.jsonl"
    if not path.exists():
        raise InputError(f"{path}: no such file; give a build directory, graph.json or triples.jsonl")
    if path.suffix == ".json":
        return read_json(path)
    from graphbuild.graph import build_graph

    return build_graph(load_triples(path))


def _print_stats(summary: dict[str, Any]) -> None:
    counts = Table(title="graph", show_header=False)
    for name in ("articles", "nodes", "edges", "weight"):
        counts.add_row(name, str(summary[name]))
    actors = Table(title="top actors")
    for column in ("actor", "type", "degree", "mentions"):
        actors.add_column(column, justify="right" if column in {"degree", "mentions"} else "left")
    for row in summary["top_actors"]:
        actors.add_row(row["name"], row["type"], str(row["degree"]), str(row["mentions"]))
    relations = Table(title="top relations")
    relations.add_column("relation")
    relations.add_column("weight", justify="right")
    for row in summary["top_relations"]:
        relations.add_row(row["relation"], str(row["weight"]))
    for table in (counts, actors, relations):
        _out.print(table)


@app.command("stats")
def stats_cli(
    source: Annotated[Path, typer.Argument(help="A build directory, graph.json or triples.jsonl.",
                                           show_default=False)] = Path("out"),
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many actors and relations to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Print counts, the top actors by degree and the top relations by weight."""
    graph = _run(lambda: _load_graph(source))
    summary = graph_summary(graph, top=top)
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_stats(summary)


@app.command("eval")
def eval_cli(
    gold: Annotated[Path, typer.Argument(help="Gold file: one article a line with id, text, entities, triples.",
                                         show_default=False)],
    model: ModelOpt = DEFAULT_MODEL,
    details: Annotated[bool, typer.Option("--details", help="List every TP/FP/FN decision.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Score the extractor on a gold file: precision, recall and F1 per article and overall."""
    from dataclasses import asdict

    from graphbuild.evaluate import evaluate, format_report

    _setup_logging(quiet=True)
    nlp = _run(lambda: load_model(model))
    report = _run(lambda: evaluate(gold, nlp=nlp, details=details))
    if details:
        for verdict, article, subject, relation, obj in report.details:
            _out.print(f"{verdict:<10} {article:<10} {subject} | {relation} | {obj}", highlight=False, markup=False)
    if as_json:
        m = report.micro
        data = {"micro": {**asdict(m), "precision": m.precision, "recall": m.recall, "f1": m.f1,
                          "entity_recall": m.entity_recall, "split_rate": m.split_rate},
                "macro_f1": report.macro_f1,
                "articles": [{**asdict(a), "precision": a.precision, "recall": a.recall, "f1": a.f1}
                             for a in report.articles]}
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        _out.print(format_report(report), highlight=False, markup=False)


@app.command("info")
def info_cli(
    model: ModelOpt = DEFAULT_MODEL,
) -> None:
    """Print the versions of graphbuild, its model and the packages it uses."""
    table = Table(show_header=False)
    table.add_row("graphbuild", __version__)
    for dist in ("spacy", "networkx", "neo4j", "typer", "rich", "ftfy", "PyYAML"):
        table.add_row(dist, package_version(dist) or "not installed")
    try:
        nlp = load_model(model)
        table.add_row("model", f"{model} ({model_version(nlp)})")
        table.add_row("pipeline", ", ".join(nlp.pipe_names))
    except GraphbuildError as err:
        table.add_row("model", f"{model}: {err}")
    table.add_row("python", sys.version.split()[0])
    table.add_row("cores", f"{available_cores()} usable of {os.cpu_count()}")
    _out.print(table)


cache_app = typer.Typer(help="Inspect or empty the extraction cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info_cli(cache_dir: CacheDirOpt = None) -> None:
    """Show where the cache is, how many results it holds and its size."""
    with _cache(cache_dir, False) as cache:
        assert cache is not None
        info = cache.info()
    table = Table(show_header=False)
    table.add_row("file", str(info.path))
    table.add_row("results", str(info.entries))
    table.add_row("size", f"{info.bytes / 1e6:.1f} MB")
    table.add_row("configurations", str(len(info.configs)))
    _out.print(table)


@cache_app.command("clear")
def cache_clear_cli(cache_dir: CacheDirOpt = None) -> None:
    """Delete every cached extraction result (the next run extracts everything again)."""
    with _cache(cache_dir, False) as cache:
        assert cache is not None
        count = cache.clear()
    _err.print(f"removed {count} cached results from {cache_dir or default_cache_dir()}", highlight=False)
