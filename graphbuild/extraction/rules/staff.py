"""Who holds an office in the body a story is about: the ``staff`` family.

A story about a body names its people by office alone: "The TUC said cuts would hurt. General
secretary Brendan Barber warned ...", "Exxon said it would appeal. Company spokesman Glenn
Waller said ...". An office that only a body has (a chief executive, a chairman, a spokesman),
written before a name with no body of its own, is an office in the body that is the subject of
that sentence or the one before, when there is exactly one.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.extraction.rules.roles import label_relation
from graphbuild.extraction.rules.syntax import conjuncts, sentences_back
from graphbuild.model import Entity, EntityType, Triple

__all__ = ["BARE_TITLE", "RULES", "bare_title"]

BARE_TITLE = Rule(
    name="bare_title", family="staff", confidence=0.55,
    construction="a body's office with no body named is in the body just made the subject: \"The TUC said ... "
                 "General secretary Brendan Barber warned\"",
    examples=(
        Example(text="The TUC said the cuts would hurt. General secretary Brendan Barber warned of strikes.",
                triples=(("Brendan Barber", "general_secretary_of", "TUC"),)),
        Example(text="Exxon said it would appeal. Company spokesman Glenn Waller said the deal was valid.",
                triples=(("Glenn Waller", "work_for", "Exxon"),)),
        Example(text="Exxon and Shell said they would appeal. Chief executive Lee Raymond said the deal was valid.",
                absent=(("Lee Raymond", "*", "*"),)),  # two bodies: whose chief?
        Example(text="Britain said it would act. Foreign secretary Jack Straw flew to Paris.",
                absent=(("Jack Straw", "*", "United Kingdom"),)),  # a state's office: no body's
    ))

RULES = (BARE_TITLE,)

#: The last word of an office only a body has, and the words that must come before it, if any.
_OFFICES: dict[str, frozenset[str]] = {
    "executive": frozenset({"chief"}), "chairman": frozenset(), "chairwoman": frozenset(),
    "chairperson": frozenset(), "spokesman": frozenset(), "spokeswoman": frozenset(),
    "spokesperson": frozenset(), "secretary": frozenset({"general"}), "director": frozenset(),
    "founder": frozenset(), "boss": frozenset(), "chief": frozenset(),
}
#: Words of those offices, which may be capitalised ("General secretary"); any other capitalised
#: word in the title names a body ("Marsh chief executive X"), even one the model did not tag.
_OFFICE_WORDS = (frozenset(_OFFICES) | {w for words in _OFFICES.values() for w in words}
                 | {"managing", "finance", "company"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def bare_title(name: Named, ctx: Context) -> Iterator[Triple]:
    """"General secretary Brendan Barber", after a sentence whose subject is the TUC → general_secretary_of TUC."""
    person, token, by_token = name.entity, name.token, ctx.mentions.by_token
    if person.type is not EntityType.PERSON or not ctx.on(BARE_TITLE):
        return
    first = name.words[0].i
    title = [t for c in token.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i < first
             for t in c.subtree]
    if not title or any(t.i in by_token or t.pos_ not in {"NOUN", "ADJ", "PROPN"}
                        or (t.text[:1].isupper() and t.i != t.sent.start and t.lower_ not in _OFFICE_WORDS)
                        for t in title):
        return  # no title, or one that names its own body ("LSE chief executive Clara Furse")
    words = [t.lower_ for t in token.doc[min(t.i for t in title):first]]
    needed = _OFFICES.get(words[-1])
    if needed is None or not needed <= set(words[:-1]):
        return
    body = _subject_body(token.sent, ctx)
    if body is None:
        return
    relation = label_relation(person, words[-1], [*(w for w in words if w != "company"), "of"], body)
    triple = ctx.make(person, relation, body, token.sent, surface=title, rule=BARE_TITLE)
    if triple:
        yield triple


def _subject_body(sent: Span, ctx: Context) -> Entity | None:
    """The one organisation that is a subject in this sentence or the one before (None if none, or two)."""
    bodies = {e.key: e for window in sentences_back(sent, 1) for t in window if t.dep_ in _SUBJECT_DEPS
              for c in conjuncts(t) for e in [ctx.mentions.entity(c)] if e is not None and e.type is EntityType.ORG}
    return next(iter(bodies.values())) if len(bodies) == 1 else None
