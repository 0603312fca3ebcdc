"""The resolved actors of one article, and the rules that let a noun stand for an actor.

:class:`ArticleMentions` is what the extraction rules ask: which actor a token mentions. Besides
the names and the pronouns resolved when mentions were found, some nouns stand for an actor
through their own words (a regime for its ruler, members for their body, a government or a
court for its country); those rules are applied here, as the extraction rules ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from graphbuild.extraction.mentions.words import (
    BODY_PEOPLE,
    COURT_WORDS,
    EVENT_STAGES,
    GOVERNMENT_WORDS,
    KIND_NOUNS,
    MEDIA_NOUNS,
    OFFICE_NOUNS,
    PARTITIVE,
    RULER_NOUNS,
    STATE_AGENTS,
    WORK_NOUNS,
)
from graphbuild.extraction.rule import Example, Rule, Stage
from graphbuild.model import ArticleEntity, Entity, EntityType

__all__ = ["RULES", "ArticleMentions"]

_FAMILY = "stand-ins"


def _rule(name: str, construction: str, *examples: Example) -> Rule:
    return Rule(name=name, family=_FAMILY, construction=construction, examples=examples, stage=Stage.RESOLUTION)


RULER_REGIME = _rule(
    "ruler_regime", "a person's regime stands for the ruler: \"money from Gaddafi's regime\"",
    Example(text="Silvio Berlusconi received money from Muammar Gaddafi's regime.",
            triples=(("Silvio Berlusconi", "receive_from", "Muammar Gaddafi"),)))
NAMED_PART = _rule(
    "named_part", "a part or body named with its kind is itself: \"the Yuganskneftegas unit of Yukos\", "
                  "\"the Interfax news agency\"",
    Example(text="Rosneft bought the Yuganskneftegas unit of Yukos.",
            triples=(("Rosneft", "buy", "Yuganskneftegas"),)),
    Example(text="Vladimir Putin told the Interfax news agency that talks would go on.",
            triples=(("Vladimir Putin", "speak_to", "Interfax"),)),
    Example(text="Venus Williams reached the Wimbledon final in July.",  # a stage of an event is the event
            triples=(("Venus Williams", "reach", "Wimbledon"),)))
APPOSITIVE_NAME = _rule(
    "appositive_name", "a noun stands for the name in apposition to it: \"the foreign secretary, Liz Truss,\"; "
    "a noun for a work, for the title it describes: \"Sideways, a comedy starring Paul Giamatti\"",
    Example(text="The foreign secretary, Liz Truss, criticised Iran on Monday.",
            triples=(("Liz Truss", "criticise", "Iran"),)),
    Example(text="The leader of the Liberal Democrats, Charles Kennedy, met Tony Blair.",  # hung on the body
            triples=(("Charles Kennedy", "meet", "Tony Blair"),)),
    Example(text="Sideways, a wine-tasting comedy starring Paul Giamatti, is up for six awards.",
            triples=(("Paul Giamatti", "star_in", "Sideways"),)))
GOVERNMENT = _rule(
    "government", "a country's government, administration or authorities are the country",
    Example(text="The Russian government warned Poland.", triples=(("Russia", "warn", "Poland"),)),
    Example(text="Yukos is being broken up by Russian authorities.", triples=(("Russia", "break_up", "Yukos"),)),
    Example(text="Italian prosecutors are investigating Parmalat.", triples=(("Italy", "investigate", "Parmalat"),)),
    Example(text="The British Government criticised Iran.", triples=(("United Kingdom", "criticise", "Iran"),)))
COUNTRY_COURT = _rule(
    "country_court", "a country's court stands for the country; a city's does not",
    Example(text="Yukos filed for bankruptcy in a US court.", triples=(("Yukos", "file_in", "United States"),)),
    Example(text="Enron filed for bankruptcy in a Houston court.", absent=(("Enron", "file_in", "Houston"),)))
PARTITIVE_WHOLE = _rule(
    "partitive", "a part stands for the whole: \"members of the EU\", \"units of the Armed Forces\"",
    Example(text="Members of the European Union criticised China.",
            triples=(("European Union", "criticise", "China"),)),
    Example(text="A spokesman for Vodafone told Reuters the deal was off.",
            triples=(("Vodafone", "speak_to", "Reuters"),)),
    Example(text="A report in the Sunday Business claimed Gordon Brown had been asked to take charge.",
            triples=(("Sunday Business", "claim", "Gordon Brown"),)))
BODY_PEOPLE_RULE = _rule(
    "body_people", "a body's people, in the plural, act for it: \"Siemens executives\", \"Chelsea's lawyers\"",
    Example(text="Siemens executives held talks with Nokia on Monday.", triples=(("Siemens", "meet", "Nokia"),)),
    Example(text="Britain's diplomats criticised Iran.", triples=(("United Kingdom", "criticise", "Iran"),)),
    Example(text="Chelsea boss Jose Mourinho criticised Uefa.", absent=(("Chelsea", "criticise", "Uefa"),)),
    Example(text="Siemens wrote to its US shareholders.", absent=(("*", "*", "United States"),)),
    Example(text="This week angry Labour MPs warned Mr Blair about disunity.",  # a party's members
            triples=(("Labour Party", "warn", "Blair"),)))
MISPLACED_APPOSITION = _rule(
    "misplaced_apposition", "the name after \"noun, the\" that the parser hung on an earlier word names the noun",
    Example(text="Karl Weber, a board member of Austria's central bank, the Nationalbank, said rates would rise.",
            triples=(("Karl Weber", "board_member_of", "Nationalbank"),)))

#: Nouns a name before them makes into that name: "the Yuganskneftegas unit", "the Interfax news agency".
_NAMED_PARTS = PARTITIVE | KIND_NOUNS | EVENT_STAGES
_BODY_KINDS = frozenset({EntityType.ORG, EntityType.FAC})
_EVENT_KINDS = frozenset({EntityType.EVENT})
_WORK_KINDS = _BODY_KINDS | {EntityType.OTHER}

RULES = (RULER_REGIME, NAMED_PART, APPOSITIVE_NAME, GOVERNMENT, COUNTRY_COURT, PARTITIVE_WHOLE, BODY_PEOPLE_RULE,
         MISPLACED_APPOSITION)

#: The parts of speech of words that never stand for an actor they do not name (a noun, a
#: number or an adjective may: "the authorities", "one of his deputies, X", "her first, a Grammy").
_NEVER_STANDING = frozenset({"VERB", "AUX", "ADP", "DET", "PUNCT", "CCONJ", "SCONJ", "PART", "ADV", "SYM",
                             "SPACE", "INTJ"})
#: The people who speak for a body: "a spokesman for Vodafone".
_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
#: What a paper or a body publishes, which speaks for it: "a report in the Sunday Business claimed".
_REPORTS = frozenset({"report", "article", "editorial"})
#: A body's people who act for a company but not for a country: "US shareholders" are American.
_PRIVATE_PEOPLE = frozenset({"shareholder", "executive", "boss", "manager", "director", "lawyer", "chief"})


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
    #: names of the resolution rules switched off
    disabled: frozenset[str] = frozenset()
    #: plural nouns that refer to two named actors ("the two leaders") and the two, for the rules
    #: that can relate each of them
    pairs: dict[int, tuple[Entity, Entity]] = field(default_factory=dict)

    def entity(self, token: Token) -> Entity | None:
        """Return the entity ``token`` mentions (or that its apposition names), if any."""
        found = self.by_token.get(token.i)
        if found is not None or token.pos_ in _NEVER_STANDING:
            return found  # a verb, a preposition or a word like them stands for no actor
        off = self.disabled
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in RULER_NOUNS and RULER_REGIME.name not in off:
            for child in token.children:
                ruler = self.by_token.get(child.i) if child.dep_ == "poss" else None
                if ruler is not None and ruler.type is EntityType.PERSON:
                    return ruler
        if lemma in _NAMED_PARTS and NAMED_PART.name not in off:
            # a named part is itself: "the Yuganskneftegas unit of Yukos" → Yuganskneftegas, a
            # body named with its kind: "told the Interfax news agency" → Interfax, and a stage of
            # an event the event: "reached the Wimbledon final" → Wimbledon
            # a programme or a series may be a work: "told the BBC's Newsnight programme" → Newsnight
            kinds = _EVENT_KINDS if lemma in EVENT_STAGES else _WORK_KINDS if lemma in MEDIA_NOUNS else _BODY_KINDS
            for child in token.children:
                named = self.by_token.get(child.i) if child.dep_ == "compound" else None
                if named is not None and named.type in kinds:
                    return named
        if (token.dep_ == "appos" and lemma in WORK_NOUNS and APPOSITIVE_NAME.name not in off
                and token.head.i < token.i and token.head.i in self.by_token
                and self.by_token[token.head.i].type is EntityType.OTHER):
            return self.by_token[token.head.i]  # "Sideways, a comedy starring Paul Giamatti": the work
        for child in token.children:
            # "the foreign secretary, Liz Truss": the noun stands for the person in apposition
            if child.dep_ == "appos" and child.i in self.by_token and APPOSITIVE_NAME.name not in off:
                return self.by_token[child.i]
            # "the leader of the Liberal Democrats, Charles Kennedy,": the parser hangs the name on the body
            if (child.dep_ == "prep" and child.lower_ in {"of", "for", "at"} and lower in OFFICE_NOUNS
                    and APPOSITIVE_NAME.name not in off):
                holder = self._holder_after_body(child)
                if holder is not None:
                    return holder
            # a country's government: "the Russian government", "the UK authorities" → the country;
            # and its police, prosecutors and officials: "Italian prosecutors are investigating Parmalat"
            if (child.dep_ in {"amod", "compound"}
                    and (lower in GOVERNMENT_WORDS or lemma in GOVERNMENT_WORDS or lower in STATE_AGENTS)
                    and child.i in self.by_token and self.by_token[child.i].type is EntityType.GPE
                    and GOVERNMENT.name not in off):
                return self.by_token[child.i]
            if (child.dep_ in {"amod", "compound"} and lemma in COURT_WORDS
                    and child.i in self.by_token and self.by_token[child.i].key in self.countries
                    and COUNTRY_COURT.name not in off):
                return self.by_token[child.i]
            # a part stands for the whole: "units of the Armed Forces", "members of the EU"
            # and a body's voice: "a spokesman for Vodafone told Reuters", "a report in the Sunday
            # Business claimed" → Vodafone, the Sunday Business (a verb's "according to a report by"
            # is no subject: only a noun standing as one is read so)
            if child.dep_ != "prep":
                continue
            voice = (child.lower_ in {"for", "from"} and lower in _VOICES) or (
                child.lower_ in {"in", "by"} and lower in _REPORTS and token.dep_ in {"nsubj", "nsubjpass"})
            if ((lemma in PARTITIVE or voice) and PARTITIVE_WHOLE.name not in off
                    and (child.lower_ == "of" or voice)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in self.by_token:
                        return self.by_token[pobj.i]
        # plural: "Deutsche Boerse bosses", and "Labour MPs", however the tagger reads the acronym
        plural = token.tag_ in {"NNS", "NNPS"} or (token.text.endswith("s") and token.text[:-1].isupper())
        if (plural and BODY_PEOPLE_RULE.name not in off
                and (lemma in BODY_PEOPLE or lower.removesuffix("s") in BODY_PEOPLE)):
            body = self._body_of_people(token)
            if body is not None:
                return body
        if token.pos_ == "NOUN" and MISPLACED_APPOSITION.name not in off:
            return self._misplaced_apposition(token)
        return None

    def _holder_after_body(self, prep: Token) -> Entity | None:
        """The person in apposition to an office's body: "(the leader) of the Lib Dems, Charles Kennedy,"."""
        for body in prep.children:
            if body.dep_ != "pobj" or body.i not in self.by_token or self.by_token[body.i].type is EntityType.PERSON:
                continue
            for name in body.children:
                person = self.by_token.get(name.i) if name.dep_ == "appos" else None
                if person is not None and person.type is EntityType.PERSON:
                    return person
        return None

    def _body_of_people(self, people: Token) -> Entity | None:
        """The body a plural noun of its people names: "Deutsche Boerse bosses", "Britain's diplomats"."""
        for child in people.children:
            body = self.by_token.get(child.i) if child.dep_ in {"compound", "poss"} else None
            if body is None or body.type not in {EntityType.ORG, EntityType.GPE}:
                continue
            if body.type is EntityType.GPE and people.lemma_.lower() in _PRIVATE_PEOPLE:
                continue  # "US shareholders", "British executives" are from a country, not its agents
            return body
        return None

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
