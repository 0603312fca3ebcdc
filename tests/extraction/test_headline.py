"""A headline run into the lede gets a sentence of its own, before the parser reads them as one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from graphbuild.extraction.headline import COMPONENT, headline_end


def _sentences(nlp: Language, text: str) -> list[str]:
    return [sent.text for sent in nlp(text).sents]


@pytest.mark.parametrize(("text", "headline"), [
    # a headline ending in a noun, then a capitalised lede
    ("Minister backs new rail plan Transport Secretary Anne Hill has backed plans for a new line to the north.",
     "Minister backs new rail plan"),
    # a closing quote ends the headline
    ("Farmers 'face ruin' The National Farmers Union says thousands of farms could close within a year.",
     "Farmers 'face ruin'"),
    # a capitalised article or number starts the lede after a last word tagged as a verb
    ("Bank to cut jobs Four hundred jobs will go at the bank's call centres in Leeds and Sheffield this year.",
     "Bank to cut jobs"),
    # the headline's last name, repeated in full by the lede, stays in the headline
    ("Straw attacks Blair Tony Blair has criticised France over the deal on Monday.", "Straw attacks Blair"),
    # not at a capitalised word inside the quotation ("TV"), but after it closes
    ("Critics attack 'dumbed-down TV' Ronnie Corbett has joined fellow comedians in criticising the BBC.",
     "Critics attack 'dumbed-down TV'"),
    # a common word the text writes in lower case, capitalised to start the lede
    ("Retailer shares hit by sales warning Shares in the retailer fell by a fifth on Monday after weak sales.",
     "Retailer shares hit by sales warning"),
    # the lede names again whom the headline named, whatever the tagger made of the word before
    ("Norway cuts interest rates again Norway has cut its main interest rate for the third time this year.",
     "Norway cuts interest rates again"),
    # ... inside a run of capitalised words, at the first name
    ("Smith out of Dubai Open Anna Smith has pulled out of the Dubai Open with a knee injury picked up in Qatar.",
     "Smith out of Dubai Open"),
    # ... with the title before the name and the body the title is of
    ("Board backs Reed Rovers manager Tom Reed has been given the full support of the club's board.",
     "Board backs Reed"),
    # a score line's second side keeps a word; the lede starts at the side named again
    ("Rovers 2-1 City Rovers moved into the quarter-finals of the cup with a late winner from Tom Reed.",
     "Rovers 2-1 City"),
    # a verb's particle is no headline's end when a later word starts the lede ...
    ("Minister plays down Rovers rescue The government has played down claims it will step in to save the club.",
     "Minister plays down Rovers rescue"),
    # ... but ends it when none does
    ("Veteran MP to stand down Senior Labour MP and former minister John Reed has said he will not fight again.",
     "Veteran MP to stand down"),
    # failing all else, a name just before the lede's first auxiliary
    ("Tories attack EU asylum moves Jane Brown has been accused of using confusion to hide new rules.",
     "Tories attack EU asylum moves"),
])
def test_the_lede_starts_a_sentence_of_its_own(nlp: Language, text: str, headline: str) -> None:
    assert _sentences(nlp, text)[0] == headline


@pytest.mark.parametrize("text", [
    # an ordinary first sentence: articles and auxiliaries are no headline's
    "The foreign secretary has told Parliament that Iran must stop enriching uranium at once.",
    # a verb or preposition before the capital takes it as object
    "Microsoft sued Google over its search patents in a court in California last week.",
    # a title before a name is no headline's end
    "Arsenal boss Arsene Wenger says he has no plans to sign a new goalkeeper this month.",
    # a name after a reporting verb or a "where" starts a clause of the same sentence
    "Tesla shares rose after Musk said Tesla would expand its factory in Berlin next year to meet demand.",
    ("Boris Johnson met Emmanuel Macron in Paris where Macron said France would back new sanctions against "
     "Russia if the talks in Geneva fail."),
    # a name after a determiner is its object, even when named before
    "Rovers fans back all Rovers players after a run of defeats in the league and the cup this winter.",
    # a name named again far into a sentence is no lede
    ("Rovers sign young striker from Leeds United to help lift struggling Rovers up the league table this winter "
     "and into the top half by the spring."),
])
def test_no_headline_no_split(nlp: Language, text: str) -> None:
    assert headline_end(nlp(text)) is None


def test_the_lede_keeps_its_first_words(nlp: Language) -> None:
    """The parser may not break the lede's title off its name: "MP George Galloway" stays one sentence's."""
    sentences = _sentences(nlp, "Galloway targets 'New Labour' MP George Galloway is to stand against "
                                "Labour MP Oona King at the next general election.")
    assert sentences[1].startswith("MP George Galloway is to stand")


def test_the_component_runs_between_tagger_and_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("tagger") < names.index(COMPONENT) < names.index("parser")
