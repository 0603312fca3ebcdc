"""Verbal predicates: who does what to whom, the ``verbs`` family and the driver of ``arguments``.

For each verb the subjects are found once (through coordination, control, relative clauses,
pseudo-clefts and co-agents, see :func:`~.syntax.subject_of`), then: coordinated subjects of a
mutual verb act on each other; a claim names whom it is about; a passive's doer becomes the
subject; otherwise each object the ``arguments`` rules find gives a triple.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from graphbuild.extraction.mentions import ArticleMentions
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.arguments import COPULA, DATIVE, arguments
from graphbuild.extraction.rules.context import Context
from graphbuild.extraction.rules.speech import claims, demands, speaker, verdicts
from graphbuild.extraction.rules.stance import stance_triples
from graphbuild.extraction.rules.syntax import (
    Args,
    Modality,
    Relation,
    agent_tokens,
    co_agents,
    conjuncts,
    modality_of,
    own_subject,
    possessed,
    snake,
    subject_of,
    verb_words,
)
from graphbuild.extraction.rules.words import (
    BODY_TYPES,
    BROADCAST_VERBS,
    PLACE_TYPES,
    RECIPROCAL_VERBS,
    REMOVAL_VERBS,
)
from graphbuild.model import Entity, EntityType, Triple

__all__ = ["RECIPROCAL", "RULES", "predicate_triples"]

_FAMILY = "verbs"

PASSIVE_AGENT = Rule(
    name="passive_agent", family=_FAMILY, confidence=0.85,
    construction="a passive's agent is the subject: \"Merkel was criticised by Macron\" → Macron criticise Merkel",
    examples=(Example(text="Angela Merkel was criticised by Emmanuel Macron on Monday.",
                      triples=(("Emmanuel Macron", "criticise", "Angela Merkel"),)),))
PASSIVE_FROM = Rule(
    name="passive_from", family=_FAMILY, confidence=0.7,
    construction="a passive removal names the remover with \"from\": \"expelled from Labour\" → Labour expel",
    examples=(Example(text="Ken Livingstone was suspended from the Labour Party in 2016.",
                      triples=(("Labour Party", "suspend", "Ken Livingstone"),),
                      absent=(("Ken Livingstone", "*", "*"),)),))
PASSIVE_ON = Rule(
    name="passive_on", family=_FAMILY, confidence=0.7,
    construction="a passive broadcast names the broadcaster with \"on\": \"shown on BBC One\" → BBC One show",
    examples=(Example(text="The Orange Film Awards will be shown on BBC One at 2010 GMT.",
                      triples=(("BBC One", "show", "Orange Film Awards"),),
                      absent=(("Orange Film Awards", "*", "*"),)),))
RECIPROCAL = Rule(
    name="reciprocal", family=_FAMILY, confidence=0.65,
    construction="coordinated actors of a mutual verb or noun act on each other: \"X and Y agreed\", "
                 "\"talks between X and Y\"",
    examples=(
        Example(text="Microsoft and Google agreed on a price.", triples=(("Microsoft", "agree_with", "Google"),)),
        Example(text="There was progress in talks between Israel and Egypt.",
                triples=(("Israel", "talks_with", "Egypt"),)),
        Example(text="The tie between Manchester United and Everton could see Wayne Rooney return.",
                triples=(("Manchester United", "play_against", "Everton"),)),  # a match between two sides
    ))

RULES = (PASSIVE_AGENT, PASSIVE_FROM, PASSIVE_ON, RECIPROCAL)

#: A copula with "in" before a place says where its subject is.
_BEING_IN = frozenset({"be_in", "be_inside"})
#: A result noun and the preposition to its rival, which say the relation whatever verb brings
#: them in: "reached the last eight with victory over Dent" is victory_over (beat) Dent.
_RESULTS = {"victory": {"over", "against"}, "win": {"over", "against"}, "triumph": {"over", "against"},
            "defeat": {"to", "by", "against"}, "loss": {"to", "against"}, "draw": {"with", "against"}}
#: Verbs of a contest with a rival, whose "in" or "at" an event is where it was played.
_CONTEST_VERBS = frozenset({"beat", "defeat", "lose", "face", "draw", "thrash", "trounce", "edge", "overcome",
                            "outclass", "outplay", "crush", "stun", "upset"})
_AT_EVENT = frozenset({("in",), ("at",)})
_CIRCUMSTANCES = frozenset({"in", "during", "after", "following", "since", "before", "for"})


@dataclass(frozen=True, slots=True)
class _Predicate:
    """A verb and what every rule on it shares: who acts, how sure, and in whose words."""

    verb: Token
    args: Args
    subjects: list[tuple[Token, Entity]]
    inherited: bool
    modality: Modality
    reporter: Entity | None
    words: list[str]
    auxes: list[Token]


def predicate_triples(verb: Token, ctx: Context) -> Iterator[Triple]:
    """Every triple whose predicate is ``verb``."""
    mentions = ctx.mentions
    args = subject_of(verb, mentions)
    subjects = [(t, e) for t in args.tokens for e in [mentions.referent(t)] if e is not None]
    # "the two leaders talked": each of the two
    subjects += [(t, e) for t in args.tokens for e in mentions.pairs.get(t.i, ())]
    if not args.passive:
        subjects += [(t, e) for t in co_agents(verb) for e in [mentions.entity(t)] if e is not None]
    if not subjects:
        return  # every rule below relates the verb's subject (or, passive, its patient) to another actor
    p = _Predicate(verb=verb, args=args, subjects=subjects, inherited=own_subject(verb) is None,
                   modality=modality_of(verb), reporter=speaker(verb, mentions), words=verb_words(verb),
                   auxes=[c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "prt"}])
    yield from _reciprocal(p, ctx)
    yield from claims(verb, ctx, p.modality, args)
    yield from demands(verb, ctx, p.modality, args)
    yield from verdicts(verb, ctx, p.modality, args)
    if args.passive and (doers := _passive_doers(p, ctx)) is not None:
        yield from doers
        return
    if not args.passive:
        yield from stance_triples(verb, p.subjects, p.modality, ctx)
    yield from _argument_triples(p, ctx)


def _reciprocal(p: _Predicate, ctx: Context) -> Iterator[Triple]:
    """Coordinated subjects of a mutual verb: "Rosneft and CNPC have agreed" → Rosneft agree_with CNPC."""
    verb = p.verb
    if verb.lemma_.lower() not in RECIPROCAL_VERBS or not ctx.on(RECIPROCAL):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or not subjects[0].conjuncts:
        return
    actors = [(t, e) for t in conjuncts(subjects[0]) for e in [ctx.mentions.entity(t)] if e is not None]
    for (first_token, first), (second_token, second) in itertools.pairwise(actors):
        triple = ctx.make(first, snake([verb.lemma_.lower(), "with"]), second, verb.sent, modality=p.modality,
                          surface=[verb], rule=RECIPROCAL, ends=(first_token, second_token))
        if triple:
            yield triple


#: Passives that name their doer with a preposition: a removal with "from" ("expelled from
#: Labour"), a broadcast with "on" ("shown on BBC One", any actor: a channel or programme the
#: model may type as anything); the doer's types; the rule.
_PREP_DOERS = ((REMOVAL_VERBS, "from", BODY_TYPES, PASSIVE_FROM),
               (BROADCAST_VERBS, "on", frozenset(EntityType), PASSIVE_ON))


def _passive_doers(p: _Predicate, ctx: Context) -> list[Triple] | None:
    """The doer of a passive becomes the subject, and the verb says nothing else.

    The agent ("Jack Straw was criticised by the Conservatives" → Conservatives criticise Straw),
    the body a removal names with "from" ("Galloway was expelled from Labour" → Labour expel
    Galloway, not Galloway expel_from Labour), or the channel a broadcast names with "on". None
    when the passive names no doer.
    """
    verb, mentions = p.verb, ctx.mentions
    doers = [(t, a) for t in agent_tokens(verb) for a in [mentions.entity(t)] if a is not None]
    rule = PASSIVE_AGENT
    for verbs, word, types, by_prep in _PREP_DOERS:
        if not doers and verb.lemma_.lower() in verbs:
            doers = [(t, e) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == word
                     for pobj in prep.children if pobj.dep_ == "pobj" for t in conjuncts(pobj)
                     for e in [mentions.entity(t)] if e is not None and e.type in types]
            rule = by_prep
    if not doers:
        return None
    found = []
    for doer_token, doer in doers:
        for patient_token, patient in p.subjects:
            triple = ctx.make(doer, snake(p.words), patient, verb.sent, modality=p.modality,
                              surface=[verb, *p.auxes], rule=rule, ends=(doer_token, patient_token),
                              inherited=p.inherited, attributed_to=p.reporter)
            if triple:
                found.append(triple)
    return found


def _result(rel: Relation) -> list[str] | None:
    """The result noun and its preposition when they end the relation's words: the subject's
    result ("with victory over Dent"); None when the result is another's ("after Arsenal's win
    over Chelsea"); empty when there is none."""
    words, nouns = rel.words, [t for t in rel.surface if t.pos_ == "NOUN"]
    if len(words) < 2 or not nouns or words[-2] not in _RESULTS or words[-1] not in _RESULTS[words[-2]]:
        return []
    noun = nouns[-1]
    if noun.lower_ != words[-2]:
        return []
    return None if any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in noun.children) else [*words[-2:]]


def _rival_of(verb: Token, mentions: ArticleMentions) -> Token | None:
    """The actor a contest verb was played against: "beat Samoa", "lost to Argentina"."""
    if verb.lemma_.lower() not in _CONTEST_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and mentions.entity(child) is not None:
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "against", "by"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and mentions.entity(pobj) is not None:
                    return pobj
    return None


def _argument_triples(p: _Predicate, ctx: Context) -> Iterator[Triple]:
    """A triple for each subject and each object the ``arguments`` rules find."""
    verb, mentions = p.verb, ctx.mentions
    for rel in arguments(verb, mentions, passive=p.args.passive):
        if not ctx.on(rel.rule):
            continue
        owned = possessed(rel.obj, mentions)
        if owned is not None and rel.rule is not DATIVE:
            continue  # the station of "told BBC Radio 4's Today programme" as a second object
        # "told BBC Radio 4's Today": the parser made the station the one told; the programme is
        obj = mentions.entity(rel.obj if owned is None else owned)
        if obj is None:
            continue
        # copula: the relational noun is the relation ("is a member of" → member_of)
        head_words = [] if rel.rule is COPULA and verb.lemma_ == "be" else p.words
        result = _result(rel)
        if result is None:
            continue  # another's result: "celebrated after Arsenal's win over Liverpool"
        relation = snake(result or [*head_words, *rel.words])
        # a player hurt "during the win over Graz" or playing "in the defeat by Australia" did
        # not win or lose it alone: the result is the team's
        players_only = bool(result) and rel.surface[0].dep_ == "prep" and rel.surface[0].lower_ in _CIRCUMSTANCES
        if relation in _BEING_IN and obj.type in PLACE_TYPES:
            relation = "located_in"  # "Kidman is in Sydney", "the troops were inside Iraq"
        elif obj.type is EntityType.EVENT and rel.words in _AT_EVENT and _rival_of(verb, mentions) is not None:
            # "beat Samoa in the Los Angeles Sevens": a part in the event; the result is the rival's
            # triple ("lost in the final" has no rival, and stays lose_in)
            relation = "play_in"
        for subject_token, subject in p.subjects:
            if players_only and subject.type is EntityType.PERSON:
                continue
            triple = ctx.make(subject, relation, obj, verb.sent, modality=p.modality,
                              surface=[verb, *p.auxes, *rel.surface], rule=rel.rule, ends=(subject_token, rel.obj),
                              inherited=p.inherited, attributed_to=p.reporter)
            if triple:
                yield triple
