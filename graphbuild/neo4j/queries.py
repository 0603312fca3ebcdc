"""The Cypher graphbuild sends to Neo4j, as text built in one place.

Every value goes in as a parameter. The only text spliced into a query is a label or a
relationship type, and only after :func:`safe_name` reduced it to ``[A-Z][A-Z0-9_]*``
(labels come from a fixed table, relationship types are relation classes).

The data model (version 2): ``(:Entity:Person {key, name, type, aliases, mentions})``,
``(:Article {id, title, date, source, url})-[:MENTIONS {count}]->(:Entity)``, and between actors
one relationship per (subject, predicate, object), typed with the relation's class
(``CONSULT``) and keeping the wording as ``predicate`` (``travel_to``), with ``surface``,
``tone``, ``weight``, ``evidence`` (the first sentences), ``evidence_keys`` (``article:offset``
of every sentence) with ``dates`` beside them (``""`` where unknown), ``articles``,
``first_seen``, ``last_seen`` and the negated and hedged counts. One ``(:GraphbuildModel)`` node
records the model version and the schema.
"""

from __future__ import annotations

import re

from graphbuild.export._flat import TYPE_LABELS, relationship_type

__all__ = [
    "ARTICLES",
    "DELETE_FIRST_MODEL",
    "ENTITIES",
    "ENTITY_MENTIONS",
    "FIRST_MODEL",
    "MENTIONS",
    "MODEL",
    "MODEL_VERSION",
    "READ_MODEL",
    "SCHEMA",
    "all_queries",
    "entity_label_query",
    "new_entities_query",
    "relationships_query",
    "retype_query",
    "safe_name",
]

#: The version of the data model this writer writes (1: one relationship type per relation).
MODEL_VERSION = 2

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

#: What the database holds: the model version and schema of the last push, and whether it has entities.
READ_MODEL = """\
OPTIONAL MATCH (m:GraphbuildModel)
WITH m LIMIT 1
OPTIONAL MATCH (n:Entity)
WITH m, n LIMIT 1
RETURN m.version AS version, m.schema AS schema, n IS NOT NULL AS entities"""

#: A relationship the first model wrote (typed with its relation, so it has a predicate and no tone).
FIRST_MODEL = """\
MATCH (:Entity)-[old]->(:Entity)
WHERE old.predicate IS NOT NULL AND old.tone IS NULL
RETURN type(old) AS type
LIMIT 1"""

#: Delete up to $limit first-model relationships; returns how many went.
DELETE_FIRST_MODEL = """\
MATCH (:Entity)-[old]->(:Entity)
WHERE old.predicate IS NOT NULL AND old.tone IS NULL
WITH old LIMIT $limit
DELETE old
RETURN count(*) AS deleted"""

#: Record the model version and the schema (its fingerprint and classes) of this push.
MODEL = """\
MERGE (m:GraphbuildModel {name: $name})
SET m.version = $version, m.schema = $schema, m.classes = $classes"""

#: Merge entities by key; aliases grow as a set. Only rows that change anything are written.
ENTITIES = """\
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
WITH n, row, [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])] AS fresh
WHERE n.name IS NULL OR n.name <> row.name OR n.type <> row.type OR size(fresh) > 0
SET n.name = row.name,
    n.type = row.type,
    n.aliases = coalesce(n.aliases, []) + fresh"""

#: Merge articles by id with their metadata.
ARTICLES = """\
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
WITH a, row
WHERE coalesce(a.title, '') <> coalesce(row.title, '') OR coalesce(a.date, '') <> coalesce(row.date, '')
   OR coalesce(a.source, '') <> coalesce(row.source, '') OR coalesce(a.url, '') <> coalesce(row.url, '')
SET a.title = row.title, a.date = row.date, a.source = row.source, a.url = row.url"""

#: One MENTIONS relationship per (article, entity), carrying the mention count; returns the
#: keys of the entities whose counts changed, so only their totals are summed again.
MENTIONS = """\
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (n:Entity {key: row.key})
MERGE (a)-[m:MENTIONS]->(n)
WITH n, m, row
WHERE m.count IS NULL OR m.count <> row.count
SET m.count = row.count
RETURN DISTINCT n.key AS key"""

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


def _type(relation_class: str) -> str:
    if not _SAFE.fullmatch(relation_class) or relationship_type(relation_class) != relation_class:
        raise ValueError(f"refusing to use {relation_class!r} as a relationship type")
    return relation_class


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


def relationships_query(relation_class: str) -> str:
    """Merge the relationships of one class from ``$rows``, with their evidence.

    One relationship per (subject, predicate, object). Evidence is keyed by article and
    offset: a sentence pushed before is not added again, so re-pushing changes nothing (and
    writes nothing), and pushing new articles adds to weights and evidence; ``$cap`` sentences
    are kept.
    """
    return f"""\
UNWIND $rows AS row
MATCH (s:Entity {{key: row.source}})
MATCH (t:Entity {{key: row.target}})
MERGE (s)-[r:{_type(relation_class)} {{predicate: row.predicate}}]->(t)
WITH r, row, coalesce(r.evidence_keys, []) AS old
WITH r, row, old, [i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN old] AS fresh
WHERE size(fresh) > 0 OR r.tone IS NULL OR r.tone <> row.tone
WITH r, row,
     old + [i IN fresh | row.keys[i]] AS keys,
     coalesce(r.dates, []) + [i IN fresh | row.dates[i]] AS dates,
     (coalesce(r.evidence, []) + [i IN fresh | row.sentences[i]])[0..$cap] AS evidence,
     coalesce(r.articles, []) + [a IN row.articles WHERE NOT a IN coalesce(r.articles, [])] AS articles,
     coalesce(r.negated_count, 0) + size([i IN fresh WHERE row.negated[i]]) AS negated,
     coalesce(r.hedged_count, 0) + size([i IN fresh WHERE row.hedged[i]]) AS hedged,
     CASE WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen THEN row.first_seen
          ELSE r.first_seen END AS first_seen,
     CASE WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen THEN row.last_seen
          ELSE r.last_seen END AS last_seen
SET r.evidence_keys = keys,
    r.dates = dates,
    r.weight = size(keys),
    r.evidence = evidence,
    r.articles = articles,
    r.negated_count = negated,
    r.hedged_count = hedged,
    r.negated = negated = size(keys),
    r.hedged = hedged = size(keys),
    r.first_seen = first_seen,
    r.last_seen = last_seen,
    r.surface = row.surface,
    r.tone = row.tone,
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence
                        ELSE r.confidence END"""


def retype_query(relation_class: str) -> str:
    """Move relationships of ``$rows`` that another schema put in another class into this one.

    Run before :func:`relationships_query` when the database was pushed with another schema,
    so that each (subject, predicate, object) keeps one relationship, with its evidence.
    """
    rel_type = _type(relation_class)
    return f"""\
UNWIND $rows AS row
MATCH (s:Entity {{key: row.source}})-[old {{predicate: row.predicate}}]->(t:Entity {{key: row.target}})
WHERE type(old) <> $type
CREATE (s)-[new:{rel_type}]->(t)
SET new = properties(old)
DELETE old"""


def all_queries() -> list[str]:
    """Every statement the writer can send, with sample labels and classes (for linting)."""
    labels = sorted(set(TYPE_LABELS.values()))
    return [*SCHEMA, READ_MODEL, FIRST_MODEL, DELETE_FIRST_MODEL, MODEL,
            *(new_entities_query(label) for label in labels), ENTITIES,
            *(entity_label_query(label) for label in labels), ARTICLES, MENTIONS, ENTITY_MENTIONS,
            relationships_query("CONSULT"), retype_query("ACCUSE")]


def db_schema() -> dict[str, list[str]]:
    """What a pushed database holds, as the Cypher linter's ``DbSchema``: labels, relationship types
    (the bundled classes and MENTIONS) and property keys, so a query naming anything else is flagged."""
    from graphbuild.schema import load_schema

    entity = ["key", "name", "type", "aliases", "mentions", "article_count"]
    article = ["id", "title", "date", "source", "url", "count"]
    relation = ["predicate", "surface", "tone", "weight", "evidence", "evidence_keys", "dates", "articles",
                "first_seen", "last_seen", "negated", "hedged", "negated_count", "hedged_count", "confidence"]
    fields = {name for query in all_queries() for name in re.findall(r"\brow\.(\w+)", query)}  # the rows' keys
    return {"labels": sorted({*TYPE_LABELS.values(), "Entity", "Article", "GraphbuildModel"}),
            "relationshipTypes": sorted({*load_schema().names, "MENTIONS"}),
            "propertyKeys": sorted({*entity, *article, *relation, *fields, "version", "schema", "classes"})}


if __name__ == "__main__":
    import json
    import sys

    if sys.argv[1:] == ["--db-schema"]:
        print(json.dumps(db_schema(), indent=1))
    else:
        print(";\n\n".join(all_queries()) + ";")
