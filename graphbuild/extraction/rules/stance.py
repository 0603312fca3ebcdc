"""What actors make of each other's acts: the ``stance`` family.

News rarely says "Thailand declined the Paris Club"; it says "Thailand declined the offer", after
"the debt freeze offered by the Paris Club". When a verb that takes a stance (reject, dismiss,
oppose, back, welcome …) has for object an act (an offer, plan, report, call …), the stance is
taken towards whoever made the act: named with it ("the IFS research", "calls by Mr Kennedy",
"the freeze offered by the Paris Club") or, for "the offer" alone, in the sentences just before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from graphbuild.extraction.mentions import ArticleMentions
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context
from graphbuild.extraction.rules.syntax import Modality, agent_tokens, conjuncts, sentences_back, snake, verb_words
from graphbuild.model import Entity, Triple

__all__ = ["ACT_AUTHOR", "RULES", "stance_triples"]

ACT_AUTHOR = Rule(
    name="act_author", family="stance", confidence=0.6,
    construction="a stance on an actor's act is a stance on the actor: \"declined the offer\" (made by Y) → decline Y",
    examples=(
        Example(text="Greece accepted the loan offered by the IMF. Italy and Spain have declined the offer.",
                triples=(("Greece", "accept", "IMF"), ("Italy", "decline", "IMF"),
                         ("Spain", "decline", "IMF"))),
        Example(text="The Treasury dismissed the IFS research as rubbish.",
                triples=(("Treasury", "dismiss", "IFS"),)),
        Example(text="Charles Kennedy called for a pause. Charles Clarke rejected the calls.",
                triples=(("Charles Clarke", "reject", "Charles Kennedy"),)),
        Example(text="The German government has spoken out against Siemens's plans.",
                triples=(("Germany", "speak_out_against", "Siemens"),)),
        Example(text="Germany welcomed the report. France later dismissed the report.",
                absent=(("France", "dismiss", "Germany"),)),
        Example(text="TCI has opposed the LSE bid for some time.",
                absent=(("TCI", "oppose", "LSE"),)),
    ))

RULES = (ACT_AUTHOR,)

#: Verbs that take a stance only through a preposition or particle: "spoke out against", "turned down".
_PREP_ONLY = frozenset({"turn", "speak", "object", "protest", "campaign", "vote", "argue"})
#: Verbs that take a stance towards what they act on.
STANCE_VERBS = frozenset({
    "reject", "decline", "dismiss", "oppose", "back", "support", "criticise", "criticize", "condemn", "welcome",
    "praise", "attack", "accept", "question", "challenge", "dispute", "endorse", "rebuff", "refuse", "veto",
    "block", "resist", "slam", "hail", "applaud", "deny", "fight", "approve", "embrace", "scrap", "shelve",
    "blast", "lambast", "rebuke", "savage", "ridicule", "mock",
    *_PREP_ONLY,
})
#: The prepositions by which a stance verb takes its object ("spoke out against", "objected to").
_STANCE_PREPS = frozenset({"against", "to", "down"})
#: Kinds of act: the nouns that name one (any of which "the report" may refer back to, "the
#: research" to "a report") and the verbs that make one ("X published a report", "offered by Y").
ACT_KINDS = (
    (frozenset({"report", "research", "study", "finding", "figure", "survey", "analysis", "data", "paper"}),
     frozenset({"publish", "report", "release", "find", "produce"})),
    (frozenset({"plan", "proposal", "scheme", "measure", "policy", "reform", "bill", "initiative", "idea", "move",
                "legislation"}),
     frozenset({"plan", "propose", "announce", "unveil", "introduce", "suggest", "launch"})),
    (frozenset({"offer", "deal", "bid", "approach", "package"}), frozenset({"offer", "make", "propose", "table"})),
    (frozenset({"call", "demand", "request", "appeal"}), frozenset({"call", "demand", "request", "urge", "make"})),
    (frozenset({"claim", "allegation", "accusation", "remark", "comment", "statement", "warning", "criticism",
                "suggestion"}),
     frozenset({"claim", "allege", "make", "warn", "suggest"})),
)
#: Acts a modifier names by their target, not their maker: "the LSE bid" is a bid for the LSE.
_NAMED_BY_TARGET = frozenset({"bid", "approach", "deal"})
#: The kind of each act noun.
ACT_NOUNS = {noun: kind for kind, (nouns, _) in enumerate(ACT_KINDS) for noun in nouns}
_AUTHOR_PREPS = frozenset({"by", "from"})
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})
#: How many sentences back "the offer" looks for the offer it means.
_LOOK_BACK = 2


def stance_triples(verb: Token, subjects: Sequence[tuple[Token, Entity]], modality: Modality,
                   ctx: Context) -> Iterator[Triple]:
    """The verb's subjects take its stance towards the authors of the acts it has for object."""
    if verb.lemma_.lower() not in STANCE_VERBS or not subjects or not ctx.on(ACT_AUTHOR):
        return
    for words, act in _acts(verb, ctx.mentions):
        author = author_of(act, ctx.mentions)
        if author is None:
            continue
        for subject_token, subject in subjects:
            triple = ctx.make(subject, snake([*verb_words(verb), *words]), author, verb.sent, modality=modality,
                              surface=[verb, act], rule=ACT_AUTHOR, ends=(subject_token, act))
            if triple:
                yield triple


def _acts(verb: Token, mentions: ArticleMentions) -> Iterator[tuple[list[str], Token]]:
    """The acts the verb has for object, with the prepositions that take them: "spoke out against the move"."""
    prep_only = verb.lemma_.lower() in _PREP_ONLY and not any(c.dep_ == "prt" and c.lower_ == "down"
                                                               for c in verb.children)
    for child in verb.children:
        if child.dep_ == "dobj" and not prep_only:
            objects, words = [child], []
        elif child.dep_ == "prep" and child.lower_ in _STANCE_PREPS:
            objects, words = [c for c in child.children if c.dep_ == "pobj"], [child.lower_]
        else:
            continue
        for obj in objects:
            for act in conjuncts(obj):
                if act.pos_ == "NOUN" and mentions.entity(act) is None:
                    yield words, act


def author_of(act: Token, mentions: ArticleMentions) -> Entity | None:
    """Who made the act: named with it, or, for a definite act alone, the maker of an act of its kind just before."""
    own = _own_author(act, mentions)
    if own is not None or act.lemma_.lower() not in ACT_NOUNS:
        return own
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in act.children):
        return None
    nouns, verbs = ACT_KINDS[ACT_NOUNS[act.lemma_.lower()]]
    for sent in sentences_back(act.sent, _LOOK_BACK):
        for token in reversed([t for t in sent if t.i < act.i]):
            if token.pos_ == "NOUN" and token.lemma_.lower() in nouns:
                # the act named before: an actor itself ("the ID cards bill"), or made by one
                found = mentions.entity(token) or _own_author(token, mentions) or _made_by(token, verbs, mentions)
            elif token.pos_ == "VERB" and token.lemma_.lower() in verbs and token.lemma_.lower() != "make":
                found = _maker(token, mentions)
            else:
                continue
            if found is not None:
                return found
    return None


def _made_by(act: Token, verbs: frozenset[str], mentions: ArticleMentions) -> Entity | None:
    """Who made an act the sentence says was made: "the IFS published a report", "a report was published by the IFS"."""
    head = act.head
    if act.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in verbs:
        return _maker(head, mentions)
    return None


def _own_author(act: Token, mentions: ArticleMentions) -> Entity | None:
    """The actor named with the act: "Siemens's plans", "calls by Mr Kennedy", "the freeze offered by the
    Paris Club", and for a noun that names an act, "the IFS research" (not "the LSE bid": a bid is named
    by its target)."""
    named_by_modifier = act.lemma_.lower() in ACT_NOUNS and act.lemma_.lower() not in _NAMED_BY_TARGET
    for child in act.children:
        if child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"} and named_by_modifier):
            found = mentions.referent(child)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and mentions.entity(pobj) is not None:
                    return mentions.entity(pobj)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            found = _agent(child, mentions)
            if found is not None:
                return found
    return None


def _maker(verb: Token, mentions: ArticleMentions) -> Entity | None:
    """Who did the verb: the agent of a passive ("offered by the Paris Club"), or its subject."""
    agent = _agent(verb, mentions)
    if agent is not None:
        return agent
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return mentions.referent(subjects[0]) if subjects else None


def _agent(verb: Token, mentions: ArticleMentions) -> Entity | None:
    return next((e for t in agent_tokens(verb) for e in [mentions.entity(t)] if e is not None), None)
