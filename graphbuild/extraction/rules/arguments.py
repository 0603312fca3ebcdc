"""A verb's objects: the ``arguments`` family.

Each finder looks at one child of a verb (its direct object, a preposition, an attribute …)
and yields the actor it reaches, with the words it adds to the relation: ``travelled to
Moscow`` adds ``to`` (``travel_to``), ``imposed sanctions on Russia`` adds ``sanctions on``.
The verb's subjects are found once for all of them (:func:`~.syntax.subject_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from graphbuild.extraction.mentions import ArticleMentions
from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.places import places_name, range_ends
from graphbuild.extraction.rules.syntax import (
    Relation,
    conjuncts,
    for_clause_subject,
    is_along_with,
    is_infinitive,
    mention_tokens,
    names_a_time,
    noun_chain,
    role_words,
    speaker_affiliation,
    without_examples,
)
from graphbuild.extraction.rules.words import (
    ALONG,
    LIGHT_VERBS,
    OBJ_DEPS,
    PLACE_TYPES,
    PRESSURE_NOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
)
from graphbuild.model import Entity, EntityType

__all__ = ["RULES", "arguments"]

_FAMILY = "arguments"

SVO = Rule(
    name="svo", family=_FAMILY, confidence=0.85,
    construction="a verb's direct object, an object relative, a particle's object, a named infinitive subject",
    examples=(
        Example(text="Germany criticised France over the budget deal.", triples=(("Germany", "criticise", "France"),)),
        Example(text="Joe Biden called Emmanuel Macron and Olaf Scholz.",
                triples=(("Joe Biden", "call", "Olaf Scholz"),)),
        Example(text="Rishi Sunak flew to Kyiv and met Volodymyr Zelensky.",
                triples=(("Rishi Sunak", "meet", "Volodymyr Zelensky"),)),
        Example(text="Denmark, which borders Germany, voted.", triples=(("Denmark", "border", "Germany"),)),
        Example(text="Charles Kennedy called on Tony Blair to sack Gordon Brown.",  # whoever is called on acts
                triples=(("Tony Blair", "sack", "Gordon Brown"),), absent=(("Charles Kennedy", "sack", "*"),)),
        Example(text="Manchester United beat Chelsea 2-1 at Old Trafford.",  # a score after the object
                triples=(("Manchester United", "beat", "Chelsea"),)),
        Example(text="Barcelona must face the likes of Real Madrid each season.",  # an example for its kind
                triples=(("Barcelona", "face", "Real Madrid"),)),
        Example(text="Firms that have sued Microsoft include Sun Microsystems and Novell.",  # the kind's members
                triples=(("Novell", "sue", "Microsoft"),)),
        Example(text="Tony Blair and Gordon Brown are among the leaders who have criticised Robert Mugabe.",
                triples=(("Gordon Brown", "criticise", "Robert Mugabe"),)),
        Example(text="Sir Peter Bach said costs were rising. But he added some suppliers, such as Siemens and Airbus, "
                     "were showing good performances.",
                absent=(("Peter Bach", "add", "Siemens"),)),  # the subject of what he said
        Example(text="Myskina will face Patty Schnyder from Switzerland, who defeated China's Li Na.",
                triples=(("Patty Schnyder", "beat", "Li Na"),),  # "who" is the person, not her country
                absent=(("Switzerland", "beat", "Li Na"),)),
        Example(text="Wembley will offload its US gaming division to BLB Investors.",
                absent=(("Wembley", "*", "United States"),)),
        Example(text="Microsoft bought several firms, including Skype, last year.",
                triples=(("Microsoft", "buy", "Skype"),)),
        Example(text="Labour has always maintained Gordon Brown would lead the campaign.",
                absent=(("Labour Party", "maintain", "Gordon Brown"),)),
        Example(text="Ms Rayner said she was delighted at the chance to take on Mr Sunak.",
                triples=(("Rayner", "take_on", "Sunak"),)),
        Example(text="Keir Starmer told the BBC that he was confident.",
                triples=(("Keir Starmer", "speak_to", "BBC"),)),
        Example(text="Israel expects Egypt to close the border.", triples=(("Israel", "expect", "Egypt"),)),
        Example(text="A fresh drive to reform the United Nations will come at a Geneva summit next year.",
                triples=(("Geneva summit", "reform", "United Nations"),)),
        Example(text="Oxfam founded the Fairtrade Foundation in 1992 along with 300 charities, and Christian Aid.",
                triples=(("Christian Aid", "found", "Fairtrade Foundation"),),
                absent=(("Oxfam", "*", "Christian Aid"),)),
        Example(text="Britain was cautious, but Jack Straw said he wanted it to end.",
                absent=(("Jack Straw", "want", "United Kingdom"),)),
        Example(text='"This season is very important," said Philippe Sella, "which Bernard Laporte is doing well."',
                absent=(("Bernard Laporte", "do", "Philippe Sella"),)),
    ))
SVO_NOUN_PREP = Rule(
    name="svo_noun_prep", family=_FAMILY, confidence=0.65,
    construction="an object noun whose preposition reaches the actor: \"imposed sanctions on Russia\"",
    examples=(
        Example(text="The European Union lifted its ban on arms for Iran.",
                triples=(("European Union", "lift_ban_on_arms_for", "Iran"),)),
        Example(text="The European Union imposed sanctions on Iran.",
                triples=(("European Union", "sanction", "Iran"),)),
        Example(text="France and Germany signed a treaty with Poland.",
                triples=(("Germany", "sign_treaty_with", "Poland"),)),
        Example(text="Lleyton Hewitt reached the final of the Australian Open.",  # "final" tagged an adjective
                triples=(("Lleyton Hewitt", "reach_final_of", "Australian Open"),)),
        Example(text="Tony Blair held talks with his counterpart, Ariel Sharon, and the Palestinian leader, "
                     "Mahmoud Abbas.", triples=(("Tony Blair", "meet", "Mahmoud Abbas"),)),
        Example(text="George Galloway mentioned the voters in Glasgow whom he abandoned.",
                triples=(("George Galloway", "abandon_voters_in", "Glasgow"),)),
        Example(text="Suez owns 40% of Thames Water.",  # a share of a body is a stake in it
                triples=(("Suez", "own_stake_in", "Thames Water"),)),
        Example(text="Indonesia has rebuilt 70% of Aceh.",  # of a place, it stays a share
                absent=(("Indonesia", "rebuild_stake_in", "Aceh"),)),
    ))
SVO_MODIFIER = Rule(
    name="svo_modifier", family=_FAMILY, confidence=0.55,
    construction="an object noun that an actor modifies: \"criticised Germany's decision\"",
    examples=(
        Example(text="Apple criticised Google's decision.", triples=(("Apple", "criticise_decision_of", "Google"),)),
        Example(text="Ford cut the Volvo workforce in Sweden.", triples=(("Ford", "cut_workforce_of", "Volvo"),)),
    ))
DATIVE = Rule(
    name="dative", family=_FAMILY, confidence=0.75,
    construction="an indirect object, or a dative \"to\": \"told the BBC\", \"gave weapons to Ukraine\"",
    examples=(
        Example(text="Germany gave weapons to Ukraine.", triples=(("Germany", "give_to", "Ukraine"),)),
    ))
PREP = Rule(
    name="prep", family=_FAMILY, confidence=0.75,
    construction="a prepositional object, or whose pressure one yields to: \"travelled to Moscow\"",
    examples=(
        Example(text="Olaf Scholz has travelled to Warsaw.", triples=(("Olaf Scholz", "travel_to", "Warsaw"),)),
        Example(text="Spain wants to buy tanks from Germany.", triples=(("Spain", "buy_from", "Germany"),)),
        Example(text="Spain gave in to Italian and Greek pressure.", triples=(("Spain", "give_in_to", "Greece"),)),
        Example(text="Ms Truss will head for Paris to speak with Emmanuel Macron.",
                triples=(("Truss", "speak_with", "Emmanuel Macron"),)),
        Example(text="Ronnie Corbett, soon to reunite with Ronnie Barker for a new series, said comedy had changed.",
                triples=(("Ronnie Corbett", "reunite_with", "Ronnie Barker"),)),
        Example(text="Natalie Portman is up against Meryl Streep for the award.",
                triples=(("Natalie Portman", "be_up_against", "Meryl Streep"),)),
        Example(text="He spoke after Cabinet members held their last meeting at No 10.",
                triples=(("Cabinet", "hold_meeting_at", "No 10"),)),
        Example(text="Steven Gerrard may walk out of the club like Michael Owen did.",
                absent=(("Steven Gerrard", "*", "Michael Owen"),)),  # a likeness: Owen is not walked
        Example(text="Vic Reeves remains favourite to win the show, after Joe Pasquale.",
                absent=(("Vic Reeves", "*", "Joe Pasquale"),)),  # a time: "after" an actor dates the act
        Example(text="Mia Hamm retired after the Athens Olympics.",  # an event may date an act and be its object
                triples=(("Mia Hamm", "retire_after", "Athens Olympics"),)),
        Example(text="David Prutton faces a ban when he goes before the Football Association.",  # a place
                triples=(("David Prutton", "go_before", "Football Association"),)),
        Example(text="England beat Samoa before losing to Argentina in the semi-finals.",
                triples=(("Argentina", "beat", "England"),)),
        Example(text="What the Dutch government is doing is bowing to Belgium.",
                triples=(("Netherlands", "bow_to", "Belgium"),)),
        Example(text="Mr Brown said he wanted the ban to end, despite US objections.",
                absent=(("*", "*", "United States"),)),
        Example(text="The European Union will deliver aid to Sri Lanka, according to the Wall Street Journal.",
                absent=(("European Union", "*", "Wall Street Journal"),)),
        Example(text="Nicole Kidman is in Sydney to film a movie.",  # being in a place is being located there
                triples=(("Nicole Kidman", "located_in", "Sydney"),)),
        Example(text="In Germany, Siemens will sell the phones through its own shops.",  # a place framing the clause
                absent=(("Siemens", "*", "Germany"),)),
        Example(text="France fought back to beat England in the Six Nations.",  # a contest's event: a part in it
                triples=(("France", "play_in", "Six Nations"),)),
        Example(text="England won in the Six Nations.", absent=(("England", "play_in", "Six Nations"),)),
    ))
PREP_NOUN = Rule(
    name="prep_noun", family=_FAMILY, confidence=0.55,
    construction="a preposition's noun whose own preposition reaches the actor: \"talks with leaders in Europe\"",
    examples=(
        Example(text="Britain warned of talks with Iran.",
                triples=(("United Kingdom", "warn_of_talks_with", "Iran"),)),
        Example(text="In a statement to Parliament, Gordon Brown said the plan would work.",
                triples=(("Gordon Brown", "say_in_statement_to", "Parliament"),)),
        Example(text="Andre Agassi reached the fourth round with victory over Taylor Dent.",  # a result noun
                triples=(("Andre Agassi", "beat", "Taylor Dent"),)),
        Example(text="England slumped to a 20-10 loss to Wales.", triples=(("Wales", "beat", "England"),)),
        Example(text="Alicia Markova worked with young choreographers such as Frederick Ashton.",  # an example
                triples=(("Alicia Markova", "work_with", "Frederick Ashton"),)),
        Example(text="Chelsea celebrated after Arsenal's win over Liverpool.",  # another's result
                absent=(("Chelsea", "*", "Liverpool"),)),
        Example(text="Wayne Rooney was hurt during the win over Arsenal.",  # the team's result
                absent=(("Wayne Rooney", "beat", "Arsenal"),)),
    ))
COPULA = Rule(
    name="copula", family=_FAMILY, confidence=0.75,
    construction="a copula with a relational noun: \"Romania is a member of Nato\" → member_of",
    examples=(Example(text="Norway is a member of Nato.", triples=(("Norway", "member_of", "Nato"),)),
              Example(text="Alan Milburn is Labour's election supremo.",  # a possessor's noun
                      triples=(("Alan Milburn", "election_supremo_of", "Labour Party"),))))
ACOMP_PREP = Rule(
    name="acomp_prep", family=_FAMILY, confidence=0.6,
    construction="an adjective with a preposition: \"Blair is close to Bush\" → be_close_to",
    examples=(Example(text="Tony Blair is close to George Bush.",
                      triples=(("Tony Blair", "be_close_to", "George Bush"),)),))
WHERE_CLAUSE = Rule(
    name="where_clause", family=_FAMILY, confidence=0.6,
    construction="a \"where\" clause on a place: \"Basra, where British forces are stationed\"",
    examples=(
        Example(text="The minister flew to Kabul, where Italian soldiers are based.",
                triples=(("Italian soldiers", "base_in", "Kabul"),)),
        Example(text="Ofcom praised the series. It was commissioned for BBC Three, where it proved a huge success.",
                absent=(("Ofcom", "prove_in", "BBC Three"),)),
    ))
FOR_CLAUSE = Rule(
    name="for_clause", family=_FAMILY, confidence=0.6,
    construction="the actor of a \"for X to V\" clause: \"called for Russia to withdraw\" → call_for",
    examples=(Example(text="Britain called for Russia to withdraw its troops.",
                      triples=(("United Kingdom", "call_for", "Russia"),)),
              Example(text="Ms Truss will head for Paris to speak with Emmanuel Macron.",
                      triples=(("Truss", "travel_to", "Paris"),))))

RULES = (SVO, SVO_NOUN_PREP, SVO_MODIFIER, DATIVE, PREP, PREP_NOUN, COPULA, ACOMP_PREP, WHERE_CLAUSE, FOR_CLAUSE)

_Finder = Callable[[Token, Token, ArticleMentions, bool], Iterator[Relation]]


def arguments(verb: Token, mentions: ArticleMentions, *, passive: bool) -> Iterator[Relation]:
    """The objects of a verb, each with the words it adds to the relation, in the order of its children."""
    for child in verb.children:
        finder = _FINDERS.get(child.dep_)
        if finder is not None:
            yield from finder(verb, child, mentions, passive)


def _direct_objects(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    if passive:
        return
    if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        # an object relative: "his constituents in Scotland, who he abandoned" → the noun;
        # "which" is never a person the parser hung it on ("said Sella, which Laporte is doing")
        antecedent = mentions.entity(verb.head)
        if child.lower_ == "which" and antecedent is not None and antecedent.type is EntityType.PERSON:
            return
        child = verb.head
    for obj in conjuncts(child):
        if mentions.entity(obj) is not None:
            if _starts_clause(obj, mentions):
                continue  # the subject of a clause the parser took for an object: "maintained Mr Brown would have"
            # direct object: "Russia invaded Ukraine" → invade
            yield Relation((), (), obj, SVO)
        elif obj.pos_ in {"NOUN", "PROPN"} or _nominal_adjective(obj):
            if verb.lemma_.lower() in REPORTING_VERBS and _finite_verb_after(obj.right_edge.i + 1, obj, comma=True):
                continue  # the subject of a reported clause: "added some projects, such as X, were doing well"
            # object noun with a prepositional actor: "imposed sanctions on Russia" → impose_sanctions_on
            for words, surface, actor in noun_chain(obj, mentions):
                # an example stands for its kind: "won several awards, including an Oscar",
                # "faced the likes of Real Madrid" → win, face
                words, surface = without_examples(words, surface)
                words = _as_stake(words, mentions.entity(actor))
                if not words:
                    yield Relation((), (), actor, SVO)
                else:
                    yield Relation(tuple(words), tuple(surface), actor, SVO_NOUN_PREP)
            # object noun whose modifier is the actor: "criticised Germany's decision",
            # "combines the Paris and Lisbon stock exchanges" → combine_stock_exchange_of
            owned = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in obj.children)
            for modifier in obj.children:
                place = mentions.entity(modifier)
                if (owned and modifier.dep_ in {"compound", "nmod"} and place is not None
                        and place.type in {EntityType.GPE, EntityType.LOC}):
                    continue  # "its US gaming division": whose it is, "its" says; the place only describes it
                if modifier.dep_ in {"poss", "compound", "nmod"} and mentions.entity(modifier) is not None:
                    for actor in conjuncts(modifier):
                        yield Relation((*role_words(obj), "of"), (obj,), actor, SVO_MODIFIER)


#: The words of a share named by its size: "18.8% of Southcorp", "a third of the company".
_SHARE_WORDS = frozenset({"%", "percent", "cent"})


def _as_stake(words: list[str], actor: Entity | None) -> list[str]:
    """A share of a body is a stake in it: "bought 18.8% of Southcorp" → buy_stake_in."""
    if len(words) == 2 and words[0] in _SHARE_WORDS and words[1] == "of" and (
            actor is not None and actor.type is EntityType.ORG):
        return ["stake", "in"]
    return words


def _nominal_adjective(obj: Token) -> bool:
    """An adjective the tagger left as an object noun's tag: "reached the final of the Open"."""
    return obj.pos_ == "ADJ" and any(c.dep_ == "det" for c in obj.children)


def _starts_clause(obj: Token, mentions: ArticleMentions) -> bool:
    """True when a finite verb or a modal follows the object's name at once and does not govern it:
    the name is the subject of a clause ("maintained Mr Brown would have"), unlike in "Russia's plan to
    invade Georgia failed", where the verb after the name is the sentence's own."""
    return _finite_verb_after(max(t.i for t in mention_tokens(obj, mentions)) + 1, obj)


def _finite_verb_after(at: int, obj: Token, *, comma: bool = False) -> bool:
    """True when a finite verb or a modal at ``at`` (or after a comma there, with ``comma``) does not govern ``obj``."""
    doc = obj.doc
    if comma and at < len(doc) and doc[at].text == ",":
        at += 1
    if at >= len(doc) or doc[at].tag_ not in {"MD", "VBD", "VBZ", "VBP"}:
        return False
    following = doc[at]
    verb = following.head if following.tag_ == "MD" or following.dep_ in {"aux", "auxpass"} else following
    return verb not in set(obj.ancestors)


def _datives(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    if passive:
        return
    for obj in conjuncts(child):
        if obj.dep_ == "dative" and obj.pos_ == "ADP":
            # "gave weapons to Ukraine"
            for pobj in obj.children:
                if pobj.dep_ == "pobj":
                    yield Relation((obj.lower_,), (obj,), pobj, DATIVE)
        else:
            # indirect object: "he told the BBC" → tell BBC
            yield Relation((), (), obj, DATIVE)


def _prepositional(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    if (child.i in mentions.by_token or is_along_with(child) or child.lower_ in ALONG or places_name(child, mentions)
            or (child.doc[child.i - 1].text == "," and range_ends(child))):
        # a preposition inside a name the parser split ("told World At One"), a co-agent
        # ("founded it along with Christian Aid"), or the place of the name before it
        # ("contest Bethnal Green, in London, for Respect") or the range of its object
        return
    if _frames_clause(child, mentions):
        return  # "In Britain, the Queen will lead the commemoration": where, not whom
    if child.lower_ == "according":
        return  # "according to the Wall Street Journal" names who says so, not whom the act touches
    if child.lower_ in {"like", "unlike"}:
        return  # "walked out like Michael Owen did": whom the act is likened to, not whom it touches
    if child in speaker_affiliation(verb) and any(
            e is not None and e.type is EntityType.ORG for e in map(mentions.entity, child.children)):
        return  # "said Tim Hanlon, from Starcom": whom the speaker works for (an affiliation)
    prep = child
    inner = [c for c in child.children if c.dep_ == "prep"]
    if inner and not any(c.dep_ == "pobj" for c in child.children):
        # a preposition of two words: "is up against Blanchett", "stays ahead of Tesco"
        child = inner[0]
    head = (*_light_object(verb, prep), prep.lower_, *((child.lower_,) if child.i != prep.i else ()))
    for pobj in child.children:
        if pobj.dep_ != "pobj":
            continue
        for obj in conjuncts(pobj):
            if (obj.lemma_.lower() in PRESSURE_NOUNS and child.lower_ in {"to", "against"}
                    and obj.i not in mentions.by_token):
                # whose pressure it is: "gave in to French and German pressure" → give_in_to
                # both ("despite US objections" says nothing of the US and the subject)
                for modifier in obj.children:
                    if modifier.dep_ in {"amod", "compound", "poss"} and mentions.entity(modifier) is not None:
                        for actor in conjuncts(modifier):
                            yield Relation(head, (child,), actor, PREP)
            elif (named := mentions.entity(obj)) is not None:
                # prepositional object: "travelled to Moscow" → travel_to; not a time ("won after Pasquale")
                if not names_a_time(child, named.type):
                    yield Relation(head, (prep, child), obj, PREP)
            elif obj.pos_ == "NOUN":
                # "finished talks with leaders in Europe" → finish_talks_with_leaders_in
                for words, surface, actor in noun_chain(obj, mentions, 1):
                    # "worked with choreographers such as Ashton" → work_with
                    words, surface = without_examples(words, surface)
                    yield Relation((*head, *words), (child, *surface), actor, PREP_NOUN)


def _frames_clause(prep: Token, mentions: ArticleMentions) -> bool:
    """True for a place set before the clause it frames: "In Britain, ..." at a sentence's start
    (not "In a statement to MPs, ...": a statement is no place)."""
    if prep.i != prep.sent.start or prep.lower_ not in {"in", "across", "throughout"}:
        return False
    places = [e for c in prep.children if c.dep_ == "pobj" for e in [mentions.entity(c)]
              if e is not None and e.type in PLACE_TYPES]
    end = max(t.i for t in prep.subtree)
    return bool(places) and end + 1 < len(prep.doc) and prep.doc[end + 1].text == ","


def _light_object(verb: Token, prep: Token) -> tuple[str, ...]:
    """The object noun of a light verb, which says what the verb does: "held a meeting at No 10" → meeting."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return ()
    nouns = [c for c in verb.children if c.dep_ in OBJ_DEPS and c.pos_ == "NOUN" and c.i < prep.i]
    return (nouns[0].lemma_.lower(),) if nouns else ()


def _copula(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    # copula with a relational noun: "Romania is a member of Nato" → member_of
    if child.pos_ != "NOUN" or child.i in mentions.by_token:
        return
    role = role_words(child)
    for words, surface, actor in noun_chain(child, mentions):
        yield Relation((*role, *words[1:]), tuple(surface), actor, COPULA)
    for owner in child.children:
        # a possessor's noun: "Alan Milburn became Labour's election supremo" → election_supremo_of
        if owner.dep_ == "poss" and owner.i in mentions.by_token:
            yield Relation((*role, "of"), (owner, child), owner, COPULA)


def _adjective(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    # adjective with preposition: "Blair is close to Israel" → be_close_to
    for prep in child.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                for obj in conjuncts(pobj):
                    yield Relation((child.lower_, prep.lower_), (child, prep), obj, ACOMP_PREP)


def _adverb(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    if child.lower_ == "where":
        yield from _where(verb, child, mentions)
        return
    if child.lower_ in ALONG:
        return  # "along with X": a co-agent, not an object
    # an adverb with a preposition: "is up against Streep", "stayed ahead of Asda" → be_up_against
    for prep in child.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                for obj in conjuncts(pobj):
                    if mentions.entity(obj) is not None:
                        yield Relation((child.lower_, prep.lower_), (child, prep), obj, PREP)


def _where(verb: Token, child: Token, mentions: ArticleMentions) -> Iterator[Relation]:
    # "Basra, where British forces are stationed" → station_in Basra; a place only ("BBC
    # Three, where it proved a success" says nothing of the channel)
    if verb.dep_ != "relcl":
        return
    place = mentions.entity(verb.head)
    if place is not None and place.type in PLACE_TYPES:
        yield Relation(("in",), (child,), verb.head, WHERE_CLAUSE)


def _particle_object(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    # a particle the parser gave the object: "take on Mr Galloway" → take_on
    if passive:
        return
    for pobj in child.children:
        if pobj.dep_ == "pobj" and mentions.entity(pobj) is not None:
            yield Relation((), (), pobj, SVO)


def _infinitive_subject(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    # "expect Palestinians to give up terrorism" → expect Palestinians; a named one only
    # ("wanted it to end": the ban, not a country)
    if passive or not is_infinitive(child):
        return
    for subject in child.children:
        if subject.dep_ == "nsubj" and subject.pos_ != "PRON" and mentions.entity(subject) is not None:
            yield Relation((), (), subject, SVO)


def _scored_object(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    # a score after the object makes the parser take it for an adverb: "beat Chelsea 2-1" → beat
    if (passive or child.pos_ != "PROPN" or mentions.entity(child) is None
            or any(c.dep_ in OBJ_DEPS for c in verb.children)):
        return
    after = child.i + 1
    if after < len(child.doc) and child.doc[after].like_num and child.doc[after].ent_type_ != "DATE":
        yield Relation((), (), child, SVO)


def _for_clause(verb: Token, child: Token, mentions: ArticleMentions, passive: bool) -> Iterator[Relation]:
    # "called for Russia to withdraw" → call_for Russia
    target = for_clause_subject(child, mentions)
    if target is not None:
        mark = next(c for c in child.children if c.dep_ == "mark")
        yield Relation(("for",), (mark,), target, FOR_CLAUSE)


#: The finder for each dependency label of a verb's child.
_FINDERS: dict[str, _Finder] = {
    **dict.fromkeys(OBJ_DEPS, _direct_objects),
    "dative": _datives,
    "prep": _prepositional,
    "attr": _copula,
    "acomp": _adjective,
    "advmod": _adverb,
    "prt": _particle_object,
    "ccomp": _infinitive_subject,
    "advcl": _for_clause,
    "xcomp": _for_clause,
    "npadvmod": _scored_object,
}
