"""The package's shape: folders that show the pipeline, modules a reader can take in, no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "graphbuild"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules imported when ``path`` is imported: top-level statements, not TYPE_CHECKING blocks or functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


IMPORTS = {_name(path): _top_level_imports(path) for path in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_500_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


def test_no_import_cycle() -> None:
    graph = {name: {m for m in imports if m in IMPORTS and m != name} for name, imports in IMPORTS.items()}
    # importing a.b.c imports its packages a and a.b first
    for name in list(graph):
        parts = name.split(".")
        for module in list(graph[name]):
            graph[name] |= {".".join(module.split(".")[:i]) for i in range(1, len(module.split(".")))} - {name}
        graph[name] -= {".".join(parts[:i]) for i in range(1, len(parts))}
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph[name]):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " → ".join([*path[path.index(nxt):], nxt]))
            if nxt not in state:
                visit(nxt, [*path, nxt])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


@pytest.mark.parametrize(("library", "home"), [
    ("spacy", "graphbuild.extraction"), ("neo4j", "graphbuild.neo4j"), ("typer", "graphbuild.cli"),
    ("rich", "graphbuild.cli"), ("matplotlib", "graphbuild.view"),
])
def test_each_library_is_imported_in_one_place(library: str, home: str) -> None:
    outside = sorted(name for name, imports in IMPORTS.items()
                     if any(m == library or m.startswith(library + ".") for m in imports)
                     and not (name == home or name.startswith(home + ".")))
    assert not outside, f"{library} is imported at module level outside {home}: {outside}"


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    import subprocess
    import sys

    code = ("import sys, graphbuild.cli; "
            "print(sorted(m for m in ('spacy', 'networkx', 'neo4j', 'matplotlib') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
