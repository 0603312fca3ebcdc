"""What the extraction rules ask of the parse: subjects, objects, modality and the shape of names.

These helpers read spaCy tokens and the article's mentions; they make no triples themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from graphbuild.extraction.mentions import POSSESSIVE_MARKS, ArticleMentions
from graphbuild.extraction.rule import Rule
from graphbuild.extraction.rules.words import (
    ALONG,
    CHANCE_NOUNS,
    CONDITIONAL_MARKS,
    HEDGE_MODALS,
    INTENT_NOUNS,
    INTENT_VERBS,
    MAX_NOUN_CHAIN,
    MOTION_VERBS,
    NEGATING_VERBS,
    OBJ_DEPS,
    OBJECT_CONTROL,
    PASS_SUBJ_DEPS,
    PLACE_TYPES,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SUBJ_DEPS,
    TITLE_MODIFIERS,
)
from graphbuild.model import EntityType

_SNAKE = re.compile(r"[^a-z0-9]+")


def snake(words: Sequence[str]) -> str:
    return _SNAKE.sub("_", " ".join(words).lower()).strip("_")


def conjuncts(token: Token) -> list[Token]:
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
class Args:
    """The subject side of a predicate: who acts, and whether they are grammatical patients."""

    tokens: tuple[Token, ...] = ()
    passive: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Modality:
    """Whether a statement is denied, and whether it is only possible, intended or conditional."""

    negated: bool = False
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    """An object a rule found for a verb: the words it adds to the relation, its tokens, the actor token."""

    words: tuple[str, ...]
    surface: tuple[Token, ...]
    obj: Token
    rule: Rule


def possessed(token: Token, mentions: ArticleMentions) -> Token | None:
    """The first token of the name the token's name owns, written right after it, which the parser
    split off as a second object: in "told BBC Radio 4's Today programme" the object is the
    programme, not the station. None if there is none."""
    entity = mentions.by_token.get(token.i)
    if entity is None:
        return None
    doc, end = token.doc, token.i
    while end + 1 < len(doc) and mentions.by_token.get(end + 1) is entity:
        end += 1
    if doc[end].lower_ not in POSSESSIVE_MARKS:
        if end + 1 < len(doc) and doc[end + 1].lower_ in POSSESSIVE_MARKS:
            end += 1
        else:
            return None
    following = mentions.by_token.get(end + 1)
    return doc[end + 1] if following is not None and following is not entity else None


def mention_tokens(token: Token, mentions: ArticleMentions) -> list[Token]:
    """The tokens of the mention ``token`` heads, in text order: "the Belarusian Ministry of Defence"."""
    entity = mentions.by_token.get(token.i)
    return sorted((t for t in token.subtree if mentions.by_token.get(t.i) is entity), key=lambda t: t.i) or [token]


def is_mention_root(token: Token, mentions: ArticleMentions) -> bool:
    """True for the token that heads its mention ("Shoigu" in "Sergei Shoigu"), so rules fire once per mention."""
    head = token.head
    return head.i == token.i or mentions.by_token.get(head.i) is not mentions.by_token.get(token.i)


def is_predicate(token: Token) -> bool:
    if token.pos_ == "VERB":
        return token.dep_ not in {"amod", "compound"}
    # copula as the main verb: "Romania is a member of Nato"
    return token.pos_ == "AUX" and token.dep_ not in {"aux", "auxpass"}


def verb_words(verb: Token) -> list[str]:
    """The verb lemma with its particles: "drum up" → ["drum", "up"]."""
    words = [verb.lemma_.lower()]
    words += [c.text.lower() for c in verb.children if c.dep_ == "prt"]
    return words


def agent_tokens(verb: Token) -> list[Token]:
    """Agents of a passive verb: "criticised by Y" → [Y]."""
    return [p for agent in verb.children if agent.dep_ == "agent"
            for pobj in agent.children if pobj.dep_ == "pobj" for p in conjuncts(pobj)]


def own_subject(verb: Token) -> Args | None:
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS:
            passive = child.dep_ in PASS_SUBJ_DEPS
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # relative clause: "Russia, which is demanding that ..." → Russia
                head = _person_of_place(verb.head) if child.lower_ in {"who", "whom"} else verb.head
                members = _listed_members(head)
                if members:
                    # "firms that have invested in Russia include Total and BP" → Total, BP
                    return Args(members, passive)
                return Args((head, *head.conjuncts), passive)
            if child.dep_ == "csubj" and child.lemma_ == "do" and any(w.lower_ == "what" for w in child.children):
                # pseudo-cleft: "What the government is doing is giving in to ..." → the government
                return own_subject(child)
            return Args(tuple(conjuncts(child)), passive)
    return None


def _listed_members(kind: Token) -> tuple[Token, ...]:
    """The names a kind with a relative clause is said to include: "Other firms that … include Total,
    ChevronTexaco and Barrick Gold", "Among those who have criticised the plans is Sir John Stevens"."""
    if kind.pos_ not in {"NOUN", "PRON"}:
        return ()
    verb = kind.head
    if kind.dep_ == "nsubj" and verb.lemma_ == "include":
        return tuple(t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c))
    if kind.dep_ == "pobj" and verb.lower_ == "among" and verb.head.lemma_ == "be":
        return tuple(t for c in verb.head.children if c.dep_ in {"nsubj", "attr"} for t in conjuncts(c))
    return ()


def _person_of_place(head: Token) -> Token:
    """"who" is a person, not the place the parser hung it on: "Patty Schnyder from Switzerland, who
    defeated Li Na" → Schnyder."""
    prep = head.head
    if head.ent_type_ not in {"GPE", "LOC"} or head.dep_ != "pobj" or prep.lower_ not in {"from", "of", "in"}:
        return head
    # the person the place is of, or, where the parser hung the place on the verb, the name before it
    for person in (prep.head, prep.doc[prep.i - 1]):
        if person.pos_ == "PROPN" and person.ent_type_ == "PERSON":
            return person
    return head


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def co_agents(verb: Token) -> list[Token]:
    """Who acts with the subject: "X launched Respect along with Y" → Y launched it too.

    The parser often hangs a later "and Z" of that list on the verb; Z is then a nominal conjunct
    of the verb.
    """
    found: list[Token] = []
    for child in verb.children:
        # "along" heads "with", or "with" heads "along", as the parser sees it
        if child.lower_ in ALONG:
            preps = [p for p in child.children if p.dep_ == "prep" and p.lower_ == "with"]
        else:
            preps = [child] if is_along_with(child) else []
        if not preps:
            continue
        found += [t for prep in preps for pobj in prep.children if pobj.dep_ == "pobj" for t in conjuncts(pobj)]
        found += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"}]
    return found


def speaker_affiliation(verb: Token) -> list[Token]:
    """The "from" or "at" a verb of saying carries after the speaker it names: in "said Tim Hanlon,
    from Starcom" and "said economist Marie-Pierre Ripert at IXIS" the parser hangs the
    speaker's body on the verb; it is whom the speaker works for, not where it was said."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return []
    speakers = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "at"}
            and any(s.i < c.i for s in speakers)]


def is_along_with(prep: Token) -> bool:
    return prep.dep_ == "prep" and prep.lower_ == "with" and any(c.lower_ in ALONG for c in prep.children)


def for_clause_subject(clause: Token, mentions: ArticleMentions) -> Token | None:
    """The actor X of "for X to V" attached to a clause, if the clause has that shape."""
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return None
    for child in clause.children:
        if child.dep_ == "nsubj" and mentions.entity(child) is not None:
            return child
    return None


def subject_of(verb: Token, mentions: ArticleMentions, depth: int = 0) -> Args:
    """Who the verb's subject is, inheriting it through coordination, control and clauses."""
    if depth > 6:
        return Args()
    own = own_subject(verb)
    head = verb.head
    if own is not None:
        # "head for Moscow to speak with Shoigu": spaCy parses "Moscow" as subject of "speak";
        # a place after a motion verb is the destination, so the traveller is the subject.
        place = for_clause_subject(verb, mentions)
        if place is not None and head.lemma_ in MOTION_VERBS:
            entity = mentions.entity(place)
            if entity is not None and entity.type in PLACE_TYPES:
                return subject_of(head, mentions, depth + 1)
        return own
    if verb.dep_ == "conj" and head.i != verb.i:
        # coordinated verbs: "X travelled to Paris and met Y" → X met Y
        return subject_of(head, mentions, depth + 1)
    if verb.dep_ in {"xcomp", "advcl", "pcomp", "ccomp"}:
        governor = head.head if head.dep_ == "prep" and verb.dep_ == "pcomp" else head
        if verb.dep_ == "ccomp" or governor.i == verb.i:
            return Args()
        # object control: "urged Germany to lift the ban" → Germany lift ban
        if verb.dep_ == "xcomp" and governor.lemma_ in OBJECT_CONTROL:
            objects = [c for c in governor.children if c.dep_ in OBJ_DEPS]
            if objects:
                return Args(tuple(conjuncts(objects[0])))
        # "called on Mr Hockney to quit" → Hockney quit
        called = [p for c in governor.children if c.dep_ == "prep" and c.lower_ == "on" and governor.lemma_ == "call"
                  for p in c.children if p.dep_ == "pobj"]
        if verb.dep_ in {"xcomp", "advcl"} and called and is_infinitive(verb):
            return Args(tuple(conjuncts(called[0])))
        inherited = subject_of(governor, mentions, depth + 1)
        # "Putin can be persuaded against invading Ukraine" → Putin invade Ukraine
        return Args(inherited.tokens, passive=False)
    if verb.dep_ in {"acl", "relcl"} and head.lemma_.lower() in CHANCE_NOUNS and is_infinitive(verb):
        # "she was delighted at the chance to take on Galloway" → whoever has the chance acts
        holder = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        return Args(subject_of(holder, mentions, depth + 1).tokens) if holder is not None else Args()
    if verb.dep_ in {"acl", "relcl"} and head.lemma_.lower() in INTENT_NOUNS and is_infinitive(verb):
        # "Russia's plan to invade Ukraine", "his bid to disengage from Gaza" → the possessor acts
        owners = tuple(c for c in head.children if c.dep_ == "poss")
        if not owners and head.dep_ in {"attr", "dobj"}:
            # "the conference will be a measure to shore up Abbas" → the copula's subject acts;
            # "Tesco agreed a deal to supply Starbucks" → whoever makes the deal or plan acts
            return Args(subject_of(head.head, mentions, depth + 1).tokens)
        if not owners and head.dep_ == "nsubj":
            # "a drive to reform the Authority would come at a London conference" → the event acts
            owners = tuple(pobj for prep in head.head.children if prep.dep_ == "prep" and prep.lower_ == "at"
                           for pobj in prep.children if pobj.dep_ == "pobj"
                           and (event := mentions.entity(pobj)) is not None and event.type is EntityType.EVENT)
        return Args(owners)
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        # participle: "Oona King, backed by Tony Blair" (patient) / "troops leaving Belarus" (agent)
        return Args((head,), passive=verb.tag_ == "VBN")
    if verb.dep_ == "relcl" and head.pos_ == "PROPN" and is_infinitive(verb):
        # an infinitive set off after a name: "Corbett, soon to reunite with Ronnie Barker" → Corbett
        return Args((head,))
    return Args()


def modality_of(verb: Token) -> Modality:
    """Negation and hedging of a verb, including those of the verbs that control it."""
    negated = hedged = False
    current = verb
    for _ in range(6):
        for child in current.children:
            if child.dep_ == "neg":
                negated = True
            elif (child.dep_ == "aux" and child.lower_ in HEDGE_MODALS) or (
                child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS
            ):
                hedged = True
        if current.dep_ in {"acl", "relcl"} and current.head.lemma_.lower() in INTENT_NOUNS:
            hedged = True  # "a plan to invade": intended, not done
            # "has no plans to recall him": no intent at all
            negated = negated or any(c.dep_ == "det" and c.lower_ == "no" for c in current.head.children)
        if current.dep_ not in {"xcomp", "pcomp", "advcl", "ccomp"} or current.head.i == current.i:
            break
        governor = current.head.head if current.dep_ == "pcomp" else current.head
        if current.dep_ in {"xcomp", "pcomp"} and governor.lemma_ in INTENT_VERBS:
            hedged = True
        if governor.lemma_ in NEGATING_VERBS:
            negated = True
        if current.dep_ == "pcomp" and current.head.lower_ == "against":
            hedged = True
        if current.dep_ in {"advcl", "ccomp"}:
            break  # a separate clause keeps its own modality
        current = governor
    return Modality(negated=negated, hedged=hedged)


def noun_chain(
    noun: Token, mentions: ArticleMentions, depth: int = 0
) -> Iterator[tuple[list[str], list[Token], Token]]:
    """Follow "noun prep noun" chains to an actor: "sanctions against the Kremlin".

    Yields the words along the way, the tokens for the surface form, and the actor token.
    """
    if depth >= MAX_NOUN_CHAIN:
        return
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for target in conjuncts(pobj):
                named = mentions.entity(target)
                if named is not None:
                    if not names_a_time(prep, named.type):
                        yield [noun.lower_, prep.lower_], [noun, prep], target
                elif target.pos_ == "NOUN":
                    for words, surface, actor in noun_chain(target, mentions, depth + 1):
                        yield [noun.lower_, prep.lower_, *words], [noun, prep, *surface], actor


#: Prepositions of time: after one, an actor dates an act ("won the show, after Pasquale").
_TIME_PREPS = frozenset({"after", "before", "since", "following", "until", "during"})
#: Verbs whose "before" or "after" is a place or a pursuit: "went before the FA", "gone after auditors".
_BEFORE_VERBS = frozenset({"go", "appear", "come", "bring", "stand"})
#: What a time preposition may take as an actor: an event or a work ("retired after the Athens Olympics").
_DATED_BY = frozenset({EntityType.EVENT, EntityType.OTHER})


def names_a_time(prep: Token, actor_type: EntityType) -> bool:
    """Whether ``prep`` with an actor of ``actor_type`` says when, not whom: "after Pasquale", "since
    Herbert Hoover", "following Jackie Stallone"; not "before the Athens Olympics", and not "went
    before the Football Association"."""
    if prep.lower_ not in _TIME_PREPS or actor_type in _DATED_BY:
        return False
    return not (prep.lower_ in {"before", "after"} and prep.head.lemma_.lower() in _BEFORE_VERBS)


def sentences_back(sent: Span, count: int) -> list[Span]:
    """The sentence and up to ``count`` sentences before it, the latest first."""
    found = [sent]
    while len(found) <= count and found[-1].start > 0:
        found.append(sent.doc[found[-1].start - 1].sent)
    return found


def is_fellow(noun: Token) -> bool:
    """A label shared with its possessor: "Pugh's fellow Ospreys player", "his fellow ministers"."""
    return any(c.dep_ == "amod" and c.lower_ == "fellow" for c in noun.children)


def is_example(prep: Token) -> bool:
    """A preposition that brings in an example: "including", "like", "such as"."""
    return prep.lower_ in {"including", "like"} or (
        prep.lower_ == "as" and any(c.lower_ == "such" for c in [*prep.children, prep.doc[prep.i - 1]]))


def without_examples(words: list[str], surface: list[Token]) -> tuple[list[str], list[Token]]:
    """A noun chain's words without each noun that only names a kind its actor is an example of:
    "worked with choreographers such as Ashton" → with (Ashton), "compared to the likes of Coe" → to."""
    drop: set[int] = set()
    for k in range(1, len(surface)):
        noun, prep = surface[k - 1], surface[k]
        if prep.dep_ == "prep" and (is_example(prep) or (noun.lower_ == "likes" and prep.lower_ == "of")):
            drop |= {k - 1, k}
    return [w for k, w in enumerate(words) if k not in drop], [t for k, t in enumerate(surface) if k not in drop]


def role_words(noun: Token, mentions: ArticleMentions | None = None) -> list[str]:
    """The words of a role noun with its non-actor modifiers: "defence minister" (not "Labour" of
    "Labour MP", which the mentions may hold though the model did not tag it)."""
    mods = [c for c in noun.lefts
            if c.dep_ in {"compound", "amod"} and c.ent_type_ == ""
            and (mentions is None or c.i not in mentions.by_token) and (
                c.pos_ in {"NOUN", "ADJ"} or (c.pos_ == "PROPN" and c.lower_ in TITLE_MODIFIERS))]
    return [*(m.lower_ for m in mods), noun.lemma_.lower()]
