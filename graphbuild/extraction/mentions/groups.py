"""References to two actors at once: "the two leaders", "both countries".

A plural noun of a kind of actor with "the two" or "both" before it refers to the two actors of
that kind the article named last, when exactly two of them were named in its sentence or the
ones just before it: "Gen Musharraf said ... standing next to Mr Blair ... Mr Blair said the two
leaders had talked about Afghanistan" → Blair and Musharraf talked about Afghanistan.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from graphbuild.extraction.mentions.clusters import tokens_among
from graphbuild.extraction.rule import Example, Rule, Stage
from graphbuild.model import Entity, EntityType

__all__ = ["RULES", "TWO_ACTORS", "two_actor_references"]

TWO_ACTORS = Rule(
    name="two_actors", family="coreference", stage=Stage.RESOLUTION,
    construction="\"the two leaders\", \"both companies\": the two actors of that kind named last, when only two "
                 "were named in the sentence or the three before it",
    examples=(
        Example(text="Tony Blair met Jacques Chirac in Paris. The two leaders discussed Iraq.",
                triples=(("Jacques Chirac", "discuss", "Iraq"), ("Tony Blair", "discuss", "Iraq"))),
        Example(text="Tony Blair met Jacques Chirac and Gerhard Schroeder. The two leaders discussed Iraq.",
                absent=(("*", "discuss", "Iraq"),)),  # three were named: which two is not said
    ))

RULES = (TWO_ACTORS,)

#: Plural nouns for kinds of actors, and the types of actor each may refer to.
_KINDS: dict[str, frozenset[EntityType]] = {
    **dict.fromkeys(("leaders", "men", "women", "ministers", "presidents", "politicians", "players", "stars",
                     "sisters", "brothers", "actors", "singers", "bosses", "executives"),
                    frozenset({EntityType.PERSON})),
    **dict.fromkeys(("countries", "nations", "governments", "states"), frozenset({EntityType.GPE})),
    **dict.fromkeys(("companies", "firms", "groups", "banks", "parties", "carmakers", "airlines", "exchanges"),
                    frozenset({EntityType.ORG})),
    **dict.fromkeys(("sides", "teams", "clubs"), frozenset({EntityType.ORG, EntityType.GPE})),
}
_KIND_WORDS = frozenset(_KINDS)
#: How many sentences before the reference's own may name the two.
_WINDOW = 3


def two_actor_references(doc: Doc, by_token: dict[int, Entity], sentence_starts: Sequence[int],
                         disabled: Collection[str] = ()) -> dict[int, tuple[Entity, Entity]]:
    """The plural nouns that refer to two named actors, by token index, with the two.

    ``sentence_starts`` are the first tokens of the article's sentences, in order.
    """
    if TWO_ACTORS.name in disabled:
        return {}
    found: dict[int, tuple[Entity, Entity]] = {}
    for token in tokens_among(doc, _KIND_WORDS, "LOWER"):
        kinds = _KINDS[token.lower_]
        if token.i in by_token or not _counted_two(token):
            continue
        pair = _last_two(doc, token, by_token, kinds, sentence_starts)
        if pair is not None:
            found[token.i] = pair
    return found


def _counted_two(token: Token) -> bool:
    """"the two leaders", "both sides" (not "two leaders", which may be any two, nor "the other two")."""
    words = {c.lower_ for c in token.children if c.dep_ in {"det", "nummod", "predet", "amod"}}
    if "other" in words:
        return False  # "the other two men": two not yet named
    return ("two" in words and "the" in words) or "both" in words


def _last_two(doc: Doc, token: Token, by_token: dict[int, Entity], kinds: frozenset[EntityType],
              starts: Sequence[int]) -> tuple[Entity, Entity] | None:
    """The two actors of ``kinds`` named before ``token`` in its sentence or the ``_WINDOW`` before,
    reading back a sentence at a time until two are found; None if more than two are."""
    sentence = bisect.bisect_right(starts, token.i) - 1
    named: list[Entity] = []
    for back in range(sentence, max(sentence - _WINDOW, 0) - 1, -1):
        end = token.i if back == sentence else (starts[back + 1] if back + 1 < len(starts) else len(doc))
        for i in range(end - 1, starts[back] - 1, -1):
            entity = by_token.get(i)
            if entity is not None and entity.type in kinds and entity not in named:
                named.append(entity)
        if len(named) >= 2:
            break
    if len(named) != 2:
        return None
    return named[1], named[0]  # in the order the article named them
