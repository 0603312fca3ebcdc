"""Tagged spans cleaned before they become actors: the ``span hygiene`` family.

The small model tags some spans that are no names, or more than one: lower-case words and
amounts ("comfort zone", "124bn", "0.04secs"), words it swept in before a name ("rang Lucy"),
a headline's last name run into the first sentence's ("Blair Tony Blair"), two names joined by
"and" ("Blair and Brown") or a list of them by commas ("Bernal, Jamie Foxx"), and clubs or
companies typed as people ("Manchester United").
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Sequence

from spacy.tokens import Doc, Span

from graphbuild.extraction.mentions.words import (
    EMPLOYEE_NOUNS,
    MAX_HEADLINE,
    PARTY_MEMBERS,
    PLAYER_NOUNS,
    PORTFOLIO_WORDS,
    PROFESSION_NOUNS,
)
from graphbuild.extraction.rule import Example, Rule, Stage

__all__ = ["RULES", "clean_spans"]


def _rule(name: str, construction: str, *examples: Example) -> Rule:
    return Rule(name=name, family="span hygiene", construction=construction, examples=examples,
                stage=Stage.RESOLUTION)


LEADING_WORDS = _rule(
    "leading_words", "lower-case words swept in before a name, a label or member's title, and a score or small "
    "word after it, are not part of it (\"rang Lucy\", \"MEP Caroline Lucas\", \"Shane Meadows for\"); no "
    "capital, no name",
    Example(text="Mr Giggs said he rang Lucy Hart, who sued Tesco.", triples=(("Lucy Hart", "sue", "Tesco"),),
            not_actors=("rang Lucy Hart",)),
    Example(text="Shares in Google rose to 124bn, Reuters reported.", not_actors=("124bn",)),
    Example(text="Bolt beat Powell by 0.04secs in Rome.", not_actors=("0.04secs",)),
    Example(text="Mike Leigh will compete with Shane Meadows for Dead Man's Shoes.",  # a small word after it
            not_actors=("Shane Meadows for",)),
    Example(text="Kim defeated Jan Hernych of the Czech Republic 7-5 6-3 on Monday.",  # a score after the name
            triples=(("Jan Hernych", "from", "Czech Republic"),), not_actors=("Czech Republic 7-5 6-3",)),
    Example(text="Producer Mel Gibson met Sony in Rome.",  # a label capitalised at a sentence's start
            triples=(("Mel Gibson", "meet", "Sony"),), not_actors=("Producer Mel Gibson",)),
    Example(text="Veteran Spaniard Conchita Martinez beat Roberta Vinci in Bangkok.",  # a describing word
            not_actors=("Veteran Spaniard Conchita Martinez",)),
    Example(text="Labour MSP Jackie Baillie said the plan was wrong.",  # a member's title, tagged alone
            triples=(("Jackie Baillie", "member_of", "Labour Party"),), not_actors=("MSP",)),
    Example(text="Green MEP Caroline Lucas welcomed the plan.", not_actors=("MEP Caroline Lucas",)))
HEADLINE_REPEAT = _rule(
    "headline_repeat", "a headline's last name run into the first sentence's is two: \"Blair Tony Blair said\"",
    # a headline too long for its lede to be told apart
    Example(text="Straw says he will not stand by and watch Blair Tony Blair has criticised France over the deal.",
            triples=(("Tony Blair", "criticise", "France"),), not_actors=("Blair Tony Blair",)))
JOINED_NAMES = _rule(
    "joined_names", "two names the article also writes alone, tagged as one with \"and\": \"Blair and Brown\"",
    Example(text="Tony Blair met Dell. Hewlett Packard was absent. Since then Dell and Hewlett Packard sued IBM.",
            triples=(("Hewlett Packard", "sue", "IBM"),), not_actors=("Dell and Hewlett Packard",)))
LISTED_NAMES = _rule(
    "listed_names", "a tagged span holding commas is a list: \"Bernal, Jamie Foxx\" is two names, each of the "
    "type the article gives it where it is tagged alone",
    Example(text="Leonardo DiCaprio and Gael Garcia Bernal are nominated. Jamie Foxx won in January. DiCaprio "
                 "faces competition from Bernal, Jamie Foxx, Jim Carrey and Johnny Depp.",
            triples=(("Leonardo DiCaprio", "face_competition_from", "Gael Garcia Bernal"),),
            not_actors=("Bernal Jamie Foxx",)))
ORG_SHAPE = _rule(
    "org_shape", "a name ending like a club or company (United, City, Rovers, plc, Bank) is no person",
    Example(text="Manchester United's Wayne Rooney scored twice.",
            triples=(("Wayne Rooney", "work_for", "Manchester United"),)))

HONORIFIC_INSIDE = _rule(
    "honorific_inside", "an honorific inside a tagged name starts a person's: \"the Foreign Policy Centre Mr Straw\"",
    Example(text="In a speech to the Foreign Policy Centre Mr Straw criticised Iran.",
            not_actors=("Foreign Policy Centre Mr Straw",)))

PORTFOLIO = _rule(
    "portfolio", "an office's field before its title is no actor: \"Home Secretary Charles Clarke\", "
    "\"Defence Minister\" (a department's name is: \"Home Office minister\")",
    Example(text="The new Home Secretary Charles Clarke met Tony Blair.", not_actors=("Home",),
            absent=(("Charles Clarke", "*", "Home"),)),
    Example(text="Defence Secretary Geoff Hoon visited Basra.", not_actors=("Defence",)),
    Example(text="Lib Dem Home Affairs spokesman Mark Oaten said the plan was wrong.",  # the party before it
            triples=(("Mark Oaten", "spokesman_for", "Liberal Democrats"),)))

RULES = (LEADING_WORDS, HEADLINE_REPEAT, JOINED_NAMES, LISTED_NAMES, ORG_SHAPE, HONORIFIC_INSIDE, PORTFOLIO)

#: Words before an office's field that are no name either: "Ex-Home Secretary".
_BEFORE_TITLES = frozenset({"ex", "former", "then", "acting", "deputy", "junior", "senior"})
#: The titles a field stands before.
_PORTFOLIO_TITLES = frozenset({"secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "secretaries",
                               "ministers", "chancellor", "commissioner"})

#: Honorifics that start a person's name wherever they stand.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"})

#: Lower-case words that belong to names: "al Qaeda", "Leonardo da Vinci".
_PARTICLES = frozenset({"al", "el", "da", "de", "del", "della", "di", "du", "dos", "van", "von", "der", "den", "bin",
                        "ibn", "ben", "abu", "le", "la", "les", "of", "the", "and", "for", "y", "e", "ter", "zu"})
#: Small words that never end a name: the model sweeps them in before the next one.
_TRAILING_GLUE = frozenset({"for", "of", "the", "and", "in", "on", "at", "to", "with", "by", "from", "as", "plus", "v",
                            "vs", "when", "after", "while"})
#: Last words of names of clubs and companies.
ORG_ENDINGS = frozenset({
    "united", "city", "rovers", "athletic", "wanderers", "albion", "hotspur", "fc", "plc", "ltd", "inc", "corp",
    "corporation", "group", "bank", "holdings", "airways", "airlines", "motors", "records", "pictures", "studios",
    "university", "college", "council", "party", "association", "federation", "union", "club", "institute",
    "foundation", "trust", "agency", "commission", "committee", "ministry", "department", "office", "court",
    "police", "co", "company", "partners", "capital", "investors", "ventures", "industries", "electronics",
    "telecom", "networks", "systems", "technologies", "entertainment", "media", "limited", "gmbh", "ag", "sa",
})


def clean_spans(doc: Doc, spans: Sequence[Span], disabled: Collection[str] = ()) -> list[Span]:
    """The tagged ``spans`` with the amounts dropped, swept-in words cut off and joined names split."""
    texts = [span.text for span in spans]
    alone = {text for text in texts if " and " not in text}
    # the type each name has where it is tagged on its own, for the names of a list tagged as one
    types = {span.text: span.label_ for span in spans if "," not in span.text and " and " not in span.text}
    cleaned: list[Span] = []
    for span, text in zip(spans, texts, strict=True):
        if text[:1].isupper() and " " not in text and text.isalpha() and span.label_ != "PERSON":
            if LEADING_WORDS.name not in disabled and text.lower() in PARTY_MEMBERS:
                continue  # a member's title alone: the "MSP" of "Labour MSP Jackie Baillie"
            if PORTFOLIO.name in disabled or _without_portfolio(span) is not None:
                cleaned.append(span)  # one capitalised word: nothing to clean but an office's field
            continue
        parts = [span]
        if LEADING_WORDS.name not in disabled:
            parts = [p for p in map(_without_leading_words, parts) if p is not None]
            parts = [_without_label(p) for p in parts]
        if HEADLINE_REPEAT.name not in disabled:
            parts = [q for p in parts for q in _split_repeat(p, alone)]
        if JOINED_NAMES.name not in disabled:
            parts = [q for p in parts for q in _split_joined(p, alone)]
        if LISTED_NAMES.name not in disabled:
            parts = [q for p in parts for q in _split_listed(p, types)]
        if HONORIFIC_INSIDE.name not in disabled:
            parts = [q for p in parts for q in _split_at_honorific(p)]
        if PORTFOLIO.name not in disabled:
            parts = [q for p in parts for q in [_without_portfolio(p)] if q is not None]
        if ORG_SHAPE.name not in disabled:
            parts = [_org_shaped(p) for p in parts]
        cleaned += parts
    return cleaned


def _without_portfolio(span: Span) -> Span | None:
    """The span without the office's field that ends it right before the title: "Lib Dem" of
    "Lib Dem Home Affairs spokesman"; None when the field is all of it ("Home Secretary")."""
    doc = span.doc
    end = span.end
    if end - span.start > 1 and doc[end - 1].lower_ in _PORTFOLIO_TITLES:
        end -= 1  # tagged with its title: "Home Secretary"
    elif not (end < len(doc) and doc[end].lower_ in _PORTFOLIO_TITLES):
        return span
    field = end
    while field > span.start and (doc[field - 1].lower_ in PORTFOLIO_WORDS or not doc[field - 1].is_alpha):
        field -= 1
    if field == end:
        return span  # no field: "the European Council of Ministers"
    while field > span.start and doc[field - 1].lower_ in _BEFORE_TITLES:
        field -= 1  # "Ex-Home Secretary"
    return Span(doc, span.start, field, label=span.label_) if field > span.start else None


def _without_leading_words(span: Span) -> Span | None:
    """The span without the lower-case words before its first capitalised one; None if it has none."""
    start = span.start
    doc = span.doc
    while start < span.end and doc[start].text.islower() and doc[start].lower_ not in _PARTICLES:
        start += 1
    if not any(any(c.isupper() for c in t.text) for t in doc[start:span.end]):
        return None
    end = next((i for i in range(start + 1, span.end - 1) if _score_at(doc, i)), span.end)
    while end - 1 > start and doc[end - 1].text in _TRAILING_GLUE:
        end -= 1  # "Shane Meadows for" of "Shane Meadows for Dead Man's Shoes"
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


#: Labels for a person that the model tags with the name after them when a sentence starts with
#: them ("Novelist Arthur Hailey", "Producer Mel Gibson"); not the ones that start names of their
#: own ("Band Aid", "Star Trek", "Doctor Who").
_SWEPT_LABELS = (PROFESSION_NOUNS | PLAYER_NOUNS | EMPLOYEE_NOUNS) - {
    "band", "duo", "star", "model", "champion", "international", "number", "tennis", "wing", "half", "scrum",
    "sevens", "forward", "lock", "fellow", "centre", "doctor", "professor", "official", "representative", "player"}


#: Words that describe the actor a sentence starts with, capitalised only because they start it:
#: "Veteran Spaniard Conchita Martinez", "Injured Chelsea winger ...", "Comedy Meet The Fockers".
_SENTENCE_MODIFIERS = frozenset({"veteran", "injured", "fellow", "double", "triple", "comedy", "drama", "thriller"})


def _without_label(span: Span) -> Span:
    """A name without the label the model swept into it: "Novelist Arthur Hailey" → Arthur Hailey, and
    any actor's without a describing word that starts the sentence ("Injured Chelsea" → Chelsea)."""
    if len(span) < 2 or not span[0].text[:1].isupper() or not (span[1].text[:1].isupper() or span[1].like_num):
        return span
    label = span.label_ == "PERSON" and span[0].lower_ in _SWEPT_LABELS | PARTY_MEMBERS
    if label or (span[0].is_sent_start and span[0].lower_ in _SENTENCE_MODIFIERS):
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _score_at(doc: Doc, i: int) -> bool:
    """Whether a score starts at token ``i``: "7-5", "2 - 1"."""
    return doc[i].like_num and i + 2 < len(doc) and doc[i + 1].text in {"-", "–"} and doc[i + 2].like_num


def _split_repeat(span: Span, alone: set[str]) -> list[Span]:
    """"Blair Tony Blair" at an article's start (a headline run into the text) → "Blair", "Tony Blair".

    The start is the length of a headline: the lede may already be a sentence of its own.

    An exact double ("Arsenal Arsenal") is split only when the article writes the name alone
    elsewhere, so that "Duran Duran" stays one name.
    """
    words = [t.text for t in span]
    if len(words) < 2 or len(set(words)) == len(words) or span.start > MAX_HEADLINE:
        return [span]
    for k in range(1, len(words)):
        if words[k - 1] != words[-1]:
            continue
        first = " ".join(words[:k])
        if words[k:] != words[:k] or first in alone:
            doc = span.doc
            return [Span(doc, span.start, span.start + k, label=span.label_),
                    Span(doc, span.start + k, span.end, label=span.label_)]
    return [span]


def _split_joined(span: Span, alone: set[str]) -> list[Span]:
    """"Blair and Brown" → "Blair", "Brown", when the article writes both names on their own."""
    if " and " not in span.text:
        return [span]
    ands = [t.i for t in span if t.lower_ == "and"]
    if len(ands) != 1:
        return [span]
    doc, cut = span.doc, ands[0]
    left, right = doc[span.start:cut], doc[cut + 1:span.end]
    if not (len(left) and len(right)) or not (_known(left.text, alone) and _known(right.text, alone)):
        return [span]
    return [Span(doc, left.start, left.end, label=span.label_), Span(doc, right.start, right.end, label=span.label_)]


def _split_listed(span: Span, types: dict[str, str]) -> list[Span]:
    """"Bernal, Jamie Foxx" → "Bernal", "Jamie Foxx": the parts between commas that hold a capital,
    each with the type of the name it is (or ends) where the article tags it alone."""
    doc = span.doc
    commas = [t.i for t in span if t.text == ","]
    if not commas:
        return [span]
    edges = [span.start - 1, *commas, span.end]
    parts: list[Span] = []
    for left, right in itertools.pairwise(edges):
        part = doc[left + 1:right]
        if not any(t.text[:1].isupper() for t in part):
            continue
        name = _written_alone(part.text, types)
        parts.append(Span(doc, part.start, part.end, label=span.label_ if name is None else types[name]))
    return parts


def _known(text: str, alone: set[str]) -> bool:
    """Whether the article writes ``text`` (or a name ending with it, for a surname) as a name of its own."""
    return _written_alone(text, alone) is not None


def _written_alone(text: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that is ``text`` or ends with it (a surname's full name), if any."""
    return next((name for name in names if name == text or name.endswith(" " + text)), None)


def _org_shaped(span: Span) -> Span:
    words = [t for t in span if t.tag_ != "POS"]
    if span.label_ == "PERSON" and len(words) > 1 and words[-1].lower_ in ORG_ENDINGS:
        return Span(span.doc, span.start, span.end, label="ORG")
    return span


def _split_at_honorific(span: Span) -> list[Span]:
    """"the Foreign Policy Centre Mr Straw" → the body, and the person from the honorific on."""
    if len(span) < 3:
        return [span]
    cut = next((t.i for t in span[1:] if t.lower_.rstrip(".") in _HONORIFICS and t.text[:1].isupper()), None)
    if cut is None or cut + 1 >= span.end:
        return [span]
    doc = span.doc
    return [Span(doc, span.start, cut, label=span.label_), Span(doc, cut, span.end, label="PERSON")]
