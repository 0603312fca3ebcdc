"""A headline run into its article's first sentence gets a sentence of its own.

News text often reaches graphbuild with the headline and the lede joined by a space ("Police
chief backs drinking move A chief constable has backed the introduction of ..."). Parsed as one
sentence, the headline's words become the lede's subject and the lede's best triples are lost. A
pipeline component that runs after the tagger and before the parser finds where the lede starts
and marks it as a sentence start, which the parser keeps.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.extraction.mentions.words import (
    EMPLOYEE_NOUNS,
    MAX_HEADLINE,
    OFFICE_NOUNS,
    PLAYER_NOUNS,
    PROFESSION_NOUNS,
)
from graphbuild.extraction.nlp import HEADLINE_COMPONENT
from graphbuild.extraction.rules.words import (
    COMPANY_NOUNS,
    KIN_NOUNS,
)

__all__ = ["COMPONENT", "MAX_HEADLINE", "headline_end", "split_headline"]

#: The name the component is registered under.
COMPONENT = HEADLINE_COMPONENT

#: Words a headline leaves out: articles and the auxiliaries of a finished clause.
_NOT_IN_HEADLINES = frozenset({"the", "a", "an", "is", "are", "was", "were", "has", "have", "been", ",", ".", "!", "?"})
_QUOTES = frozenset({"'", "‘", "’", '"', "“", "”"})
#: What a headline's last word is: a noun ("drinking move"), or the particle of a hyphenated one
#: ("Yukos split-up").
_LAST_TAGS = frozenset({"NN", "NNS", "RP"})
#: How a lede may start that no headline word can be mid-sentence: a capitalised "The", "A" or
#: number ("Six UK greyhound tracks ..."), after any last word but a preposition or verb that
#: would take it as object (the tagger often takes a headline's last noun for a verb: "rules").
_LEDE_TAGS = frozenset({"DT", "CD"})
_NOT_LAST_TAGS = frozenset({"IN", "TO", "DT", "VB", "VBD", "VBN", "CC"})
#: Nouns that title the name after them, in a lede as well as a headline: "Spain coach Luis
#: Aragones", "Liverpool winger Harry Kewell", "Australian brewer Fosters".
_TITLES = (OFFICE_NOUNS | PLAYER_NOUNS | PROFESSION_NOUNS | EMPLOYEE_NOUNS | KIN_NOUNS | COMPANY_NOUNS
           | {"boss", "coach", "manager", "speaker"})
#: The shortest lede after a headline, in tokens.
MIN_LEDE = 8
#: How many of the lede's first words no new sentence may start at.
_LEDE_START = 6


def headline_end(doc: Doc) -> int | None:
    """Where the lede starts when a headline runs into it: the first capitalised word after a
    headline's last word (a noun, or a closing quote), or a capitalised article or number after
    any word that would not take it as object; only headline words before it, and no quotation
    left open."""
    quoted = False
    for k in range(2, min(MAX_HEADLINE, len(doc) - MIN_LEDE)):
        token, before = doc[k], doc[k - 1]
        if before.lower_ in _NOT_IN_HEADLINES:
            return None  # a sentence, not a headline
        closing = before.text in _QUOTES and not doc[k - 2].whitespace_
        if before.text in _QUOTES:
            quoted = not closing
        if quoted or not (token.is_alpha and token.text[:1].isupper()) or before.lower_ in _TITLES:
            continue
        if closing or (before.is_alpha and before.text.islower() and (
                before.tag_ in _LAST_TAGS or (token.tag_ in _LEDE_TAGS and before.tag_ not in _NOT_LAST_TAGS))):
            return _after_repeat(doc, k)
    return None


def _after_repeat(doc: Doc, k: int) -> int:
    """The headline's last name repeated in full by the lede ("Straw attacks Blair Tony Blair has
    ...") stays in the headline: the lede starts at "Tony"."""
    end = k
    while end < len(doc) and doc[end].text[:1].isupper():
        end += 1
    return k + 1 if end - k >= 3 and doc[k].text == doc[end - 1].text else k


@Language.component(COMPONENT)
def split_headline(doc: Doc) -> Doc:
    """Mark the start of the lede when a headline runs into it (runs between tagger and parser)."""
    k = headline_end(doc)
    if k is not None:
        doc[k].is_sent_start = True
        # and the lede's first words stay in it ("MP George Galloway is to stand ...")
        for token in doc[k + 1 : k + _LEDE_START]:
            token.is_sent_start = False
    return doc
