"""Actors the model did not tag as such, made from the parse: the ``made actors`` family.

Names after an organisation's possessive (``BBC Radio 4's World At One``), the seat before an
elected title (``the Glasgow Kelvin MP``), events named by an actor (``the Palestinian
presidential election``), a people's forces (``British forces``), named groups of countries
(``the Baltic states``), a body that swallowed the title after it (``Labour MP``) and owner and
owned in one tagged name (``the Russian Federation's Armed Forces``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span

from graphbuild.extraction.mentions.clusters import people_country, tokens_among
from graphbuild.extraction.mentions.hygiene import clean_spans
from graphbuild.extraction.mentions.whole_names import (
    acronym_bodies,
    armed_forces,
    continued_titles,
    credited_titles,
    demonym_names,
    event_titles,
    law_references,
    law_titles,
    media_titles,
    named_events,
    numbered_channels,
    site_names,
    state_groups,
    weekday_papers,
    work_titles,
)
from graphbuild.extraction.mentions.words import (
    LAW_HEADS,
    MEDIA_NOUNS,
    NUMERIC_LABELS,
    OFFICE_NOUNS,
    PARTY_MEMBERS,
    PEER_TITLES,
    PERSON_HONORIFICS,
    POSSESSIVE_MARKS,
    SEAT_TITLES,
)
from graphbuild.extraction.rule import Example, Rule, Stage
from graphbuild.model import EntityType
from graphbuild.names import TITLE_WORDS, Gazetteer, clean_name

__all__ = ["RULES", "actor_spans"]


def _rule(name: str, construction: str, *examples: Example) -> Rule:
    return Rule(name=name, family="made actors", construction=construction, examples=examples,
                stage=Stage.RESOLUTION)


POSSESSED_NAME = _rule(
    "possessed_name", "a capitalised run after an organisation's possessive is its part: \"BBC Radio 4's Today\"",
    Example(text="Jack Straw told BBC Radio 4's World At One that the talks went well.",
            triples=(("Jack Straw", "speak_to", "World At One"),)),
    Example(text="Bill Cash told BBC Radio 4's Today the plan was wrong.",  # a programme, not a date
            triples=(("Bill Cash", "speak_to", "Today"),)))
HONORIFIC_NAME = _rule(
    "honorific_name", "a capitalised name after an honorific is a person's, tagged or not: \"Lord Browne\", "
    "\"Mr Ebbers\"",
    Example(text="Lord Browne, BP's chief executive, said profits rose.",
            triples=(("Browne", "chief_executive_of", "BP"),)),
    Example(text="The Lord Chancellor criticised Mr Smithers.", absent=(("Chancellor", "*", "*"),)))
CONSTITUENCY = _rule(
    "constituency", "the capitalised run between \"the\" and an elected title is the seat: \"the Glasgow Kelvin MP\"",
    Example(text="Labour MP Diane Abbott will stand against Tory MP David Davis. Ms Abbott, who spoke on Friday, "
                 "said she was ready. The Hackney North MP criticised Boris Johnson.",
            triples=(("Diane Abbott", "mp_of", "Hackney North"),)))
NAMED_EVENT = _rule(
    "named_event", "an election, conference, summit, marathon, festival or tournament named by an actor is an "
    "event, and so is a bombing, tsunami or earthquake",
    Example(text="Mahmoud Abbas won the Palestinian presidential election.",
            triples=(("Mahmoud Abbas", "win", "Palestinian presidential election"),)),
    Example(text="George W Bush won the US presidential election.",  # the parser's nmod for "US"
            triples=(("George W Bush", "win", "US presidential election"),)),
    Example(text="Sonia O'Sullivan is preparing for the London marathon on 17 April.",
            triples=(("Sonia O'Sullivan", "prepare_for", "London marathon"),)))
ACRONYM_BODY = _rule(
    "acronym_body", "an untagged acronym named with a kind of body is the body's name: \"analyst firm IDC\", \"the "
    "FNSEA farmers' union\"",
    Example(text="Jill Finger, a director at analyst firm IDC, said demand was high.",
            triples=(("Jill Finger", "director_at", "IDC"),)))
ARMED_FORCES = _rule(
    "armed_forces", "a people's forces, troops or soldiers are an actor: \"Russian troops\"",
    Example(text="Russian troops crossed into Georgia.", triples=(("Russian troops", "cross_into", "Georgia"),)))
STATE_GROUP = _rule(
    "state_group", "a named group of countries is an actor: \"the Baltic states\"",
    Example(text="The Baltic states fear Russia.", triples=(("Baltic states", "fear", "Russia"),)))
TITLE_IN_NAME = _rule(
    "title_in_name", "a body tagged with the title of the person after it gives the title back: \"Labour MP\"; "
    "tagged with its members, it gives them back: \"Tory MPs\"",
    Example(text="George Galloway is to stand against pro-Iraq war Labour MP Oona King at the next general election.",
            triples=(("Oona King", "mp_of", "Labour Party"),)),
    Example(text="Tory MPs criticised Michael Howard.",
            triples=(("Conservative Party", "criticise", "Michael Howard"),), not_actors=("Tory MPs",)))
SPLIT_POSSESSIVE = _rule(
    "split_possessive", "one tagged name holding a country's possessive is owner and owned",
    Example(text="Units of the Russian Federation’s Armed Forces will leave.",
            triples=(("Russian Federation Armed Forces", "part_of", "Russia"),)))

GAZETTEER_NAME = _rule(
    "gazetteer_name", "a country, region or party the gazetteer knows, written as a name the model did not tag",
    Example(text="England beat Samoa in Dubai.", triples=(("England", "beat", "Samoa"),)),
    Example(text="Jordan Henderson joined Liverpool.", absent=(("Jordan", "*", "*"),)),
    Example(text="Labour MP Oona King lost her seat.", triples=(("Oona King", "mp_of", "Labour Party"),)))

WORK_TITLE = _rule(
    "work_title", "an untagged capitalised run after a noun for a work, a person's possessive or an award "
    "nominee, or set off before a noun for a work: \"the film X\", \"best actress nominee Y for X\", \"X, a comedy\"; "
    "a title cut at a small word goes on past it: \"Eternal Sunshine of the Spotless Mind\"",
    Example(text="The film Gladiator stars Russell Crowe.", triples=(("Russell Crowe", "star_in", "Gladiator"),)),
    Example(text="Fans queued for Dan Brown's The Da Vinci Code.", triples=(("Dan Brown", "make", "Da Vinci Code"),)),
    Example(text="Best actress nominees include Keira Knightley for Pride and Prejudice.",
            triples=(("Keira Knightley", "star_in", "Pride and Prejudice"),)),
    Example(text="Best director nominees include Michel Gondry for Eternal Sunshine of the Spotless Mind.",
            triples=(("Michel Gondry", "direct", "Eternal Sunshine of the Spotless Mind"),)))

CREDITED_TITLE = _rule(
    "credited_title", "a capitalised run set off before a participle that credits a person is a work, even where "
    "the model tagged a place or a person in it: \"Closer, directed by Mike Nichols,\", \"X, starring Y,\"",
    Example(text="Lost in Translation, directed by Sofia Coppola, won the award.",
            triples=(("Sofia Coppola", "direct", "Lost in Translation"),)),
    Example(text="Comedy Meet the Fockers, starring Ben Stiller, was second.",  # a kind is no part of the title
            triples=(("Ben Stiller", "star_in", "Meet the Fockers"),)))

OWN_WEBSITE = _rule(
    "own_website", "a body's website is an actor of its own: \"told the BBC News website\"",
    Example(text="Gonzalo Frasca told the BBC News website that games matter.",
            triples=(("Gonzalo Frasca", "speak_to", "BBC News website"),)))

LAW_TITLE = _rule(
    "law_title", "the capitalised run that ends in Act, Bill or Treaty is a law, whatever the model tagged in it: "
    "\"the Identity Cards Bill\"",
    Example(text="The Identity Cards Bill was published on Monday. The Liberal Democrats oppose the bill.",
            triples=(("Liberal Democrats", "oppose", "Identity Cards Bill"),)))

SITE_NAME = _rule(
    "site_name", "a name, its \"'s\" and a capitalised site noun are one site: \"St James's Palace\"",
    Example(text="Tony Blair will host a reception at St James's Palace.",
            triples=(("Tony Blair", "host_reception_at", "St James's Palace"),)))
MEDIA_TITLE = _rule(
    "media_title", "the capitalised run between \"the\" and a newspaper's or programme's noun is its name: "
    "\"told the Bisnis Indonesia newspaper\", or between a body's possessive and the noun: \"BBC's Breakfast with "
    "Frost programme\"; so is a channel's number after a body: \"BBC Three\"",
    Example(text="Aburizal Bakrie told the Bisnis Indonesia newspaper that the aid was enough.",
            triples=(("Aburizal Bakrie", "speak_to", "Bisnis Indonesia"),)),
    Example(text="Alan Milburn told the Sunday Telegraph that the campaign was going well.",  # not a date
            triples=(("Alan Milburn", "speak_to", "Sunday Telegraph"),)),
    Example(text="The Orange Film Awards will be shown on BBC One at 2010 GMT.",  # a channel's number
            triples=(("BBC One", "show", "Orange Film Awards"),)),
    Example(text="Charles Kennedy told BBC's Breakfast with Frost programme that the plan was wrong.",
            triples=(("Charles Kennedy", "speak_to", "Breakfast with Frost"),)))
DEMONYM_INSIDE = _rule(
    "demonym_inside", "a country's or party's demonym the model swept into a person's name is not part of it: "
    "\"Kenyan Bernard Lagat\", \"Tory Liam Fox\"",
    Example(text="Kenyan Bernard Lagat won the race in Boston.", triples=(("Bernard Lagat", "from", "Kenya"),),
            not_actors=("Kenyan Bernard Lagat",)),
    Example(text="Tory Liam Fox said the plan was wrong.", triples=(("Liam Fox", "member_of", "Conservative Party"),),
            not_actors=("Tory Liam Fox",)),
    Example(text="Frenchman Cyril Saulnier beat Tomas Zib in Delray Beach.",  # tagged as a body
            triples=(("Cyril Saulnier", "beat", "Tomas Zib"),), not_actors=("Frenchman Cyril Saulnier",)))
DEMONYM_NAME = _rule(
    "demonym_name", "the untagged name after a country's demonym is a person's: \"beat Czech Jan Hernych\"",
    Example(text="Russian Marat Safin beat Czech Jan Hernych in the first round.",
            triples=(("Marat Safin", "beat", "Jan Hernych"),)),
    Example(text="The Indonesian Economics Minister told the Jakarta Post that the aid was enough.",  # an office
            absent=(("Economics Minister", "*", "*"),)))

EVENT_TITLE = _rule(
    "event_title", "a capitalised run before Open, Cup, Games, Festival… is a competition or festival, tagged in "
    "part or not: \"the Australian Open semi-finals\"",
    Example(text="Serena Williams lost in the Australian Open final.",
            triples=(("Serena Williams", "lose_in", "Australian Open"),)))

ONE_OF_A_PEOPLE = _rule(
    "one_of_a_people", "\"the Spaniard\", \"the 18-year-old Russian\" is a person from the country, not the country "
    "(\"the French\", \"the Swiss\" are the people)",
    Example(text="Rafael Nadal beat Andy Roddick in Seville. The Spaniard thanked Carlos Moya.",
            removes=(("Spain", "thank", "Carlos Moya"),)),
    Example(text="Spaniard Rafael Nadal beat Andy Roddick. The Spaniard thanked Carlos Moya.",
            removes=(("Spain", "thank", "Carlos Moya"),)),
    Example(text="Paula Radcliffe won in New York. The Briton held off Susan Chepkemei.",  # tagged as a person
            not_actors=("Briton",)))

RULES = (HONORIFIC_NAME, POSSESSED_NAME, CONSTITUENCY, NAMED_EVENT, ARMED_FORCES, STATE_GROUP, TITLE_IN_NAME,
         SPLIT_POSSESSIVE, GAZETTEER_NAME, WORK_TITLE, CREDITED_TITLE, OWN_WEBSITE, LAW_TITLE, DEMONYM_INSIDE,
         DEMONYM_NAME, SITE_NAME, MEDIA_TITLE, EVENT_TITLE, ONE_OF_A_PEOPLE, ACRONYM_BODY)


def actor_spans(doc: Doc, gazetteer: Gazetteer, wanted: frozenset[str],
                disabled: Collection[str] = ()) -> tuple[list[Span], dict[int, str]]:
    """The spans of an article's actors, tagged and made, in text order, and the names of owned parts by start."""
    tagged = clean_spans(doc, [span for span in doc.ents if span.label_ in wanted], disabled)
    if DEMONYM_INSIDE.name not in disabled:
        tagged = [_without_demonym(span, gazetteer) for span in tagged]
    if "PERSON" in wanted and HONORIFIC_NAME.name not in disabled:
        tagged = sorted([*tagged, *honorific_names(doc)], key=lambda span: span.start)
    if "PERSON" in wanted and DEMONYM_NAME.name not in disabled:
        tagged = sorted([*tagged, *demonym_names(doc, tagged, gazetteer)], key=lambda span: span.start)
    actors, owned_names = split_possessives(doc, tagged, gazetteer, disabled)
    if "ORG" in wanted and POSSESSED_NAME.name not in disabled:
        actors = [*actors, *possessed_names(doc, actors)]
    if OWN_WEBSITE.name not in disabled:
        actors = [_with_website(span) for span in actors]
    if "GPE" in wanted and CONSTITUENCY.name not in disabled:
        actors = [*actors, *constituencies(doc, actors)]
    if "WORK_OF_ART" in wanted and WORK_TITLE.name not in disabled:
        actors = [*actors, *work_titles(doc, actors)]
    if GAZETTEER_NAME.name not in disabled:
        # a known name takes the place of a shorter one the model tagged inside it ("Liberal Democrat")
        known = gazetteer_names(doc, actors, gazetteer)
        inside = {i for span in known for i in range(span.start, span.end)}
        actors = [*(span for span in actors if span.start not in inside), *known]
    for rule, finder, label in ((NAMED_EVENT, named_events, "EVENT"), (ARMED_FORCES, armed_forces, "ORG"),
                                (STATE_GROUP, state_groups, "LOC"), (LAW_TITLE, law_titles, "LAW"),
                                (CREDITED_TITLE, credited_titles, "WORK_OF_ART"),
                                (WORK_TITLE, continued_titles, "WORK_OF_ART"), (SITE_NAME, site_names, "FAC"),
                                (MEDIA_TITLE, media_titles, "ORG"), (MEDIA_TITLE, weekday_papers, "ORG"),
                                (MEDIA_TITLE, numbered_channels, "ORG"), (EVENT_TITLE, event_titles, "EVENT"),
                                (ACRONYM_BODY, acronym_bodies, "ORG")):
        if label in wanted and rule.name not in disabled:
            # the new spans take the place of the names inside them
            spans = finder(doc, actors)
            inside = {i for span in spans for i in range(span.start, span.end)}
            actors = [*(span for span in actors if span.start not in inside), *spans]
    if "LAW" in wanted and LAW_TITLE.name not in disabled:
        # "the Bill" once a bill is named: the law, which the mentions link to the name before it
        lone = law_references(doc, actors)
        at = {span.start for span in lone}
        # a law's head word tagged alone is no name either: "No Bill goes through Parliament"
        actors = [*(span for span in actors if not (len(span) <= 2 and span[-1].i in at)
                    and not (len(span) == 1 and span[0].text in LAW_HEADS)), *lone]
    if ONE_OF_A_PEOPLE.name not in disabled:
        actors = [span for span in actors if not _one_of_a_people(span, gazetteer)]
    actors.sort(key=lambda span: span.start)
    return actors, owned_names


#: Honorifics before a person's name, as the lower-case tokens they are ("mr", "mr.").
_HONORIFIC_TOKENS = frozenset(f"{h}{dot}" for h in PERSON_HONORIFICS | PEER_TITLES for dot in ("", "."))


def honorific_names(doc: Doc) -> list[Span]:
    """Untagged names after an honorific: "Lord Browne", "Mr Kilroy-Silk" (not "Lord Chancellor").

    The name is the run of untagged capitalised proper nouns, with hyphens inside it.
    """
    found: list[Span] = []
    # a name the model tags as a body elsewhere stays one: "Dr Reddy's" the drugmaker
    bodies = {t.text for span in doc.ents if span.label_ == "ORG" for t in span}
    for honorific in tokens_among(doc, _HONORIFIC_TOKENS, "LOWER"):
        start = end = honorific.i + 1
        while end < len(doc) and not doc[end].ent_type_ and (
                (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].lower_ not in TITLE_WORDS)
                or (doc[end].text == "-" and end > start and not doc[end].whitespace_)):
            end += 1
        while end > start and doc[end - 1].text == "-":
            end -= 1
        if end > start and not honorific.ent_type_ and not any(t.text in bodies for t in doc[start:end]):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


#: The gazetteer's kinds whose demonyms may stand before a person's name: countries and parties.
_DEMONYM_TYPES = frozenset({EntityType.GPE, EntityType.ORG})


def _without_demonym(span: Span, gazetteer: Gazetteer) -> Span:
    """A person's name without the demonym the model took into it: "Kenyan Bernard Lagat" → Bernard Lagat,
    and "Frenchman Cyril Saulnier", which the model takes for a body."""
    person_noun = span.label_ == "ORG" and span[0].pos_ == "NOUN" and span[0].lower_.endswith(("man", "woman"))
    if ((span.label_ != "PERSON" and not person_noun) or len(span) < 3 or not span[1].text[:1].isupper()
            or span[1].lower_ in OFFICE_NOUNS or span[-1].lower_ in PEER_TITLES):
        return span  # not an office in the name: "Tory Treasurer Lord"
    entry = gazetteer.demonym(span[0].text)
    if entry is None or entry.type not in _DEMONYM_TYPES or span[0].text == entry.name:
        return span
    return Span(span.doc, span.start + 1, span.end, label="PERSON")


def _one_of_a_people(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether the span is one person of a people: "the Spaniard", "the 18-year-old Russian"."""
    return len(span) == 1 and people_country(span[0], gazetteer) is not None  # whatever the model tagged it


def _with_website(span: Span) -> Span:
    """An organisation's name with "website" after it names the website: "the BBC News website"."""
    doc = span.doc
    if span.label_ == "ORG" and span.end < len(doc) and doc[span.end].lower_ == "website":
        return Span(doc, span.start, span.end + 1, label="ORG")
    return span


def possessed_names(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Names that follow an organisation's possessive and that spaCy did not tag.

    "told BBC Radio 4's World At One", "the BBC's Today programme", "the UN's Security Council":
    a run of capitalised words after the possessive (with a programme-like noun at its end) is a
    part of the organisation. A run that is a title ("Nato's Secretary General") or that leads
    into a person's name ("the BBC's Political Editor Andrew Marr") is not.
    """
    taken = {i for span in actors for i in range(span.start, span.end)}
    found: list[Span] = []
    for span in actors:
        if span.label_ != "ORG":
            continue
        end = span.end
        if doc[end - 1].lower_ not in POSSESSIVE_MARKS:
            if end < len(doc) and doc[end].lower_ in POSSESSIVE_MARKS:
                end += 1
            else:
                continue
        stop = end
        while (stop < len(doc) and stop - end < 6 and stop not in taken
               and (doc[stop].is_title or doc[stop].is_upper or doc[stop].like_num) and doc[stop].text.isalnum()):
            stop += 1
        if stop == end or (stop < len(doc) and stop in taken):
            continue
        run = doc[end:stop]
        if any(t.lower_ in TITLE_WORDS for t in run):
            continue
        if stop < len(doc) and doc[stop].lower_ in MEDIA_NOUNS:
            stop += 1
        elif run[0].ent_type_ in NUMERIC_LABELS and not (len(run) == 1 and _broadcaster(span)
                                                         and run[0].lower_ not in _CALENDAR):
            continue  # "Russia's Monday deadline" (but "Radio 4's Today"); "World At One" may end in a number
        found.append(Span(doc, end, stop, label="ORG"))
    return found


#: Words in a broadcaster's name: its one capitalised word after the possessive is a programme,
#: whatever the tagger makes of it ("BBC Radio 4's Today"), unless it is a day or month.
_BROADCAST_WORDS = frozenset({"bbc", "radio", "tv", "television", "itv", "channel", "sky", "cnn", "nbc", "cbs", "abc"})
_CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
})


def _broadcaster(span: Span) -> bool:
    return any(t.lower_ in _BROADCAST_WORDS for t in span)


def constituencies(doc: Doc, actors: Sequence[Span]) -> list[Span]:
    """Untagged names of the place an elected title is for: "the Glasgow Kelvin MP".

    A run of capitalised proper nouns right after "the" and right before such a title is a place
    (spaCy tags "Glasgow" at best, and "Glasgow Kelvin" is the seat).
    """
    taken = {i for span in actors for i in range(span.start, span.end)}
    found: list[Span] = []
    for title in tokens_among(doc, SEAT_TITLES, "LOWER"):
        if title.i < 2:
            continue
        start = title.i
        while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
               and doc[start - 1].head.i == title.i and doc[start - 1].lower_ not in TITLE_WORDS):
            start -= 1
        if start == title.i or start == 0 or doc[start - 1].lower_ != "the":
            continue
        if any(i in taken for i in range(start - 1, title.i)):
            continue
        found.append(Span(doc, start, title.i, label="GPE"))
    return found


#: A body's members in the plural, which the model tags with the body: "Tory MPs", "Labour rebels".
_MEMBERS = frozenset(f"{member}s" for member in PARTY_MEMBERS)


def without_title(span: Span) -> Span | None:
    """A tagged body that swallowed the title of the person after it, without the title.

    spaCy tags "pro-Iraq war Labour MP" in "... Labour MP Oona King" as one organisation; the
    body is "Labour", the capitalised run before the title. None when no name is left.
    """
    doc = span.doc
    if len(span) >= 2 and span[-1].lower_ in _MEMBERS:
        return Span(doc, span.start, span.end - 1, label="ORG")  # "Tory MPs": the party, whose MPs act
    if (span.label_ not in {"ORG", "NORP", "GPE"} or len(span) < 2 or span[-1].lower_ not in TITLE_WORDS
            or span.end >= len(doc) or doc[span.end].ent_type_ != "PERSON"):
        return span
    end = span.end - 1
    start = end
    while start > span.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
        start -= 1
    return Span(doc, start, end, label=span.label_) if start < end else None


def split_possessives(doc: Doc, actors: Sequence[Span], gazetteer: Gazetteer,
                      disabled: Collection[str] = ()) -> tuple[list[Span], dict[int, str]]:
    """Split one tagged name that holds a possessive into owner and owned.

    spaCy tags "the Russian Federation's Armed Forces" as one place; it is an organisation, the
    Armed Forces, of the Russian Federation. The owned part keeps the whole name ("Russian
    Federation Armed Forces": other countries have armed forces too); the map gives it by start.
    """
    result: list[Span] = []
    names: dict[int, str] = {}
    for tagged in actors:
        span = tagged if TITLE_IN_NAME.name in disabled else without_title(tagged)
        if span is None:
            continue
        if SPLIT_POSSESSIVE.name in disabled:
            result.append(span)
            continue
        marks = [t.i for t in span[1:-1] if t.lower_ in POSSESSIVE_MARKS and t.tag_ == "POS"]
        entry = gazetteer.canonical(clean_name(doc[span.start : marks[0]].text)) if len(marks) == 1 else None
        if span.label_ not in {"GPE", "ORG"} or entry is None or entry.type is not EntityType.GPE:
            # only a country owns: "the People's Bank", "the Professional Footballers' Association"
            # and "The Hitchhiker's Guide" are names with a possessive in them
            result.append(span)
            continue
        owner = doc[span.start : marks[0]]
        result.append(Span(doc, owner.start, owner.end, label=entry.type.value))
        result.append(Span(doc, marks[0] + 1, span.end, label="ORG"))
        names[marks[0] + 1] = clean_name(" ".join(t.text for t in span if t.tag_ != "POS"))
    return result, names


#: The longest name, in tokens, looked up in the gazetteer.
_LONGEST_NAME = 5


def gazetteer_names(doc: Doc, actors: Sequence[Span], gazetteer: Gazetteer) -> list[Span]:
    """Countries, regions and parties the gazetteer knows, written as names the model did not tag.

    The small model misses some ("England won the first event"); a run of capitalised tokens
    that is exactly a name, alias or demonym of the gazetteer is one, unless it is part of a
    longer name ("New England", "Jordan Henderson"). A demonym becomes a people (NORP).
    """
    spans_at = {i: span for span in actors for i in range(span.start, span.end)}
    firsts = gazetteer.first_words
    found: list[Span] = []
    for token in tokens_among(doc, firsts, "ORTH") if firsts else []:
        start = token.i
        if not token.text[:1].isupper() or (found and start < found[-1].end):
            continue
        for end in range(min(len(doc), start + _LONGEST_NAME), start, -1):
            hit = gazetteer.written.get(doc[start:end].text)
            if hit is None or _inside_name(doc, start, end, spans_at):
                continue
            entry, demonym = hit
            tagged = {spans_at[i] for i in range(start, end) if i in spans_at}
            # free tokens, a tagged name strictly inside this one ("Democrat" of "Liberal Democrat"),
            # or a party the model took for a person ("Lib Dem leader")
            if any(t.start < start or t.end > end or (t.end - t.start == end - start and not (
                    t.label_ == "PERSON" and entry.type is EntityType.ORG)) for t in tagged):
                continue
            found.append(Span(doc, start, end, label="NORP" if demonym else entry.type.value))
            break
    return found


def _inside_name(doc: Doc, start: int, end: int, spans_at: dict[int, Span]) -> bool:
    """True when the run is part of a longer proper name: a capitalised proper noun touches it.

    A party member's noun after the run ("Labour MP Oona King", not "Labour Minister", which may
    be an office's field) or a name the model tagged from there on ("Conservative Michael Howard")
    does not make the run part of one.
    """
    def names(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
    after = spans_at.get(end)
    return names(start - 1) or (names(end) and doc[end].lower_ not in PARTY_MEMBERS
                                and not (after is not None and after.start == end and after.label_ == "PERSON"))
