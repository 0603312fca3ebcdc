"""What actors say of each other: the ``speech`` family.

A claim, demand or warning names whom its clause is about (``the Telegraph claimed he received
money`` → Telegraph ``claim`` Galloway), and what a reported clause states is attributed to the
reporter (``X said Y threatened Z`` gives ``Y threaten Z`` with ``attributed_to`` X).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

from graphbuild.extraction.mentions import ArticleMentions
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context
from graphbuild.extraction.rules.syntax import Args, Modality
from graphbuild.extraction.rules.words import CLAIM_VERBS, REPORTING_VERBS, VERDICT_WORDS
from graphbuild.model import Entity, Triple

__all__ = ["CLAIM", "DEMAND", "RULES", "VERDICT", "claims", "demands", "speaker", "verdicts"]

CLAIM = Rule(
    name="claim", family="speech", confidence=0.55,
    construction="a claim, demand or warning names whom its clause is about: \"the BBC claimed Blair had lied\"",
    examples=(
        Example(text="The BBC claimed Tony Blair had lied.", triples=(("BBC", "claim", "Tony Blair"),)),
        Example(text="Russia is demanding that Nato stops expanding.", triples=(("Russia", "demand", "Nato"),)),
        Example(text="Talks began with Iran, which is demanding that Israel withdraws.",
                triples=(("Iran", "demand", "Israel"),)),
    ))

DEMAND = Rule(
    name="demand", family="speech", confidence=0.55,
    construction="what a speaker says another actor should do is urged on it: \"X said Y should resign\" → urge",
    examples=(
        Example(text="Marvin Hier said Prince Harry should visit Auschwitz.",
                triples=(("Marvin Hier", "urge", "Harry"),)),
        Example(text="Both Plaid Cymru and the Liberal Democrats said Brian Gibbons needed to change policy.",
                triples=(("Plaid Cymru", "urge", "Brian Gibbons"),)),
        Example(text="Tony Blair told MPs that Iran must stop enriching uranium.",
                triples=(("Tony Blair", "urge", "Iran"),)),
        Example(text="Tony Blair said Iran would stop enriching uranium.", absent=(("Tony Blair", "urge", "Iran"),)),
    ))

VERDICT = Rule(
    name="verdict", family="speech", confidence=0.5,
    construction="a speaker's judgement of the actor a reported clause is about: \"X said Y had failed\" → "
                 "criticise, \"X said Y was a trusted friend\" → praise",
    examples=(
        Example(text="Michael Howard said Tony Blair had failed the country.",
                triples=(("Michael Howard", "criticise", "Tony Blair"),)),
        Example(text='Tony Blair said: "Paul Boateng has been a valued colleague and a trusted friend."',
                triples=(("Tony Blair", "praise", "Paul Boateng"),)),
        Example(text="Michael Howard said Tony Blair had not failed.",
                absent=(("Michael Howard", "*", "Tony Blair"),)),
    ))

RULES = (CLAIM, DEMAND, VERDICT)

#: Modal auxiliaries that make a reported clause a demand on its subject.
_DEMAND_MODALS = frozenset({"should", "must", "ought"})
#: The subjects a reported clause is about.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def claims(verb: Token, ctx: Context, modality: Modality, args: Args) -> Iterator[Triple]:
    """"the Telegraph claimed he received money" → Telegraph claim Galloway."""
    if verb.lemma_.lower() not in CLAIM_VERBS or not ctx.on(CLAIM):
        return
    for speaker_token, claimant, _, subject, accused in _reported(verb, ctx.mentions, args, _SUBJECTS):
        triple = ctx.make(claimant, verb.lemma_.lower(), accused, verb.sent, modality=modality,
                          surface=[verb], rule=CLAIM, ends=(speaker_token, subject))
        if triple:
            yield triple


def demands(verb: Token, ctx: Context, modality: Modality, args: Args) -> Iterator[Triple]:
    """"X said Y should resign" → X urge Y: what a speaker says another should do is urged on it."""
    if verb.lemma_.lower() not in REPORTING_VERBS or not ctx.on(DEMAND):
        return
    for speaker_token, demander, clause, subject, urged in _reported(verb, ctx.mentions, args, {"nsubj"}):
        if not (any(c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS for c in clause.children) or _needs_to(clause)):
            continue
        triple = ctx.make(demander, "urge", urged, verb.sent, modality=modality, surface=[verb, subject],
                          rule=DEMAND, ends=(speaker_token, subject))
        if triple:
            yield triple


def _needs_to(clause: Token) -> bool:
    """"Y needed to change policy": a need the speaker puts on Y, like "should"."""
    return clause.lemma_.lower() == "need" and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in clause.children)


def _reported(verb: Token, mentions: ArticleMentions, args: Args,
              subject_deps: Collection[str]) -> Iterator[tuple[Token, Entity, Token, Token, Entity]]:
    """Each speaker of a reporting verb with each actor a reported clause is about: (speaker's token,
    speaker, clause, subject's token, subject). ``args`` is the verb's subject as the other rules
    see it ("Russia, which is demanding that ..." → Russia); a passive verb reports nothing."""
    if args.passive:
        return
    speakers = [(t, e) for t in args.tokens for e in [mentions.entity(t)] if e is not None]
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for subject in clause.children:
            about = mentions.entity(subject) if subject.dep_ in subject_deps else None
            if about is None:
                continue
            for speaker_token, who in speakers:
                yield speaker_token, who, clause, subject, about


def speaker(verb: Token, mentions: ArticleMentions) -> Entity | None:
    """Who reports the clause a verb heads: "X said Y threatened Z" → X for "threatened"."""
    current = verb
    for _ in range(6):
        if current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in REPORTING_VERBS:
            reporter = current.head
            for child in reporter.children:
                if child.dep_ == "nsubj":
                    return mentions.entity(child)
            return None
        if current.dep_ in {"xcomp", "advcl"} and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def verdicts(verb: Token, ctx: Context, modality: Modality, args: Args) -> Iterator[Triple]:
    """"X said Y had failed" → X criticise Y; "X said Y was a trusted friend" → X praise Y."""
    if verb.lemma_.lower() not in REPORTING_VERBS or not ctx.on(VERDICT):
        return
    for speaker_token, judge, clause, subject, judged in _reported(verb, ctx.mentions, args, _SUBJECTS):
        verdict = _verdict(clause)
        if verdict is None:
            continue
        triple = ctx.make(judge, verdict, judged, verb.sent, modality=modality, surface=[verb, clause],
                          rule=VERDICT, ends=(speaker_token, subject))
        if triple:
            yield triple


def _verdict(clause: Token) -> str | None:
    """What a reported clause judges its subject to be or have done: criticise, praise or nothing."""
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    said = [clause, *(c for c in clause.children if c.dep_ in {"acomp", "attr", "xcomp"})]
    said += [c for t in said[1:] for c in t.children if c.dep_ == "conj"]  # "a colleague and a trusted friend"
    # what the object is called judges, not the object: "made a wrong decision", not "would avoid lies"
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    said += [m for t in [*said, *objects] for m in t.children if m.dep_ in {"amod", "advmod", "acomp"}]
    said = [t for t in said if not any(c.dep_ == "auxpass" for c in t.children)]  # "vulnerable to be damaged"
    words = {t.lemma_.lower() for t in said} | {t.lower_ for t in said}
    if words & VERDICT_WORDS["criticise"]:
        return "criticise"
    if words & VERDICT_WORDS["praise"]:
        return "praise"
    return None
