"""Find and resolve the actors of one article: the stage every extraction rule starts from.

The steps, each a family of rules (see :mod:`graphbuild.extraction.catalogue`): the tagged and
made actor spans (``made actors``), their names (``names``), then one pass in reading order that
resolves descriptions (``descriptions``) and pronouns (``coreference``), so that either can serve
as the antecedent of a later pronoun.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.mentions.article import ArticleMentions
from graphbuild.extraction.mentions.clusters import Cluster, Mention, is_subject, surface_of
from graphbuild.extraction.mentions.descriptions import (
    AGE_DESCRIPTION,
    BODY_DESCRIPTION,
    LAW_DESCRIPTION,
    LEDE_TITLE,
    NAME_DESCRIPTION,
    PEOPLE_DESCRIPTION,
    PROFESSION_DESCRIPTION,
    ROLE_DESCRIPTION,
    THE_GOVERNMENT,
    TRADE_DESCRIPTION,
    Role,
    aged_person,
    described_law,
    described_organisation,
    described_person,
    generic_organisation,
    governing_country,
    lede_person,
    nationalities,
    person_of_people,
    professional_person,
    role_descriptions,
    trade_organisation,
)
from graphbuild.extraction.mentions.groups import two_actor_references
from graphbuild.extraction.mentions.naming import merge_known_as, merge_partial_names, propagate_names, resolve_name
from graphbuild.extraction.mentions.pronouns import (
    CATAPHOR,
    FIRST_PERSON,
    GIVEN_NAME,
    OFFICE_HOLDER_BODY,
    POSSESSIVE_PRONOUN,
    PRONOUN,
    SPEAKER,
    antecedent,
    cataphor,
    gender_of,
    office_holder_body,
    quote_speaker,
)
from graphbuild.extraction.mentions.spans import actor_spans
from graphbuild.extraction.mentions.words import (
    ACTOR_LABELS,
    COMPASS,
    GROUP_PRONOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    THING_PRONOUNS,
    WORK_NOUNS,
)
from graphbuild.extraction.rule import Example, Rule, Stage
from graphbuild.model import ArticleEntity, Entity, EntityType
from graphbuild.names import TITLE_WORDS, Gazetteer, entity_key

__all__ = ["RULES", "find_mentions"]

COMPASS_REGION = Rule(
    name="compass_region", family="names", stage=Stage.RESOLUTION,
    construction="a compass word makes a region its own place: \"eastern Europe\"; a country's region stays it",
    examples=(Example(text="The UK would send troops to its allies in eastern Europe.",
                      triples=(("United Kingdom", "send_to_allies_in", "Eastern Europe"),)),
              Example(text="Tony Blair flew to Basra in southern Iraq.",
                      absent=(("Basra", "located_in", "Southern Iraq"),))))
WORK_NOUN = Rule(
    name="work_noun", family="names", stage=Stage.RESOLUTION,
    construction="a name the article calls a work (\"the British film Vera Drake\") is a work, whatever its tags",
    examples=(Example(text="The British film Vera Drake won three awards.",
                      triples=(("Vera Drake", "from", "United Kingdom"),)),))
BODY_NOUN = Rule(
    name="body_noun", family="names", stage=Stage.RESOLUTION,
    construction="a name the article calls a body (\"oil group Yukos\") is an organisation, whatever its tags",
    examples=(Example(text="Oil group Yukos sued Rosneft. The company also sued Gazprom.",
                      triples=(("Yukos", "sue", "Gazprom"),)),))

RULES = (COMPASS_REGION, BODY_NOUN, WORK_NOUN)
_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
#: The parts of speech of the tokens that can refer to an actor.
_DESCRIBING = frozenset({"NOUN", "PROPN", "PRON", "ADJ"})


def find_mentions(doc: Doc, gazetteer: Gazetteer, *, labels: Iterable[str] = ACTOR_LABELS,
                  disabled: Collection[str] = frozenset()) -> ArticleMentions:
    """Find and resolve the actor mentions of one article's ``doc``.

    Args:
        doc: the parsed article (needs NER and a dependency parse).
        gazetteer: canonical places, aliases and demonyms.
        labels: the spaCy entity labels that count as actors.
        disabled: names of resolution rules to leave out.

    Returns:
        An :class:`ArticleMentions` mapping tokens to resolved entities, with mention counts.
    """
    off = frozenset(disabled)
    sentence_of = {}
    starts = []
    for number, sent in enumerate(doc.sents):
        starts.append(sent.start)
        for i in range(sent.start, sent.end):
            sentence_of[i] = number
    actors, owned_names = actor_spans(doc, gazetteer, frozenset(labels), off)
    clusters, mentions = _cluster(doc, actors, owned_names, gazetteer, sentence_of, off)
    propagate_names(doc, mentions, sentence_of, off)
    ordered = sorted(clusters, key=lambda c: (c.first, c.key))
    merge_partial_names(doc, ordered, mentions, off)
    merge_known_as(doc, mentions, off)
    references = _References.resolve(doc, mentions, ordered, sentence_of, off, gazetteer)
    mentions.extend(references.described)
    return _article_mentions(doc, gazetteer, ordered, mentions, references, off, starts)


def _cluster(doc: Doc, actors: Sequence[Span], owned_names: dict[int, str], gazetteer: Gazetteer,
             sentence_of: dict[int, int], off: frozenset[str]) -> tuple[list[Cluster], list[Mention]]:
    """One mention per actor span, gathered into a cluster per name and type."""
    clusters: dict[str, Cluster] = {}
    mentions: list[Mention] = []
    laws: dict[str, tuple[str, EntityType]] = {}  # the latest law named, by its head word ("Bill")
    for span in actors:
        if span.label_ == "LAW" and len(span) == 1:
            resolved = laws.get(span[0].text)  # "the Bill": the last bill named, or nobody
        else:
            resolved = resolve_name(span, gazetteer, off)
        if resolved is None:
            continue
        name, type_ = resolved
        if span.label_ == "LAW" and len(span) > 1:
            laws[span[-1].text] = resolved
        name = owned_names.get(span.start, name)
        if COMPASS_REGION.name not in off:
            name, span = _compass_region(doc, span, name, type_, gazetteer)
        key = entity_key(name, type_)
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = Cluster(key=key, first=span.start)
        body_nouns = [c for c in span.root.children
                      if c.dep_ in {"compound", "appos"} and c.lemma_.lower() in ORG_NOUNS]
        if type_ in {EntityType.PERSON, EntityType.ORG} and body_nouns and BODY_NOUN.name not in off:
            # named as a body ("oil group Yukos", "brokerage Aton"): that outweighs the person tags
            cluster.body = True
            cluster.trades.update(t.lemma_.lower() for c in body_nouns for t in c.children
                                  if t.dep_ == "compound" and t.pos_ == "NOUN")
        if WORK_NOUN.name not in off and _named_as_work(span):
            cluster.work = True  # "the film Vera Drake": a work, however the model tagged it
        cluster.names[name] += 1
        cluster.types[type_] += 1
        cluster.surfaces.add(surface_of(doc, span))
        cluster.mentions += 1
        mentions.append(Mention(span.start, span.end, span.root.i, sentence_of[span.start], cluster,
                                is_subject(span.root)))
    return list(clusters.values()), mentions


def _named_as_work(span: Span) -> bool:
    """True for a name set beside a noun for a work: "the film Vera Drake", "Closer, the play"."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ in {"compound", "appos", "nmod"}]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return any(n.pos_ == "NOUN" and n.lemma_.lower() in WORK_NOUNS for n in nouns)


def _compass_region(doc: Doc, span: Span, name: str, type_: EntityType, gazetteer: Gazetteer) -> tuple[str, Span]:
    """A region of a place: "eastern Europe" → Eastern Europe (not "southern Iraq": a country stays itself)."""
    before = doc[span.start - 1] if span.start > 0 else None
    country = gazetteer.canonical(name)
    if (before is not None and before.lower_ in COMPASS and before.head.i in range(span.start, span.end)
            and type_ in {EntityType.LOC, EntityType.GPE}
            and (country is None or country.type is not EntityType.GPE)):
        return f"{before.text[:1].upper()}{before.text[1:]} {span.text}", doc[span.start - 1 : span.end]
    return name, span


@dataclass(slots=True)
class _References:
    """The one reading-order pass over an article's other tokens: descriptions and pronouns."""

    sentence_of: dict[int, int]
    mentions: list[Mention]
    types: dict[int, EntityType]
    genders: dict[int, str | None]
    roles: dict[str, list[Role]]
    org_words: set[str]
    off: frozenset[str]
    countries: frozenset[int] = frozenset()
    gazetteer: Gazetteer | None = None
    #: the countries the article says its people are from, by root cluster ("Spain's Albert Montanes")
    nationality: dict[int, set[str]] = field(default_factory=dict)
    resolved: list[Mention] = field(default_factory=list)
    described: list[Mention] = field(default_factory=list)
    pronoun_of: dict[int, Cluster] = field(default_factory=dict)
    possessive_of: dict[int, Cluster] = field(default_factory=dict)

    @classmethod
    def resolve(cls, doc: Doc, mentions: list[Mention], ordered: Sequence[Cluster], sentence_of: dict[int, int],
                off: frozenset[str], gazetteer: Gazetteer) -> _References:
        types = {id(c.root()): c.root().type() for c in ordered}
        org_words = {w for c in ordered if types[id(c.root())] is EntityType.ORG for n in c.names
                     for w in n.lower().split() if len(w) > 3}
        roles = role_descriptions(doc, mentions) if not off >= {ROLE_DESCRIPTION.name, LEDE_TITLE.name} else {}
        given = None if GIVEN_NAME.name in off else gazetteer.given_names
        found = cls(sentence_of=sentence_of, mentions=mentions, types=types,
                    genders={root: gender_of(surfaces, given) for root, surfaces in _surfaces(ordered).items()},
                    roles=roles, org_words=org_words, off=off,
                    countries=frozenset(id(c.root()) for c in ordered if _is_country(c.root(), gazetteer)),
                    gazetteer=gazetteer, nationality={} if PEOPLE_DESCRIPTION.name in off else nationalities(
                        doc, mentions, gazetteer, types))
        covered = {i for m in mentions for i in range(m.start, m.end)}
        spans_at = {m.start: m for m in mentions}
        for token in doc:
            if token.i in spans_at:
                found.resolved.append(spans_at[token.i])
            elif token.i not in covered:
                found._visit(token)
        return found

    def _visit(self, token: Token) -> None:
        if token.pos_ not in _DESCRIBING:
            return  # only nouns, pronouns and "old" ("the 87-year-old") refer to an actor
        i = token.i
        if token.pos_ == "PRON":
            self._pronoun(token)  # a pronoun describes nothing: only the nouns and "old" below do
            return
        role_noun = bool(self.roles) and token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in self.roles
        referent = self._description(token, role_noun)
        if referent is not None:
            referent.mentions += 1
            mention = Mention(i, i + 1, i, self.sentence_of[i], referent, is_subject(token))
            self.described.append(mention)
            self.resolved.append(mention)

    def _description(self, token: Token, role_noun: bool) -> Cluster | None:
        """The actor a description refers to: a body by its name's words, its kind or its trade, or a titled person."""
        i, off = token.i, self.off
        lemma = token.lemma_.lower()
        sentence = self.sentence_of[i]
        noun = token.pos_ == "NOUN"
        referent: Cluster | None = None
        if noun and token.dep_ != "compound" and lemma in self.org_words and NAME_DESCRIPTION.name not in off:
            referent = described_organisation(token, sentence, self.resolved, self.types)
        if referent is None and LAW_DESCRIPTION.name not in off:
            referent = described_law(token, sentence, self.resolved)
        if referent is None and noun and BODY_DESCRIPTION.name not in off:
            referent = generic_organisation(token, sentence, self.resolved, self.types)
        if referent is None and noun and lemma in ORG_NOUNS and TRADE_DESCRIPTION.name not in off:
            referent = trade_organisation(token, self.resolved, self.types)
        if referent is None and role_noun and ROLE_DESCRIPTION.name not in off:
            referent = described_person(token, self.roles, self.mentions)
        if (referent is None and sentence == 0 and noun and lemma in TITLE_WORDS
                and LEDE_TITLE.name not in off):
            referent = lede_person(token, self.mentions, self.roles, self.types)
        if referent is None and noun and self.countries and THE_GOVERNMENT.name not in off:
            referent = governing_country(token, self.resolved, self.countries)
        if referent is None and token.lower_ == "old" and AGE_DESCRIPTION.name not in off:
            referent = aged_person(token, self.resolved, self.sentence_of)
        if referent is None and self.nationality and self.gazetteer is not None and token.pos_ in {"PROPN", "NOUN"}:
            referent = person_of_people(token, sentence, self.resolved, self.gazetteer, self.nationality)
        if referent is None and noun and PROFESSION_DESCRIPTION.name not in off:
            referent = professional_person(token, sentence, self.resolved, self.roles, self.types)
        return referent

    def _pronoun(self, token: Token) -> None:
        i, off = token.i, self.off
        sentence = self.sentence_of[i]
        if token.lower_ in FIRST_PERSON and SPEAKER.name not in off:
            self._first_person(token, sentence)
            return
        if token.tag_ == "PRP$" and token.lower_ in POSSESSIVE_PRONOUNS:
            if POSSESSIVE_PRONOUN.name in off:
                return
            owner = antecedent(token, sentence, self.resolved, self.types, self.genders)
            if owner is None and token.lower_ == "its" and OFFICE_HOLDER_BODY.name not in off:
                owner = office_holder_body(token, sentence, self.resolved, self.types)
            if owner is not None:
                self.possessive_of[i] = owner
            return
        if token.tag_ != "PRP" or token.lower_ not in _PRONOUNS or PRONOUN.name in off:
            return
        target = cataphor(token, self.mentions, self.genders) if CATAPHOR.name not in off else None
        if target is None:
            target = antecedent(token, sentence, self.resolved, self.types, self.genders)
        if target is None:
            return
        self.pronoun_of[i] = target
        target.mentions += 1
        self.resolved.append(Mention(i, i + 1, i, sentence, target, is_subject(token)))


    def _first_person(self, token: Token, sentence: int) -> None:
        """"I" in a quotation is its speaker; "my" is the speaker's, for the rules that ask."""
        speaker = quote_speaker(token, self.mentions, self.resolved, sentence, self.types, self.genders)
        if speaker is None:
            return
        if token.tag_ == "PRP$":
            self.possessive_of[token.i] = speaker
            return
        self.pronoun_of[token.i] = speaker
        speaker.mentions += 1
        self.resolved.append(Mention(token.i, token.i + 1, token.i, sentence, speaker, is_subject(token)))


def _names_court(doc: Doc) -> bool:
    """Whether a court is named ("court", "courts", any case), asked of spaCy's own arrays: building
    ``doc.text`` for the question cost a tenth of the extraction."""
    words = set(doc.to_array("LOWER").tolist())
    return any(doc.vocab.strings[word] in words for word in ("court", "courts"))


def _is_country(cluster: Cluster, gazetteer: Gazetteer) -> bool:
    return cluster.type() is EntityType.GPE and gazetteer.is_country(cluster.name())


def _surfaces(ordered: Sequence[Cluster]) -> dict[int, set[str]]:
    """Each entity's surfaces, gathered once: for pronoun gender and for aliases."""
    surfaces: dict[int, set[str]] = {}
    for c in ordered:
        surfaces.setdefault(id(c.root()), set()).update(c.surfaces)
    return surfaces


def _article_mentions(doc: Doc, gazetteer: Gazetteer, ordered: Sequence[Cluster], mentions: Sequence[Mention],
                      references: _References, off: frozenset[str], starts: Sequence[int]) -> ArticleMentions:
    """Turn the clusters into entities, and every resolved token into the entity it mentions."""
    surfaces = _surfaces(ordered)
    names: dict[int, set[str]] = {}
    counts: Counter[int] = Counter()
    for cluster in ordered:
        names.setdefault(id(cluster.root()), set()).update(cluster.names)
        counts[id(cluster.root())] += cluster.mentions
    entities: dict[int, Entity] = {}
    for cluster in ordered:
        root = cluster.root()
        if id(root) in entities:
            continue
        name, type_ = root.name(), root.type()
        entities[id(root)] = Entity(key=entity_key(name, type_), name=name, type=type_,
                                    aliases=frozenset(surfaces[id(root)] | names[id(root)]))
    by_token: dict[int, Entity] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            by_token[i] = entities[id(m.cluster.root())]
    for i, cluster in references.pronoun_of.items():
        by_token[i] = entities[id(cluster.root())]
    result = tuple(ArticleEntity(entity=entity, mentions=counts[root_id]) for root_id, entity in entities.items())
    possessors = {i: entities[id(cluster.root())] for i, cluster in references.possessive_of.items()}
    # only a court asks which entities are countries ("a US court"): skip the lookups without one
    countries = frozenset() if not _names_court(doc) else frozenset(
        a.entity.key for a in result if a.entity.type is EntityType.GPE and gazetteer.is_country(a.entity.name))
    return ArticleMentions(by_token=by_token, entities=tuple(sorted(result, key=lambda a: a.entity.key)),
                           possessors=possessors, countries=countries, disabled=off,
                           pairs=two_actor_references(doc, by_token, starts, off))
