"""Open extraction: clause tuples with their words as written."""

from __future__ import annotations

import pytest
from spacy.language import Language

from graphbuild.extraction.openie import OpenTriple, open_triples, parse_pretokenized


def _tuples(nlp: Language, text: str) -> list[OpenTriple]:
    return list(open_triples(nlp(text)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # subject, verb, object
        ("The committee approved the new budget.", ("The committee", "approved", "the new budget")),
        # no object: the preposition joins the relation
        ("Ben Wallace has travelled to Moscow.", ("Ben Wallace", "has travelled to", "Moscow")),
        # passive keeps its surface
        ("The plan was criticised by the unions.", ("The plan", "was criticised by", "the unions")),
        # copula
        ("The river is very long.", ("The river", "is", "very long")),
        # apposition as "is"
        ("Sergei Shoigu, Russia's defence minister, arrived.", ("Sergei Shoigu", "is", "Russia 's defence minister")),
    ],
)
def test_open_rules(nlp: Language, sentence: str, expected: tuple[str, str, str]) -> None:
    found = {(t.arg1, t.relation, t.arg2) for t in _tuples(nlp, sentence)}
    assert expected in found, sorted(found)


def test_extra_arguments_and_offsets(nlp: Language) -> None:
    text = "Intro here.\nThe minister signed the treaty in Paris on Monday."
    (triple,) = [t for t in _tuples(nlp, text) if t.relation == "signed"]
    assert "on Monday" in triple.extra
    assert text[triple.start : triple.end] == triple.sentence == "The minister signed the treaty in Paris on Monday."
    assert 0 < triple.confidence <= 1


def test_pretokenized_text_keeps_its_tokens(nlp: Language) -> None:
    words = ["Pittsburgh", "'s", "mayor", "met", "``", "the", "board", "''", "."]
    doc = parse_pretokenized(nlp, words)
    assert [t.text for t in doc] == words
    assert all("\t" not in t.arg2 for t in open_triples(doc[:]))
