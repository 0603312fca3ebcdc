"""Laws by name and the references back to them: "the Identity Cards Bill", then "the Bill".

The model tags few laws whole ("Bill" alone as a person, "the Sarbanes-Oxley Act" as a body);
the name is the capitalised run before a law's head word, and the head word alone after "the"
is the law of that kind named last (which the mentions link it to).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.mentions.clusters import tokens_among
from graphbuild.extraction.mentions.words import LAW_HEADS

__all__ = ["law_references", "law_titles"]

#: The words before a law's head word alone that make it the law named before: "the Bill".
_LAW_DETERMINERS = frozenset({"the", "this", "that", "its", "their"})


def law_titles(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Laws by name: "the Identity Cards Bill", "the Freedom of Information Act" (tagged in part or not at all).

    The name is the run of capitalised words (joined by hyphens or a small word) before the
    law's head word; a name tagged across the head word is left as tagged.
    """
    found: list[Span] = []
    for head in tokens_among(doc, LAW_HEADS, "ORTH"):
        if head.i == 0 or (
                head.i + 1 < len(doc) and doc[head.i + 1].text[:1].isupper() and doc[head.i + 1].pos_ == "PROPN"):
            continue  # not a law but a name: "former US President Bill Clinton"
        start = head.i
        while start > 0 and (_capitalised(doc[start - 1]) or (
                doc[start - 1].lower_ in {"of", "and", "-"} and start > 1 and _capitalised(doc[start - 2])
                and doc[start - 2].text not in LAW_HEADS) or (
                doc[start - 1].tag_ == "NNS" and start > 1 and _capitalised(doc[start - 2]))):  # "the ID cards Bill"
            start -= 1
        if start == head.i:
            continue
        across = [span for span in actors if span.start < start < span.end]
        if any(span.end > head.i + 1 for span in across):
            continue  # tagged across the law's name and beyond it: leave it as tagged
        start = min([start, *(span.start for span in across)])  # "the Identity Cards" tagged with its "the"
        found.append(Span(doc, start, head.i + 1, label="LAW"))
    return found


def law_references(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Law heads after "the", "this" or "its" outside a law's name: "the Bill", "this Act"."""
    inside = {i for span in actors if span.label_ == "LAW" and len(span) > 1 for i in range(span.start, span.end)}
    return [Span(doc, t.i, t.i + 1, label="LAW") for t in tokens_among(doc, LAW_HEADS, "ORTH")
            if t.i not in inside and t.i > 0 and doc[t.i - 1].lower_ in _LAW_DETERMINERS
            and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].text[:1].isupper())]


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"}
