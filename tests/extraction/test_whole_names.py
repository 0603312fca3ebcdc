"""Titles the model tags in part or not at all, found from the words around them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from graphbuild.extraction.mentions.whole_names import credited_reach, credited_titles
from graphbuild.model import ArticleResult, EntityType

Run = Callable[[str], ArticleResult]


def _titles(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in credited_titles(doc, list(doc.ents))]


@pytest.mark.parametrize(("text", "title"), [
    # two small words between capitalised ones
    ("Action comedy Man of the House, starring Tommy Lee Jones, came in fifth.", "Man of the House"),
    # a noun for a work that opens the sentence is no part of the title
    ("Comedy Christmas with the Kranks, starring Tim Allen, was second.", "Christmas with the Kranks"),
    # a place the model tagged inside the title is taken in
    ("Lost in Translation, directed by Sofia Coppola, won the award.", "Lost in Translation"),
])
def test_a_title_set_off_before_a_credit_is_the_capitalised_run(nlp: Language, text: str, title: str) -> None:
    assert _titles(nlp, text) == [title]


@pytest.mark.parametrize("text", [
    "The Green Paper, written by the Treasury, was published.",  # a body, no person, is credited
    "Brad Pitt, starring in Troy, was praised.",  # "starring in" credits no one
    "The Treasury, backed by Gordon Brown, said no.",  # no credit
])
def test_no_title_without_a_credited_person(nlp: Language, text: str) -> None:
    assert _titles(nlp, text) == []


def test_a_credit_reaches_past_a_persons_description(nlp: Language) -> None:
    doc = nlp("Ocean's Twelve, directed by Oscar-winning director Steven Soderbergh, was third.")
    directed = next(t for t in doc if t.lower_ == "directed")
    reach = credited_reach(directed)
    assert reach.start == directed.i + 2
    assert doc[reach.start:reach.stop].text.startswith("Oscar")
    assert "Steven" in doc[reach.start:reach.stop].text
    written = nlp("The debt was written off.")[3]
    assert written.lower_ == "written"
    assert len(credited_reach(written)) == 0  # no "by": no one is credited


@pytest.mark.parametrize(("text", "title"), [
    ("Mel Gibson's The Passion of the Christ won best drama.", "The Passion of the Christ"),
    ("Best director nominees include Michel Gondry for Eternal Sunshine of the Spotless Mind.",
     "Eternal Sunshine of the Spotless Mind"),
    # "and", "in", "at" may end a title and start a list or a place
    ("Nominees include Pedro Almodovar for Bad Education and Hong Kong director Wong Kar-Wai for 2046.",
     "Bad Education"),
])
def test_a_title_cut_at_of_goes_on_past_it(run: Run, text: str, title: str) -> None:
    works = {e.entity.name for e in run(text).entities if e.entity.type is EntityType.OTHER}
    assert any(name == title or "The " + name == title for name in works), works
    assert not any(title in name and name != title and "The " + name != title for name in works)
