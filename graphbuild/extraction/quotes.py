"""A single quote that closes a quotation is no possessive.

British news quotes with single marks: "the 'New World' producers of Australia", "Galloway
targets 'New Labour' MP". The tagger often takes the closing mark for a possessive ending
(``POS``), and the parser then makes the quoted words the owner of the noun after them ("New
World" owns "producers"). A pipeline component after the parser mends that: the mark becomes a
closing quote and the quoted name a modifier of the noun, as "Labour" in "Labour MP".
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.extraction.nlp import QUOTES_COMPONENT

__all__ = ["COMPONENT", "retag_closing_quotes"]

#: The name the component is registered under.
COMPONENT = QUOTES_COMPONENT

_OPENING = frozenset({"'", "‘"})
_CLOSING = frozenset({"'", "’"})
#: Tokens that end a sentence: a quotation left open there is closed by nothing after.
_SENTENCE_ENDS = frozenset({".", "!", "?"})


@Language.component(COMPONENT)
def retag_closing_quotes(doc: Doc) -> Doc:
    """Mend each possessive mark that closes a quotation opened by a single mark (runs after the parser)."""
    open_at: int | None = None
    for i in _marks(doc):  # only quotation marks and sentence ends matter: the rest is skipped unread
        token = doc[i]
        if token.text in _SENTENCE_ENDS:
            open_at = None
        elif open_at is None and token.text in _OPENING and token.whitespace_ == "" and (
                i == 0 or doc[i - 1].whitespace_):
            open_at = i  # a mark before a word, after a space: "the 'New World'"
        elif open_at is not None and token.text in _CLOSING and i > open_at + 1 and not doc[i - 1].whitespace_:
            if token.dep_ == "case" and token.head.dep_ == "poss":
                token.tag_, token.dep_ = "''", "punct"
                token.head.dep_ = "compound"
            open_at = None
    return doc


def _marks(doc: Doc) -> list[int]:
    """Indices of the tokens that are single quotation marks or end a sentence, in order."""
    strings = doc.vocab.strings
    wanted = [strings.add(text) for text in _OPENING | _CLOSING | _SENTENCE_ENDS]
    return numpy.flatnonzero(numpy.isin(doc.to_array("ORTH"), wanted)).tolist()
