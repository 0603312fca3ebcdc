"""``graphbuild schema``: the relation classes in force, and how a predicate is classed."""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from graphbuild.cli.common import SchemaOpt, app, make_schema, out

__all__ = ["schema_cli"]

_TONE_STYLE = {"conflict": "red", "cooperation": "green", "neutral": "dim"}


@app.command("schema")
def schema_cli(
    schema: SchemaOpt = None,
    classify: Annotated[list[str] | None, typer.Option(
        "--classify", "-c", metavar="PREDICATE", show_default=False,
        help="Print the class of this predicate instead (repeatable; travel_to, or 'hold talks with').")] = None,
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print the schema file itself, to copy and change.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Print the relation classes in force: each class's kind, tone, meaning and the words that put a
    relation in it.

    Every relation keeps its wording (travel_to) and gets one of these classes (CONSULT); Neo4j types
    relationships with the class. Start your own with graphbuild schema --yaml > my-schema.yaml, then
    pass --schema my-schema.yaml to build, extract, export or push.
    """
    classes = make_schema(schema)
    if as_yaml:
        text = (schema.read_text(encoding="utf-8") if schema is not None
                else resources.files("graphbuild.data").joinpath("schema.yaml").read_text("utf-8"))
        sys.stdout.write(text)
        return
    if classify:
        rows = [{"predicate": p, "class": (c := classes.classify(_snake(p))), "tone": str(classes.tone(c))}
                for p in classify]
        if as_json:
            sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        else:
            for row in rows:
                out.print(f"{row['predicate']}\t{row['class']}\t{row['tone']}", highlight=False, markup=False)
        return
    if as_json:
        listing = [{"class": c.name, "kind": str(c.kind), "tone": str(c.tone), "description": c.description,
                 "predicates": sorted(c.predicates), "words": sorted(c.words), "rules": sorted(c.rules),
                 "types": [f"{p} {s}>{o}".strip() for p, s, o in sorted(c.types)]} for c in classes.classes]
        sys.stdout.write(json.dumps({"default": classes.default, "classes": listing}, indent=2) + "\n")
        return
    table = Table(title=f"{len(classes.classes)} relation classes (default {classes.default})", show_lines=True)
    table.add_column("class", no_wrap=True)
    table.add_column("tone", no_wrap=True)
    table.add_column("meaning, and words that put a relation in it", overflow="fold", ratio=1)
    for item in classes.classes:
        words = sorted(item.predicates | item.words)
        shown = ", ".join(words[:12]) + (f" … (+{len(words) - 12})" if len(words) > 12 else "")
        style = _TONE_STYLE[str(item.tone)]
        table.add_row(f"[bold]{item.name}[/]\n[dim]{item.kind}[/]", f"[{style}]{item.tone}[/]",
                      f"{escape(item.description)}\n[dim]{escape(shown)}[/]")
    out.print(table)


def _snake(text: str) -> str:
    return "_".join(text.strip().lower().split())
