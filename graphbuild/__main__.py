"""``python -m graphbuild`` runs the CLI."""

from graphbuild.cli import app

app(prog_name="graphbuild")
