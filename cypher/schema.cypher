// graphbuild schema for Neo4j 5: run once before loading (graphbuild push does this itself).
// Every statement is idempotent (IF NOT EXISTS). Keys are always strings.

// One node per actor, keyed by its normalised name.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;

// One node per article, keyed by its id.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;

// Look actors up by display name and by type.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
