"""Merge extraction results into one ``networkx.MultiDiGraph``, deterministically.

Nodes are resolved entities keyed by ``Entity.key``; there is one edge per (subject, relation,
object), keyed by the relation, whose ``weight`` is the number of supporting sentences. The
result does not depend on the order articles arrive in: nodes and edges are inserted sorted,
evidence is sorted by article, offset and text, and a node's name and type are decided by vote.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphbuild.export._flat import xml_safe
from graphbuild.model import ArticleEntity, ArticleResult, Entity, EntityType, Triple
from graphbuild.schema import Schema, load_schema

__all__ = ["GraphBuilder", "build_graph", "classify_graph", "graph_summary", "mark_schema"]


@dataclass(slots=True)
class _Node:
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[EntityType] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    by_article: Counter[str] = field(default_factory=Counter)

    def type(self) -> EntityType:
        """The most frequent type; ties go to the earlier member of EntityType (PERSON first)."""
        best = max(self.types.values(), default=0)
        return next((t for t in EntityType if self.types[t] == best), EntityType.OTHER)


@dataclass(slots=True)
class _Edge:
    evidence: dict[tuple[str, int, int, str], dict[str, Any]] = field(default_factory=dict)
    surfaces: Counter[str] = field(default_factory=Counter)
    classes: Counter[tuple[str, str]] = field(default_factory=Counter)

    def relation_class(self) -> tuple[str, str]:
        """The class (and its tone) most of the edge's triples got; ties go to the first by name."""
        return min(self.classes, key=lambda c: (-self.classes[c], c)) if self.classes else ("", "")


def _safe_text(text: str) -> str:
    """``text`` without the characters no graph file can carry; code points spelled out if nothing is left."""
    cleaned = xml_safe(text)
    return cleaned if cleaned.strip() else " ".join(f"U+{ord(c):04X}" for c in text)


def _safe_entity(entity: Entity) -> Entity:
    """Clean an entity's key and name before they become node ids, so ids cannot collide in a file later."""
    if xml_safe(entity.key) == entity.key and xml_safe(entity.name) == entity.name and entity.key.strip():
        return entity
    return dataclasses.replace(entity, key=_safe_text(entity.key), name=_safe_text(entity.name))


def _safe_triple(triple: Triple) -> Triple:
    ev = triple.evidence
    if xml_safe(triple.relation) == triple.relation and xml_safe(ev.article_id) == ev.article_id:
        return dataclasses.replace(triple, subject=_safe_entity(triple.subject), object=_safe_entity(triple.object))
    return dataclasses.replace(
        triple, subject=_safe_entity(triple.subject), object=_safe_entity(triple.object),
        relation=_safe_text(triple.relation), evidence=dataclasses.replace(ev, article_id=_safe_text(ev.article_id)))

@dataclass(slots=True)
class GraphBuilder:
    """Accumulate articles and triples, then :meth:`graph` returns the merged graph.

    Example:
        >>> builder = GraphBuilder()
        >>> builder.add_result(result)  # doctest: +SKIP
        >>> graph = builder.graph()     # doctest: +SKIP
    """

    merge_surnames: bool = True
    #: classes the triples that come without one (made by hand, read from an old file); bundled by default
    schema: Schema | None = None
    _nodes: dict[str, _Node] = field(default_factory=dict)
    _edges: dict[tuple[str, str, str], _Edge] = field(default_factory=dict)
    _articles: dict[str, dict[str, Any]] = field(default_factory=dict)

    def _node(self, entity: Entity) -> _Node:
        entity = _safe_entity(entity)
        node = self._nodes.get(entity.key)
        if node is None:
            node = self._nodes[entity.key] = _Node()
        return node

    def add_article(self, article_id: str, entities: Iterable[ArticleEntity], **meta: Any) -> None:
        """Record an article's metadata and the entities it mentions (with counts)."""
        article_id = _safe_text(article_id)
        self._articles[article_id] = {"id": article_id, **meta}
        for item in entities:
            node = self._node(item.entity)
            node.names[item.entity.name] += item.mentions
            node.types[item.entity.type] += item.mentions
            node.aliases |= item.entity.aliases
            node.mentions += item.mentions
            node.articles.add(article_id)
            node.by_article[article_id] += item.mentions

    def add_triple(self, triple: Triple) -> None:
        """Add one triple's support to its edge (creating both end nodes as needed)."""
        triple = _safe_triple(triple)
        for entity in (triple.subject, triple.object):
            node = self._node(entity)
            if triple.evidence.article_id not in node.articles:
                # triples read without an articles file still count as one mention
                node.names[entity.name] += 1
                node.types[entity.type] += 1
                node.aliases |= entity.aliases
                node.mentions += 1
                node.articles.add(triple.evidence.article_id)
                node.by_article[triple.evidence.article_id] += 1
        edge_key = (triple.subject.key, triple.relation, triple.object.key)
        edge = self._edges.get(edge_key)
        if edge is None:
            edge = self._edges[edge_key] = _Edge()
        ev = triple.evidence
        evidence_key = (ev.article_id, ev.start, ev.end, ev.sentence)
        if evidence_key not in edge.evidence:
            edge.evidence[evidence_key] = {
                "article_id": ev.article_id, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
                "date": ev.date, "negated": triple.negated, "hedged": triple.hedged,
                "confidence": triple.confidence,
                "attributed_to": triple.attributed_to.name if triple.attributed_to else None,
                "rule": triple.rule,
            }
        if triple.surface:
            edge.surfaces[triple.surface] += 1
        edge.classes[self._class_of(triple)] += 1

    def _class_of(self, triple: Triple) -> tuple[str, str]:
        if triple.relation_class:
            return triple.relation_class, triple.tone or "neutral"
        if self.schema is None:
            self.schema = load_schema()
        name = self.schema.classify(triple.relation, triple.rule, triple.subject.type, triple.object.type)
        return name, str(self.schema.tone(name))

    def add_result(self, result: ArticleResult) -> None:
        """Add one article's extraction result."""
        a = result.article
        self.add_article(a.id, result.entities, title=a.title, date=a.date, url=a.url, source=a.source)
        for triple in result.triples:
            self.add_triple(triple)

    def _surname_merges(self) -> dict[str, str]:
        """Map one-word person keys onto the only multi-word person key ending in that word."""
        people = {k for k, n in self._nodes.items() if n.type() is EntityType.PERSON}
        by_surname: dict[str, list[str]] = {}
        for key in sorted(people):
            words = key.split()
            if len(words) > 1:
                by_surname.setdefault(words[-1], []).append(key)
        return {key: by_surname[key][0] for key in sorted(people)
                if len(key.split()) == 1 and len(by_surname.get(key, [])) == 1}

    def _merge(self, source: str, target: str, incident: dict[str, set[tuple[str, str, str]]]) -> None:
        """Fold node ``source`` into ``target``; ``incident`` (node → its edges' keys) is kept up to date."""
        node, into = self._nodes.pop(source), self._nodes[target]
        into.names.update(node.names)
        into.types.update(node.types)
        into.aliases |= node.aliases
        into.mentions += node.mentions
        into.articles |= node.articles
        into.by_article.update(node.by_article)
        for old in sorted(incident.pop(source, ())):
            subj, relation, obj = old
            edge = self._edges.pop(old)
            for end in (subj, obj):
                incident.get(end, set()).discard(old)
            new_key = (target if subj == source else subj, relation, target if obj == source else obj)
            if new_key[0] == new_key[2]:
                continue
            existing = self._edges.setdefault(new_key, _Edge())
            existing.evidence.update(edge.evidence)
            existing.surfaces.update(edge.surfaces)
            existing.classes.update(edge.classes)
            for end in (new_key[0], new_key[2]):
                incident.setdefault(end, set()).add(new_key)

    def graph(self) -> nx.MultiDiGraph[str]:
        """Return the merged graph; calling it twice gives equal graphs.

        Across articles, a person named by surname alone (``Blair``) merges into the one
        person whose full name ends in it (``Tony Blair``); with two such people it stays apart.
        """
        if self.merge_surnames:
            merges = self._surname_merges()
            incident: dict[str, set[tuple[str, str, str]]] = {}
            for triple in self._edges if merges else ():
                incident.setdefault(triple[0], set()).add(triple)
                incident.setdefault(triple[2], set()).add(triple)
            for source, target in merges.items():
                self._merge(source, target, incident)
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        graph.graph["articles"] = [self._articles[k] for k in sorted(self._articles)]
        for key in sorted(self._nodes):
            node = self._nodes[key]
            type_ = node.type()
            name = max(node.names, key=lambda n: (node.names[n], len(n), n)) if node.names else key
            graph.add_node(
                key, key=key, name=name, type=str(type_), aliases=sorted(node.aliases | {name}),
                mentions=node.mentions, articles=sorted(node.articles),
                article_mentions={a: node.by_article[a] for a in sorted(node.by_article)},
            )
        for (subj, relation, obj) in sorted(self._edges):
            edge = self._edges[(subj, relation, obj)]
            evidence = [edge.evidence[k] for k in sorted(edge.evidence)]
            dates = sorted(d for d in (e["date"] for e in evidence) if d)
            relation_class, tone = edge.relation_class()
            graph.add_edge(
                subj, obj, key=relation, relation=relation, weight=len(evidence),
                **{"class": relation_class}, tone=tone,
                evidence=evidence, articles=sorted({e["article_id"] for e in evidence}),
                first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                negated=all(e["negated"] for e in evidence), hedged=all(e["hedged"] for e in evidence),
                confidence=max(e["confidence"] for e in evidence),
                negated_count=sum(e["negated"] for e in evidence),
                hedged_count=sum(e["hedged"] for e in evidence),
                surface=sorted(edge.surfaces, key=lambda s: (-edge.surfaces[s], s)),
            )
        return graph


def build_graph(results: Iterable[ArticleResult | Triple]) -> nx.MultiDiGraph[str]:
    """Build the actor graph from extraction results or bare triples.

    Args:
        results: :class:`ArticleResult` values (entities with mention counts and triples), or
            :class:`Triple` values (e.g. read back from ``triples.jsonl``), in any order.

    Returns:
        A ``networkx.MultiDiGraph``: nodes keyed by entity key with ``name``, ``type``,
        ``aliases``, ``mentions``, ``articles`` and ``article_mentions`` (article id → count);
        one edge per (subject, relation, object),
        keyed by relation, with ``weight``, ``evidence``, ``first_seen``/``last_seen`` and
        ``negated``/``hedged`` (true when every supporting sentence is).

    Example:
        >>> from graphbuild import extract_triples, build_graph  # doctest: +SKIP
        >>> graph = build_graph(extract_triples(["seeds/"]))       # doctest: +SKIP
    """
    builder = GraphBuilder()
    for item in results:
        if isinstance(item, ArticleResult):
            builder.add_result(item)
        else:
            builder.add_triple(item)
    return builder.graph()


def classify_graph(graph: nx.MultiDiGraph[str], schema: Schema) -> nx.MultiDiGraph[str]:
    """Put every edge of ``graph`` in a class of ``schema`` again (in place), and return the graph.

    An edge is classed by its relation, its end nodes' types and the rule behind most of its evidence.
    """
    for u, v, data in graph.edges(data=True):
        rules = Counter(str(e.get("rule") or "") for e in data.get("evidence", ()))
        rule = min(rules, key=lambda r: (-rules[r], r)) if rules else ""
        name = schema.classify(str(data["relation"]), rule, str(graph.nodes[u].get("type", "*")),
                               str(graph.nodes[v].get("type", "*")))
        data["class"], data["tone"] = name, str(schema.tone(name))
    return mark_schema(graph, schema)


def mark_schema(graph: nx.MultiDiGraph[str], schema: Schema) -> nx.MultiDiGraph[str]:
    """Record in ``graph`` which schema classed its edges: its fingerprint and each class's tone."""
    graph.graph["schema"] = schema.fingerprint()
    graph.graph["classes"] = {c.name: str(c.tone) for c in schema.classes}
    return graph


def _pairs(graph: nx.MultiDiGraph[str], tone: str, top: int) -> list[dict[str, Any]]:
    """The actor pairs with the most weight of ``tone`` between them, either way."""
    weights: Counter[tuple[str, str]] = Counter()
    for u, v, data in graph.edges(data=True):
        if data.get("tone") == tone:
            weights[(min(u, v), max(u, v))] += int(data["weight"])
    ranked = sorted(weights.items(), key=lambda x: (-x[1], x[0]))[:top]
    return [{"a": graph.nodes[a]["name"], "b": graph.nodes[b]["name"], "weight": w} for (a, b), w in ranked]


def graph_summary(graph: nx.MultiDiGraph[str], *, top: int = 10) -> dict[str, Any]:
    """Return counts, the top actors, the top relations, the relations by class and the most
    conflictual and most cooperative actor pairs.

    Actors are ranked as the curated ``top_actors`` Cypher query ranks them: by degree, then
    mentions, then name.
    """
    nodes = graph.nodes
    degree = sorted(((graph.degree(n), n) for n in nodes),
                    key=lambda x: (-x[0], -int(nodes[x[1]].get("mentions", 0)), str(nodes[x[1]]["name"]), x[1]))
    relations: Counter[str] = Counter()
    classes: dict[tuple[str, str], list[int]] = {}
    for _, _, data in graph.edges(data=True):
        relations[data["relation"]] += data["weight"]
        counts = classes.setdefault((str(data.get("class") or ""), str(data.get("tone") or "")), [0, 0])
        counts[0] += 1
        counts[1] += int(data["weight"])
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "articles": len(graph.graph.get("articles", [])),
        "weight": sum(relations.values()),
        "top_actors": [
            {"key": n, "name": graph.nodes[n]["name"], "type": graph.nodes[n]["type"], "degree": d,
             "mentions": graph.nodes[n]["mentions"]}
            for d, n in degree[:top]
        ],
        "top_relations": [{"relation": r, "weight": w}
                          for r, w in sorted(relations.items(), key=lambda x: (-x[1], x[0]))[:top]],
        "classes": [{"class": c, "tone": t, "edges": n, "weight": w}
                    for (c, t), (n, w) in sorted(classes.items(), key=lambda x: (-x[1][1], x[0]))],
        "conflict_pairs": _pairs(graph, "conflict", top),
        "cooperation_pairs": _pairs(graph, "cooperation", top),
    }
