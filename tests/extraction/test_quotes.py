"""A closing single quote the parser read as a possessive is mended into the quote it is."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from graphbuild.extraction.quotes import COMPONENT


def _token(nlp: Language, text: str, word: str, nth: int = 0) -> Token:
    return [t for t in nlp(text) if t.text == word][nth]


def test_a_quoted_name_modifies_the_noun_after_it(nlp: Language) -> None:
    text = "France fell behind the 'New World' producers of Australia in 2003."
    world = _token(nlp, text, "World")
    assert world.dep_ == "compound"
    assert _token(nlp, text, "'", 1).dep_ == "punct"


def test_a_plural_possessive_stays_one(nlp: Language) -> None:
    assert _token(nlp, "He joined the players' union last year.", "players").dep_ == "poss"


def test_the_component_runs_after_the_parser(nlp: Language) -> None:
    assert nlp.pipe_names.index("parser") < nlp.pipe_names.index(COMPONENT)
