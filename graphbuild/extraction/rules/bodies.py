"""What a body belongs to or owns: the ``bodies`` family.

A country's or organisation's body (``the Russian Federation's Armed Forces``, ``China's
CNPC``), a people's state body (``the Belarusian Ministry of Defence``), a body's named business
(``its Eurex derivatives market``) and a named part of another (``the Yuganskneftegas unit of
Yukos``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from graphbuild.extraction.mentions import POSSESSIVE_MARKS, ArticleMentions
from graphbuild.extraction.mentions.whole_names import is_law_name
from graphbuild.extraction.mentions.words import MEDIA_NOUNS
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.extraction.rules.syntax import snake
from graphbuild.extraction.rules.words import BUSINESS_NOUNS, STATE_NOUNS
from graphbuild.model import Entity, EntityType, Triple

__all__ = ["RULES", "business_owner", "compound_of", "missed_possessive", "owned_by", "possessive_owner",
           "state_body"]

_FAMILY = "bodies"

POSS_PART = Rule(
    name="poss_part", family=_FAMILY, confidence=0.6,
    construction="a body's owner: \"Russia's Armed Forces\" (part_of), \"China's CNPC\" (based_in), "
                 "\"its Eurex market\" (own)",
    examples=(
        Example(text="Talks began with China's CNPC on Monday.", triples=(("CNPC", "based_in", "China"),)),
        Example(text="Units of the Russian Federation’s Armed Forces will leave.",
                triples=(("Russian Federation Armed Forces", "part_of", "Russia"),)),
        Example(text="Sony plans to sell its film and Columbia music business to Bertelsmann.",
                triples=(("Sony", "own", "Columbia"),)),
        Example(text="Ford said its Jaguar and Volvo brands made losses.", triples=(("Ford", "own", "Volvo"),)),
        Example(text="Pervez Musharraf told the BBC's Newsnight programme that he was confident.",  # its work
                triples=(("Newsnight", "part_of", "BBC"),)),
        Example(text="Germany's Securities Trading Act obliges BaFin to act.",  # a country's law
                triples=(("Securities Trading Act", "law_of", "Germany"),)),
    ))
STATE_BODY = Rule(
    name="state_body", family=_FAMILY, confidence=0.7,
    construction="a state body named with a demonym is part of that country: \"the Belarusian Ministry of Defence\"",
    examples=(
        Example(text="The Belarusian Ministry of Defence said the soldiers would leave.",
                triples=(("Belarusian Ministry of Defence", "part_of", "Belarus"),)),
        Example(text="Russian troops crossed into Georgia.", triples=(("Russian troops", "part_of", "Russia"),)),
        Example(text="British Airways cut flights to Lisbon.",
                absent=(("British Airways", "part_of", "United Kingdom"),)),
    ))
COMPOUND_OF = Rule(
    name="compound_of", family=_FAMILY, confidence=0.6,
    construction="a body naming a part of another: \"the Yuganskneftegas unit of Yukos\" → unit_of",
    examples=(Example(text="Rosneft bought the Yuganskneftegas unit of Yukos.",
                      triples=(("Yuganskneftegas", "unit_of", "Yukos"),)),))

OWNED_BY = Rule(
    name="owned_by", family=_FAMILY, confidence=0.65,
    construction="an owner before \"-owned\", \"-run\", \"-controlled\": \"the Murdoch-owned Sun\" → own; "
                 "\"state-owned Rosneft\": the country the article is about",
    examples=(
        Example(text="Russia said BP has a partnership with state-owned Rosneft.",
                triples=(("Russia", "own", "Rosneft"),)),
        Example(text="The Murdoch-owned Sun newspaper backed Labour.", triples=(("Murdoch", "own", "Sun"),)),
        Example(text="He bought a state-owned company.", absent=(("*", "own", "*"),)),
    ))

RULES = (POSS_PART, STATE_BODY, COMPOUND_OF, OWNED_BY)

_OWNING = frozenset({"own", "run", "control", "fund"})
_STATE_WORDS = frozenset({"state", "government"})


def possessive_owner(name: Named, ctx: Context) -> Iterator[Triple]:
    """An organisation a country or body owns: "the Russian Federation's Armed Forces" → part_of Russia."""
    body, by_token = name.entity, ctx.mentions.by_token
    # a work owned only as "the BBC's Newsnight programme", with its noun: "Ocean's Twelve" is a title
    after, law = name.words[-1].i + 1, is_law_name(body.name)
    work = (body.type is EntityType.OTHER and not law and after < len(name.token.doc)
            and name.token.doc[after].lower_ in MEDIA_NOUNS)
    if body.type is not EntityType.ORG and not work and not law:
        return
    for child in name.token.children:
        holder = by_token.get(child.i) if child.dep_ == "poss" else None
        if holder is None or holder.type not in ({EntityType.ORG} if work else {EntityType.GPE, EntityType.ORG}):
            continue  # a body's work is its part: "the BBC's Newsnight programme"
        triple = ctx.make(body, _owned_by(body, holder), holder, name.token.sent, surface=[child], rule=POSS_PART)
        if triple:
            yield triple


def missed_possessive(name: Named, ctx: Context) -> Iterator[Triple]:
    """The same when the parser missed the possessive: "BBC Radio 4's Today programme" → part_of."""
    body, token, by_token = name.entity, name.token, ctx.mentions.by_token
    if body.type is not EntityType.ORG or any(c.dep_ == "poss" and c.i in by_token for c in token.children):
        return
    first = name.words[0].i
    doc = token.doc
    owner = by_token.get(first - 2) if first >= 2 else None
    if (owner is not None and owner is not body and doc[first - 1].lower_ in POSSESSIVE_MARKS
            and owner.type in {EntityType.GPE, EntityType.ORG}):
        triple = ctx.make(body, _owned_by(body, owner), owner, token.sent, surface=[doc[first - 1]], rule=POSS_PART)
        if triple:
            yield triple


def state_body(name: Named, ctx: Context) -> Iterator[Triple]:
    """A people's state body is its country's: "British forces", "the Belarusian Ministry of
    Defence" → part_of; not "British Airways"."""
    if name.entity.type is not EntityType.ORG:
        return
    named = [t for t in name.words if t.dep_ != "det"]
    entry = ctx.gazetteer.demonym(named[0].text) if named else None
    if entry is not None and entry.type is EntityType.GPE and any(w.lower_ in STATE_NOUNS for w in named):
        triple = ctx.make(name.entity, "part_of", entry.entity(), name.token.sent, surface=[named[0]], rule=STATE_BODY)
        if triple:
            yield triple


def business_owner(name: Named, ctx: Context) -> Iterator[Triple]:
    """A body's named business: "its Eurex derivatives market", "its cash and Eurex derivatives
    market" → the owner of "its" owns Eurex."""
    if name.entity.type is not EntityType.ORG:
        return
    owner = _business_owner(name.words, ctx.mentions)
    if owner is not None:
        triple = ctx.make(owner, "own", name.entity, name.token.sent, surface=name.words[:1], rule=POSS_PART)
        if triple:
            yield triple


def owned_by(name: Named, ctx: Context) -> Iterator[Triple]:
    """An owner named before "-owned": "the Murdoch-owned Sun newspaper", "state-owned Rosneft" (the
    country the article has named most so far) → own."""
    body, token = name.entity, name.token
    if body.type not in {EntityType.ORG, EntityType.FAC, EntityType.OTHER}:
        return
    # the body's own word, or the noun it names: "the Murdoch-owned Sun newspaper"
    for modified in (token, token.head) if token.dep_ == "compound" else (token,):
        for owning in modified.children:
            if owning.dep_ != "amod" or owning.tag_ != "VBN" or owning.lemma_.lower() not in _OWNING:
                continue
            for word in owning.children:
                if word.dep_ not in {"npadvmod", "compound", "nmod"}:
                    continue
                owner = _leading_country(word, ctx) if word.lower_ in _STATE_WORDS else ctx.mentions.entity(word)
                if owner is not None and owner is not body:
                    triple = ctx.make(owner, "own", body, token.sent, surface=[word, owning], rule=OWNED_BY)
                    if triple:
                        yield triple


def _leading_country(before: Token, ctx: Context) -> Entity | None:
    """The country the article has named most up to ``before``, if it has named it at least twice as
    often as any other."""
    named: dict[str, tuple[int, int, Entity]] = {}
    previous: Entity | None = None
    for i in sorted(ctx.mentions.by_token):
        if i >= before.i:
            break
        entity = ctx.mentions.by_token[i]
        if entity is not previous and entity.type is EntityType.GPE and ctx.gazetteer.is_country(entity.name):
            count, first, _ = named.get(entity.key, (0, i, entity))
            named[entity.key] = (count + 1, first, entity)
        previous = entity
    ranked = sorted(named.values(), key=lambda v: (-v[0], v[1]))
    if not ranked or (len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]):
        return None  # no country leads clearly: "the state" could be any of them
    return ranked[0][2]


def compound_of(name: Named, ctx: Context) -> Iterator[Triple]:
    """An actor naming a part or role of another: "the Yuganskneftegas unit of Yukos" → unit_of."""
    token, head = name.token, name.token.head
    if (token.dep_ != "compound" or head.pos_ != "NOUN" or head.i in ctx.mentions.by_token
            or name.entity.type not in {EntityType.ORG, EntityType.FAC}):
        return
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "for"}:
            continue
        for pobj in prep.children:
            target = ctx.mentions.entity(pobj) if pobj.dep_ == "pobj" else None
            if target is not None:
                triple = ctx.make(name.entity, snake([head.lemma_.lower(), prep.lower_]), target, token.sent,
                                  surface=[head, prep], rule=COMPOUND_OF)
                if triple:
                    yield triple


def _owned_by(body: Entity, owner: Entity) -> str:
    """What "owner's body" says: a country's state body is part of it ("Russia's Armed Forces"),
    a country's company is based there ("China's CNPC"); an organisation's part is part of it."""
    if is_law_name(body.name):
        return "law_of"  # "Germany's Securities Trading Act"
    if owner.type is EntityType.GPE and not any(w in STATE_NOUNS for w in body.name.lower().split()):
        return "based_in"
    return "part_of"


def _business_owner(name: Sequence[Token], mentions: ArticleMentions) -> Entity | None:
    """Whose business a named body is when "its" comes before it in a list of business nouns."""
    doc = name[0].doc
    listed = {"NOUN", "PROPN", "ADJ", "CCONJ"}
    for t in doc[name[-1].i + 1:min(name[-1].i + 5, len(doc))]:  # a full stop ends the list
        if t.lemma_.lower() in BUSINESS_NOUNS:
            break
        if t.pos_ not in listed and t.text != "," and t.dep_ != "compound":
            return None
    else:
        return None
    for t in reversed(doc[max(0, name[0].i - 5):name[0].i]):
        if t.i in mentions.possessors and t.lower_ == "its":
            return mentions.possessors[t.i]
        if t.pos_ not in listed and t.text != ",":
            return None
    return None
