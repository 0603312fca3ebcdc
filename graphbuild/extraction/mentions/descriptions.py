"""Descriptions that refer back to a named actor: the ``descriptions`` family.

``the Russian president`` is the person named with that title, ``The UK defence secretary`` in a
lede the person the next sentence names, ``the Tokyo exchange`` the body whose name has those
words, ``the newspaper`` the latest body that was a subject, and ``the Russian oil giant`` the one
body named with that trade.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from graphbuild.extraction.mentions.clusters import Cluster, Mention, cluster_at, is_subject, people_country
from graphbuild.extraction.mentions.words import (
    ANY_LAW,
    BODY_DESCRIPTIONS,
    GOVERNMENT_WORDS,
    LAW_DESCRIPTIONS,
    LAW_HEADS,
    NUMERIC_LABELS,
    PLAYER_NOUNS,
    PORTFOLIO_WORDS,
    POSSESSIVE_MARKS,
    PRESS_DESCRIPTIONS,
    PRESS_NAME_WORDS,
    PROFESSION_NOUNS,
    PRONOUN_WINDOW,
    ROLE_DEPS,
    SEAT_TITLES,
)
from graphbuild.extraction.rule import Example, Rule, Stage
from graphbuild.model import EntityType
from graphbuild.names import HONORIFICS, TITLE_WORDS, Gazetteer

#: Words that make a title another office: a shadow, deputy or former minister is not the minister.
QUALIFIERS = frozenset({"shadow", "deputy", "vice", "former", "ex", "acting", "assistant", "junior", "interim"})

__all__ = [
    "QUALIFIERS",
    "RULES",
    "Role",
    "aged_person",
    "definite",
    "described_law",
    "described_organisation",
    "described_person",
    "generic_organisation",
    "governing_country",
    "lede_person",
    "professional_person",
    "role_descriptions",
    "trade_organisation",
]


def _rule(name: str, construction: str, *examples: Example) -> Rule:
    return Rule(name=name, family="descriptions", construction=construction, examples=examples,
                stage=Stage.RESOLUTION)


ROLE_DESCRIPTION = _rule(
    "role_description", "a definite title is the one person named with that whole title: \"the Russian president\"",
    Example(text="Russian president Vladimir Putin spoke on Monday. "
                 "Germany later criticised the Russian president over the deal.",
            triples=(("Germany", "criticise", "Vladimir Putin"),)),
    Example(text="French president Emmanuel Macron met US president Joe Biden. Germany later criticised the president.",
            absent=(("Germany", "criticise", "Emmanuel Macron"), ("Germany", "criticise", "Joe Biden"))),
    Example(text="Deputy Prime Minister John Prescott spoke first. Later the prime minister sacked Gordon Brown.",
            absent=(("John Prescott", "*", "Gordon Brown"),)))
LEDE_TITLE = _rule(
    "lede_title", "a lede's titled subject is the untitled person the next sentence names first",
    Example(text="The UK defence secretary has admitted he is worried. "
                 "Ben Wallace has travelled to Europe to meet Nato leaders.",
            triples=(("Ben Wallace", "defence_secretary_of", "United Kingdom"),)))
NAME_DESCRIPTION = _rule(
    "name_description", "\"the ministry\", \"the Tokyo exchange\": the latest body whose name has those words",
    Example(text="The Tokyo Stock Exchange opened a new office in Singapore last year. "
                 "On Monday the Tokyo exchange criticised Goldman Sachs.",
            triples=(("Tokyo Stock Exchange", "criticise", "Goldman Sachs"),)))
BODY_DESCRIPTION = _rule(
    "body_description", "\"the newspaper\", \"the company\": the latest body that was a subject, two sentences back",
    Example(text="The Daily Telegraph printed the story in April. The Telegraph was sued by Mr George Galloway "
                 "after the newspaper claimed he received money from Saddam Hussein's regime.",
            triples=(("Daily Telegraph", "claim", "George Galloway"),)),
    Example(text="The Metropolitan Police arrested four men. Sir John Stevens told the newspaper they were guilty.",
            absent=(("John Stevens", "*", "Metropolitan Police"),)))  # a paper only
TRADE_DESCRIPTION = _rule(
    "trade_description", "\"the Russian oil giant\": the one body the article named with that trade",
    Example(text="Shares in oil group Yukos fell. The embattled Russian oil giant was sold to Rosneft.",
            triples=(("Yukos", "sell_to", "Rosneft"),)))

THE_GOVERNMENT = _rule(
    "the_government", "a bare \"the government\" is the government of the country the article has named most",
    Example(text="Britain sent troops to Iraq. Critics said the government had misled the United Nations.",
            triples=(("United Kingdom", "mislead", "United Nations"),)),
    Example(text="Critics said the government had misled the United Nations.",
            absent=(("*", "mislead", "United Nations"),)))

AGE_DESCRIPTION = _rule(
    "age_description", "\"the 87-year-old\" is the one person the article gave that age",
    Example(text="Actor Ossie Davis died in Miami at the age of 87. Bill Clinton spoke at the funeral. "
                 "The 87-year-old had starred with Ruby Dee.", triples=(("Ossie Davis", "star_with", "Ruby Dee"),)),
    Example(text="Bill Clinton spoke at the funeral. The 87-year-old had starred with Ruby Dee.",
            absent=(("Bill Clinton", "star_with", "Ruby Dee"),)))

LAW_DESCRIPTION = _rule(
    "law_description", "\"the bill\", \"the legislation\": the latest law named, by its own head word or as a law",
    Example(text="The Identity Cards Bill was published on Monday. The Liberal Democrats oppose the bill.",
            triples=(("Liberal Democrats", "oppose", "Identity Cards Bill"),)),
    Example(text="The Licensing Act comes into force in November. The Conservatives have attacked the legislation.",
            triples=(("Conservative Party", "attack", "Licensing Act"),)))

PEOPLE_DESCRIPTION = _rule(
    "people_description", "\"the Spaniard\", \"the 20-year-old Swede\" is the person the article last named as "
    "from that country (\"Spain's Albert Montanes\", \"Swede Joachim Johansson\"), within three sentences",
    Example(text="Spain's Albert Montanes beat Tim Henman in Doha. The Spaniard will play Roger Federer next.",
            triples=(("Albert Montanes", "play", "Roger Federer"),)),
    Example(text="Albert Montanes beat Tim Henman in Doha. The Spaniard will play Roger Federer next.",
            absent=(("Albert Montanes", "play", "Roger Federer"),)))  # not said to be Spanish

PROFESSION_DESCRIPTION = _rule(
    "profession_description", "\"the singer\", \"the Welsh striker\" as a subject is the one person named in it or "
    "the two sentences before, unless that person holds another title (\"Arsenal boss Arsene Wenger\" is no striker) "
    "or is known by one word only; a noun before it makes it a thing (\"the music player\")",
    Example(text="Joss Stone won the award on Monday. The singer thanked Radio 1.",
            triples=(("Joss Stone", "thank", "Radio 1"),)),
    Example(text="Arsenal boss Arsene Wenger spoke on Monday. The striker has rejected Chelsea.",
            absent=(("Arsene Wenger", "*", "Chelsea"),)),
    Example(text="Tony Blair met Joss Stone on Monday. The singer thanked Radio 1.",  # two people: which one?
            absent=(("*", "thank", "Radio 1"),)),
    Example(text="Joss Stone will sing on it. The music player has impressed Sony.",  # a thing, not a player
            absent=(("*", "impress", "Sony"),)),
    Example(text="Henman scored on Monday. The player thanked Real Madrid.",  # one word: a person, or a body?
            absent=(("*", "thank", "Real Madrid"),)))

RULES = (ROLE_DESCRIPTION, LEDE_TITLE, NAME_DESCRIPTION, BODY_DESCRIPTION, TRADE_DESCRIPTION, THE_GOVERNMENT,
         AGE_DESCRIPTION, LAW_DESCRIPTION, PEOPLE_DESCRIPTION, PROFESSION_DESCRIPTION)

#: What a person is, for "the singer", "the striker" (not a group: "the band", "the duo").
_PROFESSIONS = (PROFESSION_NOUNS | PLAYER_NOUNS | {"director", "presenter", "captain", "skipper", "veteran",
                                                   "youngster", "teenager"}) - {"band", "duo", "tennis", "number",
                                                                                 "centre", "half", "international",
                                                                                 "scrum", "sevens", "wing", "model"}


#: A role a person is named with: the country or body it is of (if any), the person, and the
#: title's other words ("defence" in "UK defence secretary Ben Wallace").
Role = tuple["Cluster | None", "Cluster", frozenset[str]]


def title_words(tokens: Iterable[Token], mentions: Sequence[Mention]) -> frozenset[str]:
    return frozenset(t.lower_ for t in tokens if t.dep_ in ROLE_DEPS and cluster_at(t.i, mentions) is None)


def definite(token: Token) -> bool:
    """True for a noun with "the": "the defence secretary", "the newspaper"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def role_descriptions(doc: Doc, mentions: Sequence[Mention]) -> dict[str, list[Role]]:
    """Map role lemmas to (modifier entity, person, title words) from titles and appositions of named people.

    "Russian president Vladimir Putin" gives president → (Russia, Putin, {}); "Sergei Shoigu,
    Russia's defence minister" gives minister → (Russia, Shoigu, {defence}).
    """
    roles: dict[str, list[Role]] = {}
    for m in mentions:
        person = m.cluster.root()
        if person.type() is not EntityType.PERSON:
            continue
        root = doc[m.root]
        # titles hang on the name's root, or on its first word ("Labour MP Diane Abbott" → Diane)
        nouns = [c for t in doc[m.start : m.end] for c in t.children
                 if c.dep_ in ROLE_DEPS and c.i < m.start and c.pos_ in {"NOUN", "PROPN"}]
        nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        for noun in nouns:
            if cluster_at(noun.i, mentions) is not None:
                continue
            before = [c for c in root.children if c.dep_ in ROLE_DEPS and c.i < noun.i]
            modifiers = [cluster_at(c.i, mentions) for c in noun.children if c.dep_ in ROLE_DEPS | {"poss"}]
            modifiers += [cluster_at(c.i, mentions) for c in before]
            words = title_words([*noun.children, *before], mentions)
            found: list[Cluster | None] = [c for c in modifiers if c is not None and c is not person]
            entry = roles.setdefault(noun.lemma_.lower(), [])
            for modifier in found or [None]:
                if (modifier, person, words) not in entry:
                    entry.append((modifier, person, words))
    return roles


def described_person(token: Token, roles: dict[str, list[Role]], mentions: Sequence[Mention]) -> Cluster | None:
    """The person a definite role description ("the Russian president") refers to, if exactly one fits.

    The description's other words must be words of the title the person was named with: "the
    defence secretary" is not the foreign secretary; and the title's qualifiers must be the
    description's: "the foreign secretary" is not the shadow foreign secretary.
    """
    if token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() not in roles:
        return None
    if not definite(token):
        return None
    if any(c.dep_ == "appos" for c in token.children) or token.dep_ == "appos":
        return None  # "the foreign secretary, Liz Truss": the name itself is there
    modifiers = {cluster_at(c.i, mentions) for c in token.children if c.dep_ in ROLE_DEPS | {"poss"}}
    modifiers.discard(None)
    if token.lower_ in SEAT_TITLES:
        # "the Glasgow Kelvin MP": the place is the seat, not a party the MP was named with
        modifiers = {c for c in modifiers if c is not None and c.type() is not EntityType.GPE}
    # a name the model missed ("the Glasgow Kelvin MP") or an age ("the 50-year-old MP") is not
    # a word of the title
    words = title_words([c for c in token.children if c.ent_type_ not in NUMERIC_LABELS
                          and (c.pos_ != "PROPN" or c.lower_ in TITLE_WORDS or c.lower_ in PORTFOLIO_WORDS)], mentions)
    # the whole title: "the foreign secretary" is not the shadow foreign secretary, nor "the prime
    # minister" the deputy prime minister
    holders = [(modifier, person) for modifier, person, title in roles[token.lemma_.lower()]
               if words <= title and title & QUALIFIERS <= words]
    candidates = {person for modifier, person in holders if not modifiers or modifier in modifiers}
    if len(candidates) > 1:
        # several fit: the one named in the latest sentence, if no other was named there too
        latest = {person: max((m.sentence for m in mentions if m.start < token.i and m.cluster.root() is person),
                              default=-1) for person in candidates}
        best = max(latest.values())
        if best >= 0 and list(latest.values()).count(best) == 1:
            return next(person for person, sentence in latest.items() if sentence == best)
    if not candidates and modifiers:
        # "Prime Minister Tony Blair" … "the British prime minister": the one holder named with
        # the bare title, when no holder is named with another country
        candidates = {person for modifier, person in holders if modifier is None}
        if any(modifier is not None and person in candidates for modifier, person in holders):
            return None
    return candidates.pop() if len(candidates) == 1 else None


def described_organisation(token: Token, sentence: int, mentions: Sequence[Mention],
                            types: dict[int, EntityType]) -> Cluster | None:
    """The organisation "the ministry" refers to: the latest, within three sentences, named with that noun.

    Modifiers must be words of the name too: "the London exchange" is the London Stock Exchange
    and "the defence ministry" the Ministry of Defence, but "the Russian ministry" is not the
    Belarusian Ministry of Defence, and "Russia's ministry" names its own body.
    """
    if not definite(token):
        return None
    if any(c.dep_ in {"poss", "appos"} for c in token.children) or token.dep_ == "appos":
        return None
    modifiers = [c for c in token.children if c.dep_ in {"compound", "amod"}]
    if any(len(list(c.children)) > 0 for c in modifiers):
        return None  # "the Paris-based exchange", "the much larger group": leave them be
    wanted = {token.lemma_.lower(), *(c.lower_ for c in modifiers)}
    for m in reversed(mentions):
        if m.sentence < sentence - PRONOUN_WINDOW:
            break
        root = m.cluster.root()
        if types[id(root)] is not EntityType.ORG:
            continue
        if any(wanted <= set(n.lower().split()) for n in root.names):
            return root
    return None


def lede_person(token: Token, mentions: Sequence[Mention], roles: dict[str, list[Role]],
                 types: dict[int, EntityType]) -> Cluster | None:
    """The person a lede's description names in the next sentence.

    News opens with "The UK defence secretary has admitted ..." and names him after: "Ben Wallace
    has travelled to Europe". The description must say whose title it is (a country or body) and
    be the first sentence's subject; the person must be the next sentence's first subject and be
    named with no title anywhere in the article.
    """
    if not is_subject(token) or not definite(token):
        return None
    if not any(c.dep_ in ROLE_DEPS and cluster_at(c.i, mentions) is not None for c in token.children):
        return None
    people = [m for m in mentions if m.sentence == 1 and m.subject and types[id(m.cluster.root())] is EntityType.PERSON]
    if not people:
        return None
    person = people[0].cluster.root()
    titled = {lemma for lemma, entries in roles.items() for _, holder, _ in entries if holder.root() is person}
    return None if titled - HONORIFICS else person


def described_law(token: Token, sentence: int, mentions: Sequence[Mention]) -> Cluster | None:
    """The law "the bill" or "the legislation" refers to: the latest named within three sentences.

    "The bill" is a law whose name ends in "Bill"; "the law" and "the legislation" may be any.
    """
    word = token.lower_
    if word not in LAW_DESCRIPTIONS or not definite(token) or token.dep_ in {"compound", "appos", "poss"}:
        return None
    if any(c.dep_ in {"poss", "prep", "compound"} for c in token.children):
        return None  # "the EU's treaty", "the bill on ID cards" name their own
    for m in reversed(mentions):
        if m.sentence < sentence - PRONOUN_WINDOW:
            break
        root = m.cluster.root()
        head = root.name().split()[-1]
        if head in LAW_HEADS and (head.lower() == word or word in ANY_LAW):
            return root
    return None


def generic_organisation(token: Token, sentence: int, mentions: Sequence[Mention],
                          types: dict[int, EntityType]) -> Cluster | None:
    """The organisation a bare "the newspaper", "the company" or "the Paris-based exchange" refers to.

    The latest organisation that was a subject, in this sentence or the previous one; never when
    the description names an actor of its own ("the German group", "the group of countries").
    """
    if token.lemma_.lower() not in BODY_DESCRIPTIONS or token.dep_ in {"appos", "compound"}:
        return None
    if not definite(token):
        return None
    if any(c.dep_ in {"poss", "prep"} or (c.dep_ == "appos" and c.pos_ != "NOUN") for c in token.children):
        return None
    # modifiers must not name an actor ("the German group"); where it is based is no name of it
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"} and c.lower_ != "based"]
    if any(cluster_at(t.i, mentions) is not None for c in modifiers for t in c.subtree):
        return None
    press = token.lemma_.lower() in PRESS_DESCRIPTIONS
    near = [m for m in mentions if sentence - 2 <= m.sentence <= sentence and m.end <= token.i and m.subject
            and types[id(m.cluster.root())] is EntityType.ORG]
    for back in (0, 1, 2):
        subjects = [m for m in near if m.sentence == sentence - back
                    and (not press or _press_name(m.cluster.root().key))]
        if subjects:
            return subjects[-1].cluster.root()
    return None


def _press_name(key: str) -> bool:
    """Whether a body's name is a paper's or broadcaster's: "Daily Telegraph", "BBC News"."""
    return any(word in PRESS_NAME_WORDS for word in key.split())


def trade_organisation(token: Token, mentions: Sequence[Mention],
                        types: dict[int, EntityType]) -> Cluster | None:
    """The organisation "the Russian oil giant" refers to: the one body named earlier with that trade.

    "oil group Yukos" gives Yukos the trade "oil"; the description must be definite and its trade
    must be that of exactly one organisation named before it in the article.
    """
    if not definite(token) or token.dep_ in {"appos", "compound"}:
        return None
    if any(c.dep_ in {"poss", "prep", "appos"} for c in token.children):
        return None
    trades = {c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    if not trades:
        return None
    roots: dict[int, Cluster] = {}
    for m in mentions:
        if m.end > token.i:
            break
        root = m.cluster.root()
        if types[id(root)] is EntityType.ORG and id(root) not in roots:
            roots[id(root)] = root
    found = [root for root in roots.values() if trades & root.trades]
    return found[0] if len(found) == 1 else None


def governing_country(token: Token, mentions: Sequence[Mention], countries: frozenset[int]) -> Cluster | None:
    """The country whose government a bare "the government" or "this government" is: the one the
    article has named most up to here (the first named of those named as often)."""
    if token.lemma_.lower() not in GOVERNMENT_WORDS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in token.children):
        return None
    if any(c.dep_ in {"amod", "compound", "poss", "nmod", "prep", "appos"} for c in token.children):
        return None  # "the Russian government", "the government of Iraq" say whose it is
    named: Counter[int] = Counter()
    latest: dict[int, Cluster] = {}
    for m in mentions:
        root = m.cluster.root()
        if m.end <= token.i and id(root) in countries:
            named[id(root)] += 1
            latest[id(root)] = root
    if not named:
        return None
    order = [id(m.cluster.root()) for m in mentions if m.end <= token.i]
    best = max(named, key=lambda key: (named[key], -order.index(key)))
    return latest[best]


def aged_person(token: Token, mentions: Sequence[Mention], sentence_of: dict[int, int]) -> Cluster | None:
    """The person "the 87-year-old" is: the one named in a sentence that gives the age 87 (the
    subject, when several are), never one whose age the article does not give."""
    age = _age_of(token)
    if age is None:
        return None
    doc = token.doc
    said = {sentence_of[t.i] for t in doc[: token.i] if t.text == age}
    people = [m for m in mentions if m.sentence in said and m.end <= token.i
              and m.cluster.root().type() is EntityType.PERSON]
    for pool in ([m for m in people if m.subject], people):
        found = {m.cluster.root() for m in pool}
        if len(found) == 1:
            return found.pop()
    return None


def _age_of(token: Token) -> str | None:
    """"87" for the "old" of a definite "the 87-year-old"."""
    if token.lower_ != "old" or not definite(token):
        return None
    for year in token.children:
        if year.lower_ == "year":
            numbers = [c.text for c in year.children if c.dep_ == "nummod" and c.text.isdigit()]
            if numbers:
                return numbers[0]
    return None


def nationalities(doc: Doc, mentions: Sequence[Mention], gazetteer: Gazetteer,
                  types: dict[int, EntityType]) -> dict[int, set[str]]:
    """The countries the article says its people are from, by root cluster: a demonym or a
    country's possessive right before the name ("Swede Joachim Johansson", "Spain's Albert
    Montanes") or the country after "of" ("Irakli Labadze of Georgia"). Only people named with a
    country are in it: an article that names none has nothing for "the Spaniard" to look up."""
    found: dict[int, set[str]] = {}
    for m in mentions:
        root = m.cluster.root()
        if types.get(id(root)) is not EntityType.PERSON:
            continue
        countries: set[str] = set()
        before = doc[m.start - 1] if m.start > 0 else None
        entry = gazetteer.demonym(before.text) if before is not None else None
        if entry is not None and entry.type is EntityType.GPE:
            countries.add(entry.name)
        if before is not None and before.lower_ in POSSESSIVE_MARKS and m.start > 1:
            owner = cluster_at(m.start - 2, mentions)
            if owner is not None and types.get(id(owner.root())) is EntityType.GPE:
                countries.add(owner.root().name())
        if m.end + 1 < len(doc) and doc[m.end].lower_ == "of":
            place = cluster_at(m.end + 1, mentions)
            if place is not None and types.get(id(place.root())) is EntityType.GPE:
                countries.add(place.root().name())
        if countries:
            found.setdefault(id(root), set()).update(countries)
    return found


def person_of_people(token: Token, sentence: int, mentions: Sequence[Mention], gazetteer: Gazetteer,
                     nationality: dict[int, set[str]]) -> Cluster | None:
    """The person "the Spaniard" refers to: the last one named as from Spain, within three sentences."""
    entry = people_country(token, gazetteer)
    if entry is None:
        return None
    fitting = [m for m in mentions if sentence - 3 <= m.sentence <= sentence and m.end <= token.i
               and entry.name in nationality.get(id(m.cluster.root()), ())]
    return fitting[-1].cluster.root() if fitting else None


def professional_person(token: Token, sentence: int, mentions: Sequence[Mention], roles: dict[str, list[Role]],
                        types: dict[int, EntityType]) -> Cluster | None:
    """The person "the singer" or "the Welsh striker" refers to as a subject: the only person named
    in its sentence before it or in the two sentences before, who holds no title but professions."""
    lemma = token.lemma_.lower()
    if (lemma not in _PROFESSIONS or token.tag_ != "NN" or not definite(token) or not is_subject(token)
            or any(c.dep_ in {"poss", "appos"} or (c.dep_ == "compound" and c.pos_ == "NOUN") for c in token.children)):
        return None  # "the music player", "the Olympic 10,000m champion": a thing, or a narrower title
    people = {m.cluster.root() for m in mentions
              if sentence - 2 <= m.sentence <= sentence and m.end <= token.i
              and types.get(id(m.cluster.root())) is EntityType.PERSON}
    if len(people) != 1:
        return None
    person = people.pop()
    if not any(len(name.split()) > 1 for name in person.names):
        return None  # a person known by one word only may be a body the model took for one ("the Blues")
    titles = {title for title, entries in roles.items() for _, holder, _ in entries if holder.root() is person}
    return person if titles <= _PROFESSIONS else None
