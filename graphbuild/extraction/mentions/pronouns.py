"""Pronouns: the ``coreference`` family.

``he``/``she`` resolve to the most recent person, preferring a subject and respecting the
article's honorifics; ``they`` to the latest body, country or group that was a subject, unless a
plural noun was a subject after it ("Analysts said they ..."); ``it`` to the latest body,
country, work or event that was one (an object "it" only to the object of a verb before it:
"quit the party and accused it of"); possessive pronouns the same way, seen only by the rules
that ask; and ``its`` before a named person's office, with no body as subject, to the last
country or body named outside quotation marks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Token

from graphbuild.extraction.mentions.clusters import Cluster, Mention
from graphbuild.extraction.mentions.words import (
    BODY_PEOPLE,
    DUMMY_IT_VERBS,
    FEMALE_HONORIFICS,
    GROUP_TYPES,
    MALE_HONORIFICS,
    OFFICE_NOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_GENDER,
    PRONOUN_WINDOW,
    THING_PRONOUNS,
)
from graphbuild.extraction.rule import Example, Rule, Stage
from graphbuild.model import EntityType

__all__ = ["FIRST_PERSON", "RULES", "antecedent", "cataphor", "gender_of", "office_holder_body", "quote_speaker"]


def _rule(name: str, construction: str, *examples: Example) -> Rule:
    return Rule(name=name, family="coreference", construction=construction, examples=examples,
                stage=Stage.RESOLUTION)


PRONOUN = _rule(
    "pronoun", "he, she, they, it: the latest fitting actor, a subject first, of the gender the honorifics give",
    Example(text="Boris Johnson arrived in Paris on Monday. He met Emmanuel Macron at the palace.",
            triples=(("Boris Johnson", "meet", "Emmanuel Macron"),)),
    Example(text="Microsoft raised prices in January. It later sued Google over the patents.",
            triples=(("Microsoft", "sue", "Google"),)),
    Example(text="Ms Rachel Ellis chaired the meeting. Mr Tom Hale spoke next, and she thanked Germany.",
            triples=(("Rachel Ellis", "thank", "Germany"),)),
    Example(text="Microsoft raised prices in January. It seems to worry Google.",
            absent=(("Microsoft", "worry", "Google"),)),
    Example(text="Microsoft raised prices in January. It would be up to the American authorities to decide.",
            absent=(("Microsoft", "*", "United States"),)),  # a dummy
    Example(text="Pervez Musharraf arrived on Monday. Standing next to Tony Blair, he praised Germany.",
            triples=(("Pervez Musharraf", "praise", "Germany"),),
            absent=(("Tony Blair", "praise", "Germany"),)),  # not the one his own phrase names
    Example(text="The film Gladiator won five awards. It was shown at the Odeon before it opened in Paris.",
            triples=(("Gladiator", "show_at", "Odeon"),)),  # "it" for a work
    Example(text="New York Attorney General Elliot Spitzer sued the company, accusing it of rigging bids.",
            absent=(("Elliot Spitzer", "accuse", "New York"),)),  # a body that labels a person
    Example(text="Sony released the console in March. Bill Gates said he had already bought it.",
            absent=(("Bill Gates", "buy", "Sony"),)),  # an object "it" is the thing, not the last subject
    Example(text="Robert Kilroy-Silk has quit the UK Independence Party and accused it of betraying its supporters.",
            triples=(("Robert Kilroy-Silk", "accuse", "UK Independence Party"),)),  # the object before it
    Example(text="Microsoft raised prices in January. Analysts said they expected Google to follow.",
            absent=(("Microsoft", "expect", "Google"),)),  # "they" are the analysts
    Example(text="Despite giving their backing to the cards, the Conservatives insisted they would hold ministers to "
                 "account over the precise purpose of the scheme. They said they would also press Labour on the cards.",
            # "ministers" is no subject of a finite verb
            triples=(("Conservative Party", "press", "Labour Party"),)),
    Example(text="Nato ministers met in London on Friday. Max Lawson said they should cancel the plan.",
            triples=(("Max Lawson", "urge", "Nato"),)))  # a body's people stand for the body
POSSESSIVE_PRONOUN = _rule(
    "possessive_pronoun", "his, her, its, their before an office or a journey: whose it is",
    Example(text="Siemens said on Monday that its founder Werner Mayer had died.",
            triples=(("Werner Mayer", "found", "Siemens"),)),
    Example(text="Gordon Brown has returned from his mission to Africa.",
            triples=(("Gordon Brown", "travel_to", "Africa"),)))
OFFICE_HOLDER_BODY = _rule(
    "office_holder_body", "\"its\" before a named person's office, with no body as subject: the last body named",
    Example(text="Politicians in the state of Bavaria are angry. \"We want the jobs to stay in Munich,\" "
                 "Markus Weber, its minister for economic affairs, said.",
            triples=(("Markus Weber", "minister_of", "Bavaria"),)))

SPEAKER = _rule(
    "speaker", "\"I\", \"me\" and \"my\" in a quotation are whoever the sentence says is speaking",
    Example(text='"I want Norwich to be the nightspot of East Anglia," said Andy Hayman.',
            triples=(("Andy Hayman", "want", "Norwich"),)),
    Example(text='Andy Hayman said: "I want Norwich to succeed."', triples=(("Andy Hayman", "want", "Norwich"),)))

CATAPHOR = _rule(
    "cataphor", "he or she in a clause before the main one is the person the main clause names as its subject",
    Example(text="David Blunkett arrived. Jack Straw spoke first. When he introduced the Identity Cards Bill, "
                 "Mr Blunkett smiled.",
            triples=(("David Blunkett", "introduce", "Identity Cards Bill"),),
            absent=(("Jack Straw", "introduce", "*"),)))

GIVEN_NAME = _rule(
    "given_name", "a person's first name tells \"he\" from \"she\" where no honorific does: \"Alicia Keys\" is no "
    "\"him\"",
    Example(text="Alicia Keys met Jamie Foxx at the Staples Center in Los Angeles. Keys told him she admired "
                 "Ray Charles.",
            triples=(("Alicia Keys", "speak_to", "Jamie Foxx"),)))

RULES = (PRONOUN, POSSESSIVE_PRONOUN, OFFICE_HOLDER_BODY, SPEAKER, CATAPHOR, GIVEN_NAME)

#: Verbs that introduce a quotation: "said Andy Hayman", "he told the BBC".
_QUOTING_VERBS = frozenset({"say", "tell", "add", "insist", "argue", "explain", "write", "warn", "claim", "admit",
                            "state", "declare", "reply", "ask", "continue", "conclude", "tweet", "quip"})
FIRST_PERSON = frozenset({"i", "me", "my", "myself"})


def gender_of(surfaces: Iterable[str], given_names: Mapping[str, str] | None = None) -> str | None:
    """"m" or "f" when the honorifics a person is written with agree, or else (with ``given_names``)
    when the first names of the full names they are written with do; None when nothing tells."""
    names = [s.split() for s in surfaces if s.split()]
    words = {name[0].lower().rstrip(".") for name in names}
    male, female = bool(words & MALE_HONORIFICS), bool(words & FEMALE_HONORIFICS)
    if male != female:
        return "m" if male else "f"
    if male or not given_names:
        return None  # honorifics of both sexes: two people in one, or a slip
    sexes = {given_names.get(name[0]) for name in names if len(name) > 1}
    return next(iter(sexes)) if len(sexes) == 1 and None not in sexes else None


def cataphor(pronoun: Token, mentions: Sequence[Mention], genders: dict[int, str | None]) -> Cluster | None:
    """The person a "he" or "she" points forward to: "When he was introducing the bill, Mr Blunkett
    suggested …" → Blunkett, the subject of the main clause the pronoun's clause comes before."""
    if pronoun.lower_ not in {"he", "she"} or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = pronoun.head
    if clause.dep_ != "advcl":
        return None
    # the main clause is the first verb above the pronoun's clause that comes after it (the parser
    # may hang the clause on a verb before it: "cards would be issued and, when he was …, Mr X said")
    main = next((verb for verb in clause.ancestors if verb.i > clause.i), None)
    subject = next((c for c in main.children if c.dep_ == "nsubj"), None) if main is not None else None
    if subject is None or subject.i < clause.right_edge.i:
        return None
    named = next((m for m in mentions if m.start <= subject.i < m.end), None)
    if named is None:
        return None
    root = named.cluster.root()
    if not any(m.end <= pronoun.i and m.cluster.root() is root for m in mentions):
        return None  # a person named for the first time is no one "he" can point to yet
    if root.type() is not EntityType.PERSON or genders.get(id(root)) not in {None, PRONOUN_GENDER.get(pronoun.lower_)}:
        return None
    return root


def office_holder_body(pronoun: Token, sentence: int, mentions: Sequence[Mention],
                        types: dict[int, EntityType]) -> Cluster | None:
    """Whose office a named person holds when no subject is "its" antecedent.

    In `Alois Rhiel, its minister for economic affairs` after `Politicians in Frankfurt's state of
    Hessen have spoken out`, "its" is the last country or body named in this sentence or the
    previous one, outside quotation marks (a quote names things in its speaker's words).
    """
    office = pronoun.head
    if office.dep_ != "appos" or office.lemma_.lower() not in OFFICE_NOUNS:
        return None
    doc = pronoun.doc
    for back in (0, 1):
        pool = [m for m in mentions if m.sentence == sentence - back and m.end <= pronoun.i
                and types[id(m.cluster.root())] in {EntityType.ORG, EntityType.GPE} and not quoted(doc[m.start])]
        if pool:
            return pool[-1].cluster.root()
    return None


def quoted(token: Token) -> bool:
    """Whether `token` is inside quotation marks opened earlier in its sentence."""
    marks = sum(1 for t in token.doc[token.sent.start:token.i] if t.text in {'"', "“", "”"})
    return marks % 2 == 1


def _plans_to(be: Token) -> bool:
    """"it was to offload its division": "be" with an active infinitive and nothing else to say what
    "it" is, so "it" is an actor that plans to act, not a dummy ("it is wrong to", "it was to be expected")."""
    if be.lemma_.lower() != "be" or any(c.dep_ in {"acomp", "attr"} or c.lower_ == "up" for c in be.children):
        return False  # "it would be up to the authorities to decide": a dummy
    return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
               and not any(a.dep_ == "auxpass" for a in c.children) for c in be.children)


#: What "it" may stand for: a body, a country, a work or product, an event.
_IT_TYPES = frozenset({EntityType.ORG, EntityType.GPE, EntityType.OTHER, EntityType.EVENT})


def antecedent(pronoun: Token, sentence: int, mentions: Sequence[Mention],
                types: dict[int, EntityType], genders: dict[int, str | None]) -> Cluster | None:
    """Pick the cluster a personal or group pronoun refers to (see the module docstring).

    A possessive pronoun is resolved as its personal one: "its" as "it", "his" as "he".
    """
    lower = POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_)
    if lower in THING_PRONOUNS:
        # "it": the last organisation or country that was a subject, in the same sentence or the
        # previous one; never a dummy subject
        head = pronoun.head
        extraposed = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in {"that", "whether", "if"}
                                                   for m in c.children) for c in head.children)
        if (head.lemma_.lower() in DUMMY_IT_VERBS and not _plans_to(head)) or extraposed:
            return None
        if pronoun.lower_ == "it" and pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return _object_before(pronoun, mentions, types)
        # a body or country that only labels a person ("New York Attorney General Elliot Spitzer sued
        # the company, accusing it") is no subject "it" can mean
        people = {i for m in mentions if types[id(m.cluster.root())] is EntityType.PERSON
                  for i in range(m.start, m.end)}
        same = [m for m in mentions if m.sentence == sentence and m.end <= pronoun.i and m.subject
                and types[id(m.cluster.root())] in _IT_TYPES and not _labels_a_person(m, pronoun, people)]
        if same:
            return same[-1].cluster.root()
        previous = [m for m in mentions if m.sentence == sentence - 1 and m.subject
                    and types[id(m.cluster.root())] in _IT_TYPES and not _labels_a_person(m, pronoun, people)]
        return previous[-1].cluster.root() if previous else None
    if lower in PERSON_PRONOUNS:
        window, wanted, subjects_only = PRONOUN_WINDOW, {EntityType.PERSON}, False
    else:
        window, wanted, subjects_only = 1, set(GROUP_TYPES), True
    # "she" never resolves to a man the article calls Mr, nor "he" to a woman it calls Ms
    gender = PRONOUN_GENDER.get(lower)
    own = _own_adjuncts(pronoun)
    for back in range(window + 1):
        pool = [
            m for m in mentions
            if m.sentence == sentence - back and m.end <= pronoun.i and types[id(m.cluster.root())] in wanted
            and (gender is None or genders.get(id(m.cluster.root())) in {None, gender}) and m.root not in own
        ]
        subjects = [m for m in pool if m.subject]
        if subjects_only:
            plural = _plural_subject(pronoun, back, mentions)
            if plural is not None and (not subjects or plural > subjects[-1].root):
                return None  # "The companies insist they were victims": they are the companies
        if subjects:
            return subjects[-1].cluster.root()
        if pool and not subjects_only:
            return pool[-1].cluster.root()
    return None


def _object_before(pronoun: Token, mentions: Sequence[Mention], types: dict[int, EntityType]) -> Cluster | None:
    """What an "it" that is no subject stands for: the object of a verb before it in its own
    sentence, if that is a body, country, work or event ("sued the company, accusing it of"); an
    "it" in "broke it again", "has it in the bag" or "battling it out" is seldom an actor at all."""
    objects = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ == "dobj"]
    if not objects:
        return None
    last = objects[-1].i
    for m in mentions:
        if m.start <= last < m.end and types[id(m.cluster.root())] in _IT_TYPES:
            return m.cluster.root()
    return None


def _plural_subject(pronoun: Token, back: int, mentions: Sequence[Mention]) -> int | None:
    """The last plural common noun that is the subject of a finite verb before ``pronoun``, ``back``
    sentences before its own ("The companies insist", "United fans have reacted"): what "they" most
    likely means. Not a body's people ("G7 ministers"), who stand for the body, nor a noun a mention
    covers, nor the subject of an infinitive ("hold ministers to account")."""
    sent = pronoun.sent
    for _ in range(back):
        if sent.start == 0:
            return None
        sent = pronoun.doc[sent.start - 1].sent
    nouns = [t for t in sent if t.i < pronoun.i and t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ == "NNS"
             and _finite(t.head)]
    if not nouns:
        return None
    covered = {i for m in mentions if m.start < sent.end and m.end > sent.start for i in range(m.start, m.end)}
    found = [t.i for t in nouns if t.i not in covered
             and not (t.lemma_.lower() in BODY_PEOPLE and any(c.i in covered for c in t.children))]
    return found[-1] if found else None


def _finite(verb: Token) -> bool:
    """Whether ``verb`` is finite, or made so by an auxiliary ("have reacted", "will face")."""
    return any("Fin" in t.morph.get("VerbForm", []) or t.tag_ == "MD"
               for t in (verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})))


def _labels_a_person(mention: Mention, pronoun: Token, people: set[int]) -> bool:
    """Whether ``mention`` is a word in front of a person's name ("New York Attorney General Elliot
    Spitzer", "Tory leader Michael Howard"): its head, up the chain of names, is the person's."""
    token = pronoun.doc[mention.root]
    if token.dep_ not in {"compound", "amod", "nmod"}:
        return False
    head = token.head
    while head.dep_ in {"compound", "flat"} and head.head.i != head.i and head.i not in people:
        head = head.head
    return head.i in people


def _own_adjuncts(pronoun: Token) -> set[int]:
    """The tokens of the phrases before a subject pronoun that its own verb governs and whose doer
    it is: in "Standing next to Mr Blair, he added" he is not Blair, nor in "With Blair beside
    him, he ...". A clause with a subject of its own ("When Blair arrived, he ...") may name him."""
    head = pronoun.head
    if pronoun.dep_ != "nsubj" or head.i == pronoun.i:
        return set()
    return {t.i for c in head.children if c.i < pronoun.i and (
        c.dep_ == "prep" or (c.dep_ == "advcl" and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)))
        for t in c.subtree}


def quote_speaker(pronoun: Token, mentions: Sequence[Mention], resolved: Sequence[Mention], sentence: int,
                  types: dict[int, EntityType], genders: dict[int, str | None]) -> Cluster | None:
    """Who says the quotation a first-person pronoun is in: the subject of the sentence's verb of
    saying outside the quotation marks, named or a resolved he or she ("...," he said)."""
    if not quoted(pronoun):
        return None
    for verb in pronoun.sent:
        if verb.lemma_.lower() not in _QUOTING_VERBS or quoted(verb):
            continue
        for subject in verb.children:
            if subject.dep_ != "nsubj":
                continue
            speaker = next((m.cluster.root() for m in mentions if m.start <= subject.i < m.end), None)
            if speaker is None and subject.lower_ in PERSON_PRONOUNS:
                speaker = antecedent(subject, sentence, resolved, types, genders)
            if speaker is not None and types.get(id(speaker)) is EntityType.PERSON:
                return speaker
    return None
