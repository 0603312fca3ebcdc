"""Resolve entities across articles: a user alias file, then one key per normalised name.

Within an article, ``mentions`` already merged titles, surnames, pronouns and demonyms. Across
articles, entities with the same normalised name share a key (so ``Ben Wallace`` in two
articles is one node); an alias file maps any further names onto a canonical one.

Alias files are YAML or CSV::

    # aliases.yaml: canonical name → list of aliases (or a mapping with aliases and type)
    United States: [US, America, Washington]
    Vladimir Putin:
      aliases: [Putin, Vladimir Vladimirovich Putin]
      type: PERSON

    # aliases.csv: alias,canonical[,type] with that header
    alias,canonical,type
    America,United States,GPE
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from graphbuild.errors import InputError
from graphbuild.model import ArticleEntity, ArticleResult, Entity, EntityType, Triple
from graphbuild.names import entity_key, name_key

__all__ = ["AliasTable", "load_aliases", "resolve", "resolve_entity"]


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Normalised alias → (canonical name, type or None to keep the extracted type)."""

    entries: Mapping[str, tuple[str, EntityType | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)


def _parse_type(value: Any, where: str) -> EntityType | None:
    if value is None or value == "":
        return None
    parsed = EntityType.parse(str(value))
    if parsed is EntityType.OTHER and str(value).upper() != "OTHER":
        allowed = ", ".join(t.value for t in EntityType)
        raise InputError(f"{where}: unknown entity type {value!r}; use one of {allowed}")
    return parsed


def load_aliases(path: str | Path) -> AliasTable:
    """Load a YAML (``.yaml``/``.yml``) or CSV (``.csv``) alias file.

    Raises:
        InputError: the file is missing or not in one of the formats in the module docstring.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read alias file ({err.strerror or err})") from err
    entries: dict[str, tuple[str, EntityType | None]] = {}
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not {"alias", "canonical"} <= set(reader.fieldnames):
            raise InputError(f"{path}: expected a CSV header 'alias,canonical[,type]'")
        for number, row in enumerate(reader, start=2):
            alias, canonical = (row.get("alias") or "").strip(), (row.get("canonical") or "").strip()
            if not alias or not canonical:
                raise InputError(f"{path}:{number}: 'alias' and 'canonical' must both be filled in")
            row_type = _parse_type(row.get("type"), f"{path}:{number}")
            entries[name_key(alias)] = (canonical, row_type)
            entries.setdefault(name_key(canonical), (canonical, row_type))
        return AliasTable(entries)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML ({err})") from err
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping of canonical names to alias lists")
    for canonical, value in data.items():
        where = f"{path}: {canonical!r}"
        type_: EntityType | None = None
        if isinstance(value, dict):
            type_ = _parse_type(value.get("type"), where)
            value = value.get("aliases", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise InputError(f"{where}: aliases must be a list of names")
        entries[name_key(str(canonical))] = (str(canonical), type_)
        for alias in value:
            entries[name_key(str(alias))] = (str(canonical), type_)
    return AliasTable(entries)


def resolve_entity(entity: Entity, aliases: AliasTable) -> Entity:
    """Return ``entity`` renamed by the alias table, with a key from its normalised name."""
    found = aliases.entries.get(entity.key) or aliases.entries.get(name_key(entity.name))
    if found is None:
        key = entity_key(entity.name, entity.type)
        return entity if key == entity.key else replace(entity, key=key)
    canonical, type_ = found
    return Entity(key=entity_key(canonical, type_ or entity.type), name=canonical, type=type_ or entity.type,
                  aliases=entity.aliases | {entity.name})


def _resolve_triple(triple: Triple, aliases: AliasTable) -> Triple:
    return replace(triple, subject=resolve_entity(triple.subject, aliases),
                   object=resolve_entity(triple.object, aliases))


def resolve(result: ArticleResult, aliases: AliasTable) -> ArticleResult:
    """Apply the alias table to every entity and triple of one article's extraction result."""
    if not aliases.entries:
        return result
    merged: dict[str, ArticleEntity] = {}
    for item in result.entities:
        entity = resolve_entity(item.entity, aliases)
        previous = merged.get(entity.key)
        if previous is not None:
            entity = replace(entity, aliases=entity.aliases | previous.entity.aliases)
            merged[entity.key] = ArticleEntity(entity=entity, mentions=previous.mentions + item.mentions)
        else:
            merged[entity.key] = ArticleEntity(entity=entity, mentions=item.mentions)
    triples = tuple(t for t in (_resolve_triple(t, aliases) for t in result.triples)
                    if t.subject.key != t.object.key)
    entities = tuple(merged[k] for k in sorted(merged))
    return replace(result, entities=entities, triples=triples)
