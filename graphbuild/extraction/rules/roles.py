"""Offices and titles of named actors: the ``roles`` family (affiliations, possessions and
birthplaces are in :mod:`.affiliations`).

A role is relative to the actor that modifies it or that its preposition reaches: ``Sergei
Shoigu, Russia's defence minister`` → ``defence_minister_of`` Russia; ``Russian president
Vladimir Putin`` → ``president_of`` Russia.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extraction.mentions import OFFICE_NOUNS, ArticleMentions
from graphbuild.extraction.mentions.words import (
    EMPLOYEE_NOUNS,
    PERSON_HONORIFICS,
    PLAYER_NOUNS,
    PORTFOLIO_WORDS,
    PROFESSION_NOUNS,
)
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.extraction.rules.syntax import is_fellow, mention_tokens, role_words, snake
from graphbuild.extraction.rules.words import (
    COMPANY_NOUNS,
    KIN_NOUNS,
    ROLE_PREPS,
    is_party,
)
from graphbuild.model import Entity, EntityType, Triple
from graphbuild.names import TITLE_WORDS

__all__ = ["APPOS_ROLE", "RULES", "TITLE_ROLE", "actor_title", "as_role", "described_roles", "kin_partner",
           "label_relation", "sibling_country"]

_FAMILY = "roles"

APPOS_ROLE = Rule(
    name="appos_role", family=_FAMILY, confidence=0.85,
    construction="an apposition that names a role: \"Sergei Shoigu, Russia's defence minister\"",
    examples=(
        Example(text="Antony Blinken, America's secretary of state, arrived.",
                triples=(("Antony Blinken", "secretary_of", "United States"),)),
        Example(text="Sarah Jones, a strategist at Goldman Sachs, said rates would rise.",
                triples=(("Sarah Jones", "work_for", "Goldman Sachs"),)),
        Example(text="The Kenyan runner Paul Tergat won in Berlin.", triples=(("Paul Tergat", "from", "Kenya"),)),
        Example(text="The deployments to Belarus, north of Ukraine and an ally of Russia, are large.",
                triples=(("Belarus", "ally_of", "Russia"),)),
        Example(text="Siemens, the owner of Osram, cut jobs in Germany.", triples=(("Siemens", "own", "Osram"),)),
        Example(text="They talked about Afghanistan, the war on terror, the situation in the Middle East and the "
                     "dispute over Kashmir.",
                absent=(("Afghanistan", "*", "Middle East"),)),  # a list, not a description
        Example(text="Karl Weber, a board member of Austria's central bank, the Nationalbank, said rates would rise.",
                triples=(("Nationalbank", "central_bank_of", "Austria"),)),
        Example(text="Tony Blair and his wife Cherie Blair flew to Rome.",
                triples=(("Cherie Blair", "wife_of", "Tony Blair"),)),
        Example(text="Michael Howard was joined by his wife Sandra Howard and daughter Larissa Howard.",
                triples=(("Sandra Howard", "wife_of", "Michael Howard"),),
                absent=(("Larissa Howard", "daughter_of", "Sandra Howard"),)),
        Example(text="Tony Blair met his Israeli counterpart, Ariel Sharon.",
                absent=(("Ariel Sharon", "counterpart_of", "Tony Blair"),)),
        Example(text="Ms Ahmed, Pakistan's High Commissioner to Britain, welcomed the move.",  # a capitalised office
                triples=(("Ahmed", "high_commissioner_of", "Pakistan"),
                         ("Ahmed", "high_commissioner_to", "United Kingdom"))),
        Example(text="Pakistan's High Commissioner to Britain, Maleeha Lodhi, said so.",
                triples=(("Maleeha Lodhi", "high_commissioner_of", "Pakistan"),)),
        Example(text="Wang Yan, an official from the Beijing Municipal Commission, said so.",
                triples=(("Wang Yan", "work_for", "Beijing Municipal Commission"),)),
        Example(text="Jeffrey Matsuura, director of the law programme at the University of Dayton, said so.",
                triples=(("Jeffrey Matsuura", "director_of", "University of Dayton"),)),  # the field, then the body
        Example(text="Paul Boateng, Chief Secretary to the Treasury, is to step down.",
                triples=(("Paul Boateng", "chief_secretary_to", "Treasury"),)),
        Example(text="Karen Thomson, chief executive of AOL UK, said so.",  # a company's national branch
                triples=(("Karen Thomson", "chief_executive_of", "AOL"),)),
        Example(text="Rainer Hertrich, the German co-head of EADS, will step down.",  # "co-" is no noun of its own
                triples=(("Rainer Hertrich", "lead", "EADS"),), absent=(("Rainer Hertrich", "*", "Germany"),)),
        Example(text="Colin Powell, US Secretary of State, visited Gaza.",
                triples=(("Colin Powell", "secretary_of", "United States"),), absent=(("Colin Powell", "*", "State"),)),
    ))
TITLE_ROLE = Rule(
    name="title_role", family=_FAMILY, confidence=0.75,
    construction="a title before a name, or an actor before a title: \"French president Emmanuel Macron\"",
    examples=(
        Example(text="French president Emmanuel Macron spoke.",
                triples=(("Emmanuel Macron", "president_of", "France"),)),
        Example(text="Voters met Labour MP Diane Abbott.", triples=(("Diane Abbott", "mp_of", "Labour Party"),)),
        Example(text="Jack Straw will meet Chinese counterpart Minister Li Zhaoxing.",
                triples=(("Li Zhaoxing", "counterpart_minister_of", "China"),)),
        Example(text="Chelsea striker Didier Drogba scored twice.",
                triples=(("Didier Drogba", "play_for", "Chelsea"),)),
        Example(text="Swedish carmaker Volvo cut 600 jobs.", triples=(("Volvo", "based_in", "Sweden"),)),
        Example(text="Serena Williams said she and sister Venus Williams would play.",
                triples=(("Venus Williams", "sister_of", "Serena Williams"),)),
        Example(text="Italian Prime Minister Silvio Berlusconi spoke.",  # the title's capitalised words kept
                triples=(("Silvio Berlusconi", "prime_minister_of", "Italy"),)),
        Example(text="Labour activist Jane Smith joined the protest.",
                triples=(("Jane Smith", "member_of", "Labour Party"),)),
        Example(text="US gaming consortium BLB will pay $339m for the unit.",
                triples=(("BLB", "based_in", "United States"),)),
        Example(text='"We must act," said Metropolitan Police chief Ian Blair.',  # "chief" tagged as an adjective
                triples=(("Ian Blair", "lead", "Metropolitan Police"),)),
        Example(text="Shares in oil group Yukos fell. The embattled Russian oil giant was sold to Rosneft.",
                triples=(("Yukos", "based_in", "Russia"),)),  # a body's description names its country
        Example(text="The Tokyo Stock Exchange opened in May. Later the Tokyo exchange said it would sue Sony.",
                absent=(("Tokyo Stock Exchange", "*", "Tokyo"),)),  # the place is part of the name
        Example(text="Sources told the BBC Mr Howard had always backed the plan.",  # an honorific is no title
                absent=(("Howard", "*", "BBC"),)),
    ))
AS_ROLE = Rule(
    name="as_role", family=_FAMILY, confidence=0.7,
    construction="a person named as a role: \"named Howard Stringer as its chief executive\", \"oust X as "
                 "Labour's election supremo\"",
    examples=(
        Example(text="Sony named Howard Stringer as its chief executive.",
                triples=(("Howard Stringer", "chief_executive_of", "Sony"),)),
        Example(text="Gordon Brown is preparing to oust Alan Milburn as Labour's election supremo.",
                triples=(("Alan Milburn", "election_supremo_of", "Labour Party"),)),
        Example(text="Jack Straw, as Britain's foreign secretary, went to Moscow.",
                triples=(("Jack Straw", "foreign_secretary_of", "United Kingdom"),)),
        Example(text="The BBC described Jack Straw as a friend.", absent=(("Jack Straw", "*", "BBC"),)),
        Example(text="The film stars Tommy Lee Jones as a Texas ranger.", absent=(("Tommy Lee Jones", "*", "Texas"),)),
    ))

RULES = (APPOS_ROLE, TITLE_ROLE, AS_ROLE)


def actor_title(name: Named, ctx: Context) -> Iterator[Triple]:
    """An actor before a title: "LSE chief executive Clara Furse" → chief_executive_of LSE."""
    person, token, by_token = name.entity, name.token, ctx.mentions.by_token
    if person.type is not EntityType.PERSON and not (person.type is EntityType.ORG and token.pos_ == "NOUN"):
        return  # a person's title, or a body's description: "the Russian oil giant" → based_in Russia
    first = name.words[0].i
    for child in token.children:
        modifier = by_token.get(child.i)
        if child.dep_ not in {"compound", "nmod", "amod"} or child.i >= first or modifier in {None, person}:
            continue
        title = [t for t in token.doc[child.i + 1 : first] if t.i not in by_token and t.pos_ in {"NOUN", "ADJ", "PROPN"}
                 and t.lower_.rstrip(".") not in PERSON_HONORIFICS]  # "the BBC Mr Howard": no title
        if token.pos_ == "NOUN" or (not token.ent_type_ and token.lower_ in TITLE_WORDS):
            # a description that stands for the person: "the British prime minister" → prime_minister_of
            title.append(token)
        if title and modifier is not None:
            relation = label_relation(person, title[-1].lemma_.lower(), [*(w.lower_ for w in title), "of"], modifier)
            if person.type is EntityType.ORG and (relation != "based_in" or modifier.type is not EntityType.GPE
                                                  or child.text in person.name):
                continue  # of a body's description only its country: not "the London exchange" → exchange_of
            triple = ctx.make(person, relation, modifier, token.sent, surface=title, rule=TITLE_ROLE)
            if triple:
                yield triple


def label_relation(holder: Entity, noun: str, words: list[str], target: Entity) -> str:
    """What a label says of its holder and the actor it names, by the kind of label.

    An office is ``<title>_of`` ("president_of"); a player plays for the team or country
    ("England flanker X" → play_for); an employee works for the body ("a strategist at Y" →
    work_for); what someone is comes from their country ("the Kenyan runner" → from); a
    body named with a country is based there ("US oil giant Exxon" → based_in).
    """
    relation = snake(words)
    of = words[-1] in {"of", "from"}  # "a soul singer from Devon" is as "of" here
    if holder.type is EntityType.ORG and target.type is EntityType.GPE and of and noun in COMPANY_NOUNS:
        return "based_in"
    if holder.type is EntityType.OTHER and target.type is EntityType.GPE and of:
        return "from"  # a work or product: "British film Vera Drake"
    if holder.type is EntityType.OTHER and target.type is EntityType.PERSON and of:
        return "work_of"  # "Atonement, Ian McEwan's novel": turned round by the relation table (make)
    if holder.type is not EntityType.PERSON:
        return relation
    if noun in PLAYER_NOUNS and target.type in {EntityType.GPE, EntityType.ORG} and words[-1] in {"of", "for"}:
        return "play_for"
    party = is_party(target)
    if noun in EMPLOYEE_NOUNS and target.type is EntityType.ORG:
        # a party's spokesman is one of its politicians, whatever the field: "spokesman_for"
        return snake([noun, "for"]) if party else "work_for"
    if of and party and noun not in OFFICE_NOUNS and noun not in TITLE_WORDS:
        return "member_of"  # a party label that is no office: "Labour activist X", "Democrat hopeful Y"
    if noun in PROFESSION_NOUNS and target.type is EntityType.GPE and of:
        return "from"
    return relation


def described_roles(name: Named, ctx: Context) -> Iterator[Triple]:
    """Roles in appositions and titles: "Sergei Shoigu, Russia's defence minister", "Russian
    president Vladimir Putin", and the reversed "Russia's defence minister, Sergei Shoigu"."""
    mentions = ctx.mentions
    for noun, rule in _role_nouns(name, mentions):
        for words, target_token in _role_targets(noun, mentions):
            target = mentions.referent(target_token)
            if target is None:
                continue
            relation = label_relation(name.entity, noun.lemma_.lower(), words, target)
            triple = ctx.make(name.entity, relation, target, name.token.sent, surface=[noun], rule=rule)
            if triple:
                yield triple


def _role_nouns(name: Named, mentions: ArticleMentions) -> list[tuple[Token, Rule]]:
    """The nouns that say what the named actor is, with the rule each comes from."""
    token, by_token = name.token, mentions.by_token
    nouns: list[tuple[Token, Rule]] = []
    describes_titles = name.entity.type in {EntityType.PERSON, EntityType.ORG, EntityType.OTHER}
    # two appositions on one name, the last with "and", are a list the name begins: "talked about
    # Afghanistan, the war on terror, the situation in the Middle East and the dispute over Kashmir"
    appositions = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if len(appositions) > 1:
        appositions = [c for c in appositions if c.left_edge.i > 0 and token.doc[c.left_edge.i - 1].text == ","]
    listed = len(appositions) > 1 and any(g.dep_ == "cc" for c in appositions for g in c.children)
    for child in token.children:
        if listed and child.dep_ == "appos":
            continue
        # apposition: "Sergei Shoigu, Russia's defence minister" / "Belarus, north of Ukraine"
        if child.dep_ == "appos" and _word_prefix(child):
            continue  # the "co" of "the German co-head" is no label of its own
        if child.dep_ == "appos" and child.i not in by_token and (child.pos_ == "NOUN" or (
                name.entity.type is EntityType.PERSON and _named_office(child, by_token))):
            nouns.append((child, APPOS_ROLE))
            # a list of appositions the parser hangs on the name: "Belarus, north of Ukraine and
            # an ally of Russia" → ally_of Russia
            for other in token.children:
                if (other.dep_ == "conj" and other.pos_ == "NOUN" and other.i not in by_token
                        and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in other.children)):
                    nouns.append((other, APPOS_ROLE))
        # title before the name: "Russian president Vladimir Putin", "UK defence secretary Ben Wallace"
        elif (describes_titles and child.dep_ in {"compound", "amod", "nmod"} and child.i < token.i
              and child.i not in by_token and (child.pos_ in {"NOUN", "PROPN"} or _title_tagged_adjective(child))):
            nouns.append((child, TITLE_ROLE))
    # reversed apposition: "Russia's defence minister, Sergei Shoigu"
    description = _description_named(token, mentions)
    if description is not None:
        nouns.append((description, APPOS_ROLE))
    return nouns


def _word_prefix(token: Token) -> bool:
    """A prefix the tokenizer split from its word at the hyphen: the "co" of "co-head", the "ex" of "ex-head"."""
    doc = token.doc
    return (token.lower_ in _PREFIXES and token.i + 2 < len(doc) and doc[token.i + 1].text == "-"
            and not token.whitespace_ and not doc[token.i + 1].whitespace_)


#: Prefixes a hyphen joins to a label: "co-head", "ex-head".
_PREFIXES = frozenset({"co", "ex"})


def _named_office(token: Token, by_token: dict[int, Entity]) -> bool:
    """A capitalised office with the body or country it serves before it: "Pakistan's High
    Commissioner", "the EU Trade Commissioner" (not "Chief Executive of AOL UK", which the
    parser splits)."""
    return token.lower_ in OFFICE_NOUNS and any(
        (c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i in by_token)
        or (c.dep_ == "prep" and c.lower_ in {"of", "to"} and any(g.i in by_token for g in c.children))
        for c in token.children)


def kin_partner(name: Named, ctx: Context) -> Iterator[Triple]:
    """A relative named beside the person they are related to: "she and sister Venus" → sister_of."""
    person, token, mentions = name.entity, name.token, ctx.mentions
    if person.type is not EntityType.PERSON or token.dep_ != "conj":
        return
    for noun in token.children:
        if (noun.dep_ != "compound" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in KIN_NOUNS
                or any(c.dep_ == "poss" for c in noun.children)):
            continue
        partner = mentions.entity(token.head)
        head = token.head
        described = [*(c for c in head.children if c.dep_ == "compound"),
                     *([head.head] if head.dep_ == "appos" else [])]
        if any(d.lemma_.lower() in KIN_NOUNS for d in described):
            return  # a list of someone's relatives: "his wife Sandra, daughter Larissa"
        if partner is not None and partner is not person and partner.type is EntityType.PERSON:
            triple = ctx.make(person, f"{noun.lemma_.lower()}_of", partner, token.sent, surface=[noun],
                              rule=TITLE_ROLE)
            if triple:
                yield triple


#: Nouns a possessive pronoun can own as a role: offices ("its founder") and family ties ("his wife").
_POSSESSED_ROLES = OFFICE_NOUNS | KIN_NOUNS
_PLAYING_VERBS = frozenset({"star", "play", "cast", "portray", "feature"})


def as_role(name: Named, ctx: Context) -> Iterator[Triple]:
    """A person named as a role, by the verb that acts on them or in a clause of their own:
    "named Howard Stringer as its chief executive", "Jack Straw, as Britain's foreign secretary,"."""
    person, token, mentions = name.entity, name.token, ctx.mentions
    if person.type is not EntityType.PERSON:
        return
    holders = [token]
    if token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() not in _PLAYING_VERBS:
        holders.append(token.head)  # not a part played: "starring Tommy Lee Jones as a Texas ranger"
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or noun.i in mentions.by_token:
                    continue
                for words, target_token in _role_targets(noun, mentions):
                    target = mentions.referent(target_token)
                    if target is None or target is person:
                        continue
                    relation = label_relation(person, noun.lemma_.lower(), words, target)
                    if relation == "member_of":
                        relation = snake(words)  # named as a role, it is one: "as Labour's election supremo"
                    triple = ctx.make(person, relation, target, token.sent, surface=[prep, noun], rule=AS_ROLE)
                    if triple:
                        yield triple


def sibling_country(name: Named, ctx: Context) -> Iterator[Triple]:
    """A company's country the parser hung on the name beside its label: "US gaming consortium BLB"
    ("US" and "consortium" both on "BLB") → based_in; "Swedish carmaker Volvo" goes through the label."""
    body, token, by_token = name.entity, name.token, ctx.mentions.by_token
    if body.type is not EntityType.ORG:
        return
    labels = [c for c in token.children if c.dep_ in {"compound", "amod"} and c.i not in by_token
              and c.lemma_.lower() in COMPANY_NOUNS]
    for child in token.children if labels else ():
        beside = child.dep_ in {"compound", "amod", "nmod"} and child.i < labels[0].i
        country = by_token.get(child.i) if beside else None
        if country is not None and country is not body and country.type is EntityType.GPE:
            triple = ctx.make(body, "based_in", country, token.sent, surface=[child, labels[0]], rule=TITLE_ROLE)
            if triple:
                yield triple


def _title_tagged_adjective(token: Token) -> bool:
    """A title the tagger took for an adjective, with the body it names before it: "said Bank of
    Japan chief Toshihiko Fukui" ("chief" JJ), not "the chief suspect" (no body named)."""
    return (token.pos_ == "ADJ" and token.lower_ in OFFICE_NOUNS and token.dep_ in {"compound", "amod"}
            and any(c.dep_ in {"nmod", "compound", "poss"} for c in token.children))


def _description_named(name: Token, mentions: ArticleMentions) -> Token | None:
    """The description a name is in apposition to: "Russia's defence minister, Sergei Shoigu" →
    minister, also when the parser hung the name on an earlier word ("Hans Reckers, a board member
    of Germany's central bank, the Bundesbank" → bank)."""
    if name.dep_ != "appos":
        return None
    head = name.head
    if head.i not in mentions.by_token and (head.pos_ == "NOUN" or _capitalised_office(head, name, mentions)):
        return head
    office = head.head.head if head.dep_ == "pobj" and head.head.lower_ in {"of", "for", "at"} else None
    person = mentions.entity(name)
    if (office is not None and office.i not in mentions.by_token and office.lower_ in OFFICE_NOUNS
            and person is not None and person.type is EntityType.PERSON):
        return office  # hung on the office's body: "the leader of the Lib Dems, Charles Kennedy,"
    first = mention_tokens(name, mentions)[0].i
    doc = name.doc
    j = first - 1
    if j >= 0 and doc[j].dep_ == "det":
        j -= 1
    if j < 1 or doc[j].text != ",":
        return None
    noun = doc[j - 1]
    if noun.pos_ == "NOUN" and noun.i not in mentions.by_token and noun.i > head.i:
        return noun
    return None


def _capitalised_office(head: Token, name: Token, mentions: ArticleMentions) -> bool:
    """A person's office written with capitals: "Pakistan's High Commissioner to Britain, Maleeha Lodhi"."""
    person = mentions.entity(name)
    return head.lower_ in OFFICE_NOUNS and person is not None and person.type is EntityType.PERSON


def _role_targets(noun: Token, mentions: ArticleMentions) -> Iterator[tuple[list[str], Token]]:
    """The actors a role noun is relative to: "Russia's defence minister" → (defence minister of, Russia)."""
    role = role_words(noun, mentions)
    for child in noun.children:
        if child.text == "State" or any(c.text == "State" for c in child.children if c.dep_ == "pobj"):
            continue  # part of the office: "Secretary of State", "State Minister for Planning"
        if child.dep_ == "poss" and is_fellow(noun):
            continue  # "Pugh's fellow Ospreys player X": a peer of Pugh's, not Pugh's player
        if child.i in mentions.by_token and child.dep_ in {"poss", "compound", "amod", "nmod"}:
            yield [*role, "of"], child
        elif (child.dep_ == "poss" and child.i in mentions.possessors
              and noun.lemma_.lower() in _POSSESSED_ROLES):
            # "Yukos ... its founder Mikhail Khodorkovsky" → founder_of Yukos; an office only:
            # "his counterpart" and "their two countries" are no roles in a body
            yield [*role, "of"], child
        elif child.dep_ in {"compound", "amod"} and child.i not in mentions.by_token and (
                child.pos_ == "NOUN" or child.lower_ in PORTFOLIO_WORDS):
            # one noun deeper: "Chinese counterpart Minister Li Zhaoxing" → counterpart_minister_of
            # China; a field: "Lib Dem Home Affairs spokesman" → spokesman_of the Lib Dems
            for grandchild in child.children:
                if grandchild.i in mentions.by_token and grandchild.dep_ in {"poss", "compound", "amod", "nmod"}:
                    yield [*role, "of"], grandchild
        elif child.dep_ == "prep" and child.lower_ in ROLE_PREPS:
            for pobj in child.children:
                # "a board member of Germany's central bank, the Bundesbank": the bank is named
                if pobj.dep_ == "pobj" and mentions.entity(pobj) is not None:
                    yield [*role, child.lower_], _company_of_branch(pobj, mentions)
                elif pobj.dep_ == "pobj" and child.lower_ == "of" and pobj.pos_ == "NOUN":
                    # the field, then the body: "director of anti-virus research for F-Secure"
                    yield from (([*role, "of"], body) for body in _field_body(pobj, mentions))


def _field_body(field: Token, mentions: ArticleMentions) -> list[Token]:
    """The body after a role's field: "(head of) marketing at Sony" → Sony."""
    return [pobj for prep in field.children if prep.dep_ == "prep" and prep.lower_ in {"at", "for", "with"}
            for pobj in prep.children if pobj.dep_ == "pobj" and (body := mentions.entity(pobj)) is not None
            and body.type is EntityType.ORG]


def _company_of_branch(token: Token, mentions: ArticleMentions) -> Token:
    """A company's national branch is the company's: "chief executive of AOL UK" → AOL, not the UK."""
    place = mentions.entity(token)
    if place is None or place.type is not EntityType.GPE:
        return token
    company = [c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1
               and (body := mentions.entity(c)) is not None and body.type is EntityType.ORG]
    return company[0] if company else token
