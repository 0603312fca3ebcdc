"""Names the model tags in part or not at all: laws, sites with a possessive inside, people after a demonym.

The model tags few laws whole ("Bill" alone as a person, "the Sarbanes-Oxley Act" as a body);
a law's name is the capitalised run before its head word, and the head word alone after "the"
is the law of that kind named last (which the mentions link it to). A site named with a
possessive ("St James's Palace", "St Paul's Cathedral") is cut at the "'s" by the model, and a
newspaper or programme named before its noun ("the Bisnis Indonesia newspaper") is tagged in
part or as a date ("the Today programme"), as is a paper named for its day ("the Sunday
Telegraph"). A competition's name before a word for its stage is tagged in part ("the
Australian Open semi-finals": "Australian" as a people), and so is an actor named by a noun
after a tagged name: "the US presidential election", "British forces", "the Baltic states".
A person named after a demonym is often left untagged ("beat Czech Jan Hernych"), and so is a
work's title after a noun for a work or before one set off by a comma ("the film Gladiator",
"Sideways, a comedy"), or before a participle that credits a person ("Closer, directed by Mike
Nichols").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy
from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.mentions.clusters import tokens_among
from graphbuild.extraction.mentions.words import (
    AWARD_WORDS,
    CREDIT_PARTICIPLES,
    CREDIT_REACH,
    EVENT_LABELS,
    EVENT_NOUNS,
    FORCE_NOUNS,
    LAW_HEADS,
    MEDIA_NOUNS,
    NUMERIC_LABELS,
    ORG_NOUNS,
    PORTFOLIO_WORDS,
    POSSESSIVE_MARKS,
    SITE_NOUNS,
    STATE_GROUP_NOUNS,
    WORK_NOUNS,
)
from graphbuild.model import EntityType
from graphbuild.names import TITLE_WORDS, Gazetteer

__all__ = ["acronym_bodies", "armed_forces", "continued_titles", "credited_reach", "credited_titles", "demonym_names",
           "event_titles", "is_law_name", "law_references", "law_titles", "media_titles", "named_events",
           "numbered_channels", "site_names", "state_groups", "weekday_papers"]

#: The words before a law's head word alone that make it the law named before: "the Bill".
_LAW_DETERMINERS = frozenset({"the", "this", "that", "its", "their"})


def law_titles(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Laws by name: "the Identity Cards Bill", "the Freedom of Information Act" (tagged in part or not at all).

    The name is the run of capitalised words (joined by hyphens or a small word) before the
    law's head word; a name tagged across the head word is left as tagged.
    """
    found: list[Span] = []
    for head in _law_heads(doc):
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
    return [Span(doc, t.i, t.i + 1, label="LAW") for t in _law_heads(doc)
            if t.i not in inside and doc[t.i - 1].lower_ in _LAW_DETERMINERS]


def is_law_name(name: str) -> bool:
    """Whether an actor's name is a law's: "Securities Trading Act"."""
    return name.split()[-1] in LAW_HEADS


def _law_heads(doc: Doc) -> list[Token]:
    """The law head words that may end a law's name: not first, nor before a name ("President Bill Clinton")."""
    return [head for head in tokens_among(doc, LAW_HEADS, "ORTH") if head.i > 0 and not (
        head.i + 1 < len(doc) and doc[head.i + 1].text[:1].isupper() and doc[head.i + 1].pos_ == "PROPN")]


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"}


def site_names(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A name, its "'s" and a capitalised site noun: "St James's Palace", "St Paul's Cathedral"."""
    found: list[Span] = []
    # the capitalised site nouns right after a possessive, looked up once: most articles have none
    sites = {t.i for t in tokens_among(doc, SITE_NOUNS, "LOWER")
             if t.i > 0 and t.text[:1].isupper() and doc[t.i - 1].lower_ in POSSESSIVE_MARKS}
    if not sites:
        return found
    for span in actors:
        if span.end not in sites and span.end + 1 not in sites:
            continue
        end = span.end  # the possessive is in the span, or right after it
        if doc[end - 1].lower_ not in POSSESSIVE_MARKS:
            if end < len(doc) and doc[end].lower_ in POSSESSIVE_MARKS:
                end += 1
            else:
                continue
        site = doc[end] if end < len(doc) else None
        after = doc[end + 1] if end + 1 < len(doc) else None
        if after is not None and (after.text[:1].isupper() or after.lower_ == "of"):
            continue  # the site word begins a longer name: "China's State Environmental Protection Agency"
        if (site is not None and site.text[:1].isupper() and site.lower_ in SITE_NOUNS
                and span.label_ in {"FAC", "ORG", "PERSON", "GPE"}):
            found.append(Span(doc, span.start, end + 1, label="FAC"))
    return found


#: Capitalised words before a programme's noun that say its kind, not its name.
_MEDIA_KINDS = frozenset({"TV", "Radio", "Internet", "Web", "Sunday", "Saturday"})


def media_titles(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """The capitalised run between "the" and a newspaper's or programme's noun: "the Bisnis Indonesia
    newspaper", "the Today programme" (a country or people it begins with only describes it); or
    between a body's possessive and the noun, small words and all: "BBC's Breakfast with Frost
    programme"."""
    found: list[Span] = []
    for noun in tokens_among(doc, MEDIA_NOUNS, "LOWER"):
        start = noun.i
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ == "compound":
            start -= 1
        owned = _title_start(doc, noun.i, ())
        if (0 < owned < start and doc[owned - 1].lower_ in POSSESSIVE_MARKS and noun.is_lower
                and not any(t.lower_ == "and" for t in doc[owned:noun.i])):
            # "BBC's Breakfast with Frost programme"; not "The Catherine Tate Show", nor "the UK's
            # Department for International Development and the UN Development Programme"
            found.append(Span(doc, owned, noun.i, label="ORG"))
            continue
        while start < noun.i and doc[start].ent_type_ in {"GPE", "NORP"} and start + 1 < noun.i:
            start += 1  # "the US Sun newspaper": the Sun
        if start == noun.i or start == 0 or doc[start - 1].lower_ != "the" or doc[start].ent_type_ in {"GPE", "NORP"}:
            continue  # "the Argentine newspaper Clarin": the name comes after the noun
        if (noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN") or doc[start:noun.i].text in _MEDIA_KINDS:
            continue  # "the TV show": no name
        if any(span.start < start < span.end or span.start < noun.i <= span.end - 1 for span in actors):
            continue  # tagged across the name's edges: leave it as tagged
        found.append(Span(doc, start, noun.i, label="ORG"))
    return found


def weekday_papers(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A newspaper named for its day, which the model reads as a date: "the Sunday Telegraph"."""
    found: list[Span] = []
    days = tokens_among(doc, _PAPER_DAYS, "ORTH")
    taken = {i for span in actors for i in range(span.start, span.end)} if days else set()
    for day in days:
        end = day.i + 1
        while end < len(doc) and end - day.i <= 2 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end > day.i + 1 and day.i > 0 and doc[day.i - 1].lower_ == "the" and not taken & set(range(day.i, end)):
            found.append(Span(doc, day.i, end, label="ORG"))
    return found


#: The days a newspaper is named for.
_PAPER_DAYS = frozenset({"Sunday", "Saturday"})
#: The number words that end a channel's name: "BBC One", "BBC Three".
_CHANNEL_NUMBERS = frozenset({"One", "Two", "Three", "Four", "Five"})


def numbered_channels(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A broadcaster's initials with a capitalised number word after them name a channel, which
    the model tags without the number: "shown on BBC One", "BBC Three's controller" (not "BBC Radio
    Five Live", nor a headline's "Aer Lingus Three senior executives")."""
    return [Span(doc, span.start, span.end + 1, label="ORG") for span in actors
            if span.label_ == "ORG" and len(span) == 1 and span[0].is_upper and span.end < len(doc)
            and doc[span.end].text in _CHANNEL_NUMBERS and doc[span.end].ent_type_ not in {"PERSON", "ORG"}]


#: The capitalised head words that end the name of a competition or a festival: "the Australian
#: Open", "the Rugby World Cup Sevens", "the Edinburgh Festival".
_EVENT_TITLE_HEADS = frozenset({
    "Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Tournament", "Festival", "Marathon",
    "Sevens", "Trophy", "Prix", "Classic", "Masters", "Awards", "Expo",
})


def event_titles(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Competitions and festivals by name, tagged in part or not at all: "the Australian Open
    semi-finals", "the Davis Cup". The name is the run of capitalised words and numbers before
    the head word; a name tagged across the head word is left as tagged."""
    found: list[Span] = []
    for head in tokens_among(doc, _EVENT_TITLE_HEADS, "ORTH"):
        start = head.i
        while start > 0 and (_capitalised(doc[start - 1]) or doc[start - 1].like_num) and (
                doc[start - 1].ent_type_ not in NUMERIC_LABELS | {"PERSON"}):
            start -= 1
        if start == head.i or (found and start < found[-1].end):
            continue
        end = head.i + 1
        if any(span.start < end and span.end > start and (span.start < start or span.end > end
                                                          or (span.start, span.end) == (start, end))
               for span in actors):
            continue  # tagged whole, or across the name's edges: leave it as tagged
        found.append(Span(doc, start, end, label="EVENT"))
    return found


#: The words that modify an event's noun within its name: "the US presidential election".
_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def named_events(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Events named by an actor before the noun: "the Palestinian presidential election",
    "June's European Parliament elections", "a London conference".

    The event is an actor of its own (Abbas wins the election; he does not win the Palestinians);
    its span runs from the first modifier that names an actor to the noun.
    """
    starts = {span.start: span for span in actors}
    found: list[Span] = []
    # the event noun follows a name within a few words: look there, not at every token
    nouns = {i for span in actors if span.label_ in EVENT_LABELS for i in range(span.end, min(span.end + 3, len(doc)))}
    for noun in (doc[i] for i in sorted(nouns)):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EVENT_NOUNS:
            continue
        start = noun.i
        while (start > 0 and doc[start - 1].head.i in range(start, noun.i + 1) and doc[start - 1].dep_ in _MODIFIERS
               and doc[start - 1].ent_type_ not in NUMERIC_LABELS):
            start -= 1
        named = [starts[i] for i in range(start, noun.i) if i in starts and starts[i].label_ in EVENT_LABELS]
        if not named:
            continue
        found.append(Span(doc, named[0].start, noun.i + 1, label="EVENT"))
    return found


def armed_forces(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A people's forces: "British forces are stationed in Basra" → the actor "British forces".

    The forces act, not the country ("Russian troops crossed into Ukraine"); the graph links them
    to the country with part_of.
    """
    return _named_with_noun(doc, actors, {"NORP"}, FORCE_NOUNS, "ORG")


def state_groups(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A named group of countries: "from the Baltic states to Romania" → the actor "Baltic states".

    The model tags only the adjective ("Baltic"), which names a sea, not the countries.
    """
    return _named_with_noun(doc, actors, {"LOC", "NORP"}, STATE_GROUP_NOUNS, "LOC")


def _named_with_noun(doc: Doc, actors: Sequence[Span], labels: set[str], nouns: frozenset[str],
                     label: str) -> list[Span]:
    """Each tagged name (of `labels`) that modifies one of `nouns` right after it, with the noun, as `label`."""
    found: list[Span] = []
    for span in actors:
        if span.label_ not in labels or span.end >= len(doc):
            continue
        noun = doc[span.end]
        if noun.lower_ in nouns and span.root.head.i == noun.i and span.root.dep_ in {"amod", "compound"}:
            found.append(Span(doc, span.start, noun.i + 1, label=label))
    return found


#: Where a person's name after a demonym stands as a noun phrase of its own, not a modifier.
_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "poss", "attr", "dative"})
#: Words that make a capitalised run an office or a body, not a name: "Indonesian Economics Minister".
_NOT_NAME_WORDS = TITLE_WORDS | PORTFOLIO_WORDS | ORG_NOUNS | {"language", "oil", "airways", "motors"}


def demonym_names(doc: Doc, actors: Sequence[Span], gazetteer: Gazetteer) -> list[Span]:
    """Untagged people's names after a country's demonym: "beat Czech Jan Hernych", "Russian Marat Safin".

    The model tags the demonym and leaves the name after it untagged. The name is a run of two to
    four capitalised words, the head of the demonym, standing as a noun phrase of its own, none of
    them a title, a field of office or a body's noun.
    """
    found: list[Span] = []
    for span in actors:
        if span.label_ != "NORP" or len(span) != 1:
            continue
        entry = gazetteer.demonym(span.text)
        if entry is None or entry.type is not EntityType.GPE:
            continue
        end = span.end
        while end < len(doc) and _name_word(doc[end]):
            end += 1
        if 2 <= end - span.end <= 4 and span[0].head.i == end - 1 and doc[end - 1].dep_ in _NAME_DEPS:
            found.append(Span(doc, span.end, end, label="PERSON"))
    return found


def _name_word(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_
            and token.text.replace("'", "").replace("-", "").isalpha() and token.lower_ not in _NOT_NAME_WORDS)


#: Nouns for a kind of body, which make an untagged acronym next to them a body's name.
_BODY_KINDS = ORG_NOUNS | {"union", "body", "regulator", "association", "federation", "watchdog", "charity",
                           "consultancy", "consortium", "council", "commission", "authority", "institute"}


def acronym_bodies(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Untagged acronyms named with a kind of body: "the FNSEA farmers' union", "analyst firm IDC",
    "regulator AMF"."""
    found: list[Span] = []
    for token in _untagged_acronyms(doc):
        if token.pos_ not in {"PROPN", "NOUN"}:
            continue
        kinds = [token.head] if token.dep_ in {"compound", "appos", "nmod"} else []
        kinds += [c for c in token.children if c.dep_ in {"compound", "appos"}]
        if any(kind.lower_ in _BODY_KINDS and not kind.is_upper for kind in kinds):
            found.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return found


def _untagged_acronyms(doc: Doc) -> list[Token]:
    """The untagged all-capital words of three letters or more, found from spaCy's token array
    without making a token of every word."""
    if not len(doc):
        return []
    upper, alpha, iob, length = doc.to_array(["IS_UPPER", "IS_ALPHA", "ENT_IOB", "LENGTH"]).T
    wanted = (upper == 1) & (alpha == 1) & (length >= 3) & ((iob == 0) | (iob == 2))
    return [doc[int(i)] for i in numpy.flatnonzero(wanted)]


def _titles_before_their_kind(doc: Doc, taken: set[int]) -> list[Span]:
    """Untagged titles set off before a noun for a work that describes them: "Sideways, a
    wine-tasting comedy starring Paul Giamatti", "Brother to Brother, a drama about ..."."""
    found: list[Span] = []
    for noun in tokens_among(doc, WORK_NOUNS, "LOWER"):
        comma = noun.left_edge.i - 1
        if noun.pos_ != "NOUN" or noun.dep_ != "appos" or comma < 1 or doc[comma].text != ",":
            continue
        start = _title_start(doc, comma, taken)
        if start < comma and noun.head.i in range(start, comma) and doc[start].is_alpha:
            found.append(Span(doc, start, comma, label="WORK_OF_ART"))
    return found


def _title_start(doc: Doc, end: int, taken: Collection[int]) -> int:
    """Where the capitalised run that ends before ``end`` starts, short of the ``taken`` tokens and of
    the sentence's start (or a stop the parser missed before it: it cuts some titles in two). Small
    words may join two capitalised ones ("Eternal Sunshine of the Spotless Mind", "Man of the
    House"); the first word is no part of the run when it is a small word other than "the" or a noun
    for a work ("In Sideways, a comedy", "Comedy Christmas with the Kranks, starring")."""
    floor = _clause_start(doc, end)
    start = end
    while start > floor and start - 1 not in taken:
        if doc[start - 1].text[:1].isupper():
            start -= 1
            continue
        glue = start - 1  # one small word, or one before "the": "Christmas with the Kranks"
        if glue > floor + 1 and doc[glue].lower_ == "the" and doc[glue - 1].lower_ in _TITLE_GLUE:
            glue -= 1
        before = glue - 1
        if (start == end or before < floor or doc[glue].lower_ not in _TITLE_GLUE
                or not doc[before].text[:1].isupper() or before in taken):
            break
        start = before
    first = doc[start]
    if start < end and start == floor and ((first.is_stop and first.lower_ != "the") or first.lower_ in WORK_NOUNS):
        start += 1
    return start


def _clause_start(doc: Doc, end: int) -> int:
    """The first token after the last full stop, colon, semicolon or line break before ``end``."""
    start = end
    while start > 0 and doc[start - 1].text not in {".", "!", "?", ":", ";"} and "\n" not in doc[start - 1].text:
        start -= 1
    return start


def credited_titles(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Titles set off before a participle that credits a person: "Closer, directed by Mike Nichols,",
    "Meet the Fockers, starring Ben Stiller,". The model tags many such titles in part, as places or
    as people ("Lost in Translation" as a place "Translation", "Closer" as a person); the credit says
    they are works, and the new span takes the place of a name inside it."""
    people = {span.start for span in actors if span.label_ == "PERSON"}
    found: list[Span] = []
    for participle in tokens_among(doc, CREDIT_PARTICIPLES, "LOWER"):
        comma = participle.i - 1
        if comma < 1 or doc[comma].text != "," or not any(i in people for i in credited_reach(participle)):
            continue
        start = _title_start(doc, comma, ())
        # a name the model tagged across the run's start belongs to it whole: "Ocean's Eleven"
        start = min([start, *(s.start for s in actors if s.start < start < s.end)])
        if start < comma and doc[start].is_alpha:
            found.append(Span(doc, start, comma, label="WORK_OF_ART"))
    return found


#: Small words a title may hold between capitalised ones: "Eternal Sunshine of the Spotless Mind".
_TITLE_GLUE = frozenset({"of", "the", "and", "in", "on", "a", "an", "to", "for", "with", "at"})
#: The two small words a title may hold together: "Man of the House", "The Passion of the Christ".
_OF_THE = ("of", "the")


def continued_titles(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """A work's title the model cut at "of", the rest tagged apart or not at all: "Eternal
    Sunshine" + "of the" + "the Spotless Mind" (a place), "Man" + "of the" + "House" (a body). The
    whole run is the title; a person's name after "of" is no part of it."""
    people = {i for span in actors if span.label_ == "PERSON" for i in range(span.start, span.end)}
    ends = {span.start: span.end for span in actors}
    found: list[Span] = []
    for span in actors:
        if (span.label_ != "WORK_OF_ART" or span.end >= len(doc) or doc[span.end].lower_ != "of"
                or not _glued(doc, span.end)):
            continue  # cut at "of": "in", "at", "and" may as well end the title and start a place or a list
        rest = span.end + 1
        if rest not in ends and doc[rest].lower_ in _TITLE_GLUE:
            rest += 1  # "of the": unless "the" starts a name tagged with it
        end = rest
        while end < len(doc) and end not in people and (end in ends or doc[end].text[:1].isupper()):
            end = ends.get(end, end + 1)
        if end > rest:
            found.append(Span(doc, span.start, end, label="WORK_OF_ART"))
    return found


def _glued(doc: Doc, i: int) -> bool:
    """True when the small word at ``i`` joins a title's capitalised words, alone or as "of the":
    "Lost in Translation", "Eternal Sunshine of the Spotless Mind"."""
    if doc[i].lower_ not in _TITLE_GLUE:
        return False
    after = list(doc[i + 1:i + 3])
    return bool(after) and (after[0].text[:1].isupper() or (
        len(after) == 2 and (doc[i].lower_, after[0].lower_) == _OF_THE and after[1].text[:1].isupper()))


def work_titles(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Untagged titles right after a noun for a work: "the film Gladiator", "his novel Atonement".

    The title is the run of capitalised words after the noun (small words such as "of the" may
    join two of them); a run the model tagged, or none, makes nothing.
    """
    taken = {i for span in actors for i in range(span.start, span.end)}
    # after a noun for a work, or after a person's possessive ("Scorsese's The Aviator")
    starts = [noun.i + 1 for noun in tokens_among(doc, WORK_NOUNS, "LOWER") if noun.pos_ == "NOUN"]
    starts += [span.end + (span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE_MARKS) for span in actors
               if span.label_ == "PERSON" and (doc[span.end - 1].lower_ in POSSESSIVE_MARKS or (
                   span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE_MARKS))]
    # or after a nominee in a sentence about awards: "best actress nominees include Keira Knightley for Pride"
    starts += [span.end + 1 for span in actors if span.label_ == "PERSON" and span.end + 1 < len(doc)
               and doc[span.end].lower_ == "for" and any(t.lower_ in AWARD_WORDS for t in span.sent)]
    found = _titles_before_their_kind(doc, taken)
    for start in sorted(set(starts)):
        if start >= len(doc) or start in taken or not doc[start].text[:1].isupper():
            continue
        if any(start < span.end and span.start < start + 1 for span in found):
            continue
        end = start
        while end < len(doc) and end not in taken and (doc[end].text[:1].isupper() or (
                end > start and _glued(doc, end))):
            end += 1
        while end > start and doc[end - 1].lower_ in _TITLE_GLUE:
            end -= 1  # a title ends in a word of its own: not "Bad Education and" before a tagged name
        if end > start and doc[start].is_alpha:
            found.append(Span(doc, start, end, label="WORK_OF_ART"))
    return found


def credited_reach(participle: Token) -> range:
    """Where the name of the person a credit participle credits may start: right after "starring",
    a few words after "directed by" ("by Oscar-winning director Steven Soderbergh"); nowhere where
    the participle is no credit ("starring in", "written off")."""
    after = participle.i + 1
    if participle.lower_ not in CREDIT_PARTICIPLES or after >= len(participle.doc):
        return range(0)
    if participle.lower_.endswith("starring"):
        return range(after, after + 1)
    if participle.doc[after].lower_ != "by":
        return range(0)
    return range(after + 1, min(after + 1 + CREDIT_REACH, len(participle.doc)))
