"""Names: what a tagged span is called, and which names in an article are one actor.

The rules of the ``names`` family: canonical names from the gazetteer, demonyms, partial and
shortened names, acronyms, names the model tagged once and missed elsewhere, a member's word for
a group named in the plural, and "also known as".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.mentions.article import GOVERNMENT
from graphbuild.extraction.mentions.clusters import Cluster, Mention, is_subject, link, one_of_a_people, tokens_among
from graphbuild.extraction.mentions.hygiene import ORG_ENDINGS
from graphbuild.extraction.mentions.spans import ONE_OF_A_PEOPLE
from graphbuild.extraction.mentions.words import (
    COMPASS,
    EMPLOYEE_NOUNS,
    GOVERNMENT_WORDS,
    MINOR_WORDS,
    OFFICE_NOUNS,
    PERSON_HONORIFICS,
    PLAYER_NOUNS,
    PROFESSION_NOUNS,
    SURNAME_TYPES,
)
from graphbuild.extraction.rule import Example, Rule, Stage
from graphbuild.model import EntityType
from graphbuild.names import HONORIFICS, Gazetteer, clean_name, name_tokens

__all__ = ["RULES", "abbreviates", "merge_known_as", "merge_partial_names", "propagate_names", "resolve_name"]


def _rule(name: str, construction: str, *examples: Example) -> Rule:
    return Rule(name=name, family="names", construction=construction, examples=examples, stage=Stage.RESOLUTION)


CANONICAL_NAME = _rule(
    "canonical_name", "a place or body the gazetteer knows takes its canonical name: UK, Britain → United Kingdom; "
    "a national team's nickname is its country: the All Blacks → New Zealand",
    Example(text="Britain criticised Iran on Monday.", triples=(("United Kingdom", "criticise", "Iran"),)),
    Example(text="The Republic of Belarus criticised Ukraine.", triples=(("Belarus", "criticise", "Ukraine"),)),
    Example(text="The Springboks beat the Wallabies in Durban.",  # a team's nickname, even one tagged a person
            triples=(("South Africa", "beat", "Australia"),)),
    Example(text="Scotland will play in the RBS 6 Nations next month.",  # a competition under its sponsor's name
            triples=(("Scotland", "play_in", "Six Nations"),)))
DEMONYM = _rule(
    "demonym", "a people named by its demonym is its country: \"Russian president Vladimir Putin\" → Russia",
    Example(text="French president Emmanuel Macron spoke.", triples=(("Emmanuel Macron", "president_of", "France"),)))
PARTIAL_NAME = _rule(
    "partial_name", "a surname or partial name is the full name it belongs to, the nearest before it",
    Example(text="Ben Wallace arrived in Paris. Mr Wallace met Emmanuel Macron.",
            triples=(("Ben Wallace", "meet", "Emmanuel Macron"),)),
    Example(text="Robert Kilroy-Silk left UKIP in January. Mr Kilroy-Silk then launched Veritas.",
            triples=(("Robert Kilroy-Silk", "launch", "Veritas"),)),  # a surname of two words
    Example(text="Sir John Stevens spoke in London. Sir John told the Independent that the men were innocent.",
            triples=(("John Stevens", "speak_to", "Independent"),)),  # a knight by his first name
    # a full name the model took for a body, whose surname it tags as a person alone
    Example(text="Stars including Leonardo diCaprio attended. DiCaprio said he told the BBC he was happy.",
            triples=(("Leonardo diCaprio", "speak_to", "BBC"),)),
    Example(text="Deutsche Boerse made a bid for the LSE. Many analysts believe German Boerse has more "
                 "financial firepower than Euronext.", absent=(("Deutsche Boerse", "from", "Germany"),)))
FIRST_NAME = _rule(
    "first_name", "a person called by the first name alone is the one person of the article with that first name",
    Example(text="Joe Pasquale won the show on Monday. Joe later thanked Ant McPartlin.",
            triples=(("Joe Pasquale", "thank", "Ant McPartlin"),)),
    Example(text="Joe Pasquale and Joe Swash won the show on Monday. Joe later thanked Ant McPartlin.",
            absent=(("Joe Pasquale", "thank", "*"), ("Joe Swash", "thank", "*"))))  # two Joes: neither
SHORT_NAME = _rule(
    "short_name", "a body's shorter name is the one longer name it ends: \"the Telegraph\" → Daily Telegraph; "
    "not the part after a hyphen, a parent's name: \"BP\" of \"TNK-BP\"",
    Example(text="The Daily Telegraph printed the claims. Later the Telegraph criticised the BBC.",
            triples=(("Daily Telegraph", "criticise", "BBC"),)),
    Example(text="Russia fined TNK-BP on Monday. BP said it would appeal against Russia.",
            absent=(("TNK-BP", "appeal_against", "Russia"),)))
ACRONYM = _rule(
    "acronym", "an acronym in brackets after a name, or a body's initials written alone, is that name: "
    "\"the London Stock Exchange (LSE)\", \"the NAO\" after \"the National Audit Office\"",
    Example(text="The London Stock Exchange (LSE) held talks. Werner Seifert met LSE chief executive Clara Furse.",
            triples=(("Clara Furse", "chief_executive_of", "London Stock Exchange"),)),
    Example(text="The National Audit Office published a report. Sir John Bourn, head of the NAO, said costs rose.",
            triples=(("John Bourn", "lead", "National Audit Office"),)))
REPEATED_NAME = _rule(
    "repeated_name", "a name the model tagged once is the same actor wherever else it is written",
    Example(text="The London Stock Exchange (LSE) held talks. Werner Seifert met LSE chief executive Clara Furse.",
            triples=(("Clara Furse", "chief_executive_of", "London Stock Exchange"),)))
UNTAGGED_SURNAME = _rule(
    "untagged_surname", "a person's surname written alone, where the model tagged nothing, is that person: "
    "\"Federer overcame Lleyton Hewitt\" after \"Roger Federer\"",
    Example(text="Roger Federer won in Melbourne. Federer overcame Lleyton Hewitt in straight sets.",
            triples=(("Roger Federer", "beat", "Lleyton Hewitt"),)),
    Example(text="Roger Federer met Marc Federer on Monday. Federer overcame Lleyton Hewitt in straight sets.",
            absent=(("*", "beat", "Lleyton Hewitt"),)))  # two people of that surname: neither
GROUP_MEMBER_WORD = _rule(
    "group_member_word", "a member's word for a group named in the plural: \"Green\" after \"the Greens\"",
    Example(text="The plan was attacked by the Greens. Green councillor Sian Berry called it reckless.",
            triples=(("Sian Berry", "councillor_of", "Greens"),)))
EVENT_NAME = _rule(
    "event_name", "a name ending in Cup, Open, Games, Championships… is an event, whatever the model tagged",
    Example(text="England will play in the Rugby World Cup Sevens in Hong Kong.",
            triples=(("Rugby World Cup Sevens", "held_in", "Hong Kong"),)))
KNOWN_AS = _rule(
    "known_as", "\"X, also known as Y\" makes Y another name of X",
    Example(text="Mahmoud Abbas, also known as Abu Mazen, met Tony Blair. Abu Mazen praised Tony Blair.",
            triples=(("Mahmoud Abbas", "praise", "Tony Blair"),)))


#: Last words of a competition's or festival's name: a name the model tagged a body or a place is an event.
EVENT_HEADS = frozenset({
    "cup", "championship", "championships", "open", "games", "olympics", "tournament", "festival", "marathon",
    "sevens", "trophy", "prix", "classic", "masters", "derby", "league", "series", "awards", "expo",
})


#: Prefixes a hyphen joins to a name, which stay words of their own: "Ex-Labour minister", "pro-Blair".
_PREFIXES = frozenset({"ex", "pro", "anti", "non", "post", "pre", "former"})


def _span_text(span: Span) -> str:
    """A span's words without possessives, a hyphen inside a word kept: "the Sarbanes-Oxley Act's"."""
    words: list[str] = []
    glue = False
    for token in span:
        if token.tag_ == "POS" and not (span.label_ == "FAC" and token.i + 1 < span.end):
            glue = False
            continue  # a site keeps the possessive inside its name: "St James's Palace"
        if (token.text == "-" and words and not span.doc[token.i - 1].whitespace_ and token.whitespace_ == ""
                and words[-1].lower() not in _PREFIXES):
            words[-1] += "-"
            glue = True
            continue
        if glue or token.tag_ == "POS":
            words[-1] += token.text
        else:
            words.append(token.text)
        glue = False
    return " ".join(words)


def resolve_name(span: Span, gazetteer: Gazetteer, disabled: Collection[str] = ()) -> tuple[str, EntityType] | None:
    """Return the canonical name and type a span stands for, or None when it is no name."""
    label = EntityType.parse(span.label_)
    # titles are stripped from people's names only: "the Home Office" keeps its "Home"
    name = clean_name(_span_text(span), titles=label is EntityType.PERSON)
    if not name_tokens(name):
        return None
    if label is EntityType.NORP and DEMONYM.name not in disabled:
        entry = gazetteer.demonym(name)
        if entry is not None:
            return entry.name, entry.type
    words = name.split()
    if len(words) == 2 and words[1].lower() in GOVERNMENT_WORDS and GOVERNMENT.name not in disabled:
        # "the British Government", "the Russian administration" → the country
        entry = gazetteer.demonym(words[0]) or gazetteer.canonical(words[0])
        if entry is not None and entry.type is EntityType.GPE:
            return entry.name, entry.type
    if CANONICAL_NAME.name in disabled:
        return name, label
    entry = gazetteer.canonical(name)
    if entry is None and name.lower().startswith(("republic of ", "kingdom of ", "state of ")):
        # "the Republic of Belarus" → Belarus
        entry = gazetteer.canonical(name.split(" of ", 1)[1])
    if entry is None and (member := gazetteer.demonym(name)) is not None and member.type is EntityType.ORG:
        entry = member  # a party's member word tagged as a name of its own: "the Lib Dem"
    if entry is not None and (label is not EntityType.PERSON or entry.type in {EntityType.ORG, EntityType.EVENT}
                              or span.root.tag_ == "NNPS"):
        # a person may bear a place's name ("Jordan"), not a party's or an award's ("Labour", "Oscar"),
        # and no person is named in the plural ("the Springboks", a country's team)
        return entry.name, entry.type
    if (label in {EntityType.ORG, EntityType.GPE, EntityType.FAC, EntityType.OTHER} and len(words) > 1
            and words[-1].lower() in EVENT_HEADS and EVENT_NAME.name not in disabled):
        return name, EntityType.EVENT  # "the Rugby World Cup Sevens", "the Australian Open"
    return name, label


def merge_partial_names(doc: Doc, clusters: Sequence[Cluster], mentions: Sequence[Mention],
                        disabled: Collection[str] = ()) -> None:
    """Merge surname-only and partial person names into the full name they belong to, and short
    names of bodies into the one longer name they end."""
    if PARTIAL_NAME.name not in disabled:
        _merge_surnames(clusters, mentions, doc)
        _merge_knights(clusters)
    if FIRST_NAME.name not in disabled:
        _merge_first_names(clusters)
    if SHORT_NAME.name not in disabled:
        _merge_short_names(clusters)
    if ACRONYM.name not in disabled:
        _merge_acronyms(clusters)


def _merge_surnames(clusters: Sequence[Cluster], mentions: Sequence[Mention], doc: Doc) -> None:
    alone = {id(m.cluster) for m in mentions if m.end - m.start == 1 and doc[m.start].ent_type_ == "PERSON"
             and not _by_a_capital(doc[m.start])}
    full = [c for c in clusters if c.type() is EntityType.PERSON and len(c.key.split()) > 1]
    # a full name the model took for a body is a person's when the surname has an honorific:
    # "Vincent Cable" (tagged ORG) of "Mr Cable"
    # a place's name that starts with another place or a compass point, or a club's, is no
    # person's ("Manchester City", "South Yorkshire"), whatever the model tags its last word alone
    places = COMPASS | {c.key for c in clusters if c.type() in {EntityType.GPE, EntityType.LOC} and " " not in c.key}
    mistyped = [c for c in clusters if c.type() in _MISTAKEN_FOR and len(c.key.split()) == 2 and not c.body
                and not c.work and c.key.split()[-1] not in ORG_ENDINGS
                and (c.type() is EntityType.ORG or c.key.split()[0] not in places)]
    firsts: dict[int, list[int]] = {}
    for m in mentions:
        firsts.setdefault(id(m.cluster), []).append(m.start)
    for cluster in clusters:
        tokens = cluster.key.split()
        titled = _has_honorific(cluster, PERSON_HONORIFICS)
        # a full name is merged only when an honorific shows it is a surname: "Mr Kilroy-Silk"
        if (cluster in full and not titled) or not tokens or not (set(cluster.types) & SURNAME_TYPES):
            continue
        if cluster.types[EntityType.GPE] + cluster.types[EntityType.LOC] > cluster.mentions // 2:
            continue
        # ... or when the model tags the surname as a person where it stands alone: "Jones" of
        # "Marion Jones" (ORG), not the "Boerse" of "German Boerse" (Deutsche Boerse, ORG)
        typed = titled or (len(tokens) == 1 and cluster.type() is EntityType.PERSON and id(cluster) in alone)
        candidates = [
            c for c in (full + mistyped if typed else full)
            if c is not cluster and set(tokens) <= set(c.key.split()) and c.key.split()[-1] == tokens[-1]
        ]
        if not candidates:
            continue
        start = cluster.first
        preceding = [c for c in candidates if min(firsts.get(id(c), [start])) <= start]
        pool = preceding or candidates
        target = max(pool, key=lambda c: (max((s for s in firsts.get(id(c), []) if s <= start), default=-1),
                                          c.mentions, c.key))
        if target in mistyped:
            target.types[EntityType.PERSON] += cluster.mentions  # the honorific or the surname decides its type
        link(cluster, target)


def _merge_first_names(clusters: Sequence[Cluster]) -> None:
    # a person called by the first name alone ("Serena added", "Joe wants to") is the one person
    # of the article with that first name (a surname of someone's is merged with that person
    # before); not a word that starts a body's or a place's name too ("Yukos" of "Yukos Russia",
    # a headline run together)
    people = [c for c in clusters if c.merged_into is None and c.type() is EntityType.PERSON
              and not c.body and not c.work]
    full = [c for c in people if len(c.key.split()) > 1 and c.key.split()[-1] not in EVENT_HEADS]  # "Davis Cup"
    others = {c.key.split()[0] for c in clusters if c not in people and c.key}
    for cluster in people:
        if len(cluster.key.split()) != 1 or cluster.key in others or _has_honorific(cluster, HONORIFICS):
            continue
        _link_to_the_one_starting_so(cluster, full)


def _merge_knights(clusters: Sequence[Cluster]) -> None:
    # a knight or dame is named by the first name after the title: "Sir John" of "Sir John Stevens"
    titled = [c for c in clusters if c.merged_into is None and _has_honorific(c, _KNIGHTHOODS)]
    alone = [c for c in titled if len(c.key.split()) == 1]
    if not alone:
        return
    knights = [c for c in titled if len(c.key.split()) > 1 and c.type() is EntityType.PERSON]
    for cluster in alone:
        _link_to_the_one_starting_so(cluster, knights)


def _link_to_the_one_starting_so(cluster: Cluster, full: Sequence[Cluster]) -> None:
    """Merge a one-word name into the one full name of ``full`` that starts with it, if only one does."""
    named = [c for c in full if c.key.split()[0] == cluster.key]
    if len(named) == 1 and cluster.merged_into is None:
        link(cluster, named[0])


#: What the model takes a person's full name for: a body, a place, a building ("Thabo Mbeki" as a place).
_MISTAKEN_FOR = frozenset({EntityType.ORG, EntityType.GPE, EntityType.LOC, EntityType.FAC})

#: The titles a knight or dame is called by with the first name alone.
_KNIGHTHOODS = frozenset({"sir", "dame"})


def _has_honorific(cluster: Cluster, honorifics: Collection[str]) -> bool:
    """Whether the article writes the cluster's name after one of ``honorifics`` ("Mr Cable")."""
    return any(s.split()[0].lower().rstrip(".") in honorifics for s in cluster.surfaces if s.split())


def _merge_short_names(clusters: Sequence[Cluster]) -> None:
    # organisations: "the Telegraph" → "Daily Telegraph" (the shorter name ends like the longer one)
    orgs = [c for c in clusters if c.merged_into is None and c.type() is EntityType.ORG]
    # a lone word spaCy took for a person, never written with an honorific and no person's surname:
    # "the Telegraph" after "the Daily Telegraph"
    lone = [c for c in clusters if c.merged_into is None and c.type() is EntityType.PERSON
            and len(c.key.split()) == 1
            and not _has_honorific(c, HONORIFICS)]
    for cluster in orgs + lone:
        tokens = cluster.key.split()
        longer = [c for c in orgs if c is not cluster and c.merged_into is None
                  and len(c.key.split()) > len(tokens) and c.key.split()[-len(tokens):] == tokens
                  and not _after_hyphen(cluster, c)]
        if len(longer) == 1:
            link(cluster, longer[0])


def _after_hyphen(short: Cluster, long: Cluster) -> bool:
    """True when the shorter name is the part after a hyphen in the longer one: "BP" of "TNK-BP",
    "Ericsson" of "Sony-Ericsson", a parent firm named in its joint venture's name."""
    return any(name.lower().endswith("-" + part.lower()) for name in long.names for part in short.names)


def _merge_acronyms(clusters: Sequence[Cluster]) -> None:
    # a body's initials written alone are that body: "the NAO" after "the National Audit Office"
    initials = [(c, name) for c in clusters if c.merged_into is None and c.names
                for name in [c.names.most_common(1)[0][0]]
                if len(name) >= 3 and name.isalpha() and name.isupper()]
    if not initials:
        return
    orgs = [c for c in clusters if c.merged_into is None and len(c.key.split()) > 2 and c.type() is EntityType.ORG]
    for cluster, name in initials:
        longer = [c for c in orgs if c is not cluster and c.merged_into is None
                  and any(abbreviates(name, n) for n in c.names)]
        if len(longer) == 1 and cluster.merged_into is None:
            link(cluster, longer[0])


def abbreviates(acronym: str, name: str) -> bool:
    """True when ``acronym`` is made of the initials of ``name`` ("LSE" of "London Stock Exchange").

    >>> abbreviates("LSE", "the London Stock Exchange"), abbreviates("US", "Andre Agassi")
    (True, False)
    """
    words = [w for w in name.replace("-", " ").split() if w.lower() not in MINOR_WORDS]
    return acronym.upper() == "".join(w[0].upper() for w in words if w[:1].isalpha())


def propagate_names(doc: Doc, mentions: list[Mention], sentence_of: dict[int, int],
                    disabled: Collection[str] = ()) -> None:
    """Find further occurrences of names the model recognised elsewhere in the article.

    NER is not consistent within an article ("LSE" tagged in one sentence, missed in "LSE chief
    executive Clara Furse"); each name recognised once is matched, case-sensitively and only over
    proper nouns, everywhere else in the article.
    """
    if not mentions:
        return
    if ACRONYM.name not in disabled:
        _bracketed_acronyms(doc, mentions, sentence_of)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    if REPEATED_NAME.name not in disabled:
        _repeated_names(doc, mentions, sentence_of, covered, people=ONE_OF_A_PEOPLE.name not in disabled)
    if UNTAGGED_SURNAME.name not in disabled:
        _untagged_surnames(doc, mentions, sentence_of, covered)
    if GROUP_MEMBER_WORD.name not in disabled:
        _group_member_words(doc, mentions, sentence_of, covered)
    mentions.sort(key=lambda m: m.start)


def _bracketed_acronyms(doc: Doc, mentions: list[Mention], sentence_of: dict[int, int]) -> None:
    """"the London Stock Exchange (LSE)": the acronym in brackets is another name for the entity."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in list(mentions):
        if not (m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")"):
            continue
        acronym = doc[m.end + 1]
        if not (acronym.is_upper and acronym.is_alpha and len(acronym.text) >= 2):
            continue
        if not abbreviates(acronym.text, doc[m.start : m.end].text):
            continue  # "Andre Agassi (US)": a bracketed country, not an abbreviation
        if acronym.i in taken:
            other = next((o for o in mentions if o.start == acronym.i), None)
            if other is not None and other.cluster.root() is not m.cluster.root():
                link(other.cluster, m.cluster)
            continue
        # the acronym tagged elsewhere (a headline's "talks with LSE") is the same entity
        for other in mentions:
            if doc[other.start : other.end].text == acronym.text and other.cluster.root() is not m.cluster.root():
                link(other.cluster, m.cluster)
        m.cluster.surfaces.add(acronym.text)
        m.cluster.mentions += 1
        taken.add(acronym.i)
        mentions.append(Mention(acronym.i, acronym.i + 1, acronym.i, sentence_of[acronym.i], m.cluster, False))


def _repeated_names(doc: Doc, mentions: list[Mention], sentence_of: dict[int, int], covered: set[int],
                    people: bool = True) -> None:
    """Every further occurrence of a tagged proper name is a mention of the same actor."""
    names: dict[tuple[int, ...], Cluster] = {}
    for m in mentions:
        words = [t for t in doc[m.start : m.end] if t.tag_ != "POS" and t.lower_ != "the"]
        if not words or not any(t.pos_ == "PROPN" for t in words) or not words[0].text[:1].isupper():
            continue
        names.setdefault(tuple(t.orth for t in words), m.cluster)
    if not names:
        return
    orth = doc.to_array("ORTH").tolist()
    starts: dict[int, list[tuple[int, ...]]] = {}
    for name in names:
        starts.setdefault(name[0], []).append(name)
    found = [(i, i + len(name), names[name]) for i, first in enumerate(orth) if first in starts
             for name in starts[first] if tuple(orth[i : i + len(name)]) == name]
    for start, end, cluster in sorted(found, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(i in covered for i in range(start, end)):
            continue
        span = doc[start:end]
        if not any(t.pos_ == "PROPN" for t in span):
            continue
        if end - start == 1 and one_of_a_people(span[0]) and cluster.type() is EntityType.GPE and people:
            continue  # "the Spaniard" after "Spaniard Rafael Nadal": a person, not Spain
        cluster.mentions += 1
        covered.update(range(start, end))
        mentions.append(Mention(start, end, span.root.i, sentence_of[start], cluster, is_subject(span.root)))


def _untagged_surnames(doc: Doc, mentions: list[Mention], sentence_of: dict[int, int], covered: set[int]) -> None:
    """A tagged person's surname written alone where the model tagged nothing is that person ("Federer
    overcame Hewitt" after "Roger Federer"), unless two people of the article share it or it is part
    of another name."""
    owners: dict[str, dict[int, Cluster]] = {}
    for m in mentions:
        words = [t for t in doc[m.start : m.end] if t.tag_ != "POS"]
        last = words[-1] if len(words) >= 2 else None
        if (last is not None and m.cluster.type() is EntityType.PERSON and not m.cluster.body and not m.cluster.work
                and last.pos_ == "PROPN" and last.is_alpha and last.text[:1].isupper() and not last.is_upper):
            owners.setdefault(last.text, {})[id(m.cluster)] = m.cluster
    if not owners:
        return
    for token in tokens_among(doc, owners, "ORTH"):
        people = owners[token.text]
        if token.i in covered or len(people) != 1 or token.pos_ != "PROPN" or _beside_a_capital(token):
            continue
        (cluster,) = people.values()
        cluster.mentions += 1
        covered.add(token.i)
        mentions.append(Mention(token.i, token.i + 1, token.i, sentence_of[token.i], cluster, is_subject(token)))


def _beside_a_capital(token: Token) -> bool:
    """Whether a capitalised word stands just before ``token`` (other than an honorific or a title:
    "Mr Federer", "Professor Curtice", "Striker Rooney") or just after it: then ``token`` is part of
    another name ("Venus Williams", "C Sweeney", "Brown Street")."""
    doc, sent = token.doc, token.sent
    before = doc[token.i - 1] if token.i > sent.start else None
    after = doc[token.i + 1] if token.i + 1 < sent.end else None
    if (before is not None and before.text[:1].isupper() and before.pos_ == "PROPN"
            and before.lower_.rstrip(".") not in _NAME_TITLES):
        return True
    return after is not None and after.text[:1].isupper() and after.pos_ in {"PROPN", "NOUN"}


def _by_a_capital(token: Token) -> bool:
    """Whether a capitalised word of any kind stands beside ``token`` in its sentence ("German
    Boerse"), or it is beside a capitalised name (see :func:`_beside_a_capital`)."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return _beside_a_capital(token) or (before is not None and before.text[:1].isupper() and before.is_alpha
                                        and before.lower_.rstrip(".") not in _NAME_TITLES)


#: Words that title a surname after them: honorifics, offices, professions, players' positions.
_NAME_TITLES = PERSON_HONORIFICS | OFFICE_NOUNS | PROFESSION_NOUNS | PLAYER_NOUNS | EMPLOYEE_NOUNS


def _group_member_words(doc: Doc, mentions: list[Mention], sentence_of: dict[int, int], covered: set[int]) -> None:
    """A member's word for a group named in the plural: "Conservative shadow foreign secretary
    Michael Ancram" after "the Conservatives" is the party's, as is "a Democrat senator"."""
    plurals = {doc[m.root].text[:-1]: m.cluster for m in mentions
               if m.end - m.start - (doc[m.start].lower_ == "the") == 1 and doc[m.root].text.endswith("s")
               and doc[m.root].text[:1].isupper() and len(doc[m.root].text) > 4}
    for token in tokens_among(doc, plurals, "ORTH") if plurals else []:
        group = plurals[token.text]
        if token.i in covered or token.dep_ not in {"amod", "compound", "nmod"}:
            continue
        if group.type() not in {EntityType.ORG, EntityType.NORP}:
            continue
        group.mentions += 1
        group.surfaces.add(token.text)
        covered.add(token.i)
        mentions.append(Mention(token.i, token.i + 1, token.i, sentence_of[token.i], group, False))


def merge_known_as(doc: Doc, mentions: Sequence[Mention], disabled: Collection[str] = ()) -> None:
    """Make Y an alias of X in "X, (also) known as Y" and "X, (better) known as Y"."""
    if KNOWN_AS.name in disabled:
        return
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        for child in doc[m.root].children:
            if child.dep_ != "acl" or child.lemma_.lower() != "know":
                continue
            for prep in child.children:
                if prep.dep_ != "prep" or prep.lower_ != "as":
                    continue
                for pobj in prep.children:
                    other = at.get(pobj.i)
                    if other is not None and other.cluster.root() is not m.cluster.root():
                        link(other.cluster, m.cluster)


RULES = (CANONICAL_NAME, DEMONYM, PARTIAL_NAME, FIRST_NAME, SHORT_NAME, ACRONYM, REPEATED_NAME, UNTAGGED_SURNAME,
         GROUP_MEMBER_WORD, KNOWN_AS, EVENT_NAME)
