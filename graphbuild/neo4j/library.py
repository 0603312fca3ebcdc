"""Read the curated queries of ``cypher/queries.cypher`` and run them.

Each query in that file carries comment lines ``// @name``, ``// @params`` (JSON) and
``// @expect`` (JSON: ``min_rows``, ``first``, ``contains``), followed by comment lines that
describe it and the statement, ending with ``;``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver

from graphbuild.errors import InputError

__all__ = ["CuratedQuery", "load_queries", "run_query"]

_TAG = re.compile(r"^// @(name|params|expect) (.*)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class CuratedQuery:
    """One documented analyst query."""

    name: str
    description: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)
    expect: dict[str, Any] = field(default_factory=dict)


def load_queries(path: str | Path) -> list[CuratedQuery]:
    """Read each query from its ``// @name`` line to the line that ends with ``;``.

    Raises:
        InputError: the file is missing or an annotation is not valid JSON.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read the curated queries ({err.strerror or err})") from err
    queries: list[CuratedQuery] = []
    meta: dict[str, str] = {}
    notes: list[str] = []
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
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
            try:
                params, expect = json.loads(meta.get("params", "{}")), json.loads(meta.get("expect", "{}"))
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: bad @params or @expect JSON in {meta['name']} ({err.msg})") from err
            queries.append(CuratedQuery(name=meta["name"], description=" ".join(notes),
                                        text="\n".join(body).rstrip().rstrip(";"), params=params, expect=expect))
            meta, notes, body = {}, [], []
    return queries


def run_query(driver: Driver, query: CuratedQuery, *, database: str,
              params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run a curated query (its own @params, overridden by ``params``) and return the rows."""
    records = driver.execute_query(query.text, {**query.params, **(params or {})}, database_=database).records
    return [record.data() for record in records]
