"""Whom a named actor belongs to, what it owns, where it was born: the ``roles`` family, continued.

``the BBC's Paul Reynolds`` → ``work_for`` BBC; ``Irakli Labadze of Georgia`` → ``from``;
``Putin's Russia`` → ``lead``; ``Mike Leigh's Vera Drake`` → ``make``; ``Belfast-born Van
Morrison`` → ``born_in``. Offices and titles are in :mod:`.roles`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extraction.mentions import OFFICE_NOUNS
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.extraction.rules.syntax import role_words, snake, speaker_affiliation, subject_of
from graphbuild.extraction.rules.words import is_party
from graphbuild.model import Entity, EntityType, Triple
from graphbuild.names import HONORIFICS, name_tokens

__all__ = ["AFFILIATION", "RULES", "born_in", "owner_affiliation", "possessive_leader", "possessive_maker",
           "prep_affiliation", "squad_member"]

_FAMILY = "roles"

AFFILIATION = Rule(
    name="affiliation", family=_FAMILY, confidence=0.7,
    construction="a person of an organisation or country: \"the BBC's Paul Reynolds\", \"Brad Adams, from Human "
                 "Rights Watch\", \"Irakli Labadze of Georgia\"",
    examples=(
        Example(text="The BBC's Paul Reynolds reported from Gaza.", triples=(("Paul Reynolds", "work_for", "BBC"),)),
        Example(text="Russia's Elena Bovina lost to Serena Williams.", triples=(("Elena Bovina", "from", "Russia"),)),
        Example(text="American Andy Roddick beat Tim Henman.", triples=(("Andy Roddick", "from", "United States"),)),
        Example(text="Top-seeded Americans Andy Roddick and Andre Agassi reached the last eight.",  # a list
                triples=(("Andre Agassi", "from", "United States"),)),
        Example(text="Conservative Michael Howard attacked the plan.",  # a party's adjective
                triples=(("Michael Howard", "member_of", "Conservative Party"),)),
        Example(text="Labour's Ken Livingstone attacked the plan.",  # one belongs to a party
                triples=(("Ken Livingstone", "member_of", "Labour Party"),)),
        Example(text="Simon Thomas, of Plaid Cymru, attacked the plan.",
                triples=(("Simon Thomas", "member_of", "Plaid Cymru"),)),
        Example(text="\"We expect the deficit to widen,\" said economist Marie-Pierre Ripert at IXIS.",  # on the verb
                triples=(("Marie-Pierre Ripert", "work_for", "IXIS"),), absent=(("*", "say_at", "IXIS"),)),
        Example(text="Russian President Vladimir Putin met Tony Blair.",  # the office says more
                absent=(("Vladimir Putin", "from", "Russia"),)),
        Example(text="Brad Adams, from Human Rights Watch, said it was wrong.",
                triples=(("Brad Adams", "work_for", "Human Rights Watch"),)),
        Example(text="Pierre Dupont, from the CGT trade union, told Reuters that workers would strike.",
                triples=(("Pierre Dupont", "work_for", "CGT"),)),  # the body named by its noun
        Example(text="Roddick will play Irakli Labadze of Georgia in the next round.",
                triples=(("Irakli Labadze", "from", "Georgia"),)),
        Example(text="President Musharraf of Pakistan will visit Britain.",  # the title's country
                triples=(("Musharraf", "president_of", "Pakistan"),), absent=(("Musharraf", "from", "Pakistan"),)),
    ))
POSS_LEADER = Rule(
    name="poss_leader", family=_FAMILY, confidence=0.6,
    construction="a leader's body or country: \"Putin's Russia\", \"Joe Biden's White House\" → lead",
    examples=(
        Example(text="Vladimir Putin's Russia invaded Ukraine.", triples=(("Vladimir Putin", "lead", "Russia"),)),
        Example(text="Vladimir Putin's Kremlin answered Germany on Monday.",
                triples=(("Vladimir Putin", "lead", "Kremlin"),)),
    ))

POSS_MAKER = Rule(
    name="poss_maker", family=_FAMILY, confidence=0.6,
    construction="a person's work: \"Mike Leigh's Vera Drake\" → make",
    examples=(
        Example(text="Martin Scorsese's The Aviator leads the field with 14 nominations.",
                triples=(("Martin Scorsese", "make", "Aviator"),)),
    ))

BORN_IN = Rule(
    name="born_in", family=_FAMILY, confidence=0.75,
    construction="a birthplace before a person: \"the Uruguayan-born researcher X\", \"Belfast-born X\" → born_in",
    examples=(
        Example(text="The Uruguayan-born researcher Gonzalo Frasca made the game.",
                triples=(("Gonzalo Frasca", "born_in", "Uruguay"),)),
        Example(text="Belfast-born singer Van Morrison played in Dublin.",
                triples=(("Van Morrison", "born_in", "Belfast"),)),
        Example(text="The prize went to its director, Tunisian-born Abdellatif Kechiche.",
                triples=(("Abdellatif Kechiche", "born_in", "Tunisia"),)),
    ))

SQUAD_MEMBER = Rule(
    name="squad_member", family=_FAMILY, confidence=0.65,
    construction="a person put in, called up to or left out of a team's squad plays for it: \"was named in the "
                 "Scotland squad\", \"his call-up to the France squad\"",
    examples=(
        Example(text="Chris Paterson was named in the Scotland squad on Monday.",
                triples=(("Chris Paterson", "play_for", "Scotland"),)),
        Example(text="Jean Granclaude is delighted with his first call-up to the France squad.",
                triples=(("Jean Granclaude", "play_for", "France"),)),
        Example(text="Jonny Wilkinson has been left out of the England squad.",
                triples=(("Jonny Wilkinson", "play_for", "England"),)),
        Example(text="Mike Ruddock paid tribute to his Wales side after the game.",  # the coach's side
                absent=(("Mike Ruddock", "play_for", "*"),)),
    ))

RULES = (AFFILIATION, POSS_LEADER, POSS_MAKER, BORN_IN, SQUAD_MEMBER)

#: Nouns for the players a team picks, and the prepositions that put a person among them or out.
_SQUAD_NOUNS = frozenset({"squad", "team", "side", "xv", "line-up", "lineup"})
_SQUAD_PREPS = frozenset({"in", "into", "to", "from", "of"})
#: Nouns for being picked, whose possessor is the player: "his call-up to the France squad".
_PICK_NOUNS = frozenset({"call-up", "up", "recall", "return", "selection", "debut", "place", "inclusion"})


def owner_affiliation(name: Named, ctx: Context) -> Iterator[Triple]:
    """An organisation's person: "the BBC's Paul Reynolds" → work_for; a country's: "Russia's Elena
    Bovina" → from."""
    person, by_token = name.entity, ctx.mentions.by_token
    if person.type is not EntityType.PERSON:
        return
    for child in name.token.children:
        owner = by_token.get(child.i) if child.dep_ == "poss" else None
        if owner is None or owner.type not in _OWNER_RELATIONS:
            continue
        if owner.type is EntityType.GPE and _titles(name):
            continue  # "Brazil's President Lula": the office says more, and its rule says it
        relation = "member_of" if is_party(owner) else _OWNER_RELATIONS[owner.type]  # "Labour's Mr Livingstone"
        triple = ctx.make(person, relation, owner, name.token.sent, surface=[child], rule=AFFILIATION)
        if triple:
            yield triple


    yield from _demonym_before(name, ctx)


#: What a demonym right before a person's name says: a country's is where they are from, a
#: party's ("Conservative Michael Howard", "Tory Liam Fox") what they are a member of.
_DEMONYM_RELATIONS = {EntityType.GPE: "from", EntityType.ORG: "member_of"}


def _demonym_before(name: Named, ctx: Context) -> Iterator[Triple]:
    """A person with a demonym right before the name is from that country: "American Andy Roddick",
    "Americans Andy Roddick and Andre Agassi"; not with an office between ("Russian President X")."""
    person, first, token = name.entity, name.words[0], name.token
    if first.i == 0 or token.pos_ != "PROPN":
        return
    doc = first.doc
    before = doc[first.i - 1]
    if before.dep_ not in {"amod", "compound", "nmod"} or before.head.i not in {w.i for w in name.words}:
        # a plural demonym the names are in apposition to: "Americans Andy Roddick and Andre Agassi"
        lead = token
        while lead.dep_ == "conj":
            lead = lead.head
        if lead.dep_ != "appos" or lead.left_edge.i == 0 or lead.head.i != lead.left_edge.i - 1:
            return
        before = lead.head
    if not before.text[:1].isupper() or before.text.isupper():
        return  # "US" and "UK" are names, not demonyms: "UK star X" has its own rule
    entry = ctx.gazetteer.demonym(before.text)
    if (entry is None or entry.type not in _DEMONYM_RELATIONS or before.text == entry.name
            or len(name_tokens(person.name)) < 2 or _titles(name)):
        return  # a name written as one ("the British Library"), or an office between
    tagged = ctx.mentions.by_token.get(before.i)
    # a longer party name the demonym ends ("Liberal Democrat Charles Kennedy") is the party
    longer = tagged is not None and tagged.name != entry.name and entry.type is EntityType.ORG
    if tagged is not None and longer and tagged.type is not EntityType.ORG:
        return
    country = tagged if tagged is not None and (longer or tagged.name == entry.name) else entry.entity()
    relation = _DEMONYM_RELATIONS[entry.type]
    triple = ctx.make(person, relation, country, name.token.sent, surface=[before], rule=AFFILIATION)
    if triple:
        yield triple


_OWNER_RELATIONS = {EntityType.ORG: "work_for", EntityType.GPE: "from"}


def _titles(name: Named) -> list[Token]:
    """The titles before a name: "President Lula da Silva", "Chancellor Gerhard Schroeder"."""
    return [t for t in name.token.doc[name.token.left_edge.i : name.words[0].i]
            if t.lower_ in OFFICE_NOUNS and t.lower_ not in HONORIFICS and t.pos_ in {"PROPN", "NOUN"}]


def possessive_leader(name: Named, ctx: Context) -> Iterator[Triple]:
    """A leader's body or country: "Joe Biden's White House", "Putin's Russia" → lead."""
    yield from _person_possessor(name, ctx, _LED, "lead", POSS_LEADER)


def possessive_maker(name: Named, ctx: Context) -> Iterator[Triple]:
    """A person's work: "Mike Leigh's Vera Drake", "Ian McEwan's Atonement" → make."""
    yield from _person_possessor(name, ctx, _MADE, "make", POSS_MAKER)


_LED = frozenset({EntityType.ORG, EntityType.GPE})
_MADE = frozenset({EntityType.OTHER})


def _person_possessor(name: Named, ctx: Context, owned: frozenset[EntityType], relation: str,
                      rule: Rule) -> Iterator[Triple]:
    """A person's possessive before a name of the ``owned`` types: the person ``relation`` it."""
    if name.entity.type not in owned:
        return
    by_token = ctx.mentions.by_token
    for child in name.token.children:
        person = by_token.get(child.i) if child.dep_ == "poss" else None
        if person is not None and person.type is EntityType.PERSON:
            triple = ctx.make(person, relation, name.entity, name.token.sent, surface=[child], rule=rule)
            if triple:
                yield triple


def prep_affiliation(name: Named, ctx: Context) -> Iterator[Triple]:
    """Affiliation: "Brad Adams, from Human Rights Watch," → work_for."""
    person = name.entity
    if person.type is not EntityType.PERSON or name.token.pos_ != "PROPN":
        return  # a description's "of" is its office's: "the chairman of Southampton"
    token = name.token
    hung = speaker_affiliation(token.head) if token.dep_ == "nsubj" else []  # "said X, from Starcom"
    for child in [*token.children, *hung]:
        if child.dep_ != "prep" or child.lower_ not in {"from", "of", "at"}:
            continue
        for pobj in child.children:
            org = _named_body(pobj, ctx) if pobj.dep_ == "pobj" else None
            if org is None or org.type not in {EntityType.ORG, EntityType.GPE}:
                continue
            # a person of a country is from it: "Jan Hernych of the Czech Republic", and holds the
            # title before the name there: "President Musharraf of Pakistan" → president_of
            relation = (("member_of" if is_party(org) else "work_for") if org.type is EntityType.ORG
                        else _country_relation(name, child))  # "Simon Thomas, of Plaid Cymru" is a member
            if relation is None:
                continue
            triple = ctx.make(person, relation, org, name.token.sent, surface=[child], rule=AFFILIATION)
            if triple:
                yield triple


def _country_relation(name: Named, prep: Token) -> str | None:
    """What a person "of" or "from" a country is: the office of a title before the name, or from it."""
    if prep.lower_ == "at":
        return None
    titles = _titles(name)
    if titles and prep.lower_ == "of":
        return snake([*role_words(titles[-1]), "of"])
    return "from"


def _named_body(token: Token, ctx: Context) -> Entity | None:
    """The body a noun names: itself, or the name it is a noun for ("the CGT trade union",
    "rights group the Simon Wiesenthal Center")."""
    body = ctx.mentions.entity(token)
    if body is not None or token.pos_ != "NOUN":
        return body
    named = [ctx.mentions.entity(c) for c in token.children if c.dep_ in {"compound", "appos"}]
    return next((e for e in named if e is not None), None)


def born_in(name: Named, ctx: Context) -> Iterator[Triple]:
    """A birthplace before the person or the noun that describes them: "Tunisian-born Abdellatif
    Kechiche", "the Uruguayan-born researcher Gonzalo Frasca", "Belfast-born singer Van Morrison"."""
    person, token, by_token = name.entity, name.token, ctx.mentions.by_token
    if person.type is not EntityType.PERSON:
        return
    described = [token, *(c for c in token.children if c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN"
                           and c.i not in by_token)]
    if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.i not in by_token:
        described.append(token.head)
    for noun in described:
        for born in noun.children:
            if born.dep_ != "amod" or born.lower_ != "born":
                continue
            for place_token in born.children:
                place = _birthplace(place_token, ctx)
                triple = ctx.make(person, "born_in", place, token.sent, surface=[place_token, born],
                                  rule=BORN_IN) if place is not None else None
                if triple:
                    yield triple


def _birthplace(token: Token, ctx: Context) -> Entity | None:
    """The place a word before "-born" names: a place mention, or a demonym's country ("Tunisian")."""
    if token.dep_ not in {"npadvmod", "compound", "amod", "nmod"}:
        return None
    place = ctx.mentions.by_token.get(token.i)
    if place is not None and place.type in {EntityType.GPE, EntityType.LOC}:
        return place
    entry = ctx.gazetteer.demonym(token.text)
    return entry.entity() if entry is not None and entry.type is EntityType.GPE else None


def squad_member(name: Named, ctx: Context) -> Iterator[Triple]:
    """A person named in, called up to or left out of a team's squad plays for the team: "Paterson was
    named in the Scotland squad", "his first call-up to the France squad" → play_for."""
    team, token = name.entity, name.token
    squad = token.head
    if (team.type not in {EntityType.GPE, EntityType.ORG} or token.dep_ not in {"compound", "poss", "nmod"}
            or squad.lemma_.lower() not in _SQUAD_NOUNS or squad.dep_ != "pobj"
            or squad.head.lower_ not in _SQUAD_PREPS or any(c.tag_ == "PRP$" for c in squad.children)):
        return  # "his Wales side" is the coach's
    picked = squad.head.head
    if picked.lower_ == "out" and picked.dep_ in {"prt", "advmod", "prep"}:
        picked = picked.head  # "left out of the England squad"
    if picked.pos_ in {"VERB", "AUX"}:
        people = list(subject_of(picked, ctx.mentions).tokens)
    elif picked.lower_ in _PICK_NOUNS:
        people = [c for c in picked.children if c.dep_ == "poss"]
    else:
        return
    for person_token in people:
        person = ctx.mentions.referent(person_token)
        if person is None or person.type is not EntityType.PERSON:
            continue
        triple = ctx.make(person, "play_for", team, token.sent, surface=[squad], rule=SQUAD_MEMBER)
        if triple:
            yield triple
