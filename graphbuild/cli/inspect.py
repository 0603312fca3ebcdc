"""``graphbuild stats``, ``eval``, ``rules``, ``info`` and ``cache``: what a graph, the rules and the setup hold."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from graphbuild import __version__
from graphbuild.cli.common import (
    DEFAULT_MODEL,
    CacheDirOpt,
    DisableRuleOpt,
    ModelOpt,
    SourceArg,
    app,
    err,
    load_graph,
    make_extractor,
    open_cache,
    out,
    print_stats,
    progress,
    run,
    setup_logging,
)
from graphbuild.errors import GraphbuildError
from graphbuild.executors.base import available_cores

if TYPE_CHECKING:
    from graphbuild.evaluate import ArticleScore, EvalReport
    from graphbuild.extraction.extractor import Extractor
    from graphbuild.extraction.rule import Rule
    from graphbuild.extraction.usage import RuleUsage

__all__ = ["eval_cli", "info_cli", "rules_cli", "stats_cli"]


@app.command("stats")
def stats_cli(
    source: SourceArg = Path("out"),
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many actors and relations to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Print counts, the top actors by degree, the top relations, the relations by class and the most
    conflictual and most cooperative actor pairs."""
    from graphbuild.graph import graph_summary

    graph = run(lambda: load_graph(source))
    summary = graph_summary(graph, top=top)
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        print_stats(summary)


@app.command("eval")
def eval_cli(
    gold: Annotated[Path, typer.Argument(help="Gold file: one article a line with id, text, entities, triples.",
                                         show_default=False)],
    model: ModelOpt = DEFAULT_MODEL,
    folds: Annotated[list[int] | None, typer.Option("--fold", metavar="N", show_default=False,
                                                    help="Score only the articles of this fold (repeatable).")] = None,
    by_rule: Annotated[bool, typer.Option("--by-rule",
                                          help="Also list each rule's hits, errors and precision.")] = False,
    disable_rule: DisableRuleOpt = None,
    details: Annotated[bool, typer.Option("--details", help="List every TP/FP/FN decision, and the class "
                                                             "confusion table.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Score the extractor on a gold file: precision, recall and F1 per article, per fold and overall."""
    from graphbuild.evaluate import evaluate, format_confusion, format_report, format_rules
    from graphbuild.extraction.nlp import load_model

    setup_logging(quiet=True)
    extractor = make_extractor(None, 0.0, disable_rule)
    nlp = run(lambda: load_model(model))
    report = run(lambda: evaluate(gold, nlp=nlp, extractor=extractor, details=details, folds=folds or ()))
    if as_json:
        sys.stdout.write(json.dumps(_report_json(report), indent=2) + "\n")
        return
    if details:
        for verdict, article, subject, relation, obj in report.details:
            out.print(f"{verdict:<10} {article:<10} {subject} | {relation} | {obj}", highlight=False, markup=False)
        if report.confusion:
            out.print(format_confusion(report), highlight=False, markup=False)
    if by_rule:
        out.print(format_rules(report), highlight=False, markup=False)
    out.print(format_report(report), highlight=False, markup=False)


def _score_json(score: ArticleScore) -> dict[str, Any]:
    return {**asdict(score), "precision": score.precision, "recall": score.recall, "f1": score.f1,
            "entity_recall": score.entity_recall, "split_rate": score.split_rate,
            "class_accuracy": score.class_accuracy}


def _report_json(report: EvalReport) -> dict[str, Any]:
    return {
        "micro": _score_json(report.micro), "macro_f1": report.macro_f1,
        "folds": {group.label: _score_json(group.score) for group in report.folds},
        "rules": [{**asdict(r), "precision": r.precision} for r in report.rules],
        "confusion": [{"gold": g, "system": s, "triples": n} for g, s, n in report.confusion],
        "articles": [_score_json(a) for a in report.articles],
    }


@app.command("rules")
def rules_cli(
    corpus: Annotated[list[str] | None, typer.Option(
        "--corpus", "-c", metavar="FILE", show_default=False,
        help="Also run the rules on these articles (repeatable) and count the triples each gives.")] = None,
    family: Annotated[str | None, typer.Option("--family", help="Only the rules of this family.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    model: ModelOpt = DEFAULT_MODEL,
    disable_rule: DisableRuleOpt = None,
) -> None:
    """List the rule catalogue: each rule's name, family, construction and an example.

    With --corpus, count what each rule gives there: an extraction rule the triples it makes, a
    resolution rule the triples that are lost when it is switched off.
    """
    from graphbuild.extraction.catalogue import CATALOGUE

    rules = [rule for rule in CATALOGUE if family is None or rule.family == family]
    if not rules:
        raise typer.BadParameter(f"no family {family!r}; the families are: "
                                 f"{', '.join(sorted({r.family for r in CATALOGUE}))}", param_hint="--family")
    extractor = make_extractor(None, 0.0, disable_rule)
    counts = _rule_counts(corpus, model, extractor, quiet=as_json) if corpus else None
    if as_json:
        rows = [_rule_row(rule) | ({"triples": counts[rule.name]} if counts else {}) for rule in rules]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(show_lines=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("construction, and an example → the triples it gives", overflow="fold", ratio=1)
    if counts is not None:
        table.add_column("triples", justify="right")
    for rule in rules:
        off = " [red](off)[/]" if rule.name in extractor.disabled_rules else ""
        name = f"[bold]{rule.name}[/]{off}\n[dim]{rule.family}, {rule.stage.value}[/]"
        text = f"{escape(rule.construction)}\n[dim]{escape(_example_text(rule))}[/]"
        table.add_row(name, text, *([str(counts[rule.name])] if counts is not None else []))
    out.print(table)


def _rule_counts(corpus: list[str], model: str, extractor: Extractor, *, quiet: bool) -> dict[str, int]:
    from graphbuild.extraction.nlp import load_model
    from graphbuild.extraction.usage import rule_usage
    from graphbuild.pipeline import count_records

    total = run(lambda: count_records(corpus))
    nlp = run(lambda: load_model(model))
    with progress(total, "counting", quiet=quiet) as advance:
        usage: RuleUsage = run(lambda: rule_usage(corpus, nlp=nlp, extractor=extractor, progress=advance))
    if not quiet:
        err.print(f"{usage.articles} articles, {usage.errors} skipped, {usage.triples} triples", highlight=False)
    return {count.rule.name: count.triples for count in usage.counts}


def _rule_row(rule: Rule) -> dict[str, Any]:
    row = asdict(rule)
    row["stage"] = rule.stage.value
    return row


def _example_text(rule: Rule) -> str:
    example = next(e for e in rule.examples if e.triples)
    triples = "; ".join(" | ".join(t) for t in example.triples)
    return f"{example.text} → {triples}"


@app.command("info")
def info_cli(
    model: ModelOpt = DEFAULT_MODEL,
) -> None:
    """Print the versions of graphbuild, its model and the packages it uses."""
    from graphbuild.extraction.nlp import load_model, model_version, package_version

    table = Table(show_header=False)
    table.add_row("graphbuild", __version__)
    for dist in ("spacy", "networkx", "neo4j", "typer", "rich", "ftfy", "PyYAML"):
        table.add_row(dist, package_version(dist) or "not installed")
    try:
        nlp = load_model(model)
        table.add_row("model", f"{model} ({model_version(nlp)})")
        table.add_row("pipeline", ", ".join(nlp.pipe_names))
    except GraphbuildError as error:
        table.add_row("model", f"{model}: {error}")
    table.add_row("python", sys.version.split()[0])
    table.add_row("cores", f"{available_cores()} usable of {os.cpu_count()}")
    out.print(table)


cache_app = typer.Typer(help="Inspect or empty the extraction cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info_cli(cache_dir: CacheDirOpt = None) -> None:
    """Show where the cache is, how many results it holds and its size."""
    with open_cache(cache_dir, False) as cache:
        assert cache is not None
        info = cache.info()
    table = Table(show_header=False)
    table.add_row("file", str(info.path))
    table.add_row("results", str(info.entries))
    table.add_row("size", f"{info.bytes / 1e6:.1f} MB")
    table.add_row("configurations", str(len(info.configs)))
    out.print(table)


@cache_app.command("clear")
def cache_clear_cli(cache_dir: CacheDirOpt = None) -> None:
    """Delete every cached extraction result (the next run extracts everything again)."""
    from graphbuild.cache import default_cache_dir

    with open_cache(cache_dir, False) as cache:
        assert cache is not None
        count = cache.clear()
    err.print(f"removed {count} cached results from {cache_dir or default_cache_dir()}", highlight=False)
