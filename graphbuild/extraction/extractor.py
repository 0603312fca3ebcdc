"""Extract actor-to-actor triples from a parsed article: mentions first, then the catalogue's rules.

The extractor turns spaCy tokens into plain :class:`~graphbuild.model.Triple` values right here;
nothing downstream sees a token. Relations are the verb lemma plus particle and preposition in
snake_case (``travel_to``, ``drum_up``); a non-actor direct object between the verb and a
prepositional actor becomes part of the relation (``impose_sanctions_on``). Roles from
appositions and titles become ``<role>_of`` relations (``defence_minister_of``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graphbuild.extraction.nlp import ACTOR_LABELS
from graphbuild.extraction.relations import RelationTable, load_relations
from graphbuild.model import Article, ArticleResult, Triple
from graphbuild.names import Gazetteer, load_gazetteer
from graphbuild.schema import Schema, load_schema

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EXTRACTOR_VERSION", "Extractor"]

#: Bumped whenever a rule changes what is extracted (it keys caches of extraction results).
EXTRACTOR_VERSION = "34"


@dataclass(frozen=True, slots=True, kw_only=True)
class Extractor:
    """Rule-based actor-triple extractor; holds only read-only settings.

    Args:
        gazetteer: canonical places, aliases and demonyms (the bundled table by default).
        relations: synonym table folding relations into canonical ones (the bundled table by default).
        labels: spaCy entity labels that count as actors.
        min_confidence: triples below this confidence are dropped.
        disabled_rules: names of catalogue rules to switch off (``graphbuild rules`` lists them).
        schema: the relation classes triples are put in (the bundled 28 by default; ``load_schema(path)``
            reads a user's own).

    Raises:
        UsageError: a name in ``disabled_rules`` is no rule's.

    Example:
        >>> Extractor(disabled_rules={"pronoun"}).disabled_rules
        frozenset({'pronoun'})
    """

    gazetteer: Gazetteer = field(default_factory=load_gazetteer)
    relations: RelationTable = field(default_factory=load_relations)
    labels: frozenset[str] = ACTOR_LABELS
    min_confidence: float = 0.0
    disabled_rules: frozenset[str] = frozenset()
    schema: Schema = field(default_factory=load_schema)

    def __post_init__(self) -> None:
        if self.disabled_rules:  # the catalogue (and spaCy with it) is imported only to check names
            from graphbuild.extraction.catalogue import check_rule_names

            object.__setattr__(self, "disabled_rules", check_rule_names(self.disabled_rules))

    def extract(self, doc: Doc, article: Article, *, offset: int = 0) -> ArticleResult:
        """Extract the actors and triples of ``article`` from its parsed ``doc``.

        ``offset`` is added to character offsets when ``doc`` covers a later chunk of the text.
        """
        from graphbuild.extraction.mentions import find_mentions  # with spaCy: not needed until a doc is parsed
        from graphbuild.extraction.mentions.clusters import forget_token_index
        from graphbuild.extraction.rules import Context, article_triples

        try:
            mentions = find_mentions(doc, self.gazetteer, labels=self.labels, disabled=self.disabled_rules)
            ctx = Context(article=article, mentions=mentions, offset=offset, gazetteer=self.gazetteer,
                          relations=self.relations, min_confidence=self.min_confidence,
                          disabled=self.disabled_rules, schema=self.schema)
            seen: set[tuple[str, str, str, int]] = set()
            triples: list[Triple] = []
            for triple in article_triples(doc, ctx):
                key = (triple.subject.key, triple.relation, triple.object.key, triple.evidence.start)
                if key in seen:
                    continue
                seen.add(key)
                triples.append(triple)
        finally:
            forget_token_index(doc)  # the doc is the caller's: leave nothing on it
        return ArticleResult(article=article, entities=mentions.entities, triples=tuple(triples))
