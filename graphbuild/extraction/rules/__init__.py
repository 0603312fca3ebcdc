"""The extraction rules, one module per family, and the order in which they run.

* :mod:`.verbs` and :mod:`.arguments`: a verb's subjects and objects (``travel_to``);
* :mod:`.speech`: claims and reported speech;
* :mod:`.roles`: offices and titles (``defence_minister_of``);
* :mod:`.affiliations`: whom an actor belongs to, what it owns, where born (``work_for``, ``born_in``);
* :mod:`.bodies`: what a body belongs to or owns (``part_of``, ``own``);
* :mod:`.places`: where an actor is (``located_in``, ``held_in``);
* :mod:`.nominal`: relations stated by nouns (``bid_for``, ``talks_with``);
* :mod:`.results`: results given as a score line (``beat``, ``draw_with``).

:mod:`.syntax` holds what the rules ask of the parse, :mod:`.context` the one place where a
triple is made.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span

from graphbuild.extraction.rules import (
    affiliations,
    arguments,
    bodies,
    credits,
    nominal,
    places,
    results,
    roles,
    speech,
    staff,
    stance,
    verbs,
)
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.extraction.rules.nominal import nominal_triples
from graphbuild.extraction.rules.syntax import is_mention_root, is_predicate, mention_tokens
from graphbuild.extraction.rules.verbs import predicate_triples
from graphbuild.model import Triple

__all__ = ["NAME_RULES", "RULES", "Context", "article_triples"]

#: The extraction rules, family by family.
RULES = (*arguments.RULES, *verbs.RULES, *speech.RULES, *stance.RULES, *roles.RULES, *affiliations.RULES,
         *bodies.RULES, *places.RULES, *nominal.RULES, *credits.RULES, *staff.RULES,
         *results.RULES)

NameRule = Callable[[Named, Context], Iterator[Triple]]

#: The rules on a named actor, in the order they run (which is the order of their triples).
NAME_RULES: tuple[NameRule, ...] = (
    affiliations.owner_affiliation, affiliations.possessive_leader, affiliations.possessive_maker,
    bodies.possessive_owner, bodies.missed_possessive, places.based_in, places.possessive_place, places.place_kind,
    places.named_place, bodies.state_body, bodies.business_owner, places.range_parts, places.event_place,
    affiliations.prep_affiliation, affiliations.squad_member, bodies.compound_of, roles.actor_title,
    roles.described_roles, roles.sibling_country, affiliations.born_in, roles.as_role, roles.kin_partner,
    bodies.owned_by, places.place_in, credits.nominee_credit, credits.credit, staff.bare_title,
    results.score_line,
)


def article_triples(doc: Doc, ctx: Context) -> Iterator[Triple]:
    """Every triple the rules find, sentence by sentence, token by token: verbs, then named actors,
    then common nouns. A sentence that mentions no actor (no name, pronoun, description or
    possessive of one) has no triple, and is passed over."""
    actors = sorted({*ctx.mentions.by_token, *ctx.mentions.possessors})
    for sent in doc.sents:
        first = bisect.bisect_left(actors, sent.start)
        if first < len(actors) and actors[first] < sent.end:
            yield from _sentence_triples(sent, ctx)


def _sentence_triples(sent: Span, ctx: Context) -> Iterator[Triple]:
    by_token = ctx.mentions.by_token
    for token in sent:
        if is_predicate(token):
            yield from predicate_triples(token, ctx)
        entity = by_token.get(token.i)
        if entity is not None:
            if not is_mention_root(token, ctx.mentions):
                continue
            name = Named(token, entity, tuple(mention_tokens(token, ctx.mentions)))
            for rule in NAME_RULES:
                yield from rule(name, ctx)
        elif token.pos_ == "NOUN":
            yield from nominal_triples(token, ctx)
            yield from credits.role_credit(token, ctx)
