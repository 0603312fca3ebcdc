"""Write a self-contained interactive explorer (one HTML file) and draw ego-network pictures.

The explorer inlines the vis-network library and the graph data, so it fetches nothing when
opened: it can be mailed or archived. Node positions are computed here (a seeded spring layout),
so the page draws at once and the same graph gives the same file. Big graphs are pruned to the
most connected actors, and the page says so. All text reaches the page as JSON data and is set
with ``textContent``: a ``<script>`` in an actor's name shows as text.
"""

from __future__ import annotations

import json
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
    here = Path(__file__).resolve().parent
    for base in (Path.cwd(), Path.cwd() / ".cache" / "explorer", here.parent / ".cache" / "explorer"):
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
        "vis-network.min.js"
    )


def _prune(graph: nx.MultiDiGraph[str], max_nodes: int) -> nx.MultiDiGraph[str]:
    if graph.number_of_nodes() <= max_nodes:
        return graph
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), -graph.nodes[n].get("mentions", 0), n))
    keep = set(ranked[:max_nodes])
    sub: nx.MultiDiGraph[str] = graph.subgraph(keep).copy()
    return sub


def _layout(graph: nx.MultiDiGraph[str]) -> dict[str, tuple[float, float]]:
    if graph.number_of_nodes() == 0:
        return {}
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    scale = 220.0 * max(1.0, graph.number_of_nodes() ** 0.5)
    positions = nx.spring_layout(simple, seed=7, scale=scale, iterations=60)
    return {str(n): (round(float(p[0]), 1), round(float(p[1]), 1)) for n, p in positions.items()}


def explorer_data(graph: nx.MultiDiGraph[str], *, max_nodes: int = DEFAULT_MAX_NODES) -> dict[str, Any]:
    """Return the data the explorer page draws: nodes, edges, legend, relations and a summary."""
    shown = _prune(graph, max_nodes)
    positions = _layout(shown)
    nodes = []
    for key in sorted(shown.nodes):
        data = shown.nodes[key]
        degree = graph.degree(key)
        aliases = sorted(set(data.get("aliases") or []) | {data["name"]})
        articles = len(data.get("articles") or [])
        x, y = positions.get(str(key), (0.0, 0.0))
        nodes.append({
            "id": str(key), "name": data["name"], "type": data["type"],
            "type_label": TYPE_NAMES.get(data["type"], "Other"),
            "color": TYPE_COLORS.get(data["type"], TYPE_COLORS["OTHER"]), "aliases": aliases,
            "mentions": int(data.get("mentions", 0)), "articles": articles, "degree": degree,
            "size": degree + 1, "x": x, "y": y,
            "tooltip": f"{data['name']} ({data['type']})\naliases: {', '.join(aliases)}\n"
                       f"{data.get('mentions', 0)} mentions in {articles} articles",
        })
    tones = _class_tones(graph)
    colors = class_colors(tones)
    edges = []
    for number, (u, v, data) in enumerate(sorted(shown.edges(data=True), key=lambda e: (e[0], e[2]["relation"], e[1]))):
        evidence = data.get("evidence") or []
        relation_class = str(data.get("class") or "OTHER")
        edges.append({
            "id": f"e{number}", "source": str(u), "target": str(v), "relation": data["relation"],
            "class": relation_class, "tone": tones.get(relation_class, "neutral"),
            "weight": int(data.get("weight", 1)), "negated": bool(data.get("negated")),
            "hedged": bool(data.get("hedged")), "first_seen": data.get("first_seen"),
            "last_seen": data.get("last_seen"),
            "tooltip": f"{shown.nodes[u]['name']} –{data['relation']}→ {shown.nodes[v]['name']} "
                       f"({relation_class}, weight {data.get('weight', 1)})",
            "evidence": [
                {k: e.get(k) for k in ("article_id", "sentence", "date", "attributed_to")}
                for e in evidence[:EVIDENCE_IN_PAGE]
            ],
            "more_evidence": max(0, len(evidence) - EVIDENCE_IN_PAGE),
        })
    type_counts = Counter(n["type"] for n in nodes)
    relation_counts = Counter(e["relation"] for e in edges)
    class_counts = Counter(e["class"] for e in edges)
    pruned = graph.number_of_nodes() - shown.number_of_nodes()
    summary = f"{shown.number_of_nodes()} actors, {shown.number_of_edges()} relations"
    if pruned:
        summary += (f" — showing the {shown.number_of_nodes()} most connected of {graph.number_of_nodes()} actors "
                    f"({graph.number_of_edges()} relations in all); change with --max-nodes")
    return {
        "summary": summary,
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
    }


def _class_tones(graph: nx.MultiDiGraph[str]) -> dict[str, str]:
    """Each class's tone: the schema's (in its order) as the graph records it, else as its edges say."""
    tones = {str(k): str(v) for k, v in (graph.graph.get("classes") or {}).items()}
    for _, _, data in sorted(graph.edges(data=True), key=lambda e: str(e[2].get("class"))):
        tones.setdefault(str(data.get("class") or "OTHER"), str(data.get("tone") or "neutral"))
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
                   vis_network: str | Path | None = None) -> Path:
    """Write the explorer page for ``graph`` to ``path`` (atomically) and return the path.

    Raises:
        ExportError: the vis-network library cannot be found (see :func:`find_vis_network`).
    """
    library = find_vis_network(vis_network).read_text(encoding="utf-8")
    template = resources.files("graphbuild.data").joinpath("explorer.html").read_text(encoding="utf-8")
    payload = json.dumps(explorer_data(graph, max_nodes=max_nodes), ensure_ascii=False, separators=(",", ":"))
    page = template.replace("__GRAPH_DATA__", _json_safe(payload)).replace("__VIS_NETWORK__", _code_safe(library))
    with atomic_write(path) as handle:
        handle.write(page)
    return Path(path)
