"""Convert triples and articles to the JSON rows of ``triples.jsonl`` / ``articles.jsonl`` and back."""

from __future__ import annotations

from typing import Any

from graphbuild.errors import InputError
from graphbuild.model import Article, ArticleEntity, ArticleResult, Entity, EntityType, Evidence, Triple

__all__ = [
    "TRIPLE_FIELDS",
    "article_to_row",
    "dict_to_result",
    "result_to_dict",
    "row_to_article_entities",
    "row_to_triple",
    "triple_to_row",
]

#: The columns of ``triples.jsonl``, in order.
TRIPLE_FIELDS = (
    "article_id", "subject", "subject_key", "subject_type", "relation", "class", "tone", "object", "object_key",
    "object_type", "negated", "hedged", "sentence", "start", "end", "date", "surface", "rule",
    "confidence", "attributed_to", "attributed_to_key", "attributed_to_type", "subject_aliases", "object_aliases",
)


def triple_to_row(triple: Triple) -> dict[str, Any]:
    """Return the ``triples.jsonl`` row of ``triple``."""
    s, o, ev = triple.subject, triple.object, triple.evidence
    return {
        "article_id": ev.article_id,
        "subject": s.name,
        "subject_key": s.key,
        "subject_type": str(s.type),
        "relation": triple.relation,
        "class": triple.relation_class,
        "tone": triple.tone,
        "object": o.name,
        "object_key": o.key,
        "object_type": str(o.type),
        "negated": triple.negated,
        "hedged": triple.hedged,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "date": ev.date,
        "surface": triple.surface,
        "rule": triple.rule,
        "confidence": triple.confidence,
        "attributed_to": triple.attributed_to.name if triple.attributed_to else None,
        "attributed_to_key": triple.attributed_to.key if triple.attributed_to else None,
        "attributed_to_type": str(triple.attributed_to.type) if triple.attributed_to else None,
        "subject_aliases": sorted(s.aliases),
        "object_aliases": sorted(o.aliases),
    }


def _entity(row: dict[str, Any], side: str) -> Entity:
    name = row[side]
    if not isinstance(name, str) or not name:
        raise ValueError(f"'{side}' must be a non-empty string")
    aliases = row.get(f"{side}_aliases") or [name]
    return Entity(
        key=str(row.get(f"{side}_key") or name.lower()),
        name=name,
        type=EntityType.parse(str(row.get(f"{side}_type") or "OTHER")),
        aliases=frozenset(str(a) for a in aliases),
    )


def _attribution(row: dict[str, Any]) -> Entity | None:
    name = row.get("attributed_to")
    if not isinstance(name, str) or not name:
        return None
    return Entity(key=str(row.get("attributed_to_key") or name.lower()), name=name,
                  type=EntityType.parse(str(row.get("attributed_to_type") or "OTHER")), aliases=frozenset({name}))


def row_to_triple(row: dict[str, Any], *, where: str = "") -> Triple:
    """Rebuild a :class:`Triple` from a ``triples.jsonl`` row.

    Raises:
        InputError: a required field is missing or has the wrong type; ``where`` prefixes the message.
    """
    try:
        evidence = Evidence(
            article_id=str(row["article_id"]),
            sentence=str(row.get("sentence") or ""),
            start=int(row.get("start") or 0),
            end=int(row.get("end") or 0),
            date=row.get("date"),
        )
        relation = row["relation"]
        if not isinstance(relation, str) or not relation:
            raise ValueError("'relation' must be a non-empty string")
        return Triple(
            subject=_entity(row, "subject"),
            relation=relation.replace(" ", "_"),
            object=_entity(row, "object"),
            evidence=evidence,
            negated=bool(row.get("negated", False)),
            hedged=bool(row.get("hedged", False)),
            surface=str(row.get("surface") or ""),
            rule=str(row.get("rule") or ""),
            confidence=float(row.get("confidence", 1.0)),
            attributed_to=_attribution(row),
            relation_class=str(row.get("class") or ""),
            tone=str(row.get("tone") or ""),
        )
    except KeyError as err:
        raise InputError(f"{where}missing field {err.args[0]!r}; expected a graphbuild triples row") from err
    except (TypeError, ValueError) as err:
        raise InputError(f"{where}{err}") from err


def article_to_row(result: ArticleResult) -> dict[str, Any]:
    """Return the ``articles.jsonl`` row of an extraction result (metadata and entity mentions)."""
    a = result.article
    return {
        "id": a.id,
        "title": a.title,
        "date": a.date,
        "url": a.url,
        "source": a.source,
        "triples": len(result.triples),
        "entities": [
            {"key": e.entity.key, "name": e.entity.name, "type": str(e.entity.type),
             "aliases": sorted(e.entity.aliases), "mentions": e.mentions}
            for e in result.entities
        ],
    }


def row_to_article_entities(row: dict[str, Any]) -> tuple[ArticleEntity, ...]:
    """Return the entity mentions stored in an ``articles.jsonl`` row."""
    return tuple(
        ArticleEntity(
            entity=Entity(key=str(e["key"]), name=str(e["name"]), type=EntityType.parse(str(e["type"])),
                          aliases=frozenset(str(a) for a in e.get("aliases", ()))),
            mentions=int(e.get("mentions", 1)),
        )
        for e in row.get("entities", ())
    )


def _entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {"key": entity.key, "name": entity.name, "type": str(entity.type), "aliases": sorted(entity.aliases)}


def _dict_to_entity(row: dict[str, Any]) -> Entity:
    return Entity(key=row["key"], name=row["name"], type=EntityType.parse(row["type"]),
                  aliases=frozenset(row["aliases"]))


def result_to_dict(result: ArticleResult) -> dict[str, Any]:
    """Return a lossless JSON-ready form of an extraction result (the extraction cache stores it)."""
    a = result.article
    return {
        "article": {"id": a.id, "text": a.text, "title": a.title, "date": a.date, "url": a.url, "source": a.source},
        "entities": [{"entity": _entity_to_dict(e.entity), "mentions": e.mentions} for e in result.entities],
        "triples": [
            {
                "subject": _entity_to_dict(t.subject), "relation": t.relation, "object": _entity_to_dict(t.object),
                "evidence": {"article_id": t.evidence.article_id, "sentence": t.evidence.sentence,
                             "start": t.evidence.start, "end": t.evidence.end, "date": t.evidence.date},
                "negated": t.negated, "hedged": t.hedged, "surface": t.surface, "rule": t.rule,
                "confidence": t.confidence,
                "attributed_to": _entity_to_dict(t.attributed_to) if t.attributed_to else None,
                "class": t.relation_class, "tone": t.tone,
            }
            for t in result.triples
        ],
    }


def dict_to_result(row: dict[str, Any]) -> ArticleResult:
    """Rebuild the :class:`ArticleResult` that :func:`result_to_dict` stored (equal to the original)."""
    return ArticleResult(
        article=Article(**row["article"]),
        entities=tuple(ArticleEntity(entity=_dict_to_entity(e["entity"]), mentions=e["mentions"])
                       for e in row["entities"]),
        triples=tuple(
            Triple(
                subject=_dict_to_entity(t["subject"]), relation=t["relation"], object=_dict_to_entity(t["object"]),
                evidence=Evidence(**t["evidence"]), negated=t["negated"], hedged=t["hedged"], surface=t["surface"],
                rule=t["rule"], confidence=t["confidence"],
                attributed_to=_dict_to_entity(t["attributed_to"]) if t["attributed_to"] else None,
                relation_class=t.get("class", ""), tone=t.get("tone", ""),
            )
            for t in row["triples"]
        ),
    )
