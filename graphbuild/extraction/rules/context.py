"""The article a rule works on, and the one place where triples are made."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from graphbuild.extraction.mentions import ArticleMentions
from graphbuild.extraction.relations import RelationTable
from graphbuild.extraction.rule import Rule
from graphbuild.extraction.rules.syntax import Modality
from graphbuild.model import Article, Entity, Evidence, Triple
from graphbuild.names import Gazetteer
from graphbuild.schema import Schema

__all__ = ["NO_MODALITY", "Context", "Named", "confidence"]

#: A plain statement: neither negated nor hedged.
NO_MODALITY = Modality()


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """One article under extraction: its mentions and the settings every rule needs.

    Args:
        article: the article the triples are about (their evidence names it).
        mentions: the article's resolved actors.
        offset: added to character offsets when the doc covers a later chunk of the text.
        gazetteer: canonical places, aliases and demonyms.
        relations: the synonym table that folds relations into canonical ones.
        min_confidence: triples below this confidence are not made.
        disabled: names of the rules switched off.
        schema: the relation classes every triple is put in.
    """

    article: Article
    mentions: ArticleMentions
    offset: int
    gazetteer: Gazetteer
    relations: RelationTable
    min_confidence: float
    disabled: frozenset[str]
    schema: Schema

    def on(self, rule: Rule) -> bool:
        """True unless ``rule`` is switched off."""
        return rule.name not in self.disabled

    def make(self, subject: Entity, relation: str, obj: Entity, sent: Span, *, rule: Rule,
             modality: Modality = NO_MODALITY, surface: Sequence[Token] = (), ends: Sequence[Token] = (),
             inherited: bool = False, attributed_to: Entity | None = None) -> Triple | None:
        """The triple ``rule`` found, with its evidence; None for a self-relation, a disabled rule or
        a confidence below the threshold."""
        if subject.key == obj.key or not relation or rule.name in self.disabled:
            return None
        if self.relations.inverts(relation):
            subject, obj = obj, subject
        score = confidence(rule, modality, ends, inherited)
        if score < self.min_confidence:
            return None
        text = sent.text
        lead = len(text) - len(text.lstrip())
        sentence = text.strip()
        start = sent.start_char + self.offset + lead
        evidence = Evidence(article_id=self.article.id, sentence=sentence, start=start, end=start + len(sentence),
                            date=self.article.date)
        relation = self.relations.normalise(relation)
        relation_class = self.schema.classify(relation, rule.name, subject.type, obj.type)
        return Triple(
            subject=subject, relation=relation, object=obj, evidence=evidence,
            relation_class=relation_class, tone=str(self.schema.tone(relation_class)),
            negated=modality.negated, hedged=modality.hedged,
            surface=" ".join(t.text for t in sorted(set(surface), key=lambda t: t.i)), rule=rule.name,
            confidence=score,
            attributed_to=(None if attributed_to is None or attributed_to.key == subject.key
                           else Entity(key=attributed_to.key, name=attributed_to.name, type=attributed_to.type,
                                       aliases=frozenset({attributed_to.name}))),
        )


def confidence(rule: Rule, modality: Modality, ends: Sequence[Token], inherited: bool) -> float:
    """Score a triple: the rule's trust, less for pronoun ends, inherited subjects, hedges and distance."""
    score = rule.confidence
    if any(t.pos_ == "PRON" for t in ends):
        score *= 0.85  # an end resolved from a pronoun
    if inherited:
        score *= 0.9  # the subject came through coordination or control
    if modality.hedged:
        score *= 0.9
    if len(ends) == 2 and abs(ends[0].i - ends[1].i) > 20:
        score *= 0.85  # far-apart ends are likelier a misparse
    return round(score, 2)


@dataclass(frozen=True, slots=True)
class Named:
    """A mention as the rules on names see it: its head token, the actor it names, and its words in order."""

    token: Token
    entity: Entity
    words: tuple[Token, ...]
