"""The Cypher graphbuild sends to Neo4j, as text built in one place.

Every value goes in as a parameter. The only text spliced into a query is a label or a
relationship type, and only after :func:`safe_name` reduced it to ``[A-Z][A-Z0-9_]*``
(labels come from a fixed table, relationship types from the relation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphbuild.export._flat import TYPE_LABELS, relationship_type

__all__ = [
    "ARTICLES",
    "ENTITIES",
    "ENTITY_MENTIONS",
    "EVIDENCE",
    "MENTIONS",
    "SCHEMA",
    "all_queries",
    "entity_label_query",
    "new_entities_query",
    "relationship_query",
    "relationships_query",
    "safe_name",
]

_SAFE = re.compile(r"[A-Z][A-Z0-9_]*")
_LABEL = re.compile(r"[A-Z][A-Za-z0-9_]*")

#: Constraints and indexes, created before any data (``IF NOT EXISTS``: safe to repeat).
#: Indexes only on properties that are always strings.
SCHEMA = (
    "CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type)",
)

#: Merge entities by key; aliases grow as a set.
ENTITIES = """\
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
SET n.name = row.name,
    n.type = row.type,
    n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]"""

#: Merge articles by id with their metadata.
ARTICLES = """\
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.date = row.date, a.source = row.source, a.url = row.url"""

#: One MENTIONS relationship per (article, entity), carrying the mention count.
MENTIONS = """\
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (n:Entity {key: row.key})
MERGE (a)-[m:MENTIONS]->(n)
SET m.count = row.count"""

#: An entity's mention count is the sum over its MENTIONS, so pushing twice changes nothing.
ENTITY_MENTIONS = """\
UNWIND $keys AS key
MATCH (n:Entity {key: key})
OPTIONAL MATCH (:Article)-[m:MENTIONS]->(n)
WITH n, sum(m.count) AS mentions, count(DISTINCT m) AS articles
SET n.mentions = mentions, n.article_count = articles"""


def safe_name(text: str) -> str:
    """Check that ``text`` may be spliced into Cypher as a label or type; return it.

    Raises:
        ValueError: it does not match ``[A-Z][A-Za-z0-9_]*``.
    """
    if not _LABEL.fullmatch(text):
        raise ValueError(f"refusing to use {text!r} as a label or relationship type")
    return text


def _label(label: str) -> str:
    if label not in TYPE_LABELS.values():
        raise ValueError(f"unknown entity label {label!r}")
    return safe_name(label)


def new_entities_query(label: str) -> str:
    """Create the entities not yet in the database, with their type label (``Person`` …) at once.

    Creating a node with both labels costs far less than adding a label later; entities that
    already exist are left to :data:`ENTITIES` and :func:`entity_label_query`.
    """
    return f"""\
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {{key: row.key}})
WITH row, old
WHERE old IS NULL
CREATE (:Entity:{_label(label)} {{key: row.key, name: row.name, type: row.type, aliases: row.aliases}})"""


def entity_label_query(label: str) -> str:
    """Add the type label to existing entities that lack it; run after the entities are committed."""
    label = _label(label)
    return f"UNWIND $keys AS key\nMATCH (n:Entity {{key: key}})\nWHERE NOT n:{label}\nSET n:{label}"


def relationship_query(relation_type: str, param: str = "rows") -> str:
    """Merge the bare relationships of one type from ``$param``; :data:`EVIDENCE` fills in the rest.

    ``relation_type`` must already be reduced by :func:`graphbuild.export.relationship_type`.
    """
    if not _SAFE.fullmatch(relation_type) or relationship_type(relation_type) != relation_type:
        raise ValueError(f"refusing to use {relation_type!r} as a relationship type")
    if not param.isidentifier():
        raise ValueError(f"refusing to use {param!r} as a parameter name")
    return f"""\
UNWIND ${param} AS row
MATCH (s:Entity {{key: row.source}})
MATCH (t:Entity {{key: row.target}})
MERGE (s)-[:{relation_type} {{predicate: row.predicate}}]->(t)"""


def relationships_query(relation_types: Sequence[str]) -> str:
    """Merge the bare relationships of several types in one statement, type *i* from ``$r{i}``.

    A server plans every distinct query text, and a news graph has thousands of relation types
    (a type cannot be a parameter in the Cypher that Neo4j 5 and the test server share), so one
    statement per type spends most of a push planning. Chaining a few types per statement
    halves that. ``WITH count(*)`` between the parts always yields one row, so an empty list or
    a missing entity in one part does not stop the parts after it.
    """
    if not relation_types:
        raise ValueError("no relationship types to merge")
    parts = [relationship_query(rel_type, f"r{i}") for i, rel_type in enumerate(relation_types)]
    return "\nWITH count(*) AS merged\n".join(parts)


#: Add evidence to relationships of any type; keyed by article and offset, so re-pushing adds nothing.
EVIDENCE = """\
UNWIND $rows AS row
MATCH (:Entity {key: row.source})-[r {predicate: row.predicate}]->(:Entity {key: row.target})
WHERE type(r) = row.type
WITH r, row, coalesce(r.evidence_keys, []) AS old
WITH r, row, old, [i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN old] AS fresh
WITH r, row,
     old + [i IN fresh | row.keys[i]] AS keys,
     (coalesce(r.evidence, []) + [i IN fresh | row.sentences[i]])[0..$cap] AS evidence,
     coalesce(r.articles, []) + [a IN row.articles WHERE NOT a IN coalesce(r.articles, [])] AS articles,
     coalesce(r.negated_count, 0) + size([i IN fresh WHERE row.negated[i]]) AS negated,
     coalesce(r.hedged_count, 0) + size([i IN fresh WHERE row.hedged[i]]) AS hedged,
     CASE WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen THEN row.first_seen
          ELSE r.first_seen END AS first_seen,
     CASE WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen THEN row.last_seen
          ELSE r.last_seen END AS last_seen
SET r.evidence_keys = keys,
    r.weight = size(keys),
    r.evidence = evidence,
    r.articles = articles,
    r.negated_count = negated,
    r.hedged_count = hedged,
    r.negated = negated = size(keys),
    r.hedged = hedged = size(keys),
    r.first_seen = first_seen,
    r.last_seen = last_seen"""


def all_queries() -> list[str]:
    """Every statement the writer can send, with sample label and type (for linting)."""
    labels = sorted(set(TYPE_LABELS.values()))
    return [*SCHEMA, *(new_entities_query(label) for label in labels), ENTITIES,
            *(entity_label_query(label) for label in labels), ARTICLES, MENTIONS, ENTITY_MENTIONS,
            relationship_query("TRAVEL_TO"), relationships_query(["MEET", "TRAVEL_TO"]), EVIDENCE]


if __name__ == "__main__":
    print(";\n\n".join(all_queries()) + ";")
