"""Find the actors an article mentions and resolve them within the article.

Resolution rules, each applied to the spaCy ``Doc`` of one whole article:

* titles and honorifics are stripped (``Mr Wallace`` → ``Wallace``, ``Prime minister Boris
  Johnson`` → ``Boris Johnson``), as are possessives (``Russia’s`` → ``Russia``);
* well-known places and bodies take their canonical name from the gazetteer (``UK``,
  ``Britain`` → ``United Kingdom``);
* demonyms become the country (``Russian president`` → ``Russia``);
* partial person names merge into the full name they are part of, including its surname
  (``Wallace`` → ``Ben Wallace``), choosing the nearest preceding full name when several fit;
* a definite role description refers to the person introduced with that role (``Russian
  president Vladimir Putin`` … ``the Russian president`` → Putin), matching the role's country
  or organisation when the description names one, and only when one person fits or one was named
  in the latest sentence; a lede's ``The UK defence secretary`` is the person the next sentence
  names;
* ``the newspaper``, ``the company``, ``the alliance`` refer to the latest organisation that was a
  subject within two sentences; ``the Russian oil giant`` to the one organisation the article
  named with that trade (``oil group Yukos``);
* a country's court stands for the country (``a US court``), a city's does not;
* ``he``/``she``/``him``/``her`` resolve to the most recent person, preferring one that was the
  subject of its clause, and never to one the article's honorifics give the other gender (``Mr``,
  ``Sir`` / ``Ms``, ``Mrs``, ``Miss``, ``Dame``); ``they``/``them`` to the most recent
  organisation, country or group that was a subject, in the same or the previous sentence;
  possessive pronouns resolve the same way but only the rules that ask see them, and ``its``
  before a named person's office with no body as subject is the last country or body named
  outside quotation marks (``Alois Rhiel, its minister for economic affairs``);
* some actors are made from the parse rather than tagged: events named by an actor (``the
  Palestinian presidential election``), a people's forces (``British forces``), the seat before an
  elected title (``the Glasgow Kelvin MP``), owner and owned in one tagged name (``the Russian
  Federation's Armed Forces``), and named groups of countries (``the Baltic states``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from graphbuild.model import ArticleEntity, Entity, EntityType
from graphbuild.names import HONORIFICS, TITLE_WORDS, Gazetteer, clean_name, entity_key, name_tokens

__all__ = ["ACTOR_LABELS", "POSSESSIVE_MARKS", "ArticleMentions", "find_mentions"]

#: spaCy entity labels that name actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

#: Words that make a region of a place: "eastern Europe" is its own place, not Europe.
_COMPASS = frozenset({
    "eastern", "western", "northern", "southern", "central", "east", "west", "north", "south",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
})
#: Nouns that make "<country> <noun>" stand for the country.
_GOVERNMENT_WORDS = frozenset({"government", "administration", "authorities", "cabinet"})
#: A country's courts stand for it ("filed in a US court"); a city's court does not ("a Houston court").
_COURT_WORDS = frozenset({"court"})
#: Nouns that name a part of an actor and can stand for it ("troops of X", "members of X").
_PARTITIVE = frozenset({
    "unit", "member", "troop", "force", "soldier", "official", "representative", "delegation", "delegate",
    "spokesman", "spokeswoman", "spokesperson", "part", "majority", "minority", "section", "wing", "branch",
})
#: Nouns for a person's rule that stand for the ruler: "money from Saddam Hussein's regime" → Saddam Hussein.
_RULER_NOUNS = frozenset({"regime", "dictatorship", "junta"})
_PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
#: A person's gender as the article's own honorifics give it (Mr Galloway, Ms King), for he/she.
_MALE_HONORIFICS = frozenset({"mr", "sir"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
_THING_PRONOUNS = frozenset({"it"})
#: Nouns that name a body, not a person: "oil group Yukos", "Yukos, Yugansk's former owner".
_ORG_NOUNS = frozenset({
    "group", "company", "firm", "bank", "giant", "exchange", "bourse", "party", "newspaper", "agency",
    "operator", "producer", "carrier", "airline", "maker", "insurer", "retailer", "broker", "brokerage",
    "conglomerate", "corporation", "subsidiary", "owner", "network", "broadcaster", "daily", "tabloid",
    "suitor", "bidder",
})
#: Body nouns that, bare ("the newspaper said"), refer back to an organisation. Not "the group"
#: (a squad, a band) nor "the giant", and not nouns for a role a body plays ("the owner", "the
#: bidder"); an alliance is a body too.
_BODY_DESCRIPTIONS = (_ORG_NOUNS - {
    "group", "giant", "agency", "broker", "brokerage", "subsidiary", "owner", "network", "suitor", "bidder",
}) | {"alliance", "bloc", "coalition"}
#: Possessive pronouns and the personal pronoun each resolves like.
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
#: Offices a person holds in a body or country, the nouns a possessive pronoun can own ("its
#: founder", "its minister for economic affairs"): titles without their modifiers, and more.
OFFICE_NOUNS = (TITLE_WORDS - {"the", "former", "ex", "foreign", "defence", "defense", "home", "interior", "finance",
                               "deputy", "shadow", "prime"}) | {
    "founder", "co-founder", "owner", "head", "leader", "boss", "member", "spokesman", "spokeswoman",
    "spokesperson", "editor", "executive", "officer", "ambassador", "envoy", "adviser", "advisor"}
#: Verbs whose subject "it" is usually a dummy ("it is wrong to…", "it emerged that…").
_DUMMY_IT_VERBS = frozenset({
    "be", "seem", "appear", "emerge", "come", "take", "remain", "happen", "matter", "look", "mean", "rain",
    "make", "say", "report", "understand", "believe", "expect", "know", "think", "turn", "become", "cost",
})
_GROUP_TYPES = frozenset({EntityType.ORG, EntityType.GPE, EntityType.NORP})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Types a lone surname may carry when spaCy mislabels it, and still merge into a person.
_SURNAME_TYPES = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.NORP, EntityType.FAC})
#: How many sentences back a pronoun may look for its antecedent.
_PRONOUN_WINDOW = 3
#: Tie-break order when a name carries several types.
_TYPE_PRIORITY = (
    EntityType.PERSON, EntityType.GPE, EntityType.ORG, EntityType.NORP,
    EntityType.LOC, EntityType.FAC, EntityType.EVENT, EntityType.OTHER,
)


@dataclass(slots=True, eq=False)
class _Cluster:
    """Mentions that resolve to one entity within an article (mutable while resolving; compared by identity)."""

    key: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[EntityType] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    first: int = 0
    mentions: int = 0
    merged_into: _Cluster | None = None
    #: named as a body somewhere ("oil group Yukos"): an organisation, whatever the tags say
    body: bool = False
    #: the trades it is named with ("oil" of "oil group Yukos"): "the Russian oil giant" is it; a
    #: root holds those of every cluster merged into it
    trades: set[str] = field(default_factory=set)

    def root(self) -> _Cluster:
        cluster = self
        while cluster.merged_into is not None:
            cluster = cluster.merged_into
        return cluster

    def type(self) -> EntityType:
        if self.types[EntityType.PERSON] and any(len(n.split()) > 1 for n in self.names if n):
            return EntityType.PERSON
        if self.body:
            return EntityType.ORG
        best = max(self.types.values())
        return next(t for t in _TYPE_PRIORITY if self.types[t] == best)

    def name(self) -> str:
        if self.type() is EntityType.PERSON:
            return max(self.names, key=lambda n: (len(n.split()), self.names[n], len(n), n))
        return max(self.names, key=lambda n: (self.names[n], len(n), n))


def _link(source: _Cluster, target: _Cluster) -> None:
    """Merge ``source``'s group into ``target``'s (roots only, so merges can never form a cycle)."""
    source_root, target_root = source.root(), target.root()
    if source_root is not target_root:
        source_root.merged_into = target_root
        target_root.trades |= source_root.trades


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    root: int
    sentence: int
    cluster: _Cluster
    subject: bool


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    """The resolved actors of one article and the tokens that mention each."""

    by_token: dict[int, Entity]
    entities: tuple[ArticleEntity, ...]
    #: possessive pronouns ("its founder", "his mission") and whose they are; kept apart from
    #: ``by_token`` so only the rules that ask for them see them
    possessors: dict[int, Entity] = field(default_factory=dict)
    #: the keys of the entities the gazetteer knows as countries
    countries: frozenset[str] = frozenset()

    def entity(self, token: Token) -> Entity | None:
        """Return the entity ``token`` mentions (or that its apposition names), if any."""
        found = self.by_token.get(token.i)
        if found is not None:
            return found
        if token.lemma_.lower() in _RULER_NOUNS:
            for child in token.children:
                ruler = self.by_token.get(child.i) if child.dep_ == "poss" else None
                if ruler is not None and ruler.type is EntityType.PERSON:
                    return ruler
        if token.lemma_.lower() in _PARTITIVE:
            # a named part is itself: "the Yuganskneftegas unit of Yukos" → Yuganskneftegas
            for child in token.children:
                named = self.by_token.get(child.i) if child.dep_ == "compound" else None
                if named is not None and named.type in {EntityType.ORG, EntityType.FAC}:
                    return named
        for child in token.children:
            # "the foreign secretary, Liz Truss": the noun stands for the person in apposition
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i]
            # a country's government: "the Russian government", "the UK authorities" → the country
            if (child.dep_ in {"amod", "compound"} and token.lemma_.lower() in _GOVERNMENT_WORDS
                    and child.i in self.by_token and self.by_token[child.i].type is EntityType.GPE):
                return self.by_token[child.i]
            if (child.dep_ in {"amod", "compound"} and token.lemma_.lower() in _COURT_WORDS
                    and child.i in self.by_token and self.by_token[child.i].key in self.countries):
                return self.by_token[child.i]
            # a part stands for the whole: "units of the Armed Forces", "members of the EU"
            if child.dep_ == "prep" and child.lower_ == "of" and token.lemma_.lower() in _PARTITIVE:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in self.by_token:
                        return self.by_token[pobj.i]
        return self._misplaced_apposition(token) if token.pos_ == "NOUN" else None

    def referent(self, token: Token) -> Entity | None:
        """Like :meth:`entity`, and for a possessive pronoun ("its founder") whose it is."""
        return self.entity(token) or self.possessors.get(token.i)

    def _misplaced_apposition(self, noun: Token) -> Entity | None:
        """The name right after "noun, (the)" that the parser hung on an earlier word.

        In "Hans Reckers, a board member of Germany's central bank, the Bundesbank" the parser
        makes the Bundesbank a second apposition of Reckers; it names the bank.
        """
        doc = noun.doc
        k = noun.i + 1
        if k >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        if k < len(doc) and doc[k].dep_ == "det":
            k += 1
        named = self.by_token.get(k) if k < len(doc) else None
        if named is None:
            return None
        root = doc[k]
        while root.head.i != root.i and self.by_token.get(root.head.i) is named:
            root = root.head
        return named if root.dep_ == "appos" and root.head.i < noun.i else None


def _is_subject(token: Token) -> bool:
    while token.dep_ in {"compound", "flat", "appos"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in _SUBJECT_DEPS


def _surface(doc: Doc, span: Span) -> str:
    """Return the span's text with a directly preceding honorific (``Mr Wallace``)."""
    start = span.start
    while start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS - {"the"}:
        start -= 1
    words = [t.text for t in doc[start : span.end] if t.tag_ != "POS"]
    return " ".join(words).strip()


#: Nouns that end a possessed name: "BBC Radio 4's Today programme".
_MEDIA_NOUNS = frozenset({
    "programme", "program", "show", "newspaper", "magazine", "channel", "website", "podcast", "bulletin",
    "documentary", "series",
})
#: Tokens that mark a possessive ("BBC Radio 4's", "the Times'").
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
#: Entity labels that are not names of things an organisation has ("Russia's Monday deadline").
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _possessed_names(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Names that follow an organisation's possessive and that spaCy did not tag.

    "told BBC Radio 4's World At One", "the BBC's Today programme", "the UN's Security Council":
    a run of capitalised words after the possessive (with a programme-like noun at its end) is a
    part of the organisation. A run that is a title ("Nato's Secretary General") or that leads
    into a person's name ("the BBC's Political Editor Andrew Marr") is not.
    """
    taken = {i for span in actors for i in range(span.start, span.end)}
    found: list[Span] = []
    for span in actors:
        if span.label_ != "ORG":
            continue
        end = span.end
        if doc[end - 1].lower_ not in POSSESSIVE_MARKS:
            if end < len(doc) and doc[end].lower_ in POSSESSIVE_MARKS:
                end += 1
            else:
                continue
        stop = end
        while (stop < len(doc) and stop - end < 6 and stop not in taken
               and (doc[stop].is_title or doc[stop].is_upper or doc[stop].like_num) and doc[stop].text.isalnum()):
            stop += 1
        if stop == end or (stop < len(doc) and stop in taken):
            continue
        run = doc[end:stop]
        if any(t.lower_ in TITLE_WORDS for t in run):
            continue
        if stop < len(doc) and doc[stop].lower_ in _MEDIA_NOUNS:
            stop += 1
        elif run[0].ent_type_ in _NUMERIC_LABELS:
            continue  # "Russia's Monday deadline"; "World At One" may end in a number
        found.append(Span(doc, end, stop, label="ORG"))
    return found


#: Titles whose holders are elected for a place: a name before them is the constituency or state.
_SEAT_TITLES = frozenset({"mp", "mep", "msp", "senator", "congressman", "congresswoman", "governor", "mayor"})


def _tokens_among(doc: Doc, words: Iterable[str], attr: str) -> list[Token]:
    """The tokens whose ``attr`` (LOWER, ORTH) is one of ``words``, found without visiting every token."""
    wanted = numpy.array([doc.vocab.strings.add(w) for w in words], dtype="uint64")
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted))] if len(doc) else []


def _constituencies(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Untagged names of the place an elected title is for: "the Glasgow Kelvin MP".

    A run of capitalised proper nouns right after "the" and right before such a title is a place
    (spaCy tags "Glasgow" at best, and "Glasgow Kelvin" is the seat).
    """
    taken = {i for span in actors for i in range(span.start, span.end)}
    found: list[Span] = []
    for title in _tokens_among(doc, _SEAT_TITLES, "LOWER"):
        if title.i < 2:
            continue
        start = title.i
        while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
               and doc[start - 1].head.i == title.i and doc[start - 1].lower_ not in TITLE_WORDS):
            start -= 1
        if start == title.i or start == 0 or doc[start - 1].lower_ != "the":
            continue
        if any(i in taken for i in range(start - 1, title.i)):
            continue
        found.append(Span(doc, start, title.i, label="GPE"))
    return found


#: Nouns that, named by a place, people or body before them, are events: "the London conference".
_EVENT_NOUNS = frozenset({"election", "conference", "summit", "referendum"})
_EVENT_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})


def _named_events(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Events named by an actor before the noun: "the Palestinian presidential election",
    "June's European Parliament elections", "a London conference".

    The event is an actor of its own (Abbas wins the election; he does not win the Palestinians);
    its span runs from the first modifier that names an actor to the noun.
    """
    starts = {span.start: span for span in actors}
    found: list[Span] = []
    # the event noun follows a name within a few words: look there, not at every token
    nouns = {i for span in actors if span.label_ in _EVENT_LABELS for i in range(span.end, min(span.end + 3, len(doc)))}
    for noun in (doc[i] for i in sorted(nouns)):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _EVENT_NOUNS:
            continue
        start = noun.i
        while (start > 0 and doc[start - 1].head.i in range(start, noun.i + 1)
               and doc[start - 1].dep_ in {"compound", "amod"} and doc[start - 1].ent_type_ not in _NUMERIC_LABELS):
            start -= 1
        named = [starts[i] for i in range(start, noun.i) if i in starts and starts[i].label_ in _EVENT_LABELS]
        if not named:
            continue
        found.append(Span(doc, named[0].start, noun.i + 1, label="EVENT"))
    return found


#: Nouns that make a people's armed forces an actor: "British forces", "Russian troops".
FORCE_NOUNS = frozenset({"forces", "troops", "soldiers"})


def _armed_forces(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A people's forces: "British forces are stationed in Basra" → the actor "British forces".

    The forces act, not the country ("Russian troops crossed into Ukraine"); the graph links them
    to the country with part_of.
    """
    return _named_with_noun(doc, actors, {"NORP"}, FORCE_NOUNS, "ORG")


#: Nouns that make a named group of countries an actor: "the Baltic states", "the Gulf states".
_STATE_GROUP_NOUNS = frozenset({"states", "republics", "countries", "nations"})


def _state_groups(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A named group of countries: "from the Baltic states to Romania" → the actor "Baltic states".

    The model tags only the adjective ("Baltic"), which names a sea, not the countries.
    """
    return _named_with_noun(doc, actors, {"LOC", "NORP"}, _STATE_GROUP_NOUNS, "LOC")


def _named_with_noun(doc: Doc, actors: Sequence[Span], labels: set[str], nouns: frozenset[str],
                     label: str) -> list[Span]:
    """Each tagged name (of `labels`) that modifies one of `nouns` right after it, with the noun, as `label`."""
    found: list[Span] = []
    for span in actors:
        if span.label_ not in labels or span.end >= len(doc):
            continue
        noun = doc[span.end]
        if noun.lower_ in nouns and span.root.head.i == noun.i and span.root.dep_ in {"amod", "compound"}:
            found.append(Span(doc, span.start, noun.i + 1, label=label))
    return found


def _without_title(span: Span) -> Span | None:
    """A tagged body that swallowed the title of the person after it, without the title.

    spaCy tags "pro-Iraq war Labour MP" in "... Labour MP Oona King" as one organisation; the
    body is "Labour", the capitalised run before the title. None when no name is left.
    """
    doc = span.doc
    if (span.label_ not in {"ORG", "NORP", "GPE"} or len(span) < 2 or span[-1].lower_ not in TITLE_WORDS
            or span.end >= len(doc) or doc[span.end].ent_type_ != "PERSON"):
        return span
    end = span.end - 1
    start = end
    while start > span.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
        start -= 1
    return Span(doc, start, end, label=span.label_) if start < end else None


def _split_possessives(doc: Doc, actors: Sequence[Span],
                       gazetteer: Gazetteer) -> tuple[list[Span], dict[int, str]]:
    """Split one tagged name that holds a possessive into owner and owned.

    spaCy tags "the Russian Federation's Armed Forces" as one place; it is an organisation, the
    Armed Forces, of the Russian Federation. The owned part keeps the whole name ("Russian
    Federation Armed Forces": other countries have armed forces too); the map gives it by start.
    """
    result: list[Span] = []
    names: dict[int, str] = {}
    for span in map(_without_title, actors):
        if span is None:
            continue
        marks = [t.i for t in span[1:-1] if t.lower_ in POSSESSIVE_MARKS and t.tag_ == "POS"]
        entry = gazetteer.canonical(clean_name(doc[span.start : marks[0]].text)) if len(marks) == 1 else None
        if span.label_ not in {"GPE", "ORG"} or entry is None or entry.type is not EntityType.GPE:
            # only a country owns: "the People's Bank", "the Professional Footballers' Association"
            # and "The Hitchhiker's Guide" are names with a possessive in them
            result.append(span)
            continue
        owner = doc[span.start : marks[0]]
        result.append(Span(doc, owner.start, owner.end, label=entry.type.value))
        result.append(Span(doc, marks[0] + 1, span.end, label="ORG"))
        names[marks[0] + 1] = clean_name(" ".join(t.text for t in span if t.tag_ != "POS"))
    return result, names


def _resolve_name(span: Span, gazetteer: Gazetteer) -> tuple[str, EntityType] | None:
    """Return the canonical name and type a span stands for, or None when it is no name."""
    name = clean_name(" ".join(t.text for t in span if t.tag_ != "POS"))
    if not name_tokens(name):
        return None
    label = EntityType.parse(span.label_)
    if label is EntityType.NORP:
        entry = gazetteer.demonym(name)
        if entry is not None:
            return entry.name, entry.type
    words = name.split()
    if len(words) == 2 and words[1].lower() in _GOVERNMENT_WORDS:
        # "the British Government", "the Russian administration" → the country
        entry = gazetteer.demonym(words[0]) or gazetteer.canonical(words[0])
        if entry is not None and entry.type is EntityType.GPE:
            return entry.name, entry.type
    entry = gazetteer.canonical(name)
    if entry is None and name.lower().startswith(("republic of ", "kingdom of ", "state of ")):
        # "the Republic of Belarus" → Belarus
        entry = gazetteer.canonical(name.split(" of ", 1)[1])
    if entry is not None and label is not EntityType.PERSON:
        return entry.name, entry.type
    return name, label


def _merge_partial_names(clusters: Sequence[_Cluster], mentions: Sequence[_Mention]) -> None:
    """Merge surname-only and partial person names into the full name they belong to."""
    full = [c for c in clusters if c.type() is EntityType.PERSON and len(c.key.split()) > 1]
    firsts: dict[int, list[int]] = {}
    for m in mentions:
        firsts.setdefault(id(m.cluster), []).append(m.start)
    for cluster in clusters:
        tokens = cluster.key.split()
        if cluster in full or not tokens or not (set(cluster.types) & _SURNAME_TYPES):
            continue
        if cluster.types[EntityType.GPE] + cluster.types[EntityType.LOC] > cluster.mentions // 2:
            continue
        candidates = [
            c for c in full
            if c is not cluster and set(tokens) <= set(c.key.split()) and c.key.split()[-1] == tokens[-1]
        ]
        if not candidates:
            continue
        start = cluster.first
        preceding = [c for c in candidates if min(firsts.get(id(c), [start])) <= start]
        pool = preceding or candidates
        target = max(pool, key=lambda c: (max((s for s in firsts.get(id(c), []) if s <= start), default=-1),
                                          c.mentions, c.key))
        _link(cluster, target)
    # organisations: "the Telegraph" → "Daily Telegraph" (the shorter name ends like the longer one)
    orgs = [c for c in clusters if c.merged_into is None and c.type() is EntityType.ORG]
    # a lone word spaCy took for a person, never written with an honorific and no person's surname:
    # "the Telegraph" after "the Daily Telegraph"
    lone = [c for c in clusters if c.merged_into is None and c.type() is EntityType.PERSON
            and len(c.key.split()) == 1
            and not any(s.split()[0].lower().rstrip(".") in HONORIFICS for s in c.surfaces if s.split())]
    for cluster in orgs + lone:
        tokens = cluster.key.split()
        longer = [c for c in orgs if c is not cluster and c.merged_into is None
                  and len(c.key.split()) > len(tokens) and c.key.split()[-len(tokens):] == tokens]
        if len(longer) == 1:
            _link(cluster, longer[0])


_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "&"})


def _abbreviates(acronym: str, name: str) -> bool:
    """True when ``acronym`` is made of the initials of ``name`` ("LSE" of "London Stock Exchange").

    >>> _abbreviates("LSE", "the London Stock Exchange"), _abbreviates("US", "Andre Agassi")
    (True, False)
    """
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _MINOR_WORDS]
    return acronym.upper() == "".join(w[0].upper() for w in words if w[:1].isalpha())


def _propagate_names(doc: Doc, mentions: list[_Mention], sentence_of: dict[int, int]) -> None:
    """Find further occurrences of names the model recognised elsewhere in the article.

    NER is not consistent within an article ("LSE" tagged in one sentence, missed in "LSE chief
    executive Clara Furse"); each name recognised once is matched, case-sensitively and only over
    proper nouns, everywhere else in the article.
    """
    if not mentions:
        return
    # "the London Stock Exchange (LSE)": the acronym in brackets is another name for the entity
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in list(mentions):
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            acronym = doc[m.end + 1]
            if not (acronym.is_upper and acronym.is_alpha and len(acronym.text) >= 2):
                continue
            if not _abbreviates(acronym.text, doc[m.start : m.end].text):
                continue  # "Andre Agassi (US)": a bracketed country, not an abbreviation
            if acronym.i in taken:
                other = next((o for o in mentions if o.start == acronym.i), None)
                if other is not None and other.cluster.root() is not m.cluster.root():
                    _link(other.cluster, m.cluster)
                continue
            if acronym.i not in taken:
                # the acronym tagged elsewhere (a headline's "talks with LSE") is the same entity
                for other in mentions:
                    if (doc[other.start : other.end].text == acronym.text
                            and other.cluster.root() is not m.cluster.root()):
                        _link(other.cluster, m.cluster)
                m.cluster.surfaces.add(acronym.text)
                m.cluster.mentions += 1
                taken.add(acronym.i)
                mentions.append(_Mention(acronym.i, acronym.i + 1, acronym.i, sentence_of[acronym.i], m.cluster,
                                         False))
    matcher = PhraseMatcher(doc.vocab)
    by_label: dict[str, _Cluster] = {}
    for m in mentions:
        span = doc[m.start : m.end]
        words = [t for t in span if t.tag_ != "POS" and t.lower_ != "the"]
        if not words or not any(t.pos_ == "PROPN" for t in words) or not words[0].text[:1].isupper():
            continue
        label = str(len(by_label))
        by_label[label] = m.cluster
        matcher.add(label, [Doc(doc.vocab, words=[t.text for t in words])])
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = sorted(matcher(doc), key=lambda x: (x[1], -(x[2] - x[1])))
    for match_id, start, end in found:
        if any(i in covered for i in range(start, end)):
            continue
        span = doc[start:end]
        if not any(t.pos_ == "PROPN" for t in span):
            continue
        cluster = by_label[doc.vocab.strings[match_id]]
        cluster.mentions += 1
        covered.update(range(start, end))
        mentions.append(_Mention(start, end, span.root.i, sentence_of[start], cluster, _is_subject(span.root)))
    # a member's word for a group named in the plural: "Conservative shadow foreign secretary
    # Michael Ancram" after "the Conservatives" is the party's, as is "a Democrat senator"
    plurals = {doc[m.root].text[:-1]: m.cluster for m in mentions
               if m.end - m.start - (doc[m.start].lower_ == "the") == 1 and doc[m.root].text.endswith("s")
               and doc[m.root].text[:1].isupper() and len(doc[m.root].text) > 4}
    for token in _tokens_among(doc, plurals, "ORTH") if plurals else []:
        group = plurals[token.text]
        if token.i in covered or token.dep_ not in {"amod", "compound", "nmod"}:
            continue
        if group.type() not in {EntityType.ORG, EntityType.NORP}:
            continue
        group.mentions += 1
        group.surfaces.add(token.text)
        covered.add(token.i)
        mentions.append(_Mention(token.i, token.i + 1, token.i, sentence_of[token.i], group, False))
    mentions.sort(key=lambda m: m.start)


def _merge_known_as(doc: Doc, mentions: Sequence[_Mention]) -> None:
    """Make Y an alias of X in "X, (also) known as Y" and "X, (better) known as Y"."""
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
                        _link(other.cluster, m.cluster)


_ROLE_DEPS = frozenset({"compound", "amod", "nmod"})


def _cluster_at(i: int, mentions: Sequence[_Mention]) -> _Cluster | None:
    for m in mentions:
        if m.start <= i < m.end:
            return m.cluster.root()
    return None


#: A role a person is named with: the country or body it is of (if any), the person, and the
#: title's other words ("defence" in "UK defence secretary Ben Wallace").
_Role = tuple["_Cluster | None", "_Cluster", frozenset[str]]


def _title_words(tokens: Iterable[Token], mentions: Sequence[_Mention]) -> frozenset[str]:
    return frozenset(t.lower_ for t in tokens if t.dep_ in _ROLE_DEPS and _cluster_at(t.i, mentions) is None)


def _definite(token: Token) -> bool:
    """True for a noun with "the": "the defence secretary", "the newspaper"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _role_descriptions(doc: Doc, mentions: Sequence[_Mention]) -> dict[str, list[_Role]]:
    """Map role lemmas to (modifier entity, person, title words) from titles and appositions of named people.

    "Russian president Vladimir Putin" gives president → (Russia, Putin, {}); "Sergei Shoigu,
    Russia's defence minister" gives minister → (Russia, Shoigu, {defence}).
    """
    roles: dict[str, list[_Role]] = {}
    for m in mentions:
        person = m.cluster.root()
        if person.type() is not EntityType.PERSON:
            continue
        root = doc[m.root]
        # titles hang on the name's root, or on its first word ("Labour MP Diane Abbott" → Diane)
        nouns = [c for t in doc[m.start : m.end] for c in t.children
                 if c.dep_ in _ROLE_DEPS and c.i < m.start and c.pos_ in {"NOUN", "PROPN"}]
        nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        for noun in nouns:
            if _cluster_at(noun.i, mentions) is not None:
                continue
            before = [c for c in root.children if c.dep_ in _ROLE_DEPS and c.i < noun.i]
            modifiers = [_cluster_at(c.i, mentions) for c in noun.children if c.dep_ in _ROLE_DEPS | {"poss"}]
            modifiers += [_cluster_at(c.i, mentions) for c in before]
            words = _title_words([*noun.children, *before], mentions)
            found: list[_Cluster | None] = [c for c in modifiers if c is not None and c is not person]
            entry = roles.setdefault(noun.lemma_.lower(), [])
            for modifier in found or [None]:
                if (modifier, person, words) not in entry:
                    entry.append((modifier, person, words))
    return roles


def _described_person(token: Token, roles: dict[str, list[_Role]], mentions: Sequence[_Mention]) -> _Cluster | None:
    """The person a definite role description ("the Russian president") refers to, if exactly one fits.

    The description's other words must be words of the title the person was named with: "the
    defence secretary" is not the foreign secretary.
    """
    if token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() not in roles:
        return None
    if not _definite(token):
        return None
    if any(c.dep_ == "appos" for c in token.children) or token.dep_ == "appos":
        return None  # "the foreign secretary, Liz Truss": the name itself is there
    modifiers = {_cluster_at(c.i, mentions) for c in token.children if c.dep_ in _ROLE_DEPS | {"poss"}}
    modifiers.discard(None)
    if token.lower_ in _SEAT_TITLES:
        # "the Glasgow Kelvin MP": the place is the seat, not a party the MP was named with
        modifiers = {c for c in modifiers if c is not None and c.type() is not EntityType.GPE}
    # a name the model missed ("the Glasgow Kelvin MP") or an age ("the 50-year-old MP") is not
    # a word of the title
    words = _title_words([c for c in token.children if c.ent_type_ not in _NUMERIC_LABELS
                          and (c.pos_ != "PROPN" or c.lower_ in TITLE_WORDS)], mentions)
    holders = [(modifier, person) for modifier, person, title in roles[token.lemma_.lower()] if words <= title]
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


def _described_organisation(token: Token, sentence: int, mentions: Sequence[_Mention],
                            types: dict[int, EntityType]) -> _Cluster | None:
    """The organisation "the ministry" refers to: the latest, within three sentences, named with that noun.

    Modifiers must be words of the name too: "the London exchange" is the London Stock Exchange
    and "the defence ministry" the Ministry of Defence, but "the Russian ministry" is not the
    Belarusian Ministry of Defence, and "Russia's ministry" names its own body.
    """
    if not _definite(token):
        return None
    if any(c.dep_ in {"poss", "appos"} for c in token.children) or token.dep_ == "appos":
        return None
    modifiers = [c for c in token.children if c.dep_ in {"compound", "amod"}]
    if any(len(list(c.children)) > 0 for c in modifiers):
        return None  # "the Paris-based exchange", "the much larger group": leave them be
    wanted = {token.lemma_.lower(), *(c.lower_ for c in modifiers)}
    for m in reversed(mentions):
        if m.sentence < sentence - _PRONOUN_WINDOW:
            break
        root = m.cluster.root()
        if types[id(root)] is not EntityType.ORG:
            continue
        if any(wanted <= set(n.lower().split()) for n in root.names):
            return root
    return None


def _lede_person(token: Token, mentions: Sequence[_Mention], roles: dict[str, list[_Role]],
                 types: dict[int, EntityType]) -> _Cluster | None:
    """The person a lede's description names in the next sentence.

    News opens with "The UK defence secretary has admitted ..." and names him after: "Ben Wallace
    has travelled to Europe". The description must say whose title it is (a country or body) and
    be the first sentence's subject; the person must be the next sentence's first subject and be
    named with no title anywhere in the article.
    """
    if not _is_subject(token) or not _definite(token):
        return None
    if not any(c.dep_ in _ROLE_DEPS and _cluster_at(c.i, mentions) is not None for c in token.children):
        return None
    people = [m for m in mentions if m.sentence == 1 and m.subject and types[id(m.cluster.root())] is EntityType.PERSON]
    if not people:
        return None
    person = people[0].cluster.root()
    titled = {lemma for lemma, entries in roles.items() for _, holder, _ in entries if holder.root() is person}
    return None if titled - HONORIFICS else person


def _generic_organisation(token: Token, sentence: int, mentions: Sequence[_Mention],
                          types: dict[int, EntityType]) -> _Cluster | None:
    """The organisation a bare "the newspaper", "the company" or "the Paris-based exchange" refers to.

    The latest organisation that was a subject, in this sentence or the previous one; never when
    the description names an actor of its own ("the German group", "the group of countries").
    """
    if token.lemma_.lower() not in _BODY_DESCRIPTIONS or token.dep_ in {"appos", "compound"}:
        return None
    if not _definite(token):
        return None
    if any(c.dep_ in {"poss", "prep"} or (c.dep_ == "appos" and c.pos_ != "NOUN") for c in token.children):
        return None
    # modifiers must not name an actor ("the German group"); where it is based is no name of it
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"} and c.lower_ != "based"]
    if any(_cluster_at(t.i, mentions) is not None for c in modifiers for t in c.subtree):
        return None
    for back in (0, 1, 2):
        subjects = [m for m in mentions if m.sentence == sentence - back and m.end <= token.i and m.subject
                    and types[id(m.cluster.root())] is EntityType.ORG]
        if subjects:
            return subjects[-1].cluster.root()
    return None


def _trade_organisation(token: Token, mentions: Sequence[_Mention],
                        types: dict[int, EntityType]) -> _Cluster | None:
    """The organisation "the Russian oil giant" refers to: the one body named earlier with that trade.

    "oil group Yukos" gives Yukos the trade "oil"; the description must be definite and its trade
    must be that of exactly one organisation named before it in the article.
    """
    if not _definite(token) or token.dep_ in {"appos", "compound"}:
        return None
    if any(c.dep_ in {"poss", "prep", "appos"} for c in token.children):
        return None
    trades = {c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    if not trades:
        return None
    roots: dict[int, _Cluster] = {}
    for m in mentions:
        if m.end > token.i:
            break
        root = m.cluster.root()
        if types[id(root)] is EntityType.ORG and id(root) not in roots:
            roots[id(root)] = root
    found = [root for root in roots.values() if trades & root.trades]
    return found[0] if len(found) == 1 else None


def _gender(surfaces: Iterable[str]) -> str | None:
    """"m" or "f" when the honorifics a person is written with agree, else None."""
    words = {s.split()[0].lower().rstrip(".") for s in surfaces if s.split()}
    male, female = bool(words & _MALE_HONORIFICS), bool(words & _FEMALE_HONORIFICS)
    if male == female:
        return None
    return "m" if male else "f"


def _office_holder_body(pronoun: Token, sentence: int, mentions: Sequence[_Mention],
                        types: dict[int, EntityType]) -> _Cluster | None:
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
                and types[id(m.cluster.root())] in {EntityType.ORG, EntityType.GPE} and not _quoted(doc[m.start])]
        if pool:
            return pool[-1].cluster.root()
    return None


def _quoted(token: Token) -> bool:
    """Whether `token` is inside quotation marks opened earlier in its sentence."""
    marks = sum(1 for t in token.doc[token.sent.start:token.i] if t.text in {'"', "“", "”"})
    return marks % 2 == 1


def _antecedent(pronoun: Token, sentence: int, mentions: Sequence[_Mention],
                types: dict[int, EntityType], genders: dict[int, str | None]) -> _Cluster | None:
    """Pick the cluster a personal or group pronoun refers to (see the module docstring).

    A possessive pronoun is resolved as its personal one: "its" as "it", "his" as "he".
    """
    lower = _POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_)
    if lower in _THING_PRONOUNS:
        # "it": the last organisation or country that was a subject, in the same sentence or the
        # previous one; never a dummy subject
        head = pronoun.head
        extraposed = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in {"that", "whether", "if"}
                                                   for m in c.children) for c in head.children)
        if head.lemma_.lower() in _DUMMY_IT_VERBS or extraposed:
            return None
        same = [m for m in mentions if m.sentence == sentence and m.end <= pronoun.i and m.subject
                and types[id(m.cluster.root())] in {EntityType.ORG, EntityType.GPE}]
        if same:
            return same[-1].cluster.root()
        previous = [m for m in mentions if m.sentence == sentence - 1 and m.subject
                    and types[id(m.cluster.root())] in {EntityType.ORG, EntityType.GPE}]
        return previous[-1].cluster.root() if previous else None
    if lower in _PERSON_PRONOUNS:
        window, wanted, subjects_only = _PRONOUN_WINDOW, {EntityType.PERSON}, False
    else:
        window, wanted, subjects_only = 1, set(_GROUP_TYPES), True
    # "she" never resolves to a man the article calls Mr, nor "he" to a woman it calls Ms
    gender = _PRONOUN_GENDER.get(lower)
    for back in range(window + 1):
        pool = [
            m for m in mentions
            if m.sentence == sentence - back and m.end <= pronoun.i and types[id(m.cluster.root())] in wanted
            and (gender is None or genders.get(id(m.cluster.root())) in {None, gender})
        ]
        subjects = [m for m in pool if m.subject]
        if subjects:
            return subjects[-1].cluster.root()
        if pool and not subjects_only:
            return pool[-1].cluster.root()
    return None


def find_mentions(doc: Doc, gazetteer: Gazetteer, *, labels: Iterable[str] = ACTOR_LABELS) -> ArticleMentions:
    """Find and resolve the actor mentions of one article's ``doc``.

    Args:
        doc: the parsed article (needs NER and a dependency parse).
        gazetteer: canonical places, aliases and demonyms.
        labels: the spaCy entity labels that count as actors.

    Returns:
        An :class:`ArticleMentions` mapping tokens to resolved entities, with mention counts.
    """
    wanted = frozenset(labels)
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = number
    clusters: dict[str, _Cluster] = {}
    mentions: list[_Mention] = []
    actors, owned_names = _split_possessives(doc, [span for span in doc.ents if span.label_ in wanted], gazetteer)
    if "ORG" in wanted:
        actors = [*actors, *_possessed_names(doc, actors)]
    if "GPE" in wanted:
        actors = [*actors, *_constituencies(doc, actors)]
    for finder, label in ((_named_events, "EVENT"), (_armed_forces, "ORG"), (_state_groups, "LOC")):
        if label in wanted:
            # the new spans take the place of the names inside them
            spans = finder(doc, actors)
            inside = {i for span in spans for i in range(span.start, span.end)}
            actors = [*(span for span in actors if span.start not in inside), *spans]
    actors.sort(key=lambda span: span.start)
    for span in actors:
        resolved = _resolve_name(span, gazetteer)
        if resolved is None:
            continue
        name, type_ = resolved
        name = owned_names.get(span.start, name)
        before = doc[span.start - 1] if span.start > 0 else None
        country = gazetteer.canonical(name)
        if (before is not None and before.lower_ in _COMPASS and before.head.i in range(span.start, span.end)
                and type_ in {EntityType.LOC, EntityType.GPE}
                and (country is None or country.type is not EntityType.GPE)):
            # a region of a place: "eastern Europe" → Eastern Europe
            name = f"{before.text[:1].upper()}{before.text[1:]} {span.text}"
            span = doc[span.start - 1 : span.end]
        key = entity_key(name, type_)
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = _Cluster(key=key, first=span.start)
        body_nouns = [c for c in span.root.children
                      if c.dep_ in {"compound", "appos"} and c.lemma_.lower() in _ORG_NOUNS]
        if type_ in {EntityType.PERSON, EntityType.ORG} and body_nouns:
            # named as a body ("oil group Yukos", "brokerage Aton"): that outweighs the person tags
            cluster.body = True
            cluster.trades.update(t.lemma_.lower() for c in body_nouns for t in c.children
                                  if t.dep_ == "compound" and t.pos_ == "NOUN")
        cluster.names[name] += 1
        cluster.types[type_] += 1
        cluster.surfaces.add(_surface(doc, span))
        cluster.mentions += 1
        mentions.append(_Mention(span.start, span.end, span.root.i, sentence_of[span.start], cluster,
                                 _is_subject(span.root)))
    _propagate_names(doc, mentions, sentence_of)
    ordered = sorted(clusters.values(), key=lambda c: (c.first, c.key))
    _merge_partial_names(ordered, mentions)
    _merge_known_as(doc, mentions)

    # one pass in reading order: role descriptions ("the Russian president") and pronouns, so
    # that either can serve as an antecedent for a later pronoun
    role_of = _role_descriptions(doc, mentions)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    spans_at = {m.start: m for m in mentions}
    pronouns = _PERSON_PRONOUNS | _GROUP_PRONOUNS | _THING_PRONOUNS
    types = {id(c.root()): c.root().type() for c in ordered}
    # each entity's surfaces, gathered once: for pronoun gender here and for aliases below
    surfaces_of: dict[int, set[str]] = {}
    for c in ordered:
        surfaces_of.setdefault(id(c.root()), set()).update(c.surfaces)
    genders = {root: _gender(surfaces) for root, surfaces in surfaces_of.items()}
    org_words = {w for c in ordered if types[id(c.root())] is EntityType.ORG for n in c.names
                 for w in n.lower().split() if len(w) > 3}
    resolved_mentions: list[_Mention] = []
    described: list[_Mention] = []
    pronoun_of: dict[int, _Cluster] = {}
    possessive_of: dict[int, _Cluster] = {}
    for token in doc:
        i = token.i
        if i in spans_at:
            resolved_mentions.append(spans_at[i])
            continue
        if i in covered:
            continue
        lemma = token.lemma_.lower()
        referent: _Cluster | None = None
        if token.pos_ == "NOUN" and token.dep_ != "compound" and lemma in org_words:
            referent = _described_organisation(token, sentence_of[i], resolved_mentions, types)
        if referent is None and token.pos_ == "NOUN":
            referent = _generic_organisation(token, sentence_of[i], resolved_mentions, types)
        if referent is None and token.pos_ == "NOUN" and lemma in _ORG_NOUNS:
            referent = _trade_organisation(token, resolved_mentions, types)
        role_noun = bool(role_of) and token.pos_ in {"NOUN", "PROPN"} and lemma in role_of
        if referent is None and role_noun:
            referent = _described_person(token, role_of, mentions)
        if referent is None and sentence_of[i] == 0 and token.pos_ == "NOUN" and lemma in TITLE_WORDS:
            referent = _lede_person(token, mentions, role_of, types)
        if referent is not None:
            referent.mentions += 1
            mention = _Mention(i, i + 1, i, sentence_of[i], referent, _is_subject(token))
            described.append(mention)
            resolved_mentions.append(mention)
            continue
        if role_noun:
            continue
        if token.tag_ == "PRP$" and token.lower_ in _POSSESSIVE_PRONOUNS:
            owner = _antecedent(token, sentence_of[i], resolved_mentions, types, genders)
            if owner is None and token.lower_ == "its":
                owner = _office_holder_body(token, sentence_of[i], resolved_mentions, types)
            if owner is not None:
                possessive_of[i] = owner
            continue
        if token.tag_ != "PRP" or token.lower_ not in pronouns:
            continue
        target = _antecedent(token, sentence_of[i], resolved_mentions, types, genders)
        if target is None:
            continue
        pronoun_of[i] = target
        target.mentions += 1
        resolved_mentions.append(_Mention(i, i + 1, i, sentence_of[i], target, _is_subject(token)))
    mentions.extend(described)

    entities: dict[int, Entity] = {}
    for cluster in ordered:
        root = cluster.root()
        if id(root) in entities:
            continue
        names = {n for c in ordered if c.root() is root for n in c.names}
        name = root.name()
        entities[id(root)] = Entity(key=entity_key(name, root.type()), name=name, type=root.type(),
                                    aliases=frozenset(surfaces_of[id(root)] | names))
    by_token: dict[int, Entity] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            by_token[i] = entities[id(m.cluster.root())]
    for i, cluster in pronoun_of.items():
        by_token[i] = entities[id(cluster.root())]
    result = tuple(
        ArticleEntity(entity=entity, mentions=root_mentions)
        for root_id, entity in entities.items()
        for root_mentions in [_total_mentions(root_id, ordered)]
    )
    possessors = {i: entities[id(cluster.root())] for i, cluster in possessive_of.items()}
    # only a court asks which entities are countries ("a US court"): skip the lookups without one
    countries = frozenset() if "court" not in doc.text.lower() else frozenset(
        a.entity.key for a in result if a.entity.type is EntityType.GPE
        and (entry := gazetteer.canonical(a.entity.name)) is not None and entry.type is EntityType.GPE)
    return ArticleMentions(by_token=by_token, entities=tuple(sorted(result, key=lambda a: a.entity.key)),
                           possessors=possessors, countries=countries)


def _total_mentions(root_id: int, clusters: Sequence[_Cluster]) -> int:
    return sum(c.mentions for c in clusters if id(c.root()) == root_id)
