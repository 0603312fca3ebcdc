// graphbuild: curated analyst queries for Neo4j Browser (Neo4j 5 Cypher).
//
// Run them on your own graph with `graphbuild query OUT --name NAME [--param actor='Tony Blair']`
// (graphbuild query --list shows each one's parameters and defaults), or in Neo4j Browser after
// setting the parameters, for example:
//   :param actor => 'Ben Wallace'
//   :param other => 'Sergei Shoigu'
//   :param from => '2022-01-01'
//   :param to => null
//   :param class => 'CONSULT'
// $actor and $other match an actor's name or any of its aliases ('Mr Wallace' works too).
// Actors are (:Entity) nodes with a type label (:Person, :Organization, :Place, :Group, :Event);
// articles are (:Article)-[:MENTIONS {count}]->(:Entity). Every other relationship is a relation
// between actors, typed with its class (CONSULT, ACCUSE, ROLE, … 28 in all: graphbuild schema
// lists them) and keeping its wording as predicate (travel_to), with surface, tone (conflict,
// cooperation or neutral), weight, evidence, evidence_keys and dates, articles, first_seen,
// last_seen, and the negated and hedged counts.
//
// Lines starting with "// @" are read by graphbuild: @params declares each parameter's type and
// the default graphbuild query uses (the top actor, no date bound…, worked out on your graph);
// the tests run each query on the pushed seed graph with @example and check what @expect promises.

// @name top_actors
// Top actors by degree: who takes part in the most relations (articles not counted).
// @params {}
// @expect {"min_rows": 5, "first": {"name": "Russia"}}
MATCH (n:Entity)
RETURN n.name AS name, n.type AS type, COUNT { (n)-[r]-(:Entity) } AS degree, n.mentions AS mentions
ORDER BY degree DESC, mentions DESC, name
LIMIT 25;

// @name actor_actions
// Everything one actor did: its outgoing relations with their class, strongest first.
// @params {"actor": "actor = top"}
// @example {"actor": "Mr Wallace"}
// @expect {"min_rows": 3, "contains": {"class": "CONSULT", "predicate": "speak_with", "target": "Sergei Shoigu"}}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (a)-[r]->(b:Entity)
RETURN type(r) AS class, r.predicate AS predicate, b.name AS target, r.weight AS weight, r.tone AS tone,
       r.negated AS negated, r.hedged AS hedged
ORDER BY weight DESC, class, predicate, target;

// @name acted_on
// Who acted on one actor: incoming relations with their class, strongest first.
// @params {"actor": "actor = top"}
// @example {"actor": "Sergei Shoigu"}
// @expect {"min_rows": 1, "contains": {"source": "Ben Wallace", "class": "CONSULT", "predicate": "speak_with"}}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (b:Entity)-[r]->(a)
RETURN b.name AS source, type(r) AS class, r.predicate AS predicate, r.weight AS weight, r.tone AS tone
ORDER BY weight DESC, source, class, predicate;

// @name actor_classes
// One actor's relations by class, both ways: how much of what it does and undergoes is
// consultation, accusation, support…, with the wordings behind each class.
// @params {"actor": "actor = top"}
// @example {"actor": "Ben Wallace"}
// @expect {"min_rows": 3, "first": {"class": "CONSULT"}}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (a)-[r]-(:Entity)
RETURN type(r) AS class, r.tone AS tone, count(r) AS relations, sum(r.weight) AS statements,
       collect(DISTINCT r.predicate)[0..8] AS predicates
ORDER BY statements DESC, relations DESC, class;

// @name conflict_between
// Every conflict relation between two actors (accusations, rejections, threats, protests,
// sanctions, coercion, force, attacks), either way, strongest first.
// @params {"actor": "actor = conflict", "other": "actor = partner"}
// @example {"actor": "Vladimir Putin", "other": "Ukraine"}
// @expect {"min_rows": 1, "contains": {"source": "Vladimir Putin", "class": "ASSAULT", "predicate": "invade"}}
MATCH (a:Entity)-[r]-(b:Entity)
WHERE (a.name = $actor OR $actor IN a.aliases) AND (b.name = $other OR $other IN b.aliases)
  AND r.tone = 'conflict'
RETURN startNode(r).name AS source, type(r) AS class, r.predicate AS predicate, endNode(r).name AS target,
       r.weight AS weight, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY weight DESC, class, predicate;

// @name tone_by_month
// The tone between two actors month by month: sentences of conflict and of cooperation, either
// way, and the balance (cooperation minus conflict).
// @params {"actor": "actor = conflict", "other": "actor = partner"}
// @example {"actor": "Joe Biden", "other": "Vladimir Putin"}
// @expect {"min_rows": 1, "first": {"month": "2022-01", "conflict": 1}}
MATCH (a:Entity)-[r]-(b:Entity)
WHERE (a.name = $actor OR $actor IN a.aliases) AND (b.name = $other OR $other IN b.aliases)
  AND r.tone IN ['conflict', 'cooperation']
UNWIND r.dates AS date
WITH CASE WHEN date = '' THEN 'undated' ELSE substring(date, 0, 7) END AS month, r.tone AS tone
WITH month, sum(CASE WHEN tone = 'conflict' THEN 1 ELSE 0 END) AS conflict,
     sum(CASE WHEN tone = 'cooperation' THEN 1 ELSE 0 END) AS cooperation
RETURN month, conflict, cooperation, cooperation - conflict AS balance
ORDER BY month;

// @name relations_of_class
// All relations of one class ($class: CONSULT, ACCUSE, SANCTION…; graphbuild schema lists them),
// strongest first.
// @params {"class": "class = top"}
// @example {"class": "CONSULT"}
// @expect {"min_rows": 2, "contains": {"source": "Ben Wallace", "predicate": "travel_to", "target": "Moscow"}}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) = $class
RETURN a.name AS source, r.predicate AS predicate, b.name AS target, r.weight AS weight,
       r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY weight DESC, source, predicate, target
LIMIT 100;

// @name shortest_path
// How two actors are connected: the shortest chain of relations between them (any direction).
// @params {"actor": "actor = top", "other": "actor = second"}
// @example {"actor": "Sergei Shoigu", "other": "Kremlin"}
// @expect {"min_rows": 1}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (b:Entity)
WHERE b.name = $other OR $other IN b.aliases
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE none(n IN nodes(p) WHERE n:Article)
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | r.predicate] AS predicates,
       [r IN relationships(p) | type(r)] AS classes, length(p) AS hops;

// @name relations_in_date_range
// Relations stated between $from and $to (ISO dates; null leaves that end open), newest first.
// @params {"from": "date = null", "to": "date = null"}
// @example {"from": "2022-01-01", "to": "2022-01-31"}
// @expect {"min_rows": 5}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($from IS NULL OR r.last_seen >= $from) AND ($to IS NULL OR r.first_seen <= $to)
RETURN a.name AS source, type(r) AS class, r.predicate AS predicate, b.name AS target,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.weight AS weight
ORDER BY last_seen DESC, weight DESC, source, predicate
LIMIT 100;

// @name edge_evidence
// The evidence between two actors (either way): each stored sentence once, with the article
// it comes from and the relations it states.
// @params {"actor": "actor = top", "other": "actor = neighbour"}
// @example {"actor": "Ben Wallace", "other": "Moscow"}
// @expect {"min_rows": 1, "contains": {"classes": ["CONSULT"], "predicates": ["travel_to"]}}
MATCH (a:Entity)-[r]-(b:Entity)
WHERE (a.name = $actor OR $actor IN a.aliases) AND (b.name = $other OR $other IN b.aliases)
UNWIND range(0, size(r.evidence) - 1) AS i
WITH r, r.evidence[i] AS sentence, r.evidence_keys[i] AS key
WITH sentence, left(key, size(key) - size(split(key, ':')[size(split(key, ':')) - 1]) - 1) AS article,
     collect(DISTINCT type(r)) AS classes, collect(DISTINCT r.predicate) AS predicates
RETURN article, sentence, classes, predicates
ORDER BY article, sentence;

// @name co_mentioned
// Actors mentioned in the same articles as one actor: how many articles they share, and how
// often the other actor is mentioned in those articles.
// @params {"actor": "actor = top"}
// @example {"actor": "Ben Wallace"}
// @expect {"min_rows": 5, "contains": {"actor": "Russia"}}
MATCH (a:Entity)<-[:MENTIONS]-(art:Article)-[m:MENTIONS]->(b:Entity)
WHERE (a.name = $actor OR $actor IN a.aliases) AND b <> a
RETURN b.name AS actor, b.type AS type, count(DISTINCT art) AS articles, sum(m.count) AS mentions
ORDER BY articles DESC, mentions DESC, actor
LIMIT 25;

// @name contested_statements
// Contested or uncertain statements: relations that some sentence denies (negated) or only
// hedges (would, could, may, threatened to, ...), most disputed first.
// @params {}
// @expect {"min_rows": 1}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.negated_count > 0 OR r.hedged_count > 0
RETURN a.name AS source, type(r) AS class, r.predicate AS predicate, b.name AS target, r.weight AS weight,
       r.negated_count AS negated, r.hedged_count AS hedged
ORDER BY negated + hedged DESC, weight DESC, source, predicate;

// @name most_related_pairs
// The pairs of actors with the most statements between them, in either direction, and how much
// of it is conflict and cooperation.
// @params {}
// @expect {"min_rows": 3}
MATCH (a:Entity)-[r]-(b:Entity)
WHERE elementId(a) < elementId(b)
RETURN a.name AS actor, b.name AS other, count(r) AS relations, sum(r.weight) AS statements,
       sum(CASE WHEN r.tone = 'conflict' THEN r.weight ELSE 0 END) AS conflict,
       sum(CASE WHEN r.tone = 'cooperation' THEN r.weight ELSE 0 END) AS cooperation,
       collect(DISTINCT type(r)) AS classes
ORDER BY statements DESC, relations DESC, actor, other
LIMIT 25;

// @name relation_classes
// The relation classes in the graph with their tone, by number of supporting sentences, and
// their most common wordings.
// @params {}
// @expect {"min_rows": 5}
MATCH (:Entity)-[r]->(:Entity)
WITH type(r) AS class, r.tone AS tone, r.predicate AS predicate, count(r) AS edges, sum(r.weight) AS statements
ORDER BY statements DESC, predicate
RETURN class, tone, sum(edges) AS edges, sum(statements) AS statements, collect(predicate)[0..5] AS predicates
ORDER BY statements DESC, class;

// @name roles
// Roles and offices: who holds which role of which country or organisation
// (X –defence_minister_of→ Y), best attested first.
// @params {}
// @expect {"min_rows": 2, "first": {"person": "Vladimir Putin", "role": "president_of", "of": "Russia"}, "contains": {"person": "Sergei Shoigu", "role": "defence_minister_of", "of": "Russia"}}
MATCH (p:Person)-[r:ROLE]->(o:Entity)
RETURN p.name AS person, r.predicate AS role, o.name AS of, r.weight AS weight
ORDER BY weight DESC, person, role;

// @name articles_about
// The articles that mention one actor, newest first, with how often.
// @params {"actor": "actor = top"}
// @example {"actor": "Vladimir Putin"}
// @expect {"min_rows": 1, "contains": {"id": "uk-defence-secretary-2022-01"}}
MATCH (a:Entity)<-[m:MENTIONS]-(art:Article)
WHERE a.name = $actor OR $actor IN a.aliases
RETURN art.id AS id, art.title AS title, art.date AS date, m.count AS mentions
ORDER BY date DESC, mentions DESC, id;

// @name neighbourhood
// One actor's neighbourhood up to two relations away, as paths to draw in Browser's graph view.
// @params {"actor": "actor = top"}
// @example {"actor": "Ben Wallace"}
// @expect {"min_rows": 5}
MATCH (a:Entity)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH p = (a)-[*1..2]-(b:Entity)
WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONS')
RETURN p
LIMIT 100;
