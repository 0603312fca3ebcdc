"""Build: extract the articles, merge them into one graph, and write every output file.

:func:`build` is the library twin of ``graphbuild build``, :func:`export_triples` of
``graphbuild export``. A build directory is written atomically, file by file, and records the
fingerprint of its inputs and settings in ``manifest.json``, so an unchanged build is skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild._version import __version__
from graphbuild.aliases import AliasTable
from graphbuild.cache import ExtractionCache, article_key, config_id, model_id
from graphbuild.errors import InputError
from graphbuild.executors.base import available_cores
from graphbuild.export import FORMATS, export_graph
from graphbuild.extraction.extractor import EXTRACTOR_VERSION, Extractor
from graphbuild.extraction.nlp import DEFAULT_MODEL, model_version, package_version
from graphbuild.graph import GraphBuilder, classify_graph, mark_schema
from graphbuild.io import STDIN, atomic_write, dumps, read_jsonl, record_error_to_dict
from graphbuild.model import Article, ArticleResult, RecordError, Triple
from graphbuild.pipeline import BuildReport, Progress, Skipped, SkipTally, error_text, extract_articles, records
from graphbuild.records import article_to_row, row_to_article_entities, row_to_triple, triple_to_row
from graphbuild.schema import Schema

if TYPE_CHECKING:
    import networkx as nx
    from spacy.language import Language

__all__ = ["BuildReport", "build", "export_triples", "load_triples"]

log = logging.getLogger(__name__)


def _versions() -> dict[str, str | None]:
    return {name: package_version(name) for name in ("graphbuild", "spacy", "networkx", "neo4j", "typer")}


def _run_fingerprint(config: str, aliases: AliasTable, formats: tuple[str, ...]) -> Any:
    """Start the hash that says whether a build directory is up to date with its inputs and settings."""
    digest = hashlib.sha256()
    digest.update(json.dumps([__version__, config, sorted(formats),
                              sorted((k, v[0], str(v[1])) for k, v in aliases.entries.items())]).encode())
    return digest


def _feed(digest: Any, item: Article | RecordError, config: str) -> None:
    if isinstance(item, Article):
        digest.update(article_key(item, config).encode())
    else:
        digest.update(repr((item.source, item.line, item.reason)).encode())


def _up_to_date(out: Path, items: list[str | Path | Article], digest: Any, config: str) -> dict[str, Any] | None:
    """Return the manifest of ``out`` if it was built from the same inputs and settings, else None."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not manifest.get("fingerprint"):
        return None
    if not all((out / name).is_file() for name in manifest.get("files", [])):
        return None
    for record in records(items):
        _feed(digest, record, config)
    return manifest if digest.hexdigest() == manifest["fingerprint"] else None


def _clear_stale_temporaries(out: Path) -> None:
    """Remove the temporary files a killed run left beside its outputs (the outputs themselves are whole)."""
    for stale in out.glob(".*.tmp"):
        if stale.is_file() and stale.name.count(".") >= 3:
            with contextlib.suppress(OSError):
                stale.unlink()


def build(
    inputs: Iterable[str | Path | Article],
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    model: str = DEFAULT_MODEL,
    nlp: Language | None = None,
    extractor: Extractor | None = None,
    aliases: AliasTable | None = None,
    cache: ExtractionCache | None = None,
    force: bool = False,
    explorer: bool = False,
    progress: Progress | None = None,
    **options: Any,
) -> BuildReport:
    """Build the actor graph of ``inputs`` and write every output file into ``out_dir``.

    Writes ``triples.jsonl``, ``articles.jsonl``, ``errors.jsonl``, the graph in each of
    ``formats`` (``graph.graphml``, ``graph.json``, ``graph.gexf``, ``nodes.csv`` +
    ``relationships.csv``), ``explorer.html`` if asked, and ``manifest.json``. Every file is
    written atomically; the graph files are written side by side on all cores.

    With a ``cache``, articles extracted before are not parsed again, and a directory already
    built from the same inputs with the same settings is left as it is (the report then has
    ``up_to_date=True`` and no graph) unless ``force``.

    Args:
        inputs: paths as for :func:`extract_articles`, or :class:`Article` values.
        out_dir: the output directory (created if missing).
        formats: the graph formats to write.
        model, nlp: the spaCy model name, or an already loaded pipeline.
        extractor, aliases: the rules and the user alias table.
        cache: an open :class:`ExtractionCache`, or None to extract everything.
        force: rebuild even when ``out_dir`` is up to date.
        explorer: also write the explorer page ``explorer.html`` (needs the vis-network library).
        progress: called with 1 after each record (and with the record count when up to date).
        **options: passed on to :func:`extract_articles` (``workers``, ``executor``, ``strict`` …).

    Returns:
        A :class:`BuildReport` with the counts, the files and the graph.
    """
    started = time.monotonic()
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out = Path(out_dir)
    extractor = extractor if extractor is not None else Extractor()
    aliases = aliases if aliases is not None else AliasTable()
    items = list(inputs)
    config = config_id(model, extractor)
    if cache is not None and not force and STDIN not in [str(i) for i in items]:
        manifest = _up_to_date(out, items, _run_fingerprint(config, aliases, formats), config)
        if manifest is not None:
            if progress:
                progress(int(manifest.get("inputs", 0)))
            return _report_of(out, manifest)
    out.mkdir(parents=True, exist_ok=True)
    _clear_stale_temporaries(out)
    digest = _run_fingerprint(config, aliases, formats)
    results = extract_articles(items, nlp=nlp, model=model, extractor=extractor, aliases=aliases, cache=cache,
                               progress=progress, **options)
    builder, counts, tally = _write_results(out, results, digest, config)
    graph = mark_schema(builder.graph(), extractor.schema)
    files = [out / "triples.jsonl", out / "articles.jsonl", out / "errors.jsonl"]
    files += export_graph(graph, out, formats, explorer=explorer, processes=available_cores(),
                          layouts=cache.layouts if cache is not None else None)
    manifest = {
        "inputs": counts["articles"] + counts["errors"],
        "articles": counts["articles"],
        "errors": counts["errors"],
        "skipped": [{"kind": s.kind, "count": s.count, "first": s.first} for s in tally.summary()],
        "triples": counts["triples"],
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "model": model,
        "model_version": model_version(nlp) if nlp is not None else model_id(model),
        "extractor_version": EXTRACTOR_VERSION,
        "schema": {"fingerprint": graph.graph["schema"], "classes": graph.graph["classes"]},
        "versions": _versions(),
        "graphbuild": __version__,
        "fingerprint": digest.hexdigest(),
        "started_at": when,
        "seconds": round(time.monotonic() - started, 3),
        "files": sorted(p.name for p in files),
    }
    with atomic_write(out / "manifest.json") as handle:
        json.dump(manifest, handle, indent=2)
        handle.write("\n")
    files.append(out / "manifest.json")
    return BuildReport(
        inputs=counts["articles"] + counts["errors"], articles=counts["articles"], errors=counts["errors"],
        triples=counts["triples"], nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
        files=tuple(files), manifest=manifest, graph=graph, skipped=tally.summary(),
    )


def _report_of(out: Path, manifest: dict[str, Any]) -> BuildReport:
    """The report of a directory that is up to date, from its manifest (no graph)."""
    return BuildReport(
        inputs=manifest["inputs"], articles=manifest["articles"], errors=manifest["errors"],
        triples=manifest["triples"], nodes=manifest["nodes"], edges=manifest["edges"],
        files=tuple(out / name for name in manifest["files"]), manifest=manifest, up_to_date=True,
        skipped=tuple(Skipped(s["kind"], s["count"], s["first"]) for s in manifest.get("skipped", ())))


def _write_results(out: Path, results: Iterable[ArticleResult | RecordError], digest: Any,
                   config: str) -> tuple[GraphBuilder, dict[str, int], SkipTally]:
    """Stream the results into triples.jsonl, articles.jsonl and errors.jsonl, and into a graph."""
    builder = GraphBuilder()
    tally = SkipTally()
    counts = {"articles": 0, "errors": 0, "triples": 0}
    with (
        atomic_write(out / "triples.jsonl") as triples_file,
        atomic_write(out / "articles.jsonl") as articles_file,
        atomic_write(out / "errors.jsonl") as errors_file,
    ):
        for item in results:
            if isinstance(item, RecordError):
                _feed(digest, item, config)
                counts["errors"] += 1
                tally.add(item)
                errors_file.write(dumps(record_error_to_dict(item)) + "\n")
                log.warning("%s", error_text(item))
                continue
            _feed(digest, item.article, config)
            counts["articles"] += 1
            counts["triples"] += len(item.triples)
            builder.add_result(item)
            articles_file.write(dumps(article_to_row(item)) + "\n")
            for triple in item.triples:
                triples_file.write(dumps(triple_to_row(triple)) + "\n")
    return builder, counts, tally


def load_triples(path: str | Path) -> Iterator[Triple]:
    """Read a ``triples.jsonl`` file back into :class:`Triple` values.

    Raises:
        InputError: a line is not a graphbuild triple (the message names file and line).
    """
    for number, row in read_jsonl(path):
        yield row_to_triple(row, where=f"{path}:{number}: ")


def _schema_of_build(graph: nx.MultiDiGraph[str], manifest: Path) -> None:
    """Record in ``graph`` the schema the build's manifest names, if there is one."""
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("schema")
    except (OSError, ValueError, AttributeError):
        return
    if isinstance(recorded, dict) and recorded.get("fingerprint") and isinstance(recorded.get("classes"), dict):
        graph.graph["schema"], graph.graph["classes"] = recorded["fingerprint"], recorded["classes"]


def export_triples(
    triples_path: str | Path,
    out_dir: str | Path,
    *,
    articles_path: str | Path | None = None,
    formats: tuple[str, ...] = FORMATS,
    schema: Schema | None = None,
) -> BuildReport:
    """Turn a triples file (and optionally its ``articles.jsonl``) into the graph formats.

    With the ``articles.jsonl`` written by :func:`build` beside it, the graph equals the one
    ``build`` made (its ``manifest.json`` says which schema classed the triples); without it,
    mention counts come from the triples alone. With a ``schema``, every edge is classed by it
    instead of by the classes the triples carry.
    """
    triples_path = Path(triples_path)
    if not triples_path.exists():
        raise InputError(f"{triples_path}: no such file; give a triples.jsonl or a build directory")
    builder = GraphBuilder()
    articles = 0
    if articles_path is not None and Path(articles_path).exists():
        for _, row in read_jsonl(articles_path):
            articles += 1
            builder.add_article(
                str(row["id"]), row_to_article_entities(row),
                **{k: row.get(k) for k in ("title", "date", "url", "source")},
            )
    count = 0
    for triple in load_triples(triples_path):
        builder.add_triple(triple)
        count += 1
    graph = builder.graph() if schema is None else classify_graph(builder.graph(), schema)
    if schema is None:
        _schema_of_build(graph, triples_path.parent / "manifest.json")
    files = export_graph(graph, out_dir, formats)
    return BuildReport(inputs=articles, articles=articles, errors=0, triples=count,
                       nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
                       files=tuple(files), graph=graph)
