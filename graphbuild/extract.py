"""Extract actor-to-actor triples from a parsed article with rules over the dependency parse.

Each rule branch below names its construction and gives a sample sentence. The extractor
turns spaCy tokens into plain :class:`~graphbuild.model.Triple` values right here; nothing
downstream sees a token.

Relations are the verb lemma plus particle and preposition in snake_case (``travel_to``,
``drum_up``); a non-actor direct object between the verb and a prepositional actor becomes part
of the relation (``impose_sanctions_on``). Roles from appositions and titles become
``<role>_of`` relations (``defence_minister_of``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graphbuild.mentions import (
    ACTOR_LABELS,
    FORCE_NOUNS,
    OFFICE_NOUNS,
    POSSESSIVE_MARKS,
    ArticleMentions,
    find_mentions,
)
from graphbuild.model import Article, ArticleResult, Entity, EntityType, Evidence, Triple
from graphbuild.names import TITLE_WORDS, Gazetteer, entity_key, load_gazetteer, name_key
from graphbuild.relations import RelationTable, load_relations

__all__ = ["EXTRACTOR_VERSION", "Extractor"]

#: Bumped whenever a rule changes what is extracted (it keys caches of extraction results).
EXTRACTOR_VERSION = "20"

#: How much each rule is trusted, before penalties (see ``_confidence``).
RULE_CONFIDENCE = {
    "svo": 0.85, "passive_agent": 0.85, "appos_role": 0.85, "prep": 0.75, "dative": 0.75, "copula": 0.75,
    "title_role": 0.75, "place_in": 0.7, "svo_noun_prep": 0.65, "poss_nominal": 0.6, "for_clause": 0.6,
    "acomp_prep": 0.6, "prep_noun": 0.55, "affiliation": 0.7, "svo_modifier": 0.55, "poss_part": 0.6,
    "compound_of": 0.6, "reciprocal": 0.65, "claim": 0.55, "poss_leader": 0.6, "passive_from": 0.7,
    "state_body": 0.7, "where_clause": 0.6, "event_place": 0.7, "range": 0.6,
}

_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
_OBJ_DEPS = frozenset({"dobj", "obj"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
#: Modal auxiliaries that make a statement a possibility rather than a fact.
_HEDGE_MODALS = frozenset({"would", "could", "may", "might", "can", "should", "must", "shall"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
#: Verbs whose infinitive complement states an intention or attempt, not a fact.
_INTENT_VERBS = frozenset({
    "want", "plan", "hope", "seek", "try", "threaten", "intend", "aim", "expect", "consider",
    "propose", "attempt", "offer", "promise", "wish", "prepare", "vow", "pledge", "urge",
    "ask", "call", "persuade", "encourage", "push", "press", "need",
})
#: Verbs whose complement is denied.
_NEGATING_VERBS = frozenset({"deny", "refuse", "reject", "fail", "decline", "rule"})
#: Verbs whose infinitive complement takes the verb's object as subject ("urged X to leave").
_OBJECT_CONTROL = frozenset({
    "persuade", "urge", "ask", "tell", "force", "allow", "invite", "order", "encourage",
    "help", "enable", "require", "permit", "warn", "advise", "pressure", "press",
})
#: Reporting verbs: what their clausal complement states is attributed to their subject.
_REPORTING_VERBS = frozenset({
    "say", "tell", "claim", "report", "add", "warn", "state", "insist", "argue", "announce", "allege",
    "suggest", "believe", "think", "admit", "confirm", "deny", "write", "explain", "note", "accuse",
})
#: Verbs and nouns of mutual action: coordinated actors act on each other ("X and Y agreed").
_RECIPROCAL_VERBS = frozenset({
    "agree", "meet", "talk", "negotiate", "clash", "fight", "sign", "cooperate", "collaborate", "compete",
    "merge", "ally", "trade", "quarrel", "argue", "discuss", "partner", "unite", "reconcile", "war",
})
_RECIPROCAL_NOUNS = frozenset({
    "talk", "talks", "meeting", "war", "clash", "conflict", "relation", "relations", "progress", "deal",
    "agreement", "negotiation", "negotiations", "dispute", "tension", "tensions", "peace", "summit", "trade",
    "rivalry", "partnership", "alliance", "merger", "ties", "dialogue",
})
#: Verbs whose passive names the remover with "from": "expelled from Labour", "deported from Britain".
_REMOVAL_VERBS = frozenset({
    "expel", "suspend", "ban", "bar", "exclude", "oust", "eject", "dismiss", "sack", "deport", "extradite",
})
#: Actors that can remove someone (a party, a country, a group).
_BODY_TYPES = frozenset({EntityType.ORG, EntityType.GPE, EntityType.NORP})
#: Reporting verbs that accuse: "the newspaper claimed he received money" → newspaper claim he.
_CLAIM_VERBS = frozenset({"claim", "allege", "accuse", "warn", "demand"})
#: Motion verbs: in "head for Moscow to speak with X" the clause's subject is the traveller.
_MOTION_VERBS = frozenset({
    "head", "leave", "travel", "fly", "depart", "go", "come", "return", "sail", "set", "drive",
    "move", "race", "rush",
})
_PLACE_TYPES = frozenset({EntityType.GPE, EntityType.LOC, EntityType.FAC})
_JOURNEY_NOUNS = frozenset({"mission", "trip", "visit", "journey", "tour"})
_REGION_NOUNS = frozenset({"state", "region", "province", "county", "district", "borough"})
_ALONG = frozenset({"along", "together"})
#: Nouns of intent whose infinitive says what their possessor means to do: "Russia's plan to invade".
_INTENT_NOUNS = frozenset({
    "bid", "plan", "attempt", "effort", "decision", "pledge", "promise", "threat", "move", "push", "offer",
    "proposal", "intention", "ambition", "desire", "drive", "campaign", "measure", "step", "way", "means"})
#: Nouns of a demand whose owner is what one yields to or resists: "bowed to US pressure" → bow_to US.
_PRESSURE_NOUNS = frozenset({"pressure", "demand", "request", "objection", "opposition"})
#: Nouns whose infinitive is done by whoever has them: "the chance to take on Galloway".
_CHANCE_NOUNS = frozenset({"chance", "opportunity"})
#: What a body's named business is called: "its Eurex derivatives market" (see `_business_owner`).
_BUSINESS_NOUNS = frozenset({"market", "unit", "subsidiary", "arm", "division", "business", "brand", "bank",
                             "exchange", "airline", "network", "channel", "label", "chain", "operation"})
#: Words that make a body named with a demonym part of that country's state.
_STATE_NOUNS = FORCE_NOUNS | {
    "ministry", "department", "army", "navy", "police", "parliament", "government", "embassy", "military",
    "office", "cabinet", "intelligence", "coastguard", "guard", "service", "council", "court", "agency"}
_ROLE_PREPS = frozenset({"of", "for", "at", "in", "to", "with"})
_MAX_NOUN_CHAIN = 2
_SNAKE = re.compile(r"[^a-z0-9]+")


def _snake(words: Sequence[str]) -> str:
    return _SNAKE.sub("_", " ".join(words).lower()).strip("_")


def _conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("France and Germany").

    Coordination inside an apposition counts too: in "his counterpart, Ariel Sharon, and the
    Palestinian leader, Mahmoud Abbas" the parser hangs "leader" on "Sharon".
    """
    found = [token, *token.conjuncts]
    for item in list(found):
        for child in item.children:
            if child.dep_ == "appos":
                found.extend(c for c in child.conjuncts if c not in found)
    return found


@dataclass(frozen=True, slots=True)
class _Args:
    """The subject side of a predicate: who acts, and whether they are grammatical patients."""

    tokens: tuple[Token, ...] = ()
    passive: bool = False


@dataclass(slots=True)
class _Modality:
    negated: bool = False
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class _Relation:
    words: tuple[str, ...]
    surface: tuple[Token, ...]
    obj: Token
    rule: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Extractor:
    """Rule-based actor-triple extractor; holds only read-only settings.

    Args:
        gazetteer: canonical places, aliases and demonyms (the bundled table by default).
        relations: synonym table folding relations into canonical ones (the bundled table by default).
        labels: spaCy entity labels that count as actors.
        min_confidence: triples below this confidence are dropped.
    """

    gazetteer: Gazetteer = field(default_factory=load_gazetteer)
    relations: RelationTable = field(default_factory=load_relations)
    labels: frozenset[str] = ACTOR_LABELS
    min_confidence: float = 0.0

    def extract(self, doc: Doc, article: Article, *, offset: int = 0) -> ArticleResult:
        """Extract the actors and triples of ``article`` from its parsed ``doc``.

        ``offset`` is added to character offsets when ``doc`` covers a later chunk of the text.
        """
        mentions = find_mentions(doc, self.gazetteer, labels=self.labels)
        seen: set[tuple[str, str, str, int]] = set()
        triples: list[Triple] = []
        for triple in self._triples(doc, article, mentions, offset):
            key = (triple.subject.key, triple.relation, triple.object.key, triple.evidence.start)
            if key in seen:
                continue
            seen.add(key)
            triples.append(triple)
        return ArticleResult(article=article, entities=mentions.entities, triples=tuple(triples))

    # ------------------------------------------------------------------ driving the rules
    def _triples(self, doc: Doc, article: Article, mentions: ArticleMentions, offset: int) -> Iterator[Triple]:
        for token in doc:
            if _is_predicate(token):
                yield from self._predicate_triples(token, article, mentions, offset)
            if token.i in mentions.by_token:
                yield from self._role_triples(token, article, mentions, offset)
                yield from self._place_triples(token, article, mentions, offset)
            elif token.pos_ == "NOUN":
                yield from self._nominal_triples(token, article, mentions, offset)

    def _make(self, subject: Entity, relation: str, obj: Entity, sent: Span, article: Article,
              offset: int, *, modality: _Modality, surface: Sequence[Token], rule: str,
              ends: Sequence[Token] = (), inherited: bool = False,
              attributed_to: Entity | None = None) -> Triple | None:
        if subject.key == obj.key or not relation:
            return None
        confidence = _confidence(rule, modality, ends, inherited)
        if confidence < self.min_confidence:
            return None
        text = sent.text
        lead = len(text) - len(text.lstrip())
        sentence = text.strip()
        evidence = Evidence(
            article_id=article.id,
            sentence=sentence,
            start=sent.start_char + offset + lead,
            end=sent.start_char + offset + lead + len(sentence),
            date=article.date,
        )
        return Triple(
            subject=subject, relation=self.relations.normalise(relation), object=obj, evidence=evidence,
            negated=modality.negated, hedged=modality.hedged,
            surface=" ".join(t.text for t in sorted(set(surface), key=lambda t: t.i)), rule=rule,
            confidence=confidence,
            attributed_to=(None if attributed_to is None or attributed_to.key == subject.key
                           else Entity(key=attributed_to.key, name=attributed_to.name, type=attributed_to.type,
                                       aliases=frozenset({attributed_to.name}))),
        )

    # ------------------------------------------------------------------ verbal predicates
    def _predicate_triples(self, verb: Token, article: Article, mentions: ArticleMentions,
                           offset: int) -> Iterator[Triple]:
        args = _subject_of(verb, mentions)
        inherited = _own_subject(verb) is None
        agents = [(t, a) for t in _agent_tokens(verb) for a in [mentions.entity(t)] if a is not None]
        subjects = [(t, e) for t in args.tokens for e in [mentions.referent(t)] if e is not None]
        if not args.passive:
            subjects += [(t, e) for t in _co_agents(verb) for e in [mentions.entity(t)] if e is not None]
        modality = _modality(verb)
        sent = verb.sent
        speaker = _speaker(verb, mentions)
        lemma = _verb_words(verb)
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "prt"}]
        yield from self._reciprocal_triples(verb, article, mentions, offset, modality)
        yield from self._claim_triples(verb, article, mentions, offset, modality)
        # the doer of a passive becomes the subject: the agent ("Jack Straw was criticised by the
        # Conservatives" → Conservatives criticise Straw), or the body a removal names with "from"
        # ("Galloway was expelled from Labour" → Labour expel Galloway, not Galloway expel_from Labour)
        doers: list[tuple[Token, Entity]] = []
        rule = "passive_agent"
        if args.passive and agents:
            doers = agents
        elif args.passive and verb.lemma_.lower() in _REMOVAL_VERBS:
            doers = [(t, e) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
                     for pobj in prep.children if pobj.dep_ == "pobj" for t in _conjuncts(pobj)
                     for e in [mentions.entity(t)] if e is not None and e.type in _BODY_TYPES]
            rule = "passive_from"
        if doers:
            for doer_token, doer in doers:
                for patient_token, patient in subjects:
                    triple = self._make(doer, _snake(lemma), patient, sent, article, offset,
                                        modality=modality, surface=[verb, *auxes], rule=rule,
                                        ends=(doer_token, patient_token), inherited=inherited,
                                        attributed_to=speaker)
                    if triple:
                        yield triple
            return
        for rel in _objects(verb, mentions, passive=args.passive):
            obj = mentions.entity(rel.obj)
            if obj is None or _is_possessor(rel.obj, mentions):
                continue
            # copula: the relational noun is the relation ("is a member of" → member_of)
            head_words = [] if rel.rule == "copula" and verb.lemma_ == "be" else lemma
            for subject_token, subject in subjects:
                triple = self._make(subject, _snake([*head_words, *rel.words]), obj, sent, article, offset,
                                    modality=modality, surface=[verb, *auxes, *rel.surface], rule=rel.rule,
                                    ends=(subject_token, rel.obj), inherited=inherited, attributed_to=speaker)
                if triple:
                    yield triple

    def _reciprocal_triples(self, verb: Token, article: Article, mentions: ArticleMentions, offset: int,
                            modality: _Modality) -> Iterator[Triple]:
        # coordinated subjects of a mutual verb: "Rosneft and CNPC have agreed" → Rosneft agree_with CNPC
        if verb.lemma_.lower() not in _RECIPROCAL_VERBS:
            return
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or not subjects[0].conjuncts:
            return
        actors = [(t, e) for t in _conjuncts(subjects[0]) for e in [mentions.entity(t)] if e is not None]
        for (first_token, first), (second_token, second) in itertools.pairwise(actors):
            triple = self._make(first, _snake([verb.lemma_.lower(), "with"]), second, verb.sent, article, offset,
                                modality=modality, surface=[verb], rule="reciprocal",
                                ends=(first_token, second_token))
            if triple:
                yield triple

    def _claim_triples(self, verb: Token, article: Article, mentions: ArticleMentions, offset: int,
                       modality: _Modality) -> Iterator[Triple]:
        # "the Telegraph claimed he received money" → Telegraph claim Galloway
        if verb.lemma_.lower() not in _CLAIM_VERBS:
            return
        # the subject as the other rules see it: "Russia, which is demanding that ..." → Russia
        args = _subject_of(verb, mentions)
        if args.passive:
            return
        speakers = [(t, e) for t in args.tokens for e in [mentions.entity(t)] if e is not None]
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            for subject in clause.children:
                if subject.dep_ not in {"nsubj", "nsubjpass"}:
                    continue
                accused = mentions.entity(subject)
                for speaker_token, speaker in speakers:
                    if accused is None:
                        continue
                    triple = self._make(speaker, verb.lemma_.lower(), accused, verb.sent, article, offset,
                                        modality=modality, surface=[verb], rule="claim",
                                        ends=(speaker_token, subject))
                    if triple:
                        yield triple

    # ------------------------------------------------------------------ roles and titles
    def _role_triples(self, token: Token, article: Article, mentions: ArticleMentions,
                      offset: int) -> Iterator[Triple]:
        person = mentions.by_token[token.i]
        if not _is_mention_root(token, mentions):
            return
        own = _mention_tokens(token, mentions)  # the mention's words, "the" included
        nouns: list[tuple[Token, str]] = []
        describes_titles = person.type in {EntityType.PERSON, EntityType.ORG}
        for child in token.children:
            # apposition: "Sergei Shoigu, Russia's defence minister" / "Belarus, north of Ukraine"
            if child.dep_ == "appos" and child.i not in mentions.by_token and child.pos_ == "NOUN":
                nouns.append((child, "appos_role"))
                # a list of appositions the parser hangs on the name: "Belarus, north of Ukraine and
                # an ally of Russia" → ally_of Russia
                for other in token.children:
                    if (other.dep_ == "conj" and other.pos_ == "NOUN" and other.i not in mentions.by_token
                            and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in other.children)):
                        nouns.append((other, "appos_role"))
            # title before the name: "Russian president Vladimir Putin", "UK defence secretary Ben Wallace"
            elif (describes_titles and child.dep_ in {"compound", "amod", "nmod"} and child.i < token.i
                  and child.i not in mentions.by_token and child.pos_ in {"NOUN", "PROPN"}):
                nouns.append((child, "title_role"))
            # an organisation's person: "the BBC's Paul Reynolds" → work_for
            elif (child.dep_ == "poss" and person.type is EntityType.PERSON and child.i in mentions.by_token
                  and mentions.by_token[child.i].type is EntityType.ORG):
                triple = self._make(person, "work_for", mentions.by_token[child.i], token.sent, article, offset,
                                    modality=_Modality(), surface=[child], rule="affiliation")
                if triple:
                    yield triple
            # a leader's body or country: "Joe Biden's White House", "Putin's Russia" → lead
            elif (child.dep_ == "poss" and person.type in {EntityType.ORG, EntityType.GPE}
                  and child.i in mentions.by_token and mentions.by_token[child.i].type is EntityType.PERSON):
                triple = self._make(mentions.by_token[child.i], "lead", person, token.sent, article, offset,
                                    modality=_Modality(), surface=[child], rule="poss_leader")
                if triple:
                    yield triple
            # an organisation a country owns: "the Russian Federation's Armed Forces" → part_of Russia
            elif (child.dep_ == "poss" and person.type is EntityType.ORG and child.i in mentions.by_token
                  and mentions.by_token[child.i].type in {EntityType.GPE, EntityType.ORG}):
                holder = mentions.by_token[child.i]
                triple = self._make(person, _owned_by(person, holder), holder, token.sent, article, offset,
                                    modality=_Modality(), surface=[child], rule="poss_part")
                if triple:
                    yield triple
        if person.type is EntityType.ORG and not any(c.dep_ == "poss" and c.i in mentions.by_token
                                                     for c in token.children):
            # the same when the parser missed the possessive: "BBC Radio 4's Today programme" → part_of
            first = own[0].i
            doc = token.doc
            owner = mentions.by_token.get(first - 2) if first >= 2 else None
            if (owner is not None and owner is not person and doc[first - 1].lower_ in POSSESSIVE_MARKS
                    and owner.type in {EntityType.GPE, EntityType.ORG}):
                triple = self._make(person, _owned_by(person, owner), owner, token.sent, article, offset,
                                    modality=_Modality(), surface=[doc[first - 1]], rule="poss_part")
                if triple:
                    yield triple
        if person.type in {EntityType.ORG, EntityType.FAC}:
            # "the Munich-based company", "the Paris-based Euronext" → based_in
            for based in token.children:
                if based.dep_ != "amod" or based.lower_ != "based":
                    continue
                for place_token in based.children:
                    place = mentions.by_token.get(place_token.i)
                    if place is not None and place.type in _PLACE_TYPES:
                        triple = self._make(person, "based_in", place, token.sent, article, offset,
                                            modality=_Modality(), surface=[place_token, based], rule="place_in")
                        if triple:
                            yield triple
        if person.type is EntityType.ORG:
            # a people's state body is its country's: "British forces", "the Belarusian Ministry of
            # Defence" → part_of; not "British Airways"
            named = [t for t in own if t.dep_ != "det"]
            entry = self.gazetteer.demonym(named[0].text) if named else None
            if entry is not None and entry.type is EntityType.GPE and any(w.lower_ in _STATE_NOUNS for w in named):
                country = Entity(key=entity_key(entry.name, entry.type), name=entry.name, type=entry.type,
                                 aliases=frozenset({entry.name}))
                triple = self._make(person, "part_of", country, token.sent, article, offset,
                                    modality=_Modality(), surface=[named[0]], rule="state_body")
                if triple:
                    yield triple
        if person.type is EntityType.ORG:
            # a body's named business: "its Eurex derivatives market", "its cash and Eurex
            # derivatives market" → the owner of "its" owns Eurex
            owner = _business_owner(own, mentions)
            if owner is not None:
                triple = self._make(owner, "own", person, token.sent, article, offset,
                                    modality=_Modality(), surface=own[:1], rule="poss_part")
                if triple:
                    yield triple
        if token.dep_ == "poss" and person.type in _PLACE_TYPES | {EntityType.ORG}:
            # a range spanning its region: "Nato's eastern flank, from the Baltic states to Romania
            # and Bulgaria" → each is part of Nato ("Europe's south, from Spain to Greece": in Europe)
            relation = "located_in" if person.type in _PLACE_TYPES else "part_of"
            for member_token in _range_members(token.head):
                member = mentions.entity(member_token)
                if member is None or member.type not in _PLACE_TYPES:
                    continue
                triple = self._make(member, relation, person, token.sent, article, offset,
                                    modality=_Modality(), surface=[token.head], rule="range")
                if triple:
                    yield triple
        if person.type is EntityType.EVENT:
            # an event named by its place is held there: "a London conference" → held_in London
            place_words = list(itertools.takewhile(lambda t: t.ent_type_ in {"GPE", "LOC"},
                                                   (t for t in own if t.dep_ != "det")))
            if place_words:
                place = _article_place(" ".join(t.text for t in place_words), mentions, self.gazetteer)
                triple = self._make(person, "held_in", place, token.sent, article, offset,
                                    modality=_Modality(), surface=place_words[:1], rule="event_place")
                if triple:
                    yield triple
        if person.type is EntityType.PERSON:
            for child in token.children:
                # affiliation: "Brad Adams, from Human Rights Watch," → work_for
                if child.dep_ == "prep" and child.lower_ in {"from", "of", "at"}:
                    for pobj in child.children:
                        org = mentions.entity(pobj) if pobj.dep_ == "pobj" else None
                        if org is not None and org.type is EntityType.ORG:
                            triple = self._make(person, "work_for", org, token.sent, article, offset,
                                                modality=_Modality(), surface=[child], rule="affiliation")
                            if triple:
                                yield triple
        # an actor naming a part or role of another: "the Yuganskneftegas unit of Yukos" → unit_of
        head = token.head
        if (token.dep_ == "compound" and head.pos_ == "NOUN" and head.i not in mentions.by_token
                and person.type in {EntityType.ORG, EntityType.FAC}):
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"of", "for"}:
                    continue
                for pobj in prep.children:
                    target = mentions.entity(pobj) if pobj.dep_ == "pobj" else None
                    if target is not None:
                        triple = self._make(person, _snake([head.lemma_.lower(), prep.lower_]), target, token.sent,
                                            article, offset, modality=_Modality(), surface=[head, prep],
                                            rule="compound_of")
                        if triple:
                            yield triple
        # an actor before a title: "LSE chief executive Clara Furse" → chief_executive_of LSE
        if person.type is EntityType.PERSON:
            first = own[0].i
            for child in token.children:
                modifier = mentions.by_token.get(child.i)
                if child.dep_ not in {"compound", "nmod", "amod"} or child.i >= first or modifier in {None, person}:
                    continue
                title = [t for t in token.doc[child.i + 1 : first]
                         if t.i not in mentions.by_token and t.pos_ in {"NOUN", "ADJ", "PROPN"}]
                if token.pos_ == "NOUN" or (not token.ent_type_ and token.lower_ in TITLE_WORDS):
                    # a description that stands for the person: "the British prime minister" → prime_minister_of
                    title.append(token)
                if title and modifier is not None:
                    triple = self._make(person, _snake([*(w.lower_ for w in title), "of"]), modifier, token.sent,
                                        article, offset, modality=_Modality(), surface=title, rule="title_role")
                    if triple:
                        yield triple
        # reversed apposition: "Russia's defence minister, Sergei Shoigu"
        description = _description_named(token, mentions)
        if description is not None:
            nouns.append((description, "appos_role"))
        for noun, rule in nouns:
            for words, target_token in _role_targets(noun, mentions):
                target = mentions.referent(target_token)
                if target is None:
                    continue
                triple = self._make(person, _snake(words), target, token.sent, article, offset,
                                    modality=_Modality(), surface=[noun], rule=rule)
                if triple:
                    yield triple


    # ------------------------------------------------------------------ places and nominals
    def _place_triples(self, token: Token, article: Article, mentions: ArticleMentions,
                       offset: int) -> Iterator[Triple]:
        inner = mentions.by_token[token.i]
        if not _is_mention_root(token, mentions):
            return
        relation = "based_in" if inner.type is EntityType.ORG else "located_in"
        last = token.i
        while last + 1 < len(token.doc) and mentions.by_token.get(last + 1) is inner:
            last += 1
        bracketed = _bracketed_in(token.doc[last])
        children = [c for c in token.children if bracketed is None or c.i != bracketed.i]
        if bracketed is not None:
            # a name set off as ", in London," is placed whatever its type: the model tags some
            # seats as people ("Bethnal Green, in London")
            children.append(bracketed)
        elif inner.type not in _PLACE_TYPES | {EntityType.ORG}:
            return
        for child in children:
            targets: list[Token] = []
            if child.dep_ == "prep" and child.lower_ == "in":
                # "Liffe in London", "Bethnal Green, in London" → located/based in
                targets = [p for p in child.children if p.dep_ == "pobj"]
            elif child.dep_ == "appos" and inner.type in _PLACE_TYPES and token.tag_ not in {"NNS", "NNPS"}:
                # "Brick Lane, east London" → located_in; what follows a plural is an example
                # ("former Soviet republics, notably Ukraine")
                targets = [child]
            for target_token in targets:
                outer = mentions.entity(target_token)
                if outer is None or outer.type not in {EntityType.GPE, EntityType.LOC}:
                    continue
                triple = self._make(inner, relation, outer, token.sent, article, offset,
                                    modality=_Modality(), surface=[child], rule="place_in")
                if triple:
                    yield triple

    def _nominal_triples(self, noun: Token, article: Article, mentions: ArticleMentions,
                         offset: int) -> Iterator[Triple]:
        # mutual nominal: "talks between Israel and the Palestinians" → Israel talks_with Palestinians
        if noun.lower_ in _RECIPROCAL_NOUNS or noun.lemma_.lower() in _RECIPROCAL_NOUNS:
            for prep in noun.children:
                if prep.dep_ != "prep" or prep.lower_ != "between":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    actors = [(t, e) for t in _conjuncts(pobj) for e in [mentions.entity(t)] if e is not None]
                    for (first_token, first), (second_token, second) in itertools.pairwise(actors):
                        triple = self._make(first, _snake([noun.lower_, "with"]), second, noun.sent, article,
                                            offset, modality=_Modality(), surface=[noun, prep], rule="reciprocal",
                                            ends=(first_token, second_token))
                        if triple:
                            yield triple
        # possessive nominal: "Deutsche Boerse's bid for the LSE" → bid_for, "Russia's invasion of Ukraine"
        owners = [c for c in noun.children if c.dep_ == "poss" and mentions.entity(c) is not None]
        if noun.lemma_.lower() in _JOURNEY_NOUNS:
            # "his mission to the Middle East" → travel_to
            owners += [c for c in noun.children if c.dep_ == "poss" and c.i in mentions.possessors]
        if not owners:
            return
        modality = _modality(noun.head) if noun.head.pos_ in {"VERB", "AUX"} else _Modality()
        # possessor and actor compound: "Mr Straw's China trip" → Straw trip China
        for compound in noun.children:
            named = mentions.entity(compound) if compound.dep_ == "compound" else None
            for owner in owners:
                subject = mentions.referent(owner)
                if named is None or subject is None:
                    continue
                triple = self._make(subject, noun.lemma_.lower(), named, noun.sent, article, offset,
                                    modality=modality, surface=[owner, compound, noun], rule="poss_nominal")
                if triple:
                    yield triple
        for words, surface, target in _noun_chain(noun, mentions):
            obj = mentions.entity(target)
            for owner in owners:
                subject = mentions.referent(owner)
                if subject is None or obj is None:
                    continue
                relation = _snake([noun.lemma_.lower(), *words[1:]])
                if (noun.lemma_.lower() in _REGION_NOUNS and words == [noun.lower_, "of"]
                        and subject.type in _PLACE_TYPES and obj.type in _PLACE_TYPES):
                    # "Frankfurt's state of Hessen": the place lies in the region named; "Germany's
                    # region of Bavaria": a country's region lies in the country
                    if self.gazetteer.canonical(subject.name) is not None:
                        subject, obj = obj, subject
                    relation = "located_in"
                triple = self._make(subject, relation, obj, noun.sent, article,
                                    offset, modality=modality, surface=[owner, *surface], rule="poss_nominal")
                if triple:
                    yield triple


# ---------------------------------------------------------------------- helpers on tokens
def _is_possessor(token: Token, mentions: ArticleMentions) -> bool:
    """True when the token's name owns the name after it, which the parser split off as a second
    object: in "told BBC Radio 4's Today programme" the object is the programme, not the station."""
    entity = mentions.by_token.get(token.i)
    if entity is None:
        return False
    doc, end = token.doc, token.i
    while end + 1 < len(doc) and mentions.by_token.get(end + 1) is entity:
        end += 1
    if doc[end].lower_ not in POSSESSIVE_MARKS:
        if end + 1 < len(doc) and doc[end + 1].lower_ in POSSESSIVE_MARKS:
            end += 1
        else:
            return False
    following = mentions.by_token.get(end + 1)
    return following is not None and following is not entity


def _owned_by(body: Entity, owner: Entity) -> str:
    """What "owner's body" says: a country's state body is part of it ("Russia's Armed Forces"),
    a country's company is based there ("China's CNPC"); an organisation's part is part of it."""
    if owner.type is EntityType.GPE and not any(w in _STATE_NOUNS for w in body.name.lower().split()):
        return "based_in"
    return "part_of"


def _description_named(name: Token, mentions: ArticleMentions) -> Token | None:
    """The description a name is in apposition to: "Russia's defence minister, Sergei Shoigu" →
    minister, also when the parser hung the name on an earlier word ("Hans Reckers, a board member
    of Germany's central bank, the Bundesbank" → bank)."""
    if name.dep_ != "appos":
        return None
    head = name.head
    if head.pos_ == "NOUN" and head.i not in mentions.by_token:
        return head
    first = _mention_tokens(name, mentions)[0].i
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


def _mention_tokens(token: Token, mentions: ArticleMentions) -> list[Token]:
    """The tokens of the mention ``token`` heads, in text order: "the Belarusian Ministry of Defence"."""
    entity = mentions.by_token.get(token.i)
    return sorted((t for t in token.subtree if mentions.by_token.get(t.i) is entity), key=lambda t: t.i) or [token]


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


def _business_owner(name: Sequence[Token], mentions: ArticleMentions) -> Entity | None:
    """Whose business a named body is when "its" comes before it in a list of business nouns."""
    doc = name[0].doc
    listed = {"NOUN", "PROPN", "ADJ", "CCONJ"}
    for t in doc[name[-1].i + 1:min(name[-1].i + 5, len(doc))]:  # a full stop ends the list
        if t.lemma_.lower() in _BUSINESS_NOUNS:
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


def _range_members(noun: Token) -> list[Token]:
    """The ends of a range set off after `noun`: "its flank, from the Baltic states to Romania and Bulgaria"."""
    doc = noun.doc
    comma = noun.right_edge.i + 1
    if comma + 1 >= noun.sent.end or doc[comma].text != ",":
        return []
    start = doc[comma + 1]
    if start.head.i not in {noun.i, noun.head.i}:
        return []
    return [member for end in _range_ends(start) for member in _conjuncts(end)]


def _range_ends(start: Token) -> list[Token]:
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
        if found.entity.type in _PLACE_TYPES and key in {name_key(a) for a in found.entity.aliases}:
            return found.entity
    entry = gazetteer.canonical(name)
    canonical, type_ = (entry.name, entry.type) if entry is not None else (name, EntityType.GPE)
    return Entity(key=entity_key(canonical, type_), name=canonical, type=type_, aliases=frozenset({canonical, name}))


def _places_name(prep: Token, mentions: ArticleMentions) -> bool:
    """`prep` is the ", in London," that places the name just before it (see `_bracketed_in`)."""
    if prep.i < 2 or prep.i - 2 not in mentions.by_token:
        return False
    found = _bracketed_in(prep.doc[prep.i - 2])
    return (found is not None and found.i == prep.i
            and any((place := mentions.entity(p)) is not None and place.type in _PLACE_TYPES
                    for p in prep.children if p.dep_ == "pobj"))


def _is_mention_root(token: Token, mentions: ArticleMentions) -> bool:
    """True for the token that heads its mention ("Shoigu" in "Sergei Shoigu"), so rules fire once per mention."""
    head = token.head
    return head.i == token.i or mentions.by_token.get(head.i) is not mentions.by_token.get(token.i)


def _confidence(rule: str, modality: _Modality, ends: Sequence[Token], inherited: bool) -> float:
    """Score a triple: the rule's trust, less for pronoun ends, inherited subjects, hedges and distance."""
    score = RULE_CONFIDENCE.get(rule, 0.6)
    if any(t.pos_ == "PRON" for t in ends):
        score *= 0.85  # an end resolved from a pronoun
    if inherited:
        score *= 0.9  # the subject came through coordination or control
    if modality.hedged:
        score *= 0.9
    if len(ends) == 2 and abs(ends[0].i - ends[1].i) > 20:
        score *= 0.85  # far-apart ends are likelier a misparse
    return round(score, 2)



def _is_predicate(token: Token) -> bool:
    if token.pos_ == "VERB":
        return token.dep_ not in {"amod", "compound"}
    # copula as the main verb: "Romania is a member of Nato"
    return token.pos_ == "AUX" and token.dep_ not in {"aux", "auxpass"}


def _verb_words(verb: Token) -> list[str]:
    """The verb lemma with its particles: "drum up" → ["drum", "up"]."""
    words = [verb.lemma_.lower()]
    words += [c.text.lower() for c in verb.children if c.dep_ == "prt"]
    return words


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass"} or c.dep_ in _PASS_SUBJ_DEPS for c in verb.children)


def _agent_tokens(verb: Token) -> list[Token]:
    """Agents of a passive verb: "criticised by Y" → [Y]."""
    return [p for agent in verb.children if agent.dep_ == "agent"
            for pobj in agent.children if pobj.dep_ == "pobj" for p in _conjuncts(pobj)]


def _own_subject(verb: Token) -> _Args | None:
    for child in verb.children:
        if child.dep_ in _SUBJ_DEPS | _PASS_SUBJ_DEPS:
            passive = child.dep_ in _PASS_SUBJ_DEPS
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # relative clause: "Russia, which is demanding that ..." → Russia
                return _Args((verb.head, *verb.head.conjuncts), passive)
            if child.dep_ == "csubj" and child.lemma_ == "do" and any(w.lower_ == "what" for w in child.children):
                # pseudo-cleft: "What the government is doing is giving in to ..." → the government
                return _own_subject(child)
            return _Args(tuple(_conjuncts(child)), passive)
    return None


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _co_agents(verb: Token) -> list[Token]:
    """Who acts with the subject: "X launched Respect along with Y" → Y launched it too.

    The parser often hangs a later "and Z" of that list on the verb; Z is then a nominal conjunct
    of the verb.
    """
    found: list[Token] = []
    for child in verb.children:
        # "along" heads "with", or "with" heads "along", as the parser sees it
        if child.lower_ in _ALONG:
            preps = [p for p in child.children if p.dep_ == "prep" and p.lower_ == "with"]
        else:
            preps = [child] if _is_along_with(child) else []
        if not preps:
            continue
        found += [t for prep in preps for pobj in prep.children if pobj.dep_ == "pobj" for t in _conjuncts(pobj)]
        found += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"}]
    return found


def _is_along_with(prep: Token) -> bool:
    return prep.dep_ == "prep" and prep.lower_ == "with" and any(c.lower_ in _ALONG for c in prep.children)


def _for_clause_subject(clause: Token, mentions: ArticleMentions) -> Token | None:
    """The actor X of "for X to V" attached to a clause, if the clause has that shape."""
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return None
    for child in clause.children:
        if child.dep_ == "nsubj" and mentions.entity(child) is not None:
            return child
    return None


def _subject_of(verb: Token, mentions: ArticleMentions, depth: int = 0) -> _Args:
    """Who the verb's subject is, inheriting it through coordination, control and clauses."""
    if depth > 6:
        return _Args()
    own = _own_subject(verb)
    head = verb.head
    if own is not None:
        # "head for Moscow to speak with Shoigu": spaCy parses "Moscow" as subject of "speak";
        # a place after a motion verb is the destination, so the traveller is the subject.
        place = _for_clause_subject(verb, mentions)
        if place is not None and head.lemma_ in _MOTION_VERBS:
            entity = mentions.entity(place)
            if entity is not None and entity.type in _PLACE_TYPES:
                return _subject_of(head, mentions, depth + 1)
        return own
    if verb.dep_ == "conj" and head.i != verb.i:
        # coordinated verbs: "X travelled to Paris and met Y" → X met Y
        return _subject_of(head, mentions, depth + 1)
    if verb.dep_ in {"xcomp", "advcl", "pcomp", "ccomp"}:
        governor = head.head if head.dep_ == "prep" and verb.dep_ == "pcomp" else head
        if verb.dep_ == "ccomp" or governor.i == verb.i:
            return _Args()
        # object control: "urged Germany to lift the ban" → Germany lift ban
        if verb.dep_ == "xcomp" and governor.lemma_ in _OBJECT_CONTROL:
            objects = [c for c in governor.children if c.dep_ in _OBJ_DEPS]
            if objects:
                return _Args(tuple(_conjuncts(objects[0])))
        inherited = _subject_of(governor, mentions, depth + 1)
        # "Putin can be persuaded against invading Ukraine" → Putin invade Ukraine
        return _Args(inherited.tokens, passive=False)
    if verb.dep_ in {"acl", "relcl"} and head.lemma_.lower() in _CHANCE_NOUNS and _is_infinitive(verb):
        # "she was delighted at the chance to take on Galloway" → whoever has the chance acts
        holder = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        return _Args(_subject_of(holder, mentions, depth + 1).tokens) if holder is not None else _Args()
    if verb.dep_ in {"acl", "relcl"} and head.lemma_.lower() in _INTENT_NOUNS and _is_infinitive(verb):
        # "Russia's plan to invade Ukraine", "his bid to disengage from Gaza" → the possessor acts
        owners = tuple(c for c in head.children if c.dep_ == "poss")
        if not owners and head.dep_ == "attr":
            # "the conference will be a measure to shore up Abbas" → the copula's subject acts
            return _Args(_subject_of(head.head, mentions, depth + 1).tokens)
        if not owners and head.dep_ == "nsubj":
            # "a drive to reform the Authority would come at a London conference" → the event acts
            owners = tuple(pobj for prep in head.head.children if prep.dep_ == "prep" and prep.lower_ == "at"
                           for pobj in prep.children if pobj.dep_ == "pobj"
                           and (event := mentions.entity(pobj)) is not None and event.type is EntityType.EVENT)
        return _Args(owners)
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        # participle: "Oona King, backed by Tony Blair" (patient) / "troops leaving Belarus" (agent)
        return _Args((head,), passive=verb.tag_ == "VBN")
    return _Args()


def _speaker(verb: Token, mentions: ArticleMentions) -> Entity | None:
    """Who reports the clause a verb heads: "X said Y threatened Z" → X for "threatened"."""
    current = verb
    for _ in range(6):
        if current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in _REPORTING_VERBS:
            reporter = current.head
            for child in reporter.children:
                if child.dep_ == "nsubj":
                    return mentions.entity(child)
            return None
        if current.dep_ in {"xcomp", "advcl"} and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def _modality(verb: Token) -> _Modality:
    """Negation and hedging of a verb, including those of the verbs that control it."""
    result = _Modality()
    current: Token | None = verb
    steps = 0
    while current is not None and steps < 6:
        for child in current.children:
            if child.dep_ == "neg":
                result.negated = True
            elif (child.dep_ == "aux" and child.lower_ in _HEDGE_MODALS) or (
                child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS
            ):
                result.hedged = True
        if current.dep_ in {"acl", "relcl"} and current.head.lemma_.lower() in _INTENT_NOUNS:
            result.hedged = True  # "a plan to invade": intended, not done
        if current.dep_ not in {"xcomp", "pcomp", "advcl", "ccomp"} or current.head.i == current.i:
            break
        governor = current.head.head if current.dep_ == "pcomp" else current.head
        if current.dep_ in {"xcomp", "pcomp"} and governor.lemma_ in _INTENT_VERBS:
            result.hedged = True
        if governor.lemma_ in _NEGATING_VERBS:
            result.negated = True
        if current.dep_ == "pcomp" and current.head.lower_ == "against":
            result.hedged = True
        if current.dep_ in {"advcl", "ccomp"}:
            break  # a separate clause keeps its own modality
        current = governor
        steps += 1
    return result


def _noun_chain(
    noun: Token, mentions: ArticleMentions, depth: int = 0
) -> Iterator[tuple[list[str], list[Token], Token]]:
    """Follow "noun prep noun" chains to an actor: "sanctions against the Kremlin".

    Yields the words along the way, the tokens for the surface form, and the actor token.
    """
    if depth >= _MAX_NOUN_CHAIN:
        return
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for target in _conjuncts(pobj):
                if mentions.entity(target) is not None:
                    yield [noun.lower_, prep.lower_], [noun, prep], target
                elif target.pos_ == "NOUN":
                    for words, surface, actor in _noun_chain(target, mentions, depth + 1):
                        yield [noun.lower_, prep.lower_, *words], [noun, prep, *surface], actor


def _objects(verb: Token, mentions: ArticleMentions, *, passive: bool) -> Iterator[_Relation]:
    """The objects of a verb, each with the words it adds to the relation."""
    for child in verb.children:
        dep = child.dep_
        if dep in _OBJ_DEPS and not passive:
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # an object relative: "his constituents in Scotland, who he abandoned" → the noun;
                # "which" is never a person the parser hung it on ("said Sella, which Laporte is doing")
                antecedent = mentions.entity(verb.head)
                if child.lower_ == "which" and antecedent is not None and antecedent.type is EntityType.PERSON:
                    continue
                child = verb.head
            for obj in _conjuncts(child):
                if mentions.entity(obj) is not None:
                    # direct object: "Russia invaded Ukraine" → invade
                    yield _Relation((), (), obj, "svo")
                elif obj.pos_ in {"NOUN", "PROPN"}:
                    # object noun with a prepositional actor: "imposed sanctions on Russia" → impose_sanctions_on
                    for words, surface, actor in _noun_chain(obj, mentions):
                        yield _Relation(tuple(words), tuple(surface), actor, "svo_noun_prep")
                    # object noun whose modifier is the actor: "criticised Germany's decision",
                    # "combines the Paris and Lisbon stock exchanges" → combine_stock_exchange_of
                    for modifier in obj.children:
                        if modifier.dep_ in {"poss", "compound", "nmod"} and mentions.entity(modifier) is not None:
                            for actor in _conjuncts(modifier):
                                yield _Relation((*_role_words(obj), "of"), (obj,), actor, "svo_modifier")
        elif dep == "dative" and not passive:
            for obj in _conjuncts(child):
                if obj.dep_ == "dative" and obj.pos_ == "ADP":
                    # "gave weapons to Ukraine"
                    for pobj in obj.children:
                        if pobj.dep_ == "pobj":
                            yield _Relation((obj.lower_,), (obj,), pobj, "dative")
                else:
                    # indirect object: "he told the BBC" → tell BBC
                    yield _Relation((), (), obj, "dative")
        elif dep == "prep":
            if (child.i in mentions.by_token or _is_along_with(child) or _places_name(child, mentions)
                    or (child.doc[child.i - 1].text == "," and _range_ends(child))):
                # a preposition inside a name the parser split ("told World At One"), a co-agent
                # ("founded it along with Christian Aid"), or the place of the name before it
                # ("contest Bethnal Green, in London, for Respect") or the range of its object
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                for obj in _conjuncts(pobj):
                    if (obj.lemma_.lower() in _PRESSURE_NOUNS and child.lower_ in {"to", "against"}
                            and obj.i not in mentions.by_token):
                        # whose pressure it is: "gave in to French and German pressure" → give_in_to
                        # both ("despite US objections" says nothing of the US and the subject)
                        for modifier in obj.children:
                            if modifier.dep_ in {"amod", "compound", "poss"} and mentions.entity(modifier) is not None:
                                for actor in _conjuncts(modifier):
                                    yield _Relation((child.lower_,), (child,), actor, "prep")
                    elif mentions.entity(obj) is not None:
                        # prepositional object: "travelled to Moscow" → travel_to
                        yield _Relation((child.lower_,), (child,), obj, "prep")
                    elif obj.pos_ == "NOUN":
                        # "finished talks with leaders in Europe" → finish_talks_with_leaders_in
                        for words, surface, actor in _noun_chain(obj, mentions, 1):
                            yield _Relation((child.lower_, *words), (child, *surface), actor, "prep_noun")
        elif dep == "attr" and child.pos_ == "NOUN" and child.i not in mentions.by_token:
            # copula with a relational noun: "Romania is a member of Nato" → member_of
            for words, surface, actor in _noun_chain(child, mentions):
                role = _role_words(child)
                yield _Relation((*role, *words[1:]), tuple(surface), actor, "copula")
        elif dep == "acomp":
            # adjective with preposition: "Blair is close to Israel" → be_close_to
            for prep in child.children:
                if prep.dep_ != "prep":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        for obj in _conjuncts(pobj):
                            yield _Relation((child.lower_, prep.lower_), (child, prep), obj, "acomp_prep")
        elif dep == "advmod" and child.lower_ == "where" and verb.dep_ == "relcl":
            # "Basra, where British forces are stationed" → station_in Basra; a place only ("BBC
            # Three, where it proved a success" says nothing of the channel)
            place = mentions.entity(verb.head)
            if place is not None and place.type in _PLACE_TYPES:
                yield _Relation(("in",), (child,), verb.head, "where_clause")
        elif dep == "prt" and not passive:
            # a particle the parser gave the object: "take on Mr Galloway" → take_on
            for pobj in child.children:
                if pobj.dep_ == "pobj" and mentions.entity(pobj) is not None:
                    yield _Relation((), (), pobj, "svo")
        elif dep == "ccomp" and not passive and _is_infinitive(child):
            # "expect Palestinians to give up terrorism" → expect Palestinians; a named one only
            # ("wanted it to end": the ban, not a country)
            for subject in child.children:
                if subject.dep_ == "nsubj" and subject.pos_ != "PRON" and mentions.entity(subject) is not None:
                    yield _Relation((), (), subject, "svo")
        elif dep in {"advcl", "xcomp"}:
            # "called for Russia to withdraw" → call_for Russia
            target = _for_clause_subject(child, mentions)
            if target is not None:
                mark = next(c for c in child.children if c.dep_ == "mark")
                yield _Relation(("for",), (mark,), target, "for_clause")


def _role_words(noun: Token) -> list[str]:
    """The words of a role noun with its non-actor modifiers: "defence minister"."""
    mods = [c for c in noun.lefts
            if c.dep_ in {"compound", "amod"} and c.ent_type_ == "" and c.pos_ in {"NOUN", "ADJ"}]
    return [*(m.lower_ for m in mods), noun.lemma_.lower()]


def _role_targets(noun: Token, mentions: ArticleMentions) -> Iterator[tuple[list[str], Token]]:
    """The actors a role noun is relative to: "Russia's defence minister" → (defence minister of, Russia)."""
    role = _role_words(noun)
    for child in noun.children:
        if child.i in mentions.by_token and child.dep_ in {"poss", "compound", "amod", "nmod"}:
            yield [*role, "of"], child
        elif child.dep_ == "poss" and child.i in mentions.possessors and noun.lemma_.lower() in OFFICE_NOUNS:
            # "Yukos ... its founder Mikhail Khodorkovsky" → founder_of Yukos; an office only:
            # "his counterpart" and "their two countries" are no roles in a body
            yield [*role, "of"], child
        elif child.dep_ in {"compound", "amod"} and child.pos_ == "NOUN" and child.i not in mentions.by_token:
            # one noun deeper: "Chinese counterpart Minister Li Zhaoxing" → counterpart_minister_of China
            for grandchild in child.children:
                if grandchild.i in mentions.by_token and grandchild.dep_ in {"poss", "compound", "amod", "nmod"}:
                    yield [*role, "of"], grandchild
        elif child.dep_ == "prep" and child.lower_ in _ROLE_PREPS:
            for pobj in child.children:
                # "a board member of Germany's central bank, the Bundesbank": the bank is named
                if pobj.dep_ == "pobj" and mentions.entity(pobj) is not None:
                    yield [*role, child.lower_], pobj
