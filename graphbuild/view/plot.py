"""Pictures for reports: one actor's ego network drawn with matplotlib (``graphbuild plot``).

The actor sits in the middle and its strongest neighbours round it in alphabetical order,
clockwise from the top (the neighbours' own neighbours on an outer ring with ``depth=2``), so a
hub cannot cover the picture: discs are capped in size, names sit outside their disc away from
the middle, only the relations from one ring to the next are drawn, and each pair of actors gets
one label, its best attested wording (``+2`` when there are more).
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import networkx as nx

from graphbuild.errors import ExportError
from graphbuild.view import TONE_COLORS
from graphbuild.view.explorer import TYPE_COLORS, TYPE_NAMES

__all__ = ["plot_ego"]


def _centre(graph: nx.MultiDiGraph[str], actor: str) -> str:
    wanted = actor.strip().lower()
    matches = [n for n, d in graph.nodes(data=True)
               if str(n) == wanted or d["name"].lower() == wanted
               or wanted in {a.lower() for a in d.get("aliases") or []}]
    if not matches:
        raise ExportError(f"no actor named {actor!r} in the graph; try `graphbuild stats` for names")
    return max(matches, key=lambda n: (graph.degree(n), str(n)))


def _strength(graph: nx.MultiDiGraph[str], a: str, b: str) -> int:
    """Sentences stating a relation between ``a`` and ``b``, either way."""
    return sum(int(d.get("weight", 1)) for u, v in ((a, b), (b, a)) if graph.has_edge(u, v)
               for d in graph.get_edge_data(u, v).values())


def _rings(graph: nx.MultiDiGraph[str], centre: str, depth: int, max_nodes: int) -> list[list[str]]:
    """The actors to draw, ring by ring: the centre, then the strongest neighbours at each step out."""
    rings, seen = [[centre]], {centre}
    budget = max_nodes - 1
    for _ in range(depth):
        found: Counter[str] = Counter()
        for inner in rings[-1]:
            for other in set(nx.all_neighbors(graph, inner)) - seen:
                found[other] += _strength(graph, inner, other)
        chosen = sorted(found, key=lambda n: (-found[n], -graph.degree(n), str(n)))[:budget]
        if not chosen:
            break
        budget -= len(chosen)
        seen |= set(chosen)
        rings.append(sorted(chosen, key=lambda n: (graph.nodes[n]["name"].lower(), str(n))))
    return rings


def _positions(rings: list[list[str]]) -> dict[str, tuple[float, float]]:
    positions = {rings[0][0]: (0.0, 0.0)}
    for level, ring in enumerate(rings[1:], start=1):
        for i, node in enumerate(ring):
            angle = math.pi / 2 - 2 * math.pi * i / len(ring) - (math.pi / len(ring) if level % 2 == 0 else 0.0)
            positions[node] = (level * math.cos(angle), level * math.sin(angle))
    return positions


def _pair_labels(graph: nx.MultiDiGraph[str], level: dict[str, int]) -> tuple[dict[tuple[str, str], str],
                                                                             dict[tuple[str, str], str]]:
    """One label and one tone per drawn pair (from one ring to the next): the best attested wording,
    and conflict over cooperation over neutral."""
    wordings: dict[tuple[str, str], list[tuple[int, str]]] = {}
    tones: dict[tuple[str, str], set[str]] = {}
    for u, v, data in graph.edges(data=True):
        if u in level and v in level and abs(level[u] - level[v]) == 1:
            wordings.setdefault((u, v), []).append((-int(data.get("weight", 1)), str(data["relation"])))
            tones.setdefault((u, v), set()).add(str(data.get("tone") or "neutral"))
    labels = {}
    for u, v in sorted(wordings):  # one label for both ways, on the way with the best attested wording
        if (v, u) in labels:
            continue
        found = sorted(wordings[(u, v)] + wordings.get((v, u), []))
        best = (u, v) if found[0] in wordings[(u, v)] else (v, u)
        labels[best] = found[0][1] + (f" +{len(found) - 1}" if len(found) > 1 else "")
    tone = {pair: next((t for t in ("conflict", "cooperation") if t in seen), "neutral")
            for pair, seen in tones.items()}
    return labels, tone


def plot_ego(graph: nx.MultiDiGraph[str], actor: str, path: str | Path, *, depth: int = 1,
             max_nodes: int = 30) -> Path:
    """Draw the ego network of ``actor`` (name, alias or key) to a PNG, SVG or PDF file with matplotlib.

    At most ``max_nodes`` actors: the strongest neighbours (most sentences with the actor) first.
    Relations are coloured by tone (conflict red, cooperation green, neutral grey).

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
    centre = _centre(graph, actor)
    rings = _rings(graph, centre, depth, max_nodes)
    positions = _positions(rings)
    keep = set(positions)
    labels, tones = _pair_labels(graph, {n: i for i, ring in enumerate(rings) for n in ring})
    simple: nx.DiGraph[str] = nx.DiGraph()
    simple.add_nodes_from(sorted(keep))
    simple.add_edges_from(sorted(tones))
    fig, ax = plt.subplots(figsize=(12, 9), dpi=110)
    sizes = [1100 if n == centre else min(650, 140 + 60 * math.sqrt(graph.degree(n))) for n in simple.nodes]
    nx.draw_networkx_edges(simple, positions, ax=ax, arrows=True, arrowsize=12, node_size=sizes, width=1.3,
                           edge_color=[TONE_COLORS[tones[e]] for e in simple.edges], connectionstyle="arc3,rad=0.06")
    nx.draw_networkx_nodes(simple, positions, ax=ax, node_size=sizes, edgecolors="#37474f", linewidths=0.8,
                           node_color=[TYPE_COLORS.get(graph.nodes[n]["type"], TYPE_COLORS["OTHER"]) for n in simple])
    for node, (x, y) in positions.items():
        name = graph.nodes[node]["name"]
        if node == centre:
            ax.text(x, y - 0.13, name, ha="center", va="top", fontsize=11, fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})
            continue
        angle = math.atan2(y, x)
        ax.text(x + 0.07 * math.cos(angle), y + 0.07 * math.sin(angle), name, fontsize=8.5,
                ha="left" if math.cos(angle) >= 0 else "right", va="center", rotation_mode="anchor")
    nx.draw_networkx_edge_labels(simple, positions, ax=ax, edge_labels=labels, font_size=6.5, font_color="#37474f",
                                 label_pos=0.55, bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                                                       "alpha": 0.8})
    handles = [Line2D([], [], marker="o", linestyle="", color=TYPE_COLORS[t], label=TYPE_NAMES[t])
               for t in sorted({graph.nodes[n]["type"] for n in keep}) if t in TYPE_COLORS]
    handles += [Line2D([], [], color=color, linewidth=2, label=tone) for tone, color in TONE_COLORS.items()
                if tone in tones.values()]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8, bbox_to_anchor=(-0.02, -0.02))
    shown = len(keep) - 1
    total = len(set(nx.all_neighbors(graph, centre))) if depth == 1 else None
    more = f" (the {shown} strongest of {total})" if total is not None and total > shown else ""
    ax.set_title(f"{graph.nodes[centre]['name']}: relations within {depth} step{'s' if depth > 1 else ''}{more}")
    reach = len(rings) - 1 + 0.45
    ax.set_xlim(-reach, reach)
    ax.set_ylim(-reach, reach)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Date": None} if path.suffix.lower() == ".svg" else None)
    plt.close(fig)
    return path
