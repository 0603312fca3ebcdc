"""The curated queries that ship with graphbuild (``graphbuild/data/queries.cypher``), and running Cypher.

Each query in that file carries comment lines ``// @name``, ``// @params``, ``// @example`` and
``// @expect``, followed by comment lines that describe it and the statement, ending with ``;``.

``@params`` declares each parameter as ``"TYPE"`` or ``"TYPE = DEFAULT"`` (JSON object values):
types ``actor`` (a name or alias), ``class`` (a relation class), ``date`` (``YYYY``, ``YYYY-MM``
or ``YYYY-MM-DD``), ``string``, ``int``, ``float``, ``bool``; a default is a JSON literal
(``null``: no bound) or, for actors and classes, one that :mod:`graphbuild.neo4j.params` works
out on the graph at hand (``top``, ``neighbour``…), so every query answers on any graph.
``@example`` holds the values the tests use on the seed article, and ``@expect`` what they
must then return (``min_rows``, ``first``, ``contains``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.errors import CypherError, InputError, UsageError

if TYPE_CHECKING:
    from neo4j import Driver

__all__ = ["PARAM_TYPES", "CuratedQuery", "QueryParam", "find_query", "load_queries", "run_cypher", "run_query"]

_TAG = re.compile(r"^// @(name|params|example|expect) (.*)$")
#: The types a curated query's parameter can have.
PARAM_TYPES = ("actor", "class", "date", "string", "int", "float", "bool")


@dataclass(frozen=True, slots=True)
class QueryParam:
    """One declared parameter: its name, type and default (None: required; ``"null"``: no value)."""

    name: str
    type: str
    default: str | None = None

    def __str__(self) -> str:
        return f"{self.name}: {self.type}" + (f" = {self.default}" if self.default is not None else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class CuratedQuery:
    """One documented analyst query."""

    name: str
    description: str
    text: str
    params: tuple[QueryParam, ...] = ()
    example: dict[str, Any] = field(default_factory=dict)
    expect: dict[str, Any] = field(default_factory=dict)


def _declared(raw: str, where: str) -> tuple[QueryParam, ...]:
    """The parameters of an ``@params`` line."""
    try:
        spec = json.loads(raw)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: @params is not JSON ({err.msg})") from err
    if not isinstance(spec, dict):
        raise InputError(f"{where}: @params must be a JSON object of name: \"type = default\"")
    params = []
    for name, text in spec.items():
        kind, _, default = str(text).partition("=")
        kind = kind.strip()
        if kind not in PARAM_TYPES:
            raise InputError(f"{where}: parameter {name!r} has type {kind!r}; use one of {', '.join(PARAM_TYPES)}")
        params.append(QueryParam(name, kind, default.strip() or None))
    return tuple(params)


def _parse(text: str, source: str) -> list[CuratedQuery]:
    queries: list[CuratedQuery] = []
    meta: dict[str, str] = {}
    notes: list[str] = []
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        tag = _TAG.match(line)
        if tag:
            meta[tag.group(1)] = tag.group(2).strip()
            continue
        if "name" not in meta or not line.strip():
            continue
        if line.lstrip().startswith("//"):
            if not body:
                notes.append(line.lstrip()[2:].strip())
            continue
        body.append(line)
        if line.rstrip().endswith(";"):
            where = f"{source}:{number} ({meta['name']})"
            try:
                example, expect = json.loads(meta.get("example", "{}")), json.loads(meta.get("expect", "{}"))
            except json.JSONDecodeError as err:
                raise InputError(f"{where}: bad @example or @expect JSON ({err.msg})") from err
            queries.append(CuratedQuery(name=meta["name"], description=" ".join(notes),
                                        text="\n".join(body).rstrip().rstrip(";"),
                                        params=_declared(meta.get("params", "{}"), where),
                                        example=example, expect=expect))
            meta, notes, body = {}, [], []
    return queries


def load_queries(path: str | Path | None = None) -> list[CuratedQuery]:
    """The curated queries: those bundled with graphbuild, or those in the file at ``path``.

    Raises:
        InputError: the file cannot be read, or an annotation is malformed (the message names the line).
    """
    if path is None:
        text = resources.files("graphbuild.data").joinpath("queries.cypher").read_text(encoding="utf-8")
        return _parse(text, "queries.cypher")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read the curated queries ({err.strerror or err})") from err
    return _parse(text, str(path))


def find_query(queries: list[CuratedQuery], name: str) -> CuratedQuery:
    """The query called ``name``.

    Raises:
        UsageError: there is none; the message lists the names there are.
    """
    for query in queries:
        if query.name == name:
            return query
    raise UsageError(f"no curated query named {name!r}; choose from {', '.join(q.name for q in queries)}")


def run_cypher(driver: Driver, text: str, params: dict[str, Any] | None = None, *,
               database: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one Cypher statement; return its column names and its rows (as plain values).

    Raises:
        CypherError: the server refused it; the message is the server's.
    """
    from neo4j.exceptions import ClientError

    try:
        result = driver.execute_query(text, params or {}, database_=database)
    except ClientError as err:
        raise CypherError(f"the server refused the statement: {err.message or err}") from None
    return list(result.keys), [record.data() for record in result.records]


def run_query(driver: Driver, query: CuratedQuery, *, database: str,
              params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run a curated query with ``params`` (by default its ``@example`` values) and return the rows."""
    return run_cypher(driver, query.text, query.example if params is None else params, database=database)[1]
