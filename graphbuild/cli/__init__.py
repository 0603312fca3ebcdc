"""The ``graphbuild`` command line: parse arguments, call the library twin, render the result.

One module per group of commands: :mod:`.extract` (build, extract, export), :mod:`.neo4j`
(push), :mod:`.query` (query, serve, sandbox), :mod:`.view` (view, plot), :mod:`.inspect`
(stats, eval, rules, info, cache) and :mod:`.schema` (schema).
:mod:`.common` holds the app, the shared options and the error handling.
"""

from __future__ import annotations

from typing import Annotated

import typer

from graphbuild import __version__
from graphbuild.cli import extract, inspect, neo4j, query, schema, view
from graphbuild.cli.common import EXIT_SKIPPED, app, out

__all__ = ["EXIT_SKIPPED", "app", "extract", "inspect", "neo4j", "query", "schema", "view"]


def _version_callback(value: bool) -> None:
    if value:
        out.print(f"graphbuild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Build a knowledge graph of who does what to whom from news articles."""
