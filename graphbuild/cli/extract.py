"""``graphbuild build``, ``extract`` and ``export``: from articles to triples, a graph and its files."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from graphbuild.cli.common import (
    DEFAULT_MODEL,
    EXIT_SKIPPED,
    AliasOpt,
    BatchOpt,
    CacheDirOpt,
    DatabaseOpt,
    DisableRuleOpt,
    EvidenceCapOpt,
    Executor,
    ExecutorOpt,
    FormatOpt,
    InputsArg,
    MinConfidenceOpt,
    ModelOpt,
    NoCacheOpt,
    PushBatchOpt,
    QuietOpt,
    RelationsOpt,
    SchedulerOpt,
    SchemaOpt,
    StrictOpt,
    UriOpt,
    UserOpt,
    WorkersOpt,
    app,
    cache_line,
    err,
    formats_of,
    make_extractor,
    make_schema,
    open_cache,
    print_skipped,
    print_stats,
    progress,
    run,
    setup_logging,
)
from graphbuild.cli.neo4j import push_to
from graphbuild.executors.base import available_cores
from graphbuild.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_CAP

if TYPE_CHECKING:
    from graphbuild.aliases import AliasTable

__all__ = ["build_cli", "export_cli", "extract_cli"]


def _aliases(path: Path | None) -> AliasTable:
    from graphbuild.aliases import AliasTable, load_aliases

    return load_aliases(path) if path is not None else AliasTable()


@app.command("build")
def build_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, help="Output directory.")] = Path("out"),
    model: ModelOpt = DEFAULT_MODEL,
    aliases: AliasOpt = None,
    relations: RelationsOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    disable_rule: DisableRuleOpt = None,
    schema: SchemaOpt = None,
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
    nodes.csv + relationships.csv (neo4j-admin import format), explorer.html (the interactive
    explorer) and manifest.json into --out.
    """
    from graphbuild.building import build
    from graphbuild.extraction.nlp import check_model
    from graphbuild.pipeline import count_records

    setup_logging(quiet)
    alias_table = run(lambda: _aliases(aliases))
    extractor = run(lambda: make_extractor(relations, min_confidence, disable_rule, schema))
    total = run(lambda: count_records(inputs))
    run(lambda: check_model(model))
    if explorer:
        from graphbuild.view.explorer import find_vis_network

        run(find_vis_network)  # before any work: a missing library says how to get it, or to pass --no-explorer
    with open_cache(cache_dir, no_cache) as cache, progress(total, "extracting", quiet=quiet) as advance:
        report = run(lambda: build(inputs, out, formats=formats_of(formats), model=model, aliases=alias_table,
                                   extractor=extractor, cache=cache, force=force, explorer=explorer,
                                   workers=workers or available_cores(), executor=executor.value,
                                   scheduler=scheduler, batch_size=batch_size, strict=strict, progress=advance))
    if report.up_to_date:
        if not quiet:
            err.print(f"{out}/ is up to date with the inputs ({report.articles} articles, {report.errors} skipped, "
                      f"{report.triples} triples, {report.nodes} nodes, {report.edges} edges); nothing extracted. "
                      "--force rebuilds it.", highlight=False)
            if report.errors:
                print_skipped(report.skipped, out / "errors.jsonl")
        if (explorer and not (out / "explorer.html").exists()) or push:
            from graphbuild.export import read_json

            report = dataclasses.replace(report, graph=run(lambda: read_json(out / "graph.json")))
        explorer = explorer and not (out / "explorer.html").exists()
        if explorer and report.graph is not None:
            from graphbuild.view.explorer import write_explorer

            graph = report.graph
            run(lambda: write_explorer(graph, out / "explorer.html"))
    elif not quiet:
        if report.graph is not None:
            from graphbuild.graph import graph_summary

            print_stats(graph_summary(report.graph, top=10))
        err.print(f"{report.articles} articles{cache_line(cache)}, {report.errors} skipped, "
                  f"{report.triples} triples, {report.nodes} nodes, {report.edges} edges → {out}/", highlight=False)
        if report.errors:
            print_skipped(report.skipped, out / "errors.jsonl")
    if explorer and not quiet:
        err.print(f"explorer: {out / 'explorer.html'}", highlight=False)
    if push and report.graph is not None:
        push_to(report.graph, uri, user, database, push_batch_size, evidence_cap, quiet=quiet)
    if report.errors:
        raise typer.Exit(code=EXIT_SKIPPED)


@app.command("extract")
def extract_cli(
    inputs: InputsArg,
    output: Annotated[str, typer.Option("--output", "-o", help="Triples file (JSON Lines); - for stdout.")] = "-",
    errors: Annotated[Path | None, typer.Option("--errors", help="Write skipped records here (JSON Lines).")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    aliases: AliasOpt = None,
    relations: RelationsOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    disable_rule: DisableRuleOpt = None,
    schema: SchemaOpt = None,
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
    from graphbuild.extraction.nlp import check_model
    from graphbuild.pipeline import count_records, extract_to_file

    setup_logging(quiet)
    if open_ie:
        _extract_open(inputs, output, errors, model, batch_size, workers, min_confidence, quiet)
        return
    alias_table = run(lambda: _aliases(aliases))
    extractor = run(lambda: make_extractor(relations, min_confidence, disable_rule, schema))
    total = run(lambda: count_records(inputs))
    run(lambda: check_model(model))
    with (open_cache(cache_dir, no_cache) as cache,
          progress(total, "extracting", quiet=quiet or output == "-") as advance):
        report = run(lambda: extract_to_file(inputs, output, errors_path=errors, model=model, aliases=alias_table,
                                             extractor=extractor, cache=cache, workers=workers or available_cores(),
                                             executor=executor.value, scheduler=scheduler, batch_size=batch_size,
                                             strict=strict, progress=advance))
    if not quiet:
        err.print(f"{report.articles} articles{cache_line(cache)}, {report.errors} skipped, "
                  f"{report.triples} triples", highlight=False)
        if report.errors:
            print_skipped(report.skipped, errors)
    if report.errors:
        raise typer.Exit(code=EXIT_SKIPPED)


def _extract_open(inputs: list[str], output: str, errors: Path | None, model: str, batch_size: int,
                  workers: int | None, min_confidence: float, quiet: bool) -> None:
    """``extract --open``: every subject–relation–object tuple, not only actor ones."""
    from graphbuild.extraction.nlp import load_model
    from graphbuild.pipeline import count_records, extract_open_to_file

    total = run(lambda: count_records(inputs))
    nlp = run(lambda: load_model(model))
    with progress(total, "extracting", quiet=quiet or output == "-") as advance:
        report = run(lambda: extract_open_to_file(inputs, output, nlp=nlp, batch_size=batch_size,
                                                  workers=workers or 1, min_confidence=min_confidence,
                                                  errors_path=errors, progress=advance))
    if not quiet:
        err.print(f"{report.articles} articles, {report.errors} skipped, {report.triples} tuples", highlight=False)
        if report.errors:
            print_skipped(report.skipped, errors)
    if report.errors:
        raise typer.Exit(code=EXIT_SKIPPED)


@app.command("export")
def export_cli(
    source: Annotated[Path, typer.Argument(help="A triples.jsonl file, or a build directory holding one.",
                                           show_default=False)],
    out: Annotated[Path | None, typer.Option("--out", "-o", file_okay=False,
                                             help="Output directory (default: beside the triples).")] = None,
    formats: FormatOpt = None,
    schema: SchemaOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Turn a triples file into the graph formats (GraphML, JSON, GEXF, neo4j-admin CSV).

    With --schema, relations are classed by that schema instead of by the classes in the file.
    """
    from graphbuild.building import export_triples

    setup_logging(quiet)
    triples = source / "triples.jsonl" if source.is_dir() else source
    articles = triples.parent / "articles.jsonl"
    target = out or triples.parent
    classes = make_schema(schema) if schema is not None else None
    report = run(lambda: export_triples(triples, target, articles_path=articles, formats=formats_of(formats),
                                        schema=classes))
    if not quiet:
        for path in report.files:
            err.print(f"wrote {path}", highlight=False)
        err.print(f"{report.triples} triples → {report.nodes} nodes, {report.edges} edges", highlight=False)
