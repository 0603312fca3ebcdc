"""Relations stated by nouns: the ``nominal`` family.

A possessor acts through its noun (``Deutsche Boerse's bid for the LSE`` → ``bid_for``;
``Mr Straw's China trip`` → ``trip``; ``Frankfurt's state of Hessen`` → ``located_in``), and a
mutual noun relates the actors between which it is (``talks between Israel and Egypt``).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extraction.mentions.words import KIND_NOUNS
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import NO_MODALITY, Context
from graphbuild.extraction.rules.roles import label_relation
from graphbuild.extraction.rules.syntax import conjuncts, is_example, is_fellow, modality_of, noun_chain, snake
from graphbuild.extraction.rules.verbs import RECIPROCAL
from graphbuild.extraction.rules.words import (
    CONTEST_NOUNS,
    FACILITY_NOUNS,
    JOURNEY_NOUNS,
    PLACE_TYPES,
    RECIPROCAL_NOUNS,
    REGION_NOUNS,
)
from graphbuild.model import EntityType, Triple

__all__ = ["RULES", "nominal_triples"]

POSS_NOMINAL = Rule(
    name="poss_nominal", family="nominal", confidence=0.6,
    construction="a possessor acts through its noun: \"Deutsche Boerse's bid for the LSE\" → bid_for",
    examples=(
        Example(text="Deutsche Boerse's bid for the LSE failed.", triples=(("Deutsche Boerse", "bid_for", "LSE"),)),
        Example(text="Jack Straw spoke on Monday. Mr Straw's China trip ends today.",
                triples=(("Jack Straw", "trip", "China"),)),
        Example(text="Officials in Frankfurt's state of Hessen protested.",
                triples=(("Frankfurt", "located_in", "Hessen"),)),
        Example(text="He lives in Germany's region of Bavaria.", triples=(("Bavaria", "located_in", "Germany"),)),
        Example(text="The envoy took money from Muammar Gaddafi's regime in Libya.",
                triples=(("Muammar Gaddafi", "lead", "Libya"),)),
        Example(text="Robert Mugabe's regime in Zimbabwe jailed the reporters.",
                triples=(("Robert Mugabe", "lead", "Zimbabwe"),)),
        Example(text="Gordon Brown has returned from his mission to Africa.",
                triples=(("Gordon Brown", "travel_to", "Africa"),)),
        Example(text="Nissan said its Sunderland plant would close.",  # a body's site
                triples=(("Nissan", "plant_in", "Sunderland"),)),
        Example(text="Sony's PlayStation division grew fast.", triples=(("PlayStation", "division_of", "Sony"),)),
        Example(text="England will miss John Terry's fellow Chelsea player Frank Lampard.",  # a fellow's label
                triples=(("John Terry", "play_for", "Chelsea"),),
                absent=(("Frank Lampard", "*", "John Terry"),)),
        Example(text="He scored in England's Rugby World Cup triumph over Australia.",  # an event's result
                triples=(("England", "win", "Rugby World Cup"), ("England", "beat", "Australia"))),
        Example(text="Chelsea's Champions League defeat by Barcelona hurt.",
                triples=(("Chelsea", "lose_in", "Champions League"),), absent=(("Chelsea", "beat", "*"),)),
        Example(text="Sales fell in Italy's wine regions, such as Tuscany and Piedmont.",
                triples=(("Tuscany", "region_of", "Italy"), ("Piedmont", "region_of", "Italy"))),
    ))

RULES = (POSS_NOMINAL,)

#: Nouns whose owner a possessive pronoun may name: a journey's traveller, a site's body.
#: Result nouns, and what a possessor did in the event or award named before one: "England's
#: Rugby World Cup triumph" → win, "Chelsea's Champions League defeat" → lose_in, "his Golden Globe
#: success" → win.
_EVENT_RESULTS = {"victory": "win", "win": "win", "triumph": "win", "success": "win", "defeat": "lose_in",
                  "loss": "lose_in"}
_OWNED_BY_PRONOUN = JOURNEY_NOUNS | FACILITY_NOUNS | _EVENT_RESULTS.keys()


def nominal_triples(noun: Token, ctx: Context) -> Iterator[Triple]:
    """Every triple whose predicate is the common noun ``noun``."""
    yield from _between(noun, ctx)
    if ctx.on(POSS_NOMINAL):
        yield from _possessed(noun, ctx)


def _between(noun: Token, ctx: Context) -> Iterator[Triple]:
    """A mutual nominal: "talks between Israel and the Palestinians" → Israel talks_with Palestinians."""
    contest = noun.lemma_.lower() in CONTEST_NOUNS  # "the tie between United and Everton" → play_against
    if noun.lower_ not in RECIPROCAL_NOUNS and noun.lemma_.lower() not in RECIPROCAL_NOUNS and not contest:
        return
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "between":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            actors = [(t, e) for t in conjuncts(pobj) for e in [ctx.mentions.entity(t)] if e is not None]
            for (first_token, first), (second_token, second) in itertools.pairwise(actors):
                relation = "play_against" if contest else snake([noun.lower_, "with"])
                triple = ctx.make(first, relation, second, noun.sent, surface=[noun, prep],
                                  rule=RECIPROCAL, ends=(first_token, second_token))
                if triple:
                    yield triple


def _possessed(noun: Token, ctx: Context) -> Iterator[Triple]:
    """A possessive nominal: "Deutsche Boerse's bid for the LSE" → bid_for, "Russia's invasion of Ukraine"."""
    mentions = ctx.mentions
    owners = [c for c in noun.children if c.dep_ == "poss" and mentions.entity(c) is not None]
    if noun.lemma_.lower() in _OWNED_BY_PRONOUN:
        # "his mission to the Middle East" → travel_to, "its Sunderland plant" → plant_in
        owners += [c for c in noun.children if c.dep_ == "poss" and c.i in mentions.possessors]
    if not owners:
        return
    modality = modality_of(noun.head) if noun.head.pos_ in {"VERB", "AUX"} else NO_MODALITY
    # possessor and actor compound: "Mr Straw's China trip" → Straw trip China
    kind = noun.lemma_.lower() in KIND_NOUNS
    for compound in noun.children:
        named = mentions.entity(compound) if compound.dep_ == "compound" else None
        for owner in owners:
            subject = mentions.referent(owner)
            if named is None or subject is None or named is subject:
                continue
            if kind and named.type in PLACE_TYPES:
                continue  # a place modifies the kind: "Toyota's US sales arm"
            if is_fellow(noun):
                # a fellow holds the same label: "Pugh's fellow Ospreys player X" → Pugh play_for Ospreys
                # (only people have fellows, whatever the tags say of the possessor)
                person = dataclasses.replace(subject, type=EntityType.PERSON)
                relation = label_relation(person, noun.lemma_.lower(), [noun.lemma_.lower(), "of"], named)
                triple = ctx.make(subject, relation, named, noun.sent, modality=modality,
                                  surface=[owner, compound, noun], rule=POSS_NOMINAL)
                if triple:
                    yield triple
                continue
            # a body's named part: "Sony's PlayStation division" → PlayStation division_of Sony;
            # a country's named body is based there: "France's Le Figaro newspaper"
            part_of = "based_in" if subject.type is EntityType.GPE else f"{noun.lemma_.lower()}_of"
            # a body's site in a place: "Nissan's Sunderland plant" → plant_in Sunderland; a result
            # in an event: "England's Rugby World Cup triumph" → win
            site = noun.lemma_.lower() in FACILITY_NOUNS and named.type in PLACE_TYPES
            result = _EVENT_RESULTS.get(noun.lemma_.lower()) if named.type is EntityType.EVENT else None
            first, relation, second = ((named, part_of, subject) if kind
                                       else (subject, result or f"{noun.lemma_.lower()}{'_in' if site else ''}",
                                             named))
            triple = ctx.make(first, relation, second, noun.sent, modality=modality,
                              surface=[owner, compound, noun], rule=POSS_NOMINAL)
            if triple:
                yield triple
    for words, surface, target in noun_chain(noun, mentions):
        obj = mentions.entity(target)
        for owner in owners:
            subject = mentions.referent(owner)
            if subject is None or obj is None:
                continue
            relation = snake([noun.lemma_.lower(), *words[1:]])
            if len(surface) == 2 and is_example(surface[1]):
                # an example of what the owner has is one of its kind: "France's regions, such as
                # Burgundy" → Burgundy region_of France
                subject, relation, obj = obj, f"{noun.lemma_.lower()}_of", subject
            elif (noun.lemma_.lower() in REGION_NOUNS and words == [noun.lower_, "of"]
                    and subject.type in PLACE_TYPES and obj.type in PLACE_TYPES):
                # "Frankfurt's state of Hessen": the place lies in the region named; "Germany's
                # region of Bavaria": a country's region lies in the country
                if ctx.gazetteer.canonical(subject.name) is not None:
                    subject, obj = obj, subject
                relation = "located_in"
            triple = ctx.make(subject, relation, obj, noun.sent, modality=modality, surface=[owner, *surface],
                              rule=POSS_NOMINAL)
            if triple:
                yield triple
