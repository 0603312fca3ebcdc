"""Where an actor is: the ``places`` family.

A name in a place (``Liffe in London``, ``Brick Lane, east London``, ``Bethnal Green, in east
London,``, ``the Munich-based company``), an event named by its place (``a London conference``)
and the parts of a region set off as a range (``Nato's eastern flank, from the Baltic states to
Romania``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extraction.mentions import HAPPENING_NOUNS, ArticleMentions
from graphbuild.extraction.mentions.words import SITE_NOUNS
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.extraction.rules.syntax import conjuncts
from graphbuild.extraction.rules.words import PLACE_TYPES
from graphbuild.model import Entity, EntityType, Triple
from graphbuild.names import Gazetteer, entity_key, name_key

__all__ = ["RULES", "based_in", "event_place", "named_place", "place_in", "place_kind", "places_name",
           "possessive_place", "range_ends", "range_parts"]

_FAMILY = "places"

PLACE_IN = Rule(
    name="place_in", family=_FAMILY, confidence=0.7,
    construction="a name in a place: \"Liffe in London\", \"Soho, central London\", \", in London,\", \"X-based\"",
    examples=(
        Example(text="Shares in Liffe in London rose.", triples=(("Liffe", "located_in", "London"),)),
        Example(text="He spoke from a cafe in Soho, central London.",
                triples=(("Soho", "located_in", "Central London"),)),
        Example(text="Labour candidates will fight Bethnal Green, in east London, for the party.",
                triples=(("Bethnal Green", "located_in", "East London"),)),
        Example(text="Staff at Siemens in Munich went on strike.", triples=(("Siemens", "based_in", "Munich"),)),
        Example(text="Stars arrived at the Odeon in London's Leicester Square on Sunday.",  # "in" hung on the verb
                triples=(("Odeon", "located_in", "Leicester Square"),)),  # in a site: located there
        Example(text="It runs tracks at Wimbledon in London and Hall Green in Birmingham.",  # each its own "in"
                absent=(("Wimbledon", "*", "Birmingham"),)),
        Example(text="Shares in the Frankfurt-based Deutsche Boerse rose after it bid for the LSE.",
                triples=(("Deutsche Boerse", "based_in", "Frankfurt"),)),
        Example(text="BP paid $8bn for a stake in Dutch-registered oil company Shell.",
                triples=(("Shell", "based_in", "Netherlands"),)),
        Example(text="Mr Lewis said he would contest Stepney Green, in London, for Respect.",
                triples=(("Stepney Green", "located_in", "London"),), absent=(("Lewis", "*", "London"),)),
        Example(text="Elections were held in other former Soviet Republics, notably Ukraine and Georgia.",
                absent=(("*", "located_in", "*"),)),
        Example(text="England were drawn against Samoa, France, Italy, Georgia and Chinese Taipei.",
                absent=(("*", "located_in", "*"),)),
        Example(text="England were beaten 19-13 by the Irish in Dublin on Saturday.",
                absent=(("Ireland", "located_in", "Dublin"),)),
    ))
EVENT_PLACE = Rule(
    name="event_place", family=_FAMILY, confidence=0.7,
    construction="an event named by its place is held there: \"a London conference\"",
    examples=(
        Example(text="Ministers will meet at a Geneva conference in May.",
                triples=(("Geneva conference", "held_in", "Geneva"),)),
        Example(text="Ministers will meet at a UK conference in May.",
                triples=(("UK conference", "held_in", "United Kingdom"),)),
        Example(text="He spoke after the Madrid rail bombing.",  # a happening is not held
                triples=(("Madrid rail bombing", "take_place_in", "Madrid"),)),
    ))
RANGE = Rule(
    name="range", family=_FAMILY, confidence=0.6,
    construction="a range set off after a region lists its parts: \"Nato's flank, from the Baltic states to Romania\"",
    examples=(
        Example(text="Floods hit Europe's south, from Spain to Greece, this week.",
                triples=(("Greece", "located_in", "Europe"),)),
        Example(text="Poland will guard Nato's northern flank, from the Baltic states to Slovakia and Hungary, "
                     "this year.", triples=(("Hungary", "part_of", "Nato"),)),
        Example(text="Troops moved Russia's tanks, from Belarus, to the border.",
                absent=(("Belarus", "located_in", "Russia"),)),
    ))

POSS_PLACE = Rule(
    name="poss_place", family=_FAMILY, confidence=0.7,
    construction="a place's place: \"London's Leicester Square\", \"Pakistan's Peshawar\" → located_in",
    examples=(
        Example(text="Fans gathered in London's Leicester Square.",
                triples=(("Leicester Square", "located_in", "London"),)),
        Example(text="Floods hit Pakistan's Peshawar on Monday.", triples=(("Peshawar", "located_in", "Pakistan"),)),
        Example(text="France's Total bought Russia's Yukos.", absent=(("Yukos", "located_in", "Russia"),)),
        Example(text="Mauresmo plays Australia's Samantha Stosur.", absent=(("*", "located_in", "Australia"),)),
    ))

NAMED_PLACE = Rule(
    name="named_place", family=_FAMILY, confidence=0.7,
    construction="a body named \"X of <country>\" is based there: \"the Bank of Japan\", \"the Church of England\"",
    examples=(
        Example(text="The Bank of Japan kept rates at zero.", triples=(("Bank of Japan", "based_in", "Japan"),)),
        Example(text="He met the University of London board.",
                absent=(("University of London", "based_in", "*"),)),  # a city: only countries are named so
        Example(text="The Friends of the Earth protested.", absent=(("*", "based_in", "*"),)),
    ))

PLACE_KIND = Rule(
    name="place_kind", family=_FAMILY, confidence=0.7,
    construction="a place named with its kind and country: \"the Iraqi city of Mosul\", \"the Kenyan capital "
                 "Nairobi\" → located_in (capital_of)",
    examples=(
        Example(text="Troops entered the Iraqi city of Mosul on Monday.", triples=(("Mosul", "located_in", "Iraq"),)),
        Example(text="Mr Brown visited slums in the Kenyan capital Nairobi.",
                triples=(("Nairobi", "capital_of", "Kenya"),)),
        Example(text="The pipeline will run from the Bulgarian port of Burgas.",
                triples=(("Burgas", "located_in", "Bulgaria"),)),
    ))

RULES = (PLACE_IN, EVENT_PLACE, RANGE, POSS_PLACE, NAMED_PLACE, PLACE_KIND)

#: Nouns for a kind of place, which a country's demonym or possessive places: "the Thai island of Phuket".
_PLACE_KINDS = frozenset({"city", "town", "village", "capital", "resort", "port", "province", "region", "state",
                          "island", "district", "county", "suburb", "enclave"})

#: Participles that say where a body is: "London-based", "Russian-registered", "Paris-headquartered".
_BASED_WORDS = frozenset({"based", "registered", "headquartered", "incorporated"})


def based_in(name: Named, ctx: Context) -> Iterator[Triple]:
    """"the Munich-based company", "the Paris-based Euronext", "Russian-registered oil company TNK-BP" → based_in."""
    body = name.entity
    if body.type not in {EntityType.ORG, EntityType.FAC}:
        return
    # on the name, or on the noun that labels it ("registered" of "Russian-registered oil company TNK-BP")
    labels = [name.token, *(c for c in name.token.children if c.dep_ in {"compound", "appos"} and c.pos_ == "NOUN")]
    for based in (c for label in labels for c in label.children):
        if based.dep_ != "amod" or based.lower_ not in _BASED_WORDS:
            continue
        for place_token in based.children:
            place = ctx.mentions.by_token.get(place_token.i)
            if place is not None and place.type in PLACE_TYPES:
                triple = ctx.make(body, "based_in", place, name.token.sent, surface=[place_token, based],
                                  rule=PLACE_IN)
                if triple:
                    yield triple


def possessive_place(name: Named, ctx: Context) -> Iterator[Triple]:
    """A place named with the place it is in: "London's Leicester Square" → located_in London."""
    inner, words = name.entity, [t for t in name.words if t.dep_ != "det"]
    if inner.type not in PLACE_TYPES or not words or not (len(words) == 1 or words[-1].lower_ in SITE_NOUNS):
        # a one-word place or a named site; two words with no site noun are as often a person
        # the model took for a place ("Australia's Samantha Stosur")
        return
    for child in name.token.children:
        outer = ctx.mentions.by_token.get(child.i) if child.dep_ == "poss" else None
        if outer is not None and outer is not inner and outer.type in PLACE_TYPES:
            triple = ctx.make(inner, "located_in", outer, name.token.sent, surface=[child], rule=POSS_PLACE)
            if triple:
                yield triple


def place_kind(name: Named, ctx: Context) -> Iterator[Triple]:
    """A place named with its kind and the country it is in: "the Iraqi city of Mosul", "the Kenyan capital
    Nairobi" → located_in (capital_of) the country. (A possessive, "Indonesia's province of Aceh", is the
    possessive nominal's.)"""
    place, token = name.entity, name.token
    if place.type not in PLACE_TYPES:
        return
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        kind = token.head.head  # "the city of Mosul"
    else:
        inside = {t.i for t in name.words}
        kind = next((c for c in token.children if c.dep_ == "compound" and c.i not in inside), token)
    if kind is token or kind.lower_ not in _PLACE_KINDS or kind.ent_type_:
        return  # the kind inside a name is no description: "Park City", "the Sichuan Province"
    for child in kind.children:
        country = ctx.mentions.by_token.get(child.i) if child.dep_ in {"amod", "compound", "nmod"} else None
        if country is None or country is place or not ctx.gazetteer.is_country(country.name):
            continue
        relation = "capital_of" if kind.lower_ == "capital" else "located_in"
        triple = ctx.make(place, relation, country, token.sent, surface=[kind], rule=PLACE_KIND)
        if triple:
            yield triple


def named_place(name: Named, ctx: Context) -> Iterator[Triple]:
    """A body whose name ends "of <country>" is based there: "the Bank of Japan" → based_in Japan."""
    body, words = name.entity, [t for t in name.words if t.dep_ != "det"]
    if body.type is not EntityType.ORG:
        return
    of = max((i for i, t in enumerate(words) if t.lower_ == "of"), default=0)
    entry = ctx.gazetteer.canonical(" ".join(t.text for t in words[of + 1:])) if of else None
    if entry is not None and entry.type is EntityType.GPE and entry.name != body.name:
        place = _article_place(entry.name, ctx.mentions, ctx.gazetteer)
        triple = ctx.make(body, "based_in", place, name.token.sent, surface=words[of:of + 1], rule=NAMED_PLACE)
        if triple:
            yield triple


def range_parts(name: Named, ctx: Context) -> Iterator[Triple]:
    """A range spanning a region: "Nato's eastern flank, from the Baltic states to Romania and
    Bulgaria" → each is part of Nato ("Europe's south, from Spain to Greece": in Europe)."""
    whole, token = name.entity, name.token
    if token.dep_ != "poss" or whole.type not in PLACE_TYPES | {EntityType.ORG}:
        return
    relation = "located_in" if whole.type in PLACE_TYPES else "part_of"
    for member_token in _range_members(token.head):
        member = ctx.mentions.entity(member_token)
        if member is None or member.type not in PLACE_TYPES:
            continue
        triple = ctx.make(member, relation, whole, token.sent, surface=[token.head], rule=RANGE)
        if triple:
            yield triple


def event_place(name: Named, ctx: Context) -> Iterator[Triple]:
    """An event named by its place is held there: "a London conference" → held_in London."""
    if name.entity.type is not EntityType.EVENT:
        return
    words = [t for t in name.words if t.dep_ != "det"]
    place_words = list(itertools.takewhile(lambda t: t.ent_type_ in {"GPE", "LOC"}, words))
    if len(place_words) == len(words):
        place_words = place_words[:-1]  # the whole name tagged a place: "US Open" is held in the US
    if place_words:
        place = _article_place(" ".join(t.text for t in place_words), ctx.mentions, ctx.gazetteer)
        relation = "take_place_in" if name.words[-1].lemma_.lower() in HAPPENING_NOUNS else "held_in"
        triple = ctx.make(name.entity, relation, place, name.token.sent, surface=place_words[:1], rule=EVENT_PLACE)
        if triple:
            yield triple


def place_in(name: Named, ctx: Context) -> Iterator[Triple]:
    """A name in a place: "Liffe in London", "Brick Lane, east London", "Bethnal Green, in London,"."""
    inner, token = name.entity, name.token
    if ctx.gazetteer.is_country(inner.name):
        return  # a country is in no place: "beaten by the Irish in Dublin" places the match
    relation = _IN_RELATIONS.get(inner.type, "located_in")
    last = _last(name, ctx)
    bracketed = _bracketed_in(last)
    children = [c for c in token.children if bracketed is None or c.i != bracketed.i]
    if bracketed is not None:
        # a name set off as ", in London," is placed whatever its type: the model tags some
        # seats as people ("Bethnal Green, in London")
        children.append(bracketed)
    elif inner.type not in PLACE_TYPES | {EntityType.ORG, EntityType.EVENT}:
        return
    elif not any(c.dep_ == "prep" and c.lower_ == "in" for c in children):
        # the place of a list: "Perry Barr and Hall Green in Birmingham" places both; the place
        # the parser hung on the verb: "arrived at the Odeon in Leicester Square"
        children += _shared_in(token) or _in_after_venue(token, last)
    for child in children:
        targets: list[Token] = []
        places = _PLACES
        if child.dep_ == "prep" and child.lower_ == "in" and _past_a_conjunction(last, child):
            continue  # "Wimbledon in London and Hall Green in Birmingham": the second "in" is Hall Green's
        if child.dep_ == "prep" and child.lower_ == "in":
            # "Liffe in London", "Bethnal Green, in London" → located/based in; also in a named
            # site: "the Odeon in Leicester Square"
            targets, places = [p for p in child.children if p.dep_ == "pobj"], _PLACES | {EntityType.FAC}
        elif (child.dep_ == "appos" and inner.type in PLACE_TYPES and token.tag_ not in {"NNS", "NNPS"}
              and not (inner.type is EntityType.GPE and ctx.gazetteer.is_country(inner.name))):
            # "Brick Lane, east London" → located_in; what follows a plural is an example
            # ("former Soviet republics, notably Ukraine"), and a country set off by a comma
            # is in a list ("Samoa, France, Italy"), not in the place after it
            targets = [child]
        for target_token in targets:
            outer = ctx.mentions.entity(target_token)
            if outer is None or outer.type not in places or (
                    outer.type is EntityType.FAC and outer.name.split()[-1].lower() not in SITE_NOUNS):
                continue  # a named site holds places too, not a facility tagged at random
            # what stands in a site is located there: "the Odeon in Leicester Square"
            where = "located_in" if outer.type is EntityType.FAC else relation
            triple = ctx.make(inner, where, outer, token.sent, surface=[child], rule=PLACE_IN)
            if triple:
                yield triple


_PLACES = frozenset({EntityType.GPE, EntityType.LOC})
#: What "X in <place>" says of X, by X's type (a place is located there).
_IN_RELATIONS = {EntityType.ORG: "based_in", EntityType.EVENT: "held_in"}


def _in_after_venue(token: Token, last: Token) -> list[Token]:
    """The "in" right after a venue that the parser hung on the verb: "(spoke) at the Odeon in London"."""
    doc = token.doc
    if token.dep_ != "pobj" or token.head.lower_ != "at" or last.i + 1 >= len(doc):
        return []
    after = doc[last.i + 1]
    return [after] if after.lower_ == "in" and after.dep_ == "prep" and after.head.i == token.head.head.i else []


def _past_a_conjunction(last: Token, prep: Token) -> bool:
    """Whether an "and" or "or" and another name stand between a name and an "in" the parser hung on it."""
    between = last.doc[last.i + 1:prep.i]
    joins = [t.i for t in between if t.pos_ == "CCONJ"]
    # "Wimbledon in London and Hall Green in Birmingham", not "RAF Fairford, and other bases in the UK"
    return prep.i > last.i and bool(joins) and any(t.i > joins[0] and t.ent_type_ for t in between)


def _shared_in(token: Token) -> list[Token]:
    """The "in" of the next name coordinated with ``token``, which places both: "A and B in C"."""
    following = [c for c in token.children if c.dep_ == "conj"]
    if not following or token.i + 1 >= len(token.doc):
        return []
    joined = following[0]
    between = token.doc[token.i + 1 : joined.left_edge.i]
    if not all(t.lower_ in {"and", "or", ","} or t.i in range(token.left_edge.i, token.i + 1) for t in between):
        return []
    return [c for c in joined.children if c.dep_ == "prep" and c.lower_ == "in"]


def _last(name: Named, ctx: Context) -> Token:
    """The last token of the run of tokens from the name's head that mention the same actor."""
    token = name.token
    doc, last = token.doc, token.i
    while last + 1 < len(doc) and ctx.mentions.by_token.get(last + 1) is name.entity:
        last += 1
    return doc[last]


def _bracketed_in(after: Token) -> Token | None:
    """The "in" of ", in London," set off by commas right after `after`, the last token of a name.

    However the parser attaches it ("contest Bethnal Green, in London, for Respect" hangs it on
    the verb), it places the name, not the verb's action.
    """
    doc = after.doc
    if after.i + 3 >= len(doc) or doc[after.i + 1].text != "," or doc[after.i + 2].lower_ != "in":
        return None
    prep = doc[after.i + 2]
    if after.i + 3 >= after.sent.end:
        return None
    if prep.dep_ != "prep" or prep.head.i not in {after.i, after.head.i} | {t.i for t in after.ancestors}:
        return None
    end = prep.right_edge.i + 1
    return prep if end >= prep.sent.end or doc[end].text in {",", ".", ";"} else None


def places_name(prep: Token, mentions: ArticleMentions) -> bool:
    """`prep` is the ", in London," that places the name just before it (see `_bracketed_in`)."""
    if prep.i < 2 or prep.i - 2 not in mentions.by_token:
        return False
    found = _bracketed_in(prep.doc[prep.i - 2])
    return (found is not None and found.i == prep.i
            and any((place := mentions.entity(p)) is not None and place.type in PLACE_TYPES
                    for p in prep.children if p.dep_ == "pobj"))


def _range_members(noun: Token) -> list[Token]:
    """The ends of a range set off after `noun`: "its flank, from the Baltic states to Romania and Bulgaria"."""
    doc = noun.doc
    comma = noun.right_edge.i + 1
    if comma + 1 >= noun.sent.end or doc[comma].text != ",":
        return []
    start = doc[comma + 1]
    if start.head.i not in {noun.i, noun.head.i}:
        return []
    return [member for end in range_ends(start) for member in conjuncts(end)]


def range_ends(start: Token) -> list[Token]:
    """The objects of "from A to B" that `start` begins before the next comma; none unless `start`
    is the "from" of such a range (one end alone is a source, not a range)."""
    if start.dep_ != "prep" or start.lower_ != "from":
        return []
    stop = next((t.i for t in start.doc[start.i:start.sent.end] if t.text in {",", ";"}), start.sent.end)
    ends = [p for p in start.children if p.dep_ == "pobj"]
    ends += [p for to in (*start.children, *start.head.children) if to.dep_ == "prep" and to.lower_ == "to"
             and start.i < to.i < stop for p in to.children if p.dep_ == "pobj"]
    return ends if len(ends) >= 2 else []


def _article_place(name: str, mentions: ArticleMentions, gazetteer: Gazetteer) -> Entity:
    """The place of this article that `name` names ("London"), or a new one under its canonical name."""
    key = name_key(name)
    for found in mentions.entities:
        if found.entity.type in PLACE_TYPES and key in {name_key(a) for a in found.entity.aliases}:
            return found.entity
    entry = gazetteer.canonical(name)
    canonical, type_ = (entry.name, entry.type) if entry is not None else (name, EntityType.GPE)
    return Entity(key=entity_key(canonical, type_), name=canonical, type=type_, aliases=frozenset({canonical, name}))
