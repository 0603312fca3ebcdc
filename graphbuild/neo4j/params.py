"""A curated query's parameters, typed and filled in for the graph at hand.

``--param actor="Tony Blair"`` arrives as text; :func:`resolve_params` checks it against the
query's declared type (an actor must be a name or alias in the graph, a class one of the
schema's, a date ``YYYY[-MM[-DD]]``) and fills what was not given from the declared defaults,
worked out on the graph so that every query answers on any graph:

========================  ==========================================================
``actor = top``           the actor in the most relations (most mentions breaks ties)
``actor = second``        the next one
``actor = neighbour``     the strongest neighbour of the ``actor`` parameter
``actor = conflict``      the actor in the most conflict statements
``actor = partner``       the ``actor`` parameter's strongest conflict partner
``class = top``           the class with the most relations, OTHER aside
``TYPE = <JSON>``         that value (``null``: no value, for a bound left open)
========================  ==========================================================
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graphbuild.errors import UsageError
from graphbuild.neo4j.library import CuratedQuery, QueryParam

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Resolved", "guess_value", "resolve_params"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: The defaults worked out on the graph, by parameter type.
_NAMED = {"actor": ("top", "second", "neighbour", "conflict", "partner"), "class": ("top",)}


@dataclass(frozen=True, slots=True)
class Resolved:
    """The values a query runs with, and for each one how it was chosen (``given``, ``top`` …)."""

    values: dict[str, Any]
    how: dict[str, str]


def guess_value(text: str) -> Any:
    """A parameter of a Cypher statement of your own: JSON when it parses as JSON (5, true, null), else text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


class _Graph:
    """What the defaults are read from: actors ranked, names and aliases, strongest neighbours."""

    def __init__(self, graph: nx.MultiDiGraph[str]) -> None:
        self.graph = graph
        degree = dict(graph.degree())
        self.ranked = sorted(graph.nodes, key=lambda n: (-degree[n], -graph.nodes[n].get("mentions", 0),
                                                          self.name(n)))
        self.rank = {n: i for i, n in enumerate(self.ranked)}
        self.keys: dict[str, str] = {}
        for node in self.ranked:
            for alias in [self.name(node), *graph.nodes[node].get("aliases", ())]:
                self.keys.setdefault(str(alias), node)

    def name(self, node: str) -> str:
        return str(self.graph.nodes[node].get("name", node))

    def ties(self, node: str, tone: str | None = None) -> Counter[str]:
        """Statements (edge weights) between ``node`` and each neighbour, either way, of one tone or all."""
        weights: Counter[str] = Counter()
        for u, v, data in [*self.graph.out_edges(node, data=True), *self.graph.in_edges(node, data=True)]:
            other = v if u == node else u
            if other != node and (tone is None or data.get("tone") == tone):
                weights[other] += int(data.get("weight", 1))
        return weights

    def strongest(self, weights: Counter[str]) -> str | None:
        return min(weights, key=lambda n: (-weights[n], self.rank[n])) if weights else None


def _default(param: QueryParam, graph: _Graph, chosen: dict[str, Any]) -> Any:
    spec = param.default or ""
    actor = graph.keys.get(str(chosen.get("actor")), "")
    node: str | None
    if param.type == "actor" and spec in ("top", "second"):
        index = 0 if spec == "top" else 1
        node = graph.ranked[index] if len(graph.ranked) > index else None
    elif param.type == "actor" and spec == "neighbour":
        node = graph.strongest(graph.ties(actor)) if actor else None
    elif param.type == "actor" and spec == "conflict":
        totals = Counter({n: sum(graph.ties(n, "conflict").values()) for n in graph.ranked})
        node = graph.strongest(+totals)
    elif param.type == "actor" and spec == "partner":
        node = graph.strongest(graph.ties(actor, "conflict")) if actor else None
    elif param.type == "class" and spec == "top":
        counts = Counter(str(d.get("class")) for _, _, d in graph.graph.edges(data=True) if d.get("class") != "OTHER")
        return min(counts, key=lambda c: (-counts[c], c)) if counts else "OTHER"
    else:
        return json.loads(spec)
    return graph.name(node) if node is not None else None


def _convert(param: QueryParam, text: str, graph: _Graph, classes: frozenset[str]) -> Any:
    """``text`` as a value of the parameter's type; a usage error saying what is expected if it is not one."""
    problem = f"--param {param.name}={text!r}"
    if param.type == "actor":
        if text not in graph.keys:
            near = difflib.get_close_matches(text, list(graph.keys), n=3, cutoff=0.6)
            hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
            raise UsageError(f"{problem}: no actor has that name or alias in this graph{hint}")
        return text
    if param.type == "class":
        upper = text.strip().upper()
        if classes and upper not in classes:
            raise UsageError(f"{problem}: not a relation class; choose from {', '.join(sorted(classes))}")
        return upper
    if param.type == "date":
        if not _DATE.match(text):
            raise UsageError(f"{problem}: a date is YYYY, YYYY-MM or YYYY-MM-DD")
        return text
    converters: dict[str, Callable[[str], Any]] = {"int": int, "float": float, "bool": _bool, "string": str}
    try:
        return converters[param.type](text)
    except ValueError:
        raise UsageError(f"{problem}: expected a value of type {param.type}") from None


def _bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise ValueError(text)


def resolve_params(query: CuratedQuery, graph: nx.MultiDiGraph[str], given: Mapping[str, str], *,
                   classes: frozenset[str] = frozenset()) -> Resolved:
    """The values ``query`` runs with on ``graph``: ``given`` (text, converted to each declared type)
    and the declared defaults for the rest, in declaration order (``neighbour`` reads ``actor``).

    Raises:
        UsageError: a parameter the query does not declare, a value not of its type, an actor not
            in the graph (with the closest names), or a required parameter left out.
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        takes = ", ".join(str(p) for p in query.params) or "no parameters"
        raise UsageError(f"{query.name} has no parameter {', '.join(unknown)}; it takes {takes}")
    view = _Graph(graph)
    values: dict[str, Any] = {}
    how: dict[str, str] = {}
    for param in query.params:
        if param.name in given:
            values[param.name], how[param.name] = _convert(param, given[param.name], view, classes), "given"
        elif param.default is None:
            raise UsageError(f"{query.name} needs --param {param.name}=… ({param.type})")
        else:
            named = param.default in _NAMED.get(param.type, ())
            values[param.name], how[param.name] = _default(param, view, values), param.default if named else "default"
    return Resolved(values, how)
