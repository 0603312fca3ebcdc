"""Write a self-contained interactive explorer (one HTML file) and draw ego-network pictures.

The explorer inlines the vis-network library and the graph data, so it fetches nothing when
opened: it can be mailed or archived. Node positions are computed here (igraph's grid
Fruchterman-Reingold from fixed starting points with a seeded generator: 0.35 s for 1,500
actors), so the page draws at once and the same graph gives the same file. Actors with no
relation are left out (a dot without a line tells nothing a reader can follow; they stay in the
graph files and in Neo4j), and big graphs are pruned to the most connected actors; the page says
how many of each. All text reaches the page as JSON data and is set
with ``textContent``: a ``<script>`` in an actor's name shows as text.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.errors import ExportError
from graphbuild.io import atomic_write
from graphbuild.view import DEFAULT_MAX_NODES, TONE_COLORS, class_colors

__all__ = [
    "DEFAULT_MAX_NODES",
    "TYPE_COLORS",
    "TYPE_NAMES",
    "explorer_data",
    "find_vis_network",
    "write_explorer",
]

#: Bumped when the layout changes, so that kept layouts are computed again.
LAYOUT_VERSION = 1
#: Evidence sentences carried per relation in the page.
EVIDENCE_IN_PAGE = 20
TYPE_COLORS = {
    "PERSON": "#4C8EDA", "ORG": "#F79767", "GPE": "#57C7E3", "LOC": "#8DCC93", "FAC": "#A5ABB6",
    "NORP": "#D9C8AE", "EVENT": "#C990C0", "OTHER": "#DA7194",
}
#: Legend names, one per type (the Neo4j labels fold several types into Place).
TYPE_NAMES = {
    "PERSON": "Person", "ORG": "Organization", "GPE": "Country or city", "LOC": "Location", "FAC": "Facility",
    "NORP": "Group", "EVENT": "Event", "OTHER": "Other",
}
_VIS_RELATIVE = Path("node_modules") / "vis-network" / "standalone" / "umd" / "vis-network.min.js"


def find_vis_network(explicit: str | Path | None = None) -> Path:
    """Locate the vis-network standalone build to inline.

    Looks at ``explicit``, then ``$GRAPHBUILD_VIS_NETWORK``, then an npm install in the current
    directory, in ``.cache/explorer`` (where ``make`` puts it) or beside the package, then the copy
    the ``pyvis`` package ships.

    Raises:
        ExportError: no build was found; the message says how to install one.
    """
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(Path(explicit))
    if os.environ.get("GRAPHBUILD_VIS_NETWORK"):
        candidates.append(Path(os.environ["GRAPHBUILD_VIS_NETWORK"]))
    checkout = Path(__file__).resolve().parents[2]  # graphbuild/view/explorer.py → the checkout, when installed -e
    for base in (Path.cwd(), Path.cwd() / ".cache" / "explorer", checkout / ".cache" / "explorer"):
        candidates.append(base / _VIS_RELATIVE)
    try:
        pyvis = resources.files("pyvis") / "lib" / "vis-9.1.2" / "vis-network.min.js"
        candidates.append(Path(str(pyvis)))
    except ModuleNotFoundError:
        pass
    for path in candidates:
        if path.is_file():
            return path
    raise ExportError(
        "the explorer needs the vis-network library: run `make install` in the graphbuild checkout, or "
        "`npm install vis-network@10` here, or `pip install pyvis`, or set GRAPHBUILD_VIS_NETWORK to "
        "vis-network.min.js (graphbuild build --no-explorer skips the page)"
    )


Edge = tuple[str, str, dict[str, Any]]


def _select(graph: nx.MultiDiGraph[str], degree: dict[str, int], max_nodes: int) -> tuple[list[str], list[Edge]]:
    """The actors drawn (those with a relation, at most ``max_nodes``: the most connected, then the most
    mentioned) in key order, and the relations between them in (source, relation, target) order."""
    related = [n for n in graph.nodes if degree[n] > 0]
    if len(related) > max_nodes:
        related = sorted(related, key=lambda n: (-degree[n], -graph.nodes[n].get("mentions", 0), n))[:max_nodes]
    keep = set(related)
    edges = [(u, v, d) for u, v, d in graph.edges(data=True) if u in keep and v in keep]
    return sorted(keep), sorted(edges, key=lambda e: (e[0], e[2]["relation"], e[1]))


def _layout(nodes: list[str], edges: list[Edge], kept: Path | None = None) -> dict[str, tuple[float, float]]:
    """Positions for every node: a force-directed layout with a compiled core, the same for the same graph.

    With ``kept`` (a folder), a layout is computed once per set of nodes and edges and read back after.
    """
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v, _ in edges if u != v})
    if kept is None:
        return _compute_layout(nodes, pairs)
    key = hashlib.sha256(json.dumps([LAYOUT_VERSION, nodes, pairs], ensure_ascii=False).encode()).hexdigest()
    path = kept / f"{key[:32]}.json"
    with contextlib.suppress(OSError, ValueError):
        stored = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(stored, dict) and set(stored) == set(nodes):
            return {str(n): (float(p[0]), float(p[1])) for n, p in stored.items()}
    positions = _compute_layout(nodes, pairs)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as handle:
            json.dump(positions, handle, ensure_ascii=False)
    return positions


def _compute_layout(nodes: list[str], pairs: list[tuple[int, int]]) -> dict[str, tuple[float, float]]:
    import random

    import igraph

    count = len(nodes)
    scale = 220.0 * max(1.0, count**0.5)
    start = [[scale * math.cos(2 * math.pi * i / count), scale * math.sin(2 * math.pi * i / count)]
             for i in range(count)]
    igraph.set_random_number_generator(random.Random(7))  # the layout draws random numbers: seed them
    try:
        coords = igraph.Graph(n=count, edges=pairs).layout_fruchterman_reingold(seed=start, niter=500,
                                                                               grid="grid").coords
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {str(n): (round((x - cx) / span * 2 * scale, 1), round((y - cy) / span * 2 * scale, 1))
            for n, (x, y) in zip(nodes, coords, strict=True)}


def _node(key: str, data: dict[str, Any], degree: int, position: tuple[float, float]) -> dict[str, Any]:
    aliases = sorted(set(data.get("aliases") or []) | {data["name"]})
    articles = len(data.get("articles") or [])
    return {
        "id": str(key), "name": data["name"], "type": data["type"],
        "type_label": TYPE_NAMES.get(data["type"], "Other"),
        "color": TYPE_COLORS.get(data["type"], TYPE_COLORS["OTHER"]), "aliases": aliases,
        "mentions": int(data.get("mentions", 0)), "articles": articles, "degree": degree,
        "size": degree + 1, "x": position[0], "y": position[1],
        "tooltip": f"{data['name']} ({data['type']})\naliases: {', '.join(aliases)}\n"
                   f"{data.get('mentions', 0)} mentions in {articles} articles",
    }


def _edge(number: int, edge: Edge, names: dict[str, str], tones: dict[str, str]) -> dict[str, Any]:
    u, v, data = edge
    evidence = data.get("evidence") or []
    relation_class = str(data.get("class") or "OTHER")
    return {
        "id": f"e{number}", "source": str(u), "target": str(v), "relation": data["relation"],
        "class": relation_class, "tone": tones.get(relation_class, "neutral"),
        "weight": int(data.get("weight", 1)), "negated": bool(data.get("negated")),
        "hedged": bool(data.get("hedged")), "first_seen": data.get("first_seen"), "last_seen": data.get("last_seen"),
        "tooltip": f"{names[u]} –{data['relation']}→ {names[v]} ({relation_class}, weight {data.get('weight', 1)})",
        "evidence": [{k: e.get(k) for k in ("article_id", "sentence", "date", "attributed_to")}
                     for e in evidence[:EVIDENCE_IN_PAGE]],
        "more_evidence": max(0, len(evidence) - EVIDENCE_IN_PAGE),
    }


def _summary(graph: nx.MultiDiGraph[str], degree: dict[str, int], nodes: int, edges: int) -> str:
    related = sum(1 for d in degree.values() if d > 0)
    lonely = graph.number_of_nodes() - related
    summary = f"{nodes} actors, {edges} relations"
    if related > nodes:
        summary += (f" — the {nodes} most connected of {related} actors with relations "
                    f"({graph.number_of_edges()} relations in all); change with --max-nodes")
    if lonely:
        summary += f"; {lonely} actors with no relation are not drawn"
    return summary


def explorer_data(graph: nx.MultiDiGraph[str], *, max_nodes: int = DEFAULT_MAX_NODES,
                  layouts: Path | None = None) -> dict[str, Any]:
    """Return the data the explorer page draws: nodes, edges, legend, relations and a summary.

    ``layouts`` is a folder where layouts are kept and found again (the extraction cache has one).
    """
    degree = dict(graph.degree())
    keys, chosen = _select(graph, degree, max_nodes)
    positions = _layout(keys, chosen, layouts)
    nodes = [_node(k, graph.nodes[k], degree[k], positions[str(k)]) for k in keys]
    names = {k: graph.nodes[k]["name"] for k in keys}
    tones = _class_tones(graph)
    colors = class_colors(tones)
    edges = [_edge(number, edge, names, tones) for number, edge in enumerate(chosen)]
    type_counts = Counter(n["type"] for n in nodes)
    relation_counts = Counter(e["relation"] for e in edges)
    class_counts = Counter(e["class"] for e in edges)
    return {
        "summary": _summary(graph, degree, len(nodes), len(edges)),
        "nodes": nodes,
        "edges": edges,
        "types": [{"type": t, "label": TYPE_NAMES.get(t, "Other"), "color": TYPE_COLORS.get(t, TYPE_COLORS["OTHER"]),
                   "count": type_counts[t]} for t in sorted(type_counts)],
        "relations": [{"relation": r, "count": c}
                      for r, c in sorted(relation_counts.items(), key=lambda x: (-x[1], x[0]))],
        "classes": [{"class": c, "tone": tones[c], "color": colors[c], "count": class_counts[c]}
                    for c in tones if class_counts[c]],
        "tones": [{"tone": t, "color": color, "count": sum(e["tone"] == t for e in edges)}
                  for t, color in TONE_COLORS.items()],
        "dated": any(e["first_seen"] for e in edges),
    }


def _class_tones(graph: nx.MultiDiGraph[str]) -> dict[str, str]:
    """Each class's tone: the schema's (in its order) as the graph records it, else as its edges say."""
    tones = {str(k): str(v) for k, v in (graph.graph.get("classes") or {}).items()}
    found = {str(d.get("class") or "OTHER"): str(d.get("tone") or "neutral") for _, _, d in graph.edges(data=True)}
    for name in sorted(found):
        tones.setdefault(name, found[name])
    return tones


def _json_safe(text: str) -> str:
    """Make JSON safe inside a <script> element by escaping ``<``, ``>`` and ``&`` as JSON escapes."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _code_safe(code: str) -> str:
    """Check that library code can be inlined in a <script> element as it is."""
    lowered = code.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ExportError("the vis-network build contains '</script' or '<!--' and cannot be inlined safely")
    return code


def write_explorer(graph: nx.MultiDiGraph[str], path: str | Path, *, max_nodes: int = DEFAULT_MAX_NODES,
                   vis_network: str | Path | None = None, layouts: Path | None = None) -> Path:
    """Write the explorer page for ``graph`` to ``path`` (atomically) and return the path.

    Raises:
        ExportError: the vis-network library cannot be found (see :func:`find_vis_network`).
    """
    library = find_vis_network(vis_network).read_text(encoding="utf-8")
    template = resources.files("graphbuild.data").joinpath("explorer.html").read_text(encoding="utf-8")
    payload = json.dumps(explorer_data(graph, max_nodes=max_nodes, layouts=layouts), ensure_ascii=False,
                         separators=(",", ":"))
    page = template.replace("__GRAPH_DATA__", _json_safe(payload)).replace("__VIS_NETWORK__", _code_safe(library))
    with atomic_write(path) as handle:
        handle.write(page)
    return Path(path)
