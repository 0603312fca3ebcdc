"""The typed data that flows between graphbuild's pipeline stages.

Every type here is a frozen, slotted dataclass (or an enum) holding plain data: no spaCy
tokens, no driver objects. Collections are tuples or frozensets so values stay hashable and
comparisons stay deterministic. This module imports nothing else from graphbuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Article",
    "ArticleEntity",
    "ArticleResult",
    "Entity",
    "EntityType",
    "Evidence",
    "RecordError",
    "Triple",
]


class EntityType(StrEnum):
    """The kind of actor an entity is (spaCy's OntoNotes labels, narrowed to actors)."""

    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    FAC = "FAC"
    EVENT = "EVENT"
    OTHER = "OTHER"

    @classmethod
    def parse(cls, value: str) -> EntityType:
        """Return the member named ``value`` (case-insensitive), or OTHER."""
        try:
            return cls(value.upper())
        except ValueError:
            return cls.OTHER


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article as read from the input."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordError:
    """An input record that could not become an article, and why."""

    source: str
    line: int | None
    reason: str
    record_id: str | None = None
    #: what went wrong in a few words ("malformed JSON", "empty file"), for counting by kind
    kind: str = "bad record"


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A resolved actor: ``key`` is its identity across articles, ``name`` its display name."""

    key: str
    name: str
    type: EntityType
    aliases: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Where a triple is stated: the sentence and its character offsets in the article text."""

    article_id: str
    sentence: str
    start: int
    end: int
    date: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Triple:
    """A subject–relation–object statement between two actors, with its evidence."""

    subject: Entity
    relation: str
    object: Entity
    evidence: Evidence
    negated: bool = False
    hedged: bool = False
    surface: str = ""
    rule: str = ""
    confidence: float = 1.0
    attributed_to: Entity | None = None
    #: the relation's class in the schema in force (``CONSULT`` for ``travel_to``) and that class's tone
    relation_class: str = ""
    tone: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleEntity:
    """An entity as it occurs in one article: how often, and under which surface forms."""

    entity: Entity
    mentions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleResult:
    """Everything extraction yields for one article."""

    article: Article
    entities: tuple[ArticleEntity, ...]
    triples: tuple[Triple, ...]
