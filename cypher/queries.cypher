// graphbuild: curated analyst queries for Neo4j Browser (Neo4j 5 Cypher).
//
// Set parameters in Browser first, for example:
//   :param actor => 'Ben Wallace'
//   :param other => 'Sergei Shoigu'
//   :param from => '2022-01-01'
//   :param to => '2022-12-31'
// $actor and $other match an actor's name or any of its aliases ('Mr Wallace' works too).
// Actors are (:Entity) nodes with a type label (:Person, :Organization, :Place, :Group, :Event);
// articles are (:Article)-[:MENTIONS {count}]->(:Entity), and every other relationship type is a
// relation between actors (TRAVEL_TO, SPEAK_WITH, …) with predicate, weight, evidence, articles,
// first_seen, last_seen, negated and hedged.
//
// Lines starting with "// @" are read by graphbuild's tests: each query runs against the
// pushed seed graph with @params and must return what @expect promises.

// @name top_actors
// Top actors by degree: who takes part in the most relations (articles not counted).
// @params {}
// @expect {"min_rows": 5, "first": {"name": "Russia"}}
MATCH (n:Entity)
RETURN n.name AS name, n.type AS type, COUNT { (n)-[r]-(:Entity) } AS degree, n.mentions AS mentions
ORDER BY degree DESC, mentions DESC, name
LIMIT 25;

// @name actor_actions
// Everything one actor did: its outgoing relations, strongest first.
// @params {"actor": "Mr Wallace"}
// @expect {"min_rows": 3, "contains": {"relation": "SPEAK_WITH", "target": "Sergei Shoigu"}}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (a)-[r]->(b:Entity)
RETURN r.predicate AS predicate, type(r) AS relation, b.name AS target, r.weight AS weight,
       r.negated AS negated, r.hedged AS hedged
ORDER BY weight DESC, relation, target;

// @name acted_on
// Who acted on one actor: incoming relations, strongest first.
// @params {"actor": "Sergei Shoigu"}
// @expect {"min_rows": 1, "contains": {"source": "Ben Wallace", "relation": "SPEAK_WITH"}}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (b:Entity)-[r]->(a)
RETURN b.name AS source, type(r) AS relation, r.predicate AS predicate, r.weight AS weight
ORDER BY weight DESC, source, relation;

// @name shortest_path
// How two actors are connected: the shortest chain of relations between them (any direction).
// @params {"actor": "Sergei Shoigu", "other": "Kremlin"}
// @expect {"min_rows": 1}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (b:Entity)
WHERE b.name = $other OR $other IN b.aliases
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE none(n IN nodes(p) WHERE n:Article)
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS relations, length(p) AS hops;

// @name relations_in_date_range
// Relations stated between $from and $to (ISO dates), newest first.
// @params {"from": "2022-01-01", "to": "2022-01-31"}
// @expect {"min_rows": 5}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.last_seen >= $from AND r.first_seen <= $to
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.weight AS weight
ORDER BY last_seen DESC, weight DESC, source;

// @name edge_evidence
// The evidence for a relation: every stored sentence between two actors, with its articles.
// @params {"actor": "Ben Wallace", "other": "Moscow"}
// @expect {"min_rows": 1, "contains": {"relation": "TRAVEL_TO"}}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE (a.name = $actor OR $actor IN a.aliases) AND (b.name = $other OR $other IN b.aliases)
UNWIND r.evidence AS sentence
RETURN type(r) AS relation, sentence, r.articles AS articles, r.negated AS negated, r.hedged AS hedged;

// @name co_mentioned
// Actors mentioned in the same articles as one actor, most shared articles first.
// @params {"actor": "Ben Wallace"}
// @expect {"min_rows": 5, "contains": {"actor": "Russia"}}
MATCH (a:Entity)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(b:Entity)
WHERE (a.name = $actor OR $actor IN a.aliases) AND b <> a
RETURN b.name AS actor, b.type AS type, count(DISTINCT art) AS articles, sum(b.mentions) AS mentions
ORDER BY articles DESC, mentions DESC, actor
LIMIT 25;

// @name contested_statements
// Contested or uncertain statements: relations that some sentence denies (negated) or only
// hedges (would, could, may, threatened to, ...), most disputed first.
// @params {}
// @expect {"min_rows": 1}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.negated_count > 0 OR r.hedged_count > 0
RETURN a.name AS source, r.predicate AS predicate, b.name AS target, r.weight AS weight,
       r.negated_count AS negated, r.hedged_count AS hedged
ORDER BY negated + hedged DESC, weight DESC, source;

// @name most_related_pairs
// The pairs of actors with the most statements between them, in either direction.
// @params {}
// @expect {"min_rows": 3}
MATCH (a:Entity)-[r]-(b:Entity)
WHERE elementId(a) < elementId(b)
RETURN a.name AS actor, b.name AS other, count(r) AS relations, sum(r.weight) AS statements,
       collect(DISTINCT type(r)) AS types
ORDER BY statements DESC, relations DESC, actor, other
LIMIT 25;

// @name relation_vocabulary
// The relations in the graph, by number of supporting sentences.
// @params {}
// @expect {"min_rows": 5}
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS relation, count(r) AS edges, sum(r.weight) AS statements
ORDER BY statements DESC, relation;

// @name roles
// Roles and offices: who holds which role of which country or organisation (X –defence_minister_of→ Y).
// @params {}
// @expect {"min_rows": 2, "contains": {"person": "Sergei Shoigu", "role": "defence_minister_of", "of": "Russia"}}
MATCH (p:Person)-[r]->(o:Entity)
WHERE r.predicate ENDS WITH '_of'
RETURN p.name AS person, r.predicate AS role, o.name AS of, r.weight AS weight
ORDER BY person, role;

// @name articles_about
// The articles that mention one actor, newest first, with how often.
// @params {"actor": "Vladimir Putin"}
// @expect {"min_rows": 1, "contains": {"id": "uk-defence-secretary-2022-01"}}
MATCH (a:Entity)<-[m:MENTIONS]-(art:Article)
WHERE a.name = $actor OR $actor IN a.aliases
RETURN art.id AS id, art.title AS title, art.date AS date, m.count AS mentions
ORDER BY date DESC, mentions DESC, id;

// @name neighbourhood
// One actor's neighbourhood up to two relations away, as paths to draw in Browser's graph view.
// @params {"actor": "Ben Wallace"}
// @expect {"min_rows": 5}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH p = (a)-[*1..2]-(b:Entity)
WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONS')
RETURN p
LIMIT 100;
