"""Pictures for reports: one actor's ego network drawn with matplotlib (``graphbuild plot``)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphbuild.errors import ExportError
from graphbuild.view import TONE_COLORS
from graphbuild.view.explorer import TYPE_COLORS, TYPE_NAMES

__all__ = ["plot_ego"]


def plot_ego(graph: nx.MultiDiGraph[str], actor: str, path: str | Path, *, depth: int = 1,
             max_nodes: int = 60) -> Path:
    """Draw the ego network of ``actor`` (name, alias or key) to a PNG or SVG file with matplotlib.

    Relations are labelled with their wording and coloured by tone (conflict red, cooperation
    green, neutral grey; a pair with both shows as conflict).

    Raises:
        ExportError: no actor by that name, or an unsupported file type.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    path = Path(path)
    if path.suffix.lower() not in {".png", ".svg", ".pdf"}:
        raise ExportError(f"{path}: write a .png, .svg or .pdf")
    wanted = actor.strip().lower()
    matches = [n for n, d in graph.nodes(data=True)
               if str(n) == wanted or d["name"].lower() == wanted
               or wanted in {a.lower() for a in d.get("aliases") or []}]
    if not matches:
        raise ExportError(f"no actor named {actor!r} in the graph; try `graphbuild stats` for names")
    center = max(matches, key=lambda n: (graph.degree(n), str(n)))
    ego = nx.ego_graph(graph.to_undirected(as_view=True), center, radius=depth)
    keep = sorted(ego.nodes, key=lambda n: (n != center, -graph.degree(n), str(n)))[:max_nodes]
    sub = graph.subgraph(keep)
    simple: nx.DiGraph[str] = nx.DiGraph()
    simple.add_nodes_from(sorted(sub.nodes))
    labels: dict[tuple[str, str], str] = {}
    tones: dict[tuple[str, str], set[str]] = {}
    for u, v, data in sorted(sub.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        simple.add_edge(u, v)
        labels[(u, v)] = "\n".join(filter(None, [labels.get((u, v), ""), data["relation"]]))
        tones.setdefault((u, v), set()).add(str(data.get("tone") or "neutral"))
    positions = nx.spring_layout(simple, seed=7, k=1.6 / max(1, len(simple)) ** 0.5)
    fig, ax = plt.subplots(figsize=(11, 8), dpi=110)
    colors = [TYPE_COLORS.get(sub.nodes[n]["type"], TYPE_COLORS["OTHER"]) for n in simple.nodes]
    sizes = [900 if n == center else 350 + 60 * graph.degree(n) for n in simple.nodes]
    edge_colors = [TONE_COLORS[next((t for t in ("conflict", "cooperation") if t in tones[e]), "neutral")]
                   for e in simple.edges]
    nx.draw_networkx_edges(simple, positions, ax=ax, arrows=True, arrowsize=14, edge_color=edge_colors,
                           node_size=sizes, connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_nodes(simple, positions, ax=ax, node_color=colors, node_size=sizes, edgecolors="#37474f")
    nx.draw_networkx_labels(simple, positions, ax=ax, labels={n: sub.nodes[n]["name"] for n in simple.nodes},
                            font_size=9)
    nx.draw_networkx_edge_labels(simple, positions, ax=ax, edge_labels=labels, font_size=7, font_color="#455a64")
    handles = [Line2D([], [], marker="o", linestyle="", color=TYPE_COLORS[t], label=TYPE_NAMES[t])
               for t in sorted({sub.nodes[n]["type"] for n in simple.nodes}) if t in TYPE_COLORS]
    handles += [Line2D([], [], color=color, linewidth=2, label=tone) for tone, color in TONE_COLORS.items()
                if any(tone in found for found in tones.values())]
    ax.legend(handles=handles, loc="lower left", frameon=False)
    ax.set_title(f"{graph.nodes[center]['name']}: relations within {depth} step{'s' if depth > 1 else ''}")
    ax.axis("off")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Date": None} if path.suffix.lower() == ".svg" else None)
    plt.close(fig)
    return path
