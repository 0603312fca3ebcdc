"""Who made or played in a work, as award and review stories say it: the ``credits`` family.

A nominee list pairs a person with a work ("Martin Scorsese for The Aviator"), and the category
the sentence names says what the person did: directed it, acted in it, wrote it. A person's role
in a work is a part they played in it ("her roles in Closer and Iris").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extraction.mentions.whole_names import credited_reach
from graphbuild.extraction.mentions.words import AWARD_WORDS, CREDIT_PARTICIPLES
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.extraction.rules.syntax import conjuncts, is_mention_root
from graphbuild.model import Entity, EntityType, Triple

__all__ = ["CREDIT", "NOMINEE", "ROLE_IN_WORK", "RULES", "credit", "nominee_credit", "role_credit"]

NOMINEE = Rule(
    name="nominee", family="credits", confidence=0.6,
    construction="a person for a work, under an award category: \"best director: Martin Scorsese for The "
                 "Aviator\" → direct; also a prize's winner or nominee: \"X won the best actor award for Ray\"",
    examples=(
        Example(text="The best director nominees are Ang Lee for Brokeback Mountain and Bennett Miller for Capote.",
                triples=(("Ang Lee", "direct", "Brokeback Mountain"), ("Bennett Miller", "direct", "Capote"))),
        Example(text="Best actress nominees include Keira Knightley for Pride and Prejudice.",
                triples=(("Keira Knightley", "star_in", "Pride and Prejudice"),)),
        Example(text="Gael Garcia Bernal won the best actor award for The Motorcycle Diaries.",  # a verb's winner
                triples=(("Gael Garcia Bernal", "star_in", "Motorcycle Diaries"),)),
        Example(text="Nominees for best actor and best director include Ang Lee for Brokeback Mountain.",
                absent=(("Ang Lee", "direct", "Brokeback Mountain"), ("Ang Lee", "star_in", "Brokeback Mountain"))),
    ))
ROLE_IN_WORK = Rule(
    name="role_in_work", family="credits", confidence=0.65,
    construction="a person's role in a work is a part they played in it: \"her roles in Closer\" → star_in",
    examples=(
        Example(text="Kate Winslet was praised for her roles in the film Iris.",
                triples=(("Kate Winslet", "star_in", "Iris"),)),
        # the model tags many titles as places or bodies: a role says it is a work all the same
        Example(text="Imelda Staunton has again been recognised for her role in Vera Drake.",
                triples=(("Imelda Staunton", "star_in", "Vera Drake"),)),
        Example(text="Sophie Okonedo won the award for her performance in Hotel Rwanda.",
                triples=(("Sophie Okonedo", "star_in", "Hotel Rwanda"),)),
        Example(text="Tony Blair defended his role in Iraq.",  # a place the gazetteer knows
                absent=(("*", "star_in", "*"),)),
        Example(text="Fans praised her performance in the Carling Cup final against Chelsea.",  # an event
                absent=(("*", "star_in", "*"),)),
        Example(text="Kelly Holmes was pleased with her performance in Sheffield.",  # no award, no role
                absent=(("*", "star_in", "*"),)),
    ))

CREDIT = Rule(
    name="credit", family="credits", confidence=0.65,
    construction="a participle set off after a work credits the people it names: \"Closer, directed by Mike "
                 "Nichols,\" → direct; \"X, starring Y and Z,\" → star_in",
    examples=(
        Example(text="In Closer, directed by Mike Nichols, she plays a stripper.",
                triples=(("Mike Nichols", "direct", "Closer"),)),
        Example(text="Meet the Fockers, starring Ben Stiller and Robert De Niro, took $40m.",
                triples=(("Ben Stiller", "star_in", "Meet the Fockers"),
                         ("Robert De Niro", "star_in", "Meet the Fockers"))),
    ))

RULES = (NOMINEE, ROLE_IN_WORK, CREDIT)

#: What an award category says a nominee did to the work named with them.
_CATEGORY_VERBS = {
    "director": "direct", "directing": "direct", "direction": "direct",
    "actor": "star_in", "actress": "star_in", "performance": "star_in",
    "screenplay": "write", "writer": "write", "writing": "write",
}
#: What a nominee's "for" names that is no work: a person, or a country they represent.
_NOT_WORKS = frozenset({EntityType.PERSON, EntityType.GPE, EntityType.NORP})
_ROLE_NOUNS = frozenset({"role", "part", "performance", "turn"})
#: What a title the model took for something else may still be: "her role in Closer" (tagged a place or
#: a person: no one has a role in a person)
_MISTYPED_WORKS = frozenset({EntityType.GPE, EntityType.LOC, EntityType.FAC, EntityType.ORG, EntityType.PERSON})
#: Verbs of winning or being in the running for a prize.
_WINNING_VERBS = frozenset({"win", "nominate", "earn", "scoop", "collect", "receive", "land", "pick", "take"})


def nominee_credit(name: Named, ctx: Context) -> Iterator[Triple]:
    """"Michael Mann for Collateral" in a sentence about the best director award → direct."""
    person, doc = name.entity, name.token.doc
    if person.type is not EntityType.PERSON or not ctx.on(NOMINEE):
        return
    after = name.words[-1].i + 1
    # "Martin Scorsese for The Aviator", or the winner of a verb: "Jamie Foxx won the best actor Oscar for Ray"
    fors = [doc[after]] if after + 1 < len(doc) and doc[after].lower_ == "for" else _winner_fors(name)
    if not fors:
        return
    sent = name.token.sent
    words = {t.lower_ for t in sent}
    if not words & AWARD_WORDS:
        return
    verbs = {verb for word, verb in _CATEGORY_VERBS.items() if word in words}
    if len(verbs) != 1:
        return  # no category, or several: which one is this person's?
    for prep in fors:
        work_token = doc[prep.i + 1] if prep.i + 1 < len(doc) else prep
        work = ctx.mentions.by_token.get(work_token.i)
        if work is None or work.type in _NOT_WORKS:
            continue
        triple = ctx.make(person, next(iter(verbs)), work, sent, surface=[prep], rule=NOMINEE,
                          ends=(name.token, work_token))
        if triple:
            yield triple


def _winner_fors(name: Named) -> list[Token]:
    """The "for" of a prize the named person won or was nominated for: on the verb or its object."""
    verb = name.token.head
    if name.token.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() not in _WINNING_VERBS:
        return []
    # on the verb, its prize, or the category it was nominated for: "nominated for best director for Ray"
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    holders += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
                if o.dep_ == "pobj"]
    return [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "for"]


def role_credit(noun: Token, ctx: Context) -> Iterator[Triple]:
    """"her roles in Closer and Iris" → star_in each."""
    if noun.lemma_.lower() not in _ROLE_NOUNS or not ctx.on(ROLE_IN_WORK):
        return
    owners = [o for c in noun.children if c.dep_ == "poss" for o in [ctx.mentions.referent(c)]
              if o is not None and o.type is EntityType.PERSON]
    if not owners:
        return
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            for target in conjuncts(obj):
                work = ctx.mentions.entity(target)
                if work is None or work == owners[0] or not _a_work(work, noun, ctx):
                    continue
                triple = ctx.make(owners[0], "star_in", work, noun.sent, surface=[noun, prep], rule=ROLE_IN_WORK)
                if triple:
                    yield triple


def _a_work(work: Entity, noun: Token, ctx: Context) -> bool:
    """True when a role's "in" names a work: one tagged as such, or a name the model took for a place
    or a body that no gazetteer entry is, where the noun is "role" or the sentence speaks of awards
    ("Oscar-winning performance in My Left Foot"; not "her strong performance in Sheffield")."""
    if work.type is EntityType.OTHER:
        return True
    if work.type not in _MISTYPED_WORKS or ctx.gazetteer.canonical(work.name) is not None:
        return False
    return noun.lemma_.lower() == "role" or any(t.lower_ in AWARD_WORDS for t in noun.sent)


def credit(name: Named, ctx: Context) -> Iterator[Triple]:
    """"Closer, directed by Mike Nichols," → Mike Nichols direct Closer; each person of a list."""
    work, doc = name.entity, name.token.doc
    after = name.words[-1].i + 2
    if work.type is not EntityType.OTHER or after >= len(doc) or doc[after - 1].text != "," or not ctx.on(CREDIT):
        return
    participle, reach = doc[after], credited_reach(doc[after])
    first = next((t for t in doc[reach.start:reach.stop]
                  if (e := ctx.mentions.entity(t)) is not None and e.type is EntityType.PERSON), None)
    if first is None:
        return
    while not is_mention_root(first, ctx.mentions):
        first = first.head  # "Ben" of "Ben Stiller and Robert De Niro": the list hangs on "Stiller"
    for person_token in conjuncts(first):
        person = ctx.mentions.entity(person_token)
        if person is None or person.type is not EntityType.PERSON:
            continue
        triple = ctx.make(person, CREDIT_PARTICIPLES[participle.lower_], work, participle.sent,
                          surface=[participle], rule=CREDIT, ends=(person_token, name.token))
        if triple:
            yield triple
