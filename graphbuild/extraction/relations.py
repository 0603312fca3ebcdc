"""Fold synonymous relations into one canonical predicate (``head_for`` → ``travel_to``).

The bundled table is ``graphbuild/data/relations.tsv``; a user file in the same format (TSV:
canonical, then ``|``-separated variants) or YAML (``canonical: [variants]``) extends or
overrides it. A variant written ``~lose_to`` is the canonical relation the other way round:
``X lose_to Y`` becomes ``Y beat X``. The words as written stay on each triple as its ``surface``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from graphbuild.errors import InputError

__all__ = ["RelationTable", "load_relations"]


def _key(relation: str) -> str:
    return "_".join(relation.lower().replace("-", " ").replace("_", " ").split())


@dataclass(frozen=True, slots=True)
class RelationTable:
    """Variant relation → canonical relation, and the variants that state it the other way round."""

    canonical: Mapping[str, str] = field(default_factory=dict)
    inverse: frozenset[str] = frozenset()

    def normalise(self, relation: str) -> str:
        """Return the canonical form of ``relation`` (itself when it has none)."""
        return self.canonical.get(relation, relation)

    def inverts(self, relation: str) -> bool:
        """True when ``relation``'s canonical form holds from its object to its subject (``lose_to``)."""
        return relation in self.inverse


def _parse_tsv(text: str, where: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip():
            raise InputError(f"{where}:{number}: expected 'canonical<TAB>variant|variant|…'")
        canonical = _key(parts[0])
        for variant in parts[1].split("|"):
            if variant.strip():
                table[_variant(variant)] = canonical
    return table


def _variant(text: str) -> str:
    """A variant's key; an inverse variant keeps its leading ``~``."""
    text = text.strip()
    return "~" + _key(text[1:]) if text.startswith("~") else _key(text)


def load_relations(path: str | Path | None = None, *, builtin: bool = True) -> RelationTable:
    """Load the bundled relation table, extended by the file at ``path`` (TSV or YAML).

    Raises:
        InputError: the file is missing or malformed.
    """
    table: dict[str, str] = {}
    if builtin:
        text = resources.files("graphbuild.data").joinpath("relations.tsv").read_text(encoding="utf-8")
        table.update(_parse_tsv(text, "relations.tsv"))
    if path is not None:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"{path}: cannot read relation file ({err.strerror or err})") from err
        if path.suffix.lower() in {".yaml", ".yml"}:
            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError as err:
                raise InputError(f"{path}: not valid YAML ({err})") from err
            if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
                raise InputError(f"{path}: expected 'canonical: [variant, …]' entries")
            for canonical, variants in data.items():
                for variant in variants:
                    table[_variant(str(variant))] = _key(str(canonical))
        else:
            table.update(_parse_tsv(text, str(path)))
    inverse = frozenset(k[1:] for k in table if k.startswith("~"))
    return RelationTable({k.lstrip("~"): v for k, v in table.items() if k != v}, inverse)
