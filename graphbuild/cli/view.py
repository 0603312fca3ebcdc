"""``graphbuild view`` and ``plot``: the offline explorer page, and ego-network pictures for reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graphbuild.cli.common import SourceArg, app, err, load_graph, run
from graphbuild.view import DEFAULT_MAX_NODES

__all__ = ["plot_cli", "view_cli"]


@app.command("view")
def view_cli(
    source: SourceArg = Path("out"),
    output: Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False,
                                                help="The page to write (default: explorer.html there).")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1,
                                           help="Show at most this many actors, the most connected.")] = (
        DEFAULT_MAX_NODES),
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")] = False,
) -> None:
    """Write a self-contained interactive explorer: one HTML file, nothing fetched when it is opened."""
    from graphbuild.view.explorer import write_explorer

    graph = run(lambda: load_graph(source))
    target = output or (source if source.is_dir() else source.parent) / "explorer.html"
    page = run(lambda: write_explorer(graph, target, max_nodes=max_nodes))
    err.print(f"wrote {page} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} relations)",
              highlight=False)
    if open_page:
        import webbrowser

        webbrowser.open(page.resolve().as_uri())


@app.command("plot")
def plot_cli(
    source: SourceArg = Path("out"),
    actor: Annotated[str, typer.Option("--actor", "-a", help="The actor at the centre (name or alias).")] = "",
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=3, help="Relations away from the actor.")] = 1,
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False,
                                         help="Picture to write: .png, .svg or .pdf.")] = Path("ego.png"),
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=2,
                                           help="Actors drawn at most: the strongest neighbours first.")] = 30,
) -> None:
    """Draw one actor's ego network as a picture for reports (matplotlib)."""
    from graphbuild.view.plot import plot_ego

    if not actor:
        raise typer.BadParameter("name the actor to draw, e.g. --actor 'Ben Wallace'", param_hint="--actor")
    graph = run(lambda: load_graph(source))
    path = run(lambda: plot_ego(graph, actor, output, depth=depth, max_nodes=max_nodes))
    err.print(f"wrote {path}", highlight=False)
